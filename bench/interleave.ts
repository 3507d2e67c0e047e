/**
 * Interleaved timing: on a busy machine a single best-of run swings 0.5–2.5×, so the code and
 * its baseline run in one process, alternately (A B A B …, after a warm-up of each), and the
 * ratio is taken per round; the median ratio and its min–max are what to read. Each round is
 * timed in CPU time of this process (user + system), which time spent waiting for a core on a
 * shared machine does not inflate; wall-clock seconds are kept too.
 */
export interface Interleaved {
  /** CPU seconds per round, per contender. */
  seconds: number[][];
  /** Wall-clock seconds per round, per contender. */
  wall: number[][];
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function interleave(contenders: (() => number)[], rounds: number): Interleaved {
  let sink = 0;
  for (const run of contenders) sink += run(); // warm-up
  const seconds = contenders.map(() => [] as number[]);
  const wall = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    contenders.forEach((run, i) => {
      const c0 = cpuSeconds();
      const t0 = process.hrtime.bigint();
      sink += run();
      wall[i]!.push(Number(process.hrtime.bigint() - t0) / 1e9);
      seconds[i]!.push(cpuSeconds() - c0);
    });
  }
  if (sink === 42) console.log("(sink)"); // keeps the results alive
  return { seconds, wall };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "1.23× (1.10–1.41)": the median and range of a / b per round. */
export function ratio(a: readonly number[], b: readonly number[]): string {
  const r = a.map((x, i) => x / b[i]!);
  return `${median(r).toFixed(2)}× (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)})`;
}
