import { Decimal, DecimalInput } from "../core/decimal";
import { ProblemList, SjukError, problem } from "../core/errors";
import { MESSAGES } from "./messages";
import { Kronor, toKronor } from "./money";
import { Method, divisorOrder, divisorSeats } from "./methods";

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
  /**
   * How the whole kronor were found. Largest remainder (`hamilton`): floor, then a krona each to
   * the first `leftover` ranks. A divisor method: `floor` is the line's whole amount, `leftover`
   * 0, `roundedUp` 0, and `rank` the place in line for the next krona.
   */
  method: Method;
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
export function allocate(
  amount: DecimalInput,
  weights: readonly Weight[],
  what = "weights",
  method: Method = "hamilton"
): Allocation {
  const problems = new ProblemList();
  let total: Decimal;
  try {
    total = new Decimal(amount);
  } catch {
    total = new Decimal(NaN);
  }
  // -0 is zero, not negative.
  if (!total.isFinite() || !total.isInteger() || (total.isNegative() && !total.isZero())) {
    problems.add(problem("allocate.bad-amount", { value: String(amount) }));
  } else if (total.isZero()) total = new Decimal(0);
  if (weights.length === 0) problems.add(problem("allocate.no-weights", { what }));

  const seen = new Set<string>();
  const parsed: { id: string; weight: Decimal }[] = [];
  // Whole-number weights (the usual case: population figures) are also kept as plain numbers,
  // for the integer core; `small` turns false at the first weight that is not a safe integer.
  // Stryker disable next-line ArrayDeclaration: the integer core is a shortcut: the exact scaled path below gives the same allocation (a stray entry makes the sum a text, which takes it)
  const numbers: number[] = [];
  // Stryker disable next-line BooleanLiteral: the integer core is a shortcut: the exact scaled path below gives the same allocation
  let small = true;
  for (const w of weights) {
    if (seen.has(w.id)) problems.add(problem("allocate.repeated", { what, id: w.id }));
    seen.add(w.id);
    const raw = w.weight;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: a shortcut; the general reading below reads such a number alike
    if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) {
      // Stryker disable next-line ConditionalExpression: new Decimal(0) is ZERO's value
      parsed.push({ id: w.id, weight: raw === 0 ? ZERO : new Decimal(raw) });
      // Stryker disable next-line ConditionalExpression: raw is 0 there
      numbers.push(raw === 0 ? 0 : raw);
      continue;
    }
    let d: Decimal;
    try {
      // Decimals are immutable: one of ours is used as it is (no copy).
      d = raw instanceof Decimal ? raw : new Decimal(raw);
    } catch {
      problems.add(MESSAGES.notNumber(`${what}, ${w.id}`, raw));
      continue;
    }
    if (!d.isFinite()) problems.add(MESSAGES.notFinite(`${what}, ${w.id}`, d));
    else if (d.isNegative() && !d.isZero()) problems.add(MESSAGES.negative(`${what}, ${w.id}`, d));
    const weight = d.isZero() ? ZERO : d;
    parsed.push({ id: w.id, weight });
    if (small && weight.isInteger() && weight.lte(Number.MAX_SAFE_INTEGER))
      numbers.push(weight.toNumber());
    else small = false;
  }
  problems.throwIfAny();

  if (method !== "hamilton") return allocateDivisor(method, total, parsed, what);
  const amountNumber = total.toNumber();
  // Stryker disable next-line ConditionalExpression,BlockStatement: the integer core is a shortcut: the exact scaled path below gives the same allocation
  if (small && Number.isSafeInteger(amountNumber)) {
    let sum = 0;
    // Stryker disable next-line EqualityOperator: one past the end adds undefined, a NaN sum, which takes the exact path
    for (let i = 0; i < numbers.length; i++) sum += numbers[i]!;
    // Stryker disable next-line ConditionalExpression: the integer core is a shortcut: the exact scaled path below gives the same allocation
    if (Number.isSafeInteger(sum))
      return allocateNumbers(total, amountNumber, parsed, numbers, sum, what);
  }
  return allocateScaled(total, parsed, what);
}

