/*
 * The preview grid's clipboard and fill, on HyperFormula's own operations, so that formulas
 * behave as in Excel: copy/cut + paste (hf.copy, hf.cut, hf.paste) and fill
 * (hf.getFillRangeData) shift relative references (A1 → A2 one row down) and keep absolute
 * ones ($A$1); each is one step for undo (hf.undo / hf.redo).
 *
 * What goes on the system clipboard is the cells' raw values as tab-separated text, as other
 * programs read them: 2377081, not the grouped "2 377 081"; a county code "01" stays "01".
 * Text pasted from elsewhere is read as tab-separated rows and written as typed values.
 */
import { DetailedCellError, HyperFormula, RawCellContent, SimpleCellRange } from "hyperformula";
import { replaceCellContents } from "../functions/hyperformula";
import type { Lang } from "../taskpane/i18n";
import { parseInput } from "./cell-format";

/** A cell's raw value as text: unformatted number (decimal mark of the language), text as is. */
export function rawValueText(
  hf: HyperFormula,
  address: SimpleCellRange["start"],
  lang: Lang
): string {
  const value = hf.getCellValue(address);
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "boolean")
    return lang === "sv" ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (String(hf.getCellValueDetailedType(address)).startsWith("NUMBER_DATE")) {
      const d = hf.numberToDate(value) as { year: number; month: number; day: number };
      return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
    }
    const text = String(value);
    return lang === "sv" ? text.replace(".", ",") : text;
  }
  return String(value);
}

/** Quotes a field that holds a tab, a line break or a quote, as Excel does. */
function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A range's raw values as tab-separated rows (CRLF between rows, as Excel writes them). */
export function rangeToTsv(hf: HyperFormula, range: SimpleCellRange, lang: Lang): string {
  const rows: string[] = [];
  for (let row = range.start.row; row <= range.end.row; row++) {
    const fields: string[] = [];
    for (let col = range.start.col; col <= range.end.col; col++)
      fields.push(tsvField(rawValueText(hf, { sheet: range.start.sheet, row, col }, lang)));
    rows.push(fields.join("\t"));
  }
  return rows.join("\r\n");
}

/** Tab-separated text as rows of fields (quoted fields may hold tabs, line breaks and ""). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const t = text.replace(/\r?\n$/, "");
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === "\t") (row.push(field), (field = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && t[i + 1] === "\n") i++;
      (row.push(field), rows.push(row), (row = []), (field = ""));
    } else field += ch;
  }
  row.push(field);
  rows.push(row);
  return rows;
}

/** What the grid copied last: HyperFormula holds its cells; `text` is what went to the system clipboard. */
export interface GridClip {
  text: string;
  cut: boolean;
}

/** Copies (or cuts) a range: HyperFormula keeps the cells, the system clipboard gets the raw values. */
export function copyRange(
  hf: HyperFormula,
  range: SimpleCellRange,
  lang: Lang,
  cut = false
): GridClip {
  const text = rangeToTsv(hf, range, lang);
  if (cut) hf.cut(range);
  else hf.copy(range);
  return { text, cut };
}

const sameText = (a: string, b: string) =>
  a.replace(/\r\n?/g, "\n").trimEnd() === b.replace(/\r\n?/g, "\n").trimEnd();

/**
 * Pastes at `at`: the grid's own copy through HyperFormula (references shift, a cut moves the
 * cells), other text as typed values. Returns the pasted size, or throws HyperFormula's reason.
 */
export function pasteText(
  hf: HyperFormula,
  at: SimpleCellRange["start"],
  text: string,
  clip: GridClip | undefined,
  lang: Lang
): { rows: number; columns: number } {
  if (clip && sameText(clip.text, text) && !hf.isClipboardEmpty()) {
    const pasted = parseTsv(clip.text);
    hf.paste(at);
    return { rows: pasted.length, columns: pasted[0]?.length ?? 0 };
  }
  const rows = parseTsv(text);
  const columns = Math.max(...rows.map((r) => r.length));
  const contents: RawCellContent[][] = rows.map((r) =>
    Array.from({ length: columns }, (_, c) => parseInput(r[c] ?? "", lang))
  );
  // Cleared first, in one step for undo (replaceCellContents: a HyperFormula bug otherwise).
  hf.batch(() => replaceCellContents(hf, at, contents));
  return { rows: rows.length, columns };
}

/**
 * Fills a selection from its first row down (Ctrl+D) or its first column right (Ctrl+R), as
 * Excel does; a single row (column) is filled from the row above (column to the left).
 * Formulas shift their relative references. One step for undo. False when there is nothing to fill.
 */
export function fillRange(
  hf: HyperFormula,
  range: SimpleCellRange,
  direction: "down" | "right"
): boolean {
  const { start, end } = range;
  const down = direction === "down";
  const single = down ? start.row === end.row : start.col === end.col;
  let source: SimpleCellRange;
  let target: SimpleCellRange;
  if (single) {
    if ((down ? start.row : start.col) === 0) return false;
    const from = down ? { ...start, row: start.row - 1 } : { ...start, col: start.col - 1 };
    source = { start: from, end: down ? { ...end, row: from.row } : { ...end, col: from.col } };
    target = range;
  } else {
    source = { start, end: down ? { ...end, row: start.row } : { ...end, col: start.col } };
    target = {
      start: down ? { ...start, row: start.row + 1 } : { ...start, col: start.col + 1 },
      end,
    };
  }
  const data = hf.getFillRangeData(source, target);
  hf.batch(() => replaceCellContents(hf, target.start, data));
  return true;
}
