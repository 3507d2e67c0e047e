import { apportion } from "./allocate";
import type { Method } from "./methods";
import { RedistributionKey } from "./inputs";
import { Kronor } from "./money";

/**
 * The integer path of compute(): the money of a post to the recipient set from whole-number
 * figures, in typed arrays, with the same largest-remainder rule (and tie-break) as `allocate`
 * and the same rounds as `contactMoney`, which remain the reference (and build the audit).
 * Scratch arrays are reused across calls and grow only with the number of members.
 */
class Scratch {
  size = 0;
  weights = new Float64Array(0);
  floors = new Float64Array(0);
  order = new Int32Array(0);
  owed = new Float64Array(0);
  index = new Int32Array(0);
  ids: string[] = [];

  ensure(n: number): this {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: fresh buffers of the same size serve alike (every entry is written before it is read)
    if (n > this.size) {
      this.size = n;
      this.weights = new Float64Array(n);
      this.floors = new Float64Array(n);
      this.order = new Int32Array(n);
      this.owed = new Float64Array(n);
      this.index = new Int32Array(n);
      // Stryker disable next-line ArrayDeclaration,StringLiteral: an id is written before it is read
      this.ids = new Array<string>(n).fill("");
    }
    return this;
  }
}

// compute is synchronous and never re-entered while a post is being split.
const scratch = new Scratch();

/** Sum of non-negative safe integers, or -1 when it is not a safe integer. */
export function checkedSum(xs: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  return Number.isSafeInteger(s) ? s : -1;
}

/**
 * A key post: the same amounts as `allocate` over the members' figures (lapse: all members,
 * non-fulfilling paid nothing; share: the fulfilling members only — a member left out and a
 * member with weight 0 get the same nothing, so it is weighted 0 here). Fills `paid`.
 */
export function keyPayments(
  amount: Kronor,
  key: Float64Array,
  keySum: number,
  codes: readonly string[],
  fulfilling: Uint8Array | null,
  share: boolean,
  paid: Float64Array,
  method: Method = "hamilton"
): void {
  const n = codes.length;
  const s = scratch.ensure(n);
  let weights: Float64Array = key;
  let total = keySum;
  if (share && fulfilling !== null) {
    total = 0;
    // Stryker disable next-line EqualityOperator: one past n adds a weight 0 that nothing reads
    for (let i = 0; i < n; i++) total += s.weights[i] = fulfilling[i] ? key[i]! : 0;
    weights = s.weights;
    if (total === 0) {
      paid.fill(0); // nobody fulfilling (or only zero figures): nothing paid
      return;
    }
  }
  // Stryker disable next-line BooleanLiteral: the full order also puts the first `leftover` lines first
  const leftover = apportion(method, amount, weights, n, total, codes, s.floors, s.order, false);
  // Stryker disable next-line EqualityOperator: `paid` holds n entries; a typed array ignores a write past its end
  for (let i = 0; i < n; i++) paid[i] = s.floors[i]!;
  for (let p = 0; p < leftover; p++) paid[s.order[p]!]! += 1;
  // Stryker disable next-line EqualityOperator: as above
  if (fulfilling !== null && !share) for (let i = 0; i < n; i++) if (!fulfilling[i]) paid[i] = 0;
}

/**
 * A per-unit post: the same rounds as `contactMoney`, keeping only what each member is paid
 * (into `paid`). `counts` are units per member, 0 for a non-fulfilling member and Infinity for
 * one assumed to have units enough (no counts given). False when a figure is out of the
 * integer path's range (count × unit amount past 2^53): `contactMoney` then decides.
 */
export function unitPayments(
  budget: Kronor,
  unitAmount: Kronor,
  cap: Float64Array,
  capSum: number,
  counts: Float64Array,
  codes: readonly string[],
  redistribution: RedistributionKey,
  paid: Float64Array,
  method: Method = "hamilton"
): boolean {
  const n = codes.length;
  const s = scratch.ensure(n);
  const { owed, floors, order, weights, index, ids } = s;
  // Stryker disable next-line BooleanLiteral: the full order also puts the first `leftover` lines first
  let leftover = apportion(method, budget, cap, n, capSum, codes, floors, order, false);
  for (let p = 0; p < leftover; p++) floors[order[p]!]! += 1; // the caps
  let pool = budget;
  let owing = 0;
  let unbounded = false;
  for (let i = 0; i < n; i++) {
    const earned = counts[i]! * unitAmount;
    if (earned === Infinity) unbounded = true;
    else if (!Number.isSafeInteger(earned)) return false;
    const c = floors[i]!;
    // Stryker disable next-line EqualityOperator: equal, either is the same number
    const first = earned < c ? earned : c;
    paid[i] = first;
    pool -= first;
    owed[i] = earned - first;
    if (earned > first) owing++;
  }
  // What an unbounded member is owed is unknown: such rounds split by the cap's key.
  const byKey = redistribution === "population" || unbounded;
  while (pool > 0 && owing > 0) {
    let m = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (owed[i]! > 0) {
        index[m] = i;
        ids[m] = codes[i]!;
        total += weights[m] = byKey ? cap[i]! : owed[i]!;
        m++;
      }
    }
    if (total === 0) {
      // Zero-key members owed money can still share by what they are owed (unbounded: equally).
      for (let k = 0; k < m; k++) total += weights[k] = unbounded ? 1 : owed[index[k]!]!;
    }
    if (!Number.isSafeInteger(total)) return false;
    // Stryker disable next-line BooleanLiteral: the full order also puts the first `leftover` lines first
    leftover = apportion(method, pool, weights, m, total, ids, floors, order, false);
    for (let p = 0; p < leftover; p++) floors[order[p]!]! += 1;
    for (let k = 0; k < m; k++) {
      const i = index[k]!;
      const stillOwed = owed[i]!;
      const allocated = floors[k]!;
      // Stryker disable next-line EqualityOperator: equal, either is the same number
      const take = allocated < stillOwed ? allocated : stillOwed;
      paid[i]! += take;
      pool -= take;
      owed[i] = stillOwed - take;
      if (stillOwed === take) owing--;
    }
  }
  return true;
}
