import { ASSIGNMENT_2024, GRANT_DECISIONS, findGrantDeadline, grantDeadlines } from "../../src/agreements";
import { parseGrantDecision } from "../../src/agreements/grant-schema";
import { SjukError } from "../../src/engine/errors";
import { LEDGER_PROBLEM_CODES, LedgerEntries, computeLedger, deadlineState, ledgerDeadline, repayAmount, throwIfLedgerErrors } from "../../src/engine/ledger";
import assignmentData from "../../src/agreements/assignment-2024.json";

const ACCEPTANCE: LedgerEntries = {
  requisitions: [{ year: 2024, amount: 500_000, date: "2024-11-20" }],
  spent: [{ year: 2024, amount: 430_000 }],
};

const year = (ledger: ReturnType<typeof computeLedger>, y: number) => ledger.years.find((x) => x.year === y)!;
const fields = (problems: { where: { field: string } }[]) => problems.map((p) => p.where.field);
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe("the 2024 assignment as data", () => {
  it("holds the decision's amounts, statuses, appropriation and deadlines", () => {
    expect(GRANT_DECISIONS).toEqual([ASSIGNMENT_2024]);
    expect(ASSIGNMENT_2024.years.map((y) => [y.year, y.amount, y.status])).toEqual([
      [2024, 500_000, "at-most"],
      [2025, 2_000_000, "planned-conditional"],
      [2026, 2_000_000, "planned-conditional"],
    ]);
    expect(ASSIGNMENT_2024.appropriation).toMatchObject({
      expenditureArea: { number: 10 },
      code: "1:6",
      name: "Bidrag till sjukskrivningsprocessen",
      officialName: "Bidrag för sjukskrivningsprocessen",
      item: { number: 2, name: "Kunskapsutveckling för sjukskrivningsprocessen" },
    });
    expect(ASSIGNMENT_2024.years[0]!.requisition).toMatchObject({ once: true, by: "2024-12-01", to: "Kammarkollegiet" });
    expect(ASSIGNMENT_2024.reference).toBeNull();
    expect(ASSIGNMENT_2024.referenceNote?.en).toMatch(/diarienummer/);
  });

  it("derives the deadlines in date order with stable ids", () => {
    expect(grantDeadlines(ASSIGNMENT_2024).map((d) => [d.id, d.kind, d.date, d.to])).toEqual([
      ["requisition-2024", "requisition", "2024-12-01", "Kammarkollegiet"],
      ["repayment-2024", "repayment", "2025-03-31", "Kammarkollegiet"],
      ["financial-report-2024", "report", "2025-03-31", "Kammarkollegiet"],
      ["final-report", "final-report", "2026-12-15", "Regeringskansliet (Socialdepartementet)"],
    ]);
    expect(findGrantDeadline(ASSIGNMENT_2024, "final-report")?.date).toBe("2026-12-15");
    expect(findGrantDeadline(ASSIGNMENT_2024, "nope")).toBeUndefined();
  });

  const fieldsOf = (data: unknown) => {
    try {
      parseGrantDecision(data, "x.json");
    } catch (e) {
      expect(e).toBeInstanceOf(SjukError);
      return (e as SjukError).problems.map((p) => `${p.where?.file}: ${p.where?.field}`).sort();
    }
    throw new Error("did not throw");
  };

  it("refuses a malformed decision with field paths", () => {
    const broken = structuredClone(assignmentData) as Record<string, any>;
    broken.years[0].amount = 500_000.5;
    broken.years[1].status = "maybe";
    broken.finalReport.by = "2026-02-30";
    expect(fieldsOf(broken)).toEqual(["x.json: finalReport.by", "x.json: years[0].amount", "x.json: years[1].status"]);
  });

  it("refuses a decision that breaks its own rules, with field paths", () => {
    const broken = structuredClone(assignmentData) as Record<string, any>;
    delete broken.years[1].condition;
    broken.years[0].condition = { sv: "x", en: "x" };
    broken.years[2].year = 2024;
    broken.years[0].repayment.by = "2024-11-30";
    delete broken.referenceNote;
    delete broken.appropriation.note;
    expect(fieldsOf(broken)).toEqual(
      ["appropriation.note", "referenceNote", "years[0].condition", "years[0].repayment.by", "years[1].condition", "years[2].year"].map((f) => `x.json: ${f}`),
    );
  });

  it("takes another assignment as data", () => {
    const other = parseGrantDecision({
      ...structuredClone(assignmentData),
      id: "other-2027",
      reference: "S2027/00001",
      decided: "2027-01-10",
      years: [{ year: 2027, amount: 1_000_000, status: "fixed", quote: "…", requisition: { once: false, by: "2027-06-01", to: "Kammarkollegiet", quote: "…" } }],
      finalReport: null,
    });
    expect(grantDeadlines(other).map((d) => d.id)).toEqual(["requisition-2027"]);
    const ledger = computeLedger(
      other,
      { requisitions: [{ year: 2027, amount: 400_000, date: "2027-02-01" }, { year: 2027, amount: 600_000, date: "2027-05-01" }] },
      { asOf: "2027-05-02" },
    );
    expect(ledger.errors).toEqual([]);
    expect(ledger.years[0]).toMatchObject({ granted: 1_000_000, requisitioned: 1_000_000 });
  });
});

