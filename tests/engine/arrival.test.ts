import { render } from "../../src/core/messages";
import { AGREEMENT_2020 } from "../../src/agreements";
import { ComputeInputs, ComputeOptions, REGION_CODES, compute } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * Input as it arrives (issue 12 point 4): contacts come in one region at a time, so a blank is
 * "not reported yet". A region not reported is assumed to take its whole cap and all it can be
 * given (the engine's rule without counts), so the others get what they are sure of: a report
 * can only leave money for them. A key figure of 0 is a warning, not an error.
 */
const POST = "v3-contacts";
const key = shippedPopulationKey("2019-12-31");
/** Counts for every region: some under their cap (3 000 kr each), some over. */
const COUNTS: Record<string, number> = Object.fromEntries(
  REGION_CODES.map((code, i) => [code, i % 3 === 0 ? 200 : i % 3 === 1 ? 900 : 4_000])
);
const MISSING = ["09", "12", "25"]; // Gotland, Skåne, Norrbotten
const reported = Object.fromEntries(Object.entries(COUNTS).filter(([c]) => !MISSING.includes(c)));

function contactAmounts(inputs: ComputeInputs, options: ComputeOptions = {}) {
  const r = compute(AGREEMENT_2020, inputs, options);
  const post = r.posts.find((p) => p.post.id === POST)!;
  return { byCode: new Map(post.payments.map((p) => [p.recipient, p.amount])), result: r };
}

describe("contacts not reported yet", () => {
  // Computed in each test that needs it, not here (see tests/engine/table1.test.ts).
  const partialRun = () =>
    contactAmounts({ key, contacts: { contacts: reported, notReported: MISSING } });

  it("computes the reported regions as if the missing ones had counts over every cap", () => {
    const partial = partialRun();
    const over = contactAmounts({
      key,
      contacts: {
        contacts: { ...reported, ...Object.fromEntries(MISSING.map((c) => [c, 10_000_000])) },
      },
    });
    for (const code of REGION_CODES)
      if (!MISSING.includes(code)) expect(partial.byCode.get(code)).toBe(over.byCode.get(code));
    // The missing regions are not paid: what they would take stays unpaid, with the reason.
    for (const code of MISSING) expect(partial.byCode.get(code)).toBe(0);
    const held = MISSING.reduce((s, code) => s + over.byCode.get(code)!, 0);
    expect(partial.result.unpaid.map((u) => ({ ...u, reason: render(u.reason, "en") }))).toEqual([
      {
        post: POST,
        amount: held,
        reason: "contacts not reported yet by Region Gotland, Region Skåne, Region Norrbotten",
      },
    ]);
    expect(render(partial.result.unpaid[0]!.reason, "sv")).toBe(
      "kontakterna är ännu inte rapporterade av Region Gotland, Region Skåne, Region Norrbotten"
    );
    expect(partial.result.total + held).toBe(944_000_000);
    // A region under its cap is paid its contacts; one over it at least its cap.
    expect(partial.byCode.get("01")).toBe(200 * 3_000);
    expect(partial.byCode.get("03")).toBe(900 * 3_000);
  });

  it("only grows for the reported regions when the missing ones report", () => {
    const partial = partialRun();
    for (const reportedCount of [0, 50, 300, 2_000, 100_000]) {
      const full = contactAmounts({
        key,
        contacts: {
          contacts: { ...reported, ...Object.fromEntries(MISSING.map((c) => [c, reportedCount])) },
        },
      });
      for (const code of REGION_CODES)
        if (!MISSING.includes(code))
          expect(full.byCode.get(code)!).toBeGreaterThanOrEqual(partial.byCode.get(code)!);
    }
  });

  it("warns naming the missing regions, with a code", () => {
    const partial = partialRun();
    const w = partial.result.warnings.find((x) => x.code === "contacts-not-reported");
    expect(render(w!.note, "en")).toBe(
      "3 of 21 regions have not reported v3-contacts contacts yet: Region Gotland, Region Skåne, Region Norrbotten. Their contact money waits for their report; the others' is computed as if the missing regions take their whole cap, so it can only grow when they report."
    );
    // Not reported is not "more contacts than treatments".
    const withTreatments = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts: reported, notReported: MISSING, treatments: { "09": { painMen: 1 } } },
    });
    expect(withTreatments.warnings.map((x) => x.code)).not.toContain("contacts-exceed-treatments");
  });

  it("does the same on the decimal path (a count written as text) and refuses an unknown code", () => {
    const partial = partialRun();
    const text = contactAmounts({
      key,
      contacts: { contacts: { ...reported, "01": "200" }, notReported: MISSING },
    });
    for (const code of REGION_CODES) expect(text.byCode.get(code)).toBe(partial.byCode.get(code));
    expect(() =>
      compute(AGREEMENT_2020, {
        key,
        contacts: { contacts: reported, notReported: [...MISSING, "99"] },
      })
    ).toThrow(/99/);
  });

  it("a region that does not fulfil gets nothing, reported or not", () => {
    const r = contactAmounts({
      key,
      contacts: { contacts: reported, notReported: MISSING },
      fulfilment: { [POST]: { "12": false } },
    });
    expect(r.byCode.get("12")).toBe(0);
  });
});

describe("a key figure of 0", () => {
  it("is a warning naming the region, and the region gets nothing of the population posts", () => {
    const figures = { ...key.figures, "09": 0 };
    const r = compute(AGREEMENT_2020, { key: { ...key, figures } });
    const w = r.warnings.filter((x) => x.code === "key-zero");
    expect(w.map((x) => ({ code: x.code, message: render(x.note, "en") }))).toEqual([
      {
        code: "key-zero",
        message:
          "the key (population) is 0 for Region Gotland: it gets nothing of the posts split by population. Check the figure.",
      },
    ]);
    expect(r.byRegion.find((x) => x.recipient === "09")!.amount).toBe(0);
    expect(r.total).toBe(944_000_000);
    expect(compute(AGREEMENT_2020, { key }).warnings.map((x) => x.code)).not.toContain("key-zero");
  });
});
