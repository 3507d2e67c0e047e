import type { GrantDecision, GrantStatus, GrantYear } from "../agreements/grant-schema";
import { GrantDeadline, grantDeadlines } from "../agreements/grant-deadlines";
import { Decimal, DecimalInput } from "../core/decimal";
import { Location, Problem, SjukError, problem } from "../core/errors";
import type { Language } from "../core/language";
import { Message, MessageCode, MessageParams, message, render } from "../core/messages";
import { daysBetween, isIsoDate, todayIso } from "./calendar";
import { Kronor, toKronor } from "./money";

/**
 * The grant ledger: what a grant decision (e.g. ASSIGNMENT_2024) gives per year, what the
 * officer has requisitioned, spent and repaid, what must be repaid, and where each deadline
 * stands on a given date. Pure: the date is an argument (default: today's local date).
 *
 * Entry problems do not throw: they come back as `errors` and `warnings`, each a message code
 * with its parameters (src/core/messages) and a field path into the entries (`requisitions[1]`,
 * `spent[0].amount`) that a sheet maps to its cell.
 * Call `throwIfLedgerErrors(ledger)` to turn errors into a SjukError.
 */

/** An amount as entered: whole kronor as a number, a plain decimal string ("430000") or a Decimal. Cells are coerced first (src/inputs/cells.ts). */
export type AmountInput = DecimalInput;

export interface RequisitionEntry {
  year: number;
  amount: AmountInput;
  /** YYYY-MM-DD, the day the requisition was sent to Kammarkollegiet. */
  date: string;
}

export interface SpentEntry {
  year: number;
  amount: AmountInput;
}

export interface RepaymentEntry {
  year: number;
  amount: AmountInput;
  /** YYYY-MM-DD */
  date: string;
}

export interface SubmittedEntry {
  /** A deadline id: `financial-report-2024`, `final-report` (see grantDeadlines). */
  item: string;
  /** YYYY-MM-DD */
  date: string;
}

/**
 * A planned year the Riksdag has confirmed, with the amount actually appropriated for the
 * assignment: the government only "beräknar" (estimates) the planned amount, so the ledger
 * grants what the officer enters here, not the plan.
 */
export interface ConfirmedEntry {
  year: number;
  amount: AmountInput;
}

export interface LedgerEntries {
  requisitions?: readonly RequisitionEntry[];
  /** Spending per year: one entry per year. */
  spent?: readonly SpentEntry[];
  repayments?: readonly RepaymentEntry[];
  /** Reports handed in (financial report, final report). */
  submitted?: readonly SubmittedEntry[];
  /** Planned-conditional years the Riksdag has appropriated money for, with the amount. */
  confirmed?: readonly ConfirmedEntry[];
}

export interface LedgerOptions {
  /** YYYY-MM-DD; default today (the machine's local date). */
  asOf?: string;
}

