import type { AllocationAgreement, Post, PostRule, Recipient } from "../agreements/schema";
import { Allocation, allocate } from "./allocate";
import { Payment, lazyAllocation, lazyContacts, lazyPayments } from "./audit";
import { ContactMoney, contactMoney } from "./contacts";
import { Decimal } from "./decimal";
import { ComputeInputs, ComputeOptions, RedistributionKey, TREATMENT_COLUMNS } from "./inputs";
import { checkedSum, keyPayments, unitPayments } from "./integer";
import { Kronor, formatKronor, sumKronor } from "./money";
import { Recipients, recipientsOf } from "./recipients";
import { Figures, Validated, isWholeKronor, validateInputs } from "./validate";

export type { Payment } from "./audit";

export interface UnpaidMoney {
  post: string;
  amount: Kronor;
  reason: string;
}

export interface PostResult {
  post: Post;
  /** The budget the agreement sets for the post (a "högst" post's ceiling). */
  budget: Kronor;
  /** A "högst" post's decided amount, when one was given. */
  decided?: Kronor;
  paid: Kronor;
  unpaid: Kronor;
  /** Posts to the recipient set: what a non-fulfilling member's money does. */
  rule?: PostRule;
  /** Money reserved for the government's decision (follow-up), not a payout to a recipient. */
  reservation: boolean;
  /** Posts to the recipient set: what each member is paid, in the set's order. */
  amounts?: Float64Array;
  /** Per member of the recipient set (in its order), or the one body. */
  payments: Payment[];
  /** How the money was split, for audit (SJUK.EXPLAIN); a per-unit post's caps. */
  allocation?: Allocation;
  contacts?: ContactMoney;
}

export interface Warning {
  code:
    "key-date" | "key-date-unknown" | "contacts-assumed" | "unpaid" | "contacts-exceed-treatments";
  message: string;
}

export interface ComputeResult {
  agreement: AllocationAgreement;
  key: { date: string | null; source: string; total: Decimal };
  redistribution: RedistributionKey;
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
  const set = recipientsOf(agreement);
  const redistribution = options.redistribution ?? "population";
  const warnings: Warning[] = keyDateWarnings(agreement, inputs);
  const ctx: Context = { agreement, set, inputs, options, valid, redistribution, warnings };
  const posts = agreement.posts.map((post) =>
    post.recipient !== set.id
      ? bodyResult(ctx, post)
      : post.key.type === "per-unit"
        ? unitResult(ctx, post)
        : keyResult(ctx, post)
  );

  const unpaid: UnpaidMoney[] = [];
  for (const p of posts)
    if (p.unpaid > 0)
      unpaid.push({ post: p.post.id, amount: p.unpaid, reason: unpaidReason(ctx, p) });
  for (const u of unpaid)
    warnings.push({
      code: "unpaid",
      message: `${u.post}: ${formatKronor(u.amount)} is not paid out (${u.reason}).`,
    });
  warnings.push(...treatmentWarnings(ctx));

  const main = valid.keys.get(agreement.keyColumn)!;
  return {
    agreement,
    key: {
      date: inputs.key.date,
      source: inputs.key.source,
      total: figuresTotal(main),
    },
    redistribution,
    budget: agreement.total,
    total: sumKronor(posts.map((p) => p.paid)),
    posts,
    unpaid,
    byRecipient: sumsBy(posts, (p) => p.post.recipient).map(([recipient, amount]) => ({
      recipient,
      amount,
    })),
    byPayoutDate: payoutDates(posts),
    byRegion: sumsByMember(set, posts),
    warnings,
  };
}

interface Context {
  agreement: AllocationAgreement;
  set: Recipients;
  inputs: ComputeInputs;
  options: ComputeOptions;
  valid: Validated;
  redistribution: RedistributionKey;
  warnings: Warning[];
}