describe("the acceptance figures", () => {
  const ledger = computeLedger(ASSIGNMENT_2024, ACCEPTANCE, { asOf: "2025-01-15" });
  const y2024 = year(ledger, 2024);

  it("500 000 kr requisitioned, 430 000 kr spent → 70 000 kr to repay by 2025-03-31", () => {
    expect(y2024).toMatchObject({ granted: 500_000, requisitioned: 500_000, spent: 430_000, toRepay: 70_000, repaid: 0, outstanding: 70_000, repayBy: "2025-03-31" });
    const repayment = ledgerDeadline(ledger, "repayment-2024")!;
    expect(repayment).toMatchObject({ state: "due", days: 75, date: "2025-03-31" });
    expect(repayment.note.en).toBe("SEK 70 000 to repay by 2025-03-31; due in 75 days");
    expect(repayment.note.sv).toBe("70 000 kr att återbetala senast 2025-03-31; 75 dagar kvar");
    expect(ledger.errors).toEqual([]);
    expect(ledger.warnings).toEqual([]);
  });

  it("the requisition on 2024-11-20 met its deadline", () => {
    expect(ledgerDeadline(ledger, "requisition-2024")).toMatchObject({ state: "met", metOn: "2024-11-20", late: false, days: null });
  });

  it("as of 2026-12-01 the final report is due in 14 days", () => {
    const late = computeLedger(ASSIGNMENT_2024, ACCEPTANCE, { asOf: "2026-12-01" });
    expect(ledgerDeadline(late, "final-report")).toMatchObject({ state: "due", days: 14, date: "2026-12-15" });
    expect(ledgerDeadline(late, "final-report")!.note.en).toMatch(/due in 14 days$/);
    expect(late.next?.id).toBe("final-report");
    // Nothing repaid by 2025-03-31: overdue by 610 days, and a warning.
    expect(ledgerDeadline(late, "repayment-2024")).toMatchObject({ state: "overdue", days: 610 });
    expect(late.warnings.map((w) => [w.code, w.where.field])).toEqual([["repayment-short", "repayments"]]);
    expect(late.warnings[0]!.message).toBe("70 000 kr unused in 2024 should have been repaid to Kammarkollegiet by 2025-03-31; 0 kr repaid, 70 000 kr outstanding");
  });

  it("totals add up over the years", () => {
    expect(ledger.totals).toEqual({ granted: 500_000, requisitioned: 500_000, spent: 430_000, toRepay: 70_000, repaid: 0, outstanding: 70_000 });
  });
});