export const DEADLINE_STATES = ["met", "late", "due", "overdue", "not-applicable"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A deadline of the decision (its quote aside) with where it stands on the ledger's date. */
export interface DeadlineStatus extends Omit<GrantDeadline, "quote"> {
  /**
   * - `met`: done on or before the deadline (and on or before `asOf`), or nothing to do (nothing to repay);
   * - `late`: done after the deadline (by `asOf`), `days` days late;
   * - `due`: not done, `days` left until the deadline (0 = today is the last day);
   * - `overdue`: not done, the deadline passed `days` days ago (≥ 1);
   * - `not-applicable`: nothing to do (no money requisitioned, so nothing to repay; or the year is not confirmed).
   */
  state: DeadlineState;
  /** `due`: days left (≥ 0); `overdue`, `late`: days past the deadline (≥ 1); otherwise null. */
  days: number | null;
  /** `met`, `late`: the date it was done, or null when it was met by there being nothing to do. */
  doneOn: string | null;
  /** What the deadline is about, e.g. "70 000 kr to repay by 2025-03-31" (render it with core/messages). */
  what: Message;
  /** Where it stands, e.g. "due in 75 days"; null when not applicable. */
  when: Message | null;
}

export interface LedgerYear {
  year: number;
  status: GrantStatus;
  /** The amount the decision names (a ceiling for at-most, an estimate for planned-conditional). */
  amount: Kronor;
  /** At-most/fixed years, and planned years the Riksdag has confirmed. */
  confirmed: boolean;
  /** A confirmed planned year: the amount the Riksdag appropriated for it; otherwise null. */
  appropriated: Kronor | null;
  /** What may be used: `amount` (at-most, fixed), `appropriated` (a confirmed planned year), else 0. */
  granted: Kronor;
  requisitioned: Kronor;
  spent: Kronor;
  /** Unused funds to pay back: max(0, requisitioned − spent). */
  toRepay: Kronor;
  repaid: Kronor;
  /** Still to pay back: max(0, toRepay − repaid). */
  outstanding: Kronor;
  /** When the unused funds must be back, if the decision says. */
  repayBy: string | null;
  deadlines: DeadlineStatus[];
}

export type LedgerProblem = Problem & {
  severity: "error" | "warning";
  where: Location & { field: string };
};

export interface Ledger {
  decision: GrantDecision;
  asOf: string;
  years: LedgerYear[];
  /** Every deadline of the decision with its state, in date order. */
  deadlines: DeadlineStatus[];
  /** The first deadline still due (the next one to act on), or null. */
  next: DeadlineStatus | null;
  overdue: DeadlineStatus[];
  totals: {
    granted: Kronor;
    requisitioned: Kronor;
    spent: Kronor;
    toRepay: Kronor;
    repaid: Kronor;
    outstanding: Kronor;
  };
  errors: LedgerProblem[];
  warnings: LedgerProblem[];
}

/** Unused funds to repay: max(0, requisitioned − spent), whole kronor. The rule behind SJUK.REPAY. */
export function repayAmount(requisitioned: AmountInput, spent: AmountInput): Kronor {
  const r = wholeKronor(requisitioned, "requisitioned");
  const s = wholeKronor(spent, "spent");
  return toKronor(Decimal.max(0, r.minus(s)), "to repay");
}

/**
 * A deadline's state on `asOf` given when (if ever) it was done. The rule behind SJUK.STATUS.
 * `doneOn` later than `asOf` does not count yet; done after the deadline is `late`, not `met`.
 */
export function deadlineState(
  deadline: string,
  asOf: string,
  doneOn: string | null = null
): { state: "met" | "late" | "due" | "overdue"; days: number | null } {
  if (doneOn !== null && daysBetween(doneOn, asOf) >= 0) {
    const late = daysBetween(deadline, doneOn);
    return late > 0 ? { state: "late", days: late } : { state: "met", days: null };
  }
  const left = daysBetween(asOf, deadline);
  return left >= 0 ? { state: "due", days: left } : { state: "overdue", days: -left };
}

/** A deadline's note in a language: what it is about, then where it stands. */
export function deadlineNote(d: DeadlineStatus, lang: Language = "en"): string {
  return d.when ? `${render(d.what, lang)}; ${render(d.when, lang)}` : render(d.what, lang);
}

/** Where a deadline stands, as a message (the day phrases are the catalogue's). */
export function whenMessage(st: ReturnType<typeof deadlineState>, doneOn: string | null): Message {
  switch (st.state) {
    case "met":
      return message("ledger.when.done", { date: doneOn ?? "" });
    case "late":
      return message("ledger.when.done-late", { date: doneOn ?? "", days: st.days! });
    case "due":
      return message("days.due", { days: st.days! });
    default:
      return message("days.overdue", { days: st.days! });
  }
}

/** A whole, non-negative number of kronor, or a SjukError naming `field`. */
function wholeKronor(value: AmountInput, field: string): Decimal {
  const fail = (p: Problem) => {
    throw new SjukError([{ ...p, where: { field } }]);
  };
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    return fail(problem("ledger.not-a-number", { value: JSON.stringify(value) }));
  }
  if (!d.isFinite() || !d.isInteger())
    fail(problem("ledger.not-whole-kronor", { value: d.toString() }));
  if (d.isNegative()) fail(problem("ledger.negative", { value: d.toString() }));
  return d;
}

