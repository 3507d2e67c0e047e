import fc from "fast-check";
import { AGREEMENT_2020 } from "../../src/agreements";
import { problemText } from "../../src/core/errors";
import { REGION_CODES, SjukError, allocate, compute, mixKeys } from "../../src/engine";
import { equalKey } from "../../src/engine/mix";
import { shippedPopulationKey } from "../../src/reference/population";

import { reduce, referenceSplit } from "./mix-reference";

const k2018 = shippedPopulationKey("2018-12-31");
const k2019 = shippedPopulationKey("2019-12-31");
const asNumbers = (f: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(f).map(([c, v]) => [c, Number(v)]));

describe("mixKeys: shares, not raw figures", () => {
  it("a 50/50 mix of the 2018 and 2019 keys gives, to the krona, the largest-remainder split of the mixed shares, through compute", () => {
    const mixed = mixKeys([
      { figures: k2018.figures, weight: 0.5 },
      { figures: k2019.figures, weight: 0.5 },
    ]);
    const result = compute(AGREEMENT_2020, {
      key: { figures: mixed.figures, date: null, source: "mix" },
    });
    expect(result.total).toBe(944_000_000);
    for (const post of ["v1", "v2", "v3", "v4"]) {
      const p = result.posts.find((x) => x.post.id === post)!;
      const expected = referenceSplit(
        p.post.amount,
        [
          { figures: asNumbers(k2018.figures), weight: [1n, 2n] },
          { figures: asNumbers(k2019.figures), weight: [1n, 2n] },
        ],
        REGION_CODES
      );
      expect(Array.from(p.amounts!)).toEqual(expected);
    }
  });

  it("a key scaled by 1 000 mixes alike: shares count, not totals", () => {
    const scaled = Object.fromEntries(
      Object.entries(k2019.figures).map(([c, v]) => [c, Number(v) * 1000])
    );
    const a = mixKeys([
      { figures: k2018.figures, weight: 1 },
      { figures: k2019.figures, weight: 3 },
    ]);
    const b = mixKeys([
      { figures: k2018.figures, weight: 1 },
      { figures: scaled, weight: 3 },
    ]);
    expect(b.numerators).toEqual(a.numerators);
    expect(b.denominator).toBe(a.denominator);
  });

  it("the equal key: every region 1/21; mixed with population it moves each share halfway", () => {
    const eq = mixKeys([{ equal: true, weight: 1 }]);
    expect(new Set(Object.values(eq.numerators))).toEqual(new Set([1n]));
    expect(eq.denominator).toBe(21n);
    const half = mixKeys([
      { equal: true, weight: "0.5" },
      { figures: k2019.figures, weight: "0.5" },
    ]);
    const total = Object.values(k2019.figures).reduce((s: number, v) => s + Number(v), 0);
    // Gotland (09): (1/21 + 59 686/T) / 2, exactly.
    const got = half.numerators["09"]!;
    const expected = reduce([BigInt(total) + 21n * 59_686n, 2n * 21n * BigInt(total)]);
    expect(reduce([got, half.denominator])).toEqual(expected);
    const sum = Object.values(half.numerators).reduce((s, x) => s + x, 0n);
    expect(sum).toBe(half.denominator);
  });

  it("random keys, weights and amounts: the split of the mix equals the reference", () => {
    const codes = ["a", "b", "c", "d", "e", "f", "g"];
    const keyArb = fc
      .array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat({ max: 5_000_000 })), {
        minLength: 7,
        maxLength: 7,
      })
      .filter((xs) => xs.some((x) => x > 0));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyArb, fc.integer({ min: 1, max: 100 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat({ max: 1_000_000_000 }),
        (parts, amount) => {
          const keys = parts.map(([xs, w]) => ({
            figures: Object.fromEntries(codes.map((c, i) => [c, xs[i]!])),
            weight: w,
          }));
          const mixed = mixKeys(keys, codes);
          const got = allocate(
            amount,
            codes.map((id) => ({ id, weight: mixed.figures[id]! }))
          ).lines.map((l) => l.amount);
          expect(got).toEqual(
            referenceSplit(
              amount,
              keys.map((k) => ({ figures: k.figures, weight: [BigInt(k.weight), 1n] })),
              codes
            )
          );
        }
      ),
      { numRuns: 200 }
    );
  });

  it("bad input: every problem with its field path", () => {
    const { "25": _, ...without } = k2019.figures;
    try {
      mixKeys([
        { figures: { ...without, "99": 5 }, weight: 0.5 },
        { figures: { ...k2019.figures, "09": -3 }, weight: "halv" },
      ]);
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(SjukError);
      const texts = (e as SjukError).problems.map((p) => problemText(p));
      expect(texts).toEqual([
        'mix[1].weight: "halv" is not a non-negative number',
        "mix[0].figures: 99 is not a member of the recipient set",
        "mix[0].figures.25: no figure for 25; every member needs one",
        'mix[1].figures.09: "-3" is not a non-negative number',
      ]);
      expect((e as SjukError).problems.map((p) => problemText(p, "sv"))).toContain(
        "mix[0].figures.25: inget tal för 25; varje mottagare behöver ett"
      );
    }
    expect(() => mixKeys([])).toThrow("mix: a key mix needs at least one key");
    expect(() => mixKeys([{ equal: true, weight: 0 }])).toThrow(
      "mix: the keys' weights add up to zero"
    );
    const zeros = Object.fromEntries(REGION_CODES.map((c) => [c, 0]));
    expect(() => mixKeys([{ figures: zeros, weight: 1 }])).toThrow(
      "mix[0].figures: the figures add up to zero, so the key has no shares to mix"
    );
  });
});

