import fc from "fast-check";
import { AGREEMENT_2020 } from "../../src/agreements";
import {
  ComputeInputs,
  ComputeOptions,
  ComputeResult,
  REGION_CODES,
  RedistributionKey,
  Weight,
  allocate,
  compute,
} from "../../src/engine";

/**
 * Properties of the allocation and of the whole 2020 result on random inputs. Every check is
 * redone here with BigInt integers, independently of the engine's decimal.js arithmetic.
 */
const RUNS = 200;
const COMPUTE_RUNS = 100; // compute() is run 2–3 times per case

// ---------------------------------------------------------------------------------------------
// allocate

/** A weight as a decimal string with 0–4 places, and the same weight as an integer in 1/10 000. */
const weightArb = fc
  .tuple(fc.nat({ max: 50_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, places]) => {
    const digits = String(n).padStart(places + 1, "0");
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return { text, scaled: BigInt(n) * 10n ** BigInt(4 - places) };
  });

const allocationArb = fc
  .record({
    amount: fc.oneof(fc.nat({ max: 1_000 }), fc.nat({ max: 1_000_000_000 })),
    weights: fc.array(weightArb, { minLength: 1, maxLength: 25 }),
  })
  .filter(({ weights }) => weights.some((w) => w.scaled > 0n))
  .map(({ amount, weights }) => ({
    amount,
    weights: weights.map((w, i) => ({
      id: `r${String(i).padStart(2, "0")}`,
      weight: w.text,
      scaled: w.scaled,
    })),
  }));

/** floor(amount × w / Σw) and the remainder, in BigInt. */
function quota(
  amount: number,
  scaled: bigint,
  total: bigint
): { floor: bigint; remainder: bigint } {
  const num = BigInt(amount) * scaled;
  return { floor: num / total, remainder: num % total };
}

describe("allocate: properties", () => {
  it("the parts add up exactly, and each is the floor or floor + 1 of the exact quota", () => {
    fc.assert(
      fc.property(allocationArb, ({ amount, weights }) => {
        const a = allocate(amount, weights);
        const total = weights.reduce((s, w) => s + w.scaled, 0n);
        expect(a.lines.reduce((s, l) => s + l.amount, 0)).toBe(amount);
        a.lines.forEach((line, i) => {
          const q = quota(amount, weights[i]!.scaled, total);
          expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(BigInt(line.floor)).toBe(q.floor);
          expect(BigInt(line.amount) - q.floor).toBe(BigInt(line.roundedUp));
          // An exact quota never gets an extra krona; a zero weight never gets anything.
          if (q.remainder === 0n) expect(line.roundedUp).toBe(0);
          if (weights[i]!.scaled === 0n) expect(line.amount).toBe(0);
        });
      }),
      { numRuns: RUNS }
    );
  });

  it("the extra kronor go to the largest remainders, then the larger weight, then the lower id", () => {
    fc.assert(
      fc.property(allocationArb, ({ amount, weights }) => {
        const a = allocate(amount, weights);
        const total = weights.reduce((s, w) => s + w.scaled, 0n);
        const ranked = weights
          .map((w) => ({
            id: w.id,
            scaled: w.scaled,
            remainder: quota(amount, w.scaled, total).remainder,
          }))
          .sort((x, y) =>
            x.remainder !== y.remainder
              ? y.remainder > x.remainder
                ? 1
                : -1
              : x.scaled !== y.scaled
                ? y.scaled > x.scaled
                  ? 1
                  : -1
                : x.id < y.id
                  ? -1
                  : 1
          );
        const leftover = a.lines.reduce((s, l) => s + l.roundedUp, 0);
        const winners = new Set(ranked.slice(0, leftover).map((r) => r.id));
        for (const line of a.lines) expect(line.roundedUp === 1).toBe(winners.has(line.id));
      }),
      { numRuns: RUNS }
    );
  });

  it("permuting the input order changes nothing", () => {
    fc.assert(
      fc.property(
        allocationArb.chain((x) =>
          fc.tuple(
            fc.constant(x),
            fc.shuffledSubarray(x.weights, {
              minLength: x.weights.length,
              maxLength: x.weights.length,
            })
          )
        ),
        ([{ amount, weights }, shuffled]) => {
          const byId = (ws: Weight[]) =>
            Object.fromEntries(allocate(amount, ws).lines.map((l) => [l.id, l.amount]));
          expect(byId(shuffled)).toEqual(byId(weights));
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("adds up for any finite double weights too (JavaScript numbers as Excel passes them)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000_000 }),
        fc
          .array(fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }), {
            minLength: 1,
            maxLength: 25,
          })
          .filter((ws) => ws.some((w) => w > 0)),
        (amount, ws) => {
          const a = allocate(
            amount,
            ws.map((w, i) => ({ id: `r${i}`, weight: w }))
          );
          expect(a.lines.reduce((s, l) => s + l.amount, 0)).toBe(amount);
          for (const l of a.lines)
            expect(l.amount === l.floor || l.amount === l.floor + 1).toBe(true);
        }
      ),
      { numRuns: RUNS }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// compute

const REGIONAL = AGREEMENT_2020.posts.filter((p) => p.recipient === "regions");
const POPULATION_POSTS = REGIONAL.filter((p) => p.key.type === "key").map((p) => p.id); // v1, v2, v3, v4
const CONTACT_POST = REGIONAL.find((p) => p.key.type === "per-unit")!;
const UNIT = CONTACT_POST.key.type === "per-unit" ? CONTACT_POST.key.unitAmount : 0;

/** 21 figures; some regions tiny or empty, at least one not. */
const keyArb = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 10_000, max: 2_500_000 }) },
      { weight: 1, arbitrary: fc.nat({ max: 100 }) }
    ),
    {
      minLength: 21,
      maxLength: 21,
    }
  )
  .filter((xs) => xs.some((x) => x > 0))
  .map((xs) => Object.fromEntries(REGION_CODES.map((c, i) => [c, xs[i]!])));

