import { Message, message, render } from "../core/messages";
import { absoluteRef, cellAddress, columnIndex, columnLetter } from "./port";

/*
 * Formula text as Excel stores it in an .xlsx, turned into what HyperFormula reads.
 *
 * Everything works on segments: string literals ("…", "" inside), quoted sheet names ('…', ''
 * inside), bracketed parts ([…], nested; ' escapes a bracket) and plain text between them. Only
 * plain text is ever rewritten, so a string literal such as "v1" is never touched. (A general
 * tokenizer from npm, excel-formula-tokenizer, splits structured references such as
 * T[[#This Row],[Col]] at their comma, so it cannot serve here.)
 *
 * - shiftFormula: a shared formula's text for a cell `rows`/`columns` away from its master,
 *   shifting relative references only.
 * - toHyperFormulaText: _xlfn./_xlws. prefixes dropped; _xldudf_SJUK_X and [n]!_xldudf_SJUK_X
 *   as SJUK.X; _xlfn.ANCHORARRAY(A1) (A1#) as the anchor's spill range; TRUE/FALSE literals as
 *   TRUE()/FALSE(); 1E3 as 1000; table references as A1 ranges.
 */

export type Segment = { kind: "plain" | "string" | "quoted" | "bracket"; text: string };

/** Splits a formula into segments; the texts joined give the formula back unchanged. */
export function segments(formula: string): Segment[] {
  const out: Segment[] = [];
  let plain = "";
  let i = 0;
  const flush = () => {
    if (plain) out.push({ kind: "plain", text: plain });
    plain = "";
  };
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      flush();
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== ch) continue;
        if (formula[j + 1] === ch) j++;
        else break;
      }
      out.push({ kind: ch === '"' ? "string" : "quoted", text: formula.slice(i, j + 1) });
      i = j + 1;
    } else if (ch === "[") {
      flush();
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out.push({ kind: "bracket", text: formula.slice(i, j + 1) });
      i = j + 1;
    } else {
      plain += ch;
      i++;
    }
  }
  flush();
  return out;
}

/** Excel's grid, the bounds a shifted reference must stay within. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

// A cell (A1, $A$1), a column range (A:C) or a row range (1:3), not part of a longer name.
const REFERENCE =
  /(?<![\w.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![\w.(!])/g;

function shiftRow(fixed: string, row: string, by: number): string | undefined {
  if (fixed) return `$${row}`;
  const r = Number(row) + by;
  return r >= 1 && r <= EXCEL_ROWS ? String(r) : undefined;
}

function shiftColumn(fixed: string, letters: string, by: number): string | undefined {
  if (fixed) return `$${letters}`;
  const c = columnIndex(letters.toUpperCase()) + by;
  return c >= 0 && c < EXCEL_COLUMNS ? columnLetter(c) : undefined;
}

function shiftPlain(text: string, rows: number, columns: number): string {
  return text.replace(REFERENCE, (...m: (string | undefined)[]) => {
    let parts: (string | undefined)[];
    if (m[2] !== undefined)
      parts = [shiftColumn(m[1]!, m[2], columns), shiftRow(m[3]!, m[4]!, rows)];
    else if (m[6] !== undefined)
      parts = [shiftColumn(m[5]!, m[6], columns), ":", shiftColumn(m[7]!, m[8]!, columns)];
    else parts = [shiftRow(m[9]!, m[10]!, rows), ":", shiftRow(m[11]!, m[12]!, rows)];
    return parts.includes(undefined) ? "#REF!" : parts.join("");
  });
}

/** A shared formula's text in a cell `rows` down and `columns` right of its master. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return segments(formula)
    .map((s) => (s.kind === "plain" ? shiftPlain(s.text, rows, columns) : s.text))
    .join("");
}

/** An Excel table as the formulas refer to it. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Whole table, e.g. "A5:C26" (header and totals rows included). */
  ref: string;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