/** Whole-number weights with a safe-integer sum: the integer core in plain numbers (BigInt only where a product needs it). */
function allocateNumbers(
  total: Decimal,
  amount: number,
  parsed: { id: string; weight: Decimal }[],
  numbers: number[],
  sum: number,
  what: string
): Allocation {
  if (sum === 0) throw new SjukError([problem("allocate.weights-zero", { what })]);
  const n = parsed.length;
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = parsed[i]!.id;
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const floors: number[] = new Array<number>(n);
  const order = new Int32Array(n);
  const leftover = hamilton(amount, numbers, n, sum, ids, floors, order);
  const ranks = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: one past the end writes ranks[undefined], which nothing reads
  for (let p = 0; p < n; p++) ranks[order[p]!] = p + 1;
  const totalWeight = new Decimal(sum);
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const lines: AllocationLine[] = new Array<AllocationLine>(n);
  for (let i = 0; i < n; i++) {
    const rank = ranks[i]!;
    const roundedUp = rank <= leftover ? 1 : 0;
    lines[i] = line(
      parsed[i]!.id,
      parsed[i]!.weight,
      totalWeight,
      total,
      floors[i]!,
      rank,
      roundedUp,
      floors[i]! + roundedUp
    );
  }
  return { amount: toKronor(total), method: "hamilton", totalWeight, leftover, lines };
}

/** Every weight times one power of ten, as BigInt integers (the same order as the weights). */
function scaledWeights(parsed: { weight: Decimal }[]): { scaled: bigint[]; scale: Decimal | null } {
  let places = 0;
  for (const p of parsed) places = Math.max(places, p.weight.decimalPlaces());
  // Stryker disable next-line ConditionalExpression: a scale of 10^0 = 1 divides to the same total
  const scale = places === 0 ? null : new Decimal(10).pow(places);
  const scaled = parsed.map((p) => BigInt((scale ? p.weight.times(scale) : p.weight).toFixed(0)));
  return { scaled, scale };
}

/** A divisor method (Sainte-Laguë, D'Hondt) over weights scaled to integers: exact, in BigInt. */
function allocateDivisor(
  method: Exclude<Method, "hamilton">,
  total: Decimal,
  parsed: { id: string; weight: Decimal }[],
  what: string
): Allocation {
  const { scaled, scale } = scaledWeights(parsed);
  let scaledTotal = 0n;
  for (const w of scaled) scaledTotal += w;
  if (scaledTotal === 0n) throw new SjukError([problem("allocate.weights-zero", { what })]);
  const totalWeight = scale
    ? new Decimal(scaledTotal.toString()).div(scale)
    : new Decimal(scaledTotal.toString());
  const ids = parsed.map((p) => p.id);
  const { seats, next } = divisorSeats(method, BigInt(total.toFixed(0)), scaled, ids);
  const order = divisorOrder(scaled, next, ids);
  const ranks = new Int32Array(parsed.length);
  // Stryker disable next-line EqualityOperator: one past the end writes ranks[undefined], which nothing reads
  for (let p = 0; p < order.length; p++) ranks[order[p]!] = p + 1;
  const lines = parsed.map((p, i) => {
    const amount = bigToKronor(seats[i]!);
    return line(p.id, p.weight, totalWeight, total, amount, ranks[i]!, 0, amount);
  });
  return { amount: toKronor(total), method, totalWeight, leftover: 0, lines };
}

