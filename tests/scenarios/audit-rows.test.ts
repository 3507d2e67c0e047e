import { HyperFormula } from "hyperformula";
import { join } from "node:path";
import { compute } from "../../src/engine/compute";
import { auditRows, columnLetter, resolveScenario, type AuditCell } from "../../src/scenarios";
import { EXAMPLES, contextFor, readJson } from "./helpers";

function resultOf(name: string) {
  const file = join(EXAMPLES, name);
  const r = resolveScenario(readJson(file), contextFor(file));
  return compute(r.agreement, r.inputs, r.options);
}

/** The table in HyperFormula, a real formula engine: every formula evaluated by it. */
function evaluate(header: string[], rows: AuditCell[][]) {
  const sheet = [header, ...rows].map((r) =>
    r.map((c) => (c !== null && typeof c === "object" ? `=${c.formula}` : c))
  );
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  return (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
}

describe("auditRows", () => {
  for (const name of ["scenario-shipped-key.json", "scenario-mix-gotland.json"]) {
    it(`${name}: every SUM a formula engine evaluates is the value the engine computed`, () => {
      const result = resultOf(name);
      const { header, rows, totalCell } = auditRows(result, "sv");
      const value = evaluate(header, rows);
      let formulas = 0;
      rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (c === null || typeof c !== "object") return;
          formulas++;
          expect([`${columnLetter(j + 1)}${i + 2}`, value(i + 1, j)]).toEqual([
            `${columnLetter(j + 1)}${i + 2}`,
            c.value,
          ]);
        })
      );
      expect(formulas).toBeGreaterThan(21 * 5);
      // The grand total is the result's total; each post's sum row is what the post pays.
      const paidCol = header.length - 1;
      expect(totalCell).toBe(
        `${columnLetter(paidCol + 1)}${rows.findIndex((r) => r[3] === "Totalt") + 2}`
      );
      expect(value(rows.findIndex((r) => r[3] === "Totalt") + 1, paidCol)).toBe(result.total);
      for (const p of result.posts) {
        const at = rows.findIndex((r) => r[3] === `Summa ${p.post.id}`);
        expect(value(at + 1, paidCol)).toBe(p.paid);
      }
      for (const r of result.byRegion) {
        const at = rows.findIndex((row) => row[2] === r.recipient && typeof row[0] !== "string");
        expect(value(at + 1, paidCol)).toBe(r.amount);
      }
    });
  }

  it("shows the weight, share, exact amount, floor, rank and the rule for Gotland's lapsed v2 (Swedish and English)", () => {
    const result = resultOf("scenario-mix-gotland.json");
    const sv = auditRows(result, "sv");
    const en = auditRows(result, "en");
    expect(sv.header.slice(0, 5)).toEqual(["Post", "Sida", "Kod", "Mottagare", "Regel"]);
    expect(en.header.slice(0, 5)).toEqual(["Post", "Page", "Code", "Recipient", "Rule"]);
    const row = sv.rows.find((r) => r[0] === "v2" && r[2] === "09")!;
    const line = result.posts
      .find((p) => p.post.id === "v2")!
      .allocation!.lines.find((l) => l.id === "09")!;
    expect(row.slice(1, 11)).toEqual([
      result.posts.find((p) => p.post.id === "v2")!.post.page,
      "09",
      "Region Gotland",
      "ej uppfyllt: andelen betalas inte ut",
      line.weight.toNumber(),
      line.share.toNumber(),
      line.exact.toNumber(),
      line.floor,
      line.rank,
      line.roundedUp,
    ]);
    expect(row[12]).toBe(-(line.floor + line.roundedUp)); // the rule takes the whole share away
    expect(en.rows.find((r) => r[0] === "v2" && r[2] === "09")![4]).toBe(
      "not fulfilled: its share is not paid"
    );
    // The contact money's rounds have their own columns.
    expect(sv.header).toContain("Omfördelning, omgång 1");
  });
});
