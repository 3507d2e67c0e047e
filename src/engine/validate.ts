import { METHODS } from "./methods";
import type { AllocationAgreement } from "../agreements/schema";
import { Decimal } from "../core/decimal";
import { ProblemList } from "../core/errors";
import { ComputeInputs, ComputeOptions, REDISTRIBUTION_KEYS } from "./inputs";
import { MESSAGES } from "./messages";
import { Kronor } from "./money";
import { Plan, planOf } from "./plan";
import { Recipients } from "./recipients";

/**
 * One figure per member, validated: as plain numbers in member order when every figure is a
 * safe whole number (the integer path), and as Decimals, made from the numbers only when read.
 */
export class Figures {
  private made: Record<string, Decimal> | undefined;

  constructor(
    readonly codes: readonly string[],
    readonly numbers: Float64Array | null,
    made?: Record<string, Decimal>
  ) {
    this.made = made;
  }

  get decimals(): Record<string, Decimal> {
    if (!this.made) {
      const out: Record<string, Decimal> = {};
      for (let i = 0; i < this.codes.length; i++)
        out[this.codes[i]!] = new Decimal(this.numbers![i]!);
      this.made = out;
    }
    return this.made;
  }
}

/**
 * One buffer per compute call for every figure column and every post's amounts, handed out in
 * slices: one allocation instead of one per column and per post.
 */
export class Slab {
  readonly block: Float64Array;
  next = 0;

  constructor(
    readonly n: number,
    slices: number
  ) {
    this.block = freshBlock(n * slices);
  }

  /** The next n numbers (zero), or a new array when the slab is used up. */
  take(): Float64Array {
    if (this.next + this.n > this.block.length) return new Float64Array(this.n);
    const view = this.block.subarray(this.next, this.next + this.n);
    this.next += this.n;
    return view;
  }
}

/**
 * Doubles per shared chunk. A typed array's memory lies outside the JavaScript heap and costs
 * far more to allocate (and collect) than its size suggests, so small calls' buffers are cut
 * from a chunk shared by the next calls; a result kept alive keeps at most its chunk (32 KiB).
 */
const CHUNK = 4096;
let chunk = new Float64Array(0);
let chunkUsed = 0;

/** `size` zeros, never handed out before: from the current chunk when it is small enough. */
function freshBlock(size: number): Float64Array {
  if (size > CHUNK / 8) return new Float64Array(size);
  if (chunkUsed + size > chunk.length) {
    chunk = new Float64Array(CHUNK);
    chunkUsed = 0;
  }
  const block = chunk.subarray(chunkUsed, chunkUsed + size);
  chunkUsed += size;
  return block;
}

export interface Validated {
  /** Holds the figures; the rest is for the posts' amounts. */
  slab: Slab;
  /** The key columns the posts use, by name. */
  keys: Map<string, Figures>;
  /** The unit columns the per-unit posts use; null where no counts are given. */
  units: Map<string, Figures | null>;
  /** Decided amounts of "högst" posts, by post id. */
  decided: Map<string, Kronor>;
}

export function isWholeKronor(x: unknown): x is number {
  return typeof x === "number" && Number.isSafeInteger(x) && x >= 0 && !(x === 0 && 1 / x < 0);
}

/** Checks every input before any money is computed; all problems are reported together. */
export function validateInputs(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions
): Validated {
  const plan = planOf(agreement);
  const problems = new ProblemList();
  const columns = plan.keyColumns.size + plan.unitColumns.size + 2; // + the default key and contacts
  const slab = new Slab(plan.set.codes.length, columns + plan.setPostCount);
  const keys = keyColumns(agreement, plan, slab, inputs, problems);
  const units = unitColumns(agreement, plan, slab, inputs, problems);
  const treatments = inputs.contacts?.treatments;
  if (treatments) checkTreatments(treatments, problems);
  if (inputs.fulfilment) checkFulfilment(agreement, plan, inputs.fulfilment, problems);
  const decided = inputs.decided ? decidedAmounts(agreement, plan, inputs.decided, problems) : NONE;
  checkOptions(agreement, plan, options, problems);
  problems.throwIfAny();
  for (const [column, figures] of keys) {
    // Zeros are whole: a key with figures only as decimals (numbers null) has one that is not 0.
    const zero = figures.numbers !== null && figures.numbers.every((v) => v === 0);
    if (zero)
      problems.add(MESSAGES.allZero(column === agreement.keyColumn ? "key" : `keys.${column}`));
  }
  problems.throwIfAny();
  return { slab, keys, units, decided };
}

