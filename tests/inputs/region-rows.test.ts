import { Decimal } from "../../src/core/decimal";
import { SjukError, problemText } from "../../src/core/errors";
import { render } from "../../src/core/messages";
import { REGIONS } from "../../src/engine/regions";
import { Cell, parseWeight } from "../../src/inputs/cells";
import { RecipientSet, figure } from "../../src/inputs/region-rows";
import { RegionGrid, parseContactsTable, parsePopulationTable } from "../../src/inputs/region-table";
import { contactsArg, fulfilmentArg, keyArg, perRegionArg } from "../../src/functions/arguments";
import { FunctionFailure } from "../../src/functions/values";

/*
 * One reader of rows that name a recipient (src/inputs/region-rows.ts) behind the input tables
 * and the functions' ranges: the same codes for the same faults, one rule for blank cells, any
 * recipient set, and whole figures as plain numbers.
 */

const csv = (rows: Cell[][]): RegionGrid => ({
  rows,
  locate: (row, column) => ({ file: "k.csv", line: row + 1, ...(column === undefined ? {} : { column: String(rows[0]?.[column]) }) }),
});

/** The codes of a SjukError's problems, or of a cell failure's messages. */
function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof SjukError) return e.problems.map((p) => p.code);
    if (e instanceof FunctionFailure) {
      const m = e.problem;
      const items = m.code === "list" ? m.params.items : [m];
      return items.map((i) => (i.code === "argument" ? i.params.problem.code : i.code));
    }
    throw e;
  }
  throw new Error("did not fail");
}

function regionRows(edit: (rows: Cell[][]) => void): Cell[][] {
  const rows: Cell[][] = REGIONS.map((r, i) => [r.name, 1000 + i]);
  edit(rows);
  return rows;
}

describe("the same faults, the same codes, in a table and in a range", () => {
  const faulty = regionRows((rows) => {
    rows[2] = ["Skåningen", 5];
    rows[4] = ["Region Stockholm", 7];
    rows[6] = [null, 8];
  });

  it("an unknown name, a repeated region, a row without a region, and a region without a row", () => {
    const expected = ["region.unknown", "region.repeated", "region.blank"];
    // The rows replaced were Sörmland's, Jönköping's and Kalmar's: the table also says they have no row.
    const missing = ["region.missing", "region.missing", "region.missing"];
    expect(codesOf(() => parsePopulationTable(csv([["region", "befolkning"], ...faulty]), { source: "k.csv" }))).toEqual([...expected, ...missing]);
    // A range reports who is missing once its rows are right.
    expect(codesOf(() => keyArg(faulty))).toEqual(expected);
  });

  it("says where the region first was, in the reader's own terms", () => {
    const table = (() => {
      try {
        parsePopulationTable(csv([["region", "befolkning"], ...faulty]), { source: "k.csv" });
      } catch (e) {
        return (e as SjukError).problems.find((p) => p.code === "region.repeated")!;
      }
    })()!;
    expect(problemText(table)).toBe("Region Stockholm appears again; it is already on line 2");
    expect(problemText(table, "sv")).toBe("Region Stockholm förekommer igen; regionen står redan på rad 2");
    try {
      keyArg(faulty);
    } catch (e) {
      expect(render((e as FunctionFailure).problem)).toBe(
        'key, row 3: "Skåningen" is not a region; closest: Region Skåne, Region Blekinge, Region Jönköpings län; key, row 5: Region Stockholm appears again; it is already on row 1; key, row 7: no region on this row',
      );
    }
    expect.assertions(3);
  });

  it("a missing region in a range is named like a table's", () => {
    const rows = regionRows((r) => r.splice(8, 1));
    try {
      contactsArg(rows);
    } catch (e) {
      expect(render((e as FunctionFailure).problem, "sv")).toBe("kontakter: Region Blekinge (10) saknas; alla 21 regioner ska ha en rad");
    }
    expect.assertions(1);
  });
});

