import { AGREEMENT_2020 } from "../../src/agreements";
import { Decimal } from "../../src/core/decimal";
import { ComputeResult, REGION_CODES, allocate, compute } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * compute() takes whole figures down the integer path and any other figures (decimals, text)
 * down the decimal reference (allocate, contactMoney). Both must give the same kronor: halving
 * every population figure (half of them then end in .5) changes no share, no remainder and no
 * tie, so the decimal path must reproduce the integer path's result to the krona.
 */
const whole = shippedPopulationKey();
const halved = {
  ...whole,
  figures: Object.fromEntries(
    Object.entries(whole.figures).map(([code, v]) => [code, new Decimal(v).div(2).toString()])
  ),
};
const paid = (r: ComputeResult) =>
  r.posts.map((p) => [p.post.id, p.paid, p.payments.map((x) => x.amount)]);

describe("the decimal reference path gives the integer path's kronor", () => {
  it("some halved figures are not whole: the decimal path is taken", () => {
    expect(Object.values(halved.figures).some((v) => v.endsWith(".5"))).toBe(true);
  });

  it.each([
    ["every region fulfils", {}],
    [
      "Stockholm misses v1 (lapse) and v4 (share), Gotland v3's contacts",
      { v1: { "01": false }, v4: { "01": false }, "v3-contacts": { "09": false } },
    ],
  ])("%s: every post, every region, the totals", (_, fulfilment) => {
    const exact = compute(AGREEMENT_2020, { key: whole, fulfilment });
    const decimal = compute(AGREEMENT_2020, { key: halved, fulfilment });
    expect(paid(decimal)).toEqual(paid(exact));
    expect(decimal.byRegion).toEqual(exact.byRegion);
    expect(decimal.byRecipient).toEqual(exact.byRecipient);
    expect(decimal.byPayoutDate).toEqual(exact.byPayoutDate);
    expect(decimal.unpaid).toEqual(exact.unpaid);
    expect(decimal.total).toBe(exact.total);
  });

  it("with contact counts, in both redistribution keys", () => {
    const contacts = {
      contacts: Object.fromEntries(REGION_CODES.map((c, i) => [c, 100 + 37 * i])),
    };
    for (const redistribution of ["population", "unpaid-contacts"] as const) {
      const exact = compute(AGREEMENT_2020, { key: whole, contacts }, { redistribution });
      const decimal = compute(AGREEMENT_2020, { key: halved, contacts }, { redistribution });
      expect(paid(decimal)).toEqual(paid(exact));
      expect(decimal.posts.find((p) => p.post.id === "v3-contacts")!.paid).toBeLessThan(50_000_000);
    }
  });

  it("keeps the audit objects it computed: the allocation of a key post is allocate's", () => {
    const r = compute(AGREEMENT_2020, { key: halved });
    const v1 = r.posts.find((p) => p.post.id === "v1")!;
    const weights = REGION_CODES.map((id) => ({ id, weight: halved.figures[id]! }));
    expect(v1.allocation).toEqual(allocate(v1.post.amount, weights, "population"));
    expect(v1.post.amount).toBe(100_000_000);
    expect(v1.payments.map((x) => x.amount)).toEqual(v1.allocation!.lines.map((l) => l.amount));
  });

  it("the key's exact total: the sum of the figures, whole or not", () => {
    const sum = Object.values(whole.figures).reduce<number>((s, v) => s + Number(v), 0);
    expect(compute(AGREEMENT_2020, { key: whole }).key.total.toString()).toBe(String(sum));
    expect(compute(AGREEMENT_2020, { key: halved }).key.total.toString()).toBe(
      new Decimal(sum).div(2).toString()
    );
  });
});