const NONE: Map<string, Kronor> = new Map();

function keyColumns(
  agreement: AllocationAgreement,
  plan: Plan,
  slab: Slab,
  inputs: ComputeInputs,
  problems: ProblemList
): Map<string, Figures> {
  const { set, keyColumns: needed } = plan;
  const out = new Map<string, Figures>();
  const main = agreement.keyColumn;
  const defaultFigures = figuresOf(set, slab, inputs.key.figures, "key", problems, false);
  // Stryker disable next-line ConditionalExpression: no figures come with a problem, which throws before the map is read
  if (defaultFigures) out.set(main, defaultFigures);
  if (!inputs.keys && (needed.size === 0 || (needed.size === 1 && needed.has(main)))) return out;
  for (const [column, key] of Object.entries(inputs.keys ?? {})) {
    if (column === main) problems.add(MESSAGES.keyTwice(column));
    else if (!needed.has(column))
      problems.add(MESSAGES.unknownKey(column, agreement.id, [...needed.keys()]));
    else {
      const f = figuresOf(set, slab, key.figures, `keys.${column}`, problems, false);
      // Stryker disable next-line ConditionalExpression: no figures come with a problem, which throws before the map is read
      if (f) out.set(column, f);
    }
  }
  for (const [column, posts] of needed)
    if (column !== main && !inputs.keys?.[column])
      problems.add(MESSAGES.keyNotGiven(column, posts));
  return out;
}

function unitColumns(
  agreement: AllocationAgreement,
  plan: Plan,
  slab: Slab,
  inputs: ComputeInputs,
  problems: ProblemList
): Map<string, Figures | null> {
  const { set, unitColumns: columns } = plan;
  const out = new Map<string, Figures | null>();
  for (const column of columns) out.set(column, null);
  if (inputs.contacts) {
    const { contacts, notReported } = inputs.contacts;
    const f = countFigures(set, slab, contacts, notReported, "contacts", problems);
    if (columns.has("contacts")) out.set("contacts", f ?? null);
  }
  for (const [column, counts] of inputs.units ? Object.entries(inputs.units) : []) {
    if (!columns.has(column))
      problems.add(MESSAGES.unknownUnits(column, agreement.id, [...columns]));
    else if (column === "contacts" && inputs.contacts) problems.add(MESSAGES.unitsTwice(column));
    else {
      const missing = inputs.unitsNotReported?.[column];
      const f = countFigures(set, slab, counts, missing, `units.${column}`, problems);
      out.set(column, f ?? null);
    }
  }
  checkNotReportedWithoutCounts(agreement, plan, inputs, problems);
  return out;
}

/** Not-reported lists of unit columns given no counts: the column and each code must be known. */
function checkNotReportedWithoutCounts(
  agreement: AllocationAgreement,
  { set, unitColumns: columns }: Plan,
  inputs: ComputeInputs,
  problems: ProblemList
): void {
  for (const [column, codes] of Object.entries(inputs.unitsNotReported ?? {})) {
    if (inputs.units?.[column]) continue; // checked with its counts above
    if (!columns.has(column))
      problems.add(MESSAGES.unknownUnits(column, agreement.id, [...columns]));
    else
      for (const code of codes)
        if (!set.index.has(code)) problems.add(MESSAGES.unknownCode("notReported", set.id, code));
  }
}

/**
 * The counts of a unit column; a member not reported yet counts as unbounded (Infinity), as when
 * no counts are given at all (see ContactCounts.notReported).
 */
