/** Region grids located as the CLI and the workbook locate them, for the input readers' tests. */
import { Location, formatProblem } from "../../src/core/errors";
import { Cell } from "../../src/inputs/cells";
import { RegionGrid } from "../../src/inputs/region-table";
import { thrownProblems } from "../problems";

/** A grid located like the CLI's: line = row + 1, column = the header's text. */
export function csvLike(rows: Cell[][], file = "t.csv"): RegionGrid {
  return {
    rows,
    locate: (row, column): Location => ({
      file,
      line: row + 1,
      ...(column === undefined ? {} : { column: String(rows[0]?.[column] ?? column + 1) }),
    }),
  };
}

/** A grid located like a worksheet's: Sheet!<letter><row>, data starting in A1. */
export function sheetLike(rows: Cell[][], sheet = "Befolkning"): RegionGrid {
  return {
    rows,
    locate: (row, column) => ({
      sheet,
      cell: `${String.fromCharCode(65 + (column ?? 0))}${row + 1}`,
    }),
  };
}

/** The messages of the SjukError that `run` throws, formatted as the CLI prints them. */
export const problems = (run: () => unknown): string[] =>
  thrownProblems(run).map((p) => formatProblem(p));
