import fc from "fast-check";
import { Decimal, RedistributionKey, allocate, contactMoney } from "../../src/engine";
import { keyPayments, unitPayments } from "../../src/engine/integer";

/**
 * The integer path (typed arrays, plain numbers with BigInt past 2^53) against the decimal
 * reference (`allocate`, `contactMoney`) on random inputs: ties, zeros, figures near 2^53,
 * random fulfilment, and more members than the insertion sort handles.
 */
const RUNS = 300;
const MAX = Number.MAX_SAFE_INTEGER;

/** n members' figures in one of three ranges; the sum stays a safe integer and is not zero. */
const figuresArb = fc
  .tuple(fc.integer({ min: 1, max: 70 }), fc.constantFrom("ties", "usual", "huge"))
  .chain(([n, kind]) =>
    fc
      .array(
        kind === "ties"
          ? fc.integer({ min: 0, max: 3 })
          : kind === "usual"
            ? fc.oneof(fc.nat({ max: 2_500_000 }), fc.constant(0))
            : fc.integer({ min: Math.floor(MAX / (2 * n)), max: Math.floor(MAX / n) }),
        { minLength: n, maxLength: n }
      )
      .filter((xs) => xs.some((x) => x > 0))
  );

const amountArb = fc.oneof(
  fc.nat({ max: 1_000 }),
  fc.nat({ max: 1_000_000_000 }),
  fc.integer({ min: MAX - 1_000_000, max: MAX })
);

const codesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, "0")}`);
const maskArb = (n: number) =>
  fc.array(
    fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(0) }),
    { minLength: n, maxLength: n }
  );

describe("the remainder order, checked independently (BigInt, Array.prototype.sort)", () => {
  it("up to 400 members with many ties: the leftover kronor go to the largest remainders, then larger weight, then lower code", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 400 })
          .chain((n) =>
            fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.nat({ max: 5_000_000 })), {
              minLength: n,
              maxLength: n,
            })
          )
          .filter((ws) => ws.some((w) => w > 0)),
        amountArb,
        (weights, amount) => {
          const codes = codesOf(weights.length);
          const a = allocate(
            amount,
            codes.map((id, i) => ({ id, weight: weights[i]! }))
          );
          const total = BigInt(weights.reduce((s, x) => s + x, 0));
          const ranked = weights
            .map((w, i) => ({
              id: codes[i]!,
              w: BigInt(w),
              rem: (BigInt(amount) * BigInt(w)) % total,
            }))
            .sort((x, y) =>
              x.rem !== y.rem
                ? y.rem > x.rem
                  ? 1
                  : -1
                : x.w !== y.w
                  ? y.w > x.w
                    ? 1
                    : -1
                  : x.id < y.id
                    ? -1
                    : 1
            );
          const leftover = a.leftover;
          const winners = new Set(ranked.slice(0, leftover).map((r) => r.id));
          for (const line of a.lines) expect(line.roundedUp === 1).toBe(winners.has(line.id));
          const rankOf = new Map(ranked.map((r, i) => [r.id, i + 1]));
          for (const line of a.lines) expect(line.rank).toBe(rankOf.get(line.id));
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("integer path = decimal reference", () => {
  it("a key post (lapse and share) pays what `allocate` pays", () => {
    fc.assert(
      fc.property(
        figuresArb.chain((w) =>
          fc.tuple(fc.constant(w), amountArb, maskArb(w.length), fc.boolean())
        ),
        ([weights, amount, maskBits, share]) => {
          const n = weights.length;
          const codes = codesOf(n);
          const mask = Uint8Array.from(maskBits);
          const paid = new Float64Array(n);
          const sum = weights.reduce((s, x) => s + x, 0);
          keyPayments(amount, Float64Array.from(weights), sum, codes, mask, share, paid);
          const expected = new Array<number>(n).fill(0);
          const included = codes.map((_, i) => !share || mask[i] === 1);
          if (weights.some((w, i) => included[i] && w > 0)) {
            const a = allocate(
              amount,
              codes.flatMap((id, i) => (included[i] ? [{ id, weight: weights[i]! }] : []))
            );
            for (const l of a.lines) {
              const i = codes.indexOf(l.id);
              expected[i] = mask[i] ? l.amount : 0;
            }
          }
          expect(Array.from(paid)).toEqual(expected);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("a per-unit post (counts, or unbounded without counts) pays what `contactMoney` pays", () => {
    const caseArb = figuresArb.chain((cap) => {
      const n = cap.length;
      return fc.record({
        cap: fc.constant(cap),
        budget: amountArb,
        unit: fc.oneof(fc.constant(3_000), fc.integer({ min: 1, max: 1_000_000 })),
        counts: fc.option(
          fc.array(
            fc.oneof(
              fc.nat({ max: 30 }),
              fc.nat({ max: 20_000 }),
              fc.integer({ min: 1e9, max: 3e9 })
            ),
            { minLength: n, maxLength: n }
          ),
          { freq: 3 }
        ),
        mask: maskArb(n),
        key: fc.constantFrom<RedistributionKey>("population", "unpaid-contacts"),
      });
    });
    fc.assert(
      fc.property(caseArb, ({ cap, budget, unit, counts, mask, key }) => {
        const n = cap.length;
        const codes = codesOf(n);
        const counted = codes.map((_, i) => (mask[i] ? (counts ? counts[i]! : Infinity) : 0));
        const paid = new Float64Array(n);
        const capSum = cap.reduce((s, x) => s + x, 0);
        const ok = unitPayments(
          budget,
          unit,
          Float64Array.from(cap),
          capSum,
          Float64Array.from(counted),
          codes,
          key,
          paid
        );
        fc.pre(ok); // out of the integer path's range: compute() then takes the reference itself
        const ref = contactMoney(
          budget,
          unit,
          Object.fromEntries(codes.map((c, i) => [c, new Decimal(cap[i]!)])),
          Object.fromEntries(codes.map((c, i) => [c, new Decimal(counted[i]!)])),
          key
        );
        expect(Array.from(paid)).toEqual(codes.map((c) => ref.paid[c]));
      }),
      { numRuns: RUNS }
    );
  });
});
