import { AGREEMENTS, GRANT_DECISIONS } from "../../agreements";
import {
  CalendarEvent,
  EVENT_KIND_LABELS,
  EventKind,
  paymentCalendar,
} from "../../engine/calendar";
import { calendarToIcs } from "../../engine/ics";
import { render, message } from "../../core/messages";
import type { CommandOutput } from "../io";
import { formatKronor } from "../../engine/money";
import type { CalendarFlags } from "../flags";

/** The work of `sjuk calendar`, loaded only when that command runs (see ../commands/calendar). */

/** Kinds in lower case, as a table column reads them. */
const KIND = Object.fromEntries(
  Object.entries(EVENT_KIND_LABELS).map(([k, l]) => [
    k,
    { sv: l.sv.toLowerCase(), en: l.en.toLowerCase() },
  ])
) as Record<EventKind, { sv: string; en: string }>;

function amountText(e: CalendarEvent): string {
  if (e.amount === undefined) return "";
  return `${e.atMost ? "≤ " : ""}${formatKronor(e.amount)}`;
}

// ---------------------------------------------------------------------------------------------

export function formatCalendarJson(events: CalendarEvent[], flags: CalendarFlags): string {
  return `${JSON.stringify({ from: flags.from ?? null, to: flags.to ?? null, events }, null, 2)}\n`;
}

/** Semicolon-separated with a BOM and CRLF, for Swedish Excel, like `sjuk compute --format csv`. */
export const CALENDAR_CSV_HEADER = [
  "datum",
  "endast_ar",
  "typ",
  "belopp_kr",
  "hogst",
  "villkorat",
  "rubrik",
  "mottagare",
  "till",
  "kalla",
  "poster",
] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCalendarCsv(events: CalendarEvent[], flags: CalendarFlags): string {
  const lines = [CALENDAR_CSV_HEADER.join(";")];
  for (const e of events) {
    lines.push(
      [
        e.date,
        e.yearOnly ? "ja" : "nej",
        e.kind,
        e.amount ?? "",
        e.atMost ? "ja" : "nej",
        e.conditional ? "ja" : "nej",
        e.title[flags.lang],
        e.recipient ?? "",
        e.to ?? "",
        e.source,
        e.items.join(","),
      ]
        .map(csvField)
        .join(";")
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === "left" ? t.padEnd(width) : t.padStart(width);
}

export function formatCalendarTable(events: CalendarEvent[], flags: CalendarFlags): string {
  const lang = flags.lang;
  const range = flags.from || flags.to ? ` ${flags.from ?? "…"} – ${flags.to ?? "…"}` : "";
  const out = [
    `Payment calendar${range}: ${events.length} events (2020 agreement and 2024 assignment)`,
    "",
  ];
  const row = (date: string, kind: string, amount: string, title: string, source: string) =>
    [pad(date, 10), pad(kind, 15), pad(amount, 17, "right"), pad(title, 60), source]
      .join("  ")
      .trimEnd();
  out.push(row("date", "kind", "amount", "what", "source"));
  out.push("─".repeat(120));
  for (const e of events) {
    out.push(
      row(
        e.date,
        KIND[e.kind][lang],
        amountText(e),
        e.title[lang],
        `${e.source}: ${e.items.join(", ")}`
      )
    );
  }
  if (events.some((e) => e.yearOnly))
    out.push(
      "",
      "A date of only a year (e.g. 2021): the document gives no day; listed after the dated events of that year."
    );
  if (events.some((e) => e.atMost)) out.push("≤: at most (högst).");
  return `${out.join("\n")}\n`;
}

/**
 * Builds the calendar and renders it; throws SjukError (exit 2) when --from is after --to. A
 * range without events is still a valid output (an .ics calendar without VEVENT), with a note
 * on stderr saying so.
 */
export function runCalendar(flags: CalendarFlags): CommandOutput {
  const events = paymentCalendar(
    { allocations: AGREEMENTS, grants: GRANT_DECISIONS },
    { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) }
  );
  const stdout = formatCalendar(events, flags);
  if (events.length > 0) return { stdout };
  const range = { from: flags.from ?? "…", to: flags.to ?? "…" };
  return { stdout, stderr: `sjuk: note: ${render(message("ics.empty", range), "en")}\n` };
}

function formatCalendar(events: CalendarEvent[], flags: CalendarFlags): string {
  switch (flags.format) {
    case "json":
      return formatCalendarJson(events, flags);
    case "csv":
      return formatCalendarCsv(events, flags);
    case "ics":
      return calendarToIcs(events, {
        lang: flags.lang,
        yearOnly: flags.yearOnly,
        ...(flags.stamp ? { stamp: flags.stamp } : {}),
        ...(flags.reminder === false
          ? { reminderDays: null }
          : flags.reminder !== undefined
            ? { reminderDays: flags.reminder }
            : {}),
      }).text;
    default:
      return formatCalendarTable(events, flags);
  }
}
