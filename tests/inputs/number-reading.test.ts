import { render } from "../../src/core/messages";
import { Cell } from "../../src/inputs/cells";
import { readColumn } from "../../src/inputs/number-reading";

/** The column's reading and each refused figure as "index: English text". */
function column(cells: Cell[]) {
  const { reading, faults } = readColumn(cells, (i) => ({ line: i + 2 }));
  return { reading, faults: faults.map((f) => `${f.index}: ${render(f.problem)}`) };
}

const AMBIGUOUS = (value: string) =>
  `"${value}" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130)`;

describe("readColumn: one reading of the comma per column", () => {
  it("reads plain figures, numbers and blanks as the decimal comma with no faults", () => {
    expect(column(["383713", 2_377_081, null, "", "1 234", "-12"])).toEqual({
      reading: "decimal-comma",
      faults: [],
    });
  });

  it("refuses a lone ambiguous figure when nothing in the column decides", () => {
    expect(column(["383,713", "1200", " −12,345 ", "ej rapporterat", 7.5])).toEqual({
      reading: "decimal-comma",
      faults: [`0: ${AMBIGUOUS("383,713")}`, `2: ${AMBIGUOUS(" −12,345 ")}`],
    });
  });

  it("lets decimal commas decide, and refuses each English figure by the first decimal one", () => {
    expect(column(["1234,5", "383,713", "2,377,081", "12,25", "1.5"])).toEqual({
      reading: "decimal-comma",
      faults: [
        '2: "2,377,081" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 2: "1234,5"); write every figure of a column the same way',
        '4: "1.5" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 2: "1234,5"); write every figure of a column the same way',
      ],
    });
  });

  it("lets thousands commas and decimal points decide when they are more, refusing the decimal commas", () => {
    expect(column(["7", "2,377,081", "1234,5", "383,713", "12.5", "1,234.75"])).toEqual({
      reading: "thousands-comma",
      faults: [
        '2: "1234,5" has a decimal comma, but this column uses the comma for thousands (line 3: "2,377,081"); write every figure of a column the same way',
      ],
    });
  });

  it("takes the Swedish decimal comma on a tie", () => {
    const tie = column(["12,5", "1,234,567"]);
    expect(tie.reading).toBe("decimal-comma");
    expect(tie.faults).toEqual([
      '1: "1,234,567" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 2: "12,5"); write every figure of a column the same way',
    ]);
  });

  it("reads an ambiguous figure by the decimal commas beside it, refusing nothing", () => {
    expect(column(["12,5", "383,713"])).toEqual({ reading: "decimal-comma", faults: [] });
  });

  it("reads a decimal point alone as the English way", () => {
    expect(column(["0.25", "383,713"])).toEqual({ reading: "thousands-comma", faults: [] });
    expect(column(["-1,000", "5,000.5"])).toEqual({ reading: "thousands-comma", faults: [] });
  });

  it("reads spaces, tabs and a leading minus around a figure before judging its kind", () => {
    expect(column(["1 234,5", "1,234,567"]).reading).toBe("decimal-comma");
    expect(column(["\t383,713\n"]).faults).toEqual([`0: ${AMBIGUOUS("\\t383,713\\n")}`]);
    // A minus inside a text is no minus sign: "12,3-45" is not a figure, so nothing to refuse.
    expect(column(["12,3-45"])).toEqual({ reading: "decimal-comma", faults: [] });
  });

  it("counts a figure as English only when all of it groups thousands from the start", () => {
    expect(column(["12,345,678", "1,5"]).faults).toHaveLength(1);
    expect(column(["1,234.75", "12,5"]).faults).toHaveLength(1);
    // Texts that only end or begin like thousands groups are no evidence either way.
    for (const text of ["12345,678,901", "1,234,5678", "x1,234,567"])
      expect(column([text, "1,5"])).toEqual({ reading: "decimal-comma", faults: [] });
  });

  it("counts a decimal comma or a decimal point only when it is the whole figure", () => {
    expect(column(["12.5"])).toEqual({ reading: "thousands-comma", faults: [] });
    for (const text of ["a12,5", "12,5a", "1.2,5"])
      expect(column([text, "1,234,567"])).toEqual({ reading: "thousands-comma", faults: [] });
    for (const text of ["a12.5", "12.5a"])
      expect(column([text])).toEqual({ reading: "decimal-comma", faults: [] });
  });
});
