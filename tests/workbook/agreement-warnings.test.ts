import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets, setOptions } from "../../src/workbook/agreement-insert";
import { inputWarnings } from "../../src/workbook/agreement-warnings";
import { CONDITIONS, DEFAULT_SHEET_NAMES, POPULATION } from "../../src/workbook/agreement-sheets";

const sv = DEFAULT_SHEET_NAMES.sv;

async function fresh() {
  const port = new HyperFormulaPort();
  await insertSheets(port, { language: "sv" });
  return port;
}

test("the inserted sheets warn of the key's date and of the contact counts that are not given", async () => {
  const port = await fresh();
  const warnings = await inputWarnings(port);
  expect(warnings.map((w) => w.code)).toEqual(["key-date", "contacts-assumed"]);
  expect(warnings[0]!.message).toContain("2019-12-31");
  expect(warnings[0]!.message).toContain("2019-11-01");
});

test("a region that does not fulfil v2 makes the engine say what is not paid out, under the sheet's rule", async () => {
  const port = await fresh();
  await port.writeCells(sv.population, [{ address: POPULATION.dateCell, value: "2019-11-01" }]);
  await port.writeCells(sv.conditions, [{ address: CONDITIONS.cell("09", "v2"), value: "nej" }]);
  const warnings = await inputWarnings(port);
  // v2 lapses by the agreement's rule: Gotland's 809 099 kr are not paid out.
  expect(warnings.filter((w) => w.code === "unpaid").map((w) => w.message)).toEqual([
    "v2: 809 099 kr is not paid out (lapsed: not fulfilled by Gotland).",
  ]);
  // The fulfilling regions share it instead: nothing unpaid is left of v2.
  await setOptions(port, "sv", { nonFulfilment: "share", redistribution: "population" });
  expect((await inputWarnings(port)).filter((w) => w.code === "unpaid" && w.message.startsWith("v2"))).toEqual([]);
});

test("inputs with problems give no warnings (the problems are listed instead), and no sheets none", async () => {
  expect(await inputWarnings(new HyperFormulaPort())).toEqual([]);
  const port = await fresh();
  await port.writeCells(sv.population, [{ address: POPULATION.cell("12"), value: "tolv" }]);
  expect(await inputWarnings(port)).toEqual([]);
});
