/**
 * Benchmark (not a test): scale. An agreement of 290 recipients (a synthetic municipality set)
 * and 100 posts — 80 split by three key columns (lapse or share), 15 per unit on two count
 * columns with caps by two key columns, 5 to bodies — computed for N scenarios, N = 10, 100,
 * 1 000 and 10 000. The cost per scenario should be flat in N: nothing is cached or kept that
 * grows with the number of scenarios.
 *
 *   npm run bench
 *   node dist/bench/scale.bench.js [rounds] [seed]
 *
 * Inputs are generated (seeded PRNG) before timing: a pool of 64 scenarios (keys, counts,
 * fulfilment), scenario i taking pool[i mod 64]. The sizes run interleaved (warm-up, then
 * 10, 100, 1 000, 10 000, 10, 100, …), timed in CPU time; the median per round is printed.
 */
import { AllocationAgreement } from "../src/agreements";
import { parseAllocationAgreement } from "../src/agreements/schema";
import { ComputeInputs, compute } from "../src/engine";
import { interleave, median } from "./interleave";

const ROUNDS = Number(process.argv[2] ?? 3);
const SEED = Number(process.argv[3] ?? 290);
const SIZES = [10, 100, 1_000, 10_000];
const MEMBERS = 290;
const POOL = 64;

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
const rnd = prng(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const codes = Array.from({ length: MEMBERS }, (_, i) => `K${String(i + 1).padStart(3, "0")}`);
const KEY_COLUMNS = ["population", "elderly", "area"];
const UNIT_COLUMNS = ["visits", "placements"];

function agreement(): AllocationAgreement {
  const text = (s: string) => ({ sv: s, en: s });
  const posts: Record<string, unknown>[] = [];
  const base = { condition: 1, atMost: false, payoutDate: "2025-01-31", reportDue: [], page: 1 };
  for (let i = 0; i < 80; i++)
    posts.push({
      ...base,
      id: `k${i}`,
      title: text(`Key post ${i}`),
      recipient: "municipalities",
      amount: int(1_000_000, 50_000_000),
      key: { type: "key", column: KEY_COLUMNS[i % 3] },
      nonFulfilment: i % 2 ? "share" : "lapse",
    });
  for (let i = 0; i < 15; i++)
    posts.push({
      ...base,
      id: `u${i}`,
      title: text(`Per-unit post ${i}`),
      recipient: "municipalities",
      amount: int(1_000_000, 30_000_000),
      atMost: true,
      key: {
        type: "per-unit",
        unitAmount: int(500, 5_000),
        unit: text("unit"),
        column: UNIT_COLUMNS[i % 2],
        cap: { type: "key-share", column: KEY_COLUMNS[i % 2] },
      },
      nonFulfilment: "redistribute",
    });
  for (let i = 0; i < 5; i++)
    posts.push({
      ...base,
      id: `b${i}`,
      title: text(`Body post ${i}`),
      recipient: i % 2 ? "SKR" : "government",
      amount: int(100_000, 5_000_000),
      key: { type: "fixed" },
      ...(i % 2 ? { requiresFulfilment: true } : {}),
    });
  const total = posts.reduce((s, p) => s + (p.amount as number), 0);
  return parseAllocationAgreement(
    {
      id: "scale-290x100",
      kind: "allocation",
      title: text("Scale benchmark"),
      parties: "synthetic",
      signed: "2024-06-01",
      source: "bench/scale.bench.ts",
      total,
      keyColumn: "population",
      keyDate: "2024-01-01",
      keyDescription: text("synthetic"),
      recipients: {
        id: "municipalities",
        name: text("Municipalities"),
        members: codes.map((code) => ({ code, name: `Municipality ${code}` })),
      },
      bodies: [
        { id: "SKR", name: text("SKR") },
        { id: "government", name: text("Government") },
      ],
      posts,
    },
    "scale agreement"
  );
}

function scenario(): ComputeInputs {
  const column = (lo: number, hi: number) => Object.fromEntries(codes.map((c) => [c, int(lo, hi)]));
  const key = (figures: Record<string, number>) => ({ figures, date: "2024-01-01", source: "synthetic" });
  const flags = () => Object.fromEntries(codes.map((c) => [c, rnd() > 0.05]));
  return {
    key: key(column(2_000, 900_000)),
    keys: { elderly: key(column(100, 50_000)), area: key(column(10, 20_000)) },
    units: { visits: column(0, 2_000), placements: column(0, 300) },
    fulfilment: { k0: flags(), k1: flags(), k7: flags(), u0: flags(), u3: flags(), b1: { SKR: rnd() > 0.5 } },
  };
}

function main(): void {
  const a = agreement();
  const pool = Array.from({ length: POOL }, scenario);
  console.log(`SJUK scale benchmark: ${MEMBERS} recipients × ${a.posts.length} posts, N scenarios (a pool of ${POOL}), ${ROUNDS} interleaved rounds, CPU time`);
  console.log(`node ${process.version}`);
  const runs = SIZES.map((n) => () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += compute(a, pool[i % POOL]!).total;
    return s;
  });
  const { seconds } = interleave(runs, ROUNDS);
  const perScenario = seconds.map((xs, i) => xs.map((x) => (x / SIZES[i]!) * 1e3));
  const base = median(perScenario[0]!);
  SIZES.forEach((n, i) => {
    const xs = perScenario[i]!;
    console.log(
      `N = ${String(n).padStart(6)}: ${median(xs).toFixed(3)} ms per scenario (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}), ${(median(xs) / base).toFixed(2)}× the cost at N = 10`
    );
  });
}

main();
