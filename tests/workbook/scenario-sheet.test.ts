import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../src/core/errors";
import { ScenarioSchema, type Scenario } from "../../src/scenarios";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { OWNED_SHEETS_SETTING } from "../../src/workbook/port";
import {
  SCENARIO_TABLE,
  addScenario,
  copyScenario,
  deleteScenario,
  describeKey,
  exportScenarioJson,
  importScenarioJson,
  loadScenarios,
  renameScenario,
  saveScenarios,
} from "../../src/workbook/scenario-sheet";
import { thrownProblems } from "../problems";

const example = (file: string): Scenario =>
  ScenarioSchema.parse(
    JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"))
  );
const THREE = [
  "scenario-shipped-key.json",
  "scenario-key-file.json",
  "scenario-mix-gotland.json",
].map(example);

const messages = (f: () => unknown): string[] => thrownProblems(f).map((p) => formatProblem(p));

describe("the Scenarier sheet", () => {
  it("saves three scenarios as one row each, records the sheet as owned, and reads them back whole", async () => {
    const port = new HyperFormulaPort();
    expect(await loadScenarios(port)).toEqual([]);
    expect(await saveScenarios(port, THREE, "sv")).toBe("Scenarier");
    expect(await port.readSetting(OWNED_SHEETS_SETTING)).toEqual([
      { role: "scenarios", name: "Scenarier" },
    ]);
    const table = (await port.readTable(SCENARIO_TABLE))!;
    expect(table.headers[0]).toBe("Namn");
    expect(table.rows.map((r) => r[0])).toEqual(THREE.map((s) => s.name));
    expect(table.rows[2]![2]).toBe(describeKey(THREE[2]!.key, "sv"));
    expect(await loadScenarios(port)).toEqual(THREE);
  });

  it("summarises each scenario in the sheet's language, naming agreements, posts and regions as the other sheets do (issue 12 point 6)", async () => {
    const port = new HyperFormulaPort();
    await saveScenarios(port, THREE, "sv");
    const mix = (await port.readTable(SCENARIO_TABLE))!.rows[2]!;
    expect(mix.slice(1, 6)).toEqual([
      "En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020",
      describeKey(THREE[2]!.key, "sv"),
      "ej uppfyllt: Region Gotland: Villkor 2 Funktion för koordinering",
      "antal för 21",
      "obetalda kontakter",
    ]);
    const en = new HyperFormulaPort();
    await saveScenarios(en, THREE, "en");
    expect((await en.readTable(SCENARIO_TABLE))!.rows[2]!.slice(3, 6)).toEqual([
      "not met: Region Gotland: Condition 2 Coordination function",
      "counts for 21",
      "unpaid contacts",
    ]);
  });

  it("copies, renames and deletes by name, refusing a name already taken", () => {
    const copied = copyScenario(THREE, THREE[0]!.name, "Kopia");
    expect(copied.map((s) => s.name)).toEqual([...THREE.map((s) => s.name), "Kopia"]);
    expect(copied[3]).toEqual({ ...THREE[0], name: "Kopia" });
    const renamed = renameScenario(copied, "kopia", "Andra");
    expect(renamed[3]!.name).toBe("Andra");
    expect(deleteScenario(renamed, "Andra")).toEqual(THREE);
    expect(messages(() => renameScenario(THREE, THREE[1]!.name, THREE[0]!.name))).toEqual([
      `two scenarios are named "${THREE[0]!.name}"; each needs its own name`,
    ]);
    expect(messages(() => deleteScenario(THREE, "Finns inte"))).toEqual([
      'no scenario is named "Finns inte"',
    ]);
    expect(messages(() => addScenario(THREE, { name: " " } as Scenario))[0]).toMatch(
      /a scenario needs a name/
    );
  });

  it("a bad row is named by sheet, cell and field, and nothing is read", async () => {
    const port = new HyperFormulaPort();
    await saveScenarios(port, THREE, "en");
    await port.writeCells("Scenarios", [
      { address: "G6", value: '{"name": "x", "key": {"equal": false}}' },
    ]);
    await port.writeCells("Scenarios", [{ address: "G5", value: "{not json" }]);
    await expect(loadScenarios(port)).rejects.toThrow(
      /Scenarios!G5: not valid JSON.*\n?.*Scenarios!G6, key/s
    );
  });

  it("never overwrites a user's sheet of the same name, and writes nothing then", async () => {
    const port = new HyperFormulaPort();
    await port.writeSheets([
      { role: "user", name: "Scenarier", cells: [{ address: "A1", value: "mine" }], tables: [] },
    ]);
    await expect(saveScenarios(port, THREE, "sv")).rejects.toThrow(
      /already has a sheet named "Scenarier"/
    );
    expect(await port.readRange("Scenarier", "A1")).toEqual([["mine"]]);
    expect(await port.readSetting(OWNED_SHEETS_SETTING)).toBeUndefined();
  });

  it("two scenarios of one name are refused before anything is written", async () => {
    const port = new HyperFormulaPort();
    await saveScenarios(port, THREE, "sv");
    await expect(saveScenarios(port, [...THREE, { ...THREE[0]! }], "sv")).rejects.toThrow(
      /two scenarios are named/
    );
    expect(await loadScenarios(port)).toEqual(THREE);
  });

  it("exports a scenario as a schema file and imports it back; a bad file names file and field", () => {
    const text = exportScenarioJson(THREE[2]!);
    expect(JSON.parse(text).$schema).toBe("https://sjuk.example.org/schemas/scenario.schema.json");
    const { $schema: _s, ...back } = importScenarioJson(text, "mix.json");
    const { $schema: _t, ...original } = THREE[2]!;
    expect(back).toEqual(original);
    expect(messages(() => importScenarioJson("{", "bad.json"))[0]).toMatch(
      /^bad\.json: not valid JSON/
    );
    expect(
      messages(() =>
        importScenarioJson('{"name": "x", "options": {"method": "huntington"}}', "m.json")
      )[0]
    ).toMatch(/^m\.json, options\.method: /);
  });
});
