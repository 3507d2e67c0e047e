/**
 * Benchmark (not a test): a key range read by the functions (keyArg) and computed, with whole
 * figures passed to the engine as plain numbers (now) against the same figures as Decimals (as
 * the functions passed them before). The two are interleaved in one process (A B A B …) and the
 * median of the per-round ratios is printed, since single runs swing on a busy machine.
 *
 *   npm run bench                 (builds with bench/tsconfig.json, then runs every benchmark)
 *   node dist/bench/figures.bench.js [cases] [rounds]
 */
import { AGREEMENT_2020 } from "../src/agreements";
import { Decimal } from "../src/core/decimal";
import { ComputeInputs, REGIONS, compute } from "../src/engine";
import { keyArg } from "../src/functions/arguments";
import { shippedPopulationKey } from "../src/reference/population";

const CASES = Number(process.argv[2] ?? 2_000);
const ROUNDS = Number(process.argv[3] ?? 9);

const base = shippedPopulationKey().figures as Record<string, number>;
/** Key columns as a sheet hands them over: 21 whole figures in county-code order. */
const ranges = Array.from({ length: CASES }, (_, i) =>
  REGIONS.map((r, j) => [Math.round(base[r.code]! * (0.5 + ((i * 31 + j * 17) % 100) / 100))])
);

const asNumbers = (range: number[][]): ComputeInputs => ({ key: keyArg(range) });
const asDecimals = (range: number[][]): ComputeInputs => {
  const key = keyArg(range);
  const figures = Object.fromEntries(
    Object.entries(key.figures).map(([code, f]) => [code, new Decimal(f)])
  );
  return { key: { ...key, figures } };
};

function pass(make: (range: number[][]) => ComputeInputs): number {
  const start = process.hrtime.bigint();
  let total = 0;
  for (const range of ranges) total += compute(AGREEMENT_2020, make(range)).total;
  if (total !== CASES * 944_000_000) throw new Error(`the results do not add up: ${total}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

pass(asNumbers);
pass(asDecimals);
const ratios: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const numbers = pass(asNumbers);
  const decimals = pass(asDecimals);
  ratios.push(decimals / numbers);
  console.log(
    `round ${i + 1}: numbers ${numbers.toFixed(0)} ms, Decimals ${decimals.toFixed(0)} ms (${(decimals / numbers).toFixed(2)}×)`
  );
}
ratios.sort((a, b) => a - b);
console.log(
  `${CASES} key ranges through keyArg and compute, ${ROUNDS} interleaved rounds: Decimals take ${ratios[Math.floor(ROUNDS / 2)]!.toFixed(2)}× the time of plain numbers (median)`
);
