import type { AllocationAgreement, NonFulfilmentRule, Post, Recipient } from "../agreements/schema";
import { Allocation, allocate, hamilton } from "./allocate";
import { ContactMoney, contactMoney } from "./contacts";
import { Decimal } from "./decimal";
import { ProblemList } from "./errors";
import {
  ComputeInputs,
  ComputeOptions,
  REDISTRIBUTION_KEYS,
  RedistributionKey,
  TREATMENT_COLUMNS,
} from "./inputs";
import { Kronor, formatKronor, sumKronor, toKronor } from "./money";
import { REGIONS, REGION_CODES, regionByCode } from "./regions";

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
  code:
    "key-date" | "key-date-unknown" | "contacts-assumed" | "unpaid" | "contacts-exceed-treatments";
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

const REGION_COUNT = REGIONS.length;
const IS_REGION_CODE = new Set(REGION_CODES);

/**
 * Every krona of an allocation agreement: per post, per recipient, whole kronor, with payout
 * dates and warnings. The one place where money is computed; everything else adapts values in
 * and out of this function.
 *
 * When every figure is a safe whole number (the usual case) the money is computed by the
 * integer core (`hamilton`) on plain numbers, with BigInt wherever a product could pass 2^53;
 * the audit objects (`allocation`, `contacts`, `key.total`) are then built with decimal.js when
 * first read, from a snapshot of the inputs, by the same `allocate` and `contactMoney` that
 * compute any other figures (decimals, text) eagerly.
 */
