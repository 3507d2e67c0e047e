/**
 * Benchmark (not a test): the whole 2020 result for 10 000 random keys and contact counts, by
 * the exact engine (compute) against two baselines written below:
 *  - a typed-array integer largest-remainder version doing the same work (the same Hamilton
 *    split with the same tie-break, the same caps and redistribution rounds, the same sums) with
 *    nothing else: the physical limit of this work;
 *  - a naive floating-point version (Math.round shares), whose parts do not add up.
 *
 *   npm run bench                       (builds with bench/tsconfig.json, then runs)
 *   node dist/bench/engine.bench.js [cases] [rounds] [seed]
 *
 * Every input is generated (seeded PRNG) before any timing starts. The three run interleaved in
 * one process (warm-up, then A B C A B C …); each round's ratio is taken and the median and
 * min–max printed.
 */
import { AGREEMENT_2020 } from "../src/agreements";
import type { AllocationAgreement } from "../src/agreements/schema";
import { ComputeInputs, REGION_CODES, RedistributionKey, compute } from "../src/engine";
import { interleave, median, ratio } from "./interleave";
import { shippedPopulationKey } from "../src/reference/population";

const CASES = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 9);
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
    cases.push({
      figures,
      contacts,
      redistribution: rnd() < 0.5 ? "population" : "unpaid-contacts",
    });
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

