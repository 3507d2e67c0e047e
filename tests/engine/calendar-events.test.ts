import { AGREEMENTS, AGREEMENT_2020, ASSIGNMENT_2024, GRANT_DECISIONS } from "../../src/agreements";
import {
  CalendarEvent,
  allocationEvents,
  grantEvents,
  paymentCalendar,
} from "../../src/engine/calendar";
import { compute } from "../../src/engine/compute";
import { shippedPopulationKey } from "../../src/reference/population";

const ALL = { allocations: AGREEMENTS, grants: GRANT_DECISIONS };
const AGREEMENT_SV =
  "Överenskommelsen ”En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020”, undertecknad 2019-12-17";
const AGREEMENT_EN =
  'The agreement "A quality-assured and effective sick-leave and rehabilitation process 2020", signed 2019-12-17';
const DECISION = {
  sv: "Beslutet ”Uppdrag att stärka hälso- och sjukvårdens arbete med sjukskrivning och rehabilitering” (Regeringen (Socialdepartementet))",
  en: 'The decision "Assignment to strengthen health care\'s work with sick leave and rehabilitation" (Regeringen (Socialdepartementet))',
};
const texts = (e: CalendarEvent) => [e.title.sv, e.title.en, e.description.sv, e.description.en];

describe("the 2020 agreement's payouts (senast 27 januari 2021, 29 april 2021)", () => {
  it("are titled and described per post in both languages, ceilings as högst / at most", () => {
    const payouts = allocationEvents(AGREEMENT_2020).filter((e) => e.kind === "payout");
    expect(payouts.map(texts)).toEqual([
      [
        "Utbetalning till regionerna (senast)",
        "Payout to the regions (at the latest)",
        "Villkor 1 Ledning och styrning i försäkringsmedicin: 100 000 000 kr; Villkor 2 Funktion för koordinering: 140 000 000 kr; Villkor 3 Insatser för lindrig och medelsvår psykisk ohälsa och långvarig smärta: 500 000 000 kr; Villkor 4 Utökat elektroniskt informationsutbyte, regionernas utvecklingsarbete: 50 000 000 kr",
        "Condition 1 Management and governance in insurance medicine: SEK 100 000 000; Condition 2 Coordination function: SEK 140 000 000; Condition 3 Treatment of mild to moderate mental ill-health and long-term pain: SEK 500 000 000; Condition 4 Extended electronic information exchange, regional development: SEK 50 000 000",
      ],
      [
        "Utbetalning till Socialstyrelsen (senast)",
        "Payout to Socialstyrelsen (at the latest)",
        "Villkor 1 Ledning och styrning i försäkringsmedicin, Socialstyrelsen: 1 200 000 kr; Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, Socialstyrelsen: 11 500 000 kr; Villkor 5 Utvecklingsmedel för stöd till rätt sjukskrivning (SRS), Socialstyrelsen: högst 1 500 000 kr",
        "Condition 1 Management and governance in insurance medicine, Socialstyrelsen: SEK 1 200 000; Condition 4 Extended electronic information exchange, national, Socialstyrelsen: SEK 11 500 000; Condition 5 Development funds for support for correct sick leave (SRS), Socialstyrelsen: at most SEK 1 500 000",
      ],
      [
        "Utbetalning till regionerna (senast)",
        "Payout to the regions (at the latest)",
        "Villkor 3 Kontakter med arbetsgivare eller Arbetsförmedlingen: högst 50 000 000 kr",
        "Condition 3 Contacts with employers or Arbetsförmedlingen: at most SEK 50 000 000",
      ],
      [
        "Utbetalning till SKR (senast)",
        "Payout to SKR (at the latest)",
        "Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, SKR: 39 000 000 kr; Villkor 5 Utvecklingsmedel för stöd till rätt sjukskrivning (SRS), SKR: högst 9 500 000 kr; Utvecklingsinsatser, arbetsgivare och företagshälsovård, SKR: högst 3 000 000 kr; Samordning och stöd, SKR: högst 6 300 000 kr",
        "Condition 4 Extended electronic information exchange, national, SKR: SEK 39 000 000; Condition 5 Development funds for support for correct sick leave (SRS), SKR: at most SEK 9 500 000; Development work with employers and occupational health services, SKR: at most SEK 3 000 000; Coordination and support, SKR: at most SEK 6 300 000",
      ],
      [
        "Utbetalning till Försäkringskassan (senast)",
        "Payout to Försäkringskassan (at the latest)",
        "Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, Försäkringskassan: 12 000 000 kr; Utvecklingsinsatser, samarbete hälso- och sjukvården och Försäkringskassan: högst 10 000 000 kr",
        "Condition 4 Extended electronic information exchange, national, Försäkringskassan: SEK 12 000 000; Development work, cooperation between health care and Försäkringskassan: at most SEK 10 000 000",
      ],
      [
        "Reserverat för uppföljning och utvärdering (beslutas av regeringen) under 2021",
        "Reserved for follow-up and evaluation (decided by the government) during 2021",
        "Uppföljning och utvärdering (reserveras; användningen beslutas av regeringen): 10 000 000 kr",
        "Follow-up and evaluation (reserved; the government decides its use): SEK 10 000 000",
      ],
    ]);
    expect(payouts.map((e) => [e.date, e.recipient, e.amount, e.atMost ?? false])).toEqual([
      ["2021-01-27", "regions", 790_000_000, false],
      ["2021-01-27", "Socialstyrelsen", 14_200_000, true],
      ["2021-04-29", "regions", 50_000_000, true],
      ["2021-01-27", "SKR", 57_800_000, true],
      ["2021-01-27", "Försäkringskassan", 22_000_000, true],
      ["2021", "government", 10_000_000, false],
    ]);
  });

  it("name the agreement as its reader knows it: title and signing day", () => {
    for (const e of allocationEvents(AGREEMENT_2020))
      expect(e.document).toEqual({ sv: AGREEMENT_SV, en: AGREEMENT_EN });
  });

  it("with a compute() result carry what it pays, without högst and without the ceiling flag", () => {
    const result = compute(AGREEMENT_2020, {
      key: shippedPopulationKey(),
      fulfilment: { v1: { "01": false } },
    });
    const paid = (id: string) => result.posts.find((p) => p.post.id === id)!.paid;
    const events = allocationEvents(AGREEMENT_2020, result).filter((e) => e.kind === "payout");
    expect(events.every((e) => e.atMost === undefined)).toBe(true);
    const skr = events.find((e) => e.recipient === "SKR")!;
    expect(skr.description.sv).toBe(
      "Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, SKR: 39 000 000 kr; Villkor 5 Utvecklingsmedel för stöd till rätt sjukskrivning (SRS), SKR: 9 500 000 kr; Utvecklingsinsatser, arbetsgivare och företagshälsovård, SKR: 3 000 000 kr; Samordning och stöd, SKR: 6 300 000 kr"
    );
    expect(skr.description.en).toBe(
      "Condition 4 Extended electronic information exchange, national, SKR: SEK 39 000 000; Condition 5 Development funds for support for correct sick leave (SRS), SKR: SEK 9 500 000; Development work with employers and occupational health services, SKR: SEK 3 000 000; Coordination and support, SKR: SEK 6 300 000"
    );
    // Villkor 1 without Region Stockholm (01): its share of the shipped key lapses (23 016 805 kr).
    expect(paid("v1")).toBe(76_983_195);
    const regions = events[0]!;
    expect(regions.amount).toBe(766_983_195);
    expect(regions.description.sv.split("; ")[0]).toBe(
      "Villkor 1 Ledning och styrning i försäkringsmedicin: 76 983 195 kr"
    );
    expect(regions.description.en.split("; ")[0]).toBe(
      "Condition 1 Management and governance in insurance medicine: SEK 76 983 195"
    );
  });
});

