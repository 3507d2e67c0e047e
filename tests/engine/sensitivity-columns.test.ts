import synthetic from "../../examples/agreement-synthetic-290.json";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { impact, sensitivity } from "../../src/engine";
import type { ComputeInputs } from "../../src/engine/inputs";
import { recipientsOf } from "../../src/engine/recipients";

/*
 * The synthetic agreement (290 municipalities): "aldre" is split by a second key column,
 * "elderly" (inhabitants aged 80+), and "placering" is capped by it; "bas" and "besok" go by
 * population. Deterministic figures as in tests/engine/agreement-data.test.ts.
 */
const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
const codes = recipientsOf(agreement).codes;
const population = Object.fromEntries(codes.map((c, i) => [c, 2_000 + ((i * 7_919) % 898_000)]));
const elderly = Object.fromEntries(
  codes.map((c, i) => [c, Math.floor(population[c]! / 20) + (i % 7)])
);
const inputs = (elderlyFigures: Record<string, number> = elderly): ComputeInputs => ({
  key: { figures: population, date: "2024-01-01", source: "synthetic" },
  keys: { elderly: { figures: elderlyFigures, date: "2024-01-01", source: "synthetic" } },
  units: {
    visits: Object.fromEntries(codes.map((c, i) => [c, (i * 37) % 250])),
    placements: Object.fromEntries(codes.map((c, i) => [c, i % 5 === 0 ? 0 : (i * 13) % 40])),
  },
});

describe("sensitivity in a second key column", () => {
  it("moves K002's 496 inhabitants aged 80+ by 100: only the posts keyed or capped by them move", () => {
    const s = sensitivity(agreement, inputs(), {}, "K002", 100, "elderly");
    expect(s.column).toBe("elderly");
    expect(s.figure.toNumber()).toBe(496);
    expect(s.lines).toEqual([
      { post: "bas", base: 16_840, minus: 16_840, plus: 16_840 },
      { post: "aldre", base: 4_210, minus: 3_361, plus: 5_059 },
      { post: "besok", base: 3_405, minus: 3_405, plus: 3_405 },
      { post: "placering", base: 5_921, minus: 4_728, plus: 7_111 },
      { post: null, base: 30_376, minus: 28_334, plus: 32_415 },
    ]);
    // Independently: "aldre" is 50 000 000 × elderly / the column's total, within a krona.
    const total = Object.values(elderly).reduce((a, b) => a + b, 0);
    const [, aldre] = s.lines;
    for (const [value, d] of [
      [aldre!.base, 0],
      [aldre!.minus, -100],
      [aldre!.plus, 100],
    ] as const)
      expect(Math.abs(value - (50_000_000 * (496 + d)) / (total + d))).toBeLessThan(1);
  });
});

describe("impact: rounding can cost other members a krona", () => {
  it("K219 with 3 inhabitants aged 80+ leaves aldre (share): losers most first, then the set's order", () => {
    const i = impact(agreement, inputs({ ...elderly, K219: 3 }), {}, "K219", "aldre");
    expect(i.losers.map((l) => [l.code, l.fulfils, l.doesNot, l.difference])).toEqual([
      ["K219", 26, 0, -26],
      ["K009", 27_935, 27_934, -1],
      ["K234", 21_866, 21_865, -1],
    ]);
    expect(i.gainers).toHaveLength(28);
    expect(i.lines.reduce((s, l) => s + l.difference, 0)).toBe(0);
    expect(i.unpaid).toEqual({ fulfils: 0, doesNot: 0, difference: 0 });
  });
});
