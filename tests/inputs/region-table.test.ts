import {
  describeLocation,
  problemText,
  REGIONS,
} from "../../src/engine";
import { Decimal } from "../../src/core/decimal";
import { Cell } from "../../src/inputs/cells";
import {
  parseContactsTable,
  parseFulfilmentTable,
  parsePopulationTable,
} from "../../src/inputs/region-table";
import { csvLike, problems, sheetLike } from "./grids";
import { thrownProblems as thrown } from "../problems";

// 1 000 + 10 × index: distinct, easy figures per region in county-code order.
const FIGURES = REGIONS.map((_, i) => 1000 + 10 * i);
const populationRows = (label: (i: number) => Cell = (i) => REGIONS[i]!.name): Cell[][] =>
  REGIONS.map((_, i) => [label(i), String(FIGURES[i])]);

describe("parsePopulationTable", () => {
  it("reads official names with Swedish headers", () => {
    const key = parsePopulationTable(csvLike([["region", "befolkning"], ...populationRows()]), {
      source: "t.csv",
    });
    expect(key.date).toBeNull();
    expect(key.source).toBe("t.csv");
    expect(key.figures["01"]).toBe(1000);
    expect(key.figures["25"]).toBe(1200);
    expect(Object.keys(key.figures)).toHaveLength(21);
  });

  it("reads county codes, short names, English headers, Swedish thousands and a date column", () => {
    const rows: Cell[][] = [["Code", "Population", "Date"]];
    REGIONS.forEach((r, i) =>
      rows.push([
        i % 2 === 0 ? r.code : Number(r.code),
        i === 0 ? "2 377 081" : FIGURES[i]!,
        "2019-11-01",
      ])
    );
    const key = parsePopulationTable(csvLike(rows), { source: "x" });
    expect(key.figures["01"]).toBe(2377081);
    expect(key.figures["03"]).toBe(1010);
    expect(key.date).toBe("2019-11-01");
  });

  it("accepts short names in any case and without accents, a decimal comma, and the caller's date", () => {
    const rows: Cell[][] = [
      ["Län", "Invånare"],
      ...REGIONS.map((r, i) => [
        r.short
          .toUpperCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
        i === 9 ? "1 377 827,5" : FIGURES[i]!,
      ]),
    ];
    const key = parsePopulationTable(csvLike(rows), { source: "x", date: "2019-12-31" });
    // Whole figures stay plain numbers; a decimal one stays exact.
    expect(key.figures["12"]).toBeInstanceOf(Decimal);
    expect(String(key.figures["12"])).toBe("1377827.5");
    expect(key.date).toBe("2019-12-31");
  });

  it("accepts a name column and a code column that agree, and skips blank rows and note columns", () => {
    const rows: Cell[][] = [
      ["kod", "region", "befolkning", "kommentar"],
      ["", "", "", ""],
    ];
    REGIONS.forEach((r, i) =>
      rows.push([r.code, r.name, FIGURES[i]!, i === 0 ? "from SCB" : null])
    );
    expect(parsePopulationTable(csvLike(rows), { source: "x" }).figures["14"]).toBe(1110);
  });

  it("names a missing region, a duplicated region, an unknown region with the closest names, text and a negative figure, in reading order", () => {
    const rows = populationRows();
    rows[1] = ["Region Uppsala", "-5"]; // line 3: negative
    rows[2] = ["Region Sörmland", "många"]; // line 4: text
    rows[7] = ["Gottland", "59686"]; // line 9: unknown (Gotland is then not also reported missing)
    rows[12] = ["Skåne", "1"]; // line 14: Skåne again (line 11), so Värmland is missing
    const out = problems(() =>
      parsePopulationTable(csvLike([["region", "befolkning"], ...rows]), { source: "t.csv" })
    );
    expect(out).toEqual([
      't.csv, line 3, column befolkning: "-5" is negative (population for Region Uppsala)',
      't.csv, line 4, column befolkning: "många" is not a number; a population figure belongs here (population for Region Sörmland)',
      't.csv, line 9, column region: "Gottland" is not a region; closest: Region Gotland, Region Sörmland, Region Halland',
      "t.csv, line 14, column region: Region Skåne appears again; it is already on line 11",
      "t.csv, line 1, column region: Region Värmland (17) has no row; every one of the 21 regions needs one",
    ]);
  });

  it("names a blank figure and a row without a region", () => {
    const rows = populationRows();
    rows[0] = ["Region Stockholm", " "];
    rows[20] = ["", "250093"];
    expect(
      problems(() =>
        parsePopulationTable(csvLike([["region", "befolkning"], ...rows]), { source: "t.csv" })
      )
    ).toEqual([
      "t.csv, line 2, column befolkning: no population for Region Stockholm",
      "t.csv, line 22, column region: no region on this row",
      "t.csv, line 1, column region: Region Norrbotten (25) has no row; every one of the 21 regions needs one",
    ]);
  });

  it("names a missing required column once and an unknown column, with the header it found", () => {
    const rows: Cell[][] = [["region", "folk", "antal"], ...REGIONS.map((r) => [r.name, "1", "2"])];
    expect(problems(() => parsePopulationTable(csvLike(rows), { source: "t.csv" }))).toEqual([
      't.csv, line 1: no column "befolkning" or "population"; the header has "region", "folk", "antal"',
      't.csv, line 1, column folk: "folk" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
      't.csv, line 1, column antal: "antal" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
    ]);
  });

  it("refuses a code and a name that disagree, a cell beyond the header, and an empty table", () => {
    const rows: Cell[][] = [
      ["kod", "region", "befolkning"],
      ...REGIONS.map((r, i) => [r.code, r.name, FIGURES[i]!]),
    ];
    rows[10] = ["12", "Region Halland", "1"];
    rows[11]!.push("extra");
    expect(problems(() => parsePopulationTable(csvLike(rows), { source: "t.csv" }))).toEqual([
      't.csv, line 11, column region: "Region Halland" is Region Halland, but column kod says Region Skåne',
      't.csv, line 12, column 4: "extra" is in a column without a header',
    ]);
    expect(problems(() => parsePopulationTable(csvLike([]), { source: "t.csv" }))).toEqual([
      't.csv, line 1: the header row is empty; it needs the columns "region" and "befolkning" or "population"',
    ]);
  });

  it("refuses a date column that is not one date, or that disagrees with the caller's date", () => {
    const rows: Cell[][] = [
      ["region", "befolkning", "datum"],
      ...REGIONS.map((r, i) => [r.name, FIGURES[i]!, "2019-11-01"]),
    ];
    rows[2]![2] = "2019-12-31";
    rows[3]![2] = "1 nov 2019";
    rows[4]![2] = "";
    expect(problems(() => parsePopulationTable(csvLike(rows), { source: "t.csv" }))).toEqual([
      "t.csv, line 3, column datum: 2019-12-31 differs from 2019-11-01 on an earlier row; one key has one date",
      't.csv, line 4, column datum: "1 nov 2019" is not a date written YYYY-MM-DD',
      "t.csv, line 5, column datum: no date; a key has one date, written YYYY-MM-DD, on every row",
    ]);
    const good: Cell[][] = [
      ["region", "befolkning", "datum"],
      ...REGIONS.map((r, i) => [r.name, FIGURES[i]!, "2019-11-01"]),
    ];
    expect(
      problems(() => parsePopulationTable(csvLike(good), { source: "t.csv", date: "2019-12-31" }))
    ).toEqual([
      "t.csv, line 2, column datum: the figures are dated 2019-11-01 here but 2019-12-31 was given as their date; one key has one date",
    ]);
  });

  it("locates by sheet and cell when the caller says so", () => {
    const rows = populationRows();
    rows[5] = ["Region Kronoberg", "-1"];
    expect(
      problems(() =>
        parsePopulationTable(sheetLike([["region", "befolkning"], ...rows]), { source: "sheet" })
      )
    ).toEqual(['Befolkning!B7: "-1" is negative (population for Region Kronoberg)']);
  });
});