describe("the 2020 agreement's report deadlines", () => {
  it("are grouped per day and report, ordered by title on a shared day, naming their posts", () => {
    const reports = paymentCalendar({ allocations: AGREEMENTS }).filter((e) => e.kind === "report");
    expect(reports.map((e) => [e.date, e.title.sv, e.title.en, e.items.join(" ")])).toEqual([
      [
        "2020-06-12",
        "Delrapport till regeringen",
        "Interim report to the government",
        "v4-skr v4-fk v4-sos",
      ],
      [
        "2020-10-02",
        "Regionerna återrapporterar till Försäkringskassan",
        "Regions report to Försäkringskassan",
        "v1 v2",
      ],
      ["2020-10-30", "Slutredovisning delvillkor 5–7", "Final report, parts 5–7", "v4-skr v4-fk"],
      [
        "2020-12-11",
        "Redovisning till regeringen",
        "Report to the government",
        "v5-skr v5-sos dev-skr dev-fk coord-skr",
      ],
      [
        "2020-12-11",
        "Regionerna redovisar till Försäkringskassan",
        "Regions report to Försäkringskassan",
        "v4",
      ],
      [
        "2020-12-11",
        "Slutredovisning delvillkor 1–4",
        "Final report, parts 1–4",
        "v4-skr v4-fk v4-sos",
      ],
      [
        "2021-03-27",
        "Antal behandlingar per område och kön, och kontakter med arbetsgivare/Arbetsförmedlingen",
        "Treatments per area and sex, and contacts with employers/Arbetsförmedlingen",
        "v3",
      ],
      [
        "2021-03-27",
        "Antal kontakter med arbetsgivare/Arbetsförmedlingen",
        "Number of contacts with employers/Arbetsförmedlingen",
        "v3-contacts",
      ],
    ]);
  });

  it("are described by the titles of the posts that report", () => {
    const reports = allocationEvents(AGREEMENT_2020).filter((e) => e.kind === "report");
    const at = (date: string) => reports.filter((e) => e.date === date).map((e) => e.description);
    expect(at("2020-10-02")).toEqual([
      {
        sv: "Villkor 1 Ledning och styrning i försäkringsmedicin; Villkor 2 Funktion för koordinering",
        en: "Condition 1 Management and governance in insurance medicine; Condition 2 Coordination function",
      },
    ]);
    expect(at("2020-10-30")).toEqual([
      {
        sv: "Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, SKR; Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, Försäkringskassan",
        en: "Condition 4 Extended electronic information exchange, national, SKR; Condition 4 Extended electronic information exchange, national, Försäkringskassan",
      },
    ]);
    expect(reports.every((e) => e.amount === undefined && e.recipient === undefined)).toBe(true);
  });
});