function keyDateWarnings(agreement: AllocationAgreement, inputs: ComputeInputs): Warning[] {
  if (inputs.key.date === null)
    return [
      {
        code: "key-date-unknown",
        message: `The key's date is not stated; the agreement's key is ${agreement.keyDescription.en}.`,
      },
    ];
  if (inputs.key.date !== agreement.keyDate)
    return [
      {
        code: "key-date",
        message: `The key is from ${inputs.key.date} (${inputs.key.source}), not from ${agreement.keyDate} as the agreement requires (${agreement.keyDescription.en}).`,
      },
    ];
  return [];
}

function figuresTotal(f: Figures): Decimal {
  // Whole figures with a safe sum: that sum is exact, and is the Decimal sum.
  const sum = f.numbers ? checkedSum(f.numbers, f.numbers.length) : -1;
  return sum >= 0
    ? new Decimal(sum)
    : Object.values(f.decimals).reduce((s, v) => s.plus(v), new Decimal(0));
}

/** What the post may pay: a "högst" post's decided amount, else its budget. */
function amountOf(ctx: Context, post: Post): Kronor {
  return ctx.valid.decided.get(post.id) ?? post.amount;
}

function baseResult(ctx: Context, post: Post, paid: Kronor): PostResult {
  const decided = ctx.valid.decided.get(post.id);
  return {
    post,
    budget: post.amount,
    ...(decided !== undefined ? { decided } : {}),
    paid,
    unpaid: post.amount - paid,
    reservation: post.reservation === true,
  } as PostResult;
}

/** A body's post: its amount, unless the body has not fulfilled a condition the post requires. */
function bodyResult(ctx: Context, post: Post): PostResult {
  const fulfilled =
    !post.requiresFulfilment || ctx.inputs.fulfilment?.[post.id]?.[post.recipient] !== false;
  const paid = fulfilled ? amountOf(ctx, post) : 0;
  const result = baseResult(ctx, post, paid);
  result.payments = [{ recipient: post.recipient, name: post.recipient, amount: paid }];
  return result;
}

/** Per member (set order): 1 where it fulfils the post's condition; null when all do. */
function fulfilmentMask(ctx: Context, post: Post): Uint8Array | null {
  const flags = ctx.inputs.fulfilment?.[post.id];
  if (!flags) return null;
  const mask = new Uint8Array(ctx.set.codes.length).fill(1);
  let all = true;
  for (const code in flags)
    if (flags[code] === false) {
      mask[ctx.set.index.get(code)!] = 0;
      all = false;
    }
  return all ? null : mask;
}

function setResult(ctx: Context, post: Post, rule: PostRule, amounts: Float64Array): PostResult {
  let paid = 0;
  for (let i = 0; i < amounts.length; i++) paid += amounts[i]!;
  if (!Number.isSafeInteger(paid)) paid = sumKronor(Array.from(amounts));
  const result = baseResult(ctx, post, paid);
  result.rule = rule;
  result.amounts = amounts;
  lazyPayments(result, amounts, ctx.set.members);
  return result;
}

function ruleFor(ctx: Context, post: Post): PostRule {
  if (post.key.type === "per-unit") return "redistribute";
  const o = ctx.options.nonFulfilment;
  if (typeof o === "string") return o;
  return o?.[post.id] ?? post.nonFulfilment ?? "lapse";
}

