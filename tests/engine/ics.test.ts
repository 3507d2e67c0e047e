import { AGREEMENTS, GRANT_DECISIONS } from "../../src/agreements";
import { paymentCalendar } from "../../src/engine/calendar";
import { calendarToIcs, foldLine, icsDate, refold } from "../../src/engine/ics";

/** The .ics writer's edges: its refusals and the stamp it writes (RFC 5545 DTSTAMP). */
describe("calendarToIcs: stamp and refusals", () => {
  const events = () =>
    paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS }).slice(0, 2);

  it("writes the given stamp as every event's DTSTAMP, from a number or an ISO text", () => {
    const fromText = calendarToIcs(events(), { stamp: "2025-01-15T10:00:00Z" }).text;
    const fromNumber = calendarToIcs(events(), { stamp: Date.UTC(2025, 0, 15, 10) }).text;
    expect(fromText).toBe(fromNumber);
    expect(fromText.match(/^DTSTAMP:20250115T100000Z$/gm)).toHaveLength(2);
  });

  it("refuses a stamp that is not a date-time", () => {
    expect(() => calendarToIcs(events(), { stamp: "i morgon" })).toThrow(
      'stamp: "i morgon" is not a date-time'
    );
    expect(() => calendarToIcs(events(), { stamp: Number.NaN })).toThrow(
      'stamp: "NaN" is not a date-time'
    );
  });

  it("reads iCalendar dates and refuses anything else", () => {
    expect(icsDate("20250331")).toBe("2025-03-31");
    expect(() => icsDate("2025-03-31")).toThrow('"2025-03-31" is not an iCalendar date');
    expect(() => icsDate("202503311")).toThrow('"202503311" is not an iCalendar date');
    expect(() => icsDate("x20250331")).toThrow('"x20250331" is not an iCalendar date');
  });

  it("folds long lines at 75 octets and unfolds before folding again", () => {
    const long = `SUMMARY:${"å".repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n"))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    expect(refold(`${folded}\r\nEND:VCALENDAR\r\n`)).toBe(`${folded}\r\nEND:VCALENDAR\r\n`);
    expect(refold("A\r\n B\r\nC")).toBe("AB\r\nC");
  });
});