describe("rules the decision sets", () => {
  it("a second requisition for 2024 is an error naming the entry (engångsvis)", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      { requisitions: [{ year: 2024, amount: 300_000, date: "2024-10-01" }, { year: 2024, amount: 100_000, date: "2024-11-01" }] },
      { asOf: "2024-11-15" },
    );
    expect(ledger.errors).toHaveLength(1);
    expect(ledger.errors[0]).toMatchObject({ code: "second-requisition", where: { field: "requisitions[1]" } });
    expect(ledger.errors[0]!.message).toMatch(/second requisition for 2024.*engångsvis.*requisitions\[0\] already requisitioned 300 000 kr on 2024-10-01/);
    expect(year(ledger, 2024).requisitioned).toBe(400_000);
    expect(() => throwIfLedgerErrors(ledger)).toThrow("requisitions[1]: a second requisition for 2024");
    expect(ledger.errors[0]!.sv).toBe("andra rekvisitionen för 2024: medlen rekvireras engångsvis, och 300 000 kr rekvirerades redan 2024-10-01 (requisitions[0])");
  });

  it("a requisition above the grant is an error on its amount", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 500_001, date: "2024-11-20" }] }, { asOf: "2024-12-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field, e.message])).toEqual([
      ["requisition-above-grant", "requisitions[0].amount", "500 001 kr requisitioned for 2024 is more than the högst 500 000 kr granted (1 kr too much)"],
    ]);
    expect(ledger.errors[0]!.sv).toBe("500 001 kr rekvirerat för 2024 är mer än de högst 500 000 kr som beviljats (1 kr för mycket)");
  });

  it("a requisition after 2024-12-01 is a warning on its date", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 500_000, date: "2024-12-03" }] }, { asOf: "2024-12-10" });
    expect(ledger.errors).toEqual([]);
    expect(ledger.warnings.map((w) => [w.code, w.where.field])).toEqual([["requisition-late", "requisitions[0].date"]]);
    expect(ledger.warnings[0]!.message).toMatch(/2 days after the deadline 2024-12-01/);
    expect(ledger.warnings[0]!.sv).toBe("rekvirerat 2024-12-03, 2 dagar efter sista dagen 2024-12-01 (till Kammarkollegiet)");
    expect(ledgerDeadline(ledger, "requisition-2024")).toMatchObject({ state: "met", metOn: "2024-12-03", late: true });
  });

  it("spending above the requisition is an error on the spent entry", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      { requisitions: [{ year: 2024, amount: 400_000, date: "2024-11-20" }], spent: [{ year: 2024, amount: 450_000 }] },
      { asOf: "2025-01-01" },
    );
    expect(ledger.errors.map((e) => [e.code, e.where.field, e.message])).toEqual([
      ["spent-above-requisition", "spent[0].amount", "450 000 kr spent in 2024 is more than the 400 000 kr requisitioned (50 000 kr over)"],
    ]);
    expect(year(ledger, 2024).toRepay).toBe(0);
  });

  it("spending above the grant is an error on the spent entry", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, spent: [{ year: 2024, amount: 600_000 }] }, { asOf: "2025-01-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([["spent-above-grant", "spent[0].amount"]]);
    expect(ledger.errors[0]!.message).toBe("600 000 kr spent in 2024 is more than the högst 500 000 kr granted (and the 500 000 kr requisitioned)");
  });

  it("planned 2025 money requisitioned or spent before the Riksdag confirms it is an error", () => {
    const entries: LedgerEntries = {
      requisitions: [...ACCEPTANCE.requisitions!, { year: 2025, amount: 1_000_000, date: "2025-02-01" }],
      spent: [...ACCEPTANCE.spent!, { year: 2025, amount: 200_000 }],
    };
    const ledger = computeLedger(ASSIGNMENT_2024, entries, { asOf: "2025-03-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([
      ["unconfirmed-year", "requisitions[1].year"],
      ["unconfirmed-year", "spent[1].year"],
    ]);
    expect(ledger.errors[0]!.message).toMatch(/only planned \(Provided that the Riksdag has appropriated/);
    expect(year(ledger, 2025)).toMatchObject({ confirmed: false, amount: 2_000_000, granted: 0 });

    const confirmed = computeLedger(ASSIGNMENT_2024, { ...entries, confirmedYears: [2025] }, { asOf: "2025-03-01" });
    expect(confirmed.errors).toEqual([]);
    expect(year(confirmed, 2025)).toMatchObject({ confirmed: true, granted: 2_000_000, requisitioned: 1_000_000, spent: 200_000, toRepay: 800_000 });
    expect(confirmed.totals.granted).toBe(2_500_000);
  });

  it("a confirmed 2025 still cannot take more than its 2 000 000 kr", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2025, amount: 2_000_001, date: "2025-02-01" }], confirmedYears: [2025] }, { asOf: "2025-03-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([["requisition-above-grant", "requisitions[0].amount"]]);
  });

  it("repaying less than the unused funds after the deadline is a warning on the last repayment", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 50_000, date: "2025-03-20" }] }, { asOf: "2025-04-02" });
    expect(year(ledger, 2024)).toMatchObject({ toRepay: 70_000, repaid: 50_000, outstanding: 20_000 });
    expect(ledger.warnings.map((w) => [w.code, w.where.field, w.message])).toEqual([
      ["repayment-short", "repayments[0].amount", "70 000 kr unused in 2024 should have been repaid to Kammarkollegiet by 2025-03-31; 50 000 kr repaid, 20 000 kr outstanding"],
    ]);
    expect(ledger.warnings[0]!.sv).toBe("70 000 kr som inte använts 2024 skulle ha återbetalats till Kammarkollegiet senast 2025-03-31; 50 000 kr återbetalt, 20 000 kr återstår");
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "overdue", days: 2 });
  });

  it("before the deadline a partial repayment is only due, not a warning", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 50_000, date: "2025-03-20" }] }, { asOf: "2025-03-31" });
    expect(ledger.warnings).toEqual([]);
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "due", days: 0 });
    expect(ledgerDeadline(ledger, "repayment-2024")!.note.en).toBe("SEK 70 000 to repay by 2025-03-31, SEK 50 000 repaid; due today");
  });

  it("repaying more than the unused funds is a warning", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 80_000, date: "2025-03-20" }] }, { asOf: "2025-04-02" });
    expect(ledger.warnings.map((w) => [w.code, w.where.field])).toEqual([["repayment-above-unused", "repayments[0].amount"]]);
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "met", metOn: "2025-03-20", late: false });
  });

  it("bad entries are errors on the field and are left out of the sums", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      {
        requisitions: [{ year: 2023, amount: 100, date: "2023-01-01" }, { year: 2024, amount: 1000.5, date: "2024-11-01" }, { year: 2024, amount: -5, date: "2024-13-01" }],
        spent: [{ year: 2024, amount: "abc" }, { year: 2024, amount: 10 }, { year: 2024, amount: 20 }],
        submitted: [{ item: "annual-report", date: "2025-01-01" }, { item: "requisition-2024", date: "2024-11-01" }],
        confirmedYears: [2024, 2030],
      },
      { asOf: "2025-01-01" },
    );
    expect(fields(ledger.errors).sort()).toEqual(
      [
        "requisitions[0].year",
        "requisitions[1].amount",
        "requisitions[2].amount",
        "requisitions[2].date",
        "spent[0].amount",
        "spent[2].year",
        "submitted[0].item",
        "submitted[1].item",
        // 10 kr spent of nothing requisitioned
        "spent[1].amount",
      ].sort(),
    );
    expect(codes(ledger.warnings)).toEqual(["confirmed-not-planned", "unknown-year"]);
    expect(year(ledger, 2024)).toMatchObject({ requisitioned: 0, spent: 10 });
    expect(ledger.errors.find((e) => e.where.field === "requisitions[1].amount")!).toMatchObject({
      message: "1000.5 is not a whole number of kronor",
      sv: "1000,5 är inte ett helt antal kronor",
    });
    expect(ledger.errors.find((e) => e.where.field === "submitted[1].item")!).toMatchObject({
      message: '"requisition-2024" is not a report: enter it under requisitions',
      sv: '"requisition-2024" är ingen rapport: för in den bland rekvisitionerna',
    });
    expect(ledger.warnings.find((w) => w.code === "confirmed-not-planned")!.sv).toBe("2024 är redan beviljat (högst 500 000 kr) och behöver ingen bekräftelse");
    // Every error and warning has a Swedish text of its own.
    for (const p of [...ledger.errors, ...ledger.warnings]) {
      expect(p.sv.trim()).not.toBe("");
      expect(p.sv).not.toBe(p.message);
    }
  });

  it("every kind of error and warning has a Swedish text", () => {
    const ledgers = [
      computeLedger(
        ASSIGNMENT_2024,
        {
          requisitions: [
            { year: 2024, amount: 300_000, date: "2024-12-05" },
            { year: 2024, amount: 300_000, date: "2024-12-06" },
            { year: 2025, amount: 1_000, date: "2025-01-02" },
            { year: 2023, amount: "x", date: "1/1" },
          ],
          spent: [{ year: 2024, amount: 700_000 }, { year: 2024, amount: 1 }, { year: 2026, amount: 5 }],
          repayments: [{ year: 2024, amount: -1, date: "2025-01-01" }],
          submitted: [{ item: "report", date: "2025-01-01" }, { item: "repayment-2024", date: "2025-01-01" }, { item: "final-report", date: "snart" }],
          confirmedYears: [2024, 2019],
        },
        { asOf: "2025-06-01" },
      ),
      computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 400_000, date: "2024-11-20" }], spent: [{ year: 2024, amount: 450_000 }] }, { asOf: "2025-06-01" }),
      computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 90_000, date: "2025-03-01" }] }, { asOf: "2025-06-01" }),
      computeLedger(ASSIGNMENT_2024, ACCEPTANCE, { asOf: "2025-06-01" }),
    ];
    const problems = ledgers.flatMap((l) => [...l.errors, ...l.warnings]);
    const seen = new Set(problems.map((p) => p.code));
    for (const code of LEDGER_PROBLEM_CODES) expect([code, seen.has(code)]).toEqual([code, true]);
    for (const p of problems) {
      expect(p.sv.trim()).not.toBe("");
      expect(p.sv).not.toBe(p.message);
    }
    try {
      computeLedger(ASSIGNMENT_2024, {}, { asOf: "2025-02-29" });
    } catch (e) {
      expect((e as SjukError).problems[0]!.sv).toBe('"2025-02-29" är inte ett datum skrivet ÅÅÅÅ-MM-DD');
    }
    expect.assertions(LEDGER_PROBLEM_CODES.length + 2 * problems.length + 1);
  });

  it("accepts amounts as plain decimal strings", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: "500000", date: "2024-11-20" }], spent: [{ year: 2024, amount: "430000" }] }, { asOf: "2025-01-01" });
    expect(year(ledger, 2024).toRepay).toBe(70_000);
  });

  it("a bad as-of date throws naming asOf", () => {
    expect(() => computeLedger(ASSIGNMENT_2024, {}, { asOf: "2025-02-29" })).toThrow('asOf: "2025-02-29" is not a date written YYYY-MM-DD');
  });
});

