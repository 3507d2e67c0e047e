import { AGREEMENTS, GRANT_DECISIONS } from "../../src/agreements";
import { CalendarEvent, paymentCalendar } from "../../src/engine/calendar";
import { calendarToIcs, foldLine, refold } from "../../src/engine/ics";
import { render } from "../../src/core/messages";
import { thrownProblems } from "../problems";

/*
 * The exact RFC 5545 text the .ics writer produces for single events of the shipped calendar
 * (Socialstyrelsen's 2024 decision and the 2020 agreement), and for events made up to reach
 * the edges: escaping of \ ; , and newlines, UIDs, folding by octets.
 */
const stamp = "2026-11-25T08:00:00Z";
const calendar = () => paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS });
const requisition = () => calendar().filter((e) => e.kind === "requisition");
const followUp = () => calendar().filter((e) => e.items[0] === "followup");
/** The content lines, unfolded (RFC 5545 §3.1). */
const lines = (text: string) => text.replace(/\r\n /g, "").split("\r\n");
const property = (text: string, name: string) =>
  lines(text).filter((l) => l.startsWith(`${name}:`));

/** A made-up deadline, for the edges the shipped documents do not reach. */
const madeUp = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  date: "2025-06-30",
  yearOnly: false,
  kind: "report",
  title: { sv: "Rapport", en: "Report" },
  description: { sv: "Beskrivning", en: "Description" },
  source: "test-2025",
  document: { sv: "Beslutet", en: "The decision" },
  items: ["r1"],
  ...over,
});

describe("calendarToIcs: the exact text of one event", () => {
  it("writes the 2024 requisition (a deadline, at most 500 000 kr) in Swedish, folded at 75 octets", () => {
    expect(calendarToIcs(requisition(), { stamp }).text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "PRODID:-//SJUK//payment calendar//SV",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:SJUK – utbetalningar och deadlines",
        "X-PUBLISHED-TTL:PT1H",
        "BEGIN:VEVENT",
        "UID:socialstyrelsen-2024.requisition.2024-12-01.requisition-2024.Kammarkoll",
        " egiet@sjuk",
        "SUMMARY:Rekvisition av medel för 2024 till Kammarkollegiet (engångsvis): ",
        " högst 500 000 kr",
        "DTSTAMP:20261125T080000Z",
        "DTSTART;VALUE=DATE:20241201",
        "DTEND;VALUE=DATE:20241202",
        "DESCRIPTION:Socialstyrelsen\\, senast 2024-12-01. Medlen betalas ut engångs",
        " vis efter rekvisition till Kammarkollegiet senast den 1 december 2024.\\nK",
        " älla: Beslutet ”Uppdrag att stärka hälso- och sjukvårdens arbete med",
        "  sjukskrivning och rehabilitering” (Regeringen (Socialdepartementet)) (r",
        " equisition-2024).",
        "CATEGORIES:Rekvisition",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Påminnelse (7 dagar kvar): Rekvisition av medel för 2024 till",
        "  Kammarkollegiet (engångsvis): högst 500 000 kr",
        "TRIGGER:-PT168H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n")
    );
  });

  it("writes the same requisition in English", () => {
    const text = calendarToIcs(requisition(), { stamp, lang: "en" }).text;
    expect(property(text, "X-WR-CALNAME")).toEqual(["X-WR-CALNAME:SJUK – payouts and deadlines"]);
    expect(property(text, "SUMMARY")).toEqual([
      "SUMMARY:Requisition of the 2024 funds from Kammarkollegiet (once only): at most 500 000 kr",
    ]);
    expect(property(text, "DESCRIPTION")).toEqual([
      'DESCRIPTION:Socialstyrelsen\\, at the latest 2024-12-01. Decision: "Medlen betalas ut engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024."\\nSource: The decision "Assignment to strengthen health care\'s work with sick leave and rehabilitation" (Regeringen (Socialdepartementet)) (requisition-2024).',
      "DESCRIPTION:Reminder (7 days left): Requisition of the 2024 funds from Kammarkollegiet (once only): at most 500 000 kr",
    ]);
    expect(property(text, "CATEGORIES")).toEqual(["CATEGORIES:Requisition"]);
  });

  it("puts the 2020 follow-up money (year 2021 only) on 31 December, says so, and sets no reminder", () => {
    const sv = calendarToIcs(followUp(), { stamp }).text;
    expect(lines(sv).slice(8, 15)).toEqual([
      "UID:sjuk-2020.payout.2021.followup.government@sjuk",
      "SUMMARY:Reserverat för uppföljning och utvärdering (beslutas av regeringen) under 2021: 10 000 000 kr (endast år angivet)",
      "DTSTAMP:20261125T080000Z",
      "DTSTART;VALUE=DATE:20211231",
      "DTEND;VALUE=DATE:20220101",
      "DESCRIPTION:Uppföljning och utvärdering (reserveras\\; användningen beslutas av regeringen): 10 000 000 kr\\nKälla: Överenskommelsen ”En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020”\\, undertecknad 2019-12-17 (followup). Dokumentet anger bara året 2021\\; lagd på 31 december.",
      "CATEGORIES:Utbetalning",
    ]);
    expect(sv).not.toContain("VALARM");
    const en = calendarToIcs(followUp(), { stamp, lang: "en" }).text;
    expect(property(en, "SUMMARY")).toEqual([
      "SUMMARY:Reserved for follow-up and evaluation (decided by the government) during 2021: 10 000 000 kr (year only)",
    ]);
    expect(property(en, "DESCRIPTION")).toEqual([
      'DESCRIPTION:Follow-up and evaluation (reserved\\; the government decides its use): SEK 10 000 000\\nSource: The agreement "A quality-assured and effective sick-leave and rehabilitation process 2020"\\, signed 2019-12-17 (followup). The document gives only the year 2021\\; placed on 31 December.',
    ]);
    expect(property(en, "CATEGORIES")).toEqual(["CATEGORIES:Payout"]);
  });
});

