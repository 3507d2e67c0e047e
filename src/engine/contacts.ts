import { Allocation, allocate } from "./allocate";
import { Decimal } from "../core/decimal";
import { Kronor, toKronor } from "./money";
import { RedistributionKey } from "./inputs";
import type { Method } from "./methods";

/** One round of redistributing what regions under their cap left. */
export interface RedistributionRound {
  round: number;
  /** Money to hand out at the start of the round. */
  pool: Kronor;
  /** The allocation of the pool over the regions still below contacts × unit amount. */
  allocation: Allocation;
  /** What each region actually took: its allocation, but never above what it is still owed. */
  taken: Record<string, Kronor>;
}

export interface ContactMoney {
  /** Each region's cap: its population share of the post, in whole kronor. */
  caps: Allocation;
  /** units × unit amount per member; no entry for a member whose count is unbounded (no counts given). */
  earned: Record<string, Kronor>;
  /** min(earned, cap) per region, before redistribution. */
  firstPayment: Record<string, Kronor>;
  rounds: RedistributionRound[];
  /** Final payment per region. */
  paid: Record<string, Kronor>;
  /** Money that no region could take. */
  unpaid: Kronor;
}

/**
 * Villkor 3 contact money (any per-unit post): `unitAmount` per unit (patient), each region capped at its population share
 * of `budget`; what regions under their cap leave goes to regions with more contacts than their
 * cap pays for, never above contacts × unitAmount, in rounds until nobody can take more.
 *
 * - `population`: each round splits the pool by population among the regions still owed money.
 * - `unpaid-contacts`: each round splits it in proportion to what each is still owed
 *   (the same proportion as its contacts not yet paid for).
 *
 * A count may be unbounded (Decimal Infinity): the member is assumed to have units enough to
 * take all it can be given (no counts given). What such a member is owed is unknown, so
 * rounds that involve one split by population under either key.
 */
export function contactMoney(
  budget: Kronor,
  unitAmount: Kronor,
  population: Record<string, Decimal>,
  contacts: Record<string, Decimal>,
  key: RedistributionKey,
  method: Method = "hamilton"
): ContactMoney {
  const codes = Object.keys(population);
  const caps = allocate(
    budget,
    codes.map((code) => ({ id: code, weight: population[code]! })),
    "population",
    method
  );
  const capBy = new Map(caps.lines.map((l) => [l.id, l.amount]));

  const earned: Record<string, Kronor> = {};
  const paid: Record<string, Kronor> = {};
  const owed = new Map<string, Decimal>();
  let pool = new Decimal(budget);
  for (const code of codes) {
    const e = contacts[code]!.times(unitAmount);
    if (e.isFinite()) earned[code] = toKronor(e, `contacts × ${unitAmount} kr, ${code}`);
    const first = Decimal.min(e, capBy.get(code)!);
    paid[code] = toKronor(first);
    pool = pool.minus(first);
    if (e.greaterThan(first)) owed.set(code, e.minus(first));
  }
  const firstPayment = { ...paid };

  const rounds: RedistributionRound[] = [];
  while (pool.greaterThan(0) && owed.size > 0) {
    const eligible = [...owed.keys()];
    const unbounded = eligible.some((code) => !owed.get(code)!.isFinite());
    const weights = eligible.map((code) => ({
      id: code,
      weight: key === "population" || unbounded ? population[code]! : owed.get(code)!,
    }));
    // Zero-population regions owed money can still share by what they are owed (unbounded: equally).
    const usable = weights.some((w) => !new Decimal(w.weight).isZero())
      ? weights
      : eligible.map((code) => ({ id: code, weight: unbounded ? ONE : owed.get(code)! }));
    const allocation = allocate(
      pool,
      usable,
      // The label only names the weights in allocate's errors, which cannot occur here (a pool of
      // whole kronor ≥ 1, unique ids, finite weights not all zero): its mutants are equivalent.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral
      key === "population" ? "population" : "unpaid contacts",
      method
    );
    const taken: Record<string, Kronor> = {};
    for (const line of allocation.lines) {
      const stillOwed = owed.get(line.id)!;
      const take = Decimal.min(line.amount, stillOwed);
      taken[line.id] = toKronor(take);
      paid[line.id] = toKronor(new Decimal(paid[line.id]!).plus(take));
      pool = pool.minus(take);
      const left = stillOwed.minus(take);
      if (left.isZero()) owed.delete(line.id);
      else owed.set(line.id, left);
    }
    rounds.push({ round: rounds.length + 1, pool: allocation.amount, allocation, taken });
  }
  return { caps, earned, firstPayment, rounds, paid, unpaid: toKronor(pool) };
}

const ONE = new Decimal(1);
