import type { GrantDecision, LocalText } from "../agreements/grant-schema";
import { grantDeadlines } from "../agreements/grant-deadlines";
import type { AllocationAgreement, Post } from "../agreements/schema";
import type { ComputeResult } from "./compute";
import { Decimal } from "../core/decimal";
import { SjukError, problem } from "../core/errors";
import { Kronor, toKronor } from "./money";

/* ------------------------------------------------------------------------------------------ *
 * Calendar dates. Every date in the engine is a string YYYY-MM-DD; arithmetic is done on UTC
 * day numbers (Date.UTC), so no time zone or summer time ever shifts a day.
 * ------------------------------------------------------------------------------------------ */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD ("2024-02-30" is false). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  // A real date reads back as itself: "2024-02-30" rolls over to 2024-03-01, month 13 or day 0
  // into another month, and a year before 100 becomes 19xx (Date.UTC), so each is refused.
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === text;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws a SjukError naming `what` if it is not one. */
export function dayNumber(date: string, what = "date"): number {
  if (!isIsoDate(date))
    throw new SjukError([problem("date.not-iso", { value: date }, { field: what })]);
  const m = ISO_DATE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Today's calendar date where the user is (the machine's local date, as Excel's TODAY()).
 * The only impure helper; the engine takes dates as arguments and calls this only for a default.
 */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Excel's date serial number (1900 date system) of a YYYY-MM-DD date, e.g. 2024-12-01 → 45627. */
export function toExcelSerial(date: string): number {
  return dayNumber(date) + EXCEL_EPOCH_OFFSET;
}

/** The date (YYYY-MM-DD) of an Excel date serial; a time of day, if any, is dropped. */
export function fromExcelSerial(serial: number): string {
  return fromDayNumber(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
}

/** Reminders in the .ics file (ics.ts): days before each deadline, by default and at most. */
export const DEFAULT_REMINDER_DAYS = 7;
export const MAX_REMINDER_DAYS = 365;

/** True for a reminder the .ics file can carry: a whole number of days, 1–365. */
export function isReminderDays(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_REMINDER_DAYS
  );
}

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/* ------------------------------------------------------------------------------------------ *
 * The payment calendar across both documents.
 * ------------------------------------------------------------------------------------------ */

export const EVENT_KINDS = [
  "payout",
  "report",
  "requisition",
  "repayment",
  "final-report",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What each kind of event is called, for tables, sheets and .ics files. */
export const EVENT_KIND_LABELS: Record<EventKind, { sv: string; en: string }> = {
  payout: { sv: "Utbetalning", en: "Payout" },
  report: { sv: "Redovisning", en: "Report" },
  requisition: { sv: "Rekvisition", en: "Requisition" },
  repayment: { sv: "Återbetalning", en: "Repayment" },
  "final-report": { sv: "Slutredovisning", en: "Final report" },
};

export interface CalendarEvent {
  /** YYYY-MM-DD, or YYYY when the document gives only the year (then `yearOnly` is true). */
  date: string;
  /**
   * The document names only the year (the 2020 agreement's follow-up money: "2021"). Such an
   * event sorts after every dated event of its year and is kept by a from/to filter when any
   * day of its year lies in the range.
   */
  yearOnly: boolean;
  kind: EventKind;
  title: LocalText;
  /** What the event is about in more detail (the posts behind it, the rule). */
  description: LocalText;
  /** Payouts: the amount in whole kronor (the budget, or what a compute() result pays). Requisitions: the most that may be requisitioned. */
  amount?: Kronor;
  /** The amount is a ceiling ("högst"). */
  atMost?: boolean;
  /** Planned money, only paid if the Riksdag appropriates it. */
  conditional?: boolean;
  /** Payouts: who receives the money (RECIPIENTS of the 2020 agreement, or the grant's recipient). */
  recipient?: string;
  /** Deadlines: who must receive the report, requisition or repayment. */
  to?: string;
  /** The agreement's or decision's id (`sjuk-2020`, `socialstyrelsen-2024`). */
  source: string;
  /**
   * The source document as a reader knows it: its title (and who decided or signed it), never a
   * file path inside this project.
   */
  document: LocalText;
  /** The agreement's post ids, or the decision's deadline ids / grant years (`requisition-2024`, `grant-2025`). */
  items: string[];
}

export interface CalendarSources {
  allocations?: readonly AllocationAgreement[];
  grants?: readonly GrantDecision[];
  /**
   * compute() results: when one is given for an agreement, its payouts carry what that result
   * pays (e.g. with a region not fulfilling a condition) rather than the agreement's budget.
   */
  computed?: readonly ComputeResult[];
}

export interface CalendarFilter {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  /** Inclusive, YYYY-MM-DD. */
  to?: string;
  kinds?: readonly EventKind[];
}

const RECIPIENT_LABEL: Record<string, LocalText> = {
  regions: { sv: "regionerna", en: "the regions" },
  SKR: { sv: "SKR", en: "SKR" },
  Försäkringskassan: { sv: "Försäkringskassan", en: "Försäkringskassan" },
  Socialstyrelsen: { sv: "Socialstyrelsen", en: "Socialstyrelsen" },
  government: {
    sv: "uppföljning och utvärdering (beslutas av regeringen)",
    en: "follow-up and evaluation (decided by the government)",
  },
};
const RECIPIENT_ORDER = ["regions", "SKR", "Försäkringskassan", "Socialstyrelsen", "government"];

function recipientLabel(r: string): LocalText {
  return RECIPIENT_LABEL[r] ?? { sv: r, en: r };
}

function formatAmount(amount: Kronor, lang: "sv" | "en"): string {
  const digits = new Decimal(amount).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return lang === "sv" ? `${digits} kr` : `SEK ${digits}`;
}

/** An agreement as its reader names it: the title and the day it was signed. */
function allocationDocument(agreement: AllocationAgreement): LocalText {
  return {
    sv: `Överenskommelsen ”${agreement.title.sv}”, undertecknad ${agreement.signed}`,
    en: `The agreement "${agreement.title.en}", signed ${agreement.signed}`,
  };
}

/** A grant decision as its reader names it: the title and who decided it. */
function grantDocument(decision: GrantDecision): LocalText {
  return {
    sv: `Beslutet ”${decision.title.sv}” (${decision.decidedBy})`,
    en: `The decision "${decision.title.en}" (${decision.decidedBy})`,
  };
}

/** The events of one allocation agreement: payouts summed per date and recipient, report deadlines grouped per date and report. */
export function allocationEvents(
  agreement: AllocationAgreement,
  computed?: ComputeResult
): CalendarEvent[] {
  const paidByPost = new Map<string, Kronor>();
  if (computed) {
    if (computed.agreement.id !== agreement.id)
      throw new SjukError(
        `the compute() result is for ${computed.agreement.id}, not ${agreement.id}`
      );
    for (const p of computed.posts) paidByPost.set(p.post.id, p.paid);
  }
  const events: CalendarEvent[] = [];

  const payouts = new Map<
    string,
    { date: string; recipient: string; posts: Post[]; amount: Decimal }
  >();
  for (const post of agreement.posts) {
    const key = `${post.payoutDate}|${post.recipient}`;
    const entry = payouts.get(key) ?? {
      date: post.payoutDate,
      recipient: post.recipient,
      posts: [],
      amount: new Decimal(0),
    };
    entry.posts.push(post);
    entry.amount = entry.amount.plus(paidByPost.get(post.id) ?? post.amount);
    payouts.set(key, entry);
  }
  for (const p of payouts.values()) {
    const who = recipientLabel(p.recipient);
    const atMost = !computed && p.posts.some((x) => x.atMost);
    events.push({
      date: p.date,
      yearOnly: !isIsoDate(p.date),
      kind: "payout",
      // Money the agreement reserves (the follow-up) is not paid to anyone on a date.
      title: p.posts.every((x) => x.reservation)
        ? {
            sv: `Reserverat för ${who.sv}${p.date.length === 4 ? ` under ${p.date}` : ` ${p.date}`}`,
            en: `Reserved for ${who.en}${p.date.length === 4 ? ` during ${p.date}` : ` ${p.date}`}`,
          }
        : {
            sv: `Utbetalning till ${who.sv}${p.date.length === 4 ? ` under ${p.date}` : ""} (senast)`,
            en: `Payout to ${who.en}${p.date.length === 4 ? ` during ${p.date}` : ""} (at the latest)`,
          },
      description: {
        sv: p.posts
          .map(
            (x) =>
              `${x.title.sv}: ${x.atMost && !computed ? "högst " : ""}${formatAmount(paidByPost.get(x.id) ?? x.amount, "sv")}`
          )
          .join("; "),
        en: p.posts
          .map(
            (x) =>
              `${x.title.en}: ${x.atMost && !computed ? "at most " : ""}${formatAmount(paidByPost.get(x.id) ?? x.amount, "en")}`
          )
          .join("; "),
      },
      amount: toKronor(p.amount, `payout ${p.date} to ${p.recipient}`),
      ...(atMost ? { atMost: true } : {}),
      recipient: p.recipient,
      source: agreement.id,
      document: allocationDocument(agreement),
      items: p.posts.map((x) => x.id),
    });
  }

  const reports = new Map<string, { date: string; what: LocalText; posts: Post[] }>();
  for (const post of agreement.posts) {
    for (const r of post.reportDue) {
      const key = `${r.date}|${r.what.sv}`;
      const entry = reports.get(key) ?? { date: r.date, what: r.what, posts: [] };
      entry.posts.push(post);
      reports.set(key, entry);
    }
  }
  for (const r of reports.values()) {
    events.push({
      date: r.date,
      yearOnly: false,
      kind: "report",
      title: r.what,
      description: {
        sv: r.posts.map((x) => x.title.sv).join("; "),
        en: r.posts.map((x) => x.title.en).join("; "),
      },
      source: agreement.id,
      document: allocationDocument(agreement),
      items: r.posts.map((x) => x.id),
    });
  }
  return events;
}

/** The events of one grant decision: every deadline, and the planned (conditional) money of later years. */
export function grantEvents(decision: GrantDecision): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const d of grantDeadlines(decision)) {
    // A requisition carries its year's amount (the most it may ask for when that is "högst").
    const year =
      d.kind === "requisition" ? decision.years.find((y) => y.year === d.year) : undefined;
    const amount = year?.amount;
    const atMost = year?.status === "at-most";
    events.push({
      date: d.date,
      yearOnly: false,
      kind: d.kind,
      title: d.title,
      description: {
        sv: `${decision.recipient}, senast ${d.date}. ${d.quote}`,
        en: `${decision.recipient}, at the latest ${d.date}. Decision: "${d.quote}"`,
      },
      ...(amount !== undefined ? { amount } : {}),
      ...(atMost ? { atMost: true } : {}),
      to: d.to,
      source: decision.id,
      document: grantDocument(decision),
      items: [d.id],
    });
  }
  for (const y of decision.years) {
    if (y.status !== "planned-conditional") continue;
    events.push({
      date: String(y.year),
      yearOnly: true,
      kind: "payout",
      title: {
        sv: `Planerade medel ${y.year} till ${decision.recipient} (villkorat)`,
        en: `Planned funds ${y.year} for ${decision.recipient} (conditional)`,
      },
      description: {
        sv: `${y.condition?.sv ?? ""} ${y.quote}`.trim(),
        en: `${y.condition?.en ?? ""} Decision: "${y.quote}"`.trim(),
      },
      amount: y.amount,
      conditional: true,
      recipient: decision.recipient,
      source: decision.id,
      document: grantDocument(decision),
      items: [`grant-${y.year}`],
    });
  }
  return events;
}

