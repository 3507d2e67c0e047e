import { Allocation, SjukError, Weight, allocate, amountsById } from "../../src/engine";
import { problemText } from "../../src/core/errors";

/** id → kronor, in the order of the input. */
function amounts(a: Allocation): Record<string, number> {
  return Object.fromEntries(a.lines.map((l) => [l.id, l.amount]));
}

/** The error thrown by `f`, which must be a SjukError. */
function errorOf(f: () => unknown): SjukError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return e as SjukError;
  }
  throw new Error("expected an error, got a result");
}

describe("allocate: hand-checked examples", () => {
  it("splits 10 kr over 1/1/1 as 4/3/3, the tie going to the lowest id", () => {
    // 10/3 = 3.333… each: floors 3+3+3 = 9, one krona left. All three remainders are 1/3 and all
    // weights are 1, so the lowest id ("a") gets it.
    const a = allocate(10, [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ]);
    expect(amounts(a)).toEqual({ a: 4, b: 3, c: 3 });
    expect(a.lines.map((l) => l.floor)).toEqual([3, 3, 3]);
    expect(a.lines.map((l) => l.roundedUp)).toEqual([1, 0, 0]);
    expect(a.amount).toBe(10);
    expect(a.totalWeight.toString()).toBe("3");
  });

  it("gives the same answer whatever the input order (ids compare as strings)", () => {
    const a = allocate(10, [
      { id: "c", weight: 1 },
      { id: "b", weight: 1 },
      { id: "a", weight: 1 },
    ]);
    expect(amounts(a)).toEqual({ a: 4, b: 3, c: 3 });
    // Lines keep the input order.
    expect(a.lines.map((l) => l.id)).toEqual(["c", "b", "a"]);
    // "10" < "9" as strings: county codes are always two digits, so this is the documented order.
    expect(
      amounts(
        allocate(1, [
          { id: "9", weight: 1 },
          { id: "10", weight: 1 },
        ])
      )
    ).toEqual({ "9": 0, "10": 1 });
  });

  it("splits 100 kr over 3, 3.5 and 3.5 exactly (30/35/35, nothing left over)", () => {
    const a = allocate(100, [
      { id: "x", weight: 3 },
      { id: "y", weight: 3.5 },
      { id: "z", weight: "3.5" },
    ]);
    expect(amounts(a)).toEqual({ x: 30, y: 35, z: 35 });
    expect(a.lines.every((l) => l.roundedUp === 0)).toBe(true);
    expect(a.lines.map((l) => l.exact.toString())).toEqual(["30", "35", "35"]);
    expect(a.lines.map((l) => l.share.toString())).toEqual(["0.3", "0.35", "0.35"]);
  });

  it("splits 100 kr over 1, 1 and 1.5: the largest remainder first, then the tie by id", () => {
    // Total 3.5. Scaled by 10: weights 10, 10, 15 over 35.
    // a: 1000/35 = 28 rest 20; b: 28 rest 20; c: 1500/35 = 42 rest 30. Floors 98, 2 left.
    // c has the largest remainder (30/35); a and b tie at 20/35 with equal weights → a.
    const a = allocate(100, [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1.5 },
    ]);
    expect(amounts(a)).toEqual({ a: 29, b: 28, c: 43 });
    expect(a.lines.map((l) => l.exact.toFixed(6))).toEqual(["28.571428", "28.571428", "42.857142"]);
  });

  it("breaks a tie of remainders by the larger weight before the id", () => {
    // 2 kr over a: 1, b: 3 (total 4): exact 0.5 and 1.5, floors 0 and 1, one krona left.
    // Both remainders are 1/2; b has the larger weight, so b wins although "a" < "b".
    expect(
      amounts(
        allocate(2, [
          { id: "a", weight: 1 },
          { id: "b", weight: 3 },
        ])
      )
    ).toEqual({ a: 0, b: 2 });
  });

  it("handles decimal weights exactly (0.1, 0.2, 0.4 — no binary rounding)", () => {
    // Total 0.7; scaled by 10: 1, 2, 4 over 7. 10 kr: a 10/7 = 1 rest 3, b 20/7 = 2 rest 6,
    // c 40/7 = 5 rest 5. Floors 8, 2 left: b (6/7) and c (5/7).
    const fromNumbers = allocate(10, [
      { id: "a", weight: 0.1 },
      { id: "b", weight: 0.2 },
      { id: "c", weight: 0.4 },
    ]);
    expect(amounts(fromNumbers)).toEqual({ a: 1, b: 3, c: 6 });
    const fromStrings = allocate("10", [
      { id: "a", weight: "0.1" },
      { id: "b", weight: "0.2" },
      { id: "c", weight: "0.4" },
    ]);
    expect(amounts(fromStrings)).toEqual({ a: 1, b: 3, c: 6 });
    expect(fromStrings.totalWeight.toString()).toBe("0.7");
  });

  it("scales weights with different numbers of decimals to a common integer", () => {
    // 1.25 and 2 → 125 and 200 over 325. 13 kr: 1625/325 = 5 rest 0, 2600/325 = 8 rest 0.
    expect(
      amounts(
        allocate(13, [
          { id: "p", weight: "1.25" },
          { id: "q", weight: "2" },
        ])
      )
    ).toEqual({ p: 5, q: 8 });
    // 12 kr: 1500/325 = 4 rest 200, 2400/325 = 7 rest 125 → p gets the one krona left.
    expect(
      amounts(
        allocate(12, [
          { id: "p", weight: "1.25" },
          { id: "q", weight: "2" },
        ])
      )
    ).toEqual({ p: 5, q: 7 });
  });

  it("gives a weight of 0 nothing, even when the others tie", () => {
    // 5 over 0/1/1: 0, 2.5, 2.5 → floors 0, 2, 2; one krona to b (tie, equal weights, lower id).
    const a = allocate(5, [
      { id: "a", weight: 0 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ]);
    expect(amounts(a)).toEqual({ a: 0, b: 3, c: 2 });
    expect(a.lines[0]!.share.toString()).toBe("0");
  });

  it("gives a single recipient everything, whatever its weight", () => {
    expect(amounts(allocate(1234, [{ id: "only", weight: "0.001" }]))).toEqual({ only: 1234 });
    expect(amounts(allocate(944_000_000, [{ id: "only", weight: 10_327_589 }]))).toEqual({
      only: 944_000_000,
    });
  });

  it("allocates 0 kr as zeros", () => {
    expect(
      amounts(
        allocate(0, [
          { id: "a", weight: 1 },
          { id: "b", weight: 2 },
        ])
      )
    ).toEqual({ a: 0, b: 0 });
  });

  it("accepts -0 as a weight of zero and as an amount of zero", () => {
    expect(
      amounts(
        allocate(3, [
          { id: "a", weight: -0 },
          { id: "b", weight: "-0" },
          { id: "c", weight: 1 },
        ])
      )
    ).toEqual({ a: 0, b: 0, c: 3 });
    const zero = allocate(-0, [{ id: "a", weight: 1 }]);
    expect(Object.is(zero.amount, 0)).toBe(true);
    expect(Object.is(zero.lines[0]!.amount, 0)).toBe(true);
  });

  it("splits a large amount over many unequal weights and adds up", () => {
    const weights: Weight[] = Array.from({ length: 21 }, (_, i) => ({
      id: String(i).padStart(2, "0"),
      weight: (i + 1) * 7919,
    }));
    const a = allocate(840_000_000, weights);
    expect([...amountsById(a).values()].reduce((s, x) => s + x, 0)).toBe(840_000_000);
    expect(a.lines.filter((l) => l.roundedUp === 1).length).toBe(
      840_000_000 - a.lines.reduce((s, l) => s + l.floor, 0)
    );
  });
});

