/*
 * How numbers and amounts read in messages. Formatting only: money is computed in the engine.
 */

/** An amount as messages show it: a whole number, a decimal string or anything with `toFixed` (a Decimal). */
export type AmountLike = number | string | { toFixed(dp: number): string };

/** "1 234 567" from the amount's own digits (never via a float), with a leading "−" when negative. */
export function groupDigits(amount: AmountLike, separator = " "): string {
  const text = typeof amount === "object" ? amount.toFixed(0) : String(amount);
  const negative = text.startsWith("-") && !/^-0*$/.test(text);
  const digits = text.replace(/^-/, "");
  return `${negative ? "−" : ""}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)}`;
}

/** `1 234 567 kr`, as Swedish finance officers write it (in both languages' messages). */
export function kr(amount: AmountLike): string {
  return `${groupDigits(amount)} kr`;
}

/** `SEK 1 234 567`, the English notes' form. */
export function sek(amount: AmountLike): string {
  return `SEK ${groupDigits(amount)}`;
}

/** A number with a decimal comma (12,5), as Swedish Excel shows it. */
export function decimalComma(value: number | string): string {
  return String(value).replace(".", ",");
}

/** Whether an amount is zero (any form of it). */
export function isZeroAmount(amount: AmountLike): boolean {
  return /^-?0*$/.test(groupDigits(amount, "").replace("−", ""));
}