export function compute(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions = {}
): ComputeResult {
  const { population, contacts } = validateInputs(agreement, inputs, options);
  const redistribution = options.redistribution ?? "population";
  const warnings: Warning[] = [];

  if (inputs.key.date === null) {
    warnings.push({
      code: "key-date-unknown",
      message: `The key's date is not stated; the agreement's key is ${agreement.keyDescription.en}.`,
    });
  } else if (inputs.key.date !== agreement.keyDate) {
    warnings.push({
      code: "key-date",
      message: `The key is from ${inputs.key.date} (${inputs.key.source}), not from ${agreement.keyDate} as the agreement requires (${agreement.keyDescription.en}).`,
    });
  }

  // The integer fast path needs whole-number figures whose sum is a safe integer.
  const popNumbers = population.numbers;
  const popSum = popNumbers ? checkedSum(popNumbers) : -1;
  const fast = popNumbers !== null && popSum >= 0;

  const posts: PostResult[] = [];
  for (const post of agreement.posts) {
    if (post.recipient !== "regions") {
      posts.push({
        post,
        budget: post.amount,
        paid: post.amount,
        unpaid: 0,
        payments: [{ recipient: post.recipient, name: post.recipient, amount: post.amount }],
      });
      continue;
    }
    const flags = inputs.fulfilment?.[post.id];
    const fulfilling = fulfilmentMask(flags);
    const fulfils = (code: string): boolean => flags?.[code] !== false;
    const rule = ruleFor(post, options);
    const amount = post.amount;
    const fastAmount = fast && isWholeKronor(amount);
    if (post.key.type === "per-unit") {
      if (contacts) {
        const unitAmount = post.key.unitAmount;
        if (fastAmount && contacts.numbers && isWholeKronor(unitAmount)) {
          const counted = new Array<number>(REGION_COUNT);
          for (let i = 0; i < REGION_COUNT; i++)
            counted[i] = fulfilling === null || fulfilling[i] ? contacts.numbers[i]! : 0;
          if (
            contactPayments(
              amount,
              unitAmount,
              popNumbers!,
              popSum,
              counted,
              redistribution,
              scratchPaid
            )
          ) {
            const pop = population;
            const result = regionalResult(post, rule, scratchPaid);
            Object.defineProperty(result, AUDIT, {
              value: new AuditCell(() =>
                contactMoney(amount, unitAmount, pop.decimals, decimalsOf(counted), redistribution)
              ),
            });
            Object.defineProperty(result, "allocation", CONTACTS_ALLOCATION);
            Object.defineProperty(result, "contacts", CONTACTS_MONEY);
            posts.push(result);
            continue;
          }
        }
        const counted: Record<string, Decimal> = {};
        for (const r of REGIONS)
          counted[r.code] = fulfils(r.code) ? contacts.decimals[r.code]! : new Decimal(0);
        const money = contactMoney(
          amount,
          post.key.unitAmount,
          population.decimals,
          counted,
          redistribution
        );
        posts.push({
          ...regionalResult(post, rule, paidInRegionOrder(Object.entries(money.paid))),
          allocation: money.caps,
          contacts: money,
        });
        continue;
      }
      // Without counts every region is assumed to have used exactly its cap, its population share:
      // the post is then split like a population post, under the post's non-fulfilment rule.
      warnings.push({
        code: "contacts-assumed",
        message: `No contact counts given for ${post.id}: every region is assumed to have used its full cap (its population share of ${formatKronor(post.amount)}), as Table 1 budgets.`,
      });
    }
    if (fastAmount) {
      populationPayments(amount, popNumbers!, popSum, fulfilling, rule === "share", scratchPaid);
      const pop = population;
      const result = regionalResult(post, rule, scratchPaid);
      const audit =
        rule === "share"
          ? () =>
              allocateOrNothing(
                amount,
                weightsFor(
                  pop.decimals,
                  (code) => fulfilling === null || fulfilling[REGION_INDEX.get(code)!]!
                )
              ) ?? undefined
          : () =>
              allocate(
                amount,
                weightsFor(pop.decimals, () => true),
                "population"
              );
      Object.defineProperty(result, AUDIT, { value: new AuditCell(audit) });
      Object.defineProperty(result, "allocation", POPULATION_ALLOCATION);
      posts.push(result);
      continue;
    }
    const allocation =
      rule === "share"
        ? allocateOrNothing(post.amount, weightsFor(population.decimals, fulfils))
        : allocate(
            post.amount,
            weightsFor(population.decimals, () => true),
            "population"
          );
    const paid = paidInRegionOrder(
      (allocation?.lines ?? []).map((l): [string, Kronor] => [l.id, fulfils(l.id) ? l.amount : 0])
    );
    posts.push({ ...regionalResult(post, rule, paid), allocation: allocation ?? undefined });
  }

  const unpaid: UnpaidMoney[] = [];
  let total = 0;
  for (const p of posts) {
    if (p.unpaid > 0) unpaid.push({ post: p.post.id, amount: p.unpaid, reason: unpaidReason(p) });
    total += p.paid;
  }
  for (const u of unpaid)
    warnings.push({
      code: "unpaid",
      message: `${u.post}: ${formatKronor(u.amount)} is not paid out (${u.reason}).`,
    });

  if (contacts && inputs.contacts?.treatments) {
    const counts = contacts.decimals;
    for (const r of REGIONS) {
      const t = inputs.contacts.treatments[r.code];
      if (!t) continue;
      const treatments = TREATMENT_COLUMNS.reduce((s, c) => s.plus(t[c] ?? 0), new Decimal(0));
      if (counts[r.code]!.greaterThan(treatments)) {
        warnings.push({
          code: "contacts-exceed-treatments",
          message: `${r.name}: ${counts[r.code]!.toString()} contacts but only ${treatments.toString()} treatments reported.`,
        });
      }
    }
  }

  return {
    agreement,
    key: {
      date: inputs.key.date,
      source: inputs.key.source,
      // Whole figures with a safe sum: that sum is exact, and is the Decimal sum below.
      total: fast
        ? new Decimal(popSum)
        : Object.values(population.decimals).reduce((s, v) => s.plus(v), new Decimal(0)),
    },
    redistribution,
    budget: agreement.total,
    total:
      Number.isSafeInteger(total) && posts.every((p) => isWholeKronor(p.paid))
        ? total
        : sumKronor(posts.map((p) => p.paid)),
    posts,
    unpaid,
    byRecipient: sumsBy(posts, (p) => p.post.recipient) as {
      recipient: Recipient;
      amount: Kronor;
    }[],
    byPayoutDate: sumsBy(posts, (p) => p.post.payoutDate)
      .map(({ recipient, amount }) => ({ date: recipient, amount }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    byRegion: sumsByRegion(posts),
    warnings,
  };
}

const REGION_INDEX = new Map(REGIONS.map((r, i) => [r.code, i]));

function isWholeKronor(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0 && !(x === 0 && 1 / x < 0);
}

/** Sum of non-negative safe integers, or -1 when it is not a safe integer. */
function checkedSum(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return Number.isSafeInteger(s) ? s : -1;
}

/** Per region (in REGIONS order) whether it fulfils the post's condition; null when all do. */
function fulfilmentMask(flags: Record<string, boolean> | undefined): boolean[] | null {
  if (!flags) return null;
  let all = true;
  const mask = new Array<boolean>(REGION_COUNT);
  for (let i = 0; i < REGION_COUNT; i++) {
    const f = flags[REGIONS[i]!.code] !== false;
    mask[i] = f;
    if (!f) all = false;
  }
  return all ? null : mask;
}

function decimalsOf(numbers: readonly number[]): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (let i = 0; i < REGION_COUNT; i++) out[REGIONS[i]!.code] = new Decimal(numbers[i]!);
  return out;
}

function paidInRegionOrder(paid: [string, Kronor][]): Kronor[] {
  const byCode = new Map(paid);
  return REGIONS.map((r) => byCode.get(r.code) ?? 0);
}

// Scratch space for the integer core (compute is synchronous and never re-entered mid-core).
const scratchWeights = new Float64Array(REGION_COUNT);
const scratchFloors = new Float64Array(REGION_COUNT);
const scratchOrder = new Int32Array(REGION_COUNT);
const scratchOwed = new Float64Array(REGION_COUNT);
const scratchIndex = new Int32Array(REGION_COUNT);
const scratchIds: string[] = new Array<string>(REGION_COUNT).fill("");
const scratchPaid = new Float64Array(REGION_COUNT);

/**
 * A population post by the integer core: the same amounts as `allocate` over the regions'
 * figures (lapse: all regions, non-fulfilling paid nothing; share: the fulfilling regions only —
 * a region left out and a region with weight 0 get the same nothing, so it is weighted 0 here).
 */
function populationPayments(
  amount: Kronor,
  pop: readonly number[],
  popSum: number,
  fulfilling: boolean[] | null,
  share: boolean,
  paid: Float64Array
): void {
  let weights: ArrayLike<number> = pop;
  let total = popSum;
  if (share && fulfilling !== null) {
    total = 0;
    for (let i = 0; i < REGION_COUNT; i++) total += scratchWeights[i] = fulfilling[i] ? pop[i]! : 0;
    weights = scratchWeights;
    if (total === 0) {
      paid.fill(0); // nobody fulfilling (or only zero figures): nothing paid
      return;
    }
  }
  const leftover = hamilton(
    amount,
    weights,
    REGION_COUNT,
    total,
    REGION_CODES,
    scratchFloors,
    scratchOrder
  );
  for (let i = 0; i < REGION_COUNT; i++) paid[i] = scratchFloors[i]!;
  for (let p = 0; p < leftover; p++) paid[scratchOrder[p]!]! += 1;
  if (fulfilling !== null && !share)
    for (let i = 0; i < REGION_COUNT; i++) if (!fulfilling[i]) paid[i] = 0;
}

/**
 * Villkor 3 contact money by the integer core: the same rounds as `contactMoney`, keeping only
 * what each region is paid (into `paid`). False when a figure is out of the core's range (contacts × unit
 * amount not a safe integer, or what is owed adding up past 2^53): `contactMoney` then decides.
 */
function contactPayments(
  budget: Kronor,
  unitAmount: Kronor,
  pop: readonly number[],
  popSum: number,
  contacts: readonly number[],
  key: RedistributionKey,
  paid: Float64Array
): boolean {
  const n = REGION_COUNT;
  let leftover = hamilton(budget, pop, n, popSum, REGION_CODES, scratchFloors, scratchOrder);
  for (let p = 0; p < leftover; p++) scratchFloors[scratchOrder[p]!]! += 1; // the caps
  const owed = scratchOwed;
  let pool = budget;
  let owing = 0;
  for (let i = 0; i < n; i++) {
    const earned = contacts[i]! * unitAmount;
    if (!Number.isSafeInteger(earned)) return false;
    const cap = scratchFloors[i]!;
    const first = earned < cap ? earned : cap;
    paid[i] = first;
    pool -= first;
    owed[i] = earned - first;
    if (earned > first) owing++;
  }
  const ids = scratchIds;
  const index = scratchIndex;
  const weights = scratchWeights;
  const floors = scratchFloors;
  const order = scratchOrder;
  while (pool > 0 && owing > 0) {
    let m = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (owed[i]! > 0) {
        index[m] = i;
        ids[m] = REGION_CODES[i]!;
        total += weights[m] = key === "population" ? pop[i]! : owed[i]!;
        m++;
      }
    }
    if (total === 0) {
      // Zero-population regions owed money can still share by what they are owed.
      for (let k = 0; k < m; k++) total += weights[k] = owed[index[k]!]!;
    }
    if (!Number.isSafeInteger(total)) return false;
    leftover = hamilton(pool, weights, m, total, ids, floors, order);
    for (let p = 0; p < leftover; p++) floors[order[p]!]! += 1;
    for (let k = 0; k < m; k++) {
      const i = index[k]!;
      const stillOwed = owed[i]!;
      const allocated = floors[k]!;
      const take = allocated < stillOwed ? allocated : stillOwed;
      paid[i]! += take;
      pool -= take;
      owed[i] = stillOwed - take;
      if (stillOwed === take) owing--;
    }
  }
  return true;
}

