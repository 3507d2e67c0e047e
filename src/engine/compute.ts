import type { AllocationAgreement, Post, PostKey, PostRule, Recipient } from "../agreements/schema";
import { Allocation, allocate } from "./allocate";
import { BodyPostResult, Payment, PostResult, SetPostResult, keep } from "./audit";
import { contactMoney } from "./contacts";
import { Decimal } from "../core/decimal";
import {
  ComputeInputs,
  ComputeOptions,
  RedistributionKey,
  TREATMENT_COLUMNS,
  notReportedIn,
} from "./inputs";
import { checkedSum, keyPayments, unitPayments } from "./integer";
import { Method } from "./methods";
import type { Message } from "../core/messages";
import { NOTES } from "./messages";
import { message } from "../core/messages";
import { Kronor, sumKronor } from "./money";
import { Plan, planOf } from "./plan";
import { Recipients } from "./recipients";
import { Figures, Validated, isWholeKronor, validateInputs } from "./validate";

export type { Payment, PostResult } from "./audit";

export interface UnpaidMoney {
  post: string;
  amount: Kronor;
  /** Why, as a catalogue message: `render(reason, lang)` (src/core/messages). */
  reason: Message;
}

/** A warning of a result: what kind (a stable code) and what it says, as a catalogue message. */
export interface Warning {
  code:
    | "key-date"
    | "key-date-unknown"
    | "key-dates-mixed"
    | "table1"
    | "contacts-assumed"
    | "unpaid"
    | "contacts-exceed-treatments"
    | "contacts-not-reported"
    | "key-zero";
  /** Its text comes from the catalogues: `render(note, lang)` (src/core/messages). */
  note: Message;
}

export interface ComputeResult {
  agreement: AllocationAgreement;
  key: { date: string | null; source: string; total: Decimal };
  redistribution: RedistributionKey;
  /** How whole kronor were found in every split by a key. */
  method: Method;
  budget: Kronor;
  /** Everything the result pays or reserves; `total` + unpaid = budget. */
  total: Kronor;
  posts: PostResult[];
  unpaid: UnpaidMoney[];
  /** Sums per recipient (the set, then each body), in the agreement's order. */
  byRecipient: { recipient: Recipient; amount: Kronor }[];
  /** Sums per payout date, in date order; a reservation's year is marked `reservation`. */
  byPayoutDate: { date: string; amount: Kronor; reservation?: true }[];
  /** Every member's total over all posts to the recipient set, in the set's order. */
  byRegion: Payment[];
  warnings: Warning[];
}

/**
 * Every krona of an allocation agreement: per post, per recipient, whole kronor, with payout
 * dates and warnings. The one place where money is computed; everything else adapts values in
 * and out of this function.
 *
 * Whole-number figures take the integer path (`integer.ts`, typed arrays); the audit objects
 * (`allocation`, `contacts`) are then built when first read by `allocate` and `contactMoney`,
 * the decimal reference, which compute any other figures (decimals, text) eagerly.
 */
export function compute(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions = {}
): ComputeResult {
  const valid = validateInputs(agreement, inputs, options);
  const plan = planOf(agreement);
  const redistribution = options.redistribution ?? "population";
  const method = options.method ?? "hamilton";
  const warnings: Warning[] = [...keyDateWarnings(agreement, inputs), ...table1Warnings(plan)];
  const ctx: Context = {
    plan,
    set: plan.set,
    inputs,
    options,
    valid,
    redistribution,
    method,
    warnings,
    // The amounts of the set's posts follow the figures in the call's one buffer.
    block: valid.slab.block,
    first: valid.slab.next,
    next: valid.slab.next,
  };
  // Stryker disable next-line ArrayDeclaration: a preallocation; an empty array grows to the same contents
  const posts = new Array<PostResult>(plan.posts.length);
  for (let i = 0; i < plan.posts.length; i++) {
    const { post, kind } = plan.posts[i]!;
    // The plan's kind says which key a set's post has (the schema gives it a key or a per-unit one).
    posts[i] =
      kind === 0
        ? bodyResult(ctx, post)
        : kind === 1
          ? keyResult(ctx, post, post.key as KeyOf<"key">)
          : unitResult(ctx, post, post.key as KeyOf<"per-unit">);
  }

  const unpaid: UnpaidMoney[] = [];
  for (const p of posts)
    if (p.unpaid > 0)
      unpaid.push({ post: p.post.id, amount: p.unpaid, reason: unpaidReason(ctx, p) });
  for (const u of unpaid)
    warnings.push({
      code: "unpaid",
      note: NOTES.unpaid(u.post, u.amount, u.reason),
    });
  warnings.push(...treatmentWarnings(ctx));
  warnings.push(...arrivalWarnings(ctx));

  const sums = summaries(plan, posts);
  const key = new KeyInfo(inputs.key.date, inputs.key.source, valid.keys.get(agreement.keyColumn)!);
  return new Result(agreement, key, redistribution, sums, posts, unpaid, warnings, ctx);
}

