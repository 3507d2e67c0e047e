import { AGREEMENT_2020 } from "../../src/agreements";
import { problemText } from "../../src/core/errors";
import { SjukError, impact, sensitivity } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

const key = shippedPopulationKey("2019-12-31");
const SKANE = 1_377_827; // SCB, 31 Dec 2019
const TOTAL = 10_327_589;

describe("sensitivity: a member's own key figure ± delta", () => {
  it("Region Skåne ± 1 000 inhabitants, per post and in total, exact kronor", () => {
    const s = sensitivity(AGREEMENT_2020, { key }, {}, "12");
    expect(s.figure.toNumber()).toBe(SKANE);
    expect(s.lines).toEqual([
      { post: "v1", base: 13_341_226, minus: 13_332_834, plus: 13_349_616 },
      { post: "v2", base: 18_677_717, minus: 18_665_968, plus: 18_689_463 },
      { post: "v3", base: 66_706_131, minus: 66_664_172, plus: 66_748_081 },
      { post: "v3-contacts", base: 6_670_613, minus: 6_666_417, plus: 6_674_808 },
      { post: "v4", base: 6_670_613, minus: 6_666_417, plus: 6_674_808 },
      { post: null, base: 112_066_300, minus: 111_995_808, plus: 112_136_776 },
    ]);
    // Independently: each amount is within a krona of amount × figure / total (the quota rule).
    for (const line of s.lines.slice(0, 5)) {
      const amount = AGREEMENT_2020.posts.find((p) => p.id === line.post)!.amount;
      for (const [value, d] of [
        [line.base, 0],
        [line.minus, -1000],
        [line.plus, 1000],
      ] as const) {
        const quota = (amount * (SKANE + d)) / (TOTAL + d);
        expect(Math.abs(value - quota)).toBeLessThan(1);
      }
    }
  });

  it("moves the figure exactly: at a tie of equal figures a delta of 1e-20 decides the rounding krona", () => {
    // 21 regions of 1 000 each: v1's 100 000 000 kr is 4 761 904.76 each, and the 16 kronor
    // left by rounding down go to the first 16 in order. A float could not hold 1 000 ± 1e-20.
    const equal = {
      ...key,
      figures: Object.fromEntries(Object.keys(key.figures).map((c) => [c, 1000])),
    };
    const v1 = (code: string) =>
      sensitivity(AGREEMENT_2020, { key: equal }, {}, code, "1e-20").lines[0];
    expect(v1("01")).toEqual({ post: "v1", base: 4_761_905, minus: 4_761_904, plus: 4_761_905 });
    expect(v1("25")).toEqual({ post: "v1", base: 4_761_904, minus: 4_761_904, plus: 4_761_905 });
  });

  it("a key column the inputs do not give is an error", () => {
    expect(() => sensitivity(AGREEMENT_2020, { key }, {}, "12", 1000, "elderly")).toThrow(
      "the key column elderly has no figures in the inputs"
    );
  });

  it("a chosen delta, and a delta that would make the figure negative is an error", () => {
    const s = sensitivity(AGREEMENT_2020, { key }, {}, "09", 59_686);
    expect(s.lines.at(-1)).toEqual({ post: null, base: 4_854_594, minus: 0, plus: 9_653_396 });
    const error = (() => {
      try {
        sensitivity(AGREEMENT_2020, { key }, {}, "09", 60_000);
      } catch (e) {
        return e as SjukError;
      }
    })();
    expect(error).toBeInstanceOf(SjukError);
    expect(problemText(error!.problems[0]!)).toBe(
      "population, 09: 59686 less 60000 would be negative; choose a smaller delta"
    );
    expect(problemText(error!.problems[0]!, "sv")).toBe(
      "population, 09: 59686 minus 60000 blir negativt; välj en mindre ändring"
    );
    expect(() => sensitivity(AGREEMENT_2020, { key }, {}, "99")).toThrow(
      "99 is not a member of regions"
    );
    expect(() => sensitivity(AGREEMENT_2020, { key }, {}, "12", -5)).toThrow(
      "delta: -5 is not a positive number"
    );
  });
});

describe("impact: a member that does not fulfil a post", () => {
  it("v4 (share): Gotland's 288 964 kr go to the fulfilling regions by population; nothing is lost", () => {
    const i = impact(AGREEMENT_2020, { key }, {}, "09", "v4");
    expect(i.losers).toEqual([
      { code: "09", name: "Region Gotland", fulfils: 288_964, doesNot: 0, difference: -288_964 },
    ]);
    expect(i.gainers.slice(0, 3).map((l) => [l.code, l.difference])).toEqual([
      ["01", 66_897],
      ["14", 48_571],
      ["12", 38_776],
    ]);
    expect(i.gainers).toHaveLength(20);
    expect(i.lines.reduce((s, l) => s + l.difference, 0)).toBe(0);
    expect(i.unpaid).toEqual({ fulfils: 0, doesNot: 0, difference: 0 });
  });

  it("v2 (lapse): Gotland's 809 099 kr are not paid out; nobody else's share moves", () => {
    const i = impact(AGREEMENT_2020, { key }, {}, "09", "v2");
    expect(i.gainers).toEqual([]);
    expect(i.losers.map((l) => [l.code, l.difference])).toEqual([["09", -809_099]]);
    expect(i.unpaid).toEqual({ fulfils: 0, doesNot: 809_099, difference: 809_099 });
  });

  it("v3-contacts: Stockholm's cap goes to the regions with more contacts than their cap pays for", () => {
    const contacts = Object.fromEntries(
      Object.keys(key.figures)
        .sort()
        .map((code, n) => [code, 500 + n * 37])
    );
    const i = impact(AGREEMENT_2020, { key, contacts: { contacts } }, {}, "01", "v3-contacts");
    expect(i.losers.map((l) => [l.code, l.difference])).toEqual([["01", -1_500_000]]);
    expect(i.gainers[0]).toMatchObject({ code: "25", fulfils: 3_149_223, doesNot: 3_572_250 });
    expect(i.lines.reduce((s, l) => s + l.difference, 0) + i.unpaid.difference).toBe(0);
  });

  it("v1, the agreement's first post (lapse): Gotland's 577 928 kr (100 000 000 × 59 686 / 10 327 589) are not paid", () => {
    const i = impact(AGREEMENT_2020, { key }, {}, "09", "v1");
    expect(i.losers.map((l) => [l.code, l.difference])).toEqual([["09", -577_928]]);
    expect(i.gainers).toEqual([]);
    expect(i.unpaid).toEqual({ fulfils: 0, doesNot: 577_928, difference: 577_928 });
  });

  it("v2 with Stockholm already not fulfilling: the unpaid money grows by Gotland's share alone", () => {
    const fulfilment = { v2: { "01": false } };
    const i = impact(AGREEMENT_2020, { key, fulfilment }, {}, "09", "v2");
    // Stockholm's 140 000 000 × 2 377 081 / 10 327 589 is unpaid either way.
    expect(i.unpaid).toEqual({ fulfils: 32_223_527, doesNot: 33_032_626, difference: 809_099 });
    expect(i.lines[0]).toMatchObject({ code: "01", fulfils: 0, doesNot: 0, difference: 0 });
  });

  it("a post that is not to the regions, or a member that is not a region, is an error", () => {
    expect(() => impact(AGREEMENT_2020, { key }, {}, "09", "v4-skr")).toThrow(
      "v4-skr is not a post to regions"
    );
    expect(() => impact(AGREEMENT_2020, { key }, {}, "99", "v1")).toThrow(
      "99 is not a member of regions"
    );
  });
});
