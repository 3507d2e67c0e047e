import fc from "fast-check";
import { ASSIGNMENT_2024 } from "../../src/agreements";
import { dayNumber, fromDayNumber } from "../../src/engine/calendar";
import { computeLedger, deadlineState, ledgerDeadline, repayAmount } from "../../src/engine/ledger";

/** Days 2015-01-01 … 2035-12-31 as YYYY-MM-DD. */
const isoDate = fc.integer({ min: dayNumber("2015-01-01"), max: dayNumber("2035-12-31") }).map(fromDayNumber);
const kronor = (max: number) => fc.integer({ min: 0, max });

describe("ledger properties", () => {
  it("to repay = max(0, requisitioned − spent), never negative, in whole kronor", () => {
    fc.assert(
      fc.property(kronor(500_000), kronor(700_000), isoDate, (requisitioned, spent, asOf) => {
        const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: requisitioned, date: "2024-11-20" }], spent: [{ year: 2024, amount: spent }] }, { asOf });
        const y = ledger.years[0]!;
        expect(y.toRepay).toBe(Math.max(0, requisitioned - spent));
        expect(y.toRepay).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(y.toRepay)).toBe(true);
        expect(repayAmount(requisitioned, spent)).toBe(y.toRepay);
        // Spending above the requisition is exactly when there is an error on spent[0].amount.
        expect(ledger.errors.some((e) => e.where.field === "spent[0].amount")).toBe(spent > requisitioned);
      }),
    );
  });

  it("outstanding = max(0, to repay − repaid), and the repayment deadline is met exactly when it is 0 by then", () => {
    fc.assert(
      fc.property(kronor(500_000), kronor(500_000), fc.array(kronor(200_000), { maxLength: 4 }), isoDate, (requisitioned, spentRaw, repaidParts, asOf) => {
        const spent = Math.min(spentRaw, requisitioned);
        const repayments = repaidParts.map((amount, i) => ({ year: 2024, amount, date: fromDayNumber(dayNumber("2025-01-10") + i * 30) }));
        const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: requisitioned, date: "2024-11-20" }], spent: [{ year: 2024, amount: spent }], repayments }, { asOf });
        const y = ledger.years[0]!;
        const repaid = repaidParts.reduce((s, a) => s + a, 0);
        expect(y.repaid).toBe(repaid);
        expect(y.outstanding).toBe(Math.max(0, y.toRepay - repaid));
        const d = ledgerDeadline(ledger, "repayment-2024")!;
        const repaidByAsOf = repayments.filter((r) => r.date <= asOf).reduce((s, r) => s + r.amount, 0);
        if (requisitioned === 0) expect(d.state).toBe("not-applicable");
        else expect(d.state === "met" || d.state === "late").toBe(y.toRepay === 0 || repaidByAsOf >= y.toRepay);
        expect(ledger.totals.outstanding).toBe(ledger.years.reduce((s, x) => s + x.outstanding, 0));
      }),
    );
  });

  it("deadline days are consistent: due counts down to 0, then overdue counts up from 1", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (deadline, asOf) => {
        const today = deadlineState(deadline, asOf);
        const tomorrow = deadlineState(deadline, fromDayNumber(dayNumber(asOf) + 1));
        const diff = dayNumber(deadline) - dayNumber(asOf);
        if (diff >= 0) expect(today).toEqual({ state: "due", days: diff });
        else expect(today).toEqual({ state: "overdue", days: -diff });
        if (today.state === "due" && today.days! > 0) expect(tomorrow).toEqual({ state: "due", days: today.days! - 1 });
        else expect(tomorrow).toEqual({ state: "overdue", days: (today.state === "overdue" ? today.days! : 0) + 1 });
      }),
    );
  });

  it("a report handed in is met from that day on, late exactly when after the deadline", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (submitted, asOf) => {
        const ledger = computeLedger(ASSIGNMENT_2024, { submitted: [{ item: "final-report", date: submitted }] }, { asOf });
        const d = ledgerDeadline(ledger, "final-report")!;
        const late = dayNumber(submitted) - dayNumber("2026-12-15");
        if (submitted <= asOf) expect(d).toMatchObject(late > 0 ? { state: "late", doneOn: submitted, days: late } : { state: "met", doneOn: submitted, days: null });
        else expect(["due", "overdue"]).toContain(d.state);
      }),
    );
  });
});