/** Every region's total over all posts, in county-code order; one pass over the payments. */
function sumsByRegion(posts: PostResult[]): Payment[] {
  const sums = new Array<number>(REGION_COUNT).fill(0);
  for (const p of posts) {
    if (p.post.recipient !== "regions") continue;
    for (let i = 0; i < REGION_COUNT; i++) sums[i]! += p.payments[i]!.amount;
  }
  if (!sums.every(Number.isSafeInteger)) return sumsByRegionExact(posts);
  return REGIONS.map((r, i) => ({ recipient: r.code, name: r.name, amount: sums[i]! }));
}

function sumsByRegionExact(posts: PostResult[]): Payment[] {
  const amounts = new Map<string, Kronor[]>(REGIONS.map((r) => [r.code, []]));
  for (const p of posts) for (const x of p.payments) amounts.get(x.recipient)?.push(x.amount);
  return REGIONS.map((r) => ({
    recipient: r.code,
    name: r.name,
    amount: sumKronor(amounts.get(r.code)!),
  }));
}

function ruleFor(post: Post, options: ComputeOptions): NonFulfilmentRule {
  const o = options.nonFulfilment;
  if (typeof o === "string") return o;
  return o?.[post.id] ?? post.nonFulfilment ?? "lapse";
}

function weightsFor(population: Record<string, Decimal>, include: (code: string) => boolean) {
  return REGIONS.filter((r) => include(r.code)).map((r) => ({
    id: r.code,
    weight: population[r.code]!,
  }));
}

