import synthetic from "../../examples/agreement-synthetic-290.json";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { Decimal } from "../../src/core/decimal";
import { recipientsOf } from "../../src/engine/recipients";
import { REGIONS } from "../../src/engine/regions";
import { Cell } from "../../src/inputs/cells";
import { parseFigureTable } from "../../src/inputs/region-table";
import { csvLike, problems } from "./grids";

const elderly = (rows: Cell[][]) => csvLike(rows, "elderly.csv");

const rowsOf = (figure: (i: number) => Cell): Cell[][] =>
  REGIONS.map((r, i) => [r.name, figure(i)]);

describe("parseFigureTable: another key or unit column of an agreement", () => {
  it("reads a weight column (decimals allowed) per region, in county-code order", () => {
    const grid = elderly([["Region", "Elderly", "kommentar"], ...rowsOf((i) => `${100 + i},5`)]);
    const figures = parseFigureTable(grid, { column: "elderly", counts: false });
    expect(Object.keys(figures).sort()).toEqual(REGIONS.map((r) => r.code));
    expect(figures["01"]).toEqual(new Decimal("100.5"));
    expect(figures["25"]).toEqual(new Decimal("120.5"));
  });

  it("reads whole counts as numbers for a unit column", () => {
    const grid = elderly([["län", "visits"], ...rowsOf((i) => String(10 * i))]);
    const figures = parseFigureTable(grid, { column: "visits", counts: true });
    expect(figures["01"]).toBe(0);
    expect(figures["03"]).toBe(10);
    expect(figures["25"]).toBe(200);
  });

  it("refuses a fraction in a count column and a negative weight, naming line and column", () => {
    const counts = elderly([["region", "visits"], ...rowsOf((i) => (i === 2 ? "1,5" : "3"))]);
    expect(problems(() => parseFigureTable(counts, { column: "visits", counts: true }))).toEqual([
      'elderly.csv, line 4, column visits: "1,5" is not a whole number (visits for Region Sörmland)',
    ]);
    const weights = elderly([["region", "elderly"], ...rowsOf((i) => (i === 0 ? "-2" : "3"))]);
    expect(problems(() => parseFigureTable(weights, { column: "elderly", counts: false }))).toEqual(
      ['elderly.csv, line 2, column elderly: "-2" is negative (elderly for Region Stockholm)']
    );
  });

  it("names an unknown column and a missing figure column", () => {
    const grid = elderly([["region", "population"], ...rowsOf(() => "1")]);
    expect(problems(() => parseFigureTable(grid, { column: "elderly", counts: false }))).toEqual([
      'elderly.csv, line 1: no column "elderly"; the header has "region", "population"',
      'elderly.csv, line 1, column population: "population" is not a column of a elderly file; use "region" and "elderly"',
    ]);
  });

  it("reads the members of another recipient set", () => {
    const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
    const recipients = recipientsOf(agreement);
    const grid = elderly([
      ["code", "visits"],
      ...recipients.members.map((m, i): Cell[] => [m.code, i]),
    ]);
    const figures = parseFigureTable(grid, { column: "visits", counts: true, recipients });
    expect(Object.keys(figures)).toHaveLength(290);
    expect(figures["K001"]).toBe(0);
    expect(figures["K290"]).toBe(289);
  });
});
