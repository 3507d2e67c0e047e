import { REGIONS } from "../../src/engine/regions";
import { Cell } from "../../src/inputs/cells";
import {
  RegionGrid,
  headerKey,
  parseContactsTable,
  parseFigureTable,
  parseFulfilmentTable,
  parsePopulationTable,
} from "../../src/inputs/region-table";
import { csvLike, problems, sheetLike } from "./grids";

/*
 * How region tables find their columns by header: spellings, blank header cells, note columns,
 * the columns every table needs, and where a problem about a header or a row is placed.
 */

/** One row per region in county-code order: its name, then `cells(i)`. */
const regionRows = (...cells: ((i: number) => Cell)[]): Cell[][] =>
  REGIONS.map((r, i) => [r.name, ...cells.map((c) => c(i))]);

const population = (rows: Cell[][]) => parsePopulationTable(csvLike(rows), { source: "t.csv" });

describe("headerKey: how a header is compared", () => {
  it("drops case, accents, spaces, punctuation, dashes and underscores", () => {
    expect(headerKey("Psykisk ohälsa, Kvinnor")).toBe("psykiskohalsakvinnor");
    expect(headerKey(" Läns-kod_ ")).toBe("lanskod");
    expect(headerKey("Folkmängd 2019")).toBe("folkmangd2019");
  });

  it("reads a blank or numeric header as text", () => {
    expect(headerKey(null)).toBe("");
    expect(headerKey(undefined)).toBe("");
    expect(headerKey(2020)).toBe("2020");
  });

  it("finds a column whatever the spacing of its header", () => {
    const rows: Cell[][] = [
      [" Region ", "Kontakter", "PsykiskOhälsaKvinnor", "långvarig_smärta-män"],
      ...regionRows(
        () => "3",
        (i) => i,
        () => "2"
      ),
    ];
    const counts = parseContactsTable(csvLike(rows));
    expect(counts.contacts["25"]).toBe(3);
    expect(counts.treatments?.["03"]).toEqual({ mentalHealthWomen: 1, painMen: 2 });
  });
});

describe("header cells as messages show them", () => {
  it("shows an unknown header and a repeated one without their surrounding spaces", () => {
    const rows: Cell[][] = [
      ["region", " befolkning ", "  folk  ", "population "],
      ...regionRows(
        () => 1,
        () => 2,
        () => 3
      ),
    ];
    expect(problems(() => parsePopulationTable(sheetLike(rows), { source: "sheet" }))).toEqual([
      'Befolkning!C1: "folk" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
      'Befolkning!D1: "population" repeats the column "befolkning"; each column may appear once',
    ]);
  });

  it("lists only the header's non-blank cells when a column is missing", () => {
    const rows: Cell[][] = [["region", null, "folk", " "], ...regionRows(() => 1)];
    expect(problems(() => population(rows))).toEqual([
      't.csv, line 1: no column "befolkning" or "population"; the header has "region", "folk"',
      't.csv, line 1, column folk: "folk" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
    ]);
  });
});

describe("blank header cells", () => {
  it("reads past a blank header cell between two columns, and whatever is under it", () => {
    const rows: Cell[][] = [
      ["region", "", "befolkning"],
      ...regionRows(
        (i) => `x${i}`,
        () => 7
      ),
    ];
    const key = population(rows);
    expect(key.figures["01"]).toBe(7);
    expect(Object.keys(key.figures)).toHaveLength(21);
  });

  it("names only the empty header when the header row is blank but the rows are not", () => {
    const rows: Cell[][] = [["", null, "  "], ...regionRows(() => 7)];
    expect(problems(() => population(rows))).toEqual([
      't.csv, line 1: the header row is empty; it needs the columns "region" and "befolkning" or "population"',
    ]);
    expect(
      problems(() =>
        parseFulfilmentTable(
          csvLike([
            ["", ""],
            ["Gotland", "ja"],
          ])
        )
      )
    ).toEqual(['t.csv, line 1: the header row is empty; it needs the columns "region"']);
    expect(problems(() => parseFulfilmentTable(csvLike([])))).toEqual([
      't.csv, line 1: the header row is empty; it needs the columns "region"',
    ]);
  });

  it("reads a missing row of the grid (a hole) as a blank row", () => {
    const rows: Cell[][] = [["region", "befolkning"], ...regionRows(() => 5)];
    rows.splice(3, 0, []);
    delete rows[3];
    expect(3 in rows).toBe(false);
    expect(population(rows).figures["25"]).toBe(5);
  });
});

describe("a table without its region column", () => {
  it("names the missing region column once, not every row", () => {
    const rows: Cell[][] = [["befolkning"], ...REGIONS.map((_, i) => [1000 + i])];
    expect(problems(() => population(rows))).toEqual([
      't.csv, line 1: no column "region"; the header has "befolkning"',
    ]);
  });

  it("does not take a note column for the region column, in any kind of table", () => {
    const rows = (header: Cell[]) => [header, ...REGIONS.map(() => ["från SCB", "1"])];
    expect(problems(() => population(rows(["kommentar", "befolkning"])))).toEqual([
      't.csv, line 1: no column "region"; the header has "kommentar", "befolkning"',
    ]);
    expect(problems(() => parseContactsTable(csvLike(rows(["tak", "kontakter"]))))).toEqual([
      't.csv, line 1: no column "region"; the header has "tak", "kontakter"',
    ]);
    const elderly = csvLike(rows(["notes", "elderly"]));
    expect(problems(() => parseFigureTable(elderly, { column: "elderly", counts: false }))).toEqual(
      ['t.csv, line 1: no column "region"; the header has "notes", "elderly"']
    );
    expect(problems(() => parseFulfilmentTable(csvLike(rows(["comment", "v1"]))))).toEqual([
      't.csv, line 1: no column "region"; the header has "comment", "v1"',
    ]);
  });
});

