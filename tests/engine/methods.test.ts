import fc from "fast-check";
import { AGREEMENT_2020 } from "../../src/agreements";
import {
  Decimal,
  Method,
  SjukError,
  allocate,
  compute,
  contactMoney,
  divisorSeats,
  methodOf,
} from "../../src/engine";
import { keyPayments, unitPayments } from "../../src/engine/integer";
import { shippedPopulationKey } from "../../src/reference/population";

const POPULATION_2019 = shippedPopulationKey("2019-12-31");

const seatsOf = (amount: number, weights: number[], method: Method) =>
  allocate(
    amount,
    weights.map((w, i) => ({ id: String(i + 1).padStart(2, "0"), weight: w })),
    "weights",
    method
  ).lines.map((l) => l.amount);

/**
 * The textbook procedure, one unit at a time, independent of the engine: each unit goes to the
 * highest quotient weight / divisor (D'Hondt: s + 1; Sainte-Laguë: s + ½), compared as BigInt
 * cross-products; equal quotients to the larger weight, then the lower position.
 */
function oneAtATime(amount: number, weights: number[], method: "dhondt" | "sainte-lague") {
  const seats = weights.map(() => 0);
  const twice = (s: number) => BigInt(method === "dhondt" ? 2 * s + 2 : 2 * s + 1);
  for (let unit = 0; unit < amount; unit++) {
    let best = 0;
    for (let i = 1; i < weights.length; i++) {
      const left = BigInt(weights[i]!) * twice(seats[best]!);
      const right = BigInt(weights[best]!) * twice(seats[i]!);
      if (left > right || (left === right && weights[i]! > weights[best]!)) best = i;
    }
    seats[best]!++;
  }
  return seats;
}

describe("apportionment methods: textbook examples, exact seats", () => {
  // Wikipedia's worked example for both divisor methods: 8 seats, votes 100 000, 80 000,
  // 30 000, 20 000. D'Hondt: 4, 3, 1, 0. Sainte-Laguë: 3, 3, 1, 1.
  it("D'Hondt and Sainte-Laguë on the 100 000 / 80 000 / 30 000 / 20 000 example", () => {
    const votes = [100_000, 80_000, 30_000, 20_000];
    expect(seatsOf(8, votes, "dhondt")).toEqual([4, 3, 1, 0]);
    expect(seatsOf(8, votes, "sainte-lague")).toEqual([3, 3, 1, 1]);
    // Largest remainder: quotas 3.48, 2.78, 1.04, 0.70; floors 3, 2, 1, 0; the two kronor left
    // go to the remainders .78 and .70.
    expect(seatsOf(8, votes, "hamilton")).toEqual([3, 3, 1, 1]);
  });

  it("the Alabama paradox: 25 → 26 units over 1500, 1500, 900, 500, 500, 200", () => {
    const w = [1500, 1500, 900, 500, 500, 200];
    // Hamilton: at 25 the two 500s get 3 each; at 26 they get 2 each, though the house grew.
    expect(seatsOf(25, w, "hamilton")).toEqual([7, 7, 4, 3, 3, 1]);
    expect(seatsOf(26, w, "hamilton")).toEqual([8, 8, 5, 2, 2, 1]);
    // Sainte-Laguë: at the divisor 200, 23 units are taken (7, 7, 4, 2, 2, 1) and the next
    // quotients 1500/7.5, 1500/7.5, 900/4.5, 500/2.5, 500/2.5 are all exactly 200: the tie
    // goes by larger weight, so units 24-26 go to the 1500s and then the 900.
    expect(seatsOf(25, w, "sainte-lague")).toEqual([8, 8, 4, 2, 2, 1]);
    expect(seatsOf(26, w, "sainte-lague")).toEqual([8, 8, 5, 2, 2, 1]);
    expect(seatsOf(25, w, "dhondt")).toEqual([8, 8, 4, 2, 2, 1]);
    expect(seatsOf(26, w, "dhondt")).toEqual([8, 8, 5, 2, 2, 1]);
  });

  it("equal quotients: the larger weight first, then the lower code, whatever the input order", () => {
    // D'Hondt, 3 units over 6 and 3 and 3: quotients 6, 3, 3, 3 (6/2): the third unit ties
    // between the 6 (its second) and both 3s; the larger weight wins.
    expect(seatsOf(3, [3, 6, 3], "dhondt")).toEqual([1, 2, 0]);
    // Equal weights: the lower code, even when it comes last.
    const a = allocate(
      1,
      [
        { id: "b", weight: 5 },
        { id: "a", weight: 5 },
      ],
      "w",
      "sainte-lague"
    );
    expect(a.lines.map((l) => [l.id, l.amount])).toEqual([
      ["b", 0],
      ["a", 1],
    ]);
  });

  it("divisor lines report their whole amount as the floor, rank = place in line for the next krona", () => {
    const a = allocate(
      8,
      [
        { id: "A", weight: 100_000 },
        { id: "B", weight: 80_000 },
        { id: "C", weight: 30_000 },
        { id: "D", weight: 20_000 },
      ],
      "votes",
      "dhondt"
    );
    expect(a.method).toBe("dhondt");
    expect(a.leftover).toBe(0);
    expect(a.lines.map((l) => [l.floor, l.roundedUp, l.amount])).toEqual([
      [4, 0, 4],
      [3, 0, 3],
      [1, 0, 1],
      [0, 0, 0],
    ]);
    // Next quotients: A 100 000/5 = 20 000, B 80 000/4 = 20 000 (tie: A larger), C 15 000, D 20 000
    // (tie with A and B, smallest weight last).
    expect(a.lines.map((l) => l.rank)).toEqual([1, 2, 4, 3]);
  });

  it("reads the methods' names in English and Swedish", () => {
    expect(methodOf("Största rest")).toBe("hamilton");
    expect(methodOf("jämkade uddatalsmetoden")).toBe("sainte-lague");
    expect(methodOf("Sainte-Laguë")).toBe("sainte-lague");
    expect(methodOf("d'Hondt")).toBe("dhondt");
    expect(methodOf("D’Hondt")).toBe("dhondt");
    expect(methodOf("modified")).toBeUndefined();
  });

  it("decimal weights: the same seats as the same weights × 10", () => {
    const w = [12.5, 7.3, 0.2, 30];
    for (const m of ["sainte-lague", "dhondt"] as const)
      expect(seatsOf(101, w, m)).toEqual(
        seatsOf(
          101,
          w.map((x) => Math.round(x * 10)),
          m
        )
      );
  });
});

