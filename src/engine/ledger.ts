import type { GrantDecision, GrantStatus, LocalText } from "../agreements/grant-schema";
import { GrantDeadline, grantDeadlines } from "../agreements/grant-deadlines";
import { daysBetween, isIsoDate, todayIso } from "./calendar";
import { Decimal, DecimalInput } from "./decimal";
import { Problem, SjukError } from "./errors";
import { Kronor, formatKronor, toKronor } from "./money";

/**
 * The grant ledger: what a grant decision (e.g. ASSIGNMENT_2024) gives per year, what the
 * officer has requisitioned, spent and repaid, what must be repaid, and where each deadline
 * stands on a given date. Pure: the date is an argument (default: today's local date).
 *
 * Entry problems do not throw: they come back as `errors` and `warnings`, each with a field
 * path into the entries (`requisitions[1]`, `spent[0].amount`) that a sheet maps to its cell,
 * and each in English (`message`) and Swedish (`sv`).
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

export interface LedgerEntries {
  requisitions?: readonly RequisitionEntry[];
  /** Spending per year: one entry per year. */
  spent?: readonly SpentEntry[];
  repayments?: readonly RepaymentEntry[];
  /** Reports handed in (financial report, final report). */
  submitted?: readonly SubmittedEntry[];
  /** Planned-conditional years the Riksdag has appropriated money for. */
  confirmedYears?: readonly number[];
}

export interface LedgerOptions {
  /** YYYY-MM-DD; default today (the machine's local date). */
  asOf?: string;
}

export const DEADLINE_STATES = ["met", "due", "overdue", "not-applicable"] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A deadline of the decision (its quote aside) with where it stands on the ledger's date. */
export interface DeadlineStatus extends Omit<GrantDeadline, "quote"> {
  /**
   * - `met`: done on or before `asOf` (see `metOn`, `late`);
   * - `due`: not done, `days` left until the deadline (0 = today is the last day);
   * - `overdue`: not done, the deadline passed `days` days ago (≥ 1);
   * - `not-applicable`: nothing to do (no money requisitioned, so nothing to repay; or the year is not confirmed).
   */
  state: DeadlineState;
  /** `due`: days left (≥ 0); `overdue`: days past (≥ 1); otherwise null. */
  days: number | null;
  /** `met`: the date it was done, or null when it was met by there being nothing to do (nothing to repay). */
  metOn: string | null;
  /** `met` after the deadline. */
  late: boolean;
  /** Why, in a sentence, e.g. "70 000 kr to repay by 2025-03-31". */
  note: LocalText;
}

export interface LedgerYear {
  year: number;
  status: GrantStatus;
  /** The amount the decision names (a ceiling for at-most, a plan for planned-conditional). */
  amount: Kronor;
  /** At-most/fixed years, and planned years the Riksdag has confirmed. */
  confirmed: boolean;
  /** What may be used: `amount` when confirmed, else 0. */
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

export const LEDGER_PROBLEM_CODES = [
  "invalid-entry",
  "unknown-year",
  "unknown-item",
  "duplicate-year",
  "requisition-above-grant",
  "second-requisition",
  "requisition-late",
  "spent-above-grant",
  "spent-above-requisition",
  "unconfirmed-year",
  "repayment-short",
  "repayment-above-unused",
  "confirmed-not-planned",
] as const;
export type LedgerProblemCode = (typeof LEDGER_PROBLEM_CODES)[number];

export interface LedgerProblem extends Problem {
  /** The message in Swedish (field paths as in `message`). */
  sv: string;
  severity: "error" | "warning";
  code: LedgerProblemCode;
  where: { field: string };
}

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
 * `doneOn` later than `asOf` does not count yet.
 */
export function deadlineState(
  deadline: string,
  asOf: string,
  doneOn: string | null = null
): { state: "met" | "due" | "overdue"; days: number | null; late: boolean } {
  if (doneOn !== null && daysBetween(doneOn, asOf) >= 0)
    return { state: "met", days: null, late: daysBetween(deadline, doneOn) > 0 };
  const left = daysBetween(asOf, deadline);
  return left >= 0
    ? { state: "due", days: left, late: false }
    : { state: "overdue", days: -left, late: false };
}

function wholeKronor(value: AmountInput, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new SjukError([
      {
        message: `${JSON.stringify(value)} is not a number`,
        sv: `${JSON.stringify(value)} är inte ett tal`,
        where: { field: what },
      },
    ]);
  }
  if (!d.isFinite() || !d.isInteger())
    throw new SjukError([
      {
        message: `${d.toString()} is not a whole number of kronor`,
        sv: `${d.toString().replace(".", ",")} är inte ett helt antal kronor`,
        where: { field: what },
      },
    ]);
  if (d.isNegative())
    throw new SjukError([
      {
        message: `${d.toString()} is negative`,
        sv: `${d.toString()} är negativt`,
        where: { field: what },
      },
    ]);
  return d;
}

