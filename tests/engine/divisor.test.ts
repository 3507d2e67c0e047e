import fc from "fast-check";
import { DivisorMethod, divisorOrder, divisorSeats, methodOf } from "../../src/engine/methods";

/**
 * The divisor methods against the textbook, one unit at a time: each unit goes to the highest
 * quotient w / d(s) (D'Hondt d(s) = s + 1, Sainte-Laguë d(s) = s + ½), equal quotients to the
 * larger weight, then the lower id, then the earlier line. Small weights give many ties.
 */
const twice = (m: DivisorMethod, s: number) => BigInt(m === "dhondt" ? 2 * s + 2 : 2 * s + 1);

function ahead(m: DivisorMethod, w: bigint[], ids: string[], s: number[], a: number, b: number) {
  const left = w[a]! * twice(m, s[b]!);
  const right = w[b]! * twice(m, s[a]!);
  if (left !== right) return left > right;
  if (w[a] !== w[b]) return w[a]! > w[b]!;
  if (ids[a] !== ids[b]) return ids[a]! < ids[b]!;
  return a < b;
}

function nextUnit(m: DivisorMethod, w: bigint[], ids: string[], s: number[]): number {
  let best = 0;
  for (let i = 1; i < w.length; i++) if (ahead(m, w, ids, s, i, best)) best = i;
  return best;
}

function oneAtATime(m: DivisorMethod, amount: number, w: bigint[], ids: string[]): number[] {
  const s = w.map(() => 0);
  for (let u = 0; u < amount; u++) s[nextUnit(m, w, ids, s)]! += 1;
  return s;
}

const caseArb = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    method: fc.constantFrom<DivisorMethod>("dhondt", "sainte-lague"),
    weights: fc
      .array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 })), {
        minLength: n,
        maxLength: n,
      })
      .filter((ws) => ws.some((x) => x > 0)),
    ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 2 }), { minLength: n, maxLength: n }),
    amount: fc.nat({ max: 80 }),
  })
);

describe("divisor methods, one unit at a time", () => {
  it("divisorSeats gives the textbook's seats, ties and all", () => {
    fc.assert(
      fc.property(caseArb, ({ method, weights, ids, amount }) => {
        const w = weights.map(BigInt);
        const { seats, next } = divisorSeats(method, BigInt(amount), w, ids);
        const expected = oneAtATime(method, amount, w, ids);
        expect(seats.map(Number)).toEqual(expected);
        expect(next).toEqual(expected.map((s) => twice(method, s)));
      }),
      { numRuns: 300 }
    );
  });

  it("divisorOrder lists the lines by their next quotient, the next unit's line first", () => {
    fc.assert(
      fc.property(caseArb, ({ method, weights, ids, amount }) => {
        const w = weights.map(BigInt);
        const { seats, next } = divisorSeats(method, BigInt(amount), w, ids);
        const order = Array.from(divisorOrder(w, next, ids));
        const s = seats.map(Number);
        expect(order[0]).toBe(nextUnit(method, w, ids, s));
        for (let k = 1; k < order.length; k++)
          expect(ahead(method, w, ids, s, order[k - 1]!, order[k]!)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(w.map((_, i) => i));
      }),
      { numRuns: 300 }
    );
  });
});

describe("methodOf", () => {
  it("reads the methods' names in English and Swedish, any case, accents and spacing", () => {
    expect(methodOf("Största rest")).toBe("hamilton");
    expect(methodOf("  LARGEST   remainder ")).toBe("hamilton");
    expect(methodOf("Sainte-Laguë")).toBe("sainte-lague");
    expect(methodOf("Jämkade uddatalsmetoden")).toBe("sainte-lague");
    expect(methodOf("D’Hondt")).toBe("dhondt");
    expect(methodOf("d`hondt")).toBe("dhondt");
    expect(methodOf("d\thondt")).toBe("dhondt");
    expect(methodOf("Jefferson")).toBe("dhondt");
    expect(methodOf("dhont")).toBeUndefined();
    expect(methodOf("")).toBeUndefined();
  });
});