interface ValidEntry<T> {
  index: number;
  entry: T;
  amount: Decimal;
}

/** The problems found while computing a ledger, each on a field of the entries. */
class LedgerProblems {
  // Stryker disable next-line ArrayDeclaration: only problems with a severity are ever read from the list
  readonly list: LedgerProblem[] = [];

  error<C extends MessageCode>(code: C, field: string, params: MessageParams[C]): void {
    this.list.push({ ...problem(code, params), severity: "error", where: { field } });
  }

  warn<C extends MessageCode>(code: C, field: string, params: MessageParams[C]): void {
    this.list.push({ ...problem(code, params), severity: "warning", where: { field } });
  }
}

/** What the decision and the entries say about one year, before its deadlines. */
interface YearState {
  y: GrantYear;
  confirmed: boolean;
  granted: Decimal;
  appropriated: Decimal | null;
  requisitioned: Decimal;
  first: ValidEntry<RequisitionEntry> | undefined;
  spent: Decimal;
  repayments: ValidEntry<RepaymentEntry>[];
  toRepay: Decimal;
  repaid: Decimal;
}

/** The ledger of a grant decision on a date. See the module comment. */
export function computeLedger(
  decision: GrantDecision,
  entries: LedgerEntries = {},
  options: LedgerOptions = {}
): Ledger {
  const asOf = options.asOf ?? todayIso();
  if (!isIsoDate(asOf))
    throw new SjukError([problem("date.not-iso", { value: asOf }, { field: "asOf" })]);

  const problems = new LedgerProblems();
  const yearsText = decision.years.map((y) => y.year).join(", ");
  const knownYear = (year: number) => decision.years.some((y) => y.year === year);

  const appropriated = confirmations(decision, entries.confirmed, problems, yearsText);
  const requisitions = validEntries(
    entries.requisitions,
    "requisitions",
    true,
    problems,
    knownYear,
    yearsText
  );
  const spent = spentPerYear(
    validEntries(entries.spent, "spent", false, problems, knownYear, yearsText),
    problems
  );
  const repayments = validEntries(
    entries.repayments,
    "repayments",
    true,
    problems,
    knownYear,
    yearsText
  );
  const deadlineList = grantDeadlines(decision);
  const submittedOn = reportsSubmitted(entries.submitted, deadlineList, problems);

  const years = decision.years.map((y): LedgerYear => {
    const state = yearState(y, appropriated, requisitions, spent, repayments, problems);
    const deadlines = deadlineList
      .filter((d) => d.year === y.year)
      .map((d) => yearDeadline(d, state, asOf, submittedOn, problems));
    return ledgerYear(state, deadlines);
  });

  const all = [
    ...years.flatMap((y) => y.deadlines),
    ...deadlineList
      .filter((d) => d.year === null)
      .map((d) => reportStatus(d, asOf, submittedOn.get(d.id) ?? null)),
  ];
  const order = new Map(deadlineList.map((d, i) => [d.id, i]));
  all.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  return {
    decision,
    asOf,
    years,
    deadlines: all,
    next: all.find((d) => d.state === "due") ?? null,
    overdue: all.filter((d) => d.state === "overdue"),
    totals: totals(years),
    errors: problems.list.filter((p) => p.severity === "error"),
    warnings: problems.list.filter((p) => p.severity === "warning"),
  };
}

