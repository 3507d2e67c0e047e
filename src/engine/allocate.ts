import { Decimal, DecimalInput } from "./decimal";
import { ProblemList } from "./errors";
import { Kronor, toKronor } from "./money";

export interface Weight {
  /** The recipient's code: breaks ties and names the recipient in errors. */
  id: string;
  weight: DecimalInput;
}

/** One recipient's line of an allocation: everything an auditor needs to redo it by hand. */
export interface AllocationLine {
  id: string;
  weight: Decimal;
  /** weight / sum of weights, exact to 64 digits. */
  share: Decimal;
  /** amount × share before rounding. */
  exact: Decimal;
  /** The whole kronor below `exact`. */
  floor: Kronor;
  /** Place in the remainder order (1 = largest remainder); the first `leftover` places get a krona. */
  rank: number;
  /** 1 when this line received one of the leftover kronor, else 0. */
  roundedUp: 0 | 1;
  amount: Kronor;
}

export interface Allocation {
  amount: Kronor;
  totalWeight: Decimal;
  /** Kronor left after every line took its floor, handed out one each by remainder. */
  leftover: number;
  lines: AllocationLine[];
}

/**
 * Splits a whole-kronor amount over non-negative weights by the largest remainder (Hamilton)
 * method. Every line first gets the whole kronor below its exact quota; the kronor left over go
 * one each to the largest remainders. Equal remainders: larger weight first, then the lower id.
 * The order of `weights` never matters and the parts always add up to `amount`.
 *
 * The remainders are compared exactly: weights are scaled to integers, so each quota is an
 * integer division whose remainder is an integer too.
 */
export function allocate(amount: DecimalInput, weights: readonly Weight[], what = "weights"): Allocation {
  const problems = new ProblemList();
  let total: Decimal;
  try {
    total = new Decimal(amount);
  } catch {
    total = new Decimal(NaN);
  }
  // -0 is zero, not negative.
  if (!total.isFinite() || !total.isInteger() || (total.isNegative() && !total.isZero())) {
    problems.add(`the amount to allocate must be whole, non-negative kronor, not ${String(amount)}`);
  } else if (total.isZero()) total = new Decimal(0);
  if (weights.length === 0) problems.add(`${what}: there is nothing to allocate to (no weights)`);

  const seen = new Set<string>();
  const parsed: { id: string; weight: Decimal }[] = [];
  for (const w of weights) {
    if (seen.has(w.id)) problems.add(`${what}: ${w.id} appears twice`);
    seen.add(w.id);
    let d: Decimal;
    try {
      d = new Decimal(w.weight);
    } catch {
      problems.add(`${what}, ${w.id}: ${JSON.stringify(w.weight)} is not a number`);
      continue;
    }
    if (!d.isFinite()) problems.add(`${what}, ${w.id}: ${d.toString()} is not a finite number`);
    else if (d.isNegative() && !d.isZero()) problems.add(`${what}, ${w.id}: ${d.toString()} is negative`);
    parsed.push({ id: w.id, weight: d.isZero() ? new Decimal(0) : d });
  }
  problems.throwIfAny();

  const totalWeight = parsed.reduce((s, p) => s.plus(p.weight), new Decimal(0));
  if (totalWeight.isZero()) problems.add(`${what}: the weights add up to zero, so there is no share to take`);
  problems.throwIfAny();

  // Scale every weight to an integer so quotas and remainders are exact integer arithmetic.
  const places = Math.max(0, ...parsed.map((p) => p.weight.decimalPlaces()));
  const scale = new Decimal(10).pow(places);
  const scaledTotal = totalWeight.times(scale);

  const work = parsed.map((p) => {
    const numerator = total.times(p.weight.times(scale));
    const floor = numerator.divToInt(scaledTotal);
    return { ...p, floor, remainder: numerator.minus(floor.times(scaledTotal)) };
  });
  const handedOut = work.reduce((s, w) => s.plus(w.floor), new Decimal(0));
  const leftover = total.minus(handedOut).toNumber(); // < number of lines, so small

  const ranked = [...work].sort(
    (a, b) => b.remainder.comparedTo(a.remainder) || b.weight.comparedTo(a.weight) || compareIds(a.id, b.id),
  );
  const rankOf = new Map(ranked.map((w, i) => [w.id, i + 1]));

  const lines = work.map((w): AllocationLine => {
    const rank = rankOf.get(w.id)!;
    const roundedUp = rank <= leftover ? 1 : 0;
    return {
      id: w.id,
      weight: w.weight,
      share: w.weight.div(totalWeight),
      exact: total.times(w.weight).div(totalWeight),
      floor: toKronor(w.floor),
      rank,
      roundedUp,
      amount: toKronor(w.floor.plus(roundedUp)),
    };
  });
  return { amount: toKronor(total), totalWeight, leftover, lines };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The allocation as a map from id to kronor. */
export function amountsById(allocation: Allocation): Map<string, Kronor> {
  return new Map(allocation.lines.map((l) => [l.id, l.amount]));
}
