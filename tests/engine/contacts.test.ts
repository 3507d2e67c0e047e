import { AGREEMENT_2020 } from "../../src/agreements";
import {
  ContactMoney,
  Decimal,
  REGION_CODES,
  RedistributionKey,
  compute,
  contactMoney,
} from "../../src/engine";

/**
 * Worked examples of villkor 3's contact money, small enough to redo by hand: 3 000 kr per
 * contact, each region capped at its population share of the budget; what regions under their
 * cap leave is redistributed in rounds to the regions still owed money (contacts × 3 000 minus
 * what they have), never above what they are owed.
 */
const UNIT = 3_000;

function run(
  budget: number,
  population: Record<string, number>,
  contacts: Record<string, number>,
  key: RedistributionKey
): ContactMoney {
  const dec = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, new Decimal(v)]));
  return contactMoney(budget, UNIT, dec(population), dec(contacts), key);
}
const caps = (m: ContactMoney) => Object.fromEntries(m.caps.lines.map((l) => [l.id, l.amount]));
const allocated = (m: ContactMoney) =>
  m.rounds.map((r) => Object.fromEntries(r.allocation.lines.map((l) => [l.id, l.amount])));
const sum = (m: Record<string, number>) => Object.values(m).reduce((s, x) => s + x, 0);

describe("contact money: the two options give different results", () => {
  // Budget 50 000; population A 2, B 3, C 5 (of 10) → caps 10 000, 15 000, 25 000 (exact).
  // Contacts A 1, B 7, C 9 → earned 3 000, 21 000, 27 000.
  // First payments, min(earned, cap): A 3 000, B 15 000 (owed 6 000), C 25 000 (owed 2 000).
  // Pool: 50 000 − 43 000 = 7 000.
  const population = { A: 2, B: 3, C: 5 };
  const contacts = { A: 1, B: 7, C: 9 };

  it("population: two rounds, C fills up in the first", () => {
    // Round 1, pool 7 000 over B and C by population 3 : 5 → 2 625 and 4 375 (exact).
    //   B takes 2 625 (still owed 3 375); C takes only its 2 000 (done). Pool 7 000 − 4 625 = 2 375.
    // Round 2, pool 2 375, B alone → allocated 2 375, B takes 2 375 (still owed 1 000). Pool 0.
    // Paid: A 3 000, B 15 000 + 2 625 + 2 375 = 20 000, C 25 000 + 2 000 = 27 000. Unpaid 0.
    const m = run(50_000, population, contacts, "population");
    expect(caps(m)).toEqual({ A: 10_000, B: 15_000, C: 25_000 });
    expect(m.earned).toEqual({ A: 3_000, B: 21_000, C: 27_000 });
    expect(m.firstPayment).toEqual({ A: 3_000, B: 15_000, C: 25_000 });
    expect(m.rounds.map((r) => r.pool)).toEqual([7_000, 2_375]);
    expect(allocated(m)).toEqual([{ B: 2_625, C: 4_375 }, { B: 2_375 }]);
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 2_625, C: 2_000 }, { B: 2_375 }]);
    expect(m.paid).toEqual({ A: 3_000, B: 20_000, C: 27_000 });
    expect(m.unpaid).toBe(0);
  });

  it("unpaid-contacts: one round, in proportion to what each is owed", () => {
    // Round 1, pool 7 000 over B and C by what they are owed, 6 000 : 2 000 → 5 250 and 1 750.
    //   Both take all of it (B still owed 750, C still owed 250). Pool 0.
    // Paid: A 3 000, B 15 000 + 5 250 = 20 250, C 25 000 + 1 750 = 26 750. Unpaid 0.
    // Compared with `population`: B gets 250 kr more and C 250 kr less.
    const m = run(50_000, population, contacts, "unpaid-contacts");
    expect(m.firstPayment).toEqual({ A: 3_000, B: 15_000, C: 25_000 });
    expect(m.rounds.map((r) => r.pool)).toEqual([7_000]);
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 5_250, C: 1_750 }]);
    expect(m.paid).toEqual({ A: 3_000, B: 20_250, C: 26_750 });
    expect(m.unpaid).toBe(0);
  });
});