const CTX = Symbol("sjuk.context");

/** A compute() result; `byRegion` is summed when first read. */
class Result implements ComputeResult {
  budget: Kronor;
  total: Kronor;
  method: Method;
  byRecipient: ComputeResult["byRecipient"];
  byPayoutDate: ComputeResult["byPayoutDate"];
  declare [CTX]: Context;

  constructor(
    public agreement: AllocationAgreement,
    public key: KeyInfo,
    public redistribution: RedistributionKey,
    sums: ReturnType<typeof summaries>,
    public posts: PostResult[],
    public unpaid: UnpaidMoney[],
    public warnings: Warning[],
    ctx: Context
  ) {
    this.budget = agreement.total;
    this.method = ctx.method;
    this.total = sums.total;
    this.byRecipient = sums.byRecipient;
    this.byPayoutDate = sums.byPayoutDate;
    this[CTX] = ctx; // a symbol key: outside JSON, Object.keys and for…in
  }

  get byRegion(): Payment[] {
    return keep(this, "byRegion", sumsByMember(this[CTX]));
  }

  set byRegion(value: Payment[]) {
    keep(this, "byRegion", value);
  }
}

type KeyOf<T extends PostKey["type"]> = Extract<PostKey, { type: T }>;

interface Context {
  plan: Plan;
  set: Recipients;
  inputs: ComputeInputs;
  options: ComputeOptions;
  valid: Validated;
  redistribution: RedistributionKey;
  method: Method;
  warnings: Warning[];
  block: Float64Array;
  /** Where the posts' amounts start in `block`, and where the next post's go. */
  first: number;
  next: number;
}

function keyDateWarnings(agreement: AllocationAgreement, inputs: ComputeInputs): Warning[] {
  // Stryker disable next-line ArrayDeclaration: one date is no mix, so a one-element default warns as [] does
  const mixed = inputs.key.dates ?? [];
  if (inputs.key.date === null && mixed.length > 1)
    return [
      {
        code: "key-dates-mixed",
        note: NOTES.keyDatesMixed(mixed, agreement.keyDescription),
      },
    ];
  if (inputs.key.date === null)
    return [
      {
        code: "key-date-unknown",
        note: NOTES.keyDateUnknown(agreement.keyDescription),
      },
    ];
  if (inputs.key.date !== agreement.keyDate)
    return [
      {
        code: "key-date",
        note: NOTES.keyDate(
          inputs.key.date,
          inputs.key.source,
          agreement.keyDate,
          agreement.keyDescription
        ),
      },
    ];
  return [];
}

/** Table 1 is a check the agreement states: a figure its posts no longer match is said, not refused. */
function table1Warnings(plan: Plan): Warning[] {
  return plan.table1.map((m) => ({
    code: "table1",
    note: NOTES.table1Mismatch(m.recipient, m.stated, m.posts),
  }));
}

/** The key a result was computed with; its exact total is made when read (audit). */
class KeyInfo {
  declare [KEY_FIGURES]: Figures;
  declare [KEY_TOTAL]: Decimal | undefined;

