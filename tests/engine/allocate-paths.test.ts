import { SjukError, problemText } from "../../src/core/errors";
import {
  allocate,
  apportion,
  orderByRemainder,
  selectByRemainder,
} from "../../src/engine/allocate";

const amounts = (a: ReturnType<typeof allocate>) => a.lines.map((l) => l.amount);

function problemsOf(run: () => unknown): { code: string; text: string }[] {
  try {
    run();
  } catch (e) {
    if (!(e instanceof SjukError)) throw e;
    return e.problems.map((p) => ({ code: p.code, text: problemText(p) }));
  }
  throw new Error("no error");
}

describe("allocate: each path answers alike", () => {
  it("names the largest remainder on the whole-number path too", () => {
    const a = allocate(10, [
      { id: "a", weight: 1 },
      { id: "b", weight: 3 },
    ]);
    expect(a.method).toBe("hamilton");
    expect(amounts(a)).toEqual([2, 8]); // 2,5 and 7,5: the tie goes to the larger weight
  });

  it("splits decimal weights exactly even where their floating-point sum is a whole number", () => {
    // 0.1 + 0.2 + 0.7 is exactly 1 in floating point, but 2 × 0.2 and 2 × 0.7 are not exact.
    // Quotas 0.2, 0.4 and 1.4: remainders 0.4 tie, the larger weight (c) takes the krona.
    const w = (a: string, b: string, c: string) => [
      { id: "a", weight: a },
      { id: "b", weight: b },
      { id: "c", weight: c },
    ];
    expect(amounts(allocate(2, w("0.1", "0.2", "0.7")))).toEqual([0, 0, 2]);
    // Quotas 0.4, 1.2 and 2.4: remainders 0.4, 0.2, 0.4; the krona to c, the larger weight.
    expect(amounts(allocate(4, w("0.1", "0.3", "0.6")))).toEqual([0, 1, 3]);
    expect(amounts(allocate(4, w("0.1", "0.6", "0.3")))).toEqual([0, 3, 1]);
  });

  it("splits exactly where amount × weight just passes 2^53 (one krona apart by a remainder of 1)", () => {
    // 10 355 123 kr over 42 and 869 830 289 (Σ 869 830 331 = 2 × 42 × amount − 1): the small
    // line's remainder 434 915 166 beats the large one's 434 915 165, so it takes the one krona
    // left. In floating point amount × 869 830 289 rounds up by 1 and the two would tie.
    const a = allocate(10_355_123, [
      { id: "small", weight: 42 },
      { id: "large", weight: 869_830_289 },
    ]);
    expect(amounts(a)).toEqual([1, 10_355_122]);
    expect(a.lines.map((l) => l.rank)).toEqual([1, 2]);
  });

  it("refuses zero weights with an amount past 2^53 (the exact path)", () => {
    const zero = [
      { id: "a", weight: 0 },
      { id: "b", weight: "0" },
    ];
    expect(problemsOf(() => allocate("100000000000000000000", zero, "population"))).toEqual([
      {
        code: "allocate.weights-zero",
        text: "population: the weights add up to zero, so there is no share to take",
      },
    ]);
  });

  it("refuses a line's kronor past 2^53, naming the amount", () => {
    const problems = problemsOf(() =>
      allocate("100000000000000000000", [
        { id: "a", weight: 1 },
        { id: "b", weight: 3 },
      ])
    );
    expect(problems.map((p) => p.code)).toEqual(["amount.too-large"]);
    expect(problems[0]!.text).toContain("25000000000000000000");
  });
});

/** A small deterministic generator (the mutation runs cut random properties to 30 cases). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The remainder order written out: larger remainder, larger weight, lower id. */
function reference(rem: number[], weights: number[], ids: string[]): number[] {
  return rem
    .map((_, i) => i)
    .sort((a, b) => rem[b]! - rem[a]! || weights[b]! - weights[a]! || (ids[a]! < ids[b]! ? -1 : 1));
}

function linesOf(random: () => number, n: number) {
  const rem = Array.from({ length: n }, () => Math.floor(random() * 3));
  const weights = Array.from({ length: n }, () => Math.floor(random() * 3));
  // Distinct ids in an order unrelated to the lines (a shuffle).
  const ids = Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, "0")}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return { rem, weights, ids };
}

describe("the remainder order past the insertion sort's 32 lines", () => {
  it("breaks full ties by the lower id, whatever the lines' order", () => {
    const n = 40;
    const ids = Array.from({ length: n }, (_, i) => `r${String(n - i).padStart(2, "0")}`);
    const order = new Int32Array(n);
    orderByRemainder(new Float64Array(n), new Float64Array(n).fill(1), ids, n, order);
    expect(Array.from(order)).toEqual(Array.from({ length: n }, (_, i) => n - 1 - i));
  });

  it("orderByRemainder and selectByRemainder agree with the written-out order", () => {
    const random = lcg(2020);
    for (let c = 0; c < 60; c++) {
      const n = 33 + Math.floor(random() * 60);
      const { rem, weights, ids } = linesOf(random, n);
      const ranked = reference(rem, weights, ids);
      const full = new Int32Array(n);
      orderByRemainder(rem, weights, ids, n, full);
      expect(Array.from(full)).toEqual(ranked);
      for (const k of [0, 1, 2, Math.floor(random() * n), n - 2, n - 1, n]) {
        const order = new Int32Array(n);
        selectByRemainder(rem, weights, ids, n, k, order);
        const first = Array.from(order.subarray(0, k)).sort((a, b) => a - b);
        expect(first).toEqual(ranked.slice(0, k).sort((a, b) => a - b));
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(
          ranked.slice().sort((a, b) => a - b)
        );
      }
    }
  });
});

describe("apportion", () => {
  it("gives the full remainder order unless told otherwise", () => {
    const n = 40;
    const weights = Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const total = weights.reduce((s, w) => s + w, 0);
    const ids = weights.map((_, i) => `m${String(i).padStart(2, "0")}`);
    const floors: number[] = [];
    const order = new Int32Array(n);
    const leftover = apportion("hamilton", 100, weights, n, total, ids, floors, order);
    const rem = weights.map((w) => (100 * w) % total);
    expect(floors).toEqual(weights.map((w) => Math.floor((100 * w) / total)));
    expect(leftover).toBe(100 - floors.reduce((s, f) => s + f, 0));
    expect(Array.from(order)).toEqual(reference(rem, weights, ids));
  });

  it("puts a divisor method's whole amounts in floors, nothing past the lines", () => {
    const floors: number[] = [];
    const order = new Int32Array(3);
    // D'Hondt, 10 seats over 5, 3, 2: quotients 5, 3, 2.5, 2, 1.67, 1.5, 1.25, 1, 1, 1 → 5, 3, 2.
    expect(apportion("dhondt", 10, [5, 3, 2], 3, 10, ["a", "b", "c"], floors, order)).toBe(0);
    expect(floors).toEqual([5, 3, 2]);
    // Sainte-Laguë, 7 seats over 53, 24, 23: quotients 106, 48, 46, 35.3, 21.2, 16, 15.3 → 3, 2, 2.
    expect(apportion("sainte-lague", 7, [53, 24, 23], 3, 100, ["a", "b", "c"], floors, order)).toBe(
      0
    );
    expect(floors).toEqual([3, 2, 2]);
  });
});
