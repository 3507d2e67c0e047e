import type { AllocationAgreement, NonFulfilmentRule, Post, Recipient } from "../agreements/schema";
import { Allocation, allocate } from "./allocate";
import { ContactMoney, contactMoney } from "./contacts";
import { Decimal } from "./decimal";
import { ProblemList } from "./errors";
import { ComputeInputs, ComputeOptions, REDISTRIBUTION_KEYS, RedistributionKey, TREATMENT_COLUMNS } from "./inputs";
import { Kronor, formatKronor, sumKronor, toKronor } from "./money";
import { REGIONS, regionByCode } from "./regions";

export interface Payment {
  /** A region's county code, or a body's name (SKR, Försäkringskassan, Socialstyrelsen, government). */
  recipient: string;
  /** Display name: the region's official name, or the body. */
  name: string;
  amount: Kronor;
}

export interface UnpaidMoney {
  post: string;
  amount: Kronor;
  reason: string;
}

export interface PostResult {
  post: Post;
  /** The budget the agreement sets for the post. */
  budget: Kronor;
  paid: Kronor;
  unpaid: Kronor;
  rule?: NonFulfilmentRule;
  payments: Payment[];
  /** How the regional money was split, for audit (SJUK.EXPLAIN). */
  allocation?: Allocation;
  contacts?: ContactMoney;
}

export interface Warning {
  code: "key-date" | "key-date-unknown" | "contacts-assumed" | "unpaid" | "contacts-exceed-treatments";
  message: string;
}

export interface ComputeResult {
  agreement: AllocationAgreement;
  key: { date: string | null; source: string; total: Decimal };
  redistribution: RedistributionKey;
  budget: Kronor;
  total: Kronor;
  posts: PostResult[];
  unpaid: UnpaidMoney[];
  /** Sums per Table 1 recipient, in the agreement's order. */
  byRecipient: { recipient: Recipient; amount: Kronor }[];
  /** Sums per payout date, in date order. */
  byPayoutDate: { date: string; amount: Kronor }[];
  /** Every region's total over all regional posts, in county-code order. */
  byRegion: Payment[];
  warnings: Warning[];
}

/**
 * Every krona of an allocation agreement: per post, per recipient, whole kronor, with payout
 * dates and warnings. The one place where money is computed; everything else adapts values in
 * and out of this function.
 */
