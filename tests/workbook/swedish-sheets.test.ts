/*
 * Issue 12 point 6: a Swedish sheet reads in Swedish, without the add-in's technical ids, where a
 * person reads it (the key's source; the calendar's source column).
 */
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets } from "../../src/workbook/agreement-insert";
import { insertGrantSheets } from "../../src/workbook/assignment-insert";
import { DEFAULT_SHEET_NAMES, POPULATION } from "../../src/workbook/agreement-sheets";

async function sheetsIn(language: "sv" | "en") {
  const port = new HyperFormulaPort();
  await insertSheets(port, { language });
  await insertGrantSheets(port, { language, reset: false, asOf: "2026-11-30" });
  return port;
}

function columnOf(port: HyperFormulaPort, sheet: string, header: string): unknown[] {
  const values = port.hf.getSheetValues(port.hf.getSheetId(sheet)!);
  const row = values.findIndex((r) => r.includes(header));
  const col = values[row]!.indexOf(header);
  return values.slice(row + 1).map((r) => r[col]);
}

test("the shipped key's source is in the sheet's language", async () => {
  const sv = await sheetsIn("sv");
  const [[source] = []] = await sv.readRange(
    DEFAULT_SHEET_NAMES.sv.population,
    POPULATION.sourceCell
  );
  expect(source).toBe(
    "Statistiska centralbyrån (SCB), folkmängd per län, slutliga siffror, 2019-12-31"
  );
  const en = await sheetsIn("en");
  const [[english] = []] = await en.readRange(
    DEFAULT_SHEET_NAMES.en.population,
    POPULATION.sourceCell
  );
  expect(english).toBe(
    "Statistics Sweden (SCB), population per county (län), final figures, 2019-12-31"
  );
});

test("the calendar names its documents by what a person knows them by, not by id", async () => {
  const port = await sheetsIn("sv");
  const sources = columnOf(port, "Kalender", "Källa").filter((v) => typeof v === "string");
  expect(new Set(sources)).toEqual(
    new Set(["Överenskommelse staten–SKR, undertecknad 2019-12-17", "Uppdrag till Socialstyrelsen"])
  );
});
