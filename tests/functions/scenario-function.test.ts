import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { REGIONS } from "../../src/engine/regions";
import { SWEDISH_SEPARATORS, createSjukHyperFormula } from "../../src/functions/hyperformula";
import * as office from "../../src/functions/functions";
import { shippedPopulationKey } from "../../src/reference/population";
import { ScenarioSchema, type Scenario } from "../../src/scenarios";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { saveScenarios } from "../../src/workbook/scenario-sheet";
import { scenarioResult } from "../../src/workbook/scenario-reports";
import { runFunction } from "../../src/functions/runner";
import { resolveSavedScenario } from "../../src/scenarios/resolve";
import { evaluateInOffice, installCustomFunctionsMock, withOfficeDisplayLanguage } from "./harness";

/*
 * SJUK.SCENARIO(name; region; scenarios; [post]) over the Scenarier sheet the pane writes: the
 * three scenarios of issue 10 (the shipped key, a user's key figures, the 50/50 mix with Gotland
 * not fulfilling villkor 2 and the unpaid-contacts redistribution).
 */
const example = (file: string): Scenario =>
  ScenarioSchema.parse(JSON.parse(readFileSync(join(__dirname, "../../examples", file), "utf8")));
const shipped = example("scenario-shipped-key.json");
const mix = example("scenario-mix-gotland.json");
const figures = shippedPopulationKey().figures;
const own: Scenario = {
  name: "Egen nyckel",
  key: { figures: Object.fromEntries(REGIONS.map((r) => [r.code, Number(figures[r.code]) + (r.code === "01" ? 100_000 : 0)])) },
};
const SCENARIOS = [shipped, own, mix];

async function book(scenarios: Scenario[] = SCENARIOS): Promise<{ hf: HyperFormula; port: HyperFormulaPort; calc: number }> {
  const hf = createSjukHyperFormula(SWEDISH_SEPARATORS, { language: "sv" });
  const port = new HyperFormulaPort(hf);
  await saveScenarios(port, scenarios, "sv");
  hf.addSheet("Calc");
  return { hf, port, calc: hf.getSheetId("Calc")! };
}

function evaluate(hf: HyperFormula, calc: number, formula: string, row = 0): unknown {
  hf.setCellContents({ sheet: calc, row, col: 0 }, formula);
  const v = hf.getCellValue({ sheet: calc, row, col: 0 });
  return v instanceof DetailedCellError ? { error: v.type, message: v.message } : v;
}