describe("parseContactsTable", () => {
  const header = [
    "region",
    "kontakter",
    "psykisk ohälsa kvinnor",
    "psykisk ohälsa män",
    "långvarig smärta kvinnor",
    "långvarig smärta män",
  ];

  it("reads contacts and treatments per area and sex with Swedish headers", () => {
    const rows: Cell[][] = [
      header,
      ...REGIONS.map((r, i) => [r.short, String(i), "100", "50", i === 3 ? "" : "70", "40"]),
    ];
    const counts = parseContactsTable(csvLike(rows));
    expect(counts.contacts["01"]).toBe(0);
    expect(counts.contacts["25"]).toBe(20);
    expect(counts.treatments?.["01"]).toEqual({
      mentalHealthWomen: 100,
      mentalHealthMen: 50,
      painWomen: 70,
      painMen: 40,
    });
    // A blank treatment cell is "not reported", not zero.
    expect(counts.treatments?.["05"]).toEqual({
      mentalHealthWomen: 100,
      mentalHealthMen: 50,
      painMen: 40,
    });
  });

  it("reads English headers in any case, and no treatments when there are no treatment columns", () => {
    const rows: Cell[][] = [
      ["Region", "Contacts", "Mental health women", "PAIN MEN"],
      ...REGIONS.map((r) => [r.code, "3", "1 200", "4"]),
    ];
    const counts = parseContactsTable(csvLike(rows));
    expect(counts.treatments?.["12"]).toEqual({ mentalHealthWomen: 1200, painMen: 4 });
    const plain = parseContactsTable(
      csvLike([["region", "contacts"], ...REGIONS.map((r) => [r.code, 7])])
    );
    expect(plain.treatments).toBeUndefined();
    expect(plain.contacts["09"]).toBe(7);
  });

  it("refuses text, negative and fractional counts, one problem each", () => {
    const rows: Cell[][] = [header, ...REGIONS.map((r) => [r.name, "10", "1", "1", "1", "1"])];
    rows[1]![1] = "tio";
    rows[2]![1] = "-3";
    rows[3]![4] = "2,5";
    expect(problems(() => parseContactsTable(csvLike(rows, "k.csv")))).toEqual([
      'k.csv, line 2, column kontakter: "tio" is not a number; a count belongs here (contacts for Region Stockholm)',
      'k.csv, line 3, column kontakter: "-3" is negative; a count cannot be (contacts for Region Uppsala)',
      'k.csv, line 4, column långvarig smärta kvinnor: "2,5" is not a whole number (långvarig smärta kvinnor for Region Sörmland)',
    ]);
  });

  it("names a missing contacts column and a repeated column", () => {
    const rows: Cell[][] = [
      ["region", "mental health women", "psykisk ohälsa kvinnor"],
      ...REGIONS.map((r) => [r.name, "1", "1"]),
    ];
    expect(problems(() => parseContactsTable(csvLike(rows, "k.csv")))).toEqual([
      'k.csv, line 1: no column "kontakter" or "contacts"; the header has "region", "mental health women", "psykisk ohälsa kvinnor"',
      'k.csv, line 1, column psykisk ohälsa kvinnor: "psykisk ohälsa kvinnor" repeats the column "mental health women"; each column may appear once',
    ]);
  });
});

