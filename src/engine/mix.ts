import { Decimal, DecimalInput } from "../core/decimal";
import { ProblemList, problem } from "../core/errors";
import { REGION_CODES } from "./regions";

/** One key in a mix: figures per member code, or the equal key (every member alike). */
export type KeyPart =
  | { figures: Record<string, DecimalInput>; weight: DecimalInput }
  | { equal: true; weight: DecimalInput };

export interface MixedKey {
  /**
   * Whole numbers in proportion to the mixed shares, per member code: a key that `compute` and
   * `allocate` split exactly (integers past 2^53 stay exact as Decimals).
   */
  figures: Record<string, Decimal>;
  /** Each member's mixed share is exactly `numerators[code] / denominator` (weights summing to 1). */
  numerators: Record<string, bigint>;
  denominator: bigint;
}

/**
 * Mixes keys by their SHARES, not their raw figures: a member's mixed share is
 * Σ weightₖ × figureₖ / totalₖ (over Σ weightₖ), so a working-age key and a population key count
 * alike whatever their totals. Exact: every figure and weight is scaled to an integer and the
 * shares are put over one common denominator in BigInt, so the mixed key's largest-remainder
 * split is the split of the exact mixed shares, to the krona.
 *
 * `codes` are the members (default: the 21 regions); every part must give each of them a
 * figure and no other. Problems name the field: `mix[1].figures.09`, `mix[0].weight`.
 */
export function mixKeys(
  parts: readonly KeyPart[],
  codes: readonly string[] = REGION_CODES
): MixedKey {
  const problems = new ProblemList();
  if (parts.length === 0) problems.add(problem("mix.no-keys", {}));
  const weights = parts.map((p, k) => decimalAt(p.weight, `mix[${k}].weight`, problems));
  const keys = parts.map((p, k) =>
    "equal" in p && p.equal === true
      ? codes.map(() => ONE)
      : figuresOf((p as { figures: Record<string, DecimalInput> }).figures, codes, k, problems)
  );
  problems.throwIfAny();
  if (weights.every((w) => w!.isZero())) problems.add(problem("mix.weights-zero", {}));
  const scaledWeights = toIntegers(weights as Decimal[]);
  const scaledKeys = keys.map((figures) => toIntegers(figures as Decimal[]));
  const totals = scaledKeys.map((g) => g.reduce((s, x) => s + x, 0n));
  totals.forEach((t, k) => {
    if (t === 0n && scaledWeights[k]! > 0n)
      problems.add(problem("mix.key-zero", { path: `mix[${k}].figures` }));
  });
  problems.throwIfAny();

  // Over the common denominator lcm(totals) × Σ weights: numerator_i = Σₖ ωₖ × gₖᵢ × (L / Gₖ).
  const used = totals.filter((t, k) => scaledWeights[k]! > 0n);
  const common = used.reduce(lcm, 1n);
  const numerators = codes.map((_, i) =>
    scaledKeys.reduce(
      (s, g, k) =>
        scaledWeights[k]! > 0n ? s + scaledWeights[k]! * g[i]! * (common / totals[k]!) : s,
      0n
    )
  );
  const weightSum = scaledWeights.reduce((s, w) => s + w, 0n);
  let denominator = common * weightSum;
  // The smallest whole numbers in the same proportion (the split only depends on proportions).
  const divisor = numerators.reduce(gcd, denominator);
  denominator /= divisor;
  const out: MixedKey = { figures: {}, numerators: {}, denominator };
  codes.forEach((code, i) => {
    const n = numerators[i]! / divisor;
    out.numerators[code] = n;
    out.figures[code] = new Decimal(n.toString());
  });
  return out;
}

/** The equal key: every member the figure 1 (as a key part: `{ equal: true, weight }`). */
export function equalKey(codes: readonly string[] = REGION_CODES): Record<string, Decimal> {
  return Object.fromEntries(codes.map((c) => [c, ONE]));
}

const ONE = new Decimal(1);

function decimalAt(value: unknown, path: string, problems: ProblemList): Decimal | undefined {
  let d: Decimal;
  try {
    d = value instanceof Decimal ? value : new Decimal(value as DecimalInput);
  } catch {
    d = new Decimal(NaN); // also true, false, null and undefined: Decimal refuses them
  }
  if (!d.isFinite() || (d.isNegative() && !d.isZero())) {
    problems.add(problem("mix.not-a-figure", { path, value: String(value) }));
    return undefined;
  }
  return d.abs(); // -0 is 0
}

function figuresOf(
  figures: Record<string, DecimalInput> | undefined,
  codes: readonly string[],
  k: number,
  problems: ProblemList
): (Decimal | undefined)[] {
  if (typeof figures !== "object" || figures === null) {
    problems.add(problem("mix.no-figures", { path: `mix[${k}]` }));
    // Stryker disable next-line ArrayDeclaration: never read: the problem just added is thrown first
    return [];
  }
  const known = new Set(codes);
  for (const code of Object.keys(figures))
    if (!known.has(code))
      problems.add(problem("mix.unknown-code", { path: `mix[${k}].figures`, code }));
  return codes.map((code) => {
    const path = `mix[${k}].figures.${code}`;
    if (!(code in figures)) {
      problems.add(problem("mix.missing", { path, code }));
      return undefined;
    }
    return decimalAt(figures[code], path, problems);
  });
}

/** The numbers times one power of ten, as BigInt integers. */
function toIntegers(xs: readonly Decimal[]): bigint[] {
  const places = xs.reduce((p, x) => Math.max(p, x.decimalPlaces()), 0);
  const scale = new Decimal(10).pow(places);
  return xs.map((x) => BigInt(x.times(scale).toFixed(0)));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  // Stryker disable next-line ArithmeticOperator: any common multiple gives the same shares, which the gcd below reduces
  return (a / gcd(a, b)) * b;
}