describe("calendarToIcs: escaping, UIDs and options", () => {
  it("escapes a reminder's text as the summary's (the v3 report's title has a comma)", () => {
    const v3 = calendar().filter((e) => e.kind === "report" && e.items.join() === "v3");
    expect(property(calendarToIcs(v3, { stamp }).text, "DESCRIPTION").at(-1)).toBe(
      "DESCRIPTION:Påminnelse (7 dagar kvar): Antal behandlingar per område och kön\\, och kontakter med arbetsgivare/Arbetsförmedlingen"
    );
    const odd = madeUp({ title: { sv: "A\\B; C, D\nE", en: "x" }, items: ["r1", "r2"] });
    const text = calendarToIcs([odd], { stamp, reminderDays: 3 }).text;
    expect(property(text, "SUMMARY")).toEqual(["SUMMARY:A\\\\B\\; C\\, D\\nE"]);
    expect(property(text, "DESCRIPTION").at(-1)).toBe(
      "DESCRIPTION:Påminnelse (3 dagar kvar): A\\\\B\\; C\\, D\\nE"
    );
    expect(property(text, "DESCRIPTION")[0]).toBe(
      "DESCRIPTION:Beskrivning\\nKälla: Beslutet (r1\\, r2)."
    );
    expect(property(calendarToIcs([odd], { stamp, lang: "en" }).text, "DESCRIPTION")).toEqual([
      "DESCRIPTION:Description\\nSource: The decision (r1\\, r2).",
      "DESCRIPTION:Reminder (7 days left): x",
    ]);
  });

  it("names the calendar as asked, escaped", () => {
    const text = calendarToIcs([], { stamp, calendarName: "Region Skåne, 2025; plan\\B" }).text;
    expect(property(text, "X-WR-CALNAME")).toEqual([
      "X-WR-CALNAME:Region Skåne\\, 2025\\; plan\\\\B",
    ]);
  });

  it("gives stable UIDs of ASCII letters, digits and . @ + _ - from the source, kind, date, items and who", () => {
    const uids = property(calendarToIcs(calendar(), { stamp }).text, "UID");
    expect(uids).toContain("UID:sjuk-2020.report.2020-10-02.v1+v2@sjuk");
    expect(uids).toContain("UID:sjuk-2020.payout.2021-01-27.v4-fk+dev-fk.Fo-rsa-kringskassan@sjuk");
    expect(uids).toContain(
      "UID:socialstyrelsen-2024.final-report.2026-12-15.final-report.Regeringskansliet-Socialdepartementet-@sjuk"
    );
    const odd = madeUp({ source: "test 2025", items: ["r 1", "r/2_ä"], recipient: "Ö, Å" });
    expect(property(calendarToIcs([odd], { stamp }).text, "UID")).toEqual([
      "UID:test-2025.report.2025-06-30.r-1+r-2_-.O-A-@sjuk",
    ]);
  });

  it("stamps now without a stamp, and refuses a stamp outside what a DTSTAMP can hold", () => {
    const before = Date.now() - 1000;
    const dtstamp = property(calendarToIcs([madeUp()]).text, "DTSTAMP")[0]!;
    const m = /^DTSTAMP:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(dtstamp)!;
    const written = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    expect(written).toBeGreaterThanOrEqual(before);
    expect(written).toBeLessThanOrEqual(Date.now());
    expect(() => calendarToIcs([madeUp()], { stamp: 1e20 })).toThrow(
      'stamp: "100000000000000000000" is not a date-time'
    );
    expect(() => calendarToIcs([madeUp()], { stamp: "1969-12-31T00:00:00Z" })).toThrow(
      "could not write the .ics file: timestamp must be greater than or equal to 0"
    );
  });

  it("refuses an event whose date is not a day", () => {
    expect(() => calendarToIcs([madeUp({ date: "2025-02-30" })], { stamp })).toThrow(
      'event date: "2025-02-30" is not a date written YYYY-MM-DD'
    );
  });

  it("refuses an event on 9999-12-31, whose next day (DTEND) iCalendar cannot write", () => {
    expect(calendarToIcs([madeUp({ date: "9999-12-30" })], { stamp }).text).toContain(
      "DTEND;VALUE=DATE:99991231"
    );
    const refused = thrownProblems(() =>
      calendarToIcs([madeUp({ date: "9999-12-31" })], { stamp })
    );
    expect(refused).toEqual([{ code: "ics.last-day", params: { date: "9999-12-31" } }]);
    expect(render(refused[0]!, "sv")).toBe(
      "händelsens datum 9999-12-31: en heldagshändelse i iCalendar slutar nästa dag, och 9999-12-31 är den sista dag formatet kan skriva"
    );
  });
});

describe("foldLine: octets per character at the UTF-8 boundaries", () => {
  it.each([
    ["007F", 1],
    ["0080", 2],
    ["07FF", 2],
    ["0800", 3],
    ["FFFF", 3],
    ["10000", 4],
  ])("U+%s takes %i octet(s): fits exactly in 75, folds at 76", (codePoint, octets) => {
    const ch = String.fromCodePoint(parseInt(codePoint, 16));
    const fits = "A".repeat(75 - octets);
    expect(foldLine(`${fits}${ch}`)).toBe(`${fits}${ch}`);
    expect(foldLine(`${fits}A${ch}`)).toBe(`${fits}A\r\n ${ch}`);
  });

  it("refold folds the last line too when the text does not end in CRLF", () => {
    expect(refold(`X:${"a".repeat(80)}`)).toBe(`X:${"a".repeat(73)}\r\n ${"a".repeat(7)}`);
  });
});