/** Any weights: scaled to integers by a common power of ten, quotas and remainders in BigInt. */
function allocateScaled(
  total: Decimal,
  parsed: { id: string; weight: Decimal }[],
  what: string
): Allocation {
  const problems = new ProblemList();
  // Scale every weight to an integer so quotas and remainders are exact integer arithmetic,
  // done in BigInt (exact at any size, and far cheaper than decimal.js for integers).
  const { scaled, scale } = scaledWeights(parsed);
  let scaledTotal = 0n;
  for (const w of scaled) scaledTotal += w;
  if (scaledTotal === 0n) problems.add(problem("allocate.weights-zero", { what }));
  problems.throwIfAny();
  const totalWeight = scale
    ? new Decimal(scaledTotal.toString()).div(scale)
    : new Decimal(scaledTotal.toString());

  const amountInt = BigInt(total.toFixed(0));
  let handedOut = 0n;
  const n = parsed.length;
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const floors: bigint[] = new Array<bigint>(n);
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const remainders: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const numerator = amountInt * scaled[i]!;
    floors[i] = numerator / scaledTotal;
    remainders[i] = numerator - floors[i]! * scaledTotal;
    handedOut += floors[i]!;
  }
  const leftover = Number(amountInt - handedOut); // < number of lines, so small
  // Same scale for every weight, so the scaled integers order the weights alike.
  const order = new Int32Array(n);
  orderByRemainder(
    remainders,
    scaled,
    parsed.map((p) => p.id),
    n,
    order
  );
  const ranks = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: one past the end writes ranks[undefined], which nothing reads
  for (let p = 0; p < n; p++) ranks[order[p]!] = p + 1;
  const work = parsed.map((p, i) => ({
    id: p.id,
    weight: p.weight,
    floor: floors[i]!,
    rank: ranks[i]!,
  }));

  const lines = work.map((w): AllocationLine => {
    const roundedUp = w.rank <= leftover ? 1 : 0;
    return line(
      w.id,
      w.weight,
      totalWeight,
      total,
      bigToKronor(w.floor),
      w.rank,
      roundedUp,
      bigToKronor(w.floor + BigInt(roundedUp))
    );
  });
  return { amount: toKronor(total), method: "hamilton", totalWeight, leftover, lines };
}

// `share` and `exact` are for audit: 64-digit divisions, computed only when read. They are own,
// enumerable accessors, in their place between `weight` and `floor` (as object-literal getters
// would be), but their get/set functions are shared by every line and find their inputs under a
// non-enumerable symbol: per-line getter closures would give every line its own hidden class.
const LINE = Symbol("sjuk.allocationLine");

interface LineAudit {
  weight: Decimal;
  totalWeight: Decimal;
  total: Decimal;
  share: Decimal | undefined;
  exact: Decimal | undefined;
}

const auditOf = (line: unknown) => (line as { [LINE]: LineAudit })[LINE];

const SHARE: PropertyDescriptor = {
  get(this: unknown): Decimal {
    const a = auditOf(this);
    return (a.share ??= a.weight.div(a.totalWeight));
  },
  set(this: unknown, value: Decimal) {
    auditOf(this).share = value;
  },
  enumerable: true,
  configurable: true,
};

const EXACT: PropertyDescriptor = {
  get(this: unknown): Decimal {
    const a = auditOf(this);
    return (a.exact ??= a.total.times(a.weight).div(a.totalWeight));
  },
  set(this: unknown, value: Decimal) {
    auditOf(this).exact = value;
  },
  enumerable: true,
  configurable: true,
};

function line(
  id: string,
  weight: Decimal,
  totalWeight: Decimal,
  total: Decimal,
  floor: Kronor,
  rank: number,
  roundedUp: 0 | 1,
  amount: Kronor
): AllocationLine {
  const l = { id, weight } as AllocationLine;
  Object.defineProperty(l, LINE, {
    value: { weight, totalWeight, total, share: undefined, exact: undefined },
  });
  Object.defineProperty(l, "share", SHARE);
  Object.defineProperty(l, "exact", EXACT);
  l.floor = floor;
  l.rank = rank;
  l.roundedUp = roundedUp;
  l.amount = amount;
  return l;
}

const ZERO = new Decimal(0);

function bigToKronor(value: bigint): Kronor {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new SjukError([problem("amount.too-large", { what: "amount", value: value.toString() })]);
  return n;
}

/** The allocation as a map from id to kronor. */
export function amountsById(allocation: Allocation): Map<string, Kronor> {
  return new Map(allocation.lines.map((l) => [l.id, l.amount]));
}

// -------------------------------------------------------------------------------------------
// The integer core, shared by allocate, contactMoney and compute.

/**
 * (amount + 1) × Σweights at most this, computed in floating point, guarantees the exact value
 * is below 2^53: then every product amount × weight, every quota × Σweights and every remainder
 * is a safe integer and plain number arithmetic is exact.
 */
