import { Decimal, DecimalInput } from "./decimal";
import { SjukError } from "./errors";

/**
 * Whole kronor. A plain number, but only ever a safe integer: the engine computes with
 * Decimal and converts at the edge with `toKronor`, which refuses anything else.
 */
export type Kronor = number;

export function toKronor(value: DecimalInput, what = "amount"): Kronor {
  const d = new Decimal(value);
  if (!d.isFinite() || !d.isInteger()) throw new SjukError(`${what}: ${d.toString()} is not a whole number of kronor`);
  const n = d.toNumber();
  if (!Number.isSafeInteger(n)) throw new SjukError(`${what}: ${d.toString()} is too large`);
  return n;
}

/** Exact sum of whole-kronor amounts. */
export function sumKronor(amounts: Iterable<Kronor>): Kronor {
  let total = new Decimal(0);
  for (const a of amounts) total = total.plus(a);
  return toKronor(total, "sum");
}

/**
 * Swedish kronor as finance officers write them: `1 234 567 kr`. Works on the integer's
 * digits, never on a float. `separator` defaults to a plain space (readable in a terminal and
 * in CSV); pass "\u00a0" for typeset output.
 */
export function formatKronor(amount: Kronor | Decimal, separator = " "): string {
  const d = new Decimal(amount);
  const digits = d.abs().toFixed(0);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${d.isNegative() && !d.isZero() ? "−" : ""}${grouped} kr`;
}

/** Millions of kronor as Table 1 writes them (57,8), for messages only. */
export function formatMsek(amount: Kronor): string {
  return `${new Decimal(amount).div(1_000_000).toString().replace(".", ",")} MSEK`;
}
