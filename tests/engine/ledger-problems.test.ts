import assignmentData from "../../src/agreements/assignment-2024.json";
import { ASSIGNMENT_2024 } from "../../src/agreements";
import { parseGrantDecision } from "../../src/agreements/grant-schema";
import { SjukError, problemText } from "../../src/core/errors";
import { message, render } from "../../src/core/messages";
import {
  LedgerEntries,
  computeLedger,
  deadlineNote,
  repayAmount,
  throwIfLedgerErrors,
  whenMessage,
} from "../../src/engine/ledger";

/**
 * The grant ledger's entry problems, exactly: severity, the field, the code and the text (which
 * carries every parameter), in the order they are found; and the deadline rules a wrong date or a
 * dropped entry would break.
 */
const show = (ps: { severity: string; where: { field: string }; code: string }[]) =>
  ps.map((p) => [p.severity, p.where.field, p.code, problemText(p as never)]);

/** The 2024 assignment with some fields changed (a variant decision, for rules it does not reach). */
function variant(change: (d: typeof assignmentData) => void) {
  const d = structuredClone(assignmentData);
  change(d);
  return parseGrantDecision(d, "variant.json");
}

const ALL_WRONG: LedgerEntries = {
  confirmed: [
    { year: 2030, amount: 1 },
    { year: 2024, amount: 1 },
    { year: 2025, amount: "abc" },
    { year: 2025, amount: 2_500_000 },
    { year: 2025, amount: 1 },
  ],
  requisitions: [
    { year: 2023, amount: 1, date: "2024-01-01" },
    { year: 2024, amount: 1.5, date: "x" },
    { year: 2024, amount: 400_000, date: "2024-11-20" },
    { year: 2024, amount: 200_000, date: "2024-12-02" },
    { year: 2026, amount: 5, date: "2026-01-10" },
  ],
  spent: [
    { year: 2024, amount: 700_000 },
    { year: 2024, amount: 1 },
    { year: 2026, amount: 3 },
    { year: 2025, amount: 10 },
  ],
  repayments: [
    { year: 2024, amount: -1, date: "2025-01-01" },
    { year: 2024, amount: 50_000, date: "2025-02-01" },
    { year: 2024, amount: 5, date: "2025-13-01" },
  ],
  submitted: [
    { item: "nope", date: "2025-01-01" },
    { item: "requisition-2024", date: "2025-01-01" },
    { item: "repayment-2024", date: "2025-01-01" },
    { item: "final-report", date: "bad" },
    { item: "financial-report-2024", date: "2025-03-20" },
    { item: "financial-report-2024", date: "2025-03-10" },
  ],
};

