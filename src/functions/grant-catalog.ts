import { ASSIGNMENT_2024, findGrantDeadline, grantDeadlines } from "../agreements";
import { fromExcelSerial, isIsoDate, toExcelSerial, todayIso } from "../engine/calendar";
import type { GrantYear } from "../agreements/grant-schema";
import { Message, message, render } from "../core/messages";
import { ConfirmedEntry, computeLedger, deadlineState } from "../engine/ledger";
import { Cell, isBlank, parseNumber, parseYesNo, showCellSv } from "../inputs/cells";
import { numberArg, textArg } from "./arguments";
import type { Argument, FunctionSpec } from "./spec";
import { badArgument, badValue, notAvailable } from "./values";

/*
 * The grant ledger's functions (the 2024 assignment to Socialstyrelsen): thin adapters over
 * src/engine/ledger.ts, which holds every rule.
 */
const decision = ASSIGNMENT_2024;

function yearArg(value: Argument) {
  const year = numberArg(value as Cell, "year").toNumber();
  const found = decision.years.find((y) => y.year === year);
  const years = decision.years.map((y) => y.year).join(", ");
  if (!found) badArgument("year", message("function.no-money-for-year", { year, years }), "na");
  return found;
}

function itemArg(value: Argument) {
  // By id or by the title a sheet shows, in either language.
  const id = textArg(value as Cell, "item");
  const deadline = findGrantDeadline(decision, id);
  if (!deadline) {
    const items = grantDeadlines(decision)
      .map((d) => d.id)
      .join(", ");
    badArgument("item", message("function.unknown-deadline", { item: id, items }), "na");
  }
  return deadline;
}

/** A date as a sheet gives it: an Excel date serial, or text YYYY-MM-DD. Blank: `fallback`. */
function dateArg(value: Argument, name: string, fallback: string | null): string | null {
  if (isBlank(value as Cell)) return fallback;
  if (typeof value === "string" && isIsoDate(value.trim())) return value.trim();
  const n = parseNumber(value as Cell);
  if (n.ok && n.value.isInteger() && n.value.greaterThan(0))
    return fromExcelSerial(n.value.toNumber());
  const shown = JSON.stringify(value);
  return badArgument(
    name,
    message("function.not-a-date", {
      value: shown,
      valueSv: typeof value === "number" ? showCellSv(value) : shown,
    })
  );
}

/**
 * The amount the Riksdag appropriated for a planned year (the `confirmed` argument): blank,
 * FALSE or "nej" = not confirmed; whole kronor = confirmed with that amount. TRUE is refused:
 * the government only estimated the planned amount, so the ledger needs the real one.
 */
function appropriationArg(value: Argument, year: GrantYear): ConfirmedEntry[] {
  if (isBlank(value as Cell)) return [];
  const flag = parseYesNo(value as Cell);
  if (flag.ok && typeof value !== "number") {
    if (!flag.value) return [];
    badArgument(
      "confirmed",
      message("ledger.appropriation-yes-no", { year: year.year, planned: year.amount })
    );
  }
  return [{ year: year.year, amount: wholeKronorArg(value, "confirmed") }];
}

/** Whole, non-negative kronor as a decimal string. */
function wholeKronorArg(value: Argument, name: string): string {
  const n = numberArg(value as Cell, name);
  if (!n.isInteger() || n.isNegative())
    badArgument(name, message("function.not-whole-kronor", { value: n.toString() }));
  return n.toString();
}

/** The ledger's errors as the cell's message; its advice to confirm a year points at the argument. */
function ledgerErrors(ledger: ReturnType<typeof computeLedger>): void {
  if (ledger.errors.length === 0) return;
  const items = ledger.errors.map(({ code, params }) =>
    code === "ledger.unconfirmed-requisition" || code === "ledger.unconfirmed-spent"
      ? message(code, { ...params, confirm: { kind: "argument" } })
      : ({ code, params } as Message)
  );
  badValue("list", { items });
}

/** The status's language: English unless "sv" is asked for (a Swedish sheet asks for it). */
function languageArg(value: Argument | undefined): "sv" | "en" {
  if (value === undefined || isBlank(value as Cell)) return "en";
  const text = String(value).trim().toLowerCase();
  if (text === "sv" || text === "en") return text;
  return badArgument("language", message("function.not-a-language", { value: String(value) }));
}

/** The words SJUK.STATUS returns (English unless asked otherwise: formulas may compare them). */
function statusText(status: ReturnType<typeof deadlineState>, language: "sv" | "en"): string {
  if (status.state === "met") return render(message("days.met", {}), language);
  const days = status.days ?? 0;
  const phrase =
    status.state === "late"
      ? message("days.late", { days })
      : status.state === "due"
        ? message("days.due", { days })
        : message("days.overdue", { days });
  return render(phrase, language);
}

export const GRANT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: "GRANT",
    parameters: [
      { name: "year", kind: "scalar" },
      { name: "confirmed", kind: "scalar", optional: true },
    ],
    run: ([year, confirmed]) => {
      const y = yearArg(year!);
      const confirmedEntries =
        y.status === "planned-conditional" ? appropriationArg(confirmed!, y) : [];
      const ledger = computeLedger(decision, { confirmed: confirmedEntries });
      const row = ledger.years.find((x) => x.year === y.year)!;
      if (!row.confirmed)
        notAvailable("function.planned-not-confirmed", { year: y.year, planned: y.amount });
      return row.granted;
    },
  },
  {
    name: "REPAY",
    parameters: [
      { name: "year", kind: "scalar" },
      { name: "requisitioned", kind: "scalar" },
      { name: "spent", kind: "scalar" },
      { name: "confirmed", kind: "scalar", optional: true },
    ],
    run: ([year, requisitioned, spent, confirmed]) => {
      const y = yearArg(year!);
      const confirmedEntries =
        y.status === "planned-conditional" ? appropriationArg(confirmed!, y) : [];
      // The requisition's date does not change what must be repaid; its deadline stands in for it.
      const on = y.requisition?.by ?? `${y.year}-12-31`;
      const ledger = computeLedger(
        decision,
        {
          requisitions: [
            { year: y.year, amount: wholeKronorArg(requisitioned!, "requisitioned"), date: on },
          ],
          spent: [{ year: y.year, amount: wholeKronorArg(spent!, "spent") }],
          confirmed: confirmedEntries,
        },
        { asOf: on }
      );
      ledgerErrors(ledger);
      return ledger.years.find((x) => x.year === y.year)!.toRepay;
    },
  },
  {
    name: "DEADLINE",
    parameters: [{ name: "item", kind: "scalar" }],
    returnsDate: true,
    run: ([item]) => toExcelSerial(itemArg(item!).date),
  },
  {
    name: "STATUS",
    parameters: [
      { name: "item", kind: "scalar" },
      { name: "as_of", kind: "scalar", optional: true },
      { name: "done_on", kind: "scalar", optional: true },
      { name: "language", kind: "scalar", optional: true },
    ],
    run: ([item, asOf, doneOn, language]) => {
      const deadline = itemArg(item!);
      const status = deadlineState(
        deadline.date,
        dateArg(asOf!, "as_of", todayIso())!,
        dateArg(doneOn!, "done_on", null)
      );
      return statusText(status, languageArg(language));
    },
  },
];
