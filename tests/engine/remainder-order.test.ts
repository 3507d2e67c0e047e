import fc from "fast-check";
import { hamilton, orderByRemainder, selectByRemainder } from "../../src/engine/allocate";

/**
 * THE tie-break (largest remainder, then larger weight, then lower id, then the earlier line),
 * checked against Array.prototype.sort on small value sets full of ties, on both sides of the
 * insertion sort's limit (32 lines), with plain-number and BigInt remainders.
 */
function reference(
  rem: readonly (number | bigint)[],
  weights: readonly number[],
  ids: readonly string[]
) {
  return rem
    .map((_, i) => i)
    .sort((a, b) =>
      rem[a] !== rem[b]
        ? rem[a]! > rem[b]!
          ? -1
          : 1
        : weights[a] !== weights[b]
          ? weights[a]! > weights[b]!
            ? -1
            : 1
          : ids[a]! < ids[b]!
            ? -1
            : ids[a]! > ids[b]!
              ? 1
              : a - b
    );
}

const linesArb = fc.integer({ min: 1, max: 90 }).chain((n) =>
  fc.record({
    rem: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    weights: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    // Distinct ids (codes are), in random order relative to the lines.
    ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: n, maxLength: n }),
    big: fc.boolean(),
    k: fc.integer({ min: 0, max: n }),
  })
);

describe("the remainder order", () => {
  it("orderByRemainder gives the reference order, ties and all", () => {
    fc.assert(
      fc.property(linesArb, ({ rem, weights, ids, big }) => {
        const n = rem.length;
        const r = big ? rem.map(BigInt) : Float64Array.from(rem);
        const order = new Int32Array(n + 2).fill(-1);
        orderByRemainder(r, Float64Array.from(weights), ids, n, order);
        expect(Array.from(order.subarray(0, n))).toEqual(reference(rem, weights, ids));
        expect(Array.from(order.subarray(n))).toEqual([-1, -1]); // nothing past n is touched
      }),
      { numRuns: 300 }
    );
  });

  it("selectByRemainder puts the reference's first k lines first, each line once", () => {
    fc.assert(
      fc.property(linesArb, ({ rem, weights, ids, big, k }) => {
        const n = rem.length;
        const r = big ? rem.map(BigInt) : Float64Array.from(rem);
        const order = new Int32Array(n);
        selectByRemainder(r, Float64Array.from(weights), ids, n, k, order);
        const first = Array.from(order.subarray(0, k)).sort((a, b) => a - b);
        expect(first).toEqual(
          reference(rem, weights, ids)
            .slice(0, k)
            .sort((a, b) => a - b)
        );
        expect(Array.from(order).sort((a, b) => a - b)).toEqual(rem.map((_, i) => i));
      }),
      { numRuns: 300 }
    );
  });

  it("hamilton: floors, leftover and order as the exact quotas give them, in numbers and past 2^53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) =>
          fc.record({
            weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
            amount: fc.oneof(fc.nat({ max: 100 }), fc.integer({ min: 2 ** 52, max: 2 ** 53 - 1 })),
            full: fc.boolean(),
          })
        ),
        ({ weights, amount, full }) => {
          const total = weights.reduce((s, w) => s + w, 0);
          if (total === 0) return;
          const n = weights.length;
          const ids = weights.map((_, i) => `m${String(i).padStart(2, "0")}`);
          const floors: number[] = [];
          const order = new Int32Array(n);
          const leftover = hamilton(amount, weights, n, total, ids, floors, order, full);
          const a = BigInt(amount);
          const t = BigInt(total);
          const exactFloors = weights.map((w) => Number((a * BigInt(w)) / t));
          const rems = weights.map((w) => (a * BigInt(w)) % t);
          expect(floors).toEqual(exactFloors);
          expect(leftover).toBe(amount - exactFloors.reduce((s, f) => s + f, 0));
          const ranked = reference(rems, weights, ids);
          const winners = Array.from(order.subarray(0, leftover)).sort((x, y) => x - y);
          expect(winners).toEqual(ranked.slice(0, leftover).sort((x, y) => x - y));
          if (full) expect(Array.from(order)).toEqual(ranked);
        }
      ),
      { numRuns: 300 }
    );
  });
});