describe("allocate: errors, never a number", () => {
  it("refuses an empty list of weights", () => {
    const e = errorOf(() => allocate(10, []));
    expect(e.message).toBe("weights: there is nothing to allocate to (no weights)");
  });

  it("refuses weights that add up to zero, naming what they are", () => {
    const e = errorOf(() =>
      allocate(
        10,
        [
          { id: "a", weight: 0 },
          { id: "b", weight: "0" },
        ],
        "population"
      )
    );
    expect(e.message).toBe("population: the weights add up to zero, so there is no share to take");
  });

  it("refuses a negative weight, naming the recipient", () => {
    const e = errorOf(() =>
      allocate(10, [
        { id: "a", weight: 1 },
        { id: "Skåne", weight: -2 },
      ])
    );
    expect(e.message).toBe("weights, Skåne: -2 is negative");
  });

  it("refuses NaN and ±Infinity, naming each recipient, all in one error", () => {
    const e = errorOf(() =>
      allocate(10, [
        { id: "n", weight: NaN },
        { id: "p", weight: Infinity },
        { id: "m", weight: -Infinity },
        { id: "ok", weight: 1 },
      ])
    );
    expect(e.problems.map((p) => problemText(p))).toEqual([
      "weights, n: NaN is not a finite number",
      "weights, p: Infinity is not a finite number",
      "weights, m: -Infinity is not a finite number",
    ]);
  });

  it("refuses a weight that is not a number, naming the recipient", () => {
    expect(errorOf(() => allocate(10, [{ id: "r7", weight: "abc" }])).message).toBe(
      'weights, r7: "abc" is not a number'
    );
    expect(errorOf(() => allocate(10, [{ id: "r8", weight: "1,5" }])).message).toBe(
      'weights, r8: "1,5" is not a number'
    );
    expect(
      errorOf(() => allocate(10, [{ id: "r9", weight: null as unknown as string }])).message
    ).toBe("weights, r9: null is not a number");
  });

  it("refuses the same id twice", () => {
    expect(
      errorOf(() =>
        allocate(10, [
          { id: "a", weight: 1 },
          { id: "a", weight: 2 },
        ])
      ).message
    ).toBe("weights: a appears twice");
  });

  it("refuses an amount that is not whole kronor", () => {
    const e = errorOf(() => allocate(10.5, [{ id: "a", weight: 1 }]));
    expect(e.message).toBe("the amount to allocate must be whole, non-negative kronor, not 10.5");
  });

  it("refuses a negative amount", () => {
    const e = errorOf(() => allocate(-5, [{ id: "a", weight: 1 }]));
    expect(e.message).toBe("the amount to allocate must be whole, non-negative kronor, not -5");
  });

  it("refuses an amount that is not a number with its own error, not decimal.js's", () => {
    const e = errorOf(() => allocate("abc", [{ id: "a", weight: 1 }]));
    expect(e.message).toBe("the amount to allocate must be whole, non-negative kronor, not abc");
    expect(errorOf(() => allocate(Infinity, [{ id: "a", weight: 1 }])).message).toBe(
      "the amount to allocate must be whole, non-negative kronor, not Infinity"
    );
  });

  it("reports a bad amount and bad weights together", () => {
    const e = errorOf(() => allocate(1.5, [{ id: "q", weight: -1 }]));
    expect(e.problems.map((p) => problemText(p))).toEqual([
      "the amount to allocate must be whole, non-negative kronor, not 1.5",
      "weights, q: -1 is negative",
    ]);
  });
});