describe("parseFulfilmentTable", () => {
  it("reads yes/no in Swedish and English per post column", () => {
    const rows: Cell[][] = [
      ["region", "V1", "v4", "v3-contacts"],
      ...REGIONS.map((r) => [r.name, "ja", "yes", true]),
    ];
    rows[8] = ["Gotland", "nej", "x", "FALSE"];
    rows[9] = ["Blekinge", 1, "no", 0];
    const f = parseFulfilmentTable(csvLike(rows));
    expect(Object.keys(f).sort()).toEqual(["v1", "v3-contacts", "v4"]);
    expect(f.v1!["09"]).toBe(false);
    expect(f.v1!["10"]).toBe(true);
    expect(f.v4!["09"]).toBe(true);
    expect(f.v4!["10"]).toBe(false);
    expect(f["v3-contacts"]!["09"]).toBe(false);
    expect(f["v3-contacts"]!["10"]).toBe(false);
    expect(Object.values(f.v1!).filter((x) => x)).toHaveLength(20);
  });

  it("names an unknown post column with the valid ids, and a cell that is not yes or no", () => {
    const rows: Cell[][] = [["region", "v1", "v6"], ...REGIONS.map((r) => [r.name, "ja", "ja"])];
    rows[3]![1] = "kanske";
    expect(problems(() => parseFulfilmentTable(csvLike(rows, "f.csv")))).toEqual([
      'f.csv, line 1, column v6: "v6" is not a regional post of sjuk-2020; the post columns are v1, v2, v3, v3-contacts, v4',
      'f.csv, line 4, column v1: "kanske" is not yes or no (ja/nej, yes/no, TRUE/FALSE) (v1 fulfilled for Region Sörmland)',
    ]);
  });

  it("needs at least one post column", () => {
    expect(
      problems(() =>
        parseFulfilmentTable(csvLike([["region"], ...REGIONS.map((r) => [r.name])], "f.csv"))
      )
    ).toEqual([
      "f.csv, line 1: no post column; add one or more of v1, v2, v3, v3-contacts, v4 with ja/nej per region",
    ]);
  });
});

