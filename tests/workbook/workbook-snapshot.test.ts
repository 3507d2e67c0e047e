import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SjukError } from "../../src/core/errors";
import { createSjukHyperFormula } from "../../src/functions/hyperformula";
import { ScenarioSchema, type Scenario } from "../../src/scenarios";
import { insertSheets } from "../../src/workbook/agreement-insert";
import { HyperFormulaPort, parseSnapshot } from "../../src/workbook/hyperformula-port";
import { loadScenarios, saveScenarios } from "../../src/workbook/scenario-sheet";
import { writeAuditSheet, writeComparisonSheet } from "../../src/workbook/scenario-reports";

/*
 * The preview's save and reopen: a workbook with the 2020 sheets, saved scenarios, the comparison
 * and audit sheets, a user's own sheet with a spill and an SJUK.SCENARIO cell, saved as a snapshot
 * file and built again in a new HyperFormula: every cell, table, format and setting comes back.
 */
const example = (file: string): Scenario =>
  ScenarioSchema.parse(
    JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"))
  );
const scenarios = [example("scenario-shipped-key.json"), example("scenario-mix-gotland.json")];

async function savedBook(): Promise<HyperFormulaPort> {
  const port = new HyperFormulaPort(createSjukHyperFormula({}, { language: "sv" }));
  await insertSheets(port, { language: "sv" });
  await saveScenarios(port, scenarios, "sv");
  await writeComparisonSheet(port, scenarios, "sv");
  await writeAuditSheet(port, scenarios[1]!, "sv");
  const hf = port.hf;
  hf.addSheet("Mitt blad");
  const mine = hf.getSheetId("Mitt blad")!;
  hf.setSheetContent(mine, [
    ["'01", '=SJUK.SHARES(Befolkning!C6:C26; "v1")'.replace(/;/g, ",")],
    [`=SJUK.SCENARIO("${scenarios[1]!.name}", "Gotland", SJUK_Scenarier)`],
  ]);
  return port;
}

const everyValue = (port: HyperFormulaPort) =>
  Object.fromEntries(
    port.hf.getSheetNames().map((n) => [n, port.hf.getSheetValues(port.hf.getSheetId(n)!)])
  );

describe("saving and reopening the preview's workbook", () => {
  it("gives back every sheet's values, the tables, formats, styles, drop-downs, settings and scenarios", async () => {
    const before = await savedBook();
    const text = JSON.stringify(before.snapshot());
    const after = HyperFormulaPort.fromSnapshot(
      createSjukHyperFormula({}, { language: "sv" }),
      parseSnapshot(text, "bok.json")
    );
    expect(after.hf.getSheetNames()).toEqual(before.hf.getSheetNames());
    expect(everyValue(after)).toEqual(everyValue(before));
    expect(after.listTables()).toEqual(before.listTables());
    expect(after.settings).toEqual(before.settings);
    expect(await loadScenarios(after)).toEqual(scenarios);
    expect(after.formatAt("Resultat", "C6")).toBe(before.formatAt("Resultat", "C6"));
    expect(after.styleAt("Scenarier", "A1")).toBe("title");
    const villkor = before.listTables().find((t) => t.sheet === "Villkor")!;
    const flag = `${String.fromCharCode(villkor.topLeft.charCodeAt(0) + 2)}${Number(villkor.topLeft.slice(1)) + 1}`;
    expect(after.validationAt("Villkor", flag)).toEqual(before.validationAt("Villkor", flag));
    // The spill is a formula again (not frozen values), so it follows a new key figure.
    const mine = after.hf.getSheetId("Mitt blad")!;
    expect(after.hf.getCellFormula({ sheet: mine, row: 1, col: 1 })).toBeUndefined();
    expect(after.hf.getCellValue({ sheet: mine, row: 0, col: 0 })).toBe("01");
    const stockholm = after.hf.getCellValue({ sheet: mine, row: 0, col: 1 });
    after.hf.setCellContents(
      { sheet: after.hf.getSheetId("Befolkning")!, row: 5, col: 2 },
      3_000_000
    );
    expect(after.hf.getCellValue({ sheet: mine, row: 0, col: 1 })).not.toBe(stockholm);
    // The reopened workbook takes the pane's operations: the comparison is written again.
    expect(await writeComparisonSheet(after, scenarios, "sv")).toBe("Jämförelse");
  });

  it("refuses a file that is not a saved preview workbook, naming the file", () => {
    const refused = (text: string) => {
      try {
        parseSnapshot(text, "bok.json");
      } catch (e) {
        return (e as SjukError).message;
      }
      throw new Error("accepted");
    };
    expect(refused("{")).toMatch(/^bok\.json: not valid JSON/);
    expect(refused('{"format":"xlsx"}')).toBe(
      "bok.json: not a workbook saved by the SJUK preview (format sjuk-preview-workbook, version 1)"
    );
    expect(
      refused(
        '{"format":"sjuk-preview-workbook","version":1,"sheets":[{"name":1}],"names":[],"tables":[],"formats":[],"validations":[],"styles":[],"settings":{}}'
      )
    ).toBe("bok.json: sheets[0] is not a sheet");
  });
});