/** Under "share", nobody fulfilling means nothing is paid (rather than an error). */
function allocateOrNothing(
  amount: Kronor,
  weights: { id: string; weight: Decimal }[]
): Allocation | null {
  if (weights.length === 0 || weights.every((w) => w.weight.isZero())) return null;
  return allocate(amount, weights, "population");
}

/** A regional post's result from what each region is paid (REGIONS order); the caller adds `allocation`. */
function regionalResult(post: Post, rule: NonFulfilmentRule, paid: ArrayLike<Kronor>): PostResult {
  const payments = new Array<Payment>(REGION_COUNT);
  let total = 0;
  for (let i = 0; i < REGION_COUNT; i++) {
    const amount = paid[i]!;
    payments[i] = { recipient: REGIONS[i]!.code, name: REGIONS[i]!.name, amount };
    total += amount;
  }
  if (!Number.isSafeInteger(total)) total = sumKronor(Array.from(paid));
  return {
    post,
    budget: post.amount,
    paid: total,
    unpaid: unpaidOf(post.amount, total),
    rule,
    payments,
  };
}

// -------------------------------------------------------------------------------------------
// Audit objects built when first read. Each result carries its builder under a non-enumerable
// symbol; `allocation` and `contacts` are own, enumerable accessors (as object-literal getters
// would be) whose get/set functions are shared by every result, so results keep one hidden
// class (per-object getter closures cost ~0.7 µs per object in V8).

const AUDIT = Symbol("sjuk.audit");

class AuditCell<T> {
  private value: T | undefined;
  private built = false;
  /** For the contact post: an `allocation` assigned by the caller, else the caps. */
  allocation: Allocation | undefined;
  allocationSet = false;

  constructor(private readonly make: () => T) {}

  get(): T {
    if (!this.built) {
      this.value = this.make();
      this.built = true;
    }
    return this.value as T;
  }

  set(value: T): void {
    this.value = value;
    this.built = true;
  }
}

type Audited = { [AUDIT]: AuditCell<unknown> };
const cellOf = <T>(o: unknown) => (o as Audited)[AUDIT] as AuditCell<T>;