function countFigures(
  set: Recipients,
  slab: Slab,
  counts: Record<string, unknown>,
  missing: readonly string[] = [],
  field: string,
  problems: ProblemList
): Figures | undefined {
  // Stryker disable next-line ConditionalExpression: a shortcut; the general path below gives the same figures
  if (missing.length === 0) return figuresOf(set, slab, counts, field, problems, true);
  const given: Record<string, unknown> = { ...counts };
  for (const code of missing) {
    if (!set.index.has(code)) problems.add(MESSAGES.unknownCode("notReported", set.id, code));
    given[code] = 0; // checked as a count, then made unbounded
  }
  const f = figuresOf(set, slab, given, field, problems, true);
  if (!f) return undefined;
  const decimals = { ...f.decimals };
  const numbers = f.numbers;
  // Every code of missing is a member here: an unknown one was a problem of figuresOf above.
  for (const code of missing) {
    decimals[code] = UNBOUNDED;
    if (numbers) numbers[set.index.get(code)!] = Infinity;
  }
  return new Figures(set.codes, numbers, decimals);
}

const UNBOUNDED = new Decimal(Infinity);

function checkTreatments(
  treatments: Record<string, Record<string, unknown>>,
  problems: ProblemList
): void {
  for (const [code, t] of Object.entries(treatments))
    for (const [column, value] of Object.entries(t))
      // Stryker disable next-line ConditionalExpression: a shortcut; checkFigure takes a whole number without a problem
      if (!isWholeKronor(value))
        checkFigure(value, `treatments, ${code}, ${column}`, problems, true);
}

function checkFulfilment(
  agreement: AllocationAgreement,
  plan: Plan,
  fulfilment: Record<string, Record<string, boolean>>,
  problems: ProblemList
): void {
  const member = agreement.recipients.id;
  for (const [postId, flags] of Object.entries(fulfilment)) {
    const post = plan.postById.get(postId);
    if (post && post.recipient === plan.set.id) {
      for (const code of Object.keys(flags))
        if (!plan.set.index.has(code))
          problems.add(MESSAGES.unknownCode(`fulfilment, ${postId}`, member, code));
    } else if (post && post.requiresFulfilment) {
      for (const who of Object.keys(flags))
        if (who !== post.recipient) problems.add(MESSAGES.notTheBody(postId, post.recipient, who));
    } else {
      problems.add(
        MESSAGES.notConditionalPost(
          postId,
          agreement.id,
          plan.setPostIds,
          plan.conditionalBodyPostIds
        )
      );
    }
  }
}

function decidedAmounts(
  agreement: AllocationAgreement,
  plan: Plan,
  decided: Record<string, unknown>,
  problems: ProblemList
): Map<string, Kronor> {
  const out = new Map<string, Kronor>();
  for (const [postId, value] of Object.entries(decided)) {
    const post = plan.postById.get(postId);
    if (!post) {
      problems.add(MESSAGES.notAPost("decided", postId, agreement.id));
      continue;
    }
    if (!post.atMost) {
      problems.add(MESSAGES.notAtMost(postId));
      continue;
    }
    const amount = wholeKronorOf(value);
    if (amount === undefined) problems.add(MESSAGES.notKronor(postId, value));
    else if (amount > post.amount) problems.add(MESSAGES.aboveCeiling(postId, amount, post.amount));
    else out.set(postId, amount);
  }
  return out;
}

function wholeKronorOf(value: unknown): Kronor | undefined {
  let d: Decimal;
  try {
    d = new Decimal(value as string);
  } catch {
    return undefined;
  }
  const whole = d.isInteger() && !d.isNegative(); // Infinity and NaN are no integers
  return whole && d.lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() : undefined;
}

