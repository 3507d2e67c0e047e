/*
 * What the task pane shows for a grant decision (the 2024 assignment to Socialstyrelsen), read
 * through the WorkbookPort: the ledger sheet's input cells run through the engine's ledger
 * (ledgerFromSheet), and the one payment calendar of both documents (the engine's
 * paymentCalendar). Nothing here computes money or dates: amounts, states and day counts are
 * the ledger engine's; the calendar and the .ics text are the engine's.
 */
import { AGREEMENTS, GRANT_DECISIONS } from "../agreements";
import type { GrantDecision } from "../agreements/grant-schema";
import { CalendarEvent, filterEvents, paymentCalendar } from "../engine/calendar";
import { calendarToIcs } from "../engine/ics";
import { SheetLedger, ledgerFromSheet, ownedGrantSheetNames } from "../workbook/assignment-insert";
import type { GrantSheetNames } from "../workbook/assignment-sheets";
import type { WorkbookPort } from "../workbook/port";
import type { Lang } from "./i18n";

export interface GrantSnapshot {
  /** The grant sheets the add-in owns that exist (ledger, calendar). */
  names: Partial<GrantSheetNames>;
  /** The ledger of the ledger sheet; undefined when it has not been inserted. */
  sheet?: SheetLedger;
}

/** The ledger's problems come in English and Swedish (`message`, `sv`); the pane shows its language's. */
export async function readGrantSnapshot(
  port: WorkbookPort,
  decision: GrantDecision
): Promise<GrantSnapshot> {
  const names = await ownedGrantSheetNames(port);
  if (!names.grant) return { names };
  const sheet = await ledgerFromSheet(port, undefined, { decision });
  return sheet ? { names, sheet } : { names };
}

/** The label of a grant decision in the agreement drop-down: "Uppdrag till Socialstyrelsen 2024–2026". */
export function grantLabel(decision: GrantDecision, lang: Lang): string {
  const first = decision.years[0]?.year;
  const last = decision.years[decision.years.length - 1]?.year;
  const span = first === undefined ? "" : first === last ? ` ${first}` : ` ${first}–${last}`;
  return lang === "sv"
    ? `Uppdrag till ${decision.recipient}${span}`
    : `Assignment to ${decision.recipient}${span}`;
}

/** Every payment and deadline of the shipped agreements and grant decisions, by date (the engine's calendar). */
export function documentCalendar(): CalendarEvent[] {
  return paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS });
}

export interface IcsChoice {
  /** Days before each deadline to remind; null: no reminders. Default 7 (the engine's). */
  reminderDays?: number | null;
  /** Only events from this day (YYYY-MM-DD) on; default every event. */
  from?: string;
}

/**
 * The calendar as an .ics file's text and name (built in the page; no network), and how many
 * events it holds: with none (a range without events) it is still a valid calendar.
 */
export function icsFile(
  events: readonly CalendarEvent[],
  lang: Lang,
  choice: IcsChoice = {}
): { text: string; name: string; count: number } {
  const chosen = choice.from ? filterEvents(events, { from: choice.from }) : [...events];
  const { text, included } = calendarToIcs(chosen, {
    lang,
    ...(choice.reminderDays !== undefined ? { reminderDays: choice.reminderDays } : {}),
  });
  return {
    text,
    name: lang === "sv" ? "sjuk-kalender.ics" : "sjuk-calendar.ics",
    count: included.length,
  };
}

/* global document, Blob, URL, setTimeout */

/** Downloads text as a file through a Blob URL (works in the browser preview and in Office's web views that allow downloads). */
export function downloadText(
  text: string,
  name: string,
  type = "text/calendar;charset=utf-8"
): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** Downloads a Blob as a file: the .ics path, also for the decision report's .xlsx and PDF. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
