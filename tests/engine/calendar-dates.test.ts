import { AGREEMENTS, GRANT_DECISIONS } from "../../src/agreements";
import {
  DEFAULT_REMINDER_DAYS,
  MAX_REMINDER_DAYS,
  dayNumber,
  fromExcelSerial,
  isIsoDate,
  isReminderDays,
  paymentCalendar,
  toExcelSerial,
} from "../../src/engine/calendar";
import { SjukError } from "../../src/core/errors";

const ALL = { allocations: AGREEMENTS, grants: GRANT_DECISIONS };

/** The problems a call throws (a SjukError), as code, field and English text. */
function problemsOf(call: () => unknown) {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return (e as SjukError).problems.map((p) => [p.code, p.where, (e as SjukError).message]);
  }
  throw new Error("did not throw");
}

describe("a date written YYYY-MM-DD", () => {
  it("is a real calendar day: month 1–12, day 1 to the month's last", () => {
    expect(isIsoDate("2021-01-27")).toBe(true);
    expect(isIsoDate("2024-12-31")).toBe(true);
    expect(isIsoDate("2024-01-01")).toBe(true);
    for (const bad of ["2024-13-01", "2024-00-15", "2024-12-00", "2024-04-31", "2024-12-32"])
      expect([bad, isIsoDate(bad)]).toEqual([bad, false]);
  });

  it("is refused before year 100, where Date.UTC would count 19xx", () => {
    // dayNumber("0050-01-01") would otherwise be 1950's day: no date of the documents is so early.
    expect(isIsoDate("0050-01-01")).toBe(false);
    expect(isIsoDate("0099-12-31")).toBe(false);
    expect(isIsoDate("0100-01-01")).toBe(true);
  });

  it("is only ever a string; any other cell value is simply not one, never an error", () => {
    for (const value of [
      undefined,
      null,
      20241201,
      ["2024-12-01"],
      { toString: () => "2024-12-01" },
    ])
      expect(isIsoDate(value)).toBe(false);
    // A symbol cannot even be written as text (a regular expression would throw on it).
    expect(isIsoDate(Symbol("2024-12-01"))).toBe(false);
  });

  it("that is not a date is refused, naming the field (by default 'date')", () => {
    expect(problemsOf(() => dayNumber("2024-13-01"))).toEqual([
      ["date.not-iso", { field: "date" }, 'date: "2024-13-01" is not a date written YYYY-MM-DD'],
    ]);
    expect(problemsOf(() => dayNumber("31/03/2025", "repayment"))).toEqual([
      [
        "date.not-iso",
        { field: "repayment" },
        'repayment: "31/03/2025" is not a date written YYYY-MM-DD',
      ],
    ]);
  });
});

describe("Excel date serials (1900 date system)", () => {
  it("read back the documents' dates, dropping a time of day", () => {
    expect(fromExcelSerial(45627)).toBe("2024-12-01"); // requisition, 1 December 2024
    expect(fromExcelSerial(45747.75)).toBe("2025-03-31"); // repayment, 31 March 2025, 18:00
    expect(fromExcelSerial(toExcelSerial("2026-12-15"))).toBe("2026-12-15");
    expect(toExcelSerial("2021-01-27")).toBe(44223);
    expect(fromExcelSerial(61)).toBe("1900-03-01");
  });
});

describe("reminder days", () => {
  it("are whole days from 1 to 365, 7 by default", () => {
    expect(DEFAULT_REMINDER_DAYS).toBe(7);
    expect(MAX_REMINDER_DAYS).toBe(365);
    expect([1, 7, 365].map(isReminderDays)).toEqual([true, true, true]);
    expect([0, 366, 1.5, -7, "7", null].map(isReminderDays)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("the calendar's from/to filter", () => {
  it("keeps one day (and its year-only events) when from and to are the same day", () => {
    const day = paymentCalendar(ALL, { from: "2021-04-29", to: "2021-04-29" });
    expect(day.map((e) => [e.date, e.kind, e.amount])).toEqual([
      ["2021-04-29", "payout", 50_000_000],
      ["2021", "payout", 10_000_000], // the follow-up money: any day of 2021 counts
    ]);
    const requisition = paymentCalendar(ALL, { from: "2024-12-01", to: "2024-12-01" });
    expect(requisition.map((e) => [e.date, e.kind, e.amount])).toEqual([
      ["2024-12-01", "requisition", 500_000],
    ]);
  });

  it("names the field of a bad to date", () => {
    expect(problemsOf(() => paymentCalendar(ALL, { to: "2026-02-29" }))).toEqual([
      ["date.not-iso", { field: "to" }, 'to: "2026-02-29" is not a date written YYYY-MM-DD'],
    ]);
    expect(
      problemsOf(() => paymentCalendar(ALL, { from: "2025-04-01", to: "2025-03-31" }))
    ).toEqual([
      ["date.from-after-to", { field: "from" }, "from: from (2025-04-01) is after to (2025-03-31)"],
    ]);
  });
});