describe("parseContactsTable: its columns", () => {
  it("reads past note columns and the Kontakter sheet's result columns", () => {
    const header = ["region", "kontakter", "tak", "utbetalt", "omfördelat", "status", "kommentar"];
    const rows: Cell[][] = [
      header,
      ...regionRows((i) => i, ...header.slice(2).map(() => () => "x")),
    ];
    const counts = parseContactsTable(csvLike(rows));
    expect(counts.contacts["25"]).toBe(20);
    expect(counts.notReported).toBeUndefined();
    expect(counts.treatments).toBeUndefined();
    const english = [["region", "contacts", "cap", "paid", "moved", "comment"]];
    const read = parseContactsTable(
      csvLike([
        ...english,
        ...regionRows(
          () => 2,
          () => "9"
        ),
      ])
    );
    expect(read.contacts["01"]).toBe(2);
  });

  it("names an unknown column with every column it could have been", () => {
    const rows: Cell[][] = [
      ["region", "kontakter", "okänd"],
      ...regionRows(
        () => 1,
        () => 2
      ),
    ];
    expect(problems(() => parseContactsTable(csvLike(rows, "k.csv")))).toEqual([
      'k.csv, line 1, column okänd: "okänd" is not a column of a contacts file; use "region", "kontakter", "psykisk ohälsa kvinnor", "psykisk ohälsa män", "långvarig smärta kvinnor", "långvarig smärta män" (or the English "region", "contacts", "mental health women", "mental health men", "pain women", "pain men")',
    ]);
  });

  it("names both missing columns, in the order of the needs, before the header's problems", () => {
    const rows: Cell[][] = [["x"], ...REGIONS.map(() => ["1"])];
    expect(problems(() => parseContactsTable(csvLike(rows, "k.csv")))).toEqual([
      'k.csv, line 1: no column "region"; the header has "x"',
      'k.csv, line 1: no column "kontakter" or "contacts"; the header has "x"',
      expect.stringContaining('k.csv, line 1, column x: "x" is not a column of a contacts file'),
    ]);
  });
});

describe("parseFigureTable and parseFulfilmentTable: their columns", () => {
  it("reads past a note column of a figure table", () => {
    const grid = csvLike([
      ["region", "kommentar", "elderly"],
      ...regionRows(
        () => "?",
        (i) => i
      ),
    ]);
    const figures = parseFigureTable(grid, { column: "elderly", counts: false });
    expect(figures["25"]).toBe(20);
  });

  it("needs the figure column and a region column, by their spellings", () => {
    const grid = csvLike([["kommentar"], ...REGIONS.map(() => ["x"])]);
    expect(problems(() => parseFigureTable(grid, { column: "elderly", counts: true }))).toEqual([
      't.csv, line 1: no column "region"; the header has "kommentar"',
      't.csv, line 1: no column "elderly"; the header has "kommentar"',
    ]);
  });

  it("reads post columns headed by the posts' Swedish or English titles, and a note column", () => {
    const rows: Cell[][] = [
      [
        "region",
        "Villkor 2 Funktion för koordinering",
        "Condition 4 Extended electronic information exchange, regional development",
        "kommentar",
      ],
      ...regionRows(
        () => "ja",
        (i) => (i === 0 ? "nej" : "ja"),
        () => "bra"
      ),
    ];
    const f = parseFulfilmentTable(csvLike(rows));
    expect(Object.keys(f)).toEqual(["v2", "v4"]);
    expect(f.v2!["01"]).toBe(true);
    expect(f.v4!["01"]).toBe(false);
    expect(f.v4!["25"]).toBe(true);
  });

  it("refuses the title of a post that is not regional", () => {
    const rows: Cell[][] = [
      ["region", "v1", "Samordning och stöd, SKR"],
      ...regionRows(
        () => 1,
        () => 1
      ),
    ];
    expect(problems(() => parseFulfilmentTable(csvLike(rows, "f.csv")))).toEqual([
      'f.csv, line 1, column Samordning och stöd, SKR: "Samordning och stöd, SKR" is not a regional post of sjuk-2020; the post columns are v1, v2, v3, v3-contacts, v4',
    ]);
  });

  it("needs a post column even when the header has a blank cell", () => {
    const rows: Cell[][] = [["region", ""], ...regionRows(() => null)];
    expect(problems(() => parseFulfilmentTable(csvLike(rows, "f.csv")))).toEqual([
      "f.csv, line 1: no post column; add one or more of v1, v2, v3, v3-contacts, v4 with ja/nej per region",
    ]);
  });
});

describe("where a repeated region's earlier row is", () => {
  const rows = (): Cell[][] => {
    const out: Cell[][] = [["region", "befolkning"], ...regionRows(() => 1)];
    out[13] = ["Skåne", 1];
    return out;
  };

  it("names the sheet when the caller locates rows by sheet only", () => {
    const grid: RegionGrid = { rows: rows(), locate: () => ({ sheet: "Befolkning" }) };
    expect(problems(() => parsePopulationTable(grid, { source: "s" }))).toEqual([
      "Befolkning: Region Skåne appears again; it is already on Befolkning",
      "Befolkning: Region Värmland (17) has no row; every one of the 21 regions needs one",
    ]);
  });

  it("says an earlier row when the caller names no place within the file", () => {
    const grid: RegionGrid = { rows: rows(), locate: () => ({ file: "t.csv" }) };
    expect(problems(() => parsePopulationTable(grid, { source: "s" }))).toEqual([
      "t.csv: Region Skåne appears again; it is already on an earlier row",
      "t.csv: Region Värmland (17) has no row; every one of the 21 regions needs one",
    ]);
  });
});