const EXACT_IN_NUMBERS = 9_007_199_254_740_990;

/** Up to this many lines, insertion sort (no allocation, fastest for the 21 regions); beyond, a merge sort. */
const INSERTION_SORT_MAX = 32;

/**
 * THE tie-break, the one place it is written: fills `order` with the line indices by largest
 * remainder, equal remainders by larger weight, then by lower id. O(n log n): insertion sort for
 * a few lines, the typed array's own (stable, comparison) sort beyond. Numbers and BigInts
 * compare alike.
 */
export function orderByRemainder(
  rem: ArrayLike<number> | ArrayLike<bigint>,
  weights: ArrayLike<number> | ArrayLike<bigint>,
  ids: ArrayLike<string>,
  n: number,
  order: Int32Array
): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: both sorts give the same order (the insertion sort is only faster for a few lines)
  if (n > INSERTION_SORT_MAX) {
    const view = order.subarray(0, n);
    // Stryker disable next-line EqualityOperator: a subarray ignores a write one past its end
    for (let i = 0; i < n; i++) view[i] = i;
    view.sort((a, b) => {
      const ra = rem[a]!;
      const rb = rem[b]!;
      // Stryker disable next-line EqualityOperator: ra !== rb here, so > and >= agree
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = weights[a]!;
      const wb = weights[b]!;
      // Stryker disable next-line EqualityOperator: wa !== wb here, so > and >= agree
      if (wa !== wb) return wa > wb ? -1 : 1;
      return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b;
    });
    return;
  }
  for (let i = 0; i < n; i++) {
    const ri = rem[i]!;
    const wi = weights[i]!;
    let j = i;
    while (j > 0) {
      const k = order[j - 1]!;
      const rk = rem[k]!;
      const wk = weights[k]!;
      if (rk > ri || (rk === ri && (wk > wi || (wk === wi && ids[k]! < ids[i]!)))) break;
      order[j] = k;
      j--;
    }
    order[j] = i;
  }
}

/** Whether line a comes before line b in the remainder order (THE tie-break, as above). */
function before(
  rem: ArrayLike<number> | ArrayLike<bigint>,
  weights: ArrayLike<number> | ArrayLike<bigint>,
  ids: ArrayLike<string>,
  a: number,
  b: number
): boolean {
  const ra = rem[a]!;
  const rb = rem[b]!;
  // Stryker disable next-line EqualityOperator: ra !== rb here, so > and >= agree
  if (ra !== rb) return ra > rb;
  const wa = weights[a]!;
  const wb = weights[b]!;
  // Stryker disable next-line EqualityOperator: wa !== wb here, so > and >= agree
  if (wa !== wb) return wa > wb;
  return ids[a]! < ids[b]!;
}

/**
 * Only which lines get the `k` leftover kronor: fills `order` so that its first `k` entries are
 * the first k lines of the remainder order (in no particular order among themselves). O(n) on
 * average (quickselect); the payments need nothing more, the audit's ranks take the full order.
 */
export function selectByRemainder(
  rem: ArrayLike<number> | ArrayLike<bigint>,
  weights: ArrayLike<number> | ArrayLike<bigint>,
  ids: ArrayLike<string>,
  n: number,
  k: number,
  order: Int32Array
): void {
  if (n <= INSERTION_SORT_MAX) return orderByRemainder(rem, weights, ids, n, order);
  for (let i = 0; i < n; i++) order[i] = i;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi && k > lo && k <= hi) {
    // Median of three as the pivot, moved to hi; then the lines before it to the left.
    const mid = (lo + hi) >> 1;
    const a = order[lo]!;
    const m = order[mid]!;
    const z = order[hi]!;
    let p = hi;
    if (before(rem, weights, ids, m, a) !== before(rem, weights, ids, m, z)) p = mid;
    else if (before(rem, weights, ids, a, m) !== before(rem, weights, ids, a, z)) p = lo;
    const pivot = order[p]!;
    order[p] = order[hi]!;
    order[hi] = pivot;
    let store = lo;
    for (let i = lo; i < hi; i++) {
      const x = order[i]!;
      if (before(rem, weights, ids, x, pivot)) {
        order[i] = order[store]!;
        order[store++] = x;
      }
    }
    order[hi] = order[store]!;
    order[store] = pivot;
    // Now order[lo .. store - 1] come before the pivot at `store`, the rest after it.
    if (store === k || store === k - 1) return;
    if (store > k) hi = store - 1;
    else lo = store + 1;
  }
}