describe("mixKeys: figures that are not figures", () => {
  const texts = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as SjukError).problems.map((p) => problemText(p));
    }
    throw new Error("expected a SjukError");
  };
  const three = ["01", "03", "04"];

  it("names a part without figures, and values that are no numbers, booleans and blanks", () => {
    const bad = [
      { figures: null as unknown as Record<string, number>, weight: 1 },
      { figures: "1 2 3" as unknown as Record<string, number>, weight: 1 },
      { figures: { "01": "x", "03": true, "04": null } as never, weight: 1 },
      { figures: { "01": 1, "03": 2, "04": undefined } as never, weight: false as never },
    ];
    expect(texts(() => mixKeys(bad, three))).toEqual([
      'mix[3].weight: "false" is not a non-negative number',
      "mix[0]: give figures (one per member) or equal: true",
      "mix[1]: give figures (one per member) or equal: true",
      'mix[2].figures.01: "x" is not a non-negative number',
      'mix[2].figures.03: "true" is not a non-negative number',
      'mix[2].figures.04: "null" is not a non-negative number',
      'mix[3].figures.04: "undefined" is not a non-negative number',
    ]);
  });

  it("takes −0 as 0 and an equal part beside figures", () => {
    const mixed = mixKeys(
      [
        { figures: { "01": -0, "03": 1, "04": 3 }, weight: "0,5".replace(",", ".") },
        { equal: true, weight: 0.5 },
      ],
      three
    );
    // Shares: ½ × (0, ¼, ¾) + ½ × (⅓, ⅓, ⅓) = (4, 7, 13) / 24.
    expect(mixed.numerators).toEqual({ "01": 4n, "03": 7n, "04": 13n });
    expect(mixed.denominator).toBe(24n);
    expect(mixed.figures["01"]!.toString()).toBe("4");
  });
});

describe("mixKeys: parts without weight, the equal key, common denominators", () => {
  const three = ["01", "03", "04"];

  it("a part of weight 0 takes no part, even with figures adding up to zero", () => {
    const mixed = mixKeys(
      [
        { figures: { "01": 0, "03": 0, "04": 0 }, weight: 0 },
        { figures: { "01": 1, "03": 1, "04": 2 }, weight: 1 },
      ],
      three
    );
    expect(mixed.numerators).toEqual({ "01": 1n, "03": 1n, "04": 2n });
    expect(mixed.denominator).toBe(4n);
  });

  it("mixes over the least common multiple of the parts' totals", () => {
    // ½ × (1, 1, 2)/4 + ½ × (1, 2, 3)/6 = (3 + 2, 3 + 4, 6 + 6)/24 = (5, 7, 12)/24.
    const mixed = mixKeys(
      [
        { figures: { "01": 1, "03": 1, "04": 2 }, weight: 1 },
        { figures: { "01": 1, "03": 2, "04": 3 }, weight: 1 },
      ],
      three
    );
    expect(mixed.numerators).toEqual({ "01": 5n, "03": 7n, "04": 12n });
    expect(mixed.denominator).toBe(24n);
  });

  it("takes a part as the equal key only when it says equal: true", () => {
    const notEqual = { equal: false, figures: { "01": 1, "03": 0, "04": 0 }, weight: 1 };
    expect(mixKeys([notEqual as never], three).numerators).toEqual({
      "01": 1n,
      "03": 0n,
      "04": 0n,
    });
  });

  it("equalKey gives every member the figure 1", () => {
    expect(Object.entries(equalKey(["01", "03"])).map(([c, d]) => [c, d.toString()])).toEqual([
      ["01", "1"],
      ["03", "1"],
    ]);
    expect(Object.keys(equalKey()).sort()).toEqual(REGION_CODES);
  });
});
