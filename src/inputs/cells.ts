import { Decimal } from "../core/decimal";
import { printable } from "../core/format";
import { Message, Shown, message } from "../core/messages";
import { LIMITS, grouped } from "./limits";

export { printable };

/**
 * One cell's value as a sheet, a CSV file or a custom-function argument gives it.
 * Pure: used by the CLI, the custom functions and the workbook adapters alike.
 */
export type Cell = string | number | boolean | null | undefined;

/** A value, or what is wrong with it as a message code (rendered in the user's language where it is shown). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Message };

/** The cell as a message shows it, in English and in Swedish. */
export function shown(cell: Cell): Shown {
  return { value: showCell(cell), valueSv: showCellSv(cell) };
}

const fail = <
  C extends
    | "cell.not-finite"
    | "cell.not-a-number"
    | "cell.negative"
    | "cell.negative-count"
    | "cell.not-whole"
    | "cell.not-yes-no",
>(
  code: C,
  cell: Cell
): { ok: false; problem: Message } => ({ ok: false, problem: message(code, shown(cell)) });

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Shows a cell in an error message: text in quotes (printable: one line, cut), numbers as they are. */
export function showCell(cell: Cell): string {
  return typeof cell === "string" ? `"${printable(cell)}"` : String(cell);
}

/** showCell for a Swedish message: a number with a decimal comma (12,5), as Swedish Excel shows it. */
export function showCellSv(cell: Cell): string {
  return typeof cell === "number" ? String(cell).replace(".", ",") : showCell(cell);
}

/**
 * What a comma means in a column of figures, decided from the whole column (number-reading.ts):
 * a decimal comma (Swedish: "1234,5") or a thousands separator (English: "1,234,567").
 */
export type CommaReading = "decimal-comma" | "thousands-comma";

/**
 * A number as Swedish and English users type it: 1234, "1 234", "1 234,5" (spaces, also
 * no-break, group thousands; one comma is a decimal comma, as in Swedish Excel), and "1,234,567"
 * or "1,234.5" (commas grouping thousands before a decimal point). A text such as "1,234" that
 * fits both readings takes the column's `reading` (default: the decimal comma). A figure of more
 * than LIMITS.digits digits, or a cell of more than LIMITS.cellChars characters, is refused
 * before any arithmetic.
 */
// Stryker disable next-line StringLiteral: only "thousands-comma" is looked for; any other is the decimal comma
export function parseNumber(cell: Cell, reading: CommaReading = "decimal-comma"): Parsed<Decimal> {
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { ok: true, value: new Decimal(cell) }
      : fail("cell.not-finite", cell);
  }
  if (isBlank(cell)) return { ok: false, problem: message("cell.empty-not-number", {}) };
  if (typeof cell !== "string") return notANumber(cell);
  if (cell.length > LIMITS.cellChars)
    return {
      ok: false,
      problem: message("cell.too-long", {
        ...shown(cell),
        chars: cell.length,
        limit: LIMITS.cellChars,
      }),
    };
  let text = cell
    .trim()
    .replace(/[ \u00a0\u202f]/g, "") // spaces group thousands; a line break inside a figure does not
    .replace(/^\u2212/, "-");
  const digits = text.replace(/\D/g, "").length;
  if (digits > LIMITS.digits && /^[-\d.,]+$/.test(text))
    return {
      ok: false,
      problem: message("cell.too-many-digits", { ...shown(cell), digits, limit: LIMITS.digits }),
    };
  if (reading === "thousands-comma" && /^-?\d{1,3},\d{3}$/.test(text)) text = text.replace(",", "");
  else if (/^-?\d+(,\d+)?$/.test(text)) text = text.replace(",", ".");
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return notANumber(cell);
  return { ok: true, value: new Decimal(text) };
}

function notANumber(cell: Cell): Parsed<never> {
  return fail("cell.not-a-number", cell);
}

/** A count: a whole, non-negative number, at most LIMITS.count. */
export function parseCount(cell: Cell, reading?: CommaReading): Parsed<Decimal> {
  const n = parseNumber(cell, reading);
  if (!n.ok) return n;
  if (n.value.isNegative()) return fail("cell.negative-count", cell);
  if (!n.value.isInteger()) return fail("cell.not-whole", cell);
  if (n.value.greaterThan(LIMITS.count))
    return {
      ok: false,
      problem: message("cell.count-too-large", { ...shown(cell), limit: grouped(LIMITS.count) }),
    };
  return n;
}

/** A non-negative figure for a key (population or any other weight). */
export function parseWeight(cell: Cell, reading?: CommaReading): Parsed<Decimal> {
  const n = parseNumber(cell, reading);
  if (!n.ok) return n;
  if (n.value.isNegative()) return fail("cell.negative", cell);
  return n;
}

const YES = new Set(["ja", "j", "yes", "y", "true", "sant", "1", "x", "uppfyllt", "fulfilled"]);
const NO = new Set(["nej", "n", "no", "false", "falskt", "0", "ej uppfyllt", "not fulfilled", "-"]);

/** Yes/no in Swedish or English, TRUE/FALSE, 1/0. */
export function parseYesNo(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return { ok: true, value: cell };
  if (cell === 0 || cell === 1) return { ok: true, value: cell === 1 };
  if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (YES.has(t)) return { ok: true, value: true };
    if (NO.has(t)) return { ok: true, value: false };
  }
  return fail("cell.not-yes-no", cell ?? "");
}
