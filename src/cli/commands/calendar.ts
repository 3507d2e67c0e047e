import { Command, InvalidArgumentError, Option } from "commander";
import {
  DEFAULT_REMINDER_DAYS,
  MAX_REMINDER_DAYS,
  isIsoDate,
  isReminderDays,
} from "../../engine/calendar";
import { CALENDAR_FORMATS, type CalendarFlags } from "../flags";
import type { CommandIO } from "../io";

/**
 * `sjuk calendar [--from DATE] [--to DATE] [--format table|csv|ics|json] [--lang sv|en]
 *  [--year-only dec31|skip] [--reminder DAYS | --no-reminder]`: every payout and deadline of the 2020 agreement and of the 2024
 * assignment to Socialstyrelsen, in date order. A bad date or --from after --to exits 2 with
 * nothing on stdout. The options only; the work is in ../run/calendar, loaded when it runs.
 */

function parseDate(value: string): string {
  const text = value.trim();
  if (!isIsoDate(text))
    throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
  return text;
}

function parseReminder(value: string): number {
  const days = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!isReminderDays(days))
    throw new InvalidArgumentError(
      `"${value}" is not a number of days from 1 to ${MAX_REMINDER_DAYS}.`
    );
  return days;
}

export function register(program: Command, io: CommandIO): void {
  program
    .command("calendar")
    .description(
      "Every payout and deadline of the 2020 agreement and the 2024 assignment to Socialstyrelsen, in date order."
    )
    .option("--from <YYYY-MM-DD>", "first day to include", parseDate)
    .option("--to <YYYY-MM-DD>", "last day to include", parseDate)
    .addOption(
      new Option(
        "--format <format>",
        "output format (ics: import into Outlook, Google or Apple Calendar)"
      )
        .choices(CALENDAR_FORMATS)
        .default("table")
    )
    .addOption(
      new Option("--lang <lang>", "language of titles").choices(["sv", "en"]).default("sv")
    )
    .addOption(
      new Option(
        "--year-only <how>",
        "ics: events with only a year, on 31 December (dec31) or left out (skip)"
      )
        .choices(["dec31", "skip"])
        .default("dec31")
    )
    .option(
      "--reminder <days>",
      `ics: a reminder this many days before each deadline (default ${DEFAULT_REMINDER_DAYS})`,
      parseReminder
    )
    .option("--no-reminder", "ics: no reminders")
    .addOption(
      new Option("--stamp <date-time>", "ics: DTSTAMP to write (for reproducible files)").hideHelp()
    )
    .action(async (flags: CalendarFlags) => {
      const { runCalendar } = await import("../run/calendar");
      io.run(() => runCalendar(flags));
    });
}
