import { Method, allocate } from "../src/engine";
import { interleave, median } from "./interleave";

/*
 * The apportionment methods against the largest remainder, interleaved in one process: 21
 * regions and 10 000 recipients, 10^8 kronor, integer weights. The divisor methods start from
 * the divisor estimate and adjust (never one krona at a time), so their cost follows the number
 * of recipients, not the amount.
 */
const AMOUNT = 100_000_000;

function weights(n: number): { id: string; weight: number }[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  return Array.from({ length: n }, (_, i) => ({
    id: String(i).padStart(5, "0"),
    weight: next() % 2_500_000,
  }));
}

for (const n of [21, 10_000]) {
  const w = weights(n);
  const repeat = n === 21 ? 2000 : 5;
  const run = (m: Method) => () => {
    let s = 0;
    for (let r = 0; r < repeat; r++) s += allocate(AMOUNT, w, "weights", m).lines[0]!.amount;
    return s;
  };
  const t = interleave([run("hamilton"), run("sainte-lague"), run("dhondt")], 15);
  const ms = (i: number) => ((median(t.seconds[i]!) / repeat) * 1000).toFixed(3);
  const ratio = (i: number) =>
    median(t.seconds[i]!.map((s, r) => s / t.seconds[0]![r]!)).toFixed(2);
  console.log(
    `${n} recipients, ${AMOUNT} kr: hamilton ${ms(0)} ms, sainte-lague ${ms(1)} ms (${ratio(1)}×), dhondt ${ms(2)} ms (${ratio(2)}×) per allocate (CPU, median of 15 interleaved rounds)`
  );
}
