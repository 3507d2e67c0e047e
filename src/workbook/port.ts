/*
 * The one door between the add-in and a workbook. Two adapters implement it: Excel's JavaScript
 * API (excel-port.ts, batched: a constant number of context.sync() calls per operation) and an
 * embedded HyperFormula workbook (hyperformula-port.ts: CLI, browser preview, tests).
 *
 * Everything above the port (agreement-sheets.ts, agreement-insert.ts, the task pane) speaks only these types:
 * sheet names, A1 addresses relative to a sheet ("C7"), table names, and plain cell values.
 * Formulas are written in Excel's invariant (English) syntax, with "," between arguments and
 * A1 references (no structured references: HyperFormula has none), e.g.
 *   =SJUK.SHARE($B6,Befolkning!$A$6:$C$26,C$5,Villkor!$A$5:$F$26,$C$2)
 * so that the very same text evaluates in Excel (range.formulas) and in HyperFormula.
 */

import type { Language } from "../core/language";

/** One cell's value as read or written: text, number, boolean or blank. */
export type CellValue = string | number | boolean | null;

/** What may be written into a cell: a value, or a formula (text starting with "="). */
export type CellInput = CellValue;

/** A cell of an owned sheet outside any table: a title, a label, a note, an option cell. */
export interface CellSpec {
  /** A1 address on the sheet, e.g. "A1" or "C2". */
  address: string;
  /** A value or a formula ("=..."). */
  value: CellInput;
  /** Excel number format in invariant form, e.g. `#,##0 "kr"` or "yyyy-mm-dd". */
  numberFormat?: string;
  /** How it looks: a sheet title, a section heading, a note, a prompt to act (highlighted). */
  style?: "title" | "heading" | "note" | "prompt" | "option" | "total";
  /** A drop-down list of allowed values (data validation); blank stays allowed. */
  validation?: string[];
}

/** A column of a table as the layout declares it. */
export interface ColumnSpec {
  header: string;
  /** Excel number format for the column's body, e.g. `#,##0 "kr"`, "@" (text) or "yyyy-mm-dd". */
  numberFormat?: string;
  /** A drop-down list of allowed values for every body cell (e.g. ["ja", "nej"]). */
  validation?: string[];
  /** The user types into this column: a re-insert keeps its values (unless reset). */
  input?: boolean;
  /** Column width in characters (approximate; each adapter converts). */
  width?: number;
}

/** An Excel table (in HyperFormula: a named expression over its body, plus a registry entry). */
export interface TableSpec {
  /** Workbook-wide table name, e.g. "SJUK_Befolkning". */
  name: string;
  /** A1 address of the header row's first cell, e.g. "A5". The body starts one row below. */
  topLeft: string;
  columns: ColumnSpec[];
  /** Body rows: one value or formula per column. */
  rows: CellInput[][];
}

/** A sheet the add-in owns, declared as data; the adapters turn it into writes. */
export interface SheetSpec {
  /** The sheet's role, stable across languages and renames: "population", "results", … */
  role: string;
  /** The sheet's actual name in the workbook (may differ from the layout's default, e.g. "Resultat (SJUK)"). */
  name: string;
  cells: CellSpec[];
  tables: TableSpec[];
  /** Rows kept visible when scrolling (the rows down to and including the table headers). */
  frozenRows?: number;
  /** Columns kept visible when scrolling sideways (the region columns of the input sheets). */
  frozenColumns?: number;
  /** Widths of columns A, B, C, … in characters. */
  columnWidths?: number[];
}

/** A table as read back: its headers and body values (formulas' computed values, not the formulas). */
export interface TableData {
  name: string;
  sheet: string;
  /** A1 address of the header row's first cell. */
  topLeft: string;
  headers: string[];
  rows: CellValue[][];
}

/** The record, kept in settings, of a sheet the add-in created. */
export interface OwnedSheet {
  role: string;
  name: string;
}

/** The settings key under which the owned sheets are recorded (value: OwnedSheet[]). */
export const OWNED_SHEETS_SETTING = "sjuk.ownedSheets";
/** The settings key under which the chosen options are recorded (value: WorkbookOptions in agreement-sheets.ts). */
export const OPTIONS_SETTING = "sjuk.options";

export interface WorkbookPort {
  /** Every sheet's name, in tab order. */
  listSheets(): Promise<string[]>;
  /** The sheets the add-in recorded as its own (from settings; [] if none). */
  listOwnedSheets(): Promise<OwnedSheet[]>;

