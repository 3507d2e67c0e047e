import { AGREEMENT_2020 } from "../../src/agreements";
import type { AllocationAgreement } from "../../src/agreements/schema";
import { problemText } from "../../src/core/errors";
import { render } from "../../src/core/messages";
import { Decimal } from "../../src/core/decimal";
import { REGION_CODES, SjukError, compute } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * compute() at its edges: an agreement built past the schema's limits, the decimal path when
 * nobody fulfils a shared post, a key with its own date and several row dates.
 */
const key = { ...shippedPopulationKey(), date: "2019-11-01" };
const contacts = { contacts: Object.fromEntries(REGION_CODES.map((c) => [c, 1_000_000])) };
type Draft = { posts: { id: string; amount: number }[]; total: number };
const draft = () => structuredClone(AGREEMENT_2020) as unknown as Draft;

describe("an agreement built past the schema", () => {
  it("whose posts add up past 2^53 kr: the sum is refused, not rounded", () => {
    const d = draft();
    const big = 2 ** 52;
    d.posts.find((p) => p.id === "v4-skr")!.amount = big;
    d.posts.find((p) => p.id === "v4-fk")!.amount = big;
    let error: unknown;
    try {
      compute(d as unknown as AllocationAgreement, { key, contacts });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SjukError);
    const sum = new Decimal(big).times(2).plus(944_000_000 - 39_000_000 - 12_000_000);
    expect((error as SjukError).problems.map((p) => problemText(p))).toEqual([
      `sum: ${sum.toFixed(0)} is too large`,
    ]);
  });
});

describe("the decimal path when nobody fulfils a shared post", () => {
  it("pays nothing of it, has no allocation, and gives the integer path's result", () => {
    const halved = {
      ...key,
      figures: Object.fromEntries(
        Object.entries(key.figures).map(([c, v]) => [c, new Decimal(v).div(2).toString()])
      ),
    };
    const nobody = Object.fromEntries(REGION_CODES.map((c) => [c, false]));
    const inputs = { contacts, fulfilment: { v4: nobody } };
    const decimal = compute(AGREEMENT_2020, { key: halved, ...inputs });
    const whole = compute(AGREEMENT_2020, { key, ...inputs });
    const v4 = decimal.posts.find((p) => p.post.id === "v4")!;
    expect(v4.paid).toBe(0);
    expect(v4.unpaid).toBe(50_000_000);
    expect(v4.allocation).toBeUndefined();
    expect([...v4.amounts!]).toEqual(REGION_CODES.map(() => 0));
    expect(decimal.byRegion).toEqual(whole.byRegion);
    expect(decimal.total).toBe(894_000_000);
  });
});

describe("the key's dates", () => {
  it("a key with its own date warns of that date even when its rows carry several", () => {
    const r = compute(AGREEMENT_2020, {
      key: { ...key, date: "2019-12-31", dates: ["2019-11-01", "2019-12-31"] },
      contacts,
    });
    expect(r.warnings.map((w) => [w.code, render(w.note)])).toEqual([
      [
        "key-date",
        `The key is from 2019-12-31 (${key.source}), not from 2019-11-01 as the agreement requires (${AGREEMENT_2020.keyDescription.en}).`,
      ],
    ]);
  });
});
