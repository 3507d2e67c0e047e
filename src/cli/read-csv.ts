import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { Location, Problem, SjukError, problem, unreadableFile } from "../core/errors";
import { isBlank, printable, shown } from "../inputs/cells";
import { LIMITS, grouped, showBytes } from "../inputs/limits";
import { RegionGrid } from "../inputs/region-table";

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
  return csvGridOf(readBounded(file), file);
}

/**
 * A file's bytes, at most LIMITS.fileBytes of them: a larger regular file is refused from its
 * size before it is read, and a device or pipe without end (/dev/zero) after the limit's bytes.
 */
export function readBounded(file: string, limit: number = LIMITS.fileBytes): Buffer {
  const tooLarge = () =>
    new SjukError([problem("file.too-large", { limit: showBytes(limit) }, { file })]);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw unreadableFile(e, file);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new SjukError([problem("file.unreadable", { why: "directory", detail: "" }, { file })]);
    if (stat.isFile() && stat.size > limit) throw tooLarge();
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw unreadableFile(e, file);
      }
      if (n === 0) break;
      length += n;
      if (length > limit) throw tooLarge();
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A CSV file's bytes as a grid: decoded (decodeCsv), then split into cells (csvGrid). */
export function csvGridOf(bytes: Uint8Array, file: string): RegionGrid {
  const decoded = decodeCsv(bytes, file);
  const grid = csvGrid(decoded.text, file);
  if (decoded.badUtf8) throw new SjukError(badByteProblems(grid));
  return grid;
}

/** One problem per cell holding a byte that is not UTF-8 in a file that is otherwise UTF-8. */
function badByteProblems(grid: RegionGrid): Problem[] {
  const problems: Problem[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === "string" && cell.includes("\uFFFD"))
        problems.push(problem("file.bad-utf8", shown(cell), grid.locate(r, c)));
    })
  );
  return problems;
}

export interface DecodedCsv {
  text: string;
  /** UTF-8 with bytes that are not: the text has U+FFFD where they were. */
  badUtf8: boolean;
}

/**
 * A CSV file's text. UTF-8 (with or without a byte-order mark); UTF-16 with a byte-order mark,
 * or without one when every other byte is zero (as Excel's "Unicode text" saves it); a file
 * with UTF-8 letters and a stray byte that is not UTF-8 is UTF-8 with a bad byte; a file with no
 * UTF-8 letters at all but bytes above 127 is Windows-1252. Other zero bytes: not a text file.
 */
export function decodeCsv(bytes: Uint8Array, file: string): DecodedCsv {
  const utf16 = utf16Of(bytes);
  if (utf16)
    return { text: new TextDecoder(utf16).decode(bytes).replace(/^\uFEFF/, ""), badUtf8: false };
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    const line = 1 + countLineBreaks(bytes.subarray(0, zero));
    throw new SjukError([problem("file.zero-byte", {}, { file, line })]);
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""),
      badUtf8: false,
    };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    // UTF-8 letters beside the bad bytes: a UTF-8 file with a fault, not an older encoding.
    if (/[\u0080-\uFFFC\uFFFE\uFFFF]/.test(text)) return { text, badUtf8: true };
    return { text: new TextDecoder("windows-1252").decode(bytes), badUtf8: false };
  }
}

/** "utf-16le"/"utf-16be" for a UTF-16 file (by its byte-order mark, or its zero bytes), else undefined. */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  });
  const half = sample.length / 2;
  if (oddZeros > half * 0.9 && evenZeros === 0) return "utf-16le";
  if (evenZeros > half * 0.9 && oddZeros === 0) return "utf-16be";
  return undefined;
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** The text of a file's bytes (kept for callers that only need the text). */
export function decode(bytes: Uint8Array): string {
  return decodeCsv(bytes, "").text;
}

/** The separator of a CSV text: the header line's semicolon, tab or comma. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const outsideQuotes = header.replace(/"[^"]*"/g, "");
  if (outsideQuotes.includes(";")) return ";";
  if (outsideQuotes.includes("\t")) return "\t";
  return ",";
}

/** Line ends inside a message shown as \\r, \\n (a problem is one line of text). */
function oneLine(text: string): string {
  const escapes: Record<string, string> = {
    "\r": "\\r",
    "\n": "\\n",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
  };
  return text.replace(/[\r\n\u2028\u2029]/g, (c) => escapes[c]!);
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
        // The parser quotes the text it met, line ends included: shown escaped, one line.
        { detail: oneLine(err.message.replace(/ at line \d+$/, "")) },
        { file, line: err.lines }
      ),
    ]);
  }
  refuseOverLimits(records, file);
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
      where.column =
        name !== undefined && !isBlank(name) ? printable(name.trim(), 40) : String(column + 1);
    }
    return where;
  };
  return { rows, locate };
}

/** Rows and columns past LIMITS: refused with the line where the limit is passed. */
function refuseOverLimits(
  records: { record: string[]; info: { lines: number } }[],
  file: string
): void {
  if (records.length > LIMITS.rows)
    throw new SjukError([
      problem(
        "file.too-many-rows",
        { rows: grouped(records.length), limit: grouped(LIMITS.rows) },
        { file, line: records[LIMITS.rows]!.info.lines }
      ),
    ]);
  const wide = records.find((r) => r.record.length > LIMITS.columns);
  if (wide)
    throw new SjukError([
      problem(
        "file.too-many-columns",
        { columns: grouped(wide.record.length), limit: String(LIMITS.columns) },
        { file, line: wide.info.lines }
      ),
    ]);
}