let remainders = new Float64Array(32);
const bigRemainders: bigint[] = [];

/**
 * Largest remainder over `n` non-negative safe-integer `weights` summing to `total` (> 0), for a
 * safe-integer `amount` ≥ 0. Fills `floors` with each line's whole quota and `order` with the
 * line indices in remainder order (largest remainder, then larger weight, then lower id);
 * returns the leftover kronor, which go to `order[0 .. leftover - 1]`. Exact: plain numbers
 * when every product stays below 2^53, BigInt otherwise.
 */
export function hamilton(
  amount: number,
  weights: ArrayLike<number>,
  n: number,
  total: number,
  ids: ArrayLike<string>,
  floors: { [i: number]: number },
  order: Int32Array,
  fullOrder = true
): number {
  if ((amount + 1) * total > EXACT_IN_NUMBERS)
    return hamiltonBig(amount, weights, n, total, ids, floors, order, fullOrder);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: a scratch buffer's growth policy; any length ≥ n serves
  if (remainders.length < n) remainders = new Float64Array(Math.max(n, remainders.length * 2));
  const rem = remainders;
  let handedOut = 0;
  for (let i = 0; i < n; i++) {
    const numerator = amount * weights[i]!;
    // Exact, no correction needed: numerator < 2^53 (EXACT_IN_NUMBERS), so the rounded quotient
    // never reaches the next integer: q = ⌊numerator / total⌋ and the remainder is in [0, total).
    const q = Math.floor(numerator / total);
    floors[i] = q;
    rem[i] = numerator - q * total;
    handedOut += q;
  }
  const leftover = amount - handedOut;
  // Stryker disable next-line ConditionalExpression: the full order also puts the first `leftover` lines first
  if (fullOrder) orderByRemainder(rem, weights, ids, n, order);
  else selectByRemainder(rem, weights, ids, n, leftover, order);
  return leftover;
}

function hamiltonBig(
  amount: number,
  weights: ArrayLike<number>,
  n: number,
  total: number,
  ids: ArrayLike<string>,
  floors: { [i: number]: number },
  order: Int32Array,
  fullOrder: boolean
): number {
  const a = BigInt(amount);
  const t = BigInt(total);
  const rem = bigRemainders;
  let handedOut = 0;
  for (let i = 0; i < n; i++) {
    const numerator = a * BigInt(weights[i]!);
    const q = numerator / t;
    rem[i] = numerator - q * t;
    const f = Number(q); // ≤ amount, so safe
    floors[i] = f;
    handedOut += f;
  }
  // Stryker disable next-line ConditionalExpression: the full order also puts the first `leftover` lines first
  if (fullOrder) orderByRemainder(rem, weights, ids, n, order);
  else selectByRemainder(rem, weights, ids, n, amount - handedOut, order);
  rem.length = 0;
  return amount - handedOut;
}

/**
 * Whole kronor by `method` over safe-integer weights (the integer path's one entry): the
 * largest remainder as `hamilton` does (floors, then `leftover` kronor to `order`'s first
 * lines), or a divisor method, whose whole amounts go into `floors` with nothing left over.
 */
export function apportion(
  method: Method,
  amount: number,
  weights: ArrayLike<number>,
  n: number,
  total: number,
  ids: ArrayLike<string>,
  floors: { [i: number]: number },
  order: Int32Array,
  fullOrder = true
): number {
  if (method === "hamilton")
    return hamilton(amount, weights, n, total, ids, floors, order, fullOrder);
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const big = new Array<bigint>(n);
  for (let i = 0; i < n; i++) big[i] = BigInt(weights[i]!);
  const { seats } = divisorSeats(method, BigInt(amount), big, ids);
  for (let i = 0; i < n; i++) floors[i] = Number(seats[i]!); // ≤ amount, so safe
  return 0;
}