describe("the 2024 assignment's deadlines and planned money", () => {
  it("are exactly these events, each quoting the decision", () => {
    expect(grantEvents(ASSIGNMENT_2024)).toStrictEqual([
      {
        date: "2024-12-01",
        yearOnly: false,
        kind: "requisition",
        title: {
          sv: "Rekvisition av medel för 2024 till Kammarkollegiet (engångsvis)",
          en: "Requisition of the 2024 funds from Kammarkollegiet (once only)",
        },
        description: {
          sv: "Socialstyrelsen, senast 2024-12-01. Medlen betalas ut engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024.",
          en: 'Socialstyrelsen, at the latest 2024-12-01. Decision: "Medlen betalas ut engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024."',
        },
        amount: 500_000,
        atMost: true,
        to: "Kammarkollegiet",
        source: "socialstyrelsen-2024",
        document: DECISION,
        items: ["requisition-2024"],
      },
      {
        date: "2025-03-31",
        yearOnly: false,
        kind: "repayment",
        title: {
          sv: "Återbetalning av oanvända medel för 2024 till Kammarkollegiet",
          en: "Repayment of unused 2024 funds to Kammarkollegiet",
        },
        description: {
          sv: "Socialstyrelsen, senast 2025-03-31. Medel som inte har använts för avsett ändamål ska återbetalas senast den 31 mars 2025 till Kammarkollegiet.",
          en: 'Socialstyrelsen, at the latest 2025-03-31. Decision: "Medel som inte har använts för avsett ändamål ska återbetalas senast den 31 mars 2025 till Kammarkollegiet."',
        },
        to: "Kammarkollegiet",
        source: "socialstyrelsen-2024",
        document: DECISION,
        items: ["repayment-2024"],
      },
      {
        date: "2025-03-31",
        yearOnly: false,
        kind: "report",
        title: {
          sv: "Ekonomisk redovisning av använda medel för 2024 till Kammarkollegiet",
          en: "Financial report on the 2024 funds used, to Kammarkollegiet",
        },
        description: {
          sv: "Socialstyrelsen, senast 2025-03-31. Vid samma tidpunkt ska en ekonomisk redovisning av använda medel lämnas till Kammarkollegiet.",
          en: 'Socialstyrelsen, at the latest 2025-03-31. Decision: "Vid samma tidpunkt ska en ekonomisk redovisning av använda medel lämnas till Kammarkollegiet."',
        },
        to: "Kammarkollegiet",
        source: "socialstyrelsen-2024",
        document: DECISION,
        items: ["financial-report-2024"],
      },
      {
        date: "2026-12-15",
        yearOnly: false,
        kind: "final-report",
        title: {
          sv: "Redovisning av uppdraget till Regeringskansliet (Socialdepartementet)",
          en: "Final report on the assignment to Regeringskansliet (Socialdepartementet)",
        },
        description: {
          sv: "Socialstyrelsen, senast 2026-12-15. Socialstyrelsen ska senast den 15 december 2026 lämna en redovisning av uppdraget till Regeringskansliet (Socialdepartementet).",
          en: 'Socialstyrelsen, at the latest 2026-12-15. Decision: "Socialstyrelsen ska senast den 15 december 2026 lämna en redovisning av uppdraget till Regeringskansliet (Socialdepartementet)."',
        },
        to: "Regeringskansliet (Socialdepartementet)",
        source: "socialstyrelsen-2024",
        document: DECISION,
        items: ["final-report"],
      },
      planned(2025),
      planned(2026),
    ]);
  });
});