  constructor(
    public date: string | null,
    public source: string,
    figures: Figures
  ) {
    this[KEY_FIGURES] = figures; // symbol keys: outside JSON, Object.keys and for…in
  }

  get total(): Decimal {
    return (this[KEY_TOTAL] ??= figuresTotal(this[KEY_FIGURES]));
  }
}

const KEY_FIGURES = Symbol("sjuk.keyFigures");
const KEY_TOTAL = Symbol("sjuk.keyTotal");

function figuresTotal(f: Figures): Decimal {
  // Whole figures with a safe sum: that sum is exact, and is the Decimal sum.
  const sum = f.numbers ? checkedSum(f.numbers, f.numbers.length) : -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the Decimal sum below is the same total
  return sum >= 0
    ? new Decimal(sum)
    : Object.values(f.decimals).reduce((s, v) => s.plus(v), new Decimal(0));
}

/** What the post may pay: a "högst" post's decided amount, else its budget. */
function amountOf(ctx: Context, post: Post): Kronor {
  return ctx.valid.decided.get(post.id) ?? post.amount;
}

/** A body's post: its amount, unless the body has not fulfilled a condition the post requires. */
function bodyResult(ctx: Context, post: Post): PostResult {
  const fulfilled =
    !post.requiresFulfilment || ctx.inputs.fulfilment?.[post.id]?.[post.recipient] !== false;
  const paid = fulfilled ? amountOf(ctx, post) : 0;
  const decided = ctx.valid.decided.get(post.id);
  const reservation = post.reservation === true;
  return new BodyPostResult(post, post.amount, decided, paid, post.amount - paid, reservation);
}

/** Per member (set order): 1 where it fulfils the post's condition; null when all do. */
function fulfilmentMask(ctx: Context, post: Post): Uint8Array | null {
  const flags = ctx.inputs.fulfilment?.[post.id];
  if (!flags) return null;
  let mask: Uint8Array | null = null;
  for (const code in flags)
    if (flags[code] === false) {
      mask ??= new Uint8Array(ctx.set.codes.length).fill(1);
      mask[ctx.set.index.get(code)!] = 0;
    }
  return mask;
}

let paidScratch = new Float64Array(0);

/** Scratch for one post's amounts (compute is synchronous); setResult copies them into the call's buffer. */
function scratchPaid(n: number): Float64Array {
  // Stryker disable next-line ConditionalExpression: a new array on every call is as good a scratch
  if (paidScratch.length !== n) paidScratch = new Float64Array(n);
  return paidScratch.fill(0);
}

/** The post's result, its amounts (`paid`, one per member) copied to the next place in the call's buffer. */
function setResult(
  ctx: Context,
  post: Post,
  rule: PostRule,
  paid: Float64Array,
  make: (() => unknown) | undefined
): SetPostResult {
  const offset = ctx.next;
  ctx.block.set(paid, offset);
  ctx.next += paid.length;
  // A post pays at most its amount, a safe integer: a sum of whole kronor that stays exact.
  let total = 0;
  for (let i = 0; i < paid.length; i++) total += paid[i]!;
  const perUnit = post.key.type === "per-unit";
  return new SetPostResult(
    post,
    post.amount,
    ctx.valid.decided.get(post.id),
    total,
    post.amount - total,
    rule,
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: the schema gives reservations to bodies only
    post.reservation === true,
    ctx.block,
    offset,
    ctx.set.members,
    make,
    perUnit
  );
}

/** A key post's rule (a per-unit post always redistributes: see unitResult). */
function ruleFor(ctx: Context, post: Post): PostRule {
  const o = ctx.options.nonFulfilment;
  if (typeof o === "string") return o;
  return o?.[post.id] ?? post.nonFulfilment ?? "lapse";
}

