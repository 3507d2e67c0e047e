import { Decimal } from "../../src/core/decimal";
import { render } from "../../src/core/messages";
import { parseWeight } from "../../src/inputs/cells";
import {
  REGION_SET,
  RecipientCell,
  RecipientRows,
  RecipientSet,
  figure,
  readFigure,
} from "../../src/inputs/region-rows";

/*
 * RecipientRows and readFigure on their own (src/inputs/region-rows.ts): what each row's
 * recipient cells give, every problem at its row and column in English, and what the set's
 * find is handed.
 */

type Reported = [number, number | undefined, string];

function rowsOf(set: RecipientSet = REGION_SET) {
  const reported: Reported[] = [];
  const rows = new RecipientRows(
    set,
    (row, column, problem) => reported.push([row, column, render(problem)]),
    (row) => ({ line: row + 1 })
  );
  return { rows, reported };
}

const cell = (column: number, header: string, value: RecipientCell["cell"]) => ({
  column,
  header,
  cell: value,
});

describe("RecipientRows.recipient: the cells of one row", () => {
  it("takes a name and a code that agree, and reports a third cell against the first one", () => {
    const { rows, reported } = rowsOf();
    const name = cell(0, "namn", "Region Stockholm");
    expect(rows.recipient(1, [name, cell(1, "kod", "01")])?.code).toBe("01");
    const third = cell(2, "kod 2", "03");
    expect(rows.recipient(2, [name, cell(1, "kod", "01"), third])).toBeUndefined();
    expect(reported).toEqual([
      [2, 2, '"03" is Region Uppsala, but column namn says Region Stockholm'],
    ]);
  });

  it("a row whose cells disagree names no recipient, and its recipient is not taken", () => {
    const { rows, reported } = rowsOf();
    const disagree = [cell(0, "namn", "Region Uppsala"), cell(1, "kod", "01")];
    expect(rows.recipient(1, disagree)).toBeUndefined();
    // Neither is taken by the faulty row: both may still have a row of their own.
    expect(rows.recipient(2, [cell(0, "namn", "Region Uppsala")])?.code).toBe("03");
    expect(reported).toEqual([
      [1, 1, '"01" is Region Stockholm, but column namn says Region Uppsala'],
    ]);
  });

  it("an unknown name is reported trimmed, at its column", () => {
    const { rows, reported } = rowsOf();
    expect(rows.recipient(4, [cell(3, "region", "  Skåningen \t")])).toBeUndefined();
    expect(reported).toEqual([
      [
        4,
        3,
        '"Skåningen" is not a region; closest: Region Skåne, Region Blekinge, Region Jönköpings län',
      ],
    ]);
  });

  it("a row without recipient cells is a blank row with no column", () => {
    const { rows, reported } = rowsOf();
    expect(rows.recipient(7, [])).toBeUndefined();
    expect(reported).toEqual([[7, undefined, "no region on this row"]]);
  });

  it("hands the set a number cell as a number and any other cell as text", () => {
    const given: unknown[] = [];
    const set: RecipientSet = {
      members: [{ code: "0114", name: "Upplands Väsby kommun", short: "Upplands Väsby" }],
      find(c) {
        given.push(c);
        return c === 114 || c === "TRUE" ? this.members[0] : undefined;
      },
      closest: () => ["Upplands Väsby kommun"],
    };
    const { rows, reported } = rowsOf(set);
    expect(rows.recipient(1, [cell(0, "kod", 114)])?.code).toBe("0114");
    expect(rows.recipient(2, [cell(0, "kod", true)])).toBeUndefined();
    expect(given).toEqual([114, "true"]);
    expect(reported).toEqual([[2, 0, '"true" is not a region; closest: Upplands Väsby kommun']]);
  });
});

describe("readFigure and figure", () => {
  it("a blank cell is blank for the caller, anything else is parsed", () => {
    expect(readFigure(" ", parseWeight)).toEqual({ ok: false, blank: true });
    expect(readFigure(null, parseWeight)).toEqual({ ok: false, blank: true });
    const read = readFigure("1 234,5", parseWeight);
    expect(read.ok && String(read.value)).toBe("1234.5");
  });

  it("a figure with decimals beyond a double's precision stays an exact Decimal", () => {
    const d = new Decimal("1.00000000000000000001");
    expect(figure(d)).toBe(d);
    expect(figure(new Decimal("-0"))).toBeInstanceOf(Decimal);
    expect(figure(new Decimal("9007199254740991"))).toBe(9_007_199_254_740_991);
  });
});
