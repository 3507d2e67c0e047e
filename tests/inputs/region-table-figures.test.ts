import synthetic from "../../examples/agreement-synthetic-290.json";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { Decimal } from "../../src/core/decimal";
import { recipientsOf } from "../../src/engine/recipients";
import { REGIONS } from "../../src/engine/regions";
import { Cell } from "../../src/inputs/cells";
import {
  parseContactsTable,
  parseFigureTable,
  parsePopulationTable,
  parseUnitTable,
} from "../../src/inputs/region-table";
import { csvLike, problems, sheetLike } from "./grids";

/*
 * The figures of region tables: one comma reading per column (a figure that does not fit it is
 * refused, naming the figure that decided), a population of nothing but zeros, the date column,
 * and blank figures in key columns (a problem) and unit columns (not reported yet).
 */

/** A header, then one row per region in county-code order: its name and `figure(i)`. */
const table = (header: Cell[], figure: (i: number) => Cell, more: Cell[] = []): Cell[][] => [
  header,
  ...REGIONS.map((r, i) => [r.name, figure(i), ...more]),
];

/** Stockholm (row 2) and Uppsala (row 3) as given, every other region 1 000. */
const firstTwo = (stockholm: Cell, uppsala: Cell) => (i: number) =>
  i === 0 ? stockholm : i === 1 ? uppsala : "1 000";

const population = (rows: Cell[][], date?: string) =>
  parsePopulationTable(csvLike(rows), { source: "t.csv", date });

describe("one comma reading per column of figures", () => {
  it("reads an ambiguous population figure as the column's other figures decide", () => {
    const key = population(table(["region", "befolkning"], firstTwo("2,377,081", "383,713")));
    expect(key.figures["01"]).toBe(2377081);
    expect(key.figures["03"]).toBe(383713);
    expect(key.figures["04"]).toBe(1000);
  });

  it("refuses a population figure with a decimal comma in a column of thousands commas", () => {
    const rows = table(["region", "befolkning"], firstTwo("2,377,081", "1,234,567"));
    rows[3]![1] = "297,5";
    expect(problems(() => population(rows))).toEqual([
      't.csv, line 4, column befolkning: "297,5" has a decimal comma, but this column uses the comma for thousands (line 2: "2,377,081"); write every figure of a column the same way (population for Region Sörmland)',
    ]);
  });

  it("refuses a contact count written the English way in a column of decimal commas, by cell", () => {
    const rows = table(["region", "kontakter"], firstTwo("1,234,567", "12,0"));
    rows[3]![1] = "3,0";
    expect(problems(() => parseContactsTable(sheetLike(rows, "Kontakter")))).toEqual([
      'Kontakter!B2: "1,234,567" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (B3: "12,0"); write every figure of a column the same way (contacts for Region Stockholm)',
    ]);
    const english = table(["region", "kontakter"], firstTwo("1,234,567", "2,000"));
    expect(parseContactsTable(csvLike(english)).contacts["03"]).toBe(2000);
  });

  it("reads another key column the same way: an ambiguous figure alone is refused", () => {
    const column = { column: "elderly", counts: false };
    const alone = table(["region", "elderly"], firstTwo("100", "383,713"));
    expect(problems(() => parseFigureTable(csvLike(alone), column))).toEqual([
      't.csv, line 3, column elderly: "383,713" could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130) (elderly for Region Uppsala)',
    ]);
    const decided = table(["region", "elderly"], firstTwo("2,377,081", "383,713"));
    expect(parseFigureTable(csvLike(decided), column)["03"]).toBe(383713);
    const mixed = table(["region", "elderly"], firstTwo("2,377,081", "1,5"));
    expect(problems(() => parseFigureTable(csvLike(mixed), column))).toEqual([
      // One figure each way: a tie, which the Swedish decimal comma takes.
      't.csv, line 2, column elderly: "2,377,081" writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (line 3: "1,5"); write every figure of a column the same way (elderly for Region Stockholm)',
    ]);
    const decimal = table(["region", "elderly"], firstTwo("12,5", "383,713"));
    expect(parseFigureTable(csvLike(decimal), column)["03"]).toEqual(new Decimal("383.713"));
  });
});