describe("the ledger's entry problems", () => {
  // Made inside each test: StrykerJS runs only the tests whose own code reached a mutant.
  const wrong = () => computeLedger(ASSIGNMENT_2024, ALL_WRONG, { asOf: "2025-04-02" });
  const planned2026 =
    "2 000 000 kr is only planned (Provided that the Riksdag has appropriated funds for the appropriation in question.); enter the amount appropriated for the year (confirmed) once the Riksdag has appropriated the money";

  it("every error, on its field, in the order found", () => {
    expect(show(wrong().errors)).toEqual([
      ["error", "confirmed[2].amount", "ledger.not-a-number", '"abc" is not a number'],
      [
        "error",
        "confirmed[4].year",
        "ledger.confirmed-twice",
        "2025 is already confirmed in confirmed[3]: enter one appropriation per year",
      ],
      [
        "error",
        "requisitions[0].year",
        "ledger.unknown-year",
        "2023 is not a year of the decision (2024, 2025, 2026)",
      ],
      [
        "error",
        "requisitions[1].amount",
        "ledger.not-whole-kronor",
        "1.5 is not a whole number of kronor",
      ],
      ["error", "requisitions[1].date", "date.not-iso", '"x" is not a date written YYYY-MM-DD'],
      [
        "error",
        "spent[1].year",
        "ledger.duplicate-spent",
        "spending for 2024 is already entered in spent[0]: enter one total per year",
      ],
      ["error", "repayments[0].amount", "ledger.negative", "-1 is negative"],
      [
        "error",
        "repayments[2].date",
        "date.not-iso",
        '"2025-13-01" is not a date written YYYY-MM-DD',
      ],
      [
        "error",
        "submitted[0].item",
        "ledger.unknown-report",
        '"nope" is not a report of the decision (financial-report-2024, final-report)',
      ],
      [
        "error",
        "submitted[1].item",
        "ledger.not-a-report",
        '"requisition-2024" is not a report: enter it under requisitions',
      ],
      [
        "error",
        "submitted[2].item",
        "ledger.not-a-report",
        '"repayment-2024" is not a report: enter it under repayments',
      ],
      ["error", "submitted[3].date", "date.not-iso", '"bad" is not a date written YYYY-MM-DD'],
      [
        "error",
        "requisitions[3]",
        "ledger.second-requisition",
        'a second requisition for 2024: the funds are paid out "engångsvis" (once), and requisitions[2] already requisitioned 400 000 kr on 2024-11-20',
      ],
      [
        "error",
        "requisitions[3].amount",
        "ledger.requisition-above-grant",
        "600 000 kr requisitioned for 2024 is more than the högst 500 000 kr granted (100 000 kr too much)",
      ],
      [
        "error",
        "spent[0].amount",
        "ledger.spent-above-grant",
        "700 000 kr spent in 2024 is more than the högst 500 000 kr granted (and the 600 000 kr requisitioned)",
      ],
      [
        "error",
        "spent[3].amount",
        "ledger.spent-above-requisition",
        "10 kr spent in 2025 is more than the 0 kr requisitioned (10 kr over)",
      ],
      [
        "error",
        "requisitions[4].year",
        "ledger.unconfirmed-requisition",
        `5 kr requisitioned against 2026, whose ${planned2026}`,
      ],
      [
        "error",
        "spent[2].year",
        "ledger.unconfirmed-spent",
        `3 kr spent against 2026, whose ${planned2026}`,
      ],
    ]);
  });

  it("every warning, on its field", () => {
    expect(show(wrong().warnings)).toEqual([
      [
        "warning",
        "confirmed[0].year",
        "ledger.unknown-year",
        "2030 is not a year of the decision (2024, 2025, 2026)",
      ],
      [
        "warning",
        "confirmed[1].year",
        "ledger.confirmed-not-planned",
        "2024 is already granted (at-most); it needs no confirmation",
      ],
      [
        "warning",
        "confirmed[3].amount",
        "ledger.appropriated-above-plan",
        "2 500 000 kr appropriated for 2025 is more than the 2 000 000 kr the government planned; check the amount",
      ],
      [
        "warning",
        "requisitions[3].date",
        "ledger.requisition-late",
        "requisitioned on 2024-12-02, 1 day after the deadline 2024-12-01 (to Kammarkollegiet)",
      ],
      [
        "warning",
        "repayments[1].amount",
        "ledger.repayment-above-unused",
        "50 000 kr repaid for 2024 is more than the 0 kr unused (requisitioned 600 000 kr − spent 700 000 kr)",
      ],
    ]);
  });

  it("the valid entries still count: the first requisition's date, the earliest report date, the confirmed year's amount", () => {
    const ledger = wrong();
    expect(ledger.deadlines.map((d) => [d.id, d.state, d.days, d.doneOn])).toEqual([
      ["requisition-2024", "met", null, "2024-11-20"],
      ["repayment-2024", "met", null, null],
      ["financial-report-2024", "met", null, "2025-03-10"],
      ["final-report", "due", 622, null],
    ]);
    expect(
      ledger.years.map((y) => [y.year, y.granted, y.requisitioned, y.spent, y.repaid, y.repayBy])
    ).toEqual([
      [2024, 500_000, 600_000, 700_000, 50_000, "2025-03-31"],
      [2025, 2_500_000, 0, 10, 0, null],
      [2026, 0, 5, 3, 0, null], // an unconfirmed year's entries are errors, and still shown
    ]);
    expect(() => throwIfLedgerErrors(ledger)).toThrow(SjukError);
  });

  it("nothing wrong: no errors, no warnings, nothing thrown", () => {
    const ok = computeLedger(
      ASSIGNMENT_2024,
      {
        confirmed: [{ year: 2025, amount: 1_800_000 }],
        requisitions: [
          { year: 2025, amount: 1_000_000, date: "2025-02-01" },
          { year: 2025, amount: 800_000, date: "2025-06-01" },
        ],
        spent: [{ year: 2026, amount: 0 }],
      },
      { asOf: "2025-04-02" }
    );
    expect([ok.errors, ok.warnings]).toEqual([[], []]);
    expect(ok.years[1]!.granted).toBe(1_800_000);
    expect(ok.years[1]!.requisitioned).toBe(1_800_000);
    expect(() => throwIfLedgerErrors(ok)).not.toThrow();
  });
});

