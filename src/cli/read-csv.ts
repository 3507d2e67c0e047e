import { parse } from "csv-parse/sync";
import { Location, SjukError, problem } from "../core/errors";
import { isBlank } from "../inputs/cells";
import { RegionGrid } from "../inputs/region-table";
import { readInputFile } from "./read-file";

/**
 * Node-only file reading for the CLI: a CSV file as a grid of cells with its locations
 * ("file, line N, column <header>"), handed to the pure parsers in src/inputs/region-table.
 *
 * - UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as
 *   Windows-1252, which is what older Swedish Excel saves as "CSV (semikolonavgränsad)".
 * - The separator is the header line's: semicolon if the header has one, else tab if it has
 *   one, else comma. One separator per file, so that a decimal comma ("1 234,5") in a
 *   semicolon file stays a number.
 */
export function readCsvGrid(file: string): RegionGrid {
  return csvGrid(decode(readInputFile(file)), file);
}

export function decode(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** The separator of a CSV text: the header line's semicolon, tab or comma. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const outsideQuotes = header.replace(/"[^"]*"/g, "");
  if (outsideQuotes.includes(";")) return ";";
  if (outsideQuotes.includes("\t")) return "\t";
  return ",";
}

export function csvGrid(text: string, file: string): RegionGrid {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new SjukError([
      problem(
        "file.not-csv",
        { detail: err.message.replace(/ at line \d+$/, "") },
        { file, line: err.lines }
      ),
    ]);
  }
  // info.lines is the line a record ends on; a quoted cell may span lines.
  const lines = records.map(
    (r) =>
      r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0)
  );
  const rows = records.map((r) => r.record);
  const header = rows[0] ?? [];
  const locate = (row: number, column?: number): Location => {
    const where: Location = { file, line: lines[row] ?? 1 };
    if (column !== undefined) {
      const name = header[column];
      where.column = name !== undefined && !isBlank(name) ? name.trim() : String(column + 1);
    }
    return where;
  };
  return { rows, locate };
}
