import { HyperFormula } from "hyperformula";
import {
  copyRange,
  fillRange,
  parseTsv,
  pasteText,
  rangeToTsv,
} from "../../src/preview/grid-clipboard";

function workbook() {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  hf.addSheet("S");
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [
    ["'01", 2377081, "=B1*2"],
    ["'02", 2.5, "=$B$1+B2"],
  ]);
  return hf;
}
const range = (r1: number, c1: number, r2: number, c2: number) => ({
  start: { sheet: 0, row: r1, col: c1 },
  end: { sheet: 0, row: r2, col: c2 },
});

test("a range's raw values as TSV: no grouping, codes keep their leading zero, Swedish decimal comma", () => {
  const hf = workbook();
  expect(rangeToTsv(hf, range(0, 0, 1, 2), "sv")).toBe(
    "01\t2377081\t4754162\r\n02\t2,5\t2377083,5"
  );
  expect(rangeToTsv(hf, range(1, 1, 1, 1), "en")).toBe("2.5");
});

test("TSV with quoted fields, tabs and line breaks reads back as rows", () => {
  expect(parseTsv('a\t"b\tc"\r\n"x ""y"""\t1\r\n')).toEqual([
    ["a", "b\tc"],
    ['x "y"', "1"],
  ]);
});

test("the grid's own copy pastes formulas with shifted relative references; other text as values", () => {
  const hf = workbook();
  const clip = copyRange(hf, range(0, 2, 1, 2), "en");
  pasteText(hf, { sheet: 0, row: 2, col: 2 }, clip.text, clip, "en");
  expect(hf.getCellFormula({ sheet: 0, row: 2, col: 2 })).toBe("=B3*2");
  expect(hf.getCellFormula({ sheet: 0, row: 3, col: 2 })).toBe("=$B$1+B4");
  hf.undo();
  expect(hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBeNull();
  // Text from another program: values as typed (Swedish decimals).
  expect(pasteText(hf, { sheet: 0, row: 4, col: 0 }, "1 234\t2,5\r\nx", clip, "sv")).toEqual({
    rows: 2,
    columns: 2,
  });
  expect(hf.getCellValue({ sheet: 0, row: 4, col: 0 })).toBe(1234);
  expect(hf.getCellValue({ sheet: 0, row: 4, col: 1 })).toBe(2.5);
  expect(hf.getCellValue({ sheet: 0, row: 5, col: 0 })).toBe("x");
});

test("fill down and right shift relative references and keep absolute ones; one undo step", () => {
  const hf = workbook();
  expect(fillRange(hf, range(1, 2, 3, 2), "down")).toBe(true);
  expect(hf.getCellFormula({ sheet: 0, row: 2, col: 2 })).toBe("=$B$1+B3");
  expect(hf.getCellFormula({ sheet: 0, row: 3, col: 2 })).toBe("=$B$1+B4");
  hf.undo();
  expect(hf.getCellValue({ sheet: 0, row: 3, col: 2 })).toBeNull();
  // One cell: from the cell above (left).
  fillRange(hf, range(2, 2, 2, 2), "down");
  expect(hf.getCellFormula({ sheet: 0, row: 2, col: 2 })).toBe("=$B$1+B3");
  fillRange(hf, range(0, 3, 0, 3), "right");
  expect(hf.getCellFormula({ sheet: 0, row: 0, col: 3 })).toBe("=C1*2");
  expect(fillRange(hf, range(0, 0, 0, 0), "down")).toBe(false);
});