describe("contact money: rounding inside the rounds", () => {
  // Budget 50 000; population A 1, B 1, C 1 → exact caps 16 666.67 each: floors 16 666 × 3 =
  // 49 998, 2 kr left, all remainders equal, all weights equal → A and B (lowest ids).
  // Caps A 16 667, B 16 667, C 16 666. Contacts A 0, B 10, C 10 → earned 0, 30 000, 30 000.
  // First: A 0, B 16 667 (owed 13 333), C 16 666 (owed 13 334). Pool 50 000 − 33 333 = 16 667.
  const population = { A: 1, B: 1, C: 1 };
  const contacts = { A: 0, B: 10, C: 10 };

  it("population: the odd krona goes to B by id", () => {
    // Round 1, 16 667 over B, C at 1 : 1 → 8 333.5 each: floors 8 333 + 8 333, 1 kr left, tied
    // remainders and weights → B. B 8 334, C 8 333, both owed more, pool 0.
    // Paid: B 16 667 + 8 334 = 25 001, C 16 666 + 8 333 = 24 999.
    const m = run(50_000, population, contacts, "population");
    expect(caps(m)).toEqual({ A: 16_667, B: 16_667, C: 16_666 });
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 8_334, C: 8_333 }]);
    expect(m.paid).toEqual({ A: 0, B: 25_001, C: 24_999 });
    expect(m.unpaid).toBe(0);
  });

  it("unpaid-contacts: the odd krona goes to C, who is owed more", () => {
    // Round 1, 16 667 over owed 13 333 : 13 334 (sum 26 667).
    //   B: 16 667 × 13 333 = 222 221 111; / 26 667 = 8 333 rest 5 000  (26 667 × 8 333 = 222 216 111)
    //   C: 16 667 × 13 334 = 222 237 778; / 26 667 = 8 333 rest 21 667
    // Floors 16 666, 1 kr left → C (larger remainder). B 8 333, C 8 334.
    // Paid: B 16 667 + 8 333 = 25 000, C 16 666 + 8 334 = 25 000.
    const m = run(50_000, population, contacts, "unpaid-contacts");
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 8_333, C: 8_334 }]);
    expect(m.rounds[0]!.allocation.lines.map((l) => l.floor)).toEqual([8_333, 8_333]);
    expect(m.paid).toEqual({ A: 0, B: 25_000, C: 25_000 });
    expect(m.unpaid).toBe(0);
  });
});