/** The planned years the Riksdag confirmed, with the amount appropriated for each. */
function confirmations(
  decision: GrantDecision,
  list: readonly ConfirmedEntry[] | undefined,
  problems: LedgerProblems,
  yearsText: string
): Map<number, Decimal> {
  const out = new Map<number, Decimal>();
  const firstIndex = new Map<number, number>();
  (list ?? []).forEach((c, i) => {
    const at = `confirmed[${i}]`;
    const y = decision.years.find((x) => x.year === c.year);
    if (!y) {
      problems.warn("ledger.unknown-year", `${at}.year`, {
        year: String(c.year),
        years: yearsText,
      });
      return;
    }
    if (y.status !== "planned-conditional") {
      problems.warn("ledger.confirmed-not-planned", `${at}.year`, {
        year: y.year,
        status: y.status,
        atMost: y.status === "at-most",
        amount: y.amount,
      });
      return;
    }
    const earlier = firstIndex.get(y.year);
    if (earlier !== undefined) {
      problems.error("ledger.confirmed-twice", `${at}.year`, {
        year: y.year,
        firstField: `confirmed[${earlier}]`,
      });
      return;
    }
    let amount: Decimal;
    try {
      // Stryker disable next-line StringLiteral: the catch below puts its problems on this same field
      amount = wholeKronor(c.amount, `${at}.amount`);
    } catch (e) {
      // Stryker disable next-line ConditionalExpression: wholeKronor throws nothing but SjukError
      if (!(e instanceof SjukError)) throw e;
      for (const p of e.problems)
        problems.list.push({ ...p, severity: "error", where: { field: `${at}.amount` } });
      return;
    }
    if (amount.greaterThan(y.amount))
      problems.warn("ledger.appropriated-above-plan", `${at}.amount`, {
        year: y.year,
        appropriated: amount,
        planned: y.amount,
      });
    firstIndex.set(y.year, i);
    out.set(y.year, amount);
  });
  return out;
}

/** The entries with a known year, a whole-kronor amount (and a date when `dated`); the rest are errors. */
function validEntries<T extends { year: number; amount: AmountInput; date?: string }>(
  list: readonly T[] | undefined,
  name: string,
  dated: boolean,
  problems: LedgerProblems,
  knownYear: (year: number) => boolean,
  yearsText: string
): ValidEntry<T>[] {
  const out: ValidEntry<T>[] = [];
  (list ?? []).forEach((entry, index) => {
    const at = `${name}[${index}]`;
    let ok = true;
    if (!knownYear(entry.year)) {
      problems.error("ledger.unknown-year", `${at}.year`, {
        year: String(entry.year),
        years: yearsText,
      });
      // Stryker disable next-line BooleanLiteral: an entry of no decision year is never read by a year
      ok = false;
    }
    let amount = new Decimal(0);
    try {
      // Stryker disable next-line StringLiteral: the catch below puts its problems on this same field
      amount = wholeKronor(entry.amount, `${at}.amount`);
    } catch (e) {
      // Stryker disable next-line ConditionalExpression: wholeKronor throws nothing but SjukError
      if (!(e instanceof SjukError)) throw e;
      for (const p of e.problems)
        problems.list.push({ ...p, severity: "error", where: { field: `${at}.amount` } });
      ok = false;
    }
    if (dated && !isIsoDate(entry.date)) {
      problems.error("date.not-iso", `${at}.date`, { value: String(entry.date) });
      ok = false;
    }
    if (ok) out.push({ index, entry, amount });
  });
  return out;
}

