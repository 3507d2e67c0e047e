import { Alarm, DateArray, EventAttributes, createEvents } from "ics";
import {
  CalendarEvent,
  DEFAULT_REMINDER_DAYS,
  EVENT_KIND_LABELS,
  MAX_REMINDER_DAYS,
  addDays,
  dayNumber,
  fromDayNumber,
  isReminderDays,
} from "./calendar";
import { SjukError, problem } from "../core/errors";
import { formatKronor } from "./money";

/**
 * The payment calendar as an iCalendar (.ics) file that Outlook, Google Calendar and Apple
 * Calendar import. Built with the `ics` package; every event is an all-day event
 * (DTSTART;VALUE=DATE, DTEND the next day), so no time zone can move it to another day.
 *
 * - Every deadline (a report, requisition, repayment or final report; not a payout, which is
 *   someone else's to make) has a reminder (VALARM, DISPLAY) `reminderDays` days before it:
 *   7 by default, `reminderDays: null` for none.
 * - Lines are folded at 75 octets of UTF-8, never inside a character (RFC 5545 §3.1): the `ics`
 *   package folds at 75 characters, so "å" or "–" could make a line longer; its output is
 *   unfolded and folded again here.
 * - No events (an empty range) is still a valid calendar: a VCALENDAR without VEVENT.
 * - An event names its document by title, never by a file of this project.
 *
 * Year-only events (the 2020 agreement's follow-up money "2021", the planned 2025/2026 funds)
 * have no day. Decision: by default (`yearOnly: "dec31"`) they are put on 31 December of their
 * year — the last day the document allows, matching where the calendar sorts them — with the
 * summary marked "(endast år angivet)" / "(year only)" and the description saying the document
 * gives only the year. Nothing is lost silently. With `yearOnly: "skip"` they are left out and
 * returned in `skipped`.
 */
export interface IcsOptions {
  /** Language of summaries and descriptions; default "sv". */
  lang?: "sv" | "en";
  /** What to do with year-only events; default "dec31". */
  yearOnly?: "skip" | "dec31";
  /** DTSTAMP (ISO date-time or ms since 1970); default now. Fix it for byte-identical output. */
  stamp?: string | number;
  /** X-WR-CALNAME; default "SJUK – utbetalningar och deadlines". */
  calendarName?: string;
  /** Days before each deadline to remind (a whole number, 1–365); null: no reminders. Default 7. */
  reminderDays?: number | null;
}

export { DEFAULT_REMINDER_DAYS, MAX_REMINDER_DAYS, isReminderDays } from "./calendar";

/** The longest content line RFC 5545 allows, in octets, without its CRLF. */
export const MAX_LINE_OCTETS = 75;