/** A post split by a key column: lapse (non-fulfilling members' shares are not paid) or share. */
function keyResult(ctx: Context, post: Post, { column }: KeyOf<"key">): PostResult {
  const figures = ctx.valid.keys.get(column)!;
  const fulfilling = fulfilmentMask(ctx, post);
  const rule = ruleFor(ctx, post);
  const amount = amountOf(ctx, post);
  const n = ctx.set.codes.length;
  const audit = () => keyAudit(ctx.set, figures, fulfilling, rule, amount, column, ctx.method);
  const keySum = figures.numbers ? checkedSum(figures.numbers, n) : -1;
  const paid = scratchPaid(n);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the integer path is a shortcut; the decimal reference below gives the same kronor (compute-paths.test.ts)
  if (keySum >= 0 && isWholeKronor(amount)) {
    keyPayments(
      amount,
      figures.numbers!,
      keySum,
      ctx.set.codes,
      fulfilling,
      rule === "share",
      paid,
      ctx.method
    );
    return setResult(ctx, post, rule, paid, audit);
  }
  const allocation = audit();
  // Stryker disable next-line ArrayDeclaration: no allocation means nobody fulfils, and a stray line pays no fulfilling member
  for (const l of allocation?.lines ?? []) {
    const i = ctx.set.index.get(l.id)!;
    if (fulfilling === null || fulfilling[i]) paid[i] = l.amount;
  }
  const result = setResult(ctx, post, rule, paid, undefined);
  result.allocation = allocation;
  return result;
}

/** The decimal reference for a key post: `allocate` over every member (lapse) or the fulfilling ones (share). */
function keyAudit(
  set: Recipients,
  figures: Figures,
  fulfilling: Uint8Array | null,
  rule: PostRule,
  amount: Kronor,
  column: string,
  method: Method
): Allocation | undefined {
  const d = figures.decimals;
  const included = set.codes.filter(
    (_, i) => rule !== "share" || fulfilling === null || fulfilling[i]
  );
  const weights = included.map((code) => ({ id: code, weight: d[code]! }));
  // Under "share", nobody fulfilling means nothing is paid (rather than an error).
  if (rule === "share" && weights.every((w) => w.weight.isZero())) return undefined;
  return allocate(amount, weights, column, method);
}

/**
 * A per-unit post (villkor 3's contact money): a member not fulfilling the condition counts no
 * units, so its cap goes to the members with more units. Without counts every fulfilling member
 * is assumed to have units enough to take all it can be given (an unbounded count), so the same
 * rounds pay the whole post among them — identical to counts that exceed every cap.
 */
function unitResult(ctx: Context, post: Post, key: KeyOf<"per-unit">): PostResult {
  const { unitAmount, column } = key;
  const cap = ctx.valid.keys.get(key.cap.column)!;
  const given = ctx.valid.units.get(column) ?? null;
  if (!given) ctx.warnings.push(unitsAssumed(ctx, post, column));
  const fulfilling = fulfilmentMask(ctx, post);
  const amount = amountOf(ctx, post);
  const n = ctx.set.codes.length;
  const countOf = (i: number): Decimal =>
    fulfilling !== null && !fulfilling[i]
      ? ZERO
      : given === null
        ? UNBOUNDED
        : given.decimals[ctx.set.codes[i]!]!;
  const reference = () => {
    const counts: Record<string, Decimal> = {};
    ctx.set.codes.forEach((code, i) => (counts[code] = countOf(i)));
    return contactMoney(amount, unitAmount, cap.decimals, counts, ctx.redistribution, ctx.method);
  };
  const capSum = cap.numbers ? checkedSum(cap.numbers, n) : -1;
  const paid = scratchPaid(n);
  // Stryker disable next-line EqualityOperator,BlockStatement: the integer path is a shortcut; the decimal reference below gives the same kronor
  if ((given === null || given.numbers) && capSum >= 0 && isWholeKronor(amount)) {
    const counts = scratchCounts(n);
    // Stryker disable next-line EqualityOperator: one past the end writes nothing into a typed array
    for (let i = 0; i < n; i++)
      counts[i] =
        fulfilling !== null && !fulfilling[i] ? 0 : given === null ? Infinity : given.numbers![i]!;
    const r = ctx.redistribution;
    const { codes } = ctx.set;
    // Stryker disable next-line ConditionalExpression: without the integer result, the decimal reference below gives the same kronor
    if (unitPayments(amount, unitAmount, cap.numbers!, capSum, counts, codes, r, paid, ctx.method))
      return setResult(ctx, post, "redistribute", withhold(ctx, column, paid), reference);
  }
  const money = reference();
  ctx.set.codes.forEach((code, i) => (paid[i] = money.paid[code]!));
  withhold(ctx, column, paid);
  const result = setResult(ctx, post, "redistribute", paid, undefined);
  result.contacts = money;
  return result;
}