const weightsArb = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.nat({ max: 3_000_000 })), {
    minLength: 1,
    maxLength: 30,
  })
  .filter((ws) => ws.some((w) => w > 0));

describe("apportionment methods: properties", () => {
  it("divisor methods give the one-unit-at-a-time seats, ties included", () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.nat({ max: 300 }),
        fc.constantFrom("dhondt" as const, "sainte-lague" as const),
        (w, amount, m) => {
          expect(seatsOf(amount, w, m)).toEqual(oneAtATime(amount, w, m));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("every method's parts add up to the amount; Hamilton keeps the quota rule", () => {
    fc.assert(
      fc.property(weightsArb, fc.nat({ max: 1_000_000_000 }), (w, amount) => {
        const total = w.reduce((s, x) => s + BigInt(x), 0n);
        for (const m of ["hamilton", "sainte-lague", "dhondt"] as const) {
          const seats = seatsOf(amount, w, m);
          expect(seats.reduce((s, x) => s + x, 0)).toBe(amount);
          if (m !== "hamilton") continue;
          seats.forEach((s, i) => {
            // floor(quota) ≤ seats ≤ ceil(quota), quota = amount × w / total, in BigInt.
            const q = BigInt(amount) * BigInt(w[i]!);
            expect(BigInt(s) * total <= q + total - 1n).toBe(true);
            expect(BigInt(s) * total + total > q).toBe(true);
          });
        }
      }),
      { numRuns: 200 }
    );
  });

  it("divisor methods are house monotone: one more unit never takes one from anybody", () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.nat({ max: 100_000 }),
        fc.constantFrom("dhondt" as const, "sainte-lague" as const),
        (w, amount, m) => {
          const before = seatsOf(amount, w, m);
          const after = seatsOf(amount + 1, w, m);
          after.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(before[i]!));
        }
      ),
      { numRuns: 300 }
    );
  });
});

/** A divisor apportionment is right iff no line's next quotient beats another's last one. */
function isDivisorApportionment(
  seats: bigint[],
  weights: bigint[],
  method: "dhondt" | "sainte-lague"
): boolean {
  const twice = (s: bigint) => (method === "dhondt" ? 2n * s + 2n : 2n * s + 1n);
  // max over lines of w / d(s) against min over holders of w / d(s - 1), as fractions.
  let maxNext: [bigint, bigint] = [0n, 1n];
  let minLast: [bigint, bigint] | null = null;
  seats.forEach((s, i) => {
    const w = weights[i]!;
    if (w * maxNext[1] > maxNext[0] * twice(s)) maxNext = [w, twice(s)];
    if (s > 0n && (minLast === null || w * minLast[1] < minLast[0] * twice(s - 1n)))
      minLast = [w, twice(s - 1n)];
  });
  if (minLast === null) return true;
  const [a, b] = minLast as [bigint, bigint];
  return maxNext[0] * b <= a * maxNext[1];
}