describe("contact money: money nobody can take stays unpaid", () => {
  // Budget 50 000; population A 4, B 1, C 2, D 3 (of 10) → caps 20 000, 5 000, 10 000, 15 000.
  // Contacts A 0, B 2, C 4, D 10 → earned 0, 6 000, 12 000, 30 000.
  // First: A 0, B 5 000 (owed 1 000), C 10 000 (owed 2 000), D 15 000 (owed 15 000).
  // Pool: 50 000 − 30 000 = 20 000; the regions are owed 18 000 in all, so 2 000 must stay unpaid.
  const population = { A: 4, B: 1, C: 2, D: 3 };
  const contacts = { A: 0, B: 2, C: 4, D: 10 };

  it("population: two rounds, then 2 000 kr unpaid", () => {
    // Round 1, 20 000 over B, C, D at 1 : 2 : 3 → 3 333.33, 6 666.67, 10 000: floors 19 999,
    //   1 kr left → C (remainder .67 beats B's .33 and D's 0). Allocated B 3 333, C 6 667, D 10 000.
    //   Taken: B 1 000 (done), C 2 000 (done), D 10 000 (owed 5 000). Pool 20 000 − 13 000 = 7 000.
    // Round 2, 7 000 to D alone; D takes its 5 000. Pool 2 000, nobody owed → unpaid 2 000.
    const m = run(50_000, population, contacts, "population");
    expect(caps(m)).toEqual({ A: 20_000, B: 5_000, C: 10_000, D: 15_000 });
    expect(m.firstPayment).toEqual({ A: 0, B: 5_000, C: 10_000, D: 15_000 });
    expect(allocated(m)).toEqual([{ B: 3_333, C: 6_667, D: 10_000 }, { D: 7_000 }]);
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 1_000, C: 2_000, D: 10_000 }, { D: 5_000 }]);
    expect(m.paid).toEqual({ A: 0, B: 6_000, C: 12_000, D: 30_000 });
    expect(m.unpaid).toBe(2_000);
  });

  it("unpaid-contacts: one round, same final payments, same 2 000 kr unpaid", () => {
    // Round 1, 20 000 over owed 1 000 : 2 000 : 15 000 (of 18 000) → 1 111.1, 2 222.2, 16 666.7:
    //   floors 19 999, 1 kr → D. Allocated B 1 111, C 2 222, D 16 667; each takes what it is owed:
    //   1 000, 2 000, 15 000. Pool 2 000, nobody owed → unpaid 2 000.
    const m = run(50_000, population, contacts, "unpaid-contacts");
    expect(allocated(m)).toEqual([{ B: 1_111, C: 2_222, D: 16_667 }]);
    expect(m.rounds.map((r) => r.taken)).toEqual([{ B: 1_000, C: 2_000, D: 15_000 }]);
    expect(m.paid).toEqual({ A: 0, B: 6_000, C: 12_000, D: 30_000 });
    expect(m.unpaid).toBe(2_000);
  });

  it("nobody over their cap: no rounds at all, everything left is unpaid", () => {
    // Population 2 : 3 : 5 → caps 10 000, 15 000, 25 000; contacts 1, 2, 3 → 3 000, 6 000, 9 000,
    // all under the caps. Paid 18 000; 32 000 unpaid under either option.
    for (const key of ["population", "unpaid-contacts"] as const) {
      const m = run(50_000, { A: 2, B: 3, C: 5 }, { A: 1, B: 2, C: 3 }, key);
      expect(m.rounds).toEqual([]);
      expect(m.paid).toEqual({ A: 3_000, B: 6_000, C: 9_000 });
      expect(m.unpaid).toBe(32_000);
    }
  });

  it("a region without population can still take what it is owed from the leftover", () => {
    // Population A 0, B 1 → caps A 0, B 50 000. Contacts A 5 (15 000, all owed), B 1 (3 000).
    // Pool 50 000 − 3 000 = 47 000. Under `population` A's weight is 0, so the round falls back to
    // what A is owed: A takes 15 000. Pool 32 000, nobody owed → unpaid 32 000.
    for (const key of ["population", "unpaid-contacts"] as const) {
      const m = run(50_000, { A: 0, B: 1 }, { A: 5, B: 1 }, key);
      expect(caps(m)).toEqual({ A: 0, B: 50_000 });
      expect(m.rounds.map((r) => r.taken)).toEqual([{ A: 15_000 }]);
      expect(m.paid).toEqual({ A: 15_000, B: 3_000 });
      expect(m.unpaid).toBe(32_000);
      expect(sum(m.paid) + m.unpaid).toBe(50_000);
    }
  });
});

