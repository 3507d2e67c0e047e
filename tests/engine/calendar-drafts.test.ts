import { AGREEMENT_2020, ASSIGNMENT_2024 } from "../../src/agreements";
import type { AllocationAgreement, GrantDecision, Post } from "../../src/agreements";
import {
  CalendarEvent,
  allocationEvents,
  compareEvents,
  grantEvents,
  paymentCalendar,
} from "../../src/engine/calendar";
import { compute } from "../../src/engine/compute";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * Planners model drafts and amendments: an agreement or a decision is data. These drafts are
 * built in each test from the shipped documents, changing only what the test is about.
 */
function draftAgreement(id: string, change: (post: Post) => Post | Post[]): AllocationAgreement {
  return { ...AGREEMENT_2020, id, posts: AGREEMENT_2020.posts.flatMap(change) };
}

const post = (id: string) => AGREEMENT_2020.posts.find((p) => p.id === id)!;
const titles = (events: CalendarEvent[]) => events.map((e) => [e.title.sv, e.title.en]);
const payoutsTo = (events: CalendarEvent[], recipient: string) =>
  events.filter((e) => e.kind === "payout" && e.recipient === recipient);

describe("a draft agreement's payout titles", () => {
  it("give the day of money reserved for a dated day, and the year of a payout dated by year", () => {
    const draft = draftAgreement("sjuk-2020-draft", (p) =>
      p.id === "followup"
        ? { ...p, payoutDate: "2021-06-30" }
        : p.id === "coord-skr"
          ? { ...p, payoutDate: "2021" }
          : p
    );
    const events = allocationEvents(draft);
    expect(titles(payoutsTo(events, "government"))).toEqual([
      [
        "Reserverat för uppföljning och utvärdering (beslutas av regeringen) 2021-06-30",
        "Reserved for follow-up and evaluation (decided by the government) 2021-06-30",
      ],
    ]);
    const skr = payoutsTo(events, "SKR");
    expect(skr.map((e) => [e.date, e.yearOnly, e.amount, e.title.sv, e.title.en])).toEqual([
      [
        "2021-01-27",
        false,
        51_500_000,
        "Utbetalning till SKR (senast)",
        "Payout to SKR (at the latest)",
      ],
      [
        "2021",
        true,
        6_300_000,
        "Utbetalning till SKR under 2021 (senast)",
        "Payout to SKR during 2021 (at the latest)",
      ],
    ]);
  });

  it("say Utbetalning when only part of a day's money to a recipient is reserved", () => {
    const draft = draftAgreement("sjuk-2020-draft", (p) =>
      p.id === "followup"
        ? [
            { ...p, amount: 8_000_000 },
            { ...p, id: "followup-paid", reservation: false, amount: 2_000_000 },
          ]
        : p
    );
    const government = payoutsTo(allocationEvents(draft), "government");
    expect(government.map((e) => [e.amount, e.items, e.title.sv])).toEqual([
      [
        10_000_000,
        ["followup", "followup-paid"],
        "Utbetalning till uppföljning och utvärdering (beslutas av regeringen) under 2021 (senast)",
      ],
    ]);
  });

  it("name a recipient the calendar has no label for by its id, after the known ones", () => {
    const draft = draftAgreement("sjuk-2020-draft", (p) =>
      p.id === "v4" ? { ...p, recipient: "Inera" } : p
    );
    const day = paymentCalendar(
      { allocations: [draft] },
      { from: "2021-01-27", to: "2021-01-27" }
    ).filter((e) => !e.yearOnly);
    expect(day.map((e) => [e.recipient, e.title.sv, e.title.en])).toEqual([
      ["regions", "Utbetalning till regionerna (senast)", "Payout to the regions (at the latest)"],
      ["SKR", "Utbetalning till SKR (senast)", "Payout to SKR (at the latest)"],
      [
        "Försäkringskassan",
        "Utbetalning till Försäkringskassan (senast)",
        "Payout to Försäkringskassan (at the latest)",
      ],
      [
        "Socialstyrelsen",
        "Utbetalning till Socialstyrelsen (senast)",
        "Payout to Socialstyrelsen (at the latest)",
      ],
      ["Inera", "Utbetalning till Inera (senast)", "Payout to Inera (at the latest)"],
    ]);
    // An event without a recipient (a hand-made one) sorts after even an unknown recipient.
    const inera = day[4]!;
    const nobody: CalendarEvent = { ...inera, recipient: undefined, title: { sv: "A", en: "A" } };
    expect([nobody, inera].sort(compareEvents)).toEqual([inera, nobody]);
    expect(compareEvents(nobody, inera)).toBeGreaterThan(0);
  });

  it("refuse a day's payout that adds up past what a number holds exactly, naming it", () => {
    const draft = draftAgreement("sjuk-2020-draft", (p) =>
      p.id === "v4-skr" || p.id === "v5-skr" ? { ...p, amount: 5_000_000_000_000_000 } : p
    );
    expect(() => allocationEvents(draft)).toThrow(
      "payout 2021-01-27 to SKR: 10000000009300000 is too large"
    );
  });
});