describe("apportionment methods at scale", () => {
  it("10 000 recipients, 10^8 kronor: exact divisor apportionments, each in well under a second", () => {
    const rnd = fc.sample(fc.nat({ max: 2_000_000 }), { numRuns: 10_000, seed: 42 });
    const weights = rnd.map(BigInt);
    const ids = rnd.map((_, i) => String(i).padStart(5, "0"));
    for (const m of ["dhondt", "sainte-lague"] as const) {
      const start = performance.now();
      const { seats } = divisorSeats(m, 100_000_000n, weights, ids);
      const ms = performance.now() - start;
      expect(seats.reduce((s, x) => s + x, 0n)).toBe(100_000_000n);
      expect(isDivisorApportionment(seats, weights, m)).toBe(true);
      // Under StrykerJS (instrumented code, a loaded machine) only one unit at a time's minutes count.
      expect(ms).toBeLessThan(process.env.STRYKER_MUTATOR_WORKER === undefined ? 1000 : 30_000);
    }
  });

  it("21 regions, 10^8 kronor by every method", () => {
    const figures = Object.values(POPULATION_2019.figures).map((x) => BigInt(x as number));
    const ids = Object.keys(POPULATION_2019.figures);
    for (const m of ["dhondt", "sainte-lague"] as const) {
      const { seats } = divisorSeats(m, 100_000_000n, figures, ids);
      expect(seats.reduce((s, x) => s + x, 0n)).toBe(100_000_000n);
      expect(isDivisorApportionment(seats, figures, m)).toBe(true);
    }
  });
});

describe("compute with a method", () => {
  const key = POPULATION_2019;

  it("pays the same totals as Table 1 by every method, and says which method it used", () => {
    for (const method of ["hamilton", "sainte-lague", "dhondt"] as const) {
      const r = compute(AGREEMENT_2020, { key }, { method });
      expect(r.method).toBe(method);
      expect(r.total).toBe(944_000_000);
      expect(r.byRecipient.find((x) => x.recipient === "regions")!.amount).toBe(840_000_000);
    }
  });

  it("every key post's regional amounts are the method's split of the post", () => {
    const weights = Object.entries(key.figures)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, weight]) => ({
        id,
        weight: weight as number,
      }));
    for (const method of ["sainte-lague", "dhondt"] as const) {
      const r = compute(AGREEMENT_2020, { key }, { method });
      const v1 = r.posts.find((p) => p.post.id === "v1")!;
      const expected = allocate(100_000_000, weights, "population", method).lines.map(
        (l) => l.amount
      );
      expect(Array.from(v1.amounts!)).toEqual(expected);
      // The audit (decimal reference) agrees with the integer path.
      expect(v1.allocation!.method).toBe(method);
      expect(v1.allocation!.lines.map((l) => l.amount)).toEqual(expected);
    }
  });

  it("the integer path equals the decimal reference for key and per-unit posts, by every method", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat({ max: 2_500_000 })), {
            minLength: 1,
            maxLength: 40,
          })
          .filter((xs) => xs.some((x) => x > 0)),
        fc.nat({ max: 100_000_000 }),
        fc.constantFrom("hamilton" as const, "sainte-lague" as const, "dhondt" as const),
        fc.constantFrom("population" as const, "unpaid-contacts" as const),
        fc.integer({ min: 0, max: 10_000 }),
        (w, amount, method, redistribution, spread) => {
          const n = w.length;
          const codes = w.map((_, i) => `m${String(i).padStart(2, "0")}`);
          const key = Float64Array.from(w);
          const sum = w.reduce((s, x) => s + x, 0);
          const paid = new Float64Array(n);
          keyPayments(amount, key, sum, codes, null, false, paid, method);
          const reference = allocate(
            amount,
            codes.map((id, i) => ({ id, weight: w[i]! })),
            "k",
            method
          ).lines.map((l) => l.amount);
          expect(Array.from(paid)).toEqual(reference);

          const counts = Float64Array.from(w, (x, i) => (x * (i + spread)) % 9_000);
          const unitPaid = new Float64Array(n);
          const ok = unitPayments(
            amount,
            3000,
            key,
            sum,
            counts,
            codes,
            redistribution,
            unitPaid,
            method
          );
          expect(ok).toBe(true);
          const money = contactMoney(
            amount,
            3000,
            Object.fromEntries(codes.map((c, i) => [c, new Decimal(w[i]!)])),
            Object.fromEntries(codes.map((c, i) => [c, new Decimal(counts[i]!)])),
            redistribution,
            method
          );
          expect(Array.from(unitPaid)).toEqual(codes.map((c) => money.paid[c]));
        }
      ),
      { numRuns: 200 }
    );
  });

  it("an unknown method is an error naming the option and the methods", () => {
    expect(() =>
      compute(AGREEMENT_2020, { key }, { method: "modified" as unknown as Method })
    ).toThrow(SjukError);
    expect(() =>
      compute(AGREEMENT_2020, { key }, { method: "modified" as unknown as Method })
    ).toThrow(/method: "modified" is not one of hamilton, sainte-lague, dhondt/);
  });
});