/** Each problem as the task pane shows it in Swedish: its place, then its Swedish text. */
const swedish = (run: () => unknown) =>
  thrown(run).map((p) => `${describeLocation(p.where)}: ${problemText(p, "sv")}`);

describe("Swedish texts (the task pane in Swedish)", () => {
  it("names text, a negative figure, an unknown and a repeated region, and a missing region in Swedish", () => {
    const rows = populationRows();
    rows[1] = ["Region Uppsala", "-5"];
    rows[9] = ["Region Skåne", "tolv"];
    rows[7] = ["Gottland", "59686"];
    rows[12] = ["Skåne", "1"];
    rows[20] = ["", "250093"];
    const grid = sheetLike([["region", "befolkning"], ...rows]);
    const out = thrown(() => parsePopulationTable(grid, { source: "sheet" }));
    expect([problemText(out[0]!), problemText(out[0]!, "sv")]).toEqual([
      '"-5" is negative (population for Region Uppsala)',
      '"-5" är negativt (befolkningen för Region Uppsala)',
    ]);
    expect(swedish(() => parsePopulationTable(grid, { source: "sheet" }))).toEqual([
      'Befolkning!B3: "-5" är negativt (befolkningen för Region Uppsala)',
      'Befolkning!A9: "Gottland" är ingen region; närmast: Region Gotland, Region Sörmland, Region Halland',
      'Befolkning!B11: "tolv" är inte ett tal; här ska befolkningen för Region Skåne stå',
      "Befolkning!A14: Region Skåne förekommer igen; regionen står redan på A11",
      "Befolkning!A22: raden saknar region",
      "Befolkning!A1: Region Värmland (17) saknas; alla 21 regioner ska ha en rad",
      "Befolkning!A1: Region Norrbotten (25) saknas; alla 21 regioner ska ha en rad",
    ]);
  });

  it("names columns, dates and counts in Swedish", () => {
    expect(
      swedish(() =>
        parsePopulationTable(
          sheetLike([["region", "folk"], ...REGIONS.map((r) => [r.name, "1"])]),
          { source: "sheet" }
        )
      )
    ).toEqual([
      'Befolkning!A1: kolumnen "befolkning" eller "population" saknas; rubrikraden har "region", "folk"',
      'Befolkning!B1: "folk" är ingen kolumn i en befolkningstabell; använd "region", "befolkning", "datum" (eller "region", "population", "date")',
    ]);
    const dated: Cell[][] = [
      ["region", "befolkning", "datum"],
      ...REGIONS.map((r, i) => [r.name, FIGURES[i]!, "2019-11-01"]),
    ];
    dated[2]![2] = "2019-12-31";
    dated[3]![2] = "1 nov 2019";
    dated[4]![2] = "";
    expect(swedish(() => parsePopulationTable(sheetLike(dated), { source: "sheet" }))).toEqual([
      "Befolkning!C3: 2019-12-31 skiljer sig från 2019-11-01 på en tidigare rad; en nyckel har ett datum",
      'Befolkning!C4: "1 nov 2019" är inte ett datum skrivet ÅÅÅÅ-MM-DD',
      "Befolkning!C5: datum saknas; en nyckel har ett datum, skrivet ÅÅÅÅ-MM-DD, på varje rad",
    ]);
    const counts: Cell[][] = [
      ["region", "kontakter", "långvarig smärta kvinnor"],
      ...REGIONS.map((r) => [r.name, "10", "1"]),
    ];
    counts[1]![1] = "-3";
    counts[2]![2] = 2.5;
    // A blank count is "not reported yet" (contacts come in one region at a time): no problem.
    counts[3]![1] = "";
    expect(swedish(() => parseContactsTable(sheetLike(counts, "Kontakter")))).toEqual([
      'Kontakter!B2: "-3" är negativt; ett antal kan inte vara negativt (antalet kontakter för Region Stockholm)',
      'Kontakter!C3: 2,5 är inte ett heltal (antalet i kolumnen "långvarig smärta kvinnor" för Region Uppsala)',
    ]);
  });

  it("reads a blank contact count as not reported yet, and a missing row as a problem", () => {
    const counts: Cell[][] = [["region", "kontakter"], ...REGIONS.map((r) => [r.name, "10"])];
    counts[8]![1] = ""; // Gotland (09), the 8th region
    counts[10]![1] = null; // Skåne (12)
    const parsed = parseContactsTable(sheetLike(counts, "Kontakter"));
    expect(parsed.notReported).toEqual(["09", "12"]);
    expect(Object.keys(parsed.contacts)).toHaveLength(19);
    expect(parsed.contacts["09"]).toBeUndefined();
    const full = parseContactsTable(sheetLike(counts.map((r, i) => (i === 8 || i === 10 ? [r[0]!, "3"] : r)), "Kontakter"));
    expect(full.notReported).toBeUndefined();
    const noRow = counts.filter((_, i) => i !== 8);
    expect(swedish(() => parseContactsTable(sheetLike(noRow, "Kontakter")))).toEqual([
      "Kontakter!A1: Region Gotland (09) saknas; alla 21 regioner ska ha en rad",
    ]);
  });

  it("names yes/no cells in Swedish", () => {
    const rows: Cell[][] = [["region", "v1"], ...REGIONS.map((r) => [r.name, "ja"])];
    rows[3]![1] = "kanske";
    rows[4]![1] = null;
    expect(swedish(() => parseFulfilmentTable(sheetLike(rows, "Villkor")))).toEqual([
      'Villkor!B4: "kanske" är varken ja eller nej (skriv ja/nej, SANT/FALSKT eller 1/0) (uppgiften om Region Sörmland uppfyller v1)',
      "Villkor!B5: uppgiften om Region Östergötland uppfyller v1 saknas",
    ]);
  });

  it("every problem of a set of bad tables has a Swedish text of its own", () => {
    const population = populationRows();
    population[1] = ["Region Uppsala", "-5"];
    population[2] = ["Region Sörmland", "många"];
    population[3] = ["Region Östergötland", ""];
    population[7] = ["Gottland", "59686"];
    population[12] = ["Skåne", "1"];
    population[14] = ["", "1"];
    population[15]!.push("extra");
    const codes: Cell[][] = [
      ["kod", "region", "befolkning", "datum", "folk"],
      ...REGIONS.map((r, i) => [r.code, r.name, FIGURES[i]!, "2019-11-01", 1]),
    ];
    codes[10] = ["12", "Region Halland", "1", "2019-11-01", 1];
    codes[2]![3] = "2019-12-31";
    codes[3]![3] = "1 nov";
    codes[4]![3] = "";
    const contacts: Cell[][] = [
      ["region", "mental health women", "psykisk ohälsa kvinnor", "okänd"],
      ...REGIONS.map((r) => [r.name, "tio", "-1", "1,5"]),
    ];
    const fulfilment: Cell[][] = [
      ["region", "v1", "v6"],
      ...REGIONS.map((r) => [r.name, "kanske", ""]),
    ];
    const all = [
      ...thrown(() =>
        parsePopulationTable(sheetLike([["region", "befolkning"], ...population]), {
          source: "s",
        })
      ),
      ...thrown(() => parsePopulationTable(sheetLike(codes), { source: "s", date: "2019-12-31" })),
      ...thrown(() => parsePopulationTable(sheetLike([]), { source: "s" })),
      ...thrown(() => parseContactsTable(sheetLike(contacts))),
      ...thrown(() => parseContactsTable(sheetLike([["region", "contacts"]]))),
      ...thrown(() => parseFulfilmentTable(sheetLike(fulfilment))),
      ...thrown(() => parseFulfilmentTable(sheetLike([["region"], ["Gotland"]]))),
    ];
    expect(all.length).toBeGreaterThan(80);
    for (const p of all) {
      expect(problemText(p, "sv").trim()).not.toBe("");
      expect(problemText(p, "sv")).not.toBe(problemText(p, "en"));
    }
  });
});