describe("a compute() result in the calendar", () => {
  it("is used for its own agreement only; two agreements' same-day events sort by id", () => {
    const draft = draftAgreement("sjuk-2020-juni", (p) => p);
    const result = compute(draft, {
      key: shippedPopulationKey(),
      fulfilment: { v1: { "01": false } },
    });
    const day = paymentCalendar(
      { allocations: [draft, AGREEMENT_2020], computed: [result] },
      { from: "2021-01-27", to: "2021-01-27", kinds: ["payout"] }
    );
    expect(day.filter((e) => e.recipient === "regions").map((e) => [e.source, e.amount])).toEqual([
      ["sjuk-2020", 790_000_000],
      ["sjuk-2020-juni", 766_983_195],
    ]);
    expect(() => allocationEvents(AGREEMENT_2020, result)).toThrow(
      "the compute() result is for sjuk-2020-juni, not sjuk-2020"
    );
  });
});

describe("a grant decision once a planned year is confirmed", () => {
  /** The assignment with 2025's 2 000 000 kr appropriated (fixed) and requisitioned by 31 March 2025. */
  function confirmed2025(): GrantDecision {
    const [y2024, y2025, y2026] = ASSIGNMENT_2024.years;
    const { condition: _unused, ...rest } = y2025!;
    const requisition = {
      once: false,
      by: "2025-03-31",
      to: "Kammarkollegiet",
      quote: "Rekvisition.",
    };
    return {
      ...ASSIGNMENT_2024,
      years: [y2024!, { ...rest, status: "fixed", requisition }, y2026!],
    };
  }

  it("asks for that year's amount, not a ceiling, and puts money before reports on a shared day", () => {
    const day = paymentCalendar(
      { grants: [confirmed2025()] },
      { from: "2025-03-31", to: "2025-03-31" }
    );
    expect(day.map((e) => [e.kind, e.items[0], e.amount, e.atMost])).toEqual([
      ["requisition", "requisition-2025", 2_000_000, undefined],
      ["repayment", "repayment-2024", undefined, undefined],
      ["report", "financial-report-2024", undefined, undefined],
    ]);
    expect(day[0]!.title.sv).toBe("Rekvisition av medel för 2025 till Kammarkollegiet");
    expect(day[0]!).not.toHaveProperty("atMost");
    expect(day[1]!).not.toHaveProperty("amount");
  });

  it("describes a planned year without a condition text by the decision's words alone", () => {
    const y2026 = ASSIGNMENT_2024.years[2]!;
    const { condition: _unused, ...bare } = y2026;
    const decision = { ...ASSIGNMENT_2024, years: [bare] } as GrantDecision;
    const planned = grantEvents(decision).find((e) => e.conditional);
    expect(planned!.description).toEqual({ sv: y2026.quote, en: `Decision: "${y2026.quote}"` });
    expect(planned!.title.sv).toBe("Planerade medel 2026 till Socialstyrelsen (villkorat)");
  });
});
