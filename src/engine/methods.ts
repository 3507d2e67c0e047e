/*
 * Apportionment methods other than the largest remainder: the divisor (highest averages)
 * methods. Exact: every comparison of two quotients is a cross-multiplication of integers in
 * BigInt, so no floating-point rounding ever decides a krona.
 */

/** The apportionment methods: largest remainder (the default) and two divisor methods. */
export const METHODS = ["hamilton", "sainte-lague", "dhondt"] as const;
export type Method = (typeof METHODS)[number];
export type DivisorMethod = Exclude<Method, "hamilton">;

/** The words a user may write for a method (English and Swedish), lower case, without accents. */
const METHOD_WORDS: Record<string, Method> = {
  hamilton: "hamilton",
  "largest-remainder": "hamilton",
  "largest remainder": "hamilton",
  "storsta rest": "hamilton",
  "storsta-rest": "hamilton",
  "storsta restmetoden": "hamilton",
  "sainte-lague": "sainte-lague",
  "sainte lague": "sainte-lague",
  webster: "sainte-lague",
  "jamkade uddatalsmetoden": "sainte-lague",
  "jamkade-uddatalsmetoden": "sainte-lague",
  uddatalsmetoden: "sainte-lague",
  dhondt: "dhondt",
  "d'hondt": "dhondt",
  "d hondt": "dhondt",
  jefferson: "dhondt",
};

/** The method a word names (any case, accents optional), or undefined. */
export function methodOf(word: string): Method | undefined {
  const key = word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Stryker disable next-line StringLiteral: d’hondt read as dhondt names D'Hondt too, the one word with an apostrophe
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return METHOD_WORDS[key];
}

/**
 * Twice the divisor of a line's next unit once it holds `s`: D'Hondt divides by s + 1,
 * Sainte-Laguë by s + ½ (doubled, so both stay integers).
 */
function twiceDivisor(method: DivisorMethod, s: bigint): bigint {
  return method === "dhondt" ? 2n * s + 2n : 2n * s + 1n;
}

export interface DivisorResult {
  /** Whole units per line; they add up to the amount. */
  seats: bigint[];
  /** Twice the divisor of each line's next unit (its quotient is weight / (this / 2)). */
  next: bigint[];
}

/**
 * Splits `amount` whole units over `weights` by a divisor method. Equal quotients go to the
 * larger weight, then the lower id, then the earlier line (the largest remainder's tie-break).
 *
 * Not one unit at a time: every line first gets the units whose quotients reach the divisor
 * Σweights / amount (Jefferson's or Webster's apportionment for that divisor, which takes every
 * quotient at or above it, ties included, so it is a prefix of the full order); then at most
 * one unit per line is added (highest next quotient first) or taken back (lowest last quotient
 * first), through a heap. O(n log n) in BigInt, whatever the amount.
 */
export function divisorSeats(
  method: DivisorMethod,
  amount: bigint,
  weights: readonly bigint[],
  ids: ArrayLike<string>
): DivisorResult {
  const n = weights.length;
  let total = 0n;
  for (const w of weights) total += w;
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const seats = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    seats[i] =
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: only a first estimate; the heap below adds or takes back units one at a time until the seats are exact
      method === "dhondt" ? (amount * w) / total : (2n * amount * w + total) / (2n * total);
    given += seats[i]!;
  }
  // a's quotient w_a / (da/2) against b's w_b / (db/2): compare w_a × db with w_b × da.
  const ahead = (a: number, da: bigint, b: number, db: bigint): boolean => {
    const left = weights[a]! * db;
    const right = weights[b]! * da;
    // Stryker disable next-line EqualityOperator: left !== right here, so > and >= agree
    if (left !== right) return left > right;
    if (weights[a] !== weights[b]) return weights[a]! > weights[b]!;
    if (ids[a] !== ids[b]) return ids[a]! < ids[b]!;
    return a < b;
  };
  // Stryker disable next-line EqualityOperator: with given = amount the loop inside does nothing
  if (given < amount) {
    // The next unit goes to the highest quotient w / d(s).
    const heap = new Heap(n, (a, b) =>
      ahead(a, twiceDivisor(method, seats[a]!), b, twiceDivisor(method, seats[b]!))
    );
    for (; given < amount; given++) {
      const top = heap.peek();
      seats[top]! += 1n;
      heap.fixTop();
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as above (and given < amount took the branch above)
  } else if (given > amount) {
    // The unit taken back is the last one handed out: the lowest quotient w / d(s - 1).
    const holders: number[] = [];
    // Stryker disable next-line EqualityOperator,ConditionalExpression: a line without units is never taken back (its divisor d(−1) < 0 puts it last), so listing it changes nothing
    for (let i = 0; i < n; i++) if (seats[i]! > 0n) holders.push(i);
    const heap = new Heap(
      holders.length,
      (a, b) =>
        ahead(
          holders[b]!,
          twiceDivisor(method, seats[holders[b]!]! - 1n),
          holders[a]!,
          twiceDivisor(method, seats[holders[a]!]! - 1n)
        ),
      // Stryker disable next-line ArrowFunction: never dropping an emptied line changes nothing: it sorts last, as above
      (k) => seats[holders[k]!] === 0n
    );
    for (; given > amount; given--) {
      const top = holders[heap.peek()]!;
      seats[top]! -= 1n;
      heap.fixTop();
    }
  }
  const next = seats.map((s) => twiceDivisor(method, s));
  return { seats, next };
}

/**
 * The line indices in the order the next units would go (1st = next in line), for the audit.
 */
export function divisorOrder(
  weights: readonly bigint[],
  next: readonly bigint[],
  ids: ArrayLike<string>
): Int32Array {
  const order = new Int32Array(weights.length);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write one past its end
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const left = weights[a]! * next[b]!;
    const right = weights[b]! * next[a]!;
    // Stryker disable next-line EqualityOperator: left !== right here, so > and >= agree
    if (left !== right) return left > right ? -1 : 1;
    if (weights[a] !== weights[b]) return weights[a]! > weights[b]! ? -1 : 1;
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b;
  });
}

/**
 * A binary heap of the indices 0 … n-1, best first by `better`; after the best item's key
 * changes, `fixTop` sifts it down (or drops it when `gone` says it left).
 */
class Heap {
  private items: number[];

  constructor(
    n: number,
    private better: (a: number, b: number) => boolean,
    // Stryker disable next-line ArrowFunction: undefined is as false as false
    private gone: (item: number) => boolean = () => false
  ) {
    this.items = Array.from({ length: n }, (_, i) => i);
    // Stryker disable next-line ArithmeticOperator: starting past the middle only sifts leaves, which stay put
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  peek(): number {
    return this.items[0]!;
  }

  fixTop(): void {
    // Stryker disable next-line BlockStatement: keeping an emptied line changes nothing: it sorts last (see divisorSeats)
    if (this.gone(this.items[0]!)) {
      const last = this.items.pop()!;
      if (this.items.length === 0) return;
      this.items[0] = last;
    }
    this.down(0);
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && this.better(items[l]!, items[best]!)) best = l;
      if (r < n && this.better(items[r]!, items[best]!)) best = r;
      if (best === i) return;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
  }
}
