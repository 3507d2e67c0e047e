import fc from "fast-check";
import { AGREEMENTS, GRANT_DECISIONS } from "../../src/agreements";
import { compareEvents, dayNumber, fromDayNumber, paymentCalendar } from "../../src/engine/calendar";

/** Days 2015-01-01 … 2035-12-31 as YYYY-MM-DD. */
const isoDate = fc.integer({ min: dayNumber("2015-01-01"), max: dayNumber("2035-12-31") }).map(fromDayNumber);

describe("calendar properties", () => {
  // Made in each test, not here (see tests/engine/table1.test.ts).
  const wholeCalendar = () => paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS });

  it("any from/to window gives a sorted sub-list of the whole calendar, with every dated event in range", () => {
    const all = wholeCalendar();
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const window = paymentCalendar({ allocations: AGREEMENTS, grants: GRANT_DECISIONS }, { from, to });
        for (let i = 1; i < window.length; i++) expect(compareEvents(window[i - 1]!, window[i]!)).toBeLessThanOrEqual(0);
        for (const e of window) {
          expect(all).toContainEqual(e);
          if (!e.yearOnly) expect(e.date >= from && e.date <= to).toBe(true);
          else expect(e.date >= from.slice(0, 4) && e.date <= to.slice(0, 4)).toBe(true);
        }
        const dated = all.filter((e) => !e.yearOnly && e.date >= from && e.date <= to);
        expect(window.filter((e) => !e.yearOnly)).toEqual(dated);
      }),
      { numRuns: 200 },
    );
  });
});
