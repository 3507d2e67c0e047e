import { AGREEMENT_2020 } from "../../src/agreements";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { ScenarioSchema, auditRows, type Scenario } from "../../src/scenarios";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { OWNED_SHEETS_SETTING } from "../../src/workbook/port";
import { saveScenarios } from "../../src/workbook/scenario-sheet";
import {
  scenarioResult,
  writeAuditSheet,
  writeComparisonSheet,
} from "../../src/workbook/scenario-reports";

const example = (file: string): Scenario =>
  ScenarioSchema.parse(
    JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"))
  );
const shipped = example("scenario-shipped-key.json");
const mix = example("scenario-mix-gotland.json");
// A user's key column: the shipped figures with Stockholm 100 000 higher.
const figures = shippedPopulationKey().figures;
const userKey: Scenario = {
  name: "Egen nyckel",
  key: {
    figures: Object.fromEntries(
      REGIONS.map((r) => [r.code, Number(figures[r.code]) + (r.code === "01" ? 100_000 : 0)])
    ),
  },
};
const THREE = [shipped, userKey, mix];

async function column(port: HyperFormulaPort, sheet: string, range: string) {
  return (await port.readRange(sheet, range)).map((r) => r[0]);
}

describe("the comparison sheet", () => {
  it("per post and region, each scenario's payment and its difference against the base; each post's SUM equals the engine's", async () => {
    const port = new HyperFormulaPort();
    await saveScenarios(port, THREE, "sv");
    expect(await writeComparisonSheet(port, THREE, "sv")).toBe("Jämförelse");
    const grid = await port.readRange("Jämförelse", "A5:I400");
    const results = THREE.map((s) => scenarioResult(s));
    for (const [i, result] of results.entries())
      for (const post of result.posts) {
        // Column A names each post by its Swedish title, as the agreement's sheets do.
        const total = grid.find((r) => r[0] === post.post.title.sv && r[1] === "Summa")!;
        expect(total[2 + i]).toBe(post.paid);
      }
    const title = (id: string) => AGREEMENT_2020.posts.find((p) => p.id === id)!.title.sv;
    const v1 = grid.filter((r) => r[0] === title("v1") && r[1] === "Summa")[0]!;
    expect(v1.slice(2, 5)).toEqual([100_000_000, 100_000_000, 100_000_000]);
    // Gotland's villkor 2 in the mix scenario: lapsed, so its difference is minus its base payment.
    const gotland = grid.find((r) => r[0] === title("v2") && r[1] === "Region Gotland")!;
    expect(gotland[4]).toBe(0);
    expect(gotland[7]).toBe(-(gotland[2] as number));
    expect(gotland[8]).toBe(-1);
    // The user's key: Stockholm gains in villkor 1, and the differences over the regions add up to 0.
    const v1Rows = grid.filter((r) => r[0] === title("v1") && r[1] !== "Summa" && r[1] !== null);
    expect(v1Rows).toHaveLength(21);
    expect(v1Rows.reduce((s, r) => s + (r[5] as number), 0)).toBe(0);
    expect(v1Rows[0]![5]).toBeGreaterThan(0);
    expect(await port.readSetting(OWNED_SHEETS_SETTING)).toEqual([
      { role: "scenarios", name: "Scenarier" },
      { role: "comparison", name: "Jämförelse" },
    ]);
  });

  it("refuses an unknown base and writes nothing", async () => {
    const port = new HyperFormulaPort();
    await expect(writeComparisonSheet(port, THREE, "en", "Finns inte")).rejects.toThrow();
    expect(await port.listSheets()).toEqual([]);
  });
});

describe("the audit sheet", () => {
  it("writes a scenario's audit rows with SUM formulas whose values equal the results", async () => {
    const port = new HyperFormulaPort();
    expect(await writeAuditSheet(port, mix, "sv")).toBe("Revision");
    const result = scenarioResult(mix);
    const table = auditRows(result, "sv", 4, 1);
    const [, paidColumn, row] = /^([A-Z]+)(\d+)$/.exec(table.totalCell)!;
    expect(await port.readRange("Revision", table.totalCell)).toEqual([[result.total]]);
    expect(result.total).toBe(944_000_000 - result.unpaid.reduce((s, u) => s + u.amount, 0));
    // Every post's SUM row: its paid column equals what the engine pays for the post.
    const paid = await column(port, "Revision", `${paidColumn}4:${paidColumn}${Number(row) - 1}`);
    const labels = await column(port, "Revision", `D4:D${Number(row) - 1}`);
    // Posts are named by their Swedish titles, not their ids.
    for (const post of result.posts) {
      const at = labels.indexOf(`Summa ${post.post.title.sv}`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(paid[at]).toBe(post.paid);
    }
    const posts = await column(port, "Revision", `A4:A${Number(row) - 1}`);
    const ids = new Set(result.posts.map((p) => p.post.id));
    expect(posts.filter((p) => ids.has(String(p)))).toEqual([]);
    // Bodies by name, never by id (the follow-up's "government").
    const all = (await port.readRange("Revision", `A1:Z${Number(row) + 40}`)).flat();
    expect(all).not.toContain("government");
    expect(all).toContain("Beslutas av regeringen (uppföljning)");
    // County codes keep their leading zero.
    expect((await port.readRange("Revision", "C4"))[0]![0]).toBe("01");
  });
});