const POPULATION_ALLOCATION: PropertyDescriptor = {
  get(this: unknown) {
    return cellOf<Allocation | undefined>(this).get();
  },
  set(this: unknown, value: Allocation | undefined) {
    cellOf<Allocation | undefined>(this).set(value);
  },
  enumerable: true,
  configurable: true,
};

const CONTACTS_ALLOCATION: PropertyDescriptor = {
  get(this: unknown) {
    const cell = cellOf<ContactMoney>(this);
    return cell.allocationSet ? cell.allocation : cell.get().caps;
  },
  set(this: unknown, value: Allocation | undefined) {
    const cell = cellOf<ContactMoney>(this);
    cell.allocation = value;
    cell.allocationSet = true;
  },
  enumerable: true,
  configurable: true,
};

const CONTACTS_MONEY: PropertyDescriptor = {
  get(this: unknown) {
    return cellOf<ContactMoney>(this).get();
  },
  set(this: unknown, value: ContactMoney) {
    cellOf<ContactMoney>(this).set(value);
  },
  enumerable: true,
  configurable: true,
};

function unpaidOf(budget: Kronor, paid: Kronor): Kronor {
  const unpaid = budget - paid;
  return Number.isSafeInteger(budget) && Number.isSafeInteger(unpaid)
    ? unpaid
    : toKronor(new Decimal(budget).minus(paid));
}

function unpaidReason(p: PostResult): string {
  if ("contacts" in p) return "no region had contacts enough to take it";
  const notPaid = p.payments
    .filter((x) => x.amount === 0)
    .map((x) => regionByCode(x.recipient).short);
  if (p.rule === "share") return "no region fulfils the condition";
  return `lapsed: not fulfilled by ${notPaid.join(", ")}`;
}

function sumsBy(
  posts: PostResult[],
  keyOf: (p: PostResult) => string
): { recipient: string; amount: Kronor }[] {
  const sums = new Map<string, number>();
  let exact = true;
  for (const p of posts) {
    const k = keyOf(p);
    if (!isWholeKronor(p.paid)) exact = false;
    sums.set(k, (sums.get(k) ?? 0) + p.paid);
  }
  const out: { recipient: string; amount: Kronor }[] = [];
  for (const [recipient, amount] of sums) {
    if (!exact || !Number.isSafeInteger(amount)) return sumsByExact(posts, keyOf);
    out.push({ recipient, amount });
  }
  return out;
}

function sumsByExact(
  posts: PostResult[],
  keyOf: (p: PostResult) => string
): { recipient: string; amount: Kronor }[] {
  const sums = new Map<string, Decimal>();
  for (const p of posts) sums.set(keyOf(p), (sums.get(keyOf(p)) ?? new Decimal(0)).plus(p.paid));
  return [...sums].map(([recipient, amount]) => ({ recipient, amount: toKronor(amount) }));
}

/**
 * One figure per region, validated: as Decimals, and — when every figure is a safe whole
 * number — as plain numbers in REGIONS order. Figures that arrive as such numbers get their
 * Decimals only when something reads them (audit), made from the same numbers.
 */
class Figures {
  private made: Record<string, Decimal> | undefined;

  constructor(
    readonly numbers: number[] | null,
    made?: Record<string, Decimal>
  ) {
    this.made = made;
  }

  get decimals(): Record<string, Decimal> {
    return (this.made ??= decimalsOf(this.numbers!));
  }
}