/** A post split by a key column: lapse (non-fulfilling members' shares are not paid) or share. */
function keyResult(ctx: Context, post: Post): PostResult {
  if (post.key.type !== "key") throw new Error(`${post.id} is not a key post`);
  const figures = ctx.valid.keys.get(post.key.column)!;
  const fulfilling = fulfilmentMask(ctx, post);
  const rule = ruleFor(ctx, post);
  const amount = amountOf(ctx, post);
  const n = ctx.set.codes.length;
  const keySum = figures.numbers ? checkedSum(figures.numbers, n) : -1;
  const included = (code: string) =>
    fulfilling === null || fulfilling[ctx.set.index.get(code)!] === 1;
  const audit = (): Allocation | undefined =>
    rule === "share"
      ? allocateOrNothing(amount, weightsOf(ctx.set, figures, included))
      : allocate(
          amount,
          weightsOf(ctx.set, figures, () => true),
          post.key.type === "key" ? post.key.column : "key"
        );
  if (keySum >= 0 && isWholeKronor(amount)) {
    const paid = new Float64Array(n);
    keyPayments(
      amount,
      figures.numbers!,
      keySum,
      ctx.set.codes,
      fulfilling,
      rule === "share",
      paid
    );
    const result = setResult(ctx, post, rule, paid);
    lazyAllocation(result, audit);
    return result;
  }
  const allocation = audit();
  const paid = new Float64Array(n);
  for (const l of allocation?.lines ?? [])
    if (included(l.id)) paid[ctx.set.index.get(l.id)!] = l.amount;
  const result = setResult(ctx, post, rule, paid);
  result.allocation = allocation;
  return result;
}

/**
 * A per-unit post (villkor 3's contact money): a member not fulfilling the condition counts no
 * units, so its cap goes to the members with more units. Without counts every fulfilling member
 * is assumed to have units enough to take all it can be given (an unbounded count), so the same
 * rounds pay the whole post among them — identical to counts that exceed every cap.
 */
function unitResult(ctx: Context, post: Post): PostResult {
  if (post.key.type !== "per-unit") throw new Error(`${post.id} is not a per-unit post`);
  const { unitAmount, column } = post.key;
  const cap = ctx.valid.keys.get(post.key.cap.column)!;
  const given = ctx.valid.units.get(column) ?? null;
  if (!given) ctx.warnings.push(unitsAssumed(ctx, post));
  const fulfilling = fulfilmentMask(ctx, post);
  const amount = amountOf(ctx, post);
  const n = ctx.set.codes.length;
  const counts = new Float64Array(n);
  const whole = given === null || given.numbers !== null;
  for (let i = 0; i < n; i++)
    counts[i] =
      fulfilling !== null && !fulfilling[i]
        ? 0
        : given === null
          ? Infinity
          : whole
            ? given.numbers![i]!
            : NaN;
  const countDecimals = (): Record<string, Decimal> => {
    const out: Record<string, Decimal> = {};
    ctx.set.codes.forEach((code, i) => {
      out[code] = Number.isNaN(counts[i]) ? given!.decimals[code]! : new Decimal(counts[i]!);
    });
    return out;
  };
  const reference = () =>
    contactMoney(amount, unitAmount, cap.decimals, countDecimals(), ctx.redistribution);
  const capSum = cap.numbers ? checkedSum(cap.numbers, n) : -1;
  if (whole && capSum >= 0 && isWholeKronor(amount)) {
    const paid = new Float64Array(n);
    if (
      unitPayments(
        amount,
        unitAmount,
        cap.numbers!,
        capSum,
        counts,
        ctx.set.codes,
        ctx.redistribution,
        paid
      )
    ) {
      const result = setResult(ctx, post, "redistribute", paid);
      lazyContacts(result, reference);
      return result;
    }
  }
  const money = reference();
  const paid = new Float64Array(n);
  ctx.set.codes.forEach((code, i) => (paid[i] = money.paid[code]!));
  const result = setResult(ctx, post, "redistribute", paid);
  result.allocation = money.caps;
  result.contacts = money;
  return result;
}

function unitsAssumed(ctx: Context, post: Post): Warning {
  const byKey =
    ctx.redistribution === "unpaid-contacts"
      ? " Without counts nobody's unpaid units are known, so what is left is redistributed by population (the cap's key), not by unpaid contacts."
      : "";
  return {
    code: "contacts-assumed",
    message: `No counts given for ${post.id} (${post.key.type === "per-unit" ? post.key.column : ""}): every fulfilling region is assumed to have enough to take all it can be given, so the post pays its whole ${formatKronor(amountOf(ctx, post))} among the fulfilling regions, as Table 1 budgets.${byKey}`,
  };
}

