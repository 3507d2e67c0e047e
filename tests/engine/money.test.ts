import { Decimal } from "../../src/core/decimal";
import { SjukError } from "../../src/core/errors";
import { formatKronor, formatMsek, sumKronor, toKronor } from "../../src/engine/money";

/** The English text of the one problem `run` throws, or a failure if it does not throw. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return (e as SjukError).message;
  }
  throw new Error("expected a SjukError");
}

const MAX = Number.MAX_SAFE_INTEGER;

describe("toKronor", () => {
  it("takes whole kronor as a number, a string or a Decimal", () => {
    expect(toKronor(57_800_000)).toBe(57_800_000);
    expect(toKronor("944000000")).toBe(944_000_000);
    expect(toKronor(new Decimal("22000000"))).toBe(22_000_000);
    expect(toKronor(-14_200_000)).toBe(-14_200_000);
  });

  it("refuses a fraction of a krona, naming the amount", () => {
    expect(refusal(() => toKronor(0.5))).toBe("amount: 0.5 is not a whole number of kronor");
    expect(refusal(() => toKronor("10000000.25", "follow-up"))).toBe(
      "follow-up: 10000000.25 is not a whole number of kronor"
    );
    expect(refusal(() => toKronor(Number.NaN, "SKR"))).toBe(
      "SKR: NaN is not a whole number of kronor"
    );
  });

  it("refuses a whole amount past the safe integers instead of rounding it", () => {
    expect(toKronor(String(MAX))).toBe(MAX);
    expect(refusal(() => toKronor("9007199254740993"))).toBe(
      "amount: 9007199254740993 is too large"
    );
  });
});

describe("sumKronor", () => {
  it("adds Table 1's posts to the agreement's total", () => {
    const posts = [840_000_000, 57_800_000, 22_000_000, 14_200_000, 10_000_000];
    expect(sumKronor(posts)).toBe(944_000_000);
    expect(sumKronor(new Set(posts))).toBe(944_000_000);
    expect(sumKronor([])).toBe(0);
    expect(sumKronor([5, -5])).toBe(0);
  });

  it("stays exact when a partial sum leaves the safe integers and the total comes back", () => {
    // MAX + 2 rounds to 2^53 in a plain number; taken back by 2 that would give MAX - 1.
    expect(sumKronor([MAX, 2, -2])).toBe(MAX);
    expect(sumKronor([MAX, 1, -1])).toBe(MAX);
    expect(refusal(() => sumKronor([MAX, 1]))).toBe("sum: 9007199254740992 is too large");
  });

  it("adds fractions exactly and takes the total if it is whole, else names it", () => {
    expect(sumKronor([0.5, 2, 0.5])).toBe(3);
    expect(sumKronor(new Set([0.25, 0.75, 7]))).toBe(8);
    expect(refusal(() => sumKronor([1, 0.5]))).toBe("sum: 1.5 is not a whole number of kronor");
  });
});

describe("formatKronor", () => {
  it("groups the digits in threes with a space, as finance officers write them", () => {
    expect(formatKronor(944_000_000)).toBe("944 000 000 kr");
    expect(formatKronor(1_234_567)).toBe("1 234 567 kr");
    expect(formatKronor(999)).toBe("999 kr");
    expect(formatKronor(0)).toBe("0 kr");
    expect(formatKronor(-57_800_000)).toBe("−57 800 000 kr");
    expect(formatKronor(12_345, "\u00a0")).toBe("12\u00a0345 kr");
  });

  it("writes Decimals and numbers past the safe integers in full, never with an exponent", () => {
    expect(formatKronor(1e21)).toBe("1 000 000 000 000 000 000 000 kr");
    expect(formatKronor(new Decimal("12345678901234567890"))).toBe("12 345 678 901 234 567 890 kr");
    expect(formatKronor(new Decimal("-1234"), "\u00a0")).toBe("−1\u00a0234 kr");
    expect(formatKronor(new Decimal("-0"))).toBe("0 kr");
    expect(formatKronor(new Decimal("100"))).toBe("100 kr");
  });
});

describe("formatMsek", () => {
  it("writes millions with a decimal comma, as Table 1 does", () => {
    expect(formatMsek(57_800_000)).toBe("57,8 MSEK");
    expect(formatMsek(944_000_000)).toBe("944 MSEK");
    expect(formatMsek(14_200_000)).toBe("14,2 MSEK");
  });
});