/** The first date each report was handed in; entries that are not reports are errors. */
function reportsSubmitted(
  list: readonly SubmittedEntry[] | undefined,
  deadlines: readonly GrantDeadline[],
  problems: LedgerProblems
): Map<string, string> {
  const submittedOn = new Map<string, string>();
  (list ?? []).forEach((s, i) => {
    const at = `submitted[${i}]`;
    const d = deadlines.find((x) => x.id === s.item);
    if (!d) {
      const reports = deadlines.filter(isReport).map((x) => x.id);
      problems.error("ledger.unknown-report", `${at}.item`, {
        item: s.item,
        reports: reports.join(", "),
      });
    } else if (!isReport(d)) {
      problems.error("ledger.not-a-report", `${at}.item`, {
        item: s.item,
        kind: d.kind === "requisition" ? "requisition" : "repayment",
      });
    } else if (!isIsoDate(s.date)) {
      problems.error("date.not-iso", `${at}.date`, { value: String(s.date) });
    } else {
      const earlier = submittedOn.get(s.item);
      if (earlier === undefined || s.date < earlier) submittedOn.set(s.item, s.date);
    }
  });
  return submittedOn;
}

const isReport = (d: GrantDeadline) => d.kind === "report" || d.kind === "final-report";

/** Spending: one entry per year; a second is an error. */
function spentPerYear(
  list: ValidEntry<SpentEntry>[],
  problems: LedgerProblems
): Map<number, ValidEntry<SpentEntry>> {
  const byYear = new Map<number, ValidEntry<SpentEntry>>();
  for (const s of list) {
    const first = byYear.get(s.entry.year);
    if (first)
      problems.error("ledger.duplicate-spent", `spent[${s.index}].year`, {
        year: s.entry.year,
        firstField: `spent[${first.index}]`,
      });
    else byYear.set(s.entry.year, s);
  }
  return byYear;
}

/** A year's grant, requisitions, spending and repayments, with the rules that check them. */
function yearState(
  y: GrantYear,
  appropriated: Map<number, Decimal>,
  requisitions: ValidEntry<RequisitionEntry>[],
  spentByYear: Map<number, ValidEntry<SpentEntry>>,
  repayments: ValidEntry<RepaymentEntry>[],
  problems: LedgerProblems
): YearState {
  const planned = y.status === "planned-conditional";
  const given = appropriated.get(y.year) ?? null;
  const confirmed = !planned || given !== null;
  const granted = planned ? (given ?? new Decimal(0)) : new Decimal(y.amount);
  const base = { y, confirmed, granted, appropriated: given };
  const { requisitioned, first } = checkRequisitions(base, requisitions, problems);
  const spent = checkSpending(base, spentByYear.get(y.year), requisitioned, problems);
  const mine = repayments.filter((x) => x.entry.year === y.year);
  const toRepay = Decimal.max(0, requisitioned.minus(spent));
  const repaid = mine.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: repaid > toRepay ≥ 0 needs a repayment; the test only guards mine[-1]
  if (repaid.greaterThan(toRepay) && mine.length > 0)
    problems.warn(
      "ledger.repayment-above-unused",
      `repayments[${mine[mine.length - 1]!.index}].amount`,
      {
        repaid,
        year: y.year,
        toRepay,
        requisitioned,
        spent,
      }
    );
  return { ...base, requisitioned, first, spent, repayments: mine, toRepay, repaid };
}

type YearGrant = Pick<YearState, "y" | "confirmed" | "granted">;

/** A year's requisitions in the order entered: unconfirmed year, second of a once-only, above the grant, late. */
function checkRequisitions(
  { y, confirmed, granted }: YearGrant,
  requisitions: ValidEntry<RequisitionEntry>[],
  problems: LedgerProblems
): { requisitioned: Decimal; first: ValidEntry<RequisitionEntry> | undefined } {
  let requisitioned = new Decimal(0);
  let first: ValidEntry<RequisitionEntry> | undefined;
  for (const r of requisitions.filter((x) => x.entry.year === y.year)) {
    const at = `requisitions[${r.index}]`;
    if (!confirmed)
      problems.error("ledger.unconfirmed-requisition", `${at}.year`, unconfirmed(y, r.amount));
    if (first && y.requisition?.once)
      problems.error("ledger.second-requisition", at, {
        year: y.year,
        firstField: `requisitions[${first.index}]`,
        firstAmount: first.amount,
        firstDate: first.entry.date,
      });
    first ??= r;
    requisitioned = requisitioned.plus(r.amount);
    if (confirmed && requisitioned.greaterThan(granted))
      problems.error("ledger.requisition-above-grant", `${at}.amount`, {
        requisitioned,
        year: y.year,
        atMost: y.status === "at-most",
        granted,
        over: requisitioned.minus(granted),
      });
    const late = y.requisition ? daysBetween(y.requisition.by, r.entry.date) : 0;
    if (y.requisition && late > 0)
      problems.warn("ledger.requisition-late", `${at}.date`, {
        date: r.entry.date,
        days: late,
        deadline: y.requisition.by,
        to: y.requisition.to,
      });
  }
  return { requisitioned, first };
}