/** "1 dag", "3 dagar". */
const dagar = (n: number) => `${n} ${n === 1 ? "dag" : "dagar"}`;

const kr = (d: Decimal | Kronor) => formatKronor(d);
const krEn = (d: Decimal | Kronor) => `SEK ${formatKronor(d).replace(/ kr$/, "")}`;

interface ValidEntry<T> {
  index: number;
  entry: T;
  amount: Decimal;
}

/** The ledger of a grant decision on a date. See the module comment. */
export function computeLedger(
  decision: GrantDecision,
  entries: LedgerEntries = {},
  options: LedgerOptions = {}
): Ledger {
  const asOf = options.asOf ?? todayIso();
  if (!isIsoDate(asOf))
    throw new SjukError([
      {
        message: `"${asOf}" is not a date written YYYY-MM-DD`,
        sv: `"${asOf}" är inte ett datum skrivet ÅÅÅÅ-MM-DD`,
        where: { field: "asOf" },
      },
    ]);

  const problems: LedgerProblem[] = [];
  /** A problem in English (`message`) and Swedish (`sv`). */
  const error = (code: LedgerProblemCode, field: string, message: string, sv: string) =>
    problems.push({ severity: "error", code, message, sv, where: { field } });
  const warn = (code: LedgerProblemCode, field: string, message: string, sv: string) =>
    problems.push({ severity: "warning", code, message, sv, where: { field } });

  const yearOf = new Map(decision.years.map((y) => [y.year, y]));
  const years = decision.years.map((y) => y.year).join(", ");

  // Which years are money.
  const confirmed = new Set(
    decision.years.filter((y) => y.status !== "planned-conditional").map((y) => y.year)
  );
  (entries.confirmedYears ?? []).forEach((year, i) => {
    const y = yearOf.get(year);
    if (!y)
      warn(
        "unknown-year",
        `confirmedYears[${i}]`,
        `${year} is not a year of the decision (${years})`,
        `${year} är inget år i beslutet (${years})`
      );
    else if (y.status !== "planned-conditional")
      warn(
        "confirmed-not-planned",
        `confirmedYears[${i}]`,
        `${year} is already granted (${y.status}); it needs no confirmation`,
        `${year} är redan beviljat (${y.status === "at-most" ? "högst " : ""}${kr(y.amount)}) och behöver ingen bekräftelse`
      );
    else confirmed.add(year);
  });

  /** Validates the shape of an entry with a year and an amount (and a date when `dated`). */
  function validate<T extends { year: number; amount: AmountInput; date?: string }>(
    list: readonly T[] | undefined,
    name: string,
    dated: boolean
  ): ValidEntry<T>[] {
    const out: ValidEntry<T>[] = [];
    (list ?? []).forEach((entry, index) => {
      const at = `${name}[${index}]`;
      let ok = true;
      if (!yearOf.has(entry.year)) {
        error(
          "unknown-year",
          `${at}.year`,
          `${String(entry.year)} is not a year of the decision (${years})`,
          `${String(entry.year)} är inget år i beslutet (${years})`
        );
        ok = false;
      }
      let amount = new Decimal(0);
      try {
        amount = wholeKronor(entry.amount, `${at}.amount`);
      } catch (e) {
        if (!(e instanceof SjukError)) throw e;
        for (const p of e.problems)
          error("invalid-entry", `${at}.amount`, p.message, p.sv ?? p.message);
        ok = false;
      }
      if (dated && !isIsoDate(entry.date)) {
        error(
          "invalid-entry",
          `${at}.date`,
          `"${String(entry.date)}" is not a date written YYYY-MM-DD`,
          `"${String(entry.date)}" är inte ett datum skrivet ÅÅÅÅ-MM-DD`
        );
        ok = false;
      }
      if (ok) out.push({ index, entry, amount });
    });
    return out;
  }

  const requisitions = validate(entries.requisitions, "requisitions", true);
  const spentEntries = validate(entries.spent, "spent", false);
  const repayments = validate(entries.repayments, "repayments", true);

  const submittedOn = new Map<string, string>();
  const deadlineList = grantDeadlines(decision);
  (entries.submitted ?? []).forEach((s, i) => {
    const d = deadlineList.find((x) => x.id === s.item);
    if (!d) {
      const reports = deadlineList
        .filter((x) => x.kind === "report" || x.kind === "final-report")
        .map((x) => x.id);
      error(
        "unknown-item",
        `submitted[${i}].item`,
        `"${s.item}" is not a report of the decision (${reports.join(", ")})`,
        `"${s.item}" är ingen rapport i beslutet (${reports.join(", ")})`
      );
    } else if (d.kind !== "report" && d.kind !== "final-report") {
      error(
        "unknown-item",
        `submitted[${i}].item`,
        `"${s.item}" is not a report: enter it under ${d.kind === "requisition" ? "requisitions" : "repayments"}`,
        `"${s.item}" är ingen rapport: för in den bland ${d.kind === "requisition" ? "rekvisitionerna" : "återbetalningarna"}`
      );
    } else if (!isIsoDate(s.date)) {
      error(
        "invalid-entry",
        `submitted[${i}].date`,
        `"${String(s.date)}" is not a date written YYYY-MM-DD`,
        `"${String(s.date)}" är inte ett datum skrivet ÅÅÅÅ-MM-DD`
      );
    } else {
      const earlier = submittedOn.get(s.item);
      if (earlier === undefined || s.date < earlier) submittedOn.set(s.item, s.date);
    }
  });

  // Spent: one entry per year.
  const spentByYear = new Map<number, ValidEntry<SpentEntry>>();
  for (const s of spentEntries) {
    const first = spentByYear.get(s.entry.year);
    if (first)
      error(
        "duplicate-year",
        `spent[${s.index}].year`,
        `spending for ${s.entry.year} is already entered in spent[${first.index}]: enter one total per year`,
        `det som använts ${s.entry.year} är redan infört i spent[${first.index}]: för in en summa per år`
      );
    else spentByYear.set(s.entry.year, s);
  }

  const ledgerYears: LedgerYear[] = decision.years.map((y): LedgerYear => {
    const isConfirmed = confirmed.has(y.year);
    const granted = isConfirmed ? new Decimal(y.amount) : new Decimal(0);
    const grantWord = y.status === "at-most" ? "högst " : "";

    // Requisitions, in the order entered.
    let requisitioned = new Decimal(0);
    let firstRequisition: ValidEntry<RequisitionEntry> | undefined;
    for (const r of requisitions.filter((x) => x.entry.year === y.year)) {
      const at = `requisitions[${r.index}]`;
      if (!isConfirmed) {
        error(
          "unconfirmed-year",
          `${at}.year`,
          `${formatKronor(r.amount)} requisitioned against ${y.year}, whose ${kr(y.amount)} is only planned (${y.condition?.en ?? "conditional"}); confirm the year (confirmedYears) once the Riksdag has appropriated the money`,
          `${kr(r.amount)} rekvirerat för ${y.year}, vars ${kr(y.amount)} bara är planerade (${y.condition?.sv ?? "villkorat"}); bekräfta året (confirmedYears) när riksdagen har anvisat medlen`
        );
      }
      if (firstRequisition && y.requisition?.once) {
        error(
          "second-requisition",
          at,
          `a second requisition for ${y.year}: the funds are paid out "engångsvis" (once), and requisitions[${firstRequisition.index}] already requisitioned ${kr(firstRequisition.amount)} on ${firstRequisition.entry.date}`,
          `andra rekvisitionen för ${y.year}: medlen rekvireras engångsvis, och ${kr(firstRequisition.amount)} rekvirerades redan ${firstRequisition.entry.date} (requisitions[${firstRequisition.index}])`
        );
      }
      firstRequisition ??= r;
      requisitioned = requisitioned.plus(r.amount);
      if (isConfirmed && requisitioned.greaterThan(granted)) {
        error(
          "requisition-above-grant",
          `${at}.amount`,
          `${kr(requisitioned)} requisitioned for ${y.year} is more than the ${grantWord}${kr(granted)} granted (${kr(requisitioned.minus(granted))} too much)`,
          `${kr(requisitioned)} rekvirerat för ${y.year} är mer än de ${grantWord}${kr(granted)} som beviljats (${kr(requisitioned.minus(granted))} för mycket)`
        );
      }
      if (y.requisition && daysBetween(y.requisition.by, r.entry.date) > 0) {
        warn(
          "requisition-late",
          `${at}.date`,
          `requisitioned on ${r.entry.date}, ${daysBetween(y.requisition.by, r.entry.date)} days after the deadline ${y.requisition.by} (to ${y.requisition.to})`,
          `rekvirerat ${r.entry.date}, ${dagar(daysBetween(y.requisition.by, r.entry.date))} efter sista dagen ${y.requisition.by} (till ${y.requisition.to})`
        );
      }
    }

    // Spending.
    const s = spentByYear.get(y.year);
    const spent = s?.amount ?? new Decimal(0);
    if (s && spent.greaterThan(0)) {
      const at = `spent[${s.index}]`;
      if (!isConfirmed) {
        error(
          "unconfirmed-year",
          `${at}.year`,
          `${kr(spent)} spent against ${y.year}, whose ${kr(y.amount)} is only planned (${y.condition?.en ?? "conditional"}); confirm the year (confirmedYears) once the Riksdag has appropriated the money`,
          `${kr(spent)} använt för ${y.year}, vars ${kr(y.amount)} bara är planerade (${y.condition?.sv ?? "villkorat"}); bekräfta året (confirmedYears) när riksdagen har anvisat medlen`
        );
      } else if (spent.greaterThan(granted)) {
        error(
          "spent-above-grant",
          `${at}.amount`,
          `${kr(spent)} spent in ${y.year} is more than the ${grantWord}${kr(granted)} granted (and the ${kr(requisitioned)} requisitioned)`,
          `${kr(spent)} använt ${y.year} är mer än de ${grantWord}${kr(granted)} som beviljats (och de ${kr(requisitioned)} som rekvirerats)`
        );
      } else if (spent.greaterThan(requisitioned)) {
        error(
          "spent-above-requisition",
          `${at}.amount`,
          `${kr(spent)} spent in ${y.year} is more than the ${kr(requisitioned)} requisitioned (${kr(spent.minus(requisitioned))} over)`,
          `${kr(spent)} använt ${y.year} är mer än de ${kr(requisitioned)} som rekvirerats (${kr(spent.minus(requisitioned))} för mycket)`
        );
      }
    }

    // Repayments.
    const yearRepayments = repayments.filter((x) => x.entry.year === y.year);
    const toRepay = Decimal.max(0, requisitioned.minus(spent));
    const repaid = yearRepayments.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
    const outstanding = Decimal.max(0, toRepay.minus(repaid));
    if (repaid.greaterThan(toRepay) && yearRepayments.length > 0) {
      const last = yearRepayments[yearRepayments.length - 1]!;
      warn(
        "repayment-above-unused",
        `repayments[${last.index}].amount`,
        `${kr(repaid)} repaid for ${y.year} is more than the ${kr(toRepay)} unused (requisitioned ${kr(requisitioned)} − spent ${kr(spent)})`,
        `${kr(repaid)} återbetalt för ${y.year} är mer än de ${kr(toRepay)} som inte använts (rekvirerat ${kr(requisitioned)} − använt ${kr(spent)})`
      );
    }

    // Deadlines of this year.
    const deadlines = deadlineList
      .filter((d) => d.year === y.year)
      .map((d): DeadlineStatus => {
        switch (d.kind) {
          case "requisition": {
            if (!isConfirmed)
              return notApplicable(d, {
                sv: `${y.year} är inte bekräftat av riksdagen`,
                en: `${y.year} is not confirmed by the Riksdag`,
              });
            const st = deadlineState(d.date, asOf, firstRequisition?.entry.date ?? null);
            return status(d, st, firstRequisition?.entry.date ?? null, {
              sv: firstRequisition
                ? `${kr(firstRequisition.amount)} rekvirerat ${firstRequisition.entry.date}`
                : `${grantWord}${kr(granted)} kan rekvireras till ${d.date}`,
              en: firstRequisition
                ? `${krEn(firstRequisition.amount)} requisitioned on ${firstRequisition.entry.date}`
                : `${grantWord === "" ? "" : "at most "}${krEn(granted)} may be requisitioned until ${d.date}`,
            });
          }
          case "repayment": {
            if (requisitioned.isZero())
              return notApplicable(d, {
                sv: "inget rekvirerat, inget att återbetala",
                en: "nothing requisitioned, nothing to repay",
              });
            if (toRepay.isZero())
              return {
                ...base(d),
                state: "met",
                days: null,
                metOn: null,
                late: false,
                note: {
                  sv: "allt rekvirerat är använt, inget att återbetala",
                  en: "everything requisitioned is spent, nothing to repay",
                },
              };
            // The day the repayments (in date order) reached the amount to repay.
            let sum = new Decimal(0);
            let reachedOn: string | null = null;
            for (const r of [...yearRepayments].sort((a, b) =>
              a.entry.date.localeCompare(b.entry.date)
            )) {
              sum = sum.plus(r.amount);
              if (sum.greaterThanOrEqualTo(toRepay)) {
                reachedOn = r.entry.date;
                break;
              }
            }
            const st = deadlineState(d.date, asOf, reachedOn);
            const repaidByNow = yearRepayments
              .filter((r) => r.entry.date <= asOf)
              .reduce((acc, r) => acc.plus(r.amount), new Decimal(0));
            if (st.state === "overdue") {
              const short = toRepay.minus(repaidByNow);
              const last = yearRepayments[yearRepayments.length - 1];
              warn(
                "repayment-short",
                last ? `repayments[${last.index}].amount` : "repayments",
                `${kr(toRepay)} unused in ${y.year} should have been repaid to ${d.to} by ${d.date}; ${kr(repaidByNow)} repaid, ${kr(short)} outstanding`,
                `${kr(toRepay)} som inte använts ${y.year} skulle ha återbetalats till ${d.to} senast ${d.date}; ${kr(repaidByNow)} återbetalt, ${kr(short)} återstår`
              );
            }
            return status(d, st, reachedOn, {
              sv: `${kr(toRepay)} att återbetala senast ${d.date}${repaidByNow.isZero() ? "" : `, ${kr(repaidByNow)} återbetalt`}`,
              en: `${krEn(toRepay)} to repay by ${d.date}${repaidByNow.isZero() ? "" : `, ${krEn(repaidByNow)} repaid`}`,
            });
          }
          default:
            return reportStatus(d, asOf, submittedOn.get(d.id) ?? null);
        }
      });

    return {
      year: y.year,
      status: y.status,
      amount: y.amount,
      confirmed: isConfirmed,
      granted: toKronor(granted),
      requisitioned: toKronor(requisitioned, `requisitioned ${y.year}`),
      spent: toKronor(spent, `spent ${y.year}`),
      toRepay: toKronor(toRepay),
      repaid: toKronor(repaid, `repaid ${y.year}`),
      outstanding: toKronor(outstanding),
      repayBy: y.repayment?.by ?? null,
      deadlines,
    };
  });

  const all = [
    ...ledgerYears.flatMap((y) => y.deadlines),
    ...deadlineList
      .filter((d) => d.year === null)
      .map((d) => reportStatus(d, asOf, submittedOn.get(d.id) ?? null)),
  ];
  const order = new Map(deadlineList.map((d, i) => [d.id, i]));
  all.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const total = (pick: (y: LedgerYear) => Kronor) =>
    toKronor(ledgerYears.reduce((s, y) => s.plus(pick(y)), new Decimal(0)));
  return {
    decision,
    asOf,
    years: ledgerYears,
    deadlines: all,
    next: all.find((d) => d.state === "due") ?? null,
    overdue: all.filter((d) => d.state === "overdue"),
    totals: {
      granted: total((y) => y.granted),
      requisitioned: total((y) => y.requisitioned),
      spent: total((y) => y.spent),
      toRepay: total((y) => y.toRepay),
      repaid: total((y) => y.repaid),
      outstanding: total((y) => y.outstanding),
    },
    errors: problems.filter((p) => p.severity === "error"),
    warnings: problems.filter((p) => p.severity === "warning"),
  };
}

