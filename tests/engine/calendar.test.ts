import { AGREEMENTS, AGREEMENT_2020, ASSIGNMENT_2024, GRANT_DECISIONS } from "../../src/agreements";
import {
  CalendarEvent,
  addDays,
  daysBetween,
  filterEvents,
  isIsoDate,
  paymentCalendar,
  toExcelSerial,
  todayIso,
} from "../../src/engine/calendar";
import { compute } from "../../src/engine/compute";
import { calendarToIcs, foldLine, icsDate } from "../../src/engine/ics";
import { shippedPopulationKey } from "../../src/reference/population";

const ALL = { allocations: AGREEMENTS, grants: GRANT_DECISIONS };
// Made in each test that needs it, not here (see tests/engine/table1.test.ts).
const wholeCalendar = () => paymentCalendar(ALL);
const line = (e: CalendarEvent) => [
  e.date,
  e.kind,
  e.amount ?? null,
  e.recipient ?? e.to ?? null,
  e.source,
];

describe("one payment calendar across both documents", () => {
  it("lists the 2020 payouts and the assignment's deadlines in order", () => {
    const calendar = wholeCalendar();
    const dates = calendar.map((e) => e.date);
    const at = (date: string, kind: string) =>
      calendar.findIndex((e) => e.date === date && e.kind === kind);
    const order = [
      at("2021-01-27", "payout"),
      at("2021-04-29", "payout"),
      at("2024-12-01", "requisition"),
      at("2025-03-31", "repayment"),
      at("2026-12-15", "final-report"),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Sorted throughout, year-only at the end of its year.
    const keys = calendar.map((e) => (e.yearOnly ? `${e.date}-12-31~` : e.date));
    expect([...keys].sort()).toEqual(keys);
    expect(dates[0]).toBe("2020-06-12");
    // The planned 2026 money (year only) sorts after the final report of 2026-12-15.
    expect(dates.slice(-2)).toEqual(["2026-12-15", "2026"]);
  });

  it("is exactly these events", () => {
    const calendar = wholeCalendar();
    expect(calendar.map(line)).toEqual([
      ["2020-06-12", "report", null, null, "sjuk-2020"],
      ["2020-10-02", "report", null, null, "sjuk-2020"],
      ["2020-10-30", "report", null, null, "sjuk-2020"],
      ["2020-12-11", "report", null, null, "sjuk-2020"],
      ["2020-12-11", "report", null, null, "sjuk-2020"],
      ["2020-12-11", "report", null, null, "sjuk-2020"],
      ["2021-01-27", "payout", 790_000_000, "regions", "sjuk-2020"],
      ["2021-01-27", "payout", 57_800_000, "SKR", "sjuk-2020"],
      ["2021-01-27", "payout", 22_000_000, "Försäkringskassan", "sjuk-2020"],
      ["2021-01-27", "payout", 14_200_000, "Socialstyrelsen", "sjuk-2020"],
      ["2021-03-27", "report", null, null, "sjuk-2020"],
      ["2021-03-27", "report", null, null, "sjuk-2020"],
      ["2021-04-29", "payout", 50_000_000, "regions", "sjuk-2020"],
      ["2021", "payout", 10_000_000, "government", "sjuk-2020"],
      ["2024-12-01", "requisition", 500_000, "Kammarkollegiet", "socialstyrelsen-2024"],
      ["2025-03-31", "repayment", null, "Kammarkollegiet", "socialstyrelsen-2024"],
      ["2025-03-31", "report", null, "Kammarkollegiet", "socialstyrelsen-2024"],
      ["2025", "payout", 2_000_000, "Socialstyrelsen", "socialstyrelsen-2024"],
      [
        "2026-12-15",
        "final-report",
        null,
        "Regeringskansliet (Socialdepartementet)",
        "socialstyrelsen-2024",
      ],
      ["2026", "payout", 2_000_000, "Socialstyrelsen", "socialstyrelsen-2024"],
    ]);
  });

  it("adds the 2020 payouts up to 944 000 000 kr and names their posts", () => {
    const calendar = wholeCalendar();
    const payouts = calendar.filter((e) => e.source === "sjuk-2020" && e.kind === "payout");
    expect(payouts.reduce((s, e) => s + e.amount!, 0)).toBe(944_000_000);
    expect(payouts[0]!.items).toEqual(["v1", "v2", "v3", "v4"]);
    expect(payouts.find((e) => e.date === "2021")).toMatchObject({
      yearOnly: true,
      items: ["followup"],
    });
    expect(payouts.find((e) => e.recipient === "SKR")!.atMost).toBe(true);
  });

  it("groups a report that several posts share into one event", () => {
    const calendar = wholeCalendar();
    const interim = calendar.find((e) => e.date === "2020-06-12")!;
    expect(interim.title.en).toBe("Interim report to the government");
    expect(interim.items).toEqual(["v4-skr", "v4-fk", "v4-sos"]);
  });

  it("marks the assignment's requisition as at most and the planned years as conditional", () => {
    const calendar = wholeCalendar();
    expect(calendar.find((e) => e.kind === "requisition")).toMatchObject({
      amount: 500_000,
      atMost: true,
      items: ["requisition-2024"],
    });
    expect(
      calendar.filter((e) => e.conditional).map((e) => [e.date, e.yearOnly, e.items[0]])
    ).toEqual([
      ["2025", true, "grant-2025"],
      ["2026", true, "grant-2026"],
    ]);
  });

  it("carries what a compute() result pays when one is given", () => {
    const result = compute(AGREEMENT_2020, {
      key: shippedPopulationKey(),
      fulfilment: { v1: { "01": false } },
    });
    const events = paymentCalendar({ ...ALL, computed: [result] });
    const regions = events.find((e) => e.date === "2021-01-27" && e.recipient === "regions")!;
    const unpaid = result.unpaid.reduce((s, u) => s + u.amount, 0);
    expect(unpaid).toBeGreaterThan(0);
    expect(regions.amount).toBe(790_000_000 - unpaid);
  });

  it("filters by from/to, inclusive; a year-only event counts for its whole year", () => {
    const calendar = wholeCalendar();
    const between = paymentCalendar(ALL, { from: "2021-01-27", to: "2021-04-29" });
    expect(between.map((e) => e.date)).toEqual([
      "2021-01-27",
      "2021-01-27",
      "2021-01-27",
      "2021-01-27",
      "2021-03-27",
      "2021-03-27",
      "2021-04-29",
      "2021",
    ]);
    expect(paymentCalendar(ALL, { from: "2024-01-01" }).map((e) => e.date)).toEqual([
      "2024-12-01",
      "2025-03-31",
      "2025-03-31",
      "2025",
      "2026-12-15",
      "2026",
    ]);
    expect(paymentCalendar(ALL, { to: "2020-06-12" })).toHaveLength(1);
    expect(paymentCalendar(ALL, { from: "2022-01-01", to: "2024-11-30" })).toEqual([]);
    expect(filterEvents(calendar, { kinds: ["final-report"] }).map((e) => e.date)).toEqual([
      "2026-12-15",
    ]);
  });

  it("refuses bad filter dates with the field", () => {
    expect(() => paymentCalendar(ALL, { from: "2024-02-30" })).toThrow(
      'from: "2024-02-30" is not a date written YYYY-MM-DD'
    );
    expect(() => paymentCalendar(ALL, { from: "2025-01-01", to: "2024-01-01" })).toThrow(
      "from: from (2025-01-01) is after to (2024-01-01)"
    );
  });
});

describe("calendar dates", () => {
  it("are validated and counted in calendar days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(daysBetween("2026-12-01", "2026-12-15")).toBe(14);
    expect(daysBetween("2024-11-20", "2025-03-31")).toBe(131);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(toExcelSerial("2024-12-01")).toBe(45627);
    expect(toExcelSerial("1900-03-01")).toBe(61);
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

/** Reads the VEVENTs of an .ics text back: a minimal parser of unfolded content lines. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const l of lines) {
    if (l === "BEGIN:VEVENT") current = {};
    else if (l === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) {
      const i = l.indexOf(":");
      current[l.slice(0, i)] = l.slice(i + 1);
    }
  }
  return events;
}

describe(".ics output", () => {
  const stamp = "2026-11-25T08:00:00Z";

  it("has one all-day event per calendar event, year-only on 31 December", () => {
    const calendar = wholeCalendar();
    const { text, included, skipped } = calendarToIcs(calendar, { stamp });
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const events = parseIcs(text);
    expect(events).toHaveLength(20);
    expect(included).toHaveLength(20);
    expect(skipped).toEqual([]);
    expect(text.match(/^DTSTART;VALUE=DATE:\d{8}$/gm)).toHaveLength(20);
    expect(events.map((e) => icsDate(e["DTSTART;VALUE=DATE"]!))).toEqual(
      calendar.map((e) => (e.yearOnly ? `${e.date}-12-31` : e.date))
    );
    for (const e of events)
      expect(daysBetween(icsDate(e["DTSTART;VALUE=DATE"]!), icsDate(e["DTEND;VALUE=DATE"]!))).toBe(
        1
      );
    expect(new Set(events.map((e) => e.UID)).size).toBe(20);
    expect(events.every((e) => e.DTSTAMP === "20261125T080000Z")).toBe(true);
  });

  it("writes the key events with their amounts", () => {
    const calendar = wholeCalendar();
    const events = parseIcs(calendarToIcs(calendar, { stamp }).text);
    const at = (d: string) =>
      events.filter((e) => e["DTSTART;VALUE=DATE"] === d).map((e) => e.SUMMARY);
    expect(at("20210127")).toEqual([
      "Utbetalning till regionerna (senast): 790 000 000 kr",
      "Utbetalning till SKR (senast): högst 57 800 000 kr",
      "Utbetalning till Försäkringskassan (senast): högst 22 000 000 kr",
      "Utbetalning till Socialstyrelsen (senast): högst 14 200 000 kr",
    ]);
    expect(at("20241201")).toEqual([
      "Rekvisition av medel för 2024 till Kammarkollegiet (engångsvis): högst 500 000 kr",
    ]);
    expect(at("20261215")).toEqual([
      "Redovisning av uppdraget till Regeringskansliet (Socialdepartementet)",
    ]);
    expect(at("20211231")).toEqual([
      "Reserverat för uppföljning och utvärdering (beslutas av regeringen) under 2021: 10 000 000 kr (endast år angivet)",
    ]);
    expect(events.find((e) => e["DTSTART;VALUE=DATE"] === "20251231")!.STATUS).toBe("TENTATIVE");
  });

  it("can leave year-only events out, and write English", () => {
    const calendar = wholeCalendar();
    const { text, skipped } = calendarToIcs(calendar, { stamp, yearOnly: "skip", lang: "en" });
    expect(parseIcs(text)).toHaveLength(17);
    expect(skipped.map((e) => e.date)).toEqual(["2021", "2025", "2026"]);
    expect(parseIcs(text).find((e) => e["DTSTART;VALUE=DATE"] === "20261215")!.SUMMARY).toBe(
      "Final report on the assignment to Regeringskansliet (Socialdepartementet)"
    );
  });

  it("is the same text twice with a fixed stamp (stable UIDs)", () => {
    const calendar = wholeCalendar();
    expect(calendarToIcs(calendar, { stamp }).text).toBe(calendarToIcs(calendar, { stamp }).text);
  });
});

describe("the documents' own dates", () => {
  it("include the assignment's", () => {
    expect(ASSIGNMENT_2024.finalReport?.by).toBe("2026-12-15");
  });
});

describe("the .ics file a person imports (issue 12 point 7), read back with ical.js", () => {
  // ical.js: Mozilla's iCalendar parser (Thunderbird's), a dev dependency for the tests only.
  const ICAL = require("ical.js") as typeof import("ical.js").default;
  const stamp = "2026-11-25T08:00:00Z";
  const parsed = (text: string) => new ICAL.Component(ICAL.parse(text));
  const octets = (line: string) => Buffer.byteLength(line, "utf8");

  it("parses as one VCALENDAR with every event, and names no file of this project", () => {
    const calendar = wholeCalendar();
    const { text } = calendarToIcs(calendar, { stamp });
    const vcalendar = parsed(text);
    expect(vcalendar.name).toBe("vcalendar");
    const events = vcalendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(20);
    expect(text).not.toMatch(/shared\/|seeds|\.txt\b/);
    const description = String(events[0]!.getFirstPropertyValue("description"));
    expect(description).toContain(
      "Källa: Överenskommelsen ”En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020”, undertecknad 2019-12-17"
    );
    const english = parsed(calendarToIcs(calendar, { stamp, lang: "en" }).text);
    const final = english
      .getAllSubcomponents("vevent")
      .find((e) => String(e.getFirstPropertyValue("dtstart")) === "2026-12-15")!;
    expect(String(final.getFirstPropertyValue("description"))).toContain(
      'Source: The decision "Assignment to strengthen health care\'s work with sick leave and rehabilitation" (Regeringen (Socialdepartementet))'
    );
  });

  it("folds every line at 75 octets, never inside a character, and unfolds to the same text", () => {
    const calendar = wholeCalendar();
    const { text } = calendarToIcs(calendar, { stamp });
    const lines = text.split("\r\n");
    expect(lines.pop()).toBe("");
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    // Folded lines that reach past 73 octets exist (the test would be empty otherwise).
    expect(lines.filter((l) => octets(l) >= 73).length).toBeGreaterThan(10);
    const summaries = parsed(text)
      .getAllSubcomponents("vevent")
      .map((e) => String(e.getFirstPropertyValue("summary")));
    expect(summaries).toContain(
      "Reserverat för uppföljning och utvärdering (beslutas av regeringen) under 2021: 10 000 000 kr (endast år angivet)"
    );
  });

  it("folds a line of multi-byte characters by octets: 'å' twice, '–' three times", () => {
    const line = `SUMMARY:${"å".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded[0]).toBe(`SUMMARY:${"å".repeat(33)}`); // 8 + 66 = 74 octets: a 34th 'å' would make 76
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
    const dashes = foldLine(`X:${"–".repeat(40)}`).split("\r\n");
    expect(dashes.map(octets)).toEqual([2 + 24 * 3, 1 + 16 * 3]);
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    // A character outside the BMP (two UTF-16 units, four octets) is never split either.
    const emoji = foldLine(`${"A".repeat(73)}😀B`).split("\r\n");
    expect(emoji).toEqual(["A".repeat(73), " 😀B"]);
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
  });

  it("reminds 7 days before each deadline by default, configurable, none before payouts", () => {
    const calendar = wholeCalendar();
    const count = (text: string) =>
      parsed(text)
        .getAllSubcomponents("vevent")
        .filter((e) => e.getFirstSubcomponent("valarm")).length;
    const deadlines = calendar.filter((e) => e.kind !== "payout").length;
    expect(deadlines).toBe(12);
    const { text } = calendarToIcs(calendar, { stamp });
    expect(count(text)).toBe(deadlines);
    const requisition = parsed(text)
      .getAllSubcomponents("vevent")
      .find((e) => String(e.getFirstPropertyValue("dtstart")) === "2024-12-01")!;
    const alarm = requisition.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    const trigger = alarm.getFirstPropertyValue("trigger") as InstanceType<typeof ICAL.Duration>;
    expect(trigger.toSeconds()).toBe(-7 * 86_400);
    expect(String(alarm.getFirstPropertyValue("description"))).toBe(
      "Påminnelse (7 dagar kvar): Rekvisition av medel för 2024 till Kammarkollegiet (engångsvis): högst 500 000 kr"
    );
    // RFC 5545 §3.3.6: a duration with a T has a time part ("P7DT" is not valid).
    expect(text.match(/^TRIGGER:.*$/gm)!.every((t) => /^TRIGGER:-PT\d+H$/.test(t))).toBe(true);
    const fourteen = calendarToIcs(calendar, { stamp, reminderDays: 14 }).text;
    expect(fourteen).toContain("TRIGGER:-PT336H");
    expect(count(calendarToIcs(calendar, { stamp, reminderDays: null }).text)).toBe(0);
    for (const bad of [0, 366, 2.5, Number.NaN])
      expect(() => calendarToIcs(calendar, { reminderDays: bad })).toThrow(
        `reminder: "${bad}" is not a number of days from 1 to 365`
      );
  });

  it("an empty range is a valid calendar without events", () => {
    const calendar = wholeCalendar();
    const none = filterEvents(calendar, { from: "2027-01-01" });
    expect(none).toEqual([]);
    const { text, included } = calendarToIcs(none, { stamp });
    expect(included).toEqual([]);
    const vcalendar = parsed(text);
    expect(vcalendar.getAllSubcomponents("vevent")).toHaveLength(0);
    expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });
});