function checkOptions(
  agreement: AllocationAgreement,
  plan: Plan,
  options: ComputeOptions,
  problems: ProblemList
): void {
  if (options.redistribution && !REDISTRIBUTION_KEYS.includes(options.redistribution))
    problems.add(MESSAGES.badRedistribution(options.redistribution));
  if (options.method !== undefined && !METHODS.includes(options.method))
    problems.add(MESSAGES.badMethod(options.method));
  const o = options.nonFulfilment;
  const rules: [string, unknown][] =
    typeof o === "object" ? Object.entries(o) : o ? [["*", o]] : [];
  for (const [postId, rule] of rules) {
    if (rule !== "lapse" && rule !== "share") problems.add(MESSAGES.badRule(rule));
    if (postId === "*") continue;
    // A per-unit post's rule is the text's (redistribute); lapse and share are for key posts.
    if (!plan.postById.has(postId))
      problems.add(MESSAGES.notAPost("non-fulfilment", postId, agreement.id));
  }
}

/**
 * A figure per member. The usual input — exactly the members' codes, each a non-negative safe
 * integer — is checked without decimal.js; anything else takes the full check.
 */
function figuresOf(
  set: Recipients,
  slab: Slab,
  figures: Record<string, unknown>,
  what: string,
  problems: ProblemList,
  wholeNumbers: boolean
): Figures | undefined {
  const numbers = wholeNumbersOf(set, figures, slab);
  if (numbers) return new Figures(set.codes, numbers);
  const before = problems.problems.length;
  const out = checkedFigures(set, figures, what, problems, wholeNumbers);
  if (problems.problems.length > before) return undefined;
  const asNumbers = new Float64Array(set.codes.length);
  for (let i = 0; i < set.codes.length; i++) {
    const d = out[set.codes[i]!]!;
    if (!d.isInteger() || d.greaterThan(Number.MAX_SAFE_INTEGER))
      return new Figures(set.codes, null, out);
    asNumbers[i] = d.toNumber();
  }
  return new Figures(set.codes, asNumbers, out);
}

/** The figures in member order when every member has a safe whole number and no other key is given. */
function wholeNumbersOf(
  set: Recipients,
  figures: Record<string, unknown>,
  slab: Slab
): Float64Array | null {
  const codes = set.codes;
  const n = codes.length;
  const numbers = slab.take();
  // Stryker disable next-line EqualityOperator,UpdateOperator: a figure past the members is none, which takes the full check: the same figures
  for (let i = 0; i < n; i++) {
    const v = figures[codes[i]!];
    if (!isWholeKronor(v)) return null;
    numbers[i] = v;
  }
  // Every member's code is there, so n keys in all means no other.
  return Object.keys(figures).length === n ? numbers : null;
}

function checkedFigures(
  set: Recipients,
  figures: Record<string, unknown>,
  what: string,
  problems: ProblemList,
  wholeNumbers: boolean
): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const code of Object.keys(figures))
    if (!set.index.has(code)) problems.add(MESSAGES.unknownCode(what, set.id, code));
  for (const m of set.members) {
    const v = figures[m.code];
    if (!(m.code in figures) || v === null || v === undefined || v === "") {
      problems.add(MESSAGES.missing(what, m.name, m.code));
      continue;
    }
    const d = checkFigure(v, `${what}, ${m.name}`, problems, wholeNumbers);
    // Stryker disable next-line ConditionalExpression: no figure comes with a problem, and the figures are then not used
    if (d) out[m.code] = d;
  }
  return out;
}

function checkFigure(
  value: unknown,
  what: string,
  problems: ProblemList,
  wholeNumber: boolean
): Decimal | undefined {
  let d: Decimal;
  try {
    if (typeof value !== "number" && typeof value !== "string" && !Decimal.isDecimal(value))
      throw new Error();
    d = new Decimal(value as string);
  } catch {
    problems.add(MESSAGES.notNumber(what, value));
    return undefined;
  }
  if (!d.isFinite()) problems.add(MESSAGES.notFinite(what, d));
  else if (d.isNegative()) problems.add(MESSAGES.negative(what, d));
  else if (wholeNumber && !d.isInteger()) problems.add(MESSAGES.notWhole(what, d));
  else return d;
  return undefined;
}