describe("contact money inside compute()", () => {
  // The first worked example, scaled to the real post: a key where only Stockholm (01),
  // Uppsala (03) and Sörmland (04) have population, 2 : 3 : 5, so their caps of 50 000 000 are
  // 10, 15 and 25 MSEK. Contacts 1 000, 7 000, 9 000 → earned 3, 21 and 27 MSEK; first payments
  // 3, 15, 25 MSEK; pool 7 MSEK.
  //   population: 7 MSEK by 3 : 5 → 2 625 000 / 4 375 000; Sörmland takes 2 MSEK; then Uppsala
  //     takes the 2 375 000 left → 20 000 000 and 27 000 000.
  //   unpaid-contacts: by 6 : 2 MSEK owed → 5 250 000 / 1 750 000 → 20 250 000 and 26 750 000.
  const figures = Object.fromEntries(REGION_CODES.map((c) => [c, 0]));
  Object.assign(figures, { "01": 2, "03": 3, "04": 5 });
  const counts = Object.fromEntries(REGION_CODES.map((c) => [c, 0]));
  Object.assign(counts, { "01": 1_000, "03": 7_000, "04": 9_000 });
  const inputs = {
    key: { figures, date: "2019-11-01", source: "worked example" },
    contacts: { contacts: counts },
  };

  const paid = (key: RedistributionKey) => {
    const r = compute(AGREEMENT_2020, inputs, { redistribution: key });
    const p = r.posts.find((x) => x.post.id === "v3-contacts")!;
    return {
      result: r,
      byRegion: Object.fromEntries(
        p.payments.filter((x) => x.amount > 0).map((x) => [x.recipient, x.amount])
      ),
    };
  };

  it("pays the worked example under both options, the whole 944 MSEK, warning only of the zero key figures", () => {
    const pop = paid("population");
    expect(pop.byRegion).toEqual({ "01": 3_000_000, "03": 20_000_000, "04": 27_000_000 });
    expect(pop.result.total).toBe(944_000_000);
    // The example gives 18 of the 21 regions a population of 0: worth a look, not an error.
    expect(pop.result.warnings.map((w) => w.code)).toEqual(["key-zero"]);
    const unpaid = paid("unpaid-contacts");
    expect(unpaid.byRegion).toEqual({ "01": 3_000_000, "03": 20_250_000, "04": 26_750_000 });
    expect(unpaid.result.redistribution).toBe("unpaid-contacts");
  });
});

describe("contactMoney: what mutation testing found unchecked", () => {
  const d = (xs: Record<string, number>) =>
    Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, new Decimal(v)]));
  const problemsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as { problems: { code: string; params: Record<string, unknown> }[] }).problems;
    }
    throw new Error("no error");
  };

  it("numbers the redistribution rounds from 1", () => {
    // Caps 30 each; A takes 10, B 30 and is owed 60 more, C 30 and is owed 3 more.
    const r = contactMoney(
      90,
      1,
      d({ A: 1, B: 1, C: 1 }),
      d({ A: 10, B: 90, C: 33 }),
      "population"
    );
    expect(r.rounds.map((x) => x.round)).toEqual([1, 2]);
    expect(r.paid).toEqual({ A: 10, B: 47, C: 33 });
    expect(r.unpaid).toBe(0);
  });

  it("an unbounded member among bounded ones: the round splits by population, not by what is owed", () => {
    // Caps 30 each; A (no counts: unbounded) and B (owed 30 more) share C's 30 kr by population.
    const r = contactMoney(
      90,
      10,
      d({ A: 1, B: 1, C: 1 }),
      d({ A: Infinity, B: 6, C: 0 }),
      "unpaid-contacts"
    );
    expect(r.paid).toEqual({ A: 45, B: 45, C: 0 });
    expect(r.earned).toEqual({ B: 60, C: 0 });
  });

  it("names the population when it adds up to zero, and the member whose count × unit amount is not whole kronor", () => {
    expect(
      problemsOf(() => contactMoney(90, 10, d({ A: 0, B: 0 }), d({ A: 1, B: 1 }), "population"))
    ).toEqual([
      expect.objectContaining({ code: "allocate.weights-zero", params: { what: "population" } }),
    ]);
    const half = problemsOf(() =>
      contactMoney(90, 3, d({ A: 1, B: 1 }), d({ A: 1.5, B: 1 }), "population")
    );
    expect(half).toEqual([
      expect.objectContaining({
        code: "amount.not-whole",
        params: expect.objectContaining({ what: "contacts × 3 kr, A" }),
      }),
    ]);
  });
});