describe("parsePopulationTable: a population of zeros", () => {
  it("refuses a population column where every figure is zero, at its header", () => {
    expect(problems(() => population(table(["region", "befolkning"], () => "0")))).toEqual([
      "t.csv, line 1, column befolkning: every figure is zero, so there is no share to take",
    ]);
  });

  it("reads one region's zero among others", () => {
    const key = population(table(["region", "befolkning"], (i) => (i === 7 ? 0 : 100)));
    expect(key.figures["09"]).toBe(0);
    expect(key.figures["10"]).toBe(100);
  });

  it("names each blank figure, and not a zero total, when no figure is given", () => {
    const out = problems(() => population(table(["region", "befolkning"], () => "")));
    expect(out).toHaveLength(21);
    expect(out[0]).toBe("t.csv, line 2, column befolkning: no population for Region Stockholm");
    expect(out[20]).toBe("t.csv, line 22, column befolkning: no population for Region Norrbotten");
  });
});

describe("parsePopulationTable: the date column", () => {
  it("reads a date with spaces around it", () => {
    const key = population(table(["region", "befolkning", "datum"], () => 5, [" 2019-11-01 "]));
    expect(key.date).toBe("2019-11-01");
  });

  it("accepts a date column that agrees with the caller's date", () => {
    const rows = table(["region", "befolkning", "datum"], () => 5, ["2019-12-31"]);
    expect(population(rows, "2019-12-31").date).toBe("2019-12-31");
  });

  it("names every row of a blank date column, keeping the caller's date out of it", () => {
    const rows = table(["region", "befolkning", "datum"], () => 5, [null]);
    const out = problems(() => population(rows, "2019-12-31"));
    expect(out).toHaveLength(21);
    expect(out[20]).toBe(
      "t.csv, line 22, column datum: no date; a key has one date, written YYYY-MM-DD, on every row"
    );
  });
});

describe("blank figures of a key column and of a unit column", () => {
  it("names a blank figure of a key column", () => {
    const rows = table(["region", "elderly"], (i) => (i === 7 ? " " : "7"));
    expect(
      problems(() => parseFigureTable(csvLike(rows), { column: "elderly", counts: false }))
    ).toEqual(["t.csv, line 9, column elderly: no elderly for Region Gotland"]);
  });

  it("reads a blank count of a unit column as not reported yet", () => {
    const rows = table(["region", "visits"], (i) => (i === 7 ? "" : i === 20 ? null : 10 * i));
    const units = parseUnitTable(csvLike(rows), { column: "visits" });
    expect(units.notReported).toEqual(["09", "25"]);
    expect(Object.keys(units.counts).sort()).toEqual(
      REGIONS.map((r) => r.code).filter((c) => c !== "09" && c !== "25")
    );
    expect(units.counts["01"]).toBe(0);
    expect(units.counts["24"]).toBe(190);
  });

  it("lists no region as not reported when every count is there", () => {
    const units = parseUnitTable(csvLike(table(["län", "Visits"], () => "1 200")), {
      column: "visits",
    });
    expect(units.notReported).toBeUndefined();
    expect(Object.keys(units.counts)).toHaveLength(21);
    expect(units.counts["12"]).toBe(1200);
  });

  it("refuses a fraction, a negative count and a missing row in a unit column", () => {
    const rows = table(["region", "visits"], (i) => (i === 1 ? "2,5" : i === 2 ? "-1" : "3"));
    rows.splice(6, 1); // Kronoberg (07)
    expect(problems(() => parseUnitTable(csvLike(rows, "u.csv"), { column: "visits" }))).toEqual([
      'u.csv, line 3, column visits: "2,5" is not a whole number (visits for Region Uppsala)',
      'u.csv, line 4, column visits: "-1" is negative; a count cannot be (visits for Region Sörmland)',
      "u.csv, line 1, column region: Region Kronoberg (07) has no row; every one of the 21 regions needs one",
    ]);
  });

  it("reads the members of another recipient set, and who has not reported", () => {
    const recipients = recipientsOf(parseAllocationAgreement(synthetic, "synthetic.json"));
    const rows: Cell[][] = [
      ["code", "visits"],
      ...recipients.members.map((m, i): Cell[] => [m.code, i === 0 ? "" : i]),
    ];
    const units = parseUnitTable(csvLike(rows), { column: "visits", recipients });
    expect(units.notReported).toEqual(["K001"]);
    expect(Object.keys(units.counts)).toHaveLength(289);
    expect(units.counts["K290"]).toBe(289);
  });
});
