import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * Start-up of `sjuk compute` (node bin/sjuk.js compute > /dev/null), interleaved run by run with
 * a baseline, medians printed: the bare `node -e 0` (the floor: Node's own start), and, when
 * SJUK_BASELINE_DIR names another checkout with its dist/ built (e.g. an older commit), its
 * `sjuk compute`. Single runs swing widely on a busy machine; the interleaved medians do not.
 *
 *   npm run bench:startup                              # sjuk compute against node -e 0
 *   SJUK_BASELINE_DIR=/tmp/sjuk-old npm run bench:startup
 */
const ROOT = resolve(__dirname, "../..");
const RUNS = Number(process.env.RUNS ?? 15);

type Run = { name: string; cwd: string; args: string[] };
const runs: Run[] = [
  { name: "sjuk compute", cwd: ROOT, args: ["bin/sjuk.js", "compute"] },
  { name: "node -e 0 (floor)", cwd: ROOT, args: ["-e", "0"] },
];
if (process.env.SJUK_BASELINE_DIR)
  runs.push({
    name: `baseline sjuk compute (${process.env.SJUK_BASELINE_DIR})`,
    cwd: resolve(process.env.SJUK_BASELINE_DIR),
    args: ["bin/sjuk.js", "compute"],
  });

function timeOnce(run: Run): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, run.args, { cwd: run.cwd, stdio: ["ignore", "ignore", "pipe"] });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const times = runs.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) runs.forEach((run, r) => times[r]!.push(timeOnce(run)));
const medians = times.map(median);
runs.forEach((run, r) =>
  console.log(
    `${run.name.padEnd(40)} median ${medians[r]!.toFixed(0)} ms (min ${Math.min(...times[r]!).toFixed(0)}, max ${Math.max(...times[r]!).toFixed(0)}, ${RUNS} runs)`
  )
);
if (runs.length > 2)
  console.log(`baseline / sjuk compute: ${(medians[2]! / medians[0]!).toFixed(2)}×`);