/**
 * A member whose contacts are not reported yet is not paid: what the rounds gave it (its cap,
 * as if it had contacts enough) is a placeholder that keeps the others' amounts to what they
 * are sure of, and stays unpaid until the member reports (see ContactCounts.notReported).
 */
function withhold(ctx: Context, column: string, paid: Float64Array): Float64Array {
  const missing = notReportedIn(ctx.inputs, column);
  // A member that does not fulfil the post is paid 0 already.
  ctx.set.codes.forEach((code, i) => {
    if (missing.includes(code)) paid[i] = 0;
  });
  return paid;
}

/** The members of a per-unit post that have not reported yet (and fulfil it), by name. */
function notReportedNames(ctx: Context, column: string, mask: Uint8Array | null): string[] {
  return notReportedIn(ctx.inputs, column)
    .map((code) => ctx.set.index.get(code))
    .filter((i): i is number => i !== undefined && (mask === null || mask[i] === 1))
    .map((i) => ctx.set.members[i]!.name);
}

const ZERO = new Decimal(0);
const UNBOUNDED = new Decimal(Infinity);
let counts = new Float64Array(0);

/** Scratch for the integer path's counts (compute is synchronous; the audit rebuilds them). */
function scratchCounts(n: number): Float64Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a new array is as good; one of another length reads NaN counts, and unitPayments then leaves the post to the decimal reference
  if (counts.length !== n) counts = new Float64Array(n);
  return counts;
}

function unitsAssumed(ctx: Context, post: Post, column: string): Warning {
  const amount = amountOf(ctx, post);
  const byPopulation = ctx.redistribution === "unpaid-contacts";
  return {
    code: "contacts-assumed",
    note: NOTES.unitsAssumed(post.id, column, amount, ctx.set.id, byPopulation),
  };
}

function unpaidReason(ctx: Context, p: PostResult): Message {
  const reasons: Message[] = [];
  if (p.decided !== undefined && p.decided < p.budget)
    reasons.push(NOTES.decidedBelow(p.decided, p.budget));
  const left = p.unpaid - (p.budget - (p.decided ?? p.budget));
  if (left > 0) reasons.push(shortfallReason(ctx, p));
  return NOTES.reasons(reasons);
}

function shortfallReason(ctx: Context, p: PostResult): Message {
  const member = ctx.set.id;
  if (p.post.recipient !== ctx.set.id) return NOTES.notFulfilledBy(p.post.recipient);
  const mask = fulfilmentMask(ctx, p.post);
  if (p.post.key.type === "per-unit") {
    const waiting = notReportedNames(ctx, p.post.key.column, mask);
    if (waiting.length) return NOTES.notReported(p.post.key.column, waiting);
    const nobody = mask !== null && mask.every((f) => f === 0);
    return nobody ? NOTES.nobodyFulfils(member) : NOTES.notEnoughUnits(member, p.post.key.column);
  }
  if (p.rule === "share") return NOTES.nobodyFulfils(member);
  // A key post's shortfall past a decided amount is lapsed shares: some member does not fulfil it.
  const notFulfilling = ctx.set.members.filter((_, i) => !mask![i]);
  return NOTES.lapsed(notFulfilling.map((m) => m.short));
}

function treatmentWarnings(ctx: Context): Warning[] {
  const treatments = ctx.inputs.contacts?.treatments;
  const counts = ctx.valid.units.get("contacts");
  if (!treatments || !counts) return [];
  const out: Warning[] = [];
  for (const m of ctx.set.members) {
    const t = treatments[m.code];
    if (!t) continue;
    const sum = TREATMENT_COLUMNS.reduce((s, c) => s.plus(t[c] ?? 0), new Decimal(0));
    const count = counts.decimals[m.code]!;
    if (count.isFinite() && count.greaterThan(sum))
      out.push({
        code: "contacts-exceed-treatments",
        note: NOTES.contactsExceedTreatments(m.name, count.toString(), sum.toString()),
      });
  }
  return out;
}