describe("deadline statuses at chosen dates", () => {
  const at = (asOf: string, entries: LedgerEntries = ACCEPTANCE) => computeLedger(ASSIGNMENT_2024, entries, { asOf });

  it("requisition: due, due today, overdue when never made", () => {
    expect(ledgerDeadline(at("2024-11-01", {}), "requisition-2024")).toMatchObject({ state: "due", days: 30 });
    expect(ledgerDeadline(at("2024-12-01", {}), "requisition-2024")).toMatchObject({ state: "due", days: 0 });
    expect(ledgerDeadline(at("2024-12-02", {}), "requisition-2024")).toMatchObject({ state: "overdue", days: 1 });
  });

  it("a requisition dated after as-of does not count yet", () => {
    expect(ledgerDeadline(at("2024-11-19"), "requisition-2024")).toMatchObject({ state: "due", days: 12 });
    expect(ledgerDeadline(at("2024-11-20"), "requisition-2024")).toMatchObject({ state: "met", metOn: "2024-11-20" });
  });

  it("repayment: not applicable without a requisition, met when everything is spent", () => {
    expect(ledgerDeadline(at("2025-04-01", {}), "repayment-2024")).toMatchObject({ state: "not-applicable", days: null });
    const allSpent = at("2025-04-01", { ...ACCEPTANCE, spent: [{ year: 2024, amount: 500_000 }] });
    expect(ledgerDeadline(allSpent, "repayment-2024")).toMatchObject({ state: "met", metOn: null });
    expect(allSpent.warnings).toEqual([]);
  });

  it("repayment met on the day the repayments reach the unused amount; late if after the deadline", () => {
    const entries = { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 20_000, date: "2025-03-01" }, { year: 2024, amount: 50_000, date: "2025-04-05" }] };
    expect(ledgerDeadline(at("2025-04-04", entries), "repayment-2024")).toMatchObject({ state: "overdue", days: 4 });
    expect(ledgerDeadline(at("2025-04-05", entries), "repayment-2024")).toMatchObject({ state: "met", metOn: "2025-04-05", late: true });
    expect(ledgerDeadline(at("2025-04-05", entries), "repayment-2024")!.note.en).toMatch(/done 2025-04-05, 5 days late$/);
  });

  it("reports: met when submitted, overdue otherwise", () => {
    const entries = { ...ACCEPTANCE, submitted: [{ item: "financial-report-2024", date: "2025-03-28" }] };
    const l = at("2027-01-01", entries);
    expect(ledgerDeadline(l, "financial-report-2024")).toMatchObject({ state: "met", metOn: "2025-03-28", late: false });
    expect(ledgerDeadline(l, "final-report")).toMatchObject({ state: "overdue", days: 17 });
    expect(l.overdue.map((d) => d.id)).toEqual(["repayment-2024", "final-report"]);
    expect(l.next).toBeNull();
  });

  it("the ledger's deadlines come in date order and the next one is the first due", () => {
    const l = at("2024-11-25", {});
    expect(l.deadlines.map((d) => d.id)).toEqual(["requisition-2024", "repayment-2024", "financial-report-2024", "final-report"]);
    expect(l.next?.id).toBe("requisition-2024");
  });

  it("deadlineState: the rule behind SJUK.STATUS", () => {
    expect(deadlineState("2026-12-15", "2026-12-01")).toEqual({ state: "due", days: 14, late: false });
    expect(deadlineState("2026-12-15", "2026-12-16")).toEqual({ state: "overdue", days: 1, late: false });
    expect(deadlineState("2026-12-15", "2026-12-16", "2026-12-10")).toEqual({ state: "met", days: null, late: false });
    // Across the end of summer time and a leap day: calendar days, no drift.
    expect(deadlineState("2024-03-31", "2024-02-28")).toEqual({ state: "due", days: 32, late: false });
    expect(deadlineState("2024-10-28", "2024-10-26")).toEqual({ state: "due", days: 2, late: false });
  });
});

describe("repayAmount: the rule behind SJUK.REPAY", () => {
  it("is max(0, requisitioned − spent) in whole kronor", () => {
    expect(repayAmount(500_000, 430_000)).toBe(70_000);
    expect(repayAmount(500_000, 600_000)).toBe(0);
    expect(repayAmount("500000", "0")).toBe(500_000);
  });

  it("refuses fractions and negatives", () => {
    expect(() => repayAmount(500_000.5, 0)).toThrow("requisitioned: 500000.5 is not a whole number of kronor");
    expect(() => repayAmount(500_000, -1)).toThrow("spent: -1 is negative");
  });
});
