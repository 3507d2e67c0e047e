import { HyperFormula } from "hyperformula";
import { fromLocalFormula, toLocalFormula } from "../../src/preview/formula-locale";

test("a Swedish formula becomes the stored English form and back", () => {
  const sv = '=SJUK.SHARE("skåne"; Befolkning!$A$6:$C$26; "v1")';
  expect(fromLocalFormula(sv, "sv")).toBe('=SJUK.SHARE("skåne", Befolkning!$A$6:$C$26, "v1")');
  expect(fromLocalFormula("=AVRUNDA(SUMMA(2,5;1,25);1)", "sv")).toBe("=ROUND(SUM(2.5,1.25),1)");
  expect(fromLocalFormula('=OM(A1>0;"a;b,c";FALSKT)', "sv")).toBe('=IF(A1>0,"a;b,c",FALSE())');
  expect(fromLocalFormula('=summa.om(A1:A3;">1")', "sv")).toBe('=SUMIF(A1:A3,">1")');
  expect(toLocalFormula("=ROUND(SUM(2.5,C1),1)", "sv")).toBe("=AVRUNDA(SUMMA(2,5;C1);1)");
  expect(toLocalFormula('=IF($F$15="x",SJUK.SHARE($B7,\'Blad 1\'!A1),"")', "sv")).toBe(
    '=OM($F$15="x";SJUK.SHARE($B7;\'Blad 1\'!A1);"")'
  );
  // English stays as typed; constants are never touched.
  expect(fromLocalFormula("=ROUND(2.5,0)", "en")).toBe("=ROUND(2.5,0)");
  expect(toLocalFormula("2,5", "sv")).toBe("2,5");
});

test("the translated formulas compute in HyperFormula", () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  hf.addSheet("S");
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [
    [
      fromLocalFormula("=AVRUNDA(SUMMA(2,5;1,25);1)", "sv"),
      fromLocalFormula('=OM(1>0;"ja";"nej")', "sv"),
    ],
  ]);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(3.8);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe("ja");
});