/**
 * Input as it arrives: members whose contacts are not reported yet, and members whose key
 * figure is 0 (they get nothing of the posts split by it: worth a look, not an error).
 */
function arrivalWarnings(ctx: Context): Warning[] {
  const out: Warning[] = [];
  const nameOf = (code: string) => ctx.set.members[ctx.set.index.get(code)!]!.name;
  for (const [column, figures] of ctx.valid.keys) {
    const zero = ctx.set.codes.filter((code, i) =>
      figures.numbers ? figures.numbers[i] === 0 : figures.decimals[code]!.isZero()
    );
    if (zero.length)
      out.push({
        code: "key-zero",
        note: message("key.zero", { what: column, names: zero.map(nameOf) }),
      });
  }
  // Every per-unit post of the members, one warning per unit column with members missing.
  const warned = new Set<string>();
  for (const { post } of ctx.plan.posts) {
    // A per-unit post is a set's post (the schema).
    if (post.key.type !== "per-unit" || warned.has(post.key.column)) continue;
    const column = post.key.column;
    warned.add(column);
    const missing = notReportedIn(ctx.inputs, column).filter((c) => ctx.set.index.has(c));
    if (!missing.length) continue;
    const params = {
      post: post.id,
      names: missing.map(nameOf),
      count: missing.length,
      total: ctx.set.codes.length,
      ...(column === "contacts" && ctx.set.id === "regions" ? {} : { column, set: ctx.set.id }),
    };
    out.push({
      code: "contacts-not-reported",
      note: message("contacts.not-reported", params),
    });
  }
  return out;
}

/** The total, and the sums per recipient and per payout date, through the plan's indices. */
function summaries(plan: Plan, posts: PostResult[]) {
  const byRecipient = new Float64Array(plan.recipients.length);
  const byDate = new Float64Array(plan.dates.length);
  let total = 0;
  for (let i = 0; i < posts.length; i++) {
    const paid = posts[i]!.paid;
    total += paid;
    byRecipient[plan.posts[i]!.recipient]! += paid;
    byDate[plan.posts[i]!.date]! += paid;
  }
  // The posts add up to the agreement's total, a safe integer (the schema), so every sum here is
  // exact. Past 2^53 the agreement was made past the schema: sumKronor refuses the sum.
  // Stryker disable next-line ConditionalExpression: sumKronor gives a safe sum the same total
  if (!Number.isSafeInteger(total)) sumKronor(posts.map((p) => p.paid));
  return {
    total,
    byRecipient: plan.recipients.map((recipient, i) => ({ recipient, amount: byRecipient[i]! })),
    byPayoutDate: plan.dates.map(({ date, reservation }, i) =>
      reservation
        ? { date, amount: byDate[i]!, reservation: true as const }
        : { date, amount: byDate[i]! }
    ),
  };
}

let sumsScratch = new Float64Array(0);

function memberSums(n: number): Float64Array {
  // Stryker disable next-line ConditionalExpression: a new array on every call is as good a scratch
  if (sumsScratch.length !== n) sumsScratch = new Float64Array(n);
  return sumsScratch.fill(0);
}

/**
 * Every member's total over the posts to the set, in the set's order; one pass over the call's
 * buffer. Each is at most the result's total, a safe integer (summaries): exact in numbers.
 */
function sumsByMember(ctx: Context): Payment[] {
  const { set, block } = ctx;
  const n = set.codes.length;
  const sums = memberSums(n);
  for (let j = ctx.first; j < ctx.next; j += n)
    for (let i = 0; i < n; i++) sums[i]! += block[j + i]!;
  return set.members.map((m, i) => ({ recipient: m.code, name: m.name, amount: sums[i]! }));
}
