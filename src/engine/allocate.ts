import { Decimal, DecimalInput } from "./decimal";
import { ProblemList, SjukError } from "./errors";
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
      // Decimals are immutable: one of ours is used as it is (no copy).
      d = w.weight instanceof Decimal ? w.weight : new Decimal(w.weight);
    } catch {
      problems.add(`${what}, ${w.id}: ${JSON.stringify(w.weight)} is not a number`);
      continue;
    }
    if (!d.isFinite()) problems.add(`${what}, ${w.id}: ${d.toString()} is not a finite number`);
    else if (d.isNegative() && !d.isZero()) problems.add(`${what}, ${w.id}: ${d.toString()} is negative`);
    parsed.push({ id: w.id, weight: d.isZero() ? ZERO : d });
  }
  problems.throwIfAny();

  // Scale every weight to an integer so quotas and remainders are exact integer arithmetic,
  // done in BigInt (exact at any size, and far cheaper than decimal.js for integers).
  let places = 0;
  for (const p of parsed) places = Math.max(places, p.weight.decimalPlaces());
  const scale = places === 0 ? null : new Decimal(10).pow(places);
  const scaled = parsed.map((p) => BigInt((scale ? p.weight.times(scale) : p.weight).toFixed(0)));
  let scaledTotal = 0n;
  for (const w of scaled) scaledTotal += w;
  if (scaledTotal === 0n) problems.add(`${what}: the weights add up to zero, so there is no share to take`);
  problems.throwIfAny();
  const totalWeight = scale ? new Decimal(scaledTotal.toString()).div(scale) : new Decimal(scaledTotal.toString());

  const amountInt = BigInt(total.toFixed(0));
  let handedOut = 0n;
  const work = parsed.map((p, i) => {
    const numerator = amountInt * scaled[i]!;
    const floor = numerator / scaledTotal;
    handedOut += floor;
    return { id: p.id, weight: p.weight, scaled: scaled[i]!, floor, remainder: numerator - floor * scaledTotal, rank: 0 };
  });
  const leftover = Number(amountInt - handedOut); // < number of lines, so small

  // Equal remainders: larger weight (same scale, so the scaled integers compare alike), then id.
  [...work]
    .sort((a, b) => compareBig(b.remainder, a.remainder) || compareBig(b.scaled, a.scaled) || compareIds(a.id, b.id))
    .forEach((w, i) => (w.rank = i + 1));

  const lines = work.map((w): AllocationLine => {
    const roundedUp = w.rank <= leftover ? 1 : 0;
    // `share` and `exact` are for audit: 64-digit divisions, computed only when read.
    let share: Decimal | undefined;
    let exact: Decimal | undefined;
    return {
      id: w.id,
      weight: w.weight,
      get share(): Decimal {
        return (share ??= w.weight.div(totalWeight));
      },
      set share(value: Decimal) {
        share = value;
      },
      get exact(): Decimal {
        return (exact ??= total.times(w.weight).div(totalWeight));
      },
      set exact(value: Decimal) {
        exact = value;
      },
      floor: bigToKronor(w.floor),
      rank: w.rank,
      roundedUp,
      amount: bigToKronor(w.floor + BigInt(roundedUp)),
    };
  });
  return { amount: toKronor(total), totalWeight, leftover, lines };
}

const ZERO = new Decimal(0);

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bigToKronor(value: bigint): Kronor {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new SjukError(`amount: ${value.toString()} is too large`);
  return n;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The allocation as a map from id to kronor. */
export function amountsById(allocation: Allocation): Map<string, Kronor> {
  return new Map(allocation.lines.map((l) => [l.id, l.amount]));
}
