import { ASSIGNMENT_2024, GRANT_DECISIONS, findGrantDeadline, grantDeadlines } from "../../src/agreements";
import { parseGrantDecision } from "../../src/agreements/grant-schema";
import { SjukError, problemText } from "../../src/core/errors";
import { CATALOGUES, MessageCode } from "../../src/core/messages";
import { LedgerEntries, computeLedger, deadlineNote, deadlineState, ledgerDeadline, repayAmount, throwIfLedgerErrors } from "../../src/engine/ledger";
import assignmentData from "../../src/agreements/assignment-2024.json";

const ACCEPTANCE: LedgerEntries = {
  requisitions: [{ year: 2024, amount: 500_000, date: "2024-11-20" }],
  spent: [{ year: 2024, amount: 430_000 }],
};

const year = (ledger: ReturnType<typeof computeLedger>, y: number) => ledger.years.find((x) => x.year === y)!;
const fields = (problems: { where: { field: string } }[]) => problems.map((p) => p.where.field);
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
/** The ledger's own problem codes (its notes and the sheet's and functions' advice aside). */
const LEDGER_CODES = (Object.keys(CATALOGUES.en) as MessageCode[]).filter(
  (c) => c.startsWith("ledger.") && !/^ledger\.(note|when)\./.test(c) && c !== "ledger.appropriation-yes-no",
);
const en = (p: Parameters<typeof problemText>[0]) => problemText(p, "en");
const sv = (p: Parameters<typeof problemText>[0]) => problemText(p, "sv");

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
    expect(deadlineNote(repayment, "en")).toBe("SEK 70 000 to repay by 2025-03-31; due in 75 days");
    expect(deadlineNote(repayment, "sv")).toBe("70 000 kr att återbetala senast 2025-03-31; 75 dagar kvar");
    expect(ledger.errors).toEqual([]);
    expect(ledger.warnings).toEqual([]);
  });

  it("the requisition on 2024-11-20 met its deadline", () => {
    expect(ledgerDeadline(ledger, "requisition-2024")).toMatchObject({ state: "met", doneOn: "2024-11-20", days: null });
  });

  it("as of 2026-12-01 the final report is due in 14 days", () => {
    const late = computeLedger(ASSIGNMENT_2024, ACCEPTANCE, { asOf: "2026-12-01" });
    expect(ledgerDeadline(late, "final-report")).toMatchObject({ state: "due", days: 14, date: "2026-12-15" });
    expect(deadlineNote(ledgerDeadline(late, "final-report")!, "en")).toMatch(/due in 14 days$/);
    expect(late.next?.id).toBe("final-report");
    // Nothing repaid by 2025-03-31: overdue by 610 days, and a warning.
    expect(ledgerDeadline(late, "repayment-2024")).toMatchObject({ state: "overdue", days: 610 });
    expect(late.warnings.map((w) => [w.code, w.where.field])).toEqual([["ledger.repayment-short", "repayments"]]);
    expect(en(late.warnings[0]!)).toBe("70 000 kr unused in 2024 should have been repaid to Kammarkollegiet by 2025-03-31; 0 kr repaid, 70 000 kr outstanding");
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
    expect(ledger.errors[0]).toMatchObject({ code: "ledger.second-requisition", where: { field: "requisitions[1]" } });
    expect(en(ledger.errors[0]!)).toMatch(/second requisition for 2024.*engångsvis.*requisitions\[0\] already requisitioned 300 000 kr on 2024-10-01/);
    expect(year(ledger, 2024).requisitioned).toBe(400_000);
    expect(() => throwIfLedgerErrors(ledger)).toThrow("requisitions[1]: a second requisition for 2024");
    expect(sv(ledger.errors[0]!)).toBe("andra rekvisitionen för 2024: medlen rekvireras engångsvis, och 300 000 kr rekvirerades redan 2024-10-01 (requisitions[0])");
  });

  it("a requisition above the grant is an error on its amount", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 500_001, date: "2024-11-20" }] }, { asOf: "2024-12-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field, en(e)])).toEqual([
      ["ledger.requisition-above-grant", "requisitions[0].amount", "500 001 kr requisitioned for 2024 is more than the högst 500 000 kr granted (1 kr too much)"],
    ]);
    expect(sv(ledger.errors[0]!)).toBe("500 001 kr rekvirerat för 2024 är mer än de högst 500 000 kr som beviljats (1 kr för mycket)");
  });

  it("a requisition after 2024-12-01 is a warning on its date", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 500_000, date: "2024-12-03" }] }, { asOf: "2024-12-10" });
    expect(ledger.errors).toEqual([]);
    expect(ledger.warnings.map((w) => [w.code, w.where.field])).toEqual([["ledger.requisition-late", "requisitions[0].date"]]);
    expect(en(ledger.warnings[0]!)).toMatch(/2 days after the deadline 2024-12-01/);
    expect(sv(ledger.warnings[0]!)).toBe("rekvirerat 2024-12-03, 2 dagar efter sista dagen 2024-12-01 (till Kammarkollegiet)");
    // Done, but after the deadline: late, not met.
    expect(ledgerDeadline(ledger, "requisition-2024")).toMatchObject({ state: "late", doneOn: "2024-12-03", days: 2 });
  });

  it("spending above the requisition is an error on the spent entry", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      { requisitions: [{ year: 2024, amount: 400_000, date: "2024-11-20" }], spent: [{ year: 2024, amount: 450_000 }] },
      { asOf: "2025-01-01" },
    );
    expect(ledger.errors.map((e) => [e.code, e.where.field, en(e)])).toEqual([
      ["ledger.spent-above-requisition", "spent[0].amount", "450 000 kr spent in 2024 is more than the 400 000 kr requisitioned (50 000 kr over)"],
    ]);
    expect(year(ledger, 2024).toRepay).toBe(0);
  });

  it("spending above the grant is an error on the spent entry", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, spent: [{ year: 2024, amount: 600_000 }] }, { asOf: "2025-01-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([["ledger.spent-above-grant", "spent[0].amount"]]);
    expect(en(ledger.errors[0]!)).toBe("600 000 kr spent in 2024 is more than the högst 500 000 kr granted (and the 500 000 kr requisitioned)");
  });

  it("planned 2025 money requisitioned or spent before the Riksdag confirms it is an error", () => {
    const entries: LedgerEntries = {
      requisitions: [...ACCEPTANCE.requisitions!, { year: 2025, amount: 1_000_000, date: "2025-02-01" }],
      spent: [...ACCEPTANCE.spent!, { year: 2025, amount: 200_000 }],
    };
    const ledger = computeLedger(ASSIGNMENT_2024, entries, { asOf: "2025-03-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([
      ["ledger.unconfirmed-requisition", "requisitions[1].year"],
      ["ledger.unconfirmed-spent", "spent[1].year"],
    ]);
    expect(en(ledger.errors[0]!)).toMatch(/only planned \(Provided that the Riksdag has appropriated/);
    expect(year(ledger, 2025)).toMatchObject({ confirmed: false, amount: 2_000_000, granted: 0 });

    const confirmed = computeLedger(ASSIGNMENT_2024, { ...entries, confirmed: [{ year: 2025, amount: 2_000_000 }] }, { asOf: "2025-03-01" });
    expect(confirmed.errors).toEqual([]);
    expect(year(confirmed, 2025)).toMatchObject({ confirmed: true, appropriated: 2_000_000, granted: 2_000_000, requisitioned: 1_000_000, spent: 200_000, toRepay: 800_000 });
    expect(confirmed.totals.granted).toBe(2_500_000);
  });

  it("a confirmed 2025 is granted what the Riksdag appropriated, not the 2 000 000 kr the government estimated", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      { confirmed: [{ year: 2025, amount: 1_750_000 }], requisitions: [{ year: 2025, amount: 1_750_000, date: "2025-02-01" }], spent: [{ year: 2025, amount: 1_600_000 }] },
      { asOf: "2025-03-01" },
    );
    expect(ledger.errors).toEqual([]);
    expect(year(ledger, 2025)).toMatchObject({ amount: 2_000_000, appropriated: 1_750_000, granted: 1_750_000, requisitioned: 1_750_000, spent: 1_600_000, toRepay: 150_000 });
    expect(ledger.totals.granted).toBe(2_250_000);
    // 1 kr more than appropriated is too much, although it is below the estimate.
    const over = computeLedger(ASSIGNMENT_2024, { confirmed: [{ year: 2025, amount: "1750000" }], requisitions: [{ year: 2025, amount: 1_750_001, date: "2025-02-01" }] }, { asOf: "2025-03-01" });
    expect(over.errors.map((e) => [e.code, e.where.field, en(e)])).toEqual([
      ["ledger.requisition-above-grant", "requisitions[0].amount", "1 750 001 kr requisitioned for 2025 is more than the 1 750 000 kr granted (1 kr too much)"],
    ]);
    // More than the estimate is possible, with a warning to check the amount.
    const more = computeLedger(ASSIGNMENT_2024, { confirmed: [{ year: 2026, amount: 2_100_000 }] }, { asOf: "2025-03-01" });
    expect(year(more, 2026)).toMatchObject({ granted: 2_100_000 });
    expect(more.warnings.map((w) => [w.code, w.where.field, sv(w)])).toEqual([
      ["ledger.appropriated-above-plan", "confirmed[0].amount", "2 100 000 kr anvisat för 2026 är mer än de 2 000 000 kr som regeringen beräknade; kontrollera beloppet"],
    ]);
  });

  it("a confirmed 2025 still cannot take more than what was appropriated", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2025, amount: 2_000_001, date: "2025-02-01" }], confirmed: [{ year: 2025, amount: 2_000_000 }] }, { asOf: "2025-03-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field])).toEqual([["ledger.requisition-above-grant", "requisitions[0].amount"]]);
  });

  it("an appropriation is whole kronor, once per year", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { confirmed: [{ year: 2025, amount: 100.5 }, { year: 2026, amount: 1 }, { year: 2026, amount: 2 }] }, { asOf: "2025-03-01" });
    expect(ledger.errors.map((e) => [e.code, e.where.field, en(e)])).toEqual([
      ["ledger.not-whole-kronor", "confirmed[0].amount", "100.5 is not a whole number of kronor"],
      ["ledger.confirmed-twice", "confirmed[2].year", "2026 is already confirmed in confirmed[1]: enter one appropriation per year"],
    ]);
    expect(year(ledger, 2025)).toMatchObject({ confirmed: false, granted: 0, appropriated: null });
    expect(year(ledger, 2026)).toMatchObject({ confirmed: true, granted: 1 });
  });

  it("repaying less than the unused funds after the deadline is a warning on the last repayment", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 50_000, date: "2025-03-20" }] }, { asOf: "2025-04-02" });
    expect(year(ledger, 2024)).toMatchObject({ toRepay: 70_000, repaid: 50_000, outstanding: 20_000 });
    expect(ledger.warnings.map((w) => [w.code, w.where.field, en(w)])).toEqual([
      ["ledger.repayment-short", "repayments[0].amount", "70 000 kr unused in 2024 should have been repaid to Kammarkollegiet by 2025-03-31; 50 000 kr repaid, 20 000 kr outstanding"],
    ]);
    expect(sv(ledger.warnings[0]!)).toBe("70 000 kr som inte använts 2024 skulle ha återbetalats till Kammarkollegiet senast 2025-03-31; 50 000 kr återbetalt, 20 000 kr återstår");
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "overdue", days: 2 });
  });

  it("before the deadline a partial repayment is only due, not a warning", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 50_000, date: "2025-03-20" }] }, { asOf: "2025-03-31" });
    expect(ledger.warnings).toEqual([]);
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "due", days: 0 });
    expect(deadlineNote(ledgerDeadline(ledger, "repayment-2024")!, "en")).toBe("SEK 70 000 to repay by 2025-03-31, SEK 50 000 repaid; due today");
  });

  it("repaying more than the unused funds is a warning", () => {
    const ledger = computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 80_000, date: "2025-03-20" }] }, { asOf: "2025-04-02" });
    expect(ledger.warnings.map((w) => [w.code, w.where.field])).toEqual([["ledger.repayment-above-unused", "repayments[0].amount"]]);
    expect(ledgerDeadline(ledger, "repayment-2024")).toMatchObject({ state: "met", doneOn: "2025-03-20" });
  });

  it("bad entries are errors on the field and are left out of the sums", () => {
    const ledger = computeLedger(
      ASSIGNMENT_2024,
      {
        requisitions: [{ year: 2023, amount: 100, date: "2023-01-01" }, { year: 2024, amount: 1000.5, date: "2024-11-01" }, { year: 2024, amount: -5, date: "2024-13-01" }],
        spent: [{ year: 2024, amount: "abc" }, { year: 2024, amount: 10 }, { year: 2024, amount: 20 }],
        submitted: [{ item: "annual-report", date: "2025-01-01" }, { item: "requisition-2024", date: "2024-11-01" }],
        confirmed: [{ year: 2024, amount: 500_000 }, { year: 2030, amount: 1 }],
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
    expect(codes(ledger.warnings)).toEqual(["ledger.confirmed-not-planned", "ledger.unknown-year"]);
    expect(year(ledger, 2024)).toMatchObject({ requisitioned: 0, spent: 10 });
    const whole = ledger.errors.find((e) => e.where.field === "requisitions[1].amount")!;
    expect([en(whole), sv(whole)]).toEqual(["1000.5 is not a whole number of kronor", "1000,5 är inte ett helt antal kronor"]);
    const report = ledger.errors.find((e) => e.where.field === "submitted[1].item")!;
    expect([en(report), sv(report)]).toEqual(['"requisition-2024" is not a report: enter it under requisitions', '"requisition-2024" är ingen rapport: för in den bland rekvisitionerna']);
    expect(sv(ledger.warnings.find((w) => w.code === "ledger.confirmed-not-planned")!)).toBe("2024 är redan beviljat (högst 500 000 kr) och behöver ingen bekräftelse");
    // Every error and warning has a Swedish text of its own.
    for (const p of [...ledger.errors, ...ledger.warnings]) {
      expect(sv(p).trim()).not.toBe("");
      expect(sv(p)).not.toBe(en(p));
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
          spent: [{ year: 2024, amount: 700_000 }, { year: 2024, amount: 1 }, { year: 2025, amount: 5 }],
          repayments: [{ year: 2024, amount: -1, date: "2025-01-01" }, { year: 2024, amount: 0.5, date: "2025-01-01" }],
          submitted: [{ item: "report", date: "2025-01-01" }, { item: "repayment-2024", date: "2025-01-01" }, { item: "final-report", date: "snart" }],
          confirmed: [{ year: 2024, amount: 1 }, { year: 2019, amount: 1 }, { year: 2026, amount: 2_500_000 }, { year: 2026, amount: 1 }],
        },
        { asOf: "2025-06-01" },
      ),
      computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 400_000, date: "2024-11-20" }], spent: [{ year: 2024, amount: 450_000 }] }, { asOf: "2025-06-01" }),
      computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 90_000, date: "2025-03-01" }] }, { asOf: "2025-06-01" }),
      computeLedger(ASSIGNMENT_2024, ACCEPTANCE, { asOf: "2025-06-01" }),
    ];
    const problems = ledgers.flatMap((l) => [...l.errors, ...l.warnings]);
    const seen = new Set(problems.map((p) => p.code));
    for (const code of LEDGER_CODES) expect([code, seen.has(code)]).toEqual([code, true]);
    for (const p of problems) {
      expect(sv(p).trim()).not.toBe("");
      expect(sv(p)).not.toBe(en(p));
    }
    try {
      computeLedger(ASSIGNMENT_2024, {}, { asOf: "2025-02-29" });
    } catch (e) {
      expect(sv((e as SjukError).problems[0]!)).toBe('"2025-02-29" är inte ett datum skrivet ÅÅÅÅ-MM-DD');
    }
    expect.assertions(LEDGER_CODES.length + 2 * problems.length + 1);
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

  it("the requisition deadline is the day itself: on 2024-12-01 on time, on 2024-12-02 late", () => {
    const on = (date: string) => computeLedger(ASSIGNMENT_2024, { requisitions: [{ year: 2024, amount: 500_000, date }] }, { asOf: "2024-12-10" });
    expect(ledgerDeadline(on("2024-12-01"), "requisition-2024")).toMatchObject({ state: "met", doneOn: "2024-12-01", days: null });
    expect(on("2024-12-01").warnings).toEqual([]);
    expect(deadlineNote(ledgerDeadline(on("2024-12-01"), "requisition-2024")!, "en")).toBe("SEK 500 000 requisitioned on 2024-12-01; done 2024-12-01");
    const late = on("2024-12-02");
    expect(ledgerDeadline(late, "requisition-2024")).toMatchObject({ state: "late", doneOn: "2024-12-02", days: 1 });
    expect(deadlineNote(ledgerDeadline(late, "requisition-2024")!, "sv")).toBe("500 000 kr rekvirerat 2024-12-02; klart 2024-12-02, 1 dag för sent");
    expect(late.warnings.map((w) => [w.code, w.where.field, en(w)])).toEqual([
      ["ledger.requisition-late", "requisitions[0].date", "requisitioned on 2024-12-02, 1 day after the deadline 2024-12-01 (to Kammarkollegiet)"],
    ]);
    expect(late.overdue).toEqual([]);
  });

  it("a dropped repayment counts: two repayments reach the unused funds only together", () => {
    const entries = (repayments: LedgerEntries["repayments"]) => computeLedger(ASSIGNMENT_2024, { ...ACCEPTANCE, repayments }, { asOf: "2025-04-10" });
    const both = entries([{ year: 2024, amount: 30_000, date: "2025-03-01" }, { year: 2024, amount: 40_000, date: "2025-03-25" }]);
    expect(year(both, 2024)).toMatchObject({ toRepay: 70_000, repaid: 70_000, outstanding: 0 });
    expect(ledgerDeadline(both, "repayment-2024")).toMatchObject({ state: "met", doneOn: "2025-03-25" });
    expect(both.warnings).toEqual([]);
    const one = entries([{ year: 2024, amount: 30_000, date: "2025-03-01" }]);
    expect(year(one, 2024)).toMatchObject({ repaid: 30_000, outstanding: 40_000 });
    expect(ledgerDeadline(one, "repayment-2024")).toMatchObject({ state: "overdue", days: 10 });
  });

  it("a requisition dated after as-of does not count yet", () => {
    expect(ledgerDeadline(at("2024-11-19"), "requisition-2024")).toMatchObject({ state: "due", days: 12 });
    expect(ledgerDeadline(at("2024-11-20"), "requisition-2024")).toMatchObject({ state: "met", doneOn: "2024-11-20" });
  });

  it("repayment: not applicable without a requisition, met when everything is spent", () => {
    expect(ledgerDeadline(at("2025-04-01", {}), "repayment-2024")).toMatchObject({ state: "not-applicable", days: null });
    const allSpent = at("2025-04-01", { ...ACCEPTANCE, spent: [{ year: 2024, amount: 500_000 }] });
    expect(ledgerDeadline(allSpent, "repayment-2024")).toMatchObject({ state: "met", doneOn: null });
    expect(allSpent.warnings).toEqual([]);
  });

  it("repayment met on the day the repayments reach the unused amount; late if after the deadline", () => {
    const entries = { ...ACCEPTANCE, repayments: [{ year: 2024, amount: 20_000, date: "2025-03-01" }, { year: 2024, amount: 50_000, date: "2025-04-05" }] };
    expect(ledgerDeadline(at("2025-04-04", entries), "repayment-2024")).toMatchObject({ state: "overdue", days: 4 });
    expect(ledgerDeadline(at("2025-04-05", entries), "repayment-2024")).toMatchObject({ state: "late", doneOn: "2025-04-05", days: 5 });
    expect(deadlineNote(ledgerDeadline(at("2025-04-05", entries), "repayment-2024")!, "en")).toMatch(/done 2025-04-05, 5 days late$/);
  });

  it("reports: met when submitted, overdue otherwise", () => {
    const entries = { ...ACCEPTANCE, submitted: [{ item: "financial-report-2024", date: "2025-03-28" }] };
    const l = at("2027-01-01", entries);
    expect(ledgerDeadline(l, "financial-report-2024")).toMatchObject({ state: "met", doneOn: "2025-03-28" });
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
    expect(deadlineState("2026-12-15", "2026-12-01")).toEqual({ state: "due", days: 14 });
    expect(deadlineState("2026-12-15", "2026-12-16")).toEqual({ state: "overdue", days: 1 });
    expect(deadlineState("2026-12-15", "2026-12-16", "2026-12-10")).toEqual({ state: "met", days: null });
    // Across the end of summer time and a leap day: calendar days, no drift.
    expect(deadlineState("2024-03-31", "2024-02-28")).toEqual({ state: "due", days: 32 });
    expect(deadlineState("2024-10-28", "2024-10-26")).toEqual({ state: "due", days: 2 });
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
