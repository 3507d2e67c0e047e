/**
 * Benchmark (not a test): the whole 2020 result for 10 000 random keys and contact counts, with
 * the exact engine and with a naive floating-point version of the same computation written
 * below as the baseline. Prints results per second for each and the ratio.
 *
 *   npm run bench                       (builds with bench/tsconfig.json, then runs)
 *   node dist/bench/engine.bench.js [cases] [repeats] [seed]
 *
 * Every input is generated (seeded PRNG) before any timing starts. Each timed pass computes
 * every case once; the best of `repeats` passes is reported, after a warm-up pass.
 */
import { AGREEMENT_2020 } from "../src/agreements";
import type { AllocationAgreement } from "../src/agreements/schema";
import { ComputeInputs, REGION_CODES, RedistributionKey, compute } from "../src/engine";
import { shippedPopulationKey } from "../src/reference/population";

const CASES = Number(process.argv[2] ?? 10_000);
const REPEATS = Number(process.argv[3] ?? 3);
const SEED = Number(process.argv[4] ?? 20200127);

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  figures: Record<string, number>;
  contacts: Record<string, number>;
  redistribution: RedistributionKey;
}

/** Keys around the shipped SCB figures (±50 %), contacts from none to far over every cap. */
function generate(n: number, seed: number): Case[] {
  const rnd = prng(seed);
  const base = shippedPopulationKey().figures as Record<string, number>;
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    const figures: Record<string, number> = {};
    const contacts: Record<string, number> = {};
    for (const code of REGION_CODES) {
      figures[code] = Math.round(base[code]! * (0.5 + rnd()));
      // Caps are 50 MSEK × share ≈ 0.3–11 MSEK, i.e. ≈ 100–4 000 contacts; draw 0–3 000 for half
      // the regions and 0–12 000 for the others, so every case has regions under and over.
      contacts[code] = Math.floor(rnd() * (rnd() < 0.5 ? 3_000 : 12_000));
    }
    cases.push({ figures, contacts, redistribution: rnd() < 0.5 ? "population" : "unpaid-contacts" });
  }
  return cases;
}

// -------------------------------------------------------------------------------------------
// The naive floating-point baseline: the same posts, the same caps and redistribution rounds,
// in plain numbers with Math.round shares. Its parts need not add up — that is the point.

interface FloatResult {
  total: number;
  posts: { id: string; payments: number[]; unpaid: number }[];
  byRecipient: Map<string, number>;
  byPayoutDate: Map<string, number>;
  byRegion: number[];
}

function floatCompute(agreement: AllocationAgreement, figures: Record<string, number>, contacts: Record<string, number>, key: RedistributionKey): FloatResult {
  const pop = REGION_CODES.map((c) => figures[c]!);
  const popTotal = pop.reduce((s, x) => s + x, 0);
  const posts: FloatResult["posts"] = [];
  for (const post of agreement.posts) {
    if (post.recipient !== "regions") {
      posts.push({ id: post.id, payments: [post.amount], unpaid: 0 });
    } else if (post.key.type === "per-unit") {
      const unit = post.key.unitAmount;
      const caps = pop.map((p) => Math.round((post.amount * p) / popTotal));
      const earned = REGION_CODES.map((c) => contacts[c]! * unit);
      const paid = earned.map((e, i) => Math.min(e, caps[i]!));
      const owed = earned.map((e, i) => e - paid[i]!);
      let pool = post.amount - paid.reduce((s, x) => s + x, 0);
      for (;;) {
        const eligible: number[] = [];
        for (let i = 0; i < owed.length; i++) if (owed[i]! > 0) eligible.push(i);
        if (pool < 1 || eligible.length === 0) break;
        let weights = eligible.map((i) => (key === "population" ? pop[i]! : owed[i]!));
        if (weights.every((w) => w === 0)) weights = eligible.map((i) => owed[i]!);
        const wTotal = weights.reduce((s, x) => s + x, 0);
        let taken = 0;
        eligible.forEach((i, j) => {
          const take = Math.min(Math.round((pool * weights[j]!) / wTotal), owed[i]!);
          paid[i]! += take;
          owed[i]! -= take;
          taken += take;
        });
        pool -= taken;
        if (taken === 0) break; // rounding left less than a krona per region
      }
      posts.push({ id: post.id, payments: paid, unpaid: pool });
    } else {
      const payments = pop.map((p) => Math.round((post.amount * p) / popTotal));
      posts.push({ id: post.id, payments, unpaid: post.amount - payments.reduce((s, x) => s + x, 0) });
    }
  }
  const byRecipient = new Map<string, number>();
  const byPayoutDate = new Map<string, number>();
  const byRegion = REGION_CODES.map(() => 0);
  let total = 0;
  agreement.posts.forEach((post, i) => {
    const paid = posts[i]!.payments.reduce((s, x) => s + x, 0);
    total += paid;
    byRecipient.set(post.recipient, (byRecipient.get(post.recipient) ?? 0) + paid);
    byPayoutDate.set(post.payoutDate, (byPayoutDate.get(post.payoutDate) ?? 0) + paid);
    if (post.recipient === "regions") posts[i]!.payments.forEach((x, r) => (byRegion[r]! += x));
  });
  return { total, posts, byRecipient, byPayoutDate, byRegion };
}