/** The key events sort by: a year-only event goes after every dated event of its year. */
function sortKey(e: CalendarEvent): string {
  return e.yearOnly ? `${e.date}-12-31~` : e.date;
}

/** On one day: money first, then what must be sent (as grantDeadlines orders them). */
const SAME_DAY_ORDER: readonly EventKind[] = [
  "payout",
  "requisition",
  "repayment",
  "report",
  "final-report",
];

/** Orders events by date, then kind (payout, requisition, repayment, report, final report), recipient and source. */
export function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  const kind = SAME_DAY_ORDER.indexOf(a.kind) - SAME_DAY_ORDER.indexOf(b.kind);
  if (kind !== 0) return kind;
  const ra = a.recipient === undefined ? 99 : RECIPIENT_ORDER.indexOf(a.recipient) + 1 || 98;
  const rb = b.recipient === undefined ? 99 : RECIPIENT_ORDER.indexOf(b.recipient) + 1 || 98;
  if (ra !== rb) return ra - rb;
  return (
    a.source.localeCompare(b.source) ||
    a.title.sv.localeCompare(b.title.sv) ||
    a.items.join().localeCompare(b.items.join())
  );
}

/** Keeps the events between `from` and `to` (inclusive); a year-only event is kept when any day of its year is in range. */
export function filterEvents(
  events: readonly CalendarEvent[],
  filter: CalendarFilter = {}
): CalendarEvent[] {
  const from = filter.from === undefined ? -Infinity : dayNumber(filter.from, "from");
  const to = filter.to === undefined ? Infinity : dayNumber(filter.to, "to");
  if (from > to)
    throw new SjukError([
      problem("date.from-after-to", { from: filter.from!, to: filter.to! }, { field: "from" }),
    ]);
  return events.filter((e) => {
    if (filter.kinds && !filter.kinds.includes(e.kind)) return false;
    const first = e.yearOnly ? dayNumber(`${e.date}-01-01`) : dayNumber(e.date);
    const last = e.yearOnly ? dayNumber(`${e.date}-12-31`) : first;
    return last >= from && first <= to;
  });
}

/**
 * ONE payment calendar across the documents: every payout and report deadline of the
 * allocation agreements, and every deadline and planned payment of the grant decisions, in
 * date order. Pure: pass the documents (src/agreements: AGREEMENTS, GRANT_DECISIONS).
 *
 *   paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS }, { from: "2024-01-01" })
 */
export function paymentCalendar(
  sources: CalendarSources,
  filter: CalendarFilter = {}
): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const a of sources.allocations ?? [])
    events.push(
      ...allocationEvents(
        a,
        sources.computed?.find((c) => c.agreement.id === a.id)
      )
    );
  for (const g of sources.grants ?? []) events.push(...grantEvents(g));
  return filterEvents(events, filter).sort(compareEvents);
}