/**
 * One content line folded at 75 octets of UTF-8 (RFC 5545 §3.1): a continuation line starts
 * with a space, which counts; a character is never split, so a line may end a few octets short.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

/** How many octets UTF-8 takes for a code point. */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Unfolds a whole .ics text (CRLF + space or tab) and folds every line at 75 octets again. */
export function refold(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

/**
 * A TEXT value escaped as RFC 5545 §3.3.11 requires: backslash, semicolon and comma. The `ics`
 * package escapes these in an event's SUMMARY and DESCRIPTION but not in an alarm's DESCRIPTION
 * nor in X-WR-CALNAME, which are escaped here; it writes newlines as \n in all of them.
 */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`);
}

export interface IcsResult {
  text: string;
  /** Events in the file, in order. */
  included: CalendarEvent[];
  /** Year-only events left out (only with yearOnly: "skip"). */
  skipped: CalendarEvent[];
}

/** The last day a DATE (four-digit year) names: an all-day event on it has no next day to end on. */
const LAST_DAY = "9999-12-31";

function toArray(date: string): DateArray {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/** A stable UID, so that importing the file again updates events rather than duplicating them. */
function uid(e: CalendarEvent): string {
  const who = (e.recipient ?? e.to ?? "").normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-");
  return `${e.source}.${e.kind}.${e.date}.${e.items.join("+")}${who ? `.${who}` : ""}@sjuk`.replace(
    /[^A-Za-z0-9.@+_-]/g,
    "-"
  );
}

/** The events as .ics text (CRLF line endings, as RFC 5545 requires). */
export function calendarToIcs(
  events: readonly CalendarEvent[],
  options: IcsOptions = {}
): IcsResult {
  const lang = options.lang ?? "sv";
  const skipYearOnly = options.yearOnly === "skip";
  const included: CalendarEvent[] = [];
  const skipped: CalendarEvent[] = [];
  // `timestamp` (DTSTAMP) is accepted by the ics package's schema but missing from its types.
  const attributes: (EventAttributes & { timestamp?: number })[] = [];
  const stamp = typeof options.stamp === "string" ? Date.parse(options.stamp) : options.stamp;
  // Out of Date's range (±8.64e15 ms) a stamp would be written "NaNNaNNaNTNaNNaNNaNZ".
  if (stamp !== undefined && Number.isNaN(new Date(stamp).getTime()))
    throw new SjukError([problem("ics.bad-stamp", { value: String(options.stamp) })]);
  const reminder =
    options.reminderDays === undefined ? DEFAULT_REMINDER_DAYS : options.reminderDays;
  if (reminder !== null && !isReminderDays(reminder))
    throw new SjukError([
      problem("ics.bad-reminder", { value: String(reminder), max: MAX_REMINDER_DAYS }),
    ]);

  for (const e of events) {
    let date = e.date;
    let yearNote = "";
    if (e.yearOnly) {
      if (skipYearOnly) {
        skipped.push(e);
        continue;
      }
      date = `${e.date}-12-31`;
      yearNote =
        lang === "sv"
          ? ` Dokumentet anger bara året ${e.date}; lagd på 31 december.`
          : ` The document gives only the year ${e.date}; placed on 31 December.`;
    }
    dayNumber(date, "event date");
    if (date === LAST_DAY) throw new SjukError([problem("ics.last-day", { date })]);
    const amount =
      e.amount === undefined
        ? ""
        : `: ${e.atMost ? (lang === "sv" ? "högst " : "at most ") : ""}${formatKronor(e.amount)}`;
    const summary = `${e.title[lang]}${amount}${e.yearOnly ? (lang === "sv" ? " (endast år angivet)" : " (year only)") : ""}`;
    const source =
      lang === "sv"
        ? `Källa: ${e.document.sv} (${e.items.join(", ")}).`
        : `Source: ${e.document.en} (${e.items.join(", ")}).`;
    const deadline = e.kind !== "payout";
    attributes.push({
      uid: uid(e),
      title: summary,
      description: `${e.description[lang]}\n${source}${yearNote}`,
      start: toArray(date),
      end: toArray(addDays(date, 1)),
      categories: [EVENT_KIND_LABELS[e.kind][lang]],
      transp: "TRANSPARENT",
      busyStatus: "FREE",
      ...(e.conditional ? { status: "TENTATIVE" as const } : {}),
      // Undefined: the package writes now as DTSTAMP, as when the attribute is absent.
      timestamp: stamp,
      ...(deadline && reminder !== null ? { alarms: [alarm(summary, reminder, lang)] } : {}),
    });
    included.push(e);
  }

  const { error, value } = createEvents(attributes, {
    productId: "-//SJUK//payment calendar//SV",
    calName: escapeText(
      options.calendarName ??
        (lang === "sv" ? "SJUK – utbetalningar och deadlines" : "SJUK – payouts and deadlines")
    ),
  });
  // The package returns a value of null exactly when it returns an error.
  if (error) throw new SjukError([problem("ics.write-failed", { why: error.message })]);
  return { text: refold(value!), included, skipped };
}

/**
 * A reminder `days` before the event's day. The `ics` package writes a duration of days alone
 * as "P7DT" (not valid RFC 5545), so the trigger is given in hours: -PT168H.
 */
function alarm(summary: string, days: number, lang: "sv" | "en"): Alarm {
  return {
    action: "display",
    description: escapeText(
      lang === "sv"
        ? `Påminnelse (${days} dagar kvar): ${summary}`
        : `Reminder (${days} days left): ${summary}`
    ),
    trigger: { before: true, hours: days * 24 },
  };
}

/** The day an .ics all-day DTSTART names, as YYYY-MM-DD (for reading a file back). */
export function icsDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new SjukError([problem("ics.not-a-date", { value })]);
  return fromDayNumber(dayNumber(`${m[1]}-${m[2]}-${m[3]}`));
}