/** A year's spending: not of an unconfirmed year, not above the grant, not above what was requisitioned. */
function checkSpending(
  { y, confirmed, granted }: YearGrant,
  s: ValidEntry<SpentEntry> | undefined,
  requisitioned: Decimal,
  problems: LedgerProblems
): Decimal {
  const spent = s?.amount ?? new Decimal(0);
  if (!s || !spent.greaterThan(0)) return spent;
  const at = `spent[${s.index}]`;
  if (!confirmed) problems.error("ledger.unconfirmed-spent", `${at}.year`, unconfirmed(y, spent));
  else if (spent.greaterThan(granted))
    problems.error("ledger.spent-above-grant", `${at}.amount`, {
      spent,
      year: y.year,
      atMost: y.status === "at-most",
      granted,
      requisitioned,
    });
  else if (spent.greaterThan(requisitioned))
    problems.error("ledger.spent-above-requisition", `${at}.amount`, {
      spent,
      year: y.year,
      requisitioned,
      over: spent.minus(requisitioned),
    });
  return spent;
}

function unconfirmed(y: GrantYear, amount: Decimal) {
  return {
    amount,
    year: y.year,
    planned: y.amount,
    condition: y.condition ?? null,
    confirm: { kind: "field" as const },
  };
}

/** One of a year's deadlines on `asOf`. */
function yearDeadline(
  d: GrantDeadline,
  s: YearState,
  asOf: string,
  submittedOn: Map<string, string>,
  problems: LedgerProblems
): DeadlineStatus {
  if (d.kind === "requisition") return requisitionStatus(d, s, asOf);
  if (d.kind === "repayment") return repaymentStatus(d, s, asOf, problems);
  return reportStatus(d, asOf, submittedOn.get(d.id) ?? null);
}

function requisitionStatus(d: GrantDeadline, s: YearState, asOf: string): DeadlineStatus {
  if (!s.confirmed)
    return notApplicable(d, message("ledger.note.not-confirmed", { year: s.y.year }));
  const doneOn = s.first?.entry.date ?? null;
  const what = s.first
    ? message("ledger.note.requisitioned", { amount: s.first.amount, date: s.first.entry.date })
    : message("ledger.note.may-requisition", {
        atMost: s.y.status === "at-most",
        amount: s.granted,
        date: d.date,
      });
  return status(d, deadlineState(d.date, asOf, doneOn), doneOn, what);
}