function base(d: GrantDeadline) {
  return { id: d.id, kind: d.kind, year: d.year, date: d.date, to: d.to, title: d.title };
}

function notApplicable(d: GrantDeadline, note: LocalText): DeadlineStatus {
  return { ...base(d), state: "not-applicable", days: null, metOn: null, late: false, note };
}

function status(
  d: GrantDeadline,
  st: ReturnType<typeof deadlineState>,
  doneOn: string | null,
  what: LocalText
): DeadlineStatus {
  const when: LocalText =
    st.state === "met"
      ? {
          sv: st.late
            ? `klart ${doneOn}, ${daysBetween(d.date, doneOn!)} dagar för sent`
            : `klart ${doneOn}`,
          en: st.late
            ? `done ${doneOn}, ${daysBetween(d.date, doneOn!)} days late`
            : `done ${doneOn}`,
        }
      : st.state === "due"
        ? {
            sv: st.days === 0 ? "sista dag i dag" : `${st.days} dagar kvar`,
            en: st.days === 0 ? "due today" : `due in ${st.days} days`,
          }
        : { sv: `försenad ${st.days} dagar`, en: `overdue by ${st.days} days` };
  return {
    ...base(d),
    state: st.state,
    days: st.days,
    metOn: st.state === "met" ? doneOn : null,
    late: st.late,
    note: { sv: `${what.sv}; ${when.sv}`, en: `${what.en}; ${when.en}` },
  };
}

function reportStatus(d: GrantDeadline, asOf: string, submitted: string | null): DeadlineStatus {
  return status(d, deadlineState(d.date, asOf, submitted), submitted, {
    sv: `${d.title.sv}, senast ${d.date}`,
    en: `${d.title.en}, by ${d.date}`,
  });
}

/** The state of one deadline by id (`final-report`, `repayment-2024`, …) in a ledger, or undefined. */
export function ledgerDeadline(ledger: Ledger, id: string): DeadlineStatus | undefined {
  return ledger.deadlines.find((d) => d.id === id);
}

/** Throws a SjukError carrying every error of the ledger (warnings do not throw). */
export function throwIfLedgerErrors(ledger: Ledger): void {
  if (ledger.errors.length > 0)
    throw new SjukError(ledger.errors.map(({ message, sv, where }) => ({ message, sv, where })));
}