/** What translating a formula needs to know about the workbook. */
export interface FormulaContext {
  /** Tables by lower-case name. */
  tables: Map<string, TableInfo>;
  /** The cell the formula is in (0-based), for [#This Row]. */
  row: number;
  column: number;
  /** The spill range of an array formula's anchor, by "SHEET!A1" (upper case); for A1#. */
  spillRange: (sheet: string | undefined, address: string) => string | undefined;
}

/** A formula that cannot be read: the cell gets an error value and this message (English in `message`). */
export class FormulaTextError extends Error {
  constructor(
    readonly errorValue: "#REF!" | "#NAME?",
    readonly detail: Message
  ) {
    super(render(detail));
  }
}

/** "1.5E-3" → "0.0015": HyperFormula does not read exponents in formulas. */
export function expandExponent(mantissa: string, exponent: number): string {
  const [whole, fraction = ""] = mantissa.split(".");
  let digits = `${whole}${fraction}`;
  let point = whole!.length + exponent;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  while (digits.length < point) digits += "0";
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

const EXPONENT = /(?<![\w.$])(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d+)(?![\w.])/g;
const LOGICAL = /(?<![\w.$])(TRUE|FALSE)(?![\w.(])/gi;
const UDF = /(?<![\w.])_xldudf_SJUK_([A-Za-z]+)/g;
const PREFIX = /(?<![\w.])_xl(?:fn|ws)\.(?!ANCHORARRAY\b)/gi;

function rewritePlain(text: string): string {
  return text
    .replace(PREFIX, "")
    .replace(UDF, (_m, name: string) => `SJUK.${name.toUpperCase()}`)
    .replace(LOGICAL, (_m, word: string) => `${word.toUpperCase()}()`)
    .replace(EXPONENT, (_m, mantissa: string, exponent: string) =>
      expandExponent(mantissa.startsWith(".") ? `0${mantissa}` : mantissa, Number(exponent))
    );
}

/** The A1 range of part of a table, from its bracketed specifier ("[Invånare]", "[[#This Row],[A]]", "[#All]", "[]"). */
export function tableRange(table: TableInfo, spec: string, context: FormulaContext): string {
  const [start, end] = table.ref.split(":").map((a) => parseA1(a));
  const first = { row: start!.row, column: start!.column };
  const last = end ? { row: end.row, column: end.column } : first;
  const dataTop = first.row + table.headerRows;
  const dataBottom = last.row - table.totalsRows;
  let inner = spec.slice(1, -1).trim();
  let thisRow = false;
  if (inner.startsWith("@")) {
    thisRow = true;
    inner = inner.slice(1).trim();
  }
  // Items: [#All], [#Data], [#Headers], [#Totals], [#This Row], [Col] or [Col]:[Col]; a bare Col alone.
  const items = inner === "" ? [] : inner.startsWith("[") ? splitItems(inner) : [`[${inner}]`];
  let rows: [number, number] = [dataTop, dataBottom];
  const special = items.filter((i) => i.startsWith("[#"));
  const columnItems = items.filter((i) => !i.startsWith("[#"));
  for (const s of special) {
    const word = s.slice(2, -1).toLowerCase();
    if (word === "all") rows = [first.row, last.row];
    else if (word === "data") rows = [dataTop, dataBottom];
    else if (word === "headers") rows = [first.row, first.row + table.headerRows - 1];
    else if (word === "totals") rows = [dataBottom + 1, last.row];
    else if (word === "this row") thisRow = true;
    else
      throw new FormulaTextError(
        "#REF!",
        message("xlsx.table-no-part", { table: table.name, part: s })
      );
  }
  if (
    special.length > 1 &&
    special.some((s) => /headers/i.test(s)) &&
    special.some((s) => /data/i.test(s))
  )
    rows = [first.row, dataBottom];
  if (thisRow) {
    if (context.row < dataTop || context.row > dataBottom)
      throw new FormulaTextError(
        "#REF!",
        message("xlsx.table-this-row-outside", { table: table.name })
      );
    rows = [context.row, context.row];
  }
  let columns: [number, number] = [first.column, last.column];
  if (columnItems.length > 0) {
    const names = columnItems
      .join("")
      .split(/\]\s*:\s*\[/)
      .map((n) => n.replace(/^\[|\]$/g, ""));
    const indexes = names.map((n) => columnOf(table, n));
    columns = [first.column + indexes[0]!, first.column + indexes[indexes.length - 1]!];
  }
  if (rows[1] < rows[0])
    throw new FormulaTextError("#REF!", message("xlsx.table-no-rows", { table: table.name, spec }));
  return absoluteRef(
    table.sheet,
    `${cellAddress(rows[0], columns[0])}:${cellAddress(rows[1], columns[1])}`
  );
}

function parseA1(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new FormulaTextError("#REF!", message("xlsx.not-a-cell", { value: address }));
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]!.toUpperCase()) };
}