  /** A table by name, or undefined if the workbook has none by that name. */
  readTable(name: string): Promise<TableData | undefined>;
  /**
   * Replaces a table's body with `rows` (values or formulas), resizing the table to their count.
   * Throws if the table does not exist or a row's width differs from the header's.
   */
  writeTableBody(name: string, rows: CellInput[][]): Promise<void>;

  /**
   * Writes owned sheets in one batch: a spec whose sheet does not exist yet is created; a spec
   * whose sheet exists is cleared (cells and tables) and written anew — callers (agreement-insert.ts) only
   * ever pass sheets the add-in owns. Creates every sheet before writing any formula, so formulas
   * may refer to sheets of the same batch. Validates everything before the first write.
   */
  writeSheets(
    specs: SheetSpec[],
    /** Settings to write in the same batch (Excel: the same context.sync()). */
    settings?: Record<string, unknown>
  ): Promise<void>;

  /**
   * Writes single cells of one sheet in one batch (e.g. the option cells), values or formulas.
   * Callers write only cells the add-in owns.
   */
  writeCells(
    sheet: string,
    cells: { address: string; value: CellInput }[],
    /** Settings to write in the same batch (Excel: the same context.sync()). */
    settings?: Record<string, unknown>
  ): Promise<void>;

  /** Computed values of a range on a sheet, e.g. ("Resultat", "C6:H26"): rows × columns. */
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  /** Formulas (or constants for plain cells) of a range, as written. */
  readFormulas(sheet: string, address: string): Promise<CellInput[][]>;

  /** Activates the sheet and selects the cell (e.g. the cell a validation problem names). */
  selectCell(sheet: string, address: string): Promise<void>;

  /**
   * The message an error cell carries (a SJUK function's explanation), or undefined when the cell
   * holds no error or the host does not expose it. HyperFormula gives the function's message (in
   * the preview's language); Excel's API gives only the error's kind (#VALUE!), so the Excel port
   * reads the error the function remembered for its cell, in `language`, if the cell still
   * `shows` that kind of error.
   */
  readErrorMessage?(
    sheet: string,
    address: string,
    context?: { language?: Language; shows?: string }
  ): Promise<string | undefined>;

  /** A stored setting (JSON value), or undefined. */
  readSetting<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores a setting (JSON value) with the workbook; undefined removes it. */
  writeSetting(key: string, value: unknown): Promise<void>;
}

/* ---------- A1 helpers shared by the adapters and the layout ---------- */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C7" (or "$C$7") → { row: 6, column: 2 } (zero-based). */
export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not an A1 cell address`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
}

/** Zero-based row and column → "C7". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "A5:C26" (or a single cell) → zero-based corners. */
export function parseRange(address: string): {
  start: { row: number; column: number };
  end: { row: number; column: number };
} {
  const [a, b] = address.split(":");
  const start = parseCell(a!);
  const end = b ? parseCell(b) : start;
  return { start, end };
}

/** Zero-based corners → "A5:C26". */
export function rangeAddress(
  start: { row: number; column: number },
  end: { row: number; column: number }
): string {
  return `${cellAddress(start.row, start.column)}:${cellAddress(end.row, end.column)}`;
}

/** A sheet name as a formula writes it: Befolkning, or 'Resultat (SJUK)' when it needs quotes. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Befolkning", "C6:C26" → "Befolkning!$C$6:$C$26" (absolute). */
export function absoluteRef(sheet: string, address: string): string {
  const abs = (cell: string) => {
    const { row, column } = parseCell(cell);
    return `$${columnLetter(column)}$${row + 1}`;
  };
  const [a, b] = address.split(":");
  return `${sheetRef(sheet)}!${abs(a!)}${b ? `:${abs(b)}` : ""}`;
}

/** The A1 range a table covers, header row included. */
export function tableRange(table: Pick<TableSpec, "topLeft" | "columns" | "rows">): string {
  const { row, column } = parseCell(table.topLeft);
  return rangeAddress(
    { row, column },
    { row: row + Math.max(table.rows.length, 1), column: column + table.columns.length - 1 }
  );
}

/** The A1 range of a table's body (one row at least, as Excel keeps one). */
export function tableBodyRange(table: Pick<TableSpec, "topLeft" | "columns" | "rows">): string {
  const { row, column } = parseCell(table.topLeft);
  return rangeAddress(
    { row: row + 1, column },
    { row: row + Math.max(table.rows.length, 1), column: column + table.columns.length - 1 }
  );
}

/** A formula is text starting with "=". */
export function isFormula(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("=");
}
