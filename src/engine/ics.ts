import { DateArray, EventAttributes, createEvents } from "ics";
import { CalendarEvent, EVENT_KIND_LABELS, addDays, dayNumber, fromDayNumber } from "./calendar";
import { SjukError } from "../core/errors";
import { formatKronor } from "./money";

/**
 * The payment calendar as an iCalendar (.ics) file that Outlook, Google Calendar and Apple
 * Calendar import. Built with the `ics` package; every event is an all-day event
 * (DTSTART;VALUE=DATE, DTEND the next day), so no time zone can move it to another day.
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
}

export interface IcsResult {
  text: string;
  /** Events in the file, in order. */
  included: CalendarEvent[];
  /** Year-only events left out (only with yearOnly: "skip"). */
  skipped: CalendarEvent[];
}

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
  const mode = options.yearOnly ?? "dec31";
  const included: CalendarEvent[] = [];
  const skipped: CalendarEvent[] = [];
  // `timestamp` (DTSTAMP) is accepted by the ics package's schema but missing from its types.
  const attributes: (EventAttributes & { timestamp?: number })[] = [];
  const stamp = typeof options.stamp === "string" ? Date.parse(options.stamp) : options.stamp;
  if (stamp !== undefined && !Number.isFinite(stamp))
    throw new SjukError(`stamp: "${options.stamp}" is not a date-time`);

  for (const e of events) {
    let date = e.date;
    let yearNote = "";
    if (e.yearOnly) {
      if (mode === "skip") {
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
    const amount =
      e.amount === undefined
        ? ""
        : `: ${e.atMost ? (lang === "sv" ? "högst " : "at most ") : ""}${formatKronor(e.amount)}`;
    const summary = `${e.title[lang]}${amount}${e.yearOnly ? (lang === "sv" ? " (endast år angivet)" : " (year only)") : ""}`;
    const source =
      lang === "sv"
        ? `Källa: ${e.source} (${e.document}), ${e.items.join(", ")}.`
        : `Source: ${e.source} (${e.document}), ${e.items.join(", ")}.`;
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
      ...(stamp !== undefined ? { timestamp: stamp } : {}),
    });
    included.push(e);
  }

  const { error, value } = createEvents(attributes, {
    productId: "-//SJUK//payment calendar//SV",
    calName:
      options.calendarName ??
      (lang === "sv" ? "SJUK – utbetalningar och deadlines" : "SJUK – payouts and deadlines"),
  });
  if (error || value === null)
    throw new SjukError(`could not write the .ics file: ${error?.message ?? "no output"}`);
  return { text: value, included, skipped };
}

/** The day an .ics all-day DTSTART names, as YYYY-MM-DD (for reading a file back). */
export function icsDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new SjukError(`"${value}" is not an iCalendar date`);
  return fromDayNumber(dayNumber(`${m[1]}-${m[2]}-${m[3]}`));
}
