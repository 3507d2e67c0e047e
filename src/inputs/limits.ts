/**
 * The stated limits of the input tables (CSV files, sheet tables, function ranges). A region
 * table has 21 data rows and a handful of columns; the limits leave room for notes and
 * comments many times over, and exist so that a hostile or mistaken file is refused at once,
 * with a message naming the limit, instead of taking minutes and gigabytes. README: "Limits".
 */
export const LIMITS = {
  /** Bytes in one input file (a 21-region table is about 1 KB). */
  fileBytes: 1024 * 1024,
  /** Rows (records) in one table, header and blank lines included. */
  rows: 1000,
  /** Columns in any row of a table. */
  columns: 100,
  /** Characters in one cell. */
  cellChars: 1000,
  /** Digits in one figure (Excel itself keeps 15 significant digits). */
  digits: 30,
  /** A count (contacts, treatments): at most 10^12, so that 3 000 kr a contact stays exact. */
  count: 1_000_000_000_000,
  /** Problems listed for one run; the rest are counted. */
  problems: 100,
} as const;

/** 1048576 → "1 MiB" (1 048 576 bytes), 1000 → "1 000". */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** A size in the units a person reads: "1 MiB". */
export function showBytes(bytes: number): string {
  if (bytes > 0 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return `${grouped(bytes)} bytes`;
}
