import fc from "fast-check";
import { AGREEMENT_2020 } from "../../src/agreements";
import { ComputeInputs, ComputeOptions, REGION_CODES, compute } from "../../src/engine";
import { render } from "../../src/core/messages";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * Villkor 3's contact money, one rule: a region not fulfilling v3-contacts gets nothing and what
 * it leaves goes to the regions with more contacts ("Medel som ej förbrukats … ska fördelas till
 * de regioner som har tagit fler kontakter"), with or without counts. Without counts every
 * fulfilling region is assumed to have patients enough to take all it can be given; the result
 * must be identical, to the krona, to counts that exceed every cap.
 */
const POST = "v3-contacts";
const BUDGET = 50_000_000;
/** More patients than the whole post pays for: 16 668 × 3 000 kr > 50 000 000 kr. */
const OVER_EVERY_CAP = Math.floor(BUDGET / 3_000) + 1;

const nobody = Object.fromEntries(REGION_CODES.map((c) => [c, false]));
const PATTERNS: Record<string, Record<string, boolean>> = {
  "everyone fulfils": {},
  "Stockholm does not": { "01": false },
  "Gotland, Skåne and Västra Götaland do not": { "09": false, "12": false, "14": false },
  "only Norrbotten does": { ...nobody, "25": true },
  "nobody does": nobody,
};

function contactPayments(inputs: ComputeInputs, options: ComputeOptions = {}) {
  const r = compute(AGREEMENT_2020, inputs, options);
  const p = r.posts.find((x) => x.post.id === POST)!;
  return {
    amounts: p.payments.map((x) => x.amount),
    paid: p.paid,
    unpaid: p.unpaid,
    rule: p.rule,
    warnings: r.warnings,
  };
}

describe.each([
  ["31 Dec 2019", shippedPopulationKey("2019-12-31")],
  ["31 Dec 2018", shippedPopulationKey("2018-12-31")],
])("key of %s", (_, key) => {
  const huge = { contacts: Object.fromEntries(REGION_CODES.map((c) => [c, OVER_EVERY_CAP])) };

  it.each(Object.entries(PATTERNS))(
    "%s: no counts = counts over every cap, to the krona",
    (_name, flags) => {
      const fulfilment = { [POST]: flags };
      const without = contactPayments({ key, fulfilment });
      const withCounts = contactPayments({ key, fulfilment, contacts: huge });
      expect(without.amounts).toEqual(withCounts.amounts);
      expect(without.unpaid).toBe(withCounts.unpaid);
      for (const [code, f] of Object.entries(flags))
        if (!f) expect(without.amounts[REGION_CODES.indexOf(code)]).toBe(0);
      const anyone = REGION_CODES.some((c) => flags[c] !== false);
      expect(without.paid).toBe(anyone ? BUDGET : 0);
      expect(without.rule).toBe("redistribute");
      expect(without.warnings.some((w) => w.code === "contacts-assumed")).toBe(true);
      expect(withCounts.warnings.some((w) => w.code === "contacts-assumed")).toBe(false);
    }
  );

  it("without counts, unpaid-contacts redistributes by population (nobody's unpaid contacts are known) and says so", () => {
    const fulfilment = { [POST]: PATTERNS["Gotland, Skåne and Västra Götaland do not"]! };
    const byUnpaid = contactPayments({ key, fulfilment }, { redistribution: "unpaid-contacts" });
    expect(byUnpaid.amounts).toEqual(contactPayments({ key, fulfilment }).amounts);
    const assumed = byUnpaid.warnings.find((w) => w.code === "contacts-assumed")!.note;
    expect(render(assumed)).toContain("redistributed by population");
    expect(render(assumed, "sv")).toContain("omfördelas efter befolkning");
  });

  it("a decided amount below the 50 MSEK ceiling is paid whole among the fulfilling regions, with or without counts", () => {
    const fulfilment = { [POST]: { "01": false } };
    const decided = { [POST]: 40_000_000 };
    const without = contactPayments({ key, fulfilment, decided });
    expect(without.paid).toBe(40_000_000);
    expect(without.amounts).toEqual(
      contactPayments({ key, fulfilment, decided, contacts: huge }).amounts
    );
  });
});

/** Largest remainder in BigInt, independently of the engine: floors, then the leftover kronor by remainder, weight, code. */
function hamilton(amount: bigint, weights: Map<string, bigint>): Map<string, bigint> {
  let total = 0n;
  for (const w of weights.values()) total += w;
  const lines = [...weights].map(([code, w]) => ({
    code,
    w,
    q: (amount * w) / total,
    r: (amount * w) % total,
  }));
  let left = amount - lines.reduce((s, l) => s + l.q, 0n);
  lines.sort((a, b) =>
    a.r !== b.r
      ? b.r > a.r
        ? 1
        : -1
      : a.w !== b.w
        ? b.w > a.w
          ? 1
          : -1
        : a.code < b.code
          ? -1
          : 1
  );
  const out = new Map<string, bigint>();
  for (const l of lines) {
    out.set(l.code, l.q + (left > 0n ? 1n : 0n));
    if (left > 0n) left--;
  }
  return out;
}

it("Stockholm not fulfilling, without counts: the others keep their caps and share Stockholm's cap by population (redone in BigInt)", () => {
  const key = shippedPopulationKey();
  const pop = new Map(
    REGION_CODES.map((c) => [c, BigInt((key.figures as Record<string, number>)[c]!)])
  );
  const caps = hamilton(BigInt(BUDGET), pop);
  const others = new Map([...pop].filter(([c]) => c !== "01"));
  const extra = hamilton(caps.get("01")!, others);
  const expected = REGION_CODES.map((c) => (c === "01" ? 0 : Number(caps.get(c)! + extra.get(c)!)));
  const got = contactPayments({ key, fulfilment: { [POST]: { "01": false } } });
  expect(got.amounts).toEqual(expected);
  expect(caps.get("01")).toBe(11_508_402n); // Stockholm's cap: 50 MSEK × 2 377 081 / 10 327 589 = 11 508 402.397 (.397 gets no leftover krona)
});

it("lapse and share are rules for key posts: asked of v3-contacts they change nothing (its text redistributes)", () => {
  const key = shippedPopulationKey();
  const fulfilment = { [POST]: { "01": false } };
  const plain = contactPayments({ key, fulfilment });
  for (const nonFulfilment of ["lapse", "share", { [POST]: "lapse" }] as const) {
    const r = contactPayments({ key, fulfilment }, { nonFulfilment });
    expect(r.amounts).toEqual(plain.amounts);
    expect(r.rule).toBe("redistribute");
  }
});

it("for random keys and fulfilment: no counts = counts over every cap, and the post is paid whole when anyone fulfils", () => {
  const figuresArb = fc
    .array(fc.oneof(fc.integer({ min: 1, max: 3_000_000 }), fc.constant(0)), {
      minLength: 21,
      maxLength: 21,
    })
    .filter((xs) => xs.some((x) => x > 0));
  const flagsArb = fc.array(fc.boolean(), { minLength: 21, maxLength: 21 });
  fc.assert(
    fc.property(figuresArb, flagsArb, (xs, fs) => {
      const key = {
        figures: Object.fromEntries(REGION_CODES.map((c, i) => [c, xs[i]!])),
        date: "2019-11-01",
        source: "fast-check",
      };
      const fulfilment = { [POST]: Object.fromEntries(REGION_CODES.map((c, i) => [c, fs[i]!])) };
      const contacts = {
        contacts: Object.fromEntries(REGION_CODES.map((c) => [c, OVER_EVERY_CAP])),
      };
      const without = contactPayments({ key, fulfilment });
      expect(without.amounts).toEqual(contactPayments({ key, fulfilment, contacts }).amounts);
      const anyone = fs.some((f) => f);
      expect(without.paid).toBe(anyone ? BUDGET : 0);
      REGION_CODES.forEach((_, i) => {
        if (!fs[i]) expect(without.amounts[i]).toBe(0);
      });
    }),
    { numRuns: 100 }
  );
});