/** The repayment: met the day the repayments (in date order) reach the unused funds; short after the deadline is a warning. */
function repaymentStatus(
  d: GrantDeadline,
  s: YearState,
  asOf: string,
  problems: LedgerProblems
): DeadlineStatus {
  if (s.requisitioned.isZero())
    return notApplicable(d, message("ledger.note.nothing-requisitioned", {}));
  if (s.toRepay.isZero())
    return {
      ...base(d),
      state: "met",
      days: null,
      doneOn: null,
      what: message("ledger.note.all-spent", {}),
      when: null,
    };
  let sum = new Decimal(0);
  let reachedOn: string | null = null;
  for (const r of [...s.repayments].sort((a, b) => a.entry.date.localeCompare(b.entry.date))) {
    sum = sum.plus(r.amount);
    if (sum.greaterThanOrEqualTo(s.toRepay)) {
      reachedOn = r.entry.date;
      break;
    }
  }
  const st = deadlineState(d.date, asOf, reachedOn);
  const repaidByNow = s.repayments
    .filter((r) => r.entry.date <= asOf)
    .reduce((acc, r) => acc.plus(r.amount), new Decimal(0));
  if (st.state === "overdue") {
    const last = s.repayments[s.repayments.length - 1];
    problems.warn(
      "ledger.repayment-short",
      last ? `repayments[${last.index}].amount` : "repayments",
      {
        toRepay: s.toRepay,
        year: s.y.year,
        to: d.to,
        date: d.date,
        repaid: repaidByNow,
        short: s.toRepay.minus(repaidByNow),
      }
    );
  }
  return status(
    d,
    st,
    reachedOn,
    message("ledger.note.to-repay", { amount: s.toRepay, date: d.date, repaid: repaidByNow })
  );
}

function reportStatus(d: GrantDeadline, asOf: string, submitted: string | null): DeadlineStatus {
  return status(
    d,
    deadlineState(d.date, asOf, submitted),
    submitted,
    message("ledger.note.report", { title: d.title, date: d.date })
  );
}

function ledgerYear(s: YearState, deadlines: DeadlineStatus[]): LedgerYear {
  const { y } = s;
  return {
    year: y.year,
    status: y.status,
    amount: y.amount,
    confirmed: s.confirmed,
    appropriated: s.appropriated === null ? null : toKronor(s.appropriated),
    granted: toKronor(s.granted),
    requisitioned: toKronor(s.requisitioned, `requisitioned ${y.year}`),
    spent: toKronor(s.spent, `spent ${y.year}`),
    toRepay: toKronor(s.toRepay),
    repaid: toKronor(s.repaid, `repaid ${y.year}`),
    outstanding: toKronor(Decimal.max(0, s.toRepay.minus(s.repaid))),
    repayBy: y.repayment?.by ?? null,
    deadlines,
  };
}

function totals(years: LedgerYear[]): Ledger["totals"] {
  const total = (pick: (y: LedgerYear) => Kronor) =>
    toKronor(years.reduce((s, y) => s.plus(pick(y)), new Decimal(0)));
  return {
    granted: total((y) => y.granted),
    requisitioned: total((y) => y.requisitioned),
    spent: total((y) => y.spent),
    toRepay: total((y) => y.toRepay),
    repaid: total((y) => y.repaid),
    outstanding: total((y) => y.outstanding),
  };
}

function base(d: GrantDeadline) {
  return { id: d.id, kind: d.kind, year: d.year, date: d.date, to: d.to, title: d.title };
}

function notApplicable(d: GrantDeadline, what: Message): DeadlineStatus {
  return { ...base(d), state: "not-applicable", days: null, doneOn: null, what, when: null };
}

function status(
  d: GrantDeadline,
  st: ReturnType<typeof deadlineState>,
  doneOn: string | null,
  what: Message
): DeadlineStatus {
  const done = st.state === "met" || st.state === "late";
  return {
    ...base(d),
    state: st.state,
    days: st.days,
    doneOn: done ? doneOn : null,
    what,
    when: whenMessage(st, doneOn),
  };
}

/** The state of one deadline by id (`final-report`, `repayment-2024`, …) in a ledger, or undefined. */
export function ledgerDeadline(ledger: Ledger, id: string): DeadlineStatus | undefined {
  return ledger.deadlines.find((d) => d.id === id);
}

/** Throws a SjukError carrying every error of the ledger (warnings do not throw). */
export function throwIfLedgerErrors(ledger: Ledger): void {
  if (ledger.errors.length > 0)
    throw new SjukError(ledger.errors.map(({ severity: _severity, ...p }) => p));
}