function floatCompute(
  agreement: AllocationAgreement,
  figures: Record<string, number>,
  contacts: Record<string, number>,
  key: RedistributionKey
): FloatResult {
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
      posts.push({
        id: post.id,
        payments,
        unpaid: post.amount - payments.reduce((s, x) => s + x, 0),
      });
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
// The integer baseline: the same money as compute() in typed arrays and nothing else (no
// validation, no result objects, no audit, no BigInt fallback: every product here stays below
// 2^53 for these inputs).

const N = REGION_CODES.length;
const rem = new Float64Array(N);
const order = new Int32Array(N);
const floors = new Float64Array(N);
const weights = new Float64Array(N);
const index = new Int32Array(N);
const ids: string[] = new Array<string>(N).fill("");

/** Largest remainder into `floors`, leftover kronor added; ties by larger weight, then lower code. */
function split(
  amount: number,
  w: Float64Array,
  n: number,
  total: number,
  codes: readonly string[]
): void {
  let handed = 0;
  for (let i = 0; i < n; i++) {
    const num = amount * w[i]!;
    let q = Math.floor(num / total);
    let r = num - q * total;
    if (r < 0) {
      q -= 1;
      r += total;
    } else if (r >= total) {
      q += 1;
      r -= total;
    }
    floors[i] = q;
    rem[i] = r;
    handed += q;
  }
  for (let i = 0; i < n; i++) {
    const ri = rem[i]!;
    const wi = w[i]!;
    let j = i;
    while (j > 0) {
      const k = order[j - 1]!;
      if (rem[k]! > ri || (rem[k] === ri && (w[k]! > wi || (w[k] === wi && codes[k]! < codes[i]!))))
        break;
      order[j] = k;
      j--;
    }
    order[j] = i;
  }
  for (let p = 0; p < amount - handed; p++) floors[order[p]!]! += 1;
}

interface BaselineResult {
  total: number;
  byRegion: Float64Array;
  byRecipient: Float64Array;
  byDate: Float64Array;
}

const POSTS = AGREEMENT_2020.posts.map((p) => ({
  amount: p.amount,
  kind: p.recipient !== "regions" ? 0 : p.key.type === "per-unit" ? 2 : 1,
  unit: p.key.type === "per-unit" ? p.key.unitAmount : 0,
  recipient: [...new Set(AGREEMENT_2020.posts.map((x) => x.recipient))].indexOf(p.recipient),
  date: [...new Set(AGREEMENT_2020.posts.map((x) => x.payoutDate))].indexOf(p.payoutDate),
}));

function integerCompute(
  figures: Record<string, number>,
  contacts: Record<string, number>,
  key: RedistributionKey
): BaselineResult {
  const pop = new Float64Array(N);
  const cnt = new Float64Array(N);
  let popSum = 0;
  for (let i = 0; i < N; i++) {
    popSum += pop[i] = figures[REGION_CODES[i]!]!;
    cnt[i] = contacts[REGION_CODES[i]!]!;
  }
  const out: BaselineResult = {
    total: 0,
    byRegion: new Float64Array(N),
    byRecipient: new Float64Array(5),
    byDate: new Float64Array(3),
  };
  const paid = new Float64Array(N);
  const owed = new Float64Array(N);
  for (const post of POSTS) {
    let postPaid = post.amount;
    if (post.kind === 1) {
      split(post.amount, pop, N, popSum, REGION_CODES);
      for (let i = 0; i < N; i++) out.byRegion[i]! += floors[i]!;
    } else if (post.kind === 2) {
      split(post.amount, pop, N, popSum, REGION_CODES);
      let pool = post.amount;
      let owing = 0;
      for (let i = 0; i < N; i++) {
        const earned = cnt[i]! * post.unit;
        const first = earned < floors[i]! ? earned : floors[i]!;
        paid[i] = first;
        pool -= first;
        owed[i] = earned - first;
        if (owed[i]! > 0) owing++;
      }
      while (pool > 0 && owing > 0) {
        let m = 0;
        let total = 0;
        for (let i = 0; i < N; i++)
          if (owed[i]! > 0) {
            index[m] = i;
            ids[m] = REGION_CODES[i]!;
            total += weights[m] = key === "population" ? pop[i]! : owed[i]!;
            m++;
          }
        if (total === 0) for (let k = 0; k < m; k++) total += weights[k] = owed[index[k]!]!;
        split(pool, weights, m, total, ids);
        for (let k = 0; k < m; k++) {
          const i = index[k]!;
          const take = floors[k]! < owed[i]! ? floors[k]! : owed[i]!;
          paid[i]! += take;
          pool -= take;
          owed[i]! -= take;
          if (owed[i] === 0) owing--;
        }
      }
      postPaid = post.amount - pool;
      for (let i = 0; i < N; i++) out.byRegion[i]! += paid[i]!;
    }
    out.total += postPaid;
    out.byRecipient[post.recipient]! += postPaid;
    out.byDate[post.date]! += postPaid;
  }
  return out;
}

// -------------------------------------------------------------------------------------------

function main(): void {
  const cases = generate(CASES, SEED);
  const inputs: ComputeInputs[] = cases.map((c) => ({
    key: { figures: c.figures, date: "2019-11-01", source: "benchmark" },
    contacts: { contacts: c.contacts },
  }));
  console.log(
    `SJUK engine benchmark: the whole 2020 result (${AGREEMENT_2020.posts.length} posts, 21 regions), ${CASES} random keys and contact counts, seed ${SEED}, ${ROUNDS} interleaved rounds`
  );
  console.log(`node ${process.version}`);

  // The same money, checked before timing: the integer baseline must agree with compute() to the krona.
  let disagree = 0;
  let notAddingUp = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const e = compute(AGREEMENT_2020, inputs[i]!, { redistribution: c.redistribution });
    const b = integerCompute(c.figures, c.contacts, c.redistribution);
    if (b.total !== e.total || e.byRegion.some((x, r) => x.amount !== b.byRegion[r])) disagree++;
    const f = floatCompute(AGREEMENT_2020, c.figures, c.contacts, c.redistribution);
    if (
      f.posts.some(
        (p, j) =>
          p.payments.reduce((s, x) => s + x, 0) + p.unpaid !== AGREEMENT_2020.posts[j]!.amount ||
          (AGREEMENT_2020.posts[j]!.key.type === "key" && p.unpaid !== 0)
      )
    )
      notAddingUp++;
  }
  console.log(
    `integer baseline: ${disagree} of ${CASES} results differ from compute() (must be 0)`
  );
  console.log(
    `float baseline: ${notAddingUp} of ${CASES} results have a population post whose parts do not add up to it`
  );

  const { seconds, wall } = interleave(
    [
      () => {
        let s = 0;
        for (let i = 0; i < cases.length; i++) {
          const r = compute(AGREEMENT_2020, inputs[i]!, {
            redistribution: cases[i]!.redistribution,
          });
          // What the baseline computes: the total and the sums per recipient, date and region.
          s +=
            r.total + r.byRecipient[0]!.amount + r.byPayoutDate[0]!.amount + r.byRegion[0]!.amount;
        }
        return s;
      },
      () => {
        let s = 0;
        for (const c of cases) {
          const r = integerCompute(c.figures, c.contacts, c.redistribution);
          s += r.total + r.byRecipient[0]! + r.byDate[0]! + r.byRegion[0]!;
        }
        return s;
      },
      () => {
        let s = 0;
        for (const c of cases)
          s += floatCompute(AGREEMENT_2020, c.figures, c.contacts, c.redistribution).total;
        return s;
      },
    ],
    ROUNDS
  );
  const [exact, integer, float] = seconds as [number[], number[], number[]];
  const perSecond = (xs: number[]) => `${(CASES / median(xs)).toFixed(0).padStart(8)} results/s`;
  console.log(`exact engine (compute)            ${perSecond(exact)}`);
  console.log(`integer typed-array baseline      ${perSecond(integer)}`);
  console.log(`naive floating point              ${perSecond(float)}`);
  console.log(
    `compute ÷ integer baseline: ${ratio(exact, integer)}  (goal ≤ 1.5×; median and min–max over rounds)`
  );
  console.log(`compute ÷ naive float:      ${ratio(exact, float)}`);
  console.log(
    `(CPU time of this process; by wall clock: ${ratio(wall[0]!, wall[1]!)} and ${ratio(wall[0]!, wall[2]!)})`
  );
}

main();