/** The planned 2 000 000 kr of 2025 or 2026: only money if the Riksdag appropriates it. */
function planned(year: number): CalendarEvent {
  const quote =
    "Regeringen beräknar att 2 miljoner kronor kommer att avsättas för uppdraget för 2025 och 2 miljoner kronor för 2026, under förutsättning att riksdagen anvisat medel för det aktuella anslaget.";
  return {
    date: String(year),
    yearOnly: true,
    kind: "payout",
    title: {
      sv: `Planerade medel ${year} till Socialstyrelsen (villkorat)`,
      en: `Planned funds ${year} for Socialstyrelsen (conditional)`,
    },
    description: {
      sv: `Under förutsättning att riksdagen anvisat medel för det aktuella anslaget. ${quote}`,
      en: `Provided that the Riksdag has appropriated funds for the appropriation in question. Decision: "${quote}"`,
    },
    amount: 2_000_000,
    conditional: true,
    recipient: "Socialstyrelsen",
    source: "socialstyrelsen-2024",
    document: DECISION,
    items: [`grant-${year}`],
  };
}

describe("a calendar of one kind of document", () => {
  it("holds only that document's events", () => {
    const grants = paymentCalendar({ grants: GRANT_DECISIONS });
    expect(grants.map((e) => e.items[0])).toEqual([
      "requisition-2024",
      "repayment-2024",
      "financial-report-2024",
      "grant-2025",
      "final-report",
      "grant-2026",
    ]);
    const allocations = paymentCalendar({ allocations: AGREEMENTS });
    expect(allocations).toHaveLength(14);
    expect(allocations.every((e) => e.source === "sjuk-2020")).toBe(true);
    expect(paymentCalendar({})).toEqual([]);
    expect(paymentCalendar(ALL)).toHaveLength(20);
  });
});