export function compute(agreement: AllocationAgreement, inputs: ComputeInputs, options: ComputeOptions = {}): ComputeResult {
  const { population, contacts } = validateInputs(agreement, inputs, options);
  const redistribution = options.redistribution ?? "population";
  const warnings: Warning[] = [];

  if (inputs.key.date === null) {
    warnings.push({ code: "key-date-unknown", message: `The key's date is not stated; the agreement's key is ${agreement.keyDescription.en}.` });
  } else if (inputs.key.date !== agreement.keyDate) {
    warnings.push({
      code: "key-date",
      message: `The key is from ${inputs.key.date} (${inputs.key.source}), not from ${agreement.keyDate} as the agreement requires (${agreement.keyDescription.en}).`,
    });
  }

  const posts = agreement.posts.map((post): PostResult => {
    if (post.recipient !== "regions") {
      return { post, budget: post.amount, paid: post.amount, unpaid: 0, payments: [{ recipient: post.recipient, name: post.recipient, amount: post.amount }] };
    }
    const fulfils = (code: string) => inputs.fulfilment?.[post.id]?.[code] !== false;
    const rule = ruleFor(post, options);
    if (post.key.type === "per-unit") {
      if (contacts) {
        const counted: Record<string, Decimal> = {};
        for (const r of REGIONS) counted[r.code] = fulfils(r.code) ? contacts[r.code]! : new Decimal(0);
        const money = contactMoney(post.amount, post.key.unitAmount, population, counted, redistribution);
        const result = regionalResult(post, rule, Object.entries(money.paid), money.caps);
        return { ...result, contacts: money };
      }
      // Without counts every region is assumed to have used exactly its cap, its population share:
      // the post is then split like a population post, under the post's non-fulfilment rule.
      warnings.push({ code: "contacts-assumed", message: `No contact counts given for ${post.id}: every region is assumed to have used its full cap (its population share of ${formatKronor(post.amount)}), as Table 1 budgets.` });
    }
    const allocation =
      rule === "share"
        ? allocateOrNothing(post.amount, weightsFor(population, fulfils))
        : allocate(post.amount, weightsFor(population, () => true), "population");
    const paid = (allocation?.lines ?? []).map((l): [string, Kronor] => [l.id, fulfils(l.id) ? l.amount : 0]);
    return regionalResult(post, rule, paid, allocation ?? undefined);
  });

  const unpaid = posts
    .filter((p) => p.unpaid > 0)
    .map((p): UnpaidMoney => ({ post: p.post.id, amount: p.unpaid, reason: unpaidReason(p) }));
  for (const u of unpaid) warnings.push({ code: "unpaid", message: `${u.post}: ${formatKronor(u.amount)} is not paid out (${u.reason}).` });

  if (contacts && inputs.contacts?.treatments) {
    for (const r of REGIONS) {
      const t = inputs.contacts.treatments[r.code];
      if (!t) continue;
      const treatments = TREATMENT_COLUMNS.reduce((s, c) => s.plus(t[c] ?? 0), new Decimal(0));
      if (contacts[r.code]!.greaterThan(treatments)) {
        warnings.push({ code: "contacts-exceed-treatments", message: `${r.name}: ${contacts[r.code]!.toString()} contacts but only ${treatments.toString()} treatments reported.` });
      }
    }
  }

  return {
    agreement,
    key: { date: inputs.key.date, source: inputs.key.source, total: Object.values(population).reduce((s, v) => s.plus(v), new Decimal(0)) },
    redistribution,
    budget: agreement.total,
    total: sumKronor(posts.map((p) => p.paid)),
    posts,
    unpaid,
    byRecipient: sumsBy(posts, (p) => p.post.recipient) as { recipient: Recipient; amount: Kronor }[],
    byPayoutDate: sumsBy(posts, (p) => p.post.payoutDate)
      .map(({ recipient, amount }) => ({ date: recipient, amount }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    byRegion: sumsByRegion(posts),
    warnings,
  };
}

/** Every region's total over all posts, in county-code order; one pass over the payments. */
function sumsByRegion(posts: PostResult[]): Payment[] {
  const amounts = new Map<string, Kronor[]>(REGIONS.map((r) => [r.code, []]));
  for (const p of posts) for (const x of p.payments) amounts.get(x.recipient)?.push(x.amount);
  return REGIONS.map((r) => ({ recipient: r.code, name: r.name, amount: sumKronor(amounts.get(r.code)!) }));
}

function ruleFor(post: Post, options: ComputeOptions): NonFulfilmentRule {
  const o = options.nonFulfilment;
  if (typeof o === "string") return o;
  return o?.[post.id] ?? post.nonFulfilment ?? "lapse";
}

function weightsFor(population: Record<string, Decimal>, include: (code: string) => boolean) {
  return REGIONS.filter((r) => include(r.code)).map((r) => ({ id: r.code, weight: population[r.code]! }));
}

/** Under "share", nobody fulfilling means nothing is paid (rather than an error). */
function allocateOrNothing(amount: Kronor, weights: { id: string; weight: Decimal }[]): Allocation | null {
  if (weights.length === 0 || weights.every((w) => w.weight.isZero())) return null;
  return allocate(amount, weights, "population");
}

function regionalResult(post: Post, rule: NonFulfilmentRule, paid: [string, Kronor][], allocation?: Allocation): PostResult {
  const byCode = new Map(paid);
  const payments = REGIONS.map((r) => ({ recipient: r.code, name: r.name, amount: byCode.get(r.code) ?? 0 }));
  const total = sumKronor(payments.map((p) => p.amount));
  return { post, budget: post.amount, paid: total, unpaid: toKronor(new Decimal(post.amount).minus(total)), rule, payments, allocation };
}

function unpaidReason(p: PostResult): string {
  if (p.contacts) return "no region had contacts enough to take it";
  const notPaid = p.payments.filter((x) => x.amount === 0).map((x) => regionByCode(x.recipient).short);
  if (p.rule === "share") return "no region fulfils the condition";
  return `lapsed: not fulfilled by ${notPaid.join(", ")}`;
}

function sumsBy(posts: PostResult[], keyOf: (p: PostResult) => string): { recipient: string; amount: Kronor }[] {
  const sums = new Map<string, Decimal>();
  for (const p of posts) sums.set(keyOf(p), (sums.get(keyOf(p)) ?? new Decimal(0)).plus(p.paid));
  return [...sums].map(([recipient, amount]) => ({ recipient, amount: toKronor(amount) }));
}

/** Checks every input before any money is computed; all problems are reported together. */
function validateInputs(agreement: AllocationAgreement, inputs: ComputeInputs, options: ComputeOptions) {
  const problems = new ProblemList();
  const population = countsPerRegion(inputs.key.figures, "key", problems, false);
  const contacts = inputs.contacts ? countsPerRegion(inputs.contacts.contacts, "contacts", problems, true) : undefined;
  if (inputs.contacts?.treatments) {
    for (const [code, t] of Object.entries(inputs.contacts.treatments)) {
      for (const [column, value] of Object.entries(t)) checkCount(value, `treatments, ${code}, ${column}`, problems, true);
    }
  }
  const postIds = new Set(agreement.posts.map((p) => p.id));
  const regionalIds = new Set(agreement.posts.filter((p) => p.recipient === "regions").map((p) => p.id));
  for (const [postId, byRegion] of Object.entries(inputs.fulfilment ?? {})) {
    if (!regionalIds.has(postId)) problems.add(`fulfilment: "${postId}" is not a regional post of ${agreement.id} (${[...regionalIds].join(", ")})`);
    for (const code of Object.keys(byRegion)) if (!REGIONS.some((r) => r.code === code)) problems.add(`fulfilment, ${postId}: no region has the code ${code}`);
  }
  if (options.redistribution && !REDISTRIBUTION_KEYS.includes(options.redistribution)) {
    problems.add(`redistribution: "${String(options.redistribution)}" is not one of ${REDISTRIBUTION_KEYS.join(", ")}`);
  }
  const rules = typeof options.nonFulfilment === "object" ? Object.entries(options.nonFulfilment) : options.nonFulfilment ? [["*", options.nonFulfilment]] : [];
  for (const [postId, rule] of rules) {
    if (rule !== "lapse" && rule !== "share") problems.add(`non-fulfilment: "${String(rule)}" is not lapse or share`);
    if (postId !== "*" && !postIds.has(postId!)) problems.add(`non-fulfilment: "${postId}" is not a post of ${agreement.id}`);
  }
  problems.throwIfAny();
  if (Object.values(population).every((v) => v.isZero())) {
    problems.add("key: every figure is zero, so there is no share to take");
    problems.throwIfAny();
  }
  return { population, contacts };
}

function countsPerRegion(figures: Record<string, unknown>, what: string, problems: ProblemList, wholeNumbers: boolean): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const code of Object.keys(figures)) {
    if (!REGIONS.some((r) => r.code === code)) problems.add(`${what}: no region has the code ${code}`);
  }
  for (const r of REGIONS) {
    if (!(r.code in figures) || figures[r.code] === null || figures[r.code] === undefined || figures[r.code] === "") {
      problems.add(`${what}: ${r.name} (${r.code}) is missing`);
      continue;
    }
    const d = checkCount(figures[r.code], `${what}, ${r.name}`, problems, wholeNumbers);
    if (d) out[r.code] = d;
  }
  return out;
}

function checkCount(value: unknown, what: string, problems: ProblemList, wholeNumber: boolean): Decimal | undefined {
  let d: Decimal;
  try {
    if (typeof value !== "number" && typeof value !== "string" && !Decimal.isDecimal(value)) throw new Error();
    d = new Decimal(value as string);
  } catch {
    problems.add(`${what}: ${JSON.stringify(value)} is not a number`);
    return undefined;
  }
  if (!d.isFinite()) problems.add(`${what}: ${d.toString()} is not a finite number`);
  else if (d.isNegative()) problems.add(`${what}: ${d.toString()} is negative`);
  else if (wholeNumber && !d.isInteger()) problems.add(`${what}: ${d.toString()} is not a whole number`);
  else return d;
  return undefined;
}
