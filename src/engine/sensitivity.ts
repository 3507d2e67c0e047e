import type { AllocationAgreement } from "../agreements/schema";
import { compute } from "./compute";
import { Decimal, DecimalInput } from "../core/decimal";
import { SjukError, problem } from "../core/errors";
import { ComputeInputs, ComputeOptions, PopulationKey } from "./inputs";
import { Kronor } from "./money";
import { planOf } from "./plan";

/*
 * How a payment responds to one change, by computing the scenario again with that change and
 * nothing else (so every rule, rounding and redistribution is the engine's own).
 */

/** One post to the set (or the total over them): the member's payment, and with its figure moved. */
export interface SensitivityLine {
  /** A post id, or null for the total over the set's posts. */
  post: string | null;
  base: Kronor;
  minus: Kronor;
  plus: Kronor;
}

export interface Sensitivity {
  code: string;
  /** The key column whose figure moved (the agreement's `keyColumn` unless chosen). */
  column: string;
  figure: Decimal;
  delta: Decimal;
  /** Every post to the recipient set, in the agreement's order, then the total (post null). */
  lines: SensitivityLine[];
}

/**
 * A member's payment per post to the set and in total, as computed, and with its own figure in
 * one key column lowered and raised by `delta` (default 1 000), the other members' unchanged.
 * A figure that `delta` would make negative is an error, not a clamp.
 */
export function sensitivity(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions,
  member: string,
  delta: DecimalInput = 1000,
  column: string = agreement.keyColumn
): Sensitivity {
  const set = planOf(agreement).set;
  if (!set.index.has(member))
    throw new SjukError([problem("sensitivity.unknown-member", { code: member, set: set.id })]);
  const d = new Decimal(delta);
  if (!d.isFinite() || !d.isPositive() || d.isZero())
    throw new SjukError([problem("sensitivity.bad-delta", { value: String(delta) })]);
  const key = keyIn(agreement, inputs, column);
  const figure = new Decimal(key.figures[member] ?? NaN);
  if (figure.minus(d).isNegative())
    throw new SjukError([
      problem("sensitivity.negative", {
        column,
        code: member,
        figure: figure.toString(),
        delta: d.toString(),
      }),
    ]);
  const base = compute(agreement, inputs, options);
  const minus = compute(
    agreement,
    withFigure(agreement, inputs, column, member, figure.minus(d)),
    options
  );
  const plus = compute(
    agreement,
    withFigure(agreement, inputs, column, member, figure.plus(d)),
    options
  );
  const i = set.index.get(member)!;
  const lines: SensitivityLine[] = [];
  const total: SensitivityLine = { post: null, base: 0, minus: 0, plus: 0 };
  base.posts.forEach((p, k) => {
    if (p.post.recipient !== set.id) return;
    const line: SensitivityLine = {
      post: p.post.id,
      base: p.amounts![i]!,
      minus: minus.posts[k]!.amounts![i]!,
      plus: plus.posts[k]!.amounts![i]!,
    };
    total.base += line.base;
    total.minus += line.minus;
    total.plus += line.plus;
    lines.push(line);
  });
  lines.push(total);
  return { code: member, column, figure, delta: d, lines };
}

/** One member's payment of a post with the chosen member fulfilling and not fulfilling it. */
export interface ImpactLine {
  code: string;
  name: string;
  fulfils: Kronor;
  doesNot: Kronor;
  /** doesNot − fulfils: positive for a member that gains. */
  difference: Kronor;
}

export interface Impact {
  code: string;
  post: string;
  /** Every member of the set, in the set's order. */
  lines: ImpactLine[];
  /** The post's money not paid out, in both cases (a lapse keeps the share out). */
  unpaid: { fulfils: Kronor; doesNot: Kronor; difference: Kronor };
  /** Members that gain, most first; members that lose, most first. */
  gainers: ImpactLine[];
  losers: ImpactLine[];
}

/**
 * Who gains and who loses, and by how much, when `member` does not fulfil `post`'s condition
 * (every other flag as in `inputs`): the post computed with the member fulfilling and not.
 * The differences and the change in unpaid money add up to zero.
 */
export function impact(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions,
  member: string,
  post: string
): Impact {
  const set = planOf(agreement).set;
  if (!set.index.has(member))
    throw new SjukError([problem("sensitivity.unknown-member", { code: member, set: set.id })]);
  const k = agreement.posts.findIndex((p) => p.id === post && p.recipient === set.id);
  if (k < 0) throw new SjukError([problem("sensitivity.not-a-set-post", { post, set: set.id })]);
  const flagged = (fulfils: boolean): ComputeInputs => ({
    ...inputs,
    fulfilment: {
      ...inputs.fulfilment,
      [post]: { ...inputs.fulfilment?.[post], [member]: fulfils },
    },
  });
  const withIt = compute(agreement, flagged(true), options).posts[k]!;
  const without = compute(agreement, flagged(false), options).posts[k]!;
  const lines = set.members.map((m, i): ImpactLine => {
    const fulfils = withIt.amounts![i]!;
    const doesNot = without.amounts![i]!;
    return { code: m.code, name: m.name, fulfils, doesNot, difference: doesNot - fulfils };
  });
  const byGain = (a: ImpactLine, b: ImpactLine) => b.difference - a.difference;
  const byLoss = (a: ImpactLine, b: ImpactLine) => a.difference - b.difference;
  return {
    code: member,
    post,
    lines,
    unpaid: {
      fulfils: withIt.unpaid,
      doesNot: without.unpaid,
      difference: without.unpaid - withIt.unpaid,
    },
    gainers: lines.filter((l) => l.difference > 0).sort(byGain),
    losers: lines.filter((l) => l.difference < 0).sort(byLoss),
  };
}

function keyIn(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  column: string
): PopulationKey {
  const key = column === agreement.keyColumn ? inputs.key : inputs.keys?.[column];
  if (!key) throw new SjukError([problem("sensitivity.no-column", { column })]);
  return key;
}

/** The inputs with one member's figure in one key column replaced. */
function withFigure(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  column: string,
  member: string,
  figure: Decimal
): ComputeInputs {
  const key = keyIn(agreement, inputs, column);
  // Whole figures stay plain numbers, so the scenario keeps the integer path.
  const value =
    figure.isInteger() && figure.lte(Number.MAX_SAFE_INTEGER) ? figure.toNumber() : figure;
  const moved: PopulationKey = { ...key, figures: { ...key.figures, [member]: value } };
  if (column === agreement.keyColumn) return { ...inputs, key: moved };
  return { ...inputs, keys: { ...inputs.keys, [column]: moved } };
}
