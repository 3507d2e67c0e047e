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

/** The most characters of a user's text a message quotes. */
const SHOWN_CHARS = 60;

/**
 * A user's text made safe for a one-line message: control characters, line and paragraph
 * separators written as escapes (\n, \u0007), so that a quoted newline in a cell can neither
 * split a message line nor forge one; a long text cut to `max` characters with "…".
 */
export function printable(text: string, max = SHOWN_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === "\n"
      ? "\\n"
      : c === "\r"
        ? "\\r"
        : c === "\t"
          ? "\\t"
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