describe("the deadline rules", () => {
  it("repayments reach the unused funds in date order, whatever order they were entered in; only those made by asOf are repaid by now", () => {
    const entries: LedgerEntries = {
      requisitions: [{ year: 2024, amount: 500_000, date: "2024-11-20" }],
      spent: [{ year: 2024, amount: 430_000 }],
      repayments: [
        { year: 2024, amount: 40_000, date: "2025-04-10" },
        { year: 2024, amount: 30_000, date: "2025-03-01" },
        { year: 2024, amount: 40_000, date: "2025-03-20" },
      ],
    };
    const repayment = (asOf: string) =>
      computeLedger(ASSIGNMENT_2024, entries, { asOf }).deadlines.find(
        (d) => d.id === "repayment-2024"
      )!;
    // 30 000 on 1 March, then 40 000 on 20 March: 70 000, the unused funds, reached on 2025-03-20.
    expect(repayment("2025-04-30")).toMatchObject({ state: "met", doneOn: "2025-03-20" });
    expect(repayment("2025-03-20").what).toEqual(
      message("ledger.note.to-repay", {
        amount: expect.anything(),
        date: "2025-03-31",
        repaid: expect.anything(),
      })
    );
    expect(render(repayment("2025-03-20").what)).toBe(
      render(
        message("ledger.note.to-repay", { amount: 70_000, date: "2025-03-31", repaid: 70_000 })
      )
    );
    expect(render(repayment("2025-03-19").what)).toBe(
      render(
        message("ledger.note.to-repay", { amount: 70_000, date: "2025-03-31", repaid: 30_000 })
      )
    );
    expect(repayment("2025-03-19")).toMatchObject({ state: "due", days: 12, doneOn: null });
  });

  it("a requisition dated after the ledger's date does not count yet: due, and not done", () => {
    const l = computeLedger(
      ASSIGNMENT_2024,
      { requisitions: [{ year: 2024, amount: 500_000, date: "2024-11-20" }] },
      { asOf: "2024-11-10" }
    );
    expect(l.deadlines[0]).toMatchObject({
      id: "requisition-2024",
      state: "due",
      days: 21,
      doneOn: null,
    });
    expect(l.next?.id).toBe("requisition-2024");
  });

  it("nothing requisitioned: nothing to repay; all spent: met with nothing to do", () => {
    const none = computeLedger(ASSIGNMENT_2024, {}, { asOf: "2025-04-02" });
    const r0 = none.deadlines.find((d) => d.id === "repayment-2024")!;
    expect([r0.state, r0.what, r0.when]).toEqual([
      "not-applicable",
      message("ledger.note.nothing-requisitioned", {}),
      null,
    ]);
    const all = computeLedger(
      ASSIGNMENT_2024,
      {
        requisitions: [{ year: 2024, amount: 500_000, date: "2024-11-20" }],
        spent: [{ year: 2024, amount: 500_000 }],
      },
      { asOf: "2025-04-02" }
    );
    const r1 = all.deadlines.find((d) => d.id === "repayment-2024")!;
    expect([r1.state, r1.doneOn, r1.what, r1.when]).toEqual([
      "met",
      null,
      message("ledger.note.all-spent", {}),
      null,
    ]);
  });

  it("a decision whose final report comes before a year's repayment: the deadlines in date order", () => {
    const d = variant((x) => (x.finalReport.by = "2025-01-15"));
    const l = computeLedger(d, {}, { asOf: "2024-06-01" });
    expect(l.deadlines.map((x) => x.id)).toEqual([
      "requisition-2024",
      "final-report",
      "repayment-2024",
      "financial-report-2024",
    ]);
  });

  it("a fixed year and a planned year with its own requisition rule: not 'högst', and not applicable until confirmed", () => {
    const d = variant((x) => {
      x.years[0]!.status = "fixed";
      (x.years[1] as Record<string, unknown>).requisition = {
        once: false,
        by: "2025-06-01",
        to: "Kammarkollegiet",
        quote: "q",
      };
    });
    const l = computeLedger(
      d,
      { confirmed: [{ year: 2024, amount: 1 }], spent: [{ year: 2024, amount: 600_000 }] },
      { asOf: "2025-01-10" }
    );
    expect(show(l.warnings)).toEqual([
      [
        "warning",
        "confirmed[0].year",
        "ledger.confirmed-not-planned",
        problemText({
          code: "ledger.confirmed-not-planned",
          params: { year: 2024, status: "fixed", atMost: false, amount: 500_000 },
        }),
      ],
    ]);
    expect(l.errors.map((p) => problemText(p))).toEqual([
      problemText({
        code: "ledger.spent-above-grant",
        params: { spent: 600_000, year: 2024, atMost: false, granted: 500_000, requisitioned: 0 },
      }),
    ]);
    const req2024 = l.deadlines.find((x) => x.id === "requisition-2024")!;
    expect(req2024.what).toEqual(
      message("ledger.note.may-requisition", {
        atMost: false,
        amount: expect.anything(),
        date: "2024-12-01",
      })
    );
    const req2025 = l.deadlines.find((x) => x.id === "requisition-2025")!;
    expect([req2025.state, req2025.what]).toEqual([
      "not-applicable",
      message("ledger.note.not-confirmed", { year: 2025 }),
    ]);
    const confirmed = computeLedger(
      d,
      {
        confirmed: [{ year: 2025, amount: 1_000_000 }],
        requisitions: [
          { year: 2025, amount: 1, date: "2025-02-01" },
          { year: 2025, amount: 1, date: "2025-03-01" },
        ],
      },
      { asOf: "2025-01-10" }
    );
    expect(confirmed.errors).toEqual([]); // not once-only: a second requisition is allowed
  });

  it("whenMessage and deadlineNote: each state's phrase, English by default", () => {
    expect(whenMessage({ state: "met", days: null }, null)).toEqual(
      message("ledger.when.done", { date: "" })
    );
    expect(whenMessage({ state: "late", days: 2 }, null)).toEqual(
      message("ledger.when.done-late", { date: "", days: 2 })
    );
    expect(whenMessage({ state: "overdue", days: 3 }, null)).toEqual(
      message("days.overdue", { days: 3 })
    );
    expect(whenMessage({ state: "due", days: 0 }, null)).toEqual(message("days.due", { days: 0 }));
    const l = computeLedger(ASSIGNMENT_2024, {}, { asOf: "2024-11-30" });
    const d = l.deadlines[0]!;
    expect(deadlineNote(d)).toBe(deadlineNote(d, "en"));
    expect(deadlineNote(d)).not.toBe(deadlineNote(d, "sv"));
    expect(deadlineNote(d)).toMatch(/; due in 1 day$/);
  });

  it("amounts past 2^53 are refused with what they are", () => {
    const huge = "100000000000000000000";
    expect(() => repayAmount(huge, 0)).toThrow("to repay");
    const at = (entries: LedgerEntries) => () =>
      computeLedger(ASSIGNMENT_2024, entries, { asOf: "2025-01-01" });
    expect(at({ requisitions: [{ year: 2024, amount: huge, date: "2024-11-20" }] })).toThrow(
      "requisitioned 2024"
    );
    expect(at({ spent: [{ year: 2024, amount: huge }] })).toThrow("spent 2024");
    expect(at({ repayments: [{ year: 2024, amount: huge, date: "2025-01-01" }] })).toThrow(
      "repaid 2024"
    );
  });
});