/** "[#This Row],[A]:[B]" → ["[#This Row]", "[A]:[B]"], respecting ' escapes. */
function splitItems(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === "'") {
      current += ch + (inner[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === "," && depth === 0) {
      items.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

function columnOf(table: TableInfo, escaped: string): number {
  const name = escaped.replace(/'(.)/g, "$1").trim().toLowerCase();
  const index = table.columns.findIndex((c) => c.trim().toLowerCase() === name);
  if (index < 0)
    throw new FormulaTextError(
      "#REF!",
      message("xlsx.table-no-column", {
        table: table.name,
        column: escaped,
        columns: table.columns,
      })
    );
  return index;
}

/** The formula as HyperFormula reads it (with its leading "="). Throws FormulaTextError when a reference cannot be read. */
export function toHyperFormulaText(formula: string, context: FormulaContext): string {
  const parts = segments(formula.startsWith("=") ? formula.slice(1) : formula);
  const out: string[] = [];
  // String literals stand aside as numbered placeholders while A1# is rewritten, then come back.
  const literals: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i]!;
    if (s.kind !== "plain") {
      // "[1]!_xldudf_…": the link index of an add-in function; the function itself follows.
      if (
        s.kind === "bracket" &&
        /^\[\d+\]$/.test(s.text) &&
        parts[i + 1]?.text.startsWith("!_xldudf_")
      ) {
        parts[i + 1] = { kind: "plain", text: parts[i + 1]!.text.slice(1) };
        continue;
      }
      if (s.kind === "string") {
        out.push(`\uE000${literals.length}\uE000`);
        literals.push(s.text);
      } else out.push(s.text);
      continue;
    }
    let text = s.text;
    const next = parts[i + 1];
    if (next?.kind === "bracket") {
      // A table reference: the table's name ends this plain text (or [#This Row] parts stand alone).
      const m = /([\p{L}_\\][\p{L}\p{N}_.\\]*)$/u.exec(text);
      const table = m ? context.tables.get(m[1]!.toLowerCase()) : undefined;
      if (table) {
        text = text.slice(0, m!.index);
        out.push(rewritePlain(text), tableRange(table, next.text, context));
        i++;
        continue;
      }
    }
    out.push(rewritePlain(text));
  }
  const text = anchorArrays(out.join(""), context);
  return `=${text.replace(/\uE000(\d+)\uE000/g, (_m, n: string) => literals[Number(n)]!)}`;
}

const ANCHOR =
  /(?<![\w.])_xlfn\.ANCHORARRAY\(\s*((?:'(?:[^']|'')+'|[\w.]+)!)?(\$?[A-Za-z]{1,3}\$?\d+)\s*\)/gi;

/** _xlfn.ANCHORARRAY(A1), Excel's A1#, as the range A1's formula spills into (A1 alone when it does not spill). */
function anchorArrays(formula: string, context: FormulaContext): string {
  return formula.replace(ANCHOR, (_m, sheetPart: string | undefined, address: string) => {
    const sheet = sheetPart
      ? sheetPart.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'")
      : undefined;
    const plain = address.replace(/\$/g, "").toUpperCase();
    const range = context.spillRange(sheet, plain) ?? `${plain}:${plain}`;
    return `${sheetPart ?? ""}${range}`;
  });
}