/** Per regional post, per region: mostly fulfilled. */
const fulfilmentArb = fc
  .record(
    Object.fromEntries(
      REGIONAL.map((p) => [
        p.id,
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: fc.constant(true) },
            { weight: 1, arbitrary: fc.constant(false) }
          ),
          { minLength: 21, maxLength: 21 }
        ),
      ])
    ) as Record<string, fc.Arbitrary<boolean[]>>
  )
  .map((byPost) =>
    Object.fromEntries(
      Object.entries(byPost).map(([id, flags]) => [
        id,
        Object.fromEntries(REGION_CODES.map((c, i) => [c, flags[i]!])),
      ])
    )
  );

/** Contacts: 3 000 kr each, so 0–2 000 is mostly under the caps and up to 20 000 mostly over. */
const contactsArb = fc.option(
  fc
    .array(fc.oneof(fc.nat({ max: 2_000 }), fc.nat({ max: 20_000 }), fc.constant(0)), {
      minLength: 21,
      maxLength: 21,
    })
    .map((xs) => Object.fromEntries(REGION_CODES.map((c, i) => [c, xs[i]!]))),
  { freq: 4 }
);

const caseArb = fc.record({
  figures: keyArb,
  fulfilment: fulfilmentArb,
  contacts: contactsArb,
  redistribution: fc.constantFrom<RedistributionKey>("population", "unpaid-contacts"),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function inputsOf(c: Case): ComputeInputs {
  return {
    key: { figures: c.figures, date: "2019-11-01", source: "fast-check" },
    fulfilment: c.fulfilment,
    ...(c.contacts ? { contacts: { contacts: c.contacts } } : {}),
  };
}
function run(c: Case, options: ComputeOptions = {}): ComputeResult {
  return compute(AGREEMENT_2020, inputsOf(c), { redistribution: c.redistribution, ...options });
}
const payments = (r: ComputeResult, id: string) =>
  Object.fromEntries(
    r.posts.find((p) => p.post.id === id)!.payments.map((x) => [x.recipient, x.amount])
  );
const fulfils = (c: Case, post: string, code: string) => c.fulfilment[post]![code] !== false;

describe("compute: properties of the whole 2020 result", () => {
  it("every post's payments + unpaid = its budget; total + unpaid = 944 000 000; all whole kronor", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom<"lapse" | "share" | undefined>("lapse", "share", undefined),
        (c, rule) => {
          const r = run(c, rule ? { nonFulfilment: rule } : {});
          let unpaid = 0;
          for (const p of r.posts) {
            for (const x of p.payments) {
              expect(Number.isSafeInteger(x.amount)).toBe(true);
              expect(x.amount).toBeGreaterThanOrEqual(0);
            }
            expect(p.payments.reduce((s, x) => s + x.amount, 0) + p.unpaid).toBe(p.budget);
            expect(p.paid + p.unpaid).toBe(p.budget);
            unpaid += p.unpaid;
          }
          expect(r.total + unpaid).toBe(944_000_000);
          expect(r.total + r.unpaid.reduce((s, u) => s + u.amount, 0)).toBe(944_000_000);
          expect(r.byRegion.reduce((s, x) => s + x.amount, 0)).toBe(
            r.byRecipient.find((x) => x.recipient === "regions")!.amount
          );
          expect(r.byPayoutDate.reduce((s, x) => s + x.amount, 0)).toBe(r.total);
          // The fixed posts never change.
          for (const p of r.posts.filter((x) => x.post.recipient !== "regions"))
            expect(p.paid).toBe(p.post.amount);
        }
      ),
      { numRuns: COMPUTE_RUNS }
    );
  });

  it("contact money: caps hold before redistribution, never more than contacts × 3 000, unpaid only when nobody is owed", () => {
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.contacts !== null),
        (c) => {
          const r = run(c);
          const m = r.posts.find((p) => p.post.id === CONTACT_POST.id)!.contacts!;
          const caps = Object.fromEntries(m.caps.lines.map((l) => [l.id, l.amount]));
          expect(Object.values(caps).reduce((s, x) => s + x, 0)).toBe(CONTACT_POST.amount);
          let owedAfter = 0;
          for (const code of REGION_CODES) {
            const earned = fulfils(c, CONTACT_POST.id, code) ? c.contacts![code]! * UNIT : 0;
            expect(m.earned[code]).toBe(earned);
            expect(m.firstPayment[code]).toBe(Math.min(earned, caps[code]!));
            expect(m.paid[code]).toBeGreaterThanOrEqual(m.firstPayment[code]!);
            expect(m.paid[code]).toBeLessThanOrEqual(earned);
            // A region under its cap gets exactly what it earned, nothing redistributed.
            if (earned <= caps[code]!) expect(m.paid[code]).toBe(earned);
            owedAfter += earned - m.paid[code]!;
          }
          // Money stays unpaid only when every region has been paid all it earned.
          if (m.unpaid > 0) expect(owedAfter).toBe(0);
          // Each round hands out what is left, and nobody takes more than they were allocated.
          for (const round of m.rounds) {
            for (const line of round.allocation.lines)
              expect(round.taken[line.id]).toBeLessThanOrEqual(line.amount);
          }
        }
      ),
      { numRuns: COMPUTE_RUNS }
    );
  });

  it("lapse: nothing is paid for a condition not fulfilled; the others keep their full-key share; lapse total = budget − lapsed shares", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c, { nonFulfilment: "lapse" });
        const everyone = run({ ...c, fulfilment: {} }, { nonFulfilment: "lapse" });
        let lapsed = 0;
        for (const post of REGIONAL) {
          const got = payments(r, post.id);
          for (const code of REGION_CODES)
            if (!fulfils(c, post.id, code)) expect(got[code]).toBe(0);
          if (post.key.type === "per-unit") continue; // contact money is earned and redistributed, not a share: checked above and in contacts-rule
          const full = payments(everyone, post.id);
          let postLapsed = 0;
          for (const code of REGION_CODES) {
            if (fulfils(c, post.id, code)) expect(got[code]).toBe(full[code]);
            else postLapsed += full[code]!;
          }
          expect(r.posts.find((p) => p.post.id === post.id)!.paid).toBe(post.amount - postLapsed);
          lapsed += postLapsed;
        }
        const contactPost = r.posts.find((p) => p.post.id === CONTACT_POST.id)!;
        const contactUnpaid = contactPost.unpaid;
        expect(r.total).toBe(944_000_000 - lapsed - contactUnpaid);
      }),
      { numRuns: COMPUTE_RUNS }
    );
  });

  it("share: the post is paid in full when any fulfilling region has population, and nothing goes to a non-fulfilling region", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c, { nonFulfilment: "share" });
        for (const id of POPULATION_POSTS) {
          const got = payments(r, id);
          for (const code of REGION_CODES) if (!fulfils(c, id, code)) expect(got[code]).toBe(0);
          const anyone = REGION_CODES.some((code) => fulfils(c, id, code) && c.figures[code]! > 0);
          expect(r.posts.find((p) => p.post.id === id)!.paid).toBe(
            anyone ? r.posts.find((p) => p.post.id === id)!.budget : 0
          );
        }
      }),
      { numRuns: COMPUTE_RUNS }
    );
  });

  it("share vs lapse: a fulfilling region CAN get one krona less under share (largest remainder's Alabama paradox)", () => {
    // 10 kr over r0 2, r1 6, r2 9, r3 1; r0 does not fulfil.
    // lapse: all four by 2 : 6 : 9 : 1 (of 18) → 1.11, 3.33, 5, 0.56: floors 9, the one krona left
    //   goes to r3 (.56); r0's 1 lapses → r1 3, r2 5, r3 1.
    // share: r1, r2, r3 by 6 : 9 : 1 (of 16) → 3.75, 5.625, 0.625: floors 8, 2 kr left → r1 (.75),
    //   then r2 and r3 tie at .625 and r2 has the larger weight → r1 4, r2 6, r3 0.
    // So r3, which fulfils, gets 1 kr under lapse and 0 under share.
    const ws = [
      { id: "r0", weight: 2 },
      { id: "r1", weight: 6 },
      { id: "r2", weight: 9 },
      { id: "r3", weight: 1 },
    ];
    const lapse = Object.fromEntries(
      allocate(10, ws)
        .lines.filter((l) => l.id !== "r0")
        .map((l) => [l.id, l.amount])
    );
    const share = Object.fromEntries(allocate(10, ws.slice(1)).lines.map((l) => [l.id, l.amount]));
    expect(lapse).toEqual({ r1: 3, r2: 5, r3: 1 });
    expect(share).toEqual({ r1: 4, r2: 6, r3: 0 });
  });

  it("share vs lapse: a fulfilling region's exact quota never shrinks, and its kronor never fall by more than the one rounding krona", () => {
    // Largest remainder can, in principle, give a fulfilling region one krona less under `share`
    // than under `lapse`: its quota grows a little but another region's remainder may overtake
    // it. The exact quota, and hence the payment up to that krona, never falls.
    fc.assert(
      fc.property(caseArb, (c) => {
        const share = run(c, { nonFulfilment: "share" });
        const lapse = run(c, { nonFulfilment: "lapse" });
        for (const id of POPULATION_POSTS) {
          const s = share.posts.find((p) => p.post.id === id)!;
          const l = lapse.posts.find((p) => p.post.id === id)!;
          expect(s.paid).toBeGreaterThanOrEqual(l.paid);
          const sLines = new Map((s.allocation?.lines ?? []).map((x) => [x.id, x]));
          for (const line of l.allocation!.lines) {
            if (!fulfils(c, id, line.id)) continue;
            const sl = sLines.get(line.id)!;
            expect(sl.exact.greaterThanOrEqualTo(line.exact)).toBe(true);
            expect(sl.amount).toBeGreaterThanOrEqual(line.amount - 1);
            expect(sl.amount).toBeGreaterThanOrEqual(line.floor);
          }
        }
      }),
      { numRuns: COMPUTE_RUNS }
    );
  });

  it("permuting the order of the key, the contacts and the fulfilment flags changes nothing", () => {
    const reversed = <T>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).reverse());
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = run(c);
        const b = run({
          ...c,
          figures: reversed(c.figures),
          contacts: c.contacts ? reversed(c.contacts) : null,
          fulfilment: reversed(
            Object.fromEntries(Object.entries(c.fulfilment).map(([k, v]) => [k, reversed(v)]))
          ),
        });
        expect(b.posts.map((p) => p.payments)).toEqual(a.posts.map((p) => p.payments));
        expect(b.unpaid).toEqual(a.unpaid);
      }),
      { numRuns: COMPUTE_RUNS }
    );
  });
});