function weightsOf(set: Recipients, figures: Figures, include: (code: string) => boolean) {
  const d = figures.decimals;
  return set.codes.filter(include).map((code) => ({ id: code, weight: d[code]! }));
}

/** Under "share", nobody fulfilling means nothing is paid (rather than an error). */
function allocateOrNothing(
  amount: Kronor,
  weights: { id: string; weight: Decimal }[]
): Allocation | undefined {
  if (weights.length === 0 || weights.every((w) => w.weight.isZero())) return undefined;
  return allocate(amount, weights, "population");
}

function unpaidReason(ctx: Context, p: PostResult): string {
  const reasons: string[] = [];
  if (p.decided !== undefined && p.decided < p.budget)
    reasons.push(
      `decided at ${formatKronor(p.decided)}, below its ceiling of ${formatKronor(p.budget)}`
    );
  const left = p.unpaid - (p.budget - (p.decided ?? p.budget));
  if (left > 0) reasons.push(shortfallReason(ctx, p));
  return reasons.join("; ");
}

function shortfallReason(ctx: Context, p: PostResult): string {
  const member = ctx.set.id === "regions" ? "region" : `member of ${ctx.set.id}`;
  if (p.post.recipient !== ctx.set.id) return `not fulfilled by ${p.post.recipient}`;
  const mask = fulfilmentMask(ctx, p.post);
  const nobody = mask !== null && mask.every((f) => f === 0);
  if (p.post.key.type === "per-unit")
    return nobody
      ? `no ${member} fulfils the condition`
      : `no ${member} had ${p.post.key.column} enough to take it`;
  if (p.rule === "share") return `no ${member} fulfils the condition`;
  const notFulfilling = ctx.set.members
    .filter((_, i) => mask !== null && !mask[i])
    .map((m) => m.short);
  return `lapsed: not fulfilled by ${notFulfilling.join(", ")}`;
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
    if (count.greaterThan(sum))
      out.push({
        code: "contacts-exceed-treatments",
        message: `${m.name}: ${count.toString()} contacts but only ${sum.toString()} treatments reported.`,
      });
  }
  return out;
}

/** Sums of what posts pay per key, in first-seen order; exact for any whole kronor. */
function sumsBy(posts: PostResult[], keyOf: (p: PostResult) => string): [string, Kronor][] {
  const parts = new Map<string, Kronor[]>();
  for (const p of posts) {
    const k = keyOf(p);
    const list = parts.get(k);
    if (list) list.push(p.paid);
    else parts.set(k, [p.paid]);
  }
  return [...parts].map(([k, amounts]) => [k, sumKronor(amounts)]);
}

function payoutDates(posts: PostResult[]): ComputeResult["byPayoutDate"] {
  return sumsBy(posts, (p) => `${p.post.payoutDate}|${p.reservation ? "r" : "p"}`)
    .map(([k, amount]) => {
      const [date, kind] = k.split("|") as [string, string];
      return kind === "r" ? { date, amount, reservation: true as const } : { date, amount };
    })
    .sort(
      (a, b) => a.date.localeCompare(b.date) || (a.reservation ? 1 : 0) - (b.reservation ? 1 : 0)
    );
}

/** Every member's total over the posts to the set, in the set's order; one pass over the amounts. */
function sumsByMember(set: Recipients, posts: PostResult[]): Payment[] {
  const n = set.codes.length;
  const sums = new Float64Array(n);
  const setPosts = posts.filter((p) => p.amounts);
  for (const p of setPosts) for (let i = 0; i < n; i++) sums[i]! += p.amounts![i]!;
  const exact = sums.every(Number.isSafeInteger);
  return set.members.map((m, i) => ({
    recipient: m.code,
    name: m.name,
    amount: exact ? sums[i]! : sumKronor(setPosts.map((p) => p.amounts![i]!)),
  }));
}
