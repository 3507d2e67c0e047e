import {
  FormulaContext,
  FormulaTextError,
  TableInfo,
  expandExponent,
  segments,
  shiftFormula,
  toHyperFormulaText,
} from "../../src/workbook/excel-formula";

const table: TableInfo = {
  name: "Befolkning_T",
  sheet: "Befolkning",
  ref: "A5:C26",
  headerRows: 1,
  totalsRows: 0,
  columns: ["Län", "Region", "Invånare [st]"],
};
const context = (row = 9, column = 4): FormulaContext => ({
  tables: new Map([["befolkning_t", table]]),
  row,
  column,
  spillRange: (sheet, address) => (address === "D2" && sheet === undefined ? "D2:D22" : undefined),
});

describe("shared formulas: references shift, string literals never", () => {
  test.each([
    ['SJUK.SHARE(A2,$A$2:$C$22,"v1")', 1, 0, 'SJUK.SHARE(A3,$A$2:$C$22,"v1")'],
    ['SJUK.SHARE(A2,$A$2:$C$22,"v1")', 20, 0, 'SJUK.SHARE(A22,$A$2:$C$22,"v1")'],
    ['IF(B2="A1",C$1,$D2)&"x1"', 2, 1, 'IF(C4="A1",D$1,$D4)&"x1"'],
    ["'Sheet A1'!B2+Sheet2!C3+LOG10(A1)", 1, 1, "'Sheet A1'!C3+Sheet2!D4+LOG10(B2)"],
    ["SUM(A:B)+SUM(1:2)+SUM($A:$A)", 1, 1, "SUM(B:C)+SUM(2:3)+SUM($A:$A)"],
    ["SUM(T[Col1])+1E3", 5, 5, "SUM(T[Col1])+1E3"],
    ["A1", -1, 0, "#REF!"],
  ])("%s moved %i rows, %i columns → %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });

  test("segments give the formula back unchanged", () => {
    const f = `'It''s'!A1&"say ""hi"""&T[[#This Row],[A'[1']]]`;
    expect(
      segments(f)
        .map((s) => s.text)
        .join("")
    ).toBe(f);
    expect(segments(f).map((s) => s.kind)).toEqual([
      "quoted",
      "plain",
      "string",
      "plain",
      "bracket",
    ]);
  });
});

describe("Excel's file syntax as HyperFormula reads it", () => {
  test.each([
    ['_xldudf_SJUK_SHARE(A2,"v1")', '=SJUK.SHARE(A2,"v1")'],
    ["[1]!_xldudf_SJUK_TOTAL()", "=SJUK.TOTAL()"],
    [
      "_xlfn.SINGLE(A1:A3)+_xlfn.XLOOKUP(1,A1:A2,B1:B2)+_xlws.FILTER(A1:A2,B1:B2)",
      "=SINGLE(A1:A3)+XLOOKUP(1,A1:A2,B1:B2)+FILTER(A1:A2,B1:B2)",
    ],
    ["SUM(_xlfn.ANCHORARRAY(D2))", "=SUM(D2:D22)"],
    ["SUM(_xlfn.ANCHORARRAY(E2))", "=SUM(E2:E2)"],
    ['IF(TRUE,"TRUE",FALSE)', '=IF(TRUE(),"TRUE",FALSE())'],
    ["1E3+1.5E-3+2e+2", "=1000+0.0015+200"],
    ['"_xldudf_SJUK_X()"&"_xlfn.ANCHORARRAY(D2)"', '="_xldudf_SJUK_X()"&"_xlfn.ANCHORARRAY(D2)"'],
    ["SUM(Befolkning_T[Län])", "=SUM(Befolkning!$A$6:$A$26)"],
    ["SUM(Befolkning_T[[Region]:[Invånare '[st']]])", "=SUM(Befolkning!$B$6:$C$26)"],
    ["COUNTA(Befolkning_T[#All])", "=COUNTA(Befolkning!$A$5:$C$26)"],
    ["Befolkning_T[#Headers]", "=Befolkning!$A$5:$C$5"],
    ["Befolkning_T[]", "=Befolkning!$A$6:$C$26"],
    ["Befolkning_T[[#This Row],[Län]]", "=Befolkning!$A$10:$A$10"],
    ["Befolkning_T[@Region]", "=Befolkning!$B$10:$B$10"],
  ])("%s → %s", (formula, expected) => {
    expect(toHyperFormulaText(formula, context())).toBe(expected);
  });

  test("a column the table does not have, or [#This Row] outside the table, is a #REF! naming them", () => {
    expect(() => toHyperFormulaText("Befolkning_T[Folk]", context())).toThrow(FormulaTextError);
    expect(() => toHyperFormulaText("Befolkning_T[Folk]", context())).toThrow(
      /table Befolkning_T has no column "Folk" \(it has Län, Region, Invånare \[st\]\)/
    );
    expect(() => toHyperFormulaText("Befolkning_T[@Län]", context(40))).toThrow(
      /\[#This Row\] of table Befolkning_T used outside its rows/
    );
  });

  test.each([
    ["1", 3, "1000"],
    ["1.5", -3, "0.0015"],
    ["12.345", 2, "1234.5"],
    ["123456789012345", 0, "123456789012345"],
    ["9", 20, "900000000000000000000"],
  ])("%sE%i → %s", (mantissa, exponent, expected) => {
    expect(expandExponent(mantissa, exponent)).toBe(expected);
  });
});
