/*
 * The short form =SJUK.SHARE(region) reads the SJUK_Befolkning table inside the function, where
 * HyperFormula cannot see the dependency. A short-form cell inside that table (a user's copy of a
 * table, or `sjuk evaluate` on such a workbook) was an endless recalculation and a stack overflow;
 * it is a circular reference, named in the cell.
 */
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";

test("a short-form cell inside SJUK_Befolkning is a named circular reference, not a stack overflow", () => {
  const port = new HyperFormulaPort();
  port.hf.addSheet("Mina siffror");
  const sheet = port.hf.getSheetId("Mina siffror")!;
  port.hf.setSheetContent(sheet, [
    [0],
    ['=SJUK.SHARE("Skåne")', 0],
    [1],
    [2, '=SJUK.SHARE("Skåne")'],
  ]);
  port.registerTable({
    name: "SJUK_Befolkning",
    sheet: "Mina siffror",
    topLeft: "A1",
    columns: 1,
    rows: 3,
  });
  const value = (row: number, col: number) =>
    port.hf.getCellValue({ sheet, row, col }) as { value?: string; message?: string };
  expect([value(1, 0).value, value(1, 0).message]).toEqual([
    "#VALUE!",
    "SJUK_Befolkning depends on this cell (a circular reference): the short form cannot read a table that holds it or is computed from it",
  ]);
  // A short-form cell outside the table reads it (three rows here, so it names what is missing).
  expect(value(3, 1).message).toBe(
    "SJUK_Befolkning: expected 21 figures in county-code order (Stockholm … Norrbotten), got 3; or give two columns, region and figure"
  );
  // Changing a figure of the table recalculates without end no more.
  port.hf.setCellContents({ sheet, row: 2, col: 0 }, 5);
  expect(value(1, 0).value).toBe("#VALUE!");
});