describe("one rule for blank cells", () => {
  it("a blank row is skipped; a blank figure is a problem unless the column is optional", () => {
    const withBlankRow = [...regionRows(() => undefined), [null, null]];
    expect(Object.keys(keyArg(withBlankRow).figures)).toHaveLength(21);
    const blankFigure = regionRows((r) => (r[3]![1] = null));
    expect(codesOf(() => keyArg(blankFigure))).toEqual(["cell.blank"]);
    expect(codesOf(() => parsePopulationTable(csv([["region", "befolkning"], ...blankFigure]), { source: "k.csv" }))).toEqual(["table.missing-value"]);
    // Treatments are optional: blank is "not reported".
    const contacts = parseContactsTable(csv([["region", "kontakter", "smärta män"], ...REGIONS.map((r, i) => [r.code, 3, i === 0 ? null : 2])]));
    expect(contacts.treatments?.["01"]).toBeUndefined();
    expect(contacts.treatments?.["03"]).toEqual({ painMen: 2 });
  });

  it("a blank fulfilment flag is a problem in a range, as in the conditions table", () => {
    const range: Cell[][] = [["region", "v1"], ...REGIONS.map((r, i) => [r.code, i === 5 ? "" : "ja"])];
    expect(codesOf(() => fulfilmentArg(range, ["v1"]))).toEqual(["cell.blank"]);
    try {
      fulfilmentArg(range, ["v1"]);
    } catch (e) {
      expect(render((e as FunctionFailure).problem, "sv")).toBe("uppfyllelse, rad 7, kolumn 2: cellen är tom");
    }
    expect.assertions(2);
  });
});

describe("any recipient set", () => {
  const kommuner: RecipientSet = {
    members: [
      { code: "0114", name: "Upplands Väsby kommun", short: "Upplands Väsby" },
      { code: "0115", name: "Vallentuna kommun", short: "Vallentuna" },
      { code: "0117", name: "Österåkers kommun", short: "Österåker" },
    ],
    find(cell) {
      const t = String(cell).trim().toLowerCase();
      return this.members.find((m) => m.code === t || m.name.toLowerCase() === t || m.short?.toLowerCase() === t);
    },
    closest() {
      return ["Vallentuna kommun"];
    },
  };

  it("reads a table and a range of three municipalities, in their order", () => {
    const table = parsePopulationTable(csv([["kod", "befolkning"], ["0117", 47_000], ["0114", 48_000], ["Vallentuna", 34_000]]), { source: "k.csv", recipients: kommuner });
    expect(table.figures).toEqual({ "0114": 48_000, "0115": 34_000, "0117": 47_000 });
    const range = perRegionArg([["Österåker", 47_000], ["0114", 48_000], ["0115", 34_000]], "key", parseWeight, kommuner);
    expect(Object.fromEntries(Object.entries(range).map(([k, v]) => [k, v.toNumber()]))).toEqual(table.figures);
  });

  it("names a missing member with the set's size", () => {
    try {
      parsePopulationTable(csv([["kod", "befolkning"], ["0117", 47_000], ["0114", 48_000]]), { source: "k.csv", recipients: kommuner });
    } catch (e) {
      expect((e as SjukError).message).toBe("k.csv, line 1, column kod: Vallentuna kommun (0115) has no row; every one of the 3 regions needs one");
    }
    expect.assertions(1);
  });
});

describe("figures as the engine takes them", () => {
  it("whole figures are plain numbers, decimals stay exact", () => {
    expect(figure(new Decimal("2377081"))).toBe(2_377_081);
    expect(figure(new Decimal("1377827.5"))).toBeInstanceOf(Decimal);
    expect(figure(new Decimal("9007199254740993"))).toBeInstanceOf(Decimal);
    const key = keyArg(regionRows((r) => (r[1]![1] = "12,5")));
    expect(key.figures["01"]).toBe(1000);
    expect(String(key.figures["03"])).toBe("12.5");
  });
});
