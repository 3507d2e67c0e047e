/*
 * The key mix against an independent reference: each member's mixed share as a reduced BigInt
 * fraction Σₖ wₖ·fₖᵢ/Tₖ (added fraction by fraction, no common denominator chosen up front),
 * then the largest remainder over those fractions (floor of amount × share; the leftover kronor
 * to the largest fractional parts, compared by cross-multiplication; ties by larger share, then
 * lower code).
 */
export type Fraction = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
export const reduce = ([n, d]: Fraction): Fraction => {
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const add = (a: Fraction, b: Fraction): Fraction =>
  reduce([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
const cmp = (a: Fraction, b: Fraction) => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l === r ? 0 : l > r ? 1 : -1;
};

export function referenceSplit(
  amount: number,
  keys: { figures: Record<string, number>; weight: [bigint, bigint] }[],
  codes: readonly string[]
): number[] {
  const shares = codes.map((code) => {
    let s: Fraction = [0n, 1n];
    for (const { figures, weight } of keys) {
      const total = codes.reduce((t, c) => t + BigInt(figures[c]!), 0n);
      s = add(s, reduce([weight[0] * BigInt(figures[code]!), weight[1] * total]));
    }
    return s;
  });
  const sum = shares.reduce(add, [0n, 1n] as Fraction);
  const quotas = shares.map((s) => reduce([BigInt(amount) * s[0] * sum[1], s[1] * sum[0]]));
  const floors = quotas.map(([n, d]) => n / d);
  const rems = quotas.map(([n, d], i): Fraction => reduce([n - floors[i]! * d, d]));
  const order = codes.map((_, i) => i);
  order.sort(
    (a, b) =>
      -cmp(rems[a]!, rems[b]!) || -cmp(shares[a]!, shares[b]!) || (codes[a]! < codes[b]! ? -1 : 1)
  );
  let left = BigInt(amount) - floors.reduce((s, f) => s + f, 0n);
  const out = floors.map(Number);
  for (const i of order) if (left-- > 0n) out[i]!++;
  return out;
}