// -------------------------------------------------------------------------------------------

function time(label: string, pass: () => number): number {
  pass(); // warm-up
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = process.hrtime.bigint();
    pass();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const perSecond = CASES / best;
  console.log(`${label.padEnd(34)} ${best.toFixed(3).padStart(8)} s per ${CASES} results  ${perSecond.toFixed(0).padStart(9)} results/s`);
  return perSecond;
}

function main(): void {
  const cases = generate(CASES, SEED);
  const inputs: { inputs: ComputeInputs; redistribution: RedistributionKey }[] = cases.map((c) => ({
    inputs: { key: { figures: c.figures, date: "2019-11-01", source: "benchmark" }, contacts: { contacts: c.contacts } },
    redistribution: c.redistribution,
  }));
  console.log(`SJUK engine benchmark: the whole 2020 result (${AGREEMENT_2020.posts.length} posts, 21 regions), ${CASES} random keys and contact counts, seed ${SEED}, best of ${REPEATS}`);
  console.log(`node ${process.version}`);

  let sink = 0;
  const exact = time("exact engine (compute)", () => {
    let s = 0;
    for (const x of inputs) s += compute(AGREEMENT_2020, x.inputs, { redistribution: x.redistribution }).total;
    sink += s;
    return s;
  });
  const float = time("naive floating point (baseline)", () => {
    let s = 0;
    for (const c of cases) s += floatCompute(AGREEMENT_2020, c.figures, c.contacts, c.redistribution).total;
    sink += s;
    return s;
  });
  console.log(`ratio (float results/s ÷ exact results/s): ${(float / exact).toFixed(2)}×  (goal: ≤ 3×)`);

  // What the floats get wrong, for the record.
  let notAddingUp = 0;
  let differing = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const e = compute(AGREEMENT_2020, inputs[i]!.inputs, { redistribution: c.redistribution });
    const f = floatCompute(AGREEMENT_2020, c.figures, c.contacts, c.redistribution);
    if (f.posts.some((p, j) => p.payments.reduce((s, x) => s + x, 0) + p.unpaid !== AGREEMENT_2020.posts[j]!.amount || (AGREEMENT_2020.posts[j]!.key.type === "key" && p.unpaid !== 0))) notAddingUp++;
    if (f.byRegion.some((x, r) => x !== e.byRegion[r]!.amount)) differing++;
  }
  console.log(`float baseline: ${notAddingUp} of ${CASES} results have a population post whose parts do not add up to it; ${differing} differ from the exact result for some region`);
  if (sink === 0) console.log("(sink)");
}

main();