describe("SJUK.SCENARIO in HyperFormula (the preview, sjuk evaluate)", () => {
  it("reads each saved scenario's payment from the SJUK_Scenarier table: per post and for all regional posts, equal to the engine's result", async () => {
    const { hf, calc } = await book();
    // The shipped key: Skåne's v1 is the README's 13 341 226 kr.
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Medföljande nyckel"; "skåne"; SJUK_Scenarier; "v1")')).toBe(13_341_226);
    // The mix: Gotland does not fulfil v2 and its share lapses.
    expect(evaluate(hf, calc, `=SJUK.SCENARIO("${mix.name}"; "Gotland"; SJUK_Scenarier; "v2")`)).toBe(0);
    for (const s of SCENARIOS) {
      const result = scenarioResult(s);
      const rows = REGIONS.map((r) => [`=SJUK.SCENARIO("${s.name}"; "${r.code}"; SJUK_Scenarier)`]);
      hf.setSheetContent(calc, rows);
      const got = hf.getSheetValues(calc).map((r) => r[0]);
      expect(got).toEqual(REGIONS.map((r) => result.byRegion.find((x) => x.recipient === r.code)!.amount));
      // v3-contacts with the mix's contacts and unpaid-contacts redistribution, region by region.
      const post = result.posts.find((p) => p.post.id === "v3-contacts")!;
      hf.setSheetContent(calc, REGIONS.map((r) => [`=SJUK.SCENARIO("${s.name}"; "${r.code}"; SJUK_Scenarier; "v3-contacts")`]));
      expect(hf.getSheetValues(calc).map((r) => r[0])).toEqual(REGIONS.map((r) => post.payments.find((x) => x.recipient === r.code)!.amount));
    }
    const regions = evaluate(hf, calc, `=SUM(${REGIONS.map((r) => `SJUK.SCENARIO("${mix.name}"; "${r.code}"; SJUK_Scenarier)`).join(";")})`);
    expect(regions).toBe(scenarioResult(mix).byRecipient.find((r) => r.recipient === "regions")!.amount);
  });

  it("recalculates when the scenario's row changes (the table is an argument, so the dependency is visible)", async () => {
    const { hf, port, calc } = await book();
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Stockholm"; SJUK_Scenarier; "v1")')).toBe(
      scenarioResult(own).posts.find((p) => p.post.id === "v1")!.payments.find((x) => x.recipient === "01")!.amount
    );
    const before = hf.getCellValue({ sheet: calc, row: 0, col: 0 });
    // The pane saves the list again with Stockholm's figure back to SCB's: the cell follows.
    await saveScenarios(port, [shipped, { name: "Egen nyckel", key: { shipped: "2019-12-31" } }, mix], "sv");
    const after = hf.getCellValue({ sheet: calc, row: 0, col: 0 });
    expect(after).not.toBe(before);
    expect(after).toBe(evaluate(hf, calc, '=SJUK.SCENARIO("Medföljande nyckel"; "Stockholm"; SJUK_Scenarier; "v1")', 1));
  });

  it("resolves a saved scenario once for a whole block of cells (its JSON text is the cache key)", async () => {
    const { hf } = await book();
    const id = hf.getSheetId("Scenarier")!;
    const range = hf.getRangeValues({ start: { sheet: id, row: 4, col: 0 }, end: { sheet: id, row: 6, col: 6 } }) as (string | number)[][];
    // A text no other test resolved: the mix under a name of its own.
    range[2]![6] = JSON.stringify({ ...mix, name: "Mix en gång" });
    const resolve = jest.fn(resolveSavedScenario);
    const got = REGIONS.flatMap((r) => ["v1", "v2", "v4"].map((post) => runFunction("SCENARIO", ["Mix en gång", r.code, range, post], { resolveScenario: resolve })));
    expect(got.every((o) => o.ok)).toBe(true);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("also takes the JSON column alone, or the table with its header row", async () => {
    const { hf, calc } = await book();
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("medföljande nyckel"; 12; Scenarier!G5:G7; "v1")')).toBe(13_341_226);
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Medföljande nyckel"; 12; Scenarier!A4:G7; "v1")')).toBe(13_341_226);
  });

  it("errors name the scenario, the row of the range and the field, in the sheet's language", async () => {
    const { hf, calc } = await book();
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Finns inte"; "Gotland"; SJUK_Scenarier)')).toEqual({
      error: "NA",
      message: `inget sparat scenario heter "Finns inte" (sparade: "Medföljande nyckel", "Egen nyckel", "${mix.name}")`,
    });
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Gotland"; SJUK_Scenarier; "v9")')).toMatchObject({
      error: "NA",
      message: expect.stringMatching(/^post: "v9" är ingen post/),
    });
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Gotland"; SJUK_Scenarier; "v5-skr")')).toMatchObject({
      error: "VALUE",
      message: expect.stringContaining("går till SKR, inte till regionerna"),
    });
    // A row edited by hand into a scenario the schema refuses: its field is named.
    hf.setCellContents({ sheet: hf.getSheetId("Scenarier")!, row: 5, col: 6 }, JSON.stringify({ name: "Egen nyckel", key: { shipped: "2017-12-31" } }));
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Gotland"; SJUK_Scenarier)')).toMatchObject({
      error: "VALUE",
      message: expect.stringMatching(/^scenarier, rad 2: scenariot "Egen nyckel", key\.shipped: /),
    });
    // Broken JSON in the row that names the scenario.
    hf.setCellContents({ sheet: hf.getSheetId("Scenarier")!, row: 5, col: 6 }, '{"name": "Egen');
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Gotland"; SJUK_Scenarier)')).toMatchObject({
      error: "VALUE",
      message: expect.stringMatching(/^scenarier, rad 2: cellen Scenario \(JSON\) är inte JSON: /),
    });
    // A key file cannot travel with the workbook.
    hf.setCellContents({ sheet: hf.getSheetId("Scenarier")!, row: 5, col: 6 }, JSON.stringify({ name: "Egen nyckel", key: { file: "scb.csv" } }));
    expect(evaluate(hf, calc, '=SJUK.SCENARIO("Egen nyckel"; "Gotland"; SJUK_Scenarier)')).toMatchObject({
      error: "VALUE",
      message: expect.stringContaining("kan inte läsa filen scb.csv"),
    });
  });
});

describe("SJUK.SCENARIO in Excel's runtime", () => {
  beforeAll(installCustomFunctionsMock);
  const table = async () => {
    const { hf } = await book();
    const id = hf.getSheetId("Scenarier")!;
    return hf.getRangeValues({ start: { sheet: id, row: 4, col: 0 }, end: { sheet: id, row: 6, col: 6 } }) as (string | number)[][];
  };

  it("gives the same payments, loading the scenario reader when first used", async () => {
    const range = await table();
    expect(await evaluateInOffice(office.scenario as never, 4, ["Medföljande nyckel", "Skåne", { range }, "v1"])).toEqual({ value: 13_341_226 });
    expect(await evaluateInOffice(office.scenario as never, 4, [mix.name, "09", { range }])).toEqual({
      value: scenarioResult(mix).byRegion.find((r) => r.recipient === "09")!.amount,
    });
  });

  it("an unknown name is #N/A in Office's display language", async () => {
    const range = await table();
    const outcome = await withOfficeDisplayLanguage("en-GB", () => evaluateInOffice(office.scenario as never, 4, ["Nope", "Skåne", { range }]));
    expect(outcome).toEqual({ error: "na", message: `no saved scenario is named "Nope" (saved: "Medföljande nyckel", "Egen nyckel", "${mix.name}")` });
  });
});