/** Checks every input before any money is computed; all problems are reported together. */
function validateInputs(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions
) {
  const problems = new ProblemList();
  const population = countsPerRegion(inputs.key.figures, "key", problems, false);
  const contacts = inputs.contacts
    ? countsPerRegion(inputs.contacts.contacts, "contacts", problems, true)
    : undefined;
  if (inputs.contacts?.treatments) {
    for (const [code, t] of Object.entries(inputs.contacts.treatments)) {
      for (const [column, value] of Object.entries(t)) {
        if (!(typeof value === "number" && isWholeKronor(value)))
          checkCount(value, `treatments, ${code}, ${column}`, problems, true);
      }
    }
  }
  const fulfilment = inputs.fulfilment;
  if (fulfilment) {
    let regionalIds: Set<string> | undefined;
    for (const [postId, byRegion] of Object.entries(fulfilment)) {
      regionalIds ??= new Set(
        agreement.posts.filter((p) => p.recipient === "regions").map((p) => p.id)
      );
      if (!regionalIds.has(postId))
        problems.add(
          `fulfilment: "${postId}" is not a regional post of ${agreement.id} (${[...regionalIds].join(", ")})`
        );
      for (const code of Object.keys(byRegion))
        if (!IS_REGION_CODE.has(code))
          problems.add(`fulfilment, ${postId}: no region has the code ${code}`);
    }
  }
  if (options.redistribution && !REDISTRIBUTION_KEYS.includes(options.redistribution)) {
    problems.add(
      `redistribution: "${String(options.redistribution)}" is not one of ${REDISTRIBUTION_KEYS.join(", ")}`
    );
  }
  const rules =
    typeof options.nonFulfilment === "object"
      ? Object.entries(options.nonFulfilment)
      : options.nonFulfilment
        ? [["*", options.nonFulfilment]]
        : [];
  let postIds: Set<string> | undefined;
  for (const [postId, rule] of rules) {
    if (rule !== "lapse" && rule !== "share")
      problems.add(`non-fulfilment: "${String(rule)}" is not lapse or share`);
    if (postId !== "*" && !(postIds ??= new Set(agreement.posts.map((p) => p.id))).has(postId!))
      problems.add(`non-fulfilment: "${postId}" is not a post of ${agreement.id}`);
  }
  problems.throwIfAny();
  if (
    population!.numbers
      ? population!.numbers.every((v) => v === 0)
      : Object.values(population!.decimals).every((v) => v.isZero())
  ) {
    problems.add("key: every figure is zero, so there is no share to take");
    problems.throwIfAny();
  }
  return { population: population!, contacts };
}

/**
 * A figure per region. The usual input — exactly the 21 codes, each a non-negative safe
 * integer — is checked without decimal.js; anything else takes the full check below.
 */
function countsPerRegion(
  figures: Record<string, unknown>,
  what: string,
  problems: ProblemList,
  wholeNumbers: boolean
): Figures | undefined {
  const numbers = wholeNumbersPerRegion(figures);
  if (numbers) return new Figures(numbers);
  const out = countsPerRegionChecked(figures, what, problems, wholeNumbers);
  if (!problems.isEmpty) return undefined;
  const asNumbers: number[] = [];
  for (const r of REGIONS) {
    const d = out[r.code]!;
    if (!d.isInteger() || d.greaterThan(Number.MAX_SAFE_INTEGER)) return new Figures(null, out);
    asNumbers.push(d.toNumber());
  }
  return new Figures(asNumbers, out);
}

function wholeNumbersPerRegion(figures: Record<string, unknown>): number[] | null {
  const keys = Object.keys(figures);
  if (keys.length !== REGION_COUNT) return null;
  for (let i = 0; i < REGION_COUNT; i++) if (!IS_REGION_CODE.has(keys[i]!)) return null;
  const numbers = new Array<number>(REGION_COUNT);
  for (let i = 0; i < REGION_COUNT; i++) {
    const v = figures[REGIONS[i]!.code];
    if (typeof v !== "number" || !isWholeKronor(v)) return null;
    numbers[i] = v;
  }
  return numbers;
}

function countsPerRegionChecked(
  figures: Record<string, unknown>,
  what: string,
  problems: ProblemList,
  wholeNumbers: boolean
): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const code of Object.keys(figures)) {
    if (!IS_REGION_CODE.has(code)) problems.add(`${what}: no region has the code ${code}`);
  }
  for (const r of REGIONS) {
    if (
      !(r.code in figures) ||
      figures[r.code] === null ||
      figures[r.code] === undefined ||
      figures[r.code] === ""
    ) {
      problems.add(`${what}: ${r.name} (${r.code}) is missing`);
      continue;
    }
    const d = checkCount(figures[r.code], `${what}, ${r.name}`, problems, wholeNumbers);
    if (d) out[r.code] = d;
  }
  return out;
}

function checkCount(
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
    problems.add(`${what}: ${JSON.stringify(value)} is not a number`);
    return undefined;
  }
  if (!d.isFinite()) problems.add(`${what}: ${d.toString()} is not a finite number`);
  else if (d.isNegative()) problems.add(`${what}: ${d.toString()} is negative`);
  else if (wholeNumber && !d.isInteger())
    problems.add(`${what}: ${d.toString()} is not a whole number`);
  else return d;
  return undefined;
}
