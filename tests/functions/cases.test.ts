import { compute, REGIONS } from "../../src/engine";
import { AGREEMENT_2020 } from "../../src/agreements";
import { shippedPopulationKey } from "../../src/reference/population";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { FunctionFailure, badValue, notAvailable } from "../../src/functions/values";
import { render } from "../../src/core/messages";
import {
  CaseArg,
  Outcome,
  evaluateInHyperFormula,
  evaluateInOffice,
  installCustomFunctionsMock,
  officeFunctions,
  withOfficeDisplayLanguage,
} from "./harness";

installCustomFunctionsMock();
// Each path computes for itself: no outcome carried over from the other host.
beforeEach(() => clearScenarioCaches());
const office = officeFunctions();

const key = shippedPopulationKey();
const figures = REGIONS.map((r) => Number(key.figures[r.code]));
const keyColumn = { range: figures.map((f) => [f]) };
const keyTwoColumns = {
  range: [["Region", "Invånare"], ...REGIONS.map((r, i) => [r.short.toUpperCase(), figures[i]!])]
    .reverse()
    .reverse(),
};
const engine = compute(AGREEMENT_2020, { key });
const paid = (post: string, code: string) =>
  engine.posts.find((p) => p.post.id === post)!.payments.find((p) => p.recipient === code)!.amount;

const byDhondt = compute(AGREEMENT_2020, { key }, { method: "dhondt" });
const paidByDhondt = (post: string, code: string) =>
  byDhondt.posts.find((p) => p.post.id === post)!.payments.find((p) => p.recipient === code)!
    .amount;

const notFulfillingV1 = {
  range: [["v1"], ...REGIONS.map((r) => [r.code === "12" ? "nej" : "ja"])],
};
const contacts = { range: REGIONS.map((_, i) => [i % 3 === 0 ? 0 : 2_000 + 100 * i]) };

type Expected = { value: unknown } | { error: "value" | "na"; message: string | RegExp };
interface Case {
  name: string;
  fn: string;
  args: CaseArg[];
  expected: Expected;
}

// One table of formula cases: every case runs through the Office path (custom-functions runtime
// mocked) and through HyperFormula for real; both must give these values and these errors.
const CASES: Case[] = [
  {
    name: "Skåne's villkor 1 share",
    fn: "SHARE",
    args: ["Region Skåne", keyColumn, "v1"],
    expected: { value: paid("v1", "12") },
  },
  {
    name: "short name, any case, county code",
    fn: "SHARE",
    args: ["skåne", keyColumn, "V1"],
    expected: { value: 13_341_226 },
  },
  {
    name: "county code as a number",
    fn: "SHARE",
    args: [12, keyColumn, "v2"],
    expected: { value: paid("v2", "12") },
  },
  {
    name: "region and figure columns, with headings",
    fn: "SHARE",
    args: ["Gotland", keyTwoColumns, "v3"],
    expected: { value: paid("v3", "09") },
  },
  {
    name: "all regional posts",
    fn: "SHARE",
    args: ["Region Stockholm", keyColumn],
    expected: { value: engine.byRegion.find((r) => r.recipient === "01")!.amount },
  },
  {
    name: "lapse: Skåne not fulfilling villkor 1 gets nothing",
    fn: "SHARE",
    args: ["Skåne", keyColumn, "v1", notFulfillingV1],
    expected: { value: 0 },
  },
  {
    name: "share: the others share Skåne's part",
    fn: "SHARE",
    args: ["Stockholm", keyColumn, "v1", notFulfillingV1, "share"],
    expected: {
      value: compute(
        AGREEMENT_2020,
        { key, fulfilment: { v1: { "12": false } } },
        { nonFulfilment: "share" }
      ).posts[0]!.payments[0]!.amount,
    },
  },
  {
    name: "unknown region lists the closest",
    fn: "SHARE",
    args: ["Skåningen", keyColumn, "v1"],
    expected: {
      error: "value",
      message:
        'region: "Skåningen" is not a region; closest: Region Skåne, Region Blekinge, Region Jönköpings län',
    },
  },
  {
    name: "text in the key names the row",
    fn: "SHARE",
    args: ["Skåne", { range: figures.map((f, i) => [i === 3 ? "tolv" : f]) }, "v1"],
    expected: { error: "value", message: 'key, row 4: "tolv" is not a number' },
  },
  {
    name: "a negative figure",
    fn: "SHARE",
    args: ["Skåne", { range: figures.map((f, i) => [i === 0 ? -5 : f]) }, "v1"],
    expected: { error: "value", message: "key, row 1: -5 is negative" },
  },
  {
    name: "too few figures",
    fn: "SHARE",
    args: ["Skåne", { range: figures.slice(0, 20).map((f) => [f]) }, "v1"],
    expected: { error: "value", message: /expected 21 figures in county-code order .* got 20/ },
  },
  {
    name: "unknown post is #N/A",
    fn: "SHARE",
    args: ["Skåne", keyColumn, "v9"],
    expected: { error: "na", message: /"v9" is not a post of the 2020 agreement/ },
  },
  {
    name: "a post to SKR is not a regional post",
    fn: "SHARE",
    args: ["Skåne", keyColumn, "v4-skr"],
    expected: { error: "value", message: /v4-skr goes to SKR, not to the regions/ },
  },
  {
    name: "a bad option",
    fn: "SHARE",
    args: ["Skåne", keyColumn, "v1", null, "halve"],
    expected: { error: "value", message: /options: "halve" is not an option/ },
  },
  {
    name: "SHARES spills every region × regional post",
    fn: "SHARES",
    args: [keyColumn],
    expected: {
      value: REGIONS.map((r) =>
        ["v1", "v2", "v3", "v3-contacts", "v4"].map((p) => paid(p, r.code))
      ),
    },
  },
  {
    name: "SHARES of one post: a column that adds up to the post (100 000 000 kr for v1)",
    fn: "SHARES",
    args: [keyTwoColumns, "v1"],
    expected: { value: REGIONS.map((r) => [paid("v1", r.code)]) },
  },
  {
    name: "SHARES with fulfilment, contacts and unpaid-contacts, post left empty",
    fn: "SHARES",
    args: [keyColumn, null, notFulfillingV1, contacts, "share, unpaid-contacts"],
    expected: {
      value: (() => {
        const r = compute(
          AGREEMENT_2020,
          {
            key,
            fulfilment: { v1: { "12": false } },
            contacts: {
              contacts: Object.fromEntries(REGIONS.map((x, i) => [x.code, contacts.range[i]![0]!])),
            },
          },
          { nonFulfilment: "share", redistribution: "unpaid-contacts" }
        );
        return REGIONS.map((x) =>
          ["v1", "v2", "v3", "v3-contacts", "v4"].map(
            (p) =>
              r.posts.find((q) => q.post.id === p)!.payments.find((y) => y.recipient === x.code)!
                .amount
          )
        );
      })(),
    },
  },
  {
    name: "SHARES refuses a post to SKR",
    fn: "SHARES",
    args: [keyColumn, "v4-skr"],
    expected: { error: "value", message: /v4-skr goes to SKR, not to the regions/ },
  },
  {
    name: "ALLOCATE spills and adds up",
    fn: "ALLOCATE",
    args: [10, { range: [[1], [1], [1]] }],
    expected: { value: [[4], [3], [3]] },
  },
  {
    name: "ALLOCATE over a row",
    fn: "ALLOCATE",
    args: [100, { range: [[3, 3.5, 3.5]] }],
    expected: { value: [[30, 35, 35]] },
  },
  {
    name: "ALLOCATE refuses an empty weight",
    fn: "ALLOCATE",
    args: [100, { range: [[1], [null], [2]] }],
    expected: { error: "value", message: "weights, row 2: the cell is empty" },
  },
  {
    name: "ALLOCATE refuses zero-sum weights",
    fn: "ALLOCATE",
    args: [100, { range: [[0], [0]] }],
    expected: { error: "value", message: /add up to zero/ },
  },
  {
    name: "SHARE with a method word in the options (d'hondt)",
    fn: "SHARE",
    args: ["Stockholm", keyColumn, "v3", null, "d'hondt"],
    expected: { value: paidByDhondt("v3", "01") },
  },
  {
    name: "ALLOCATE by Sainte-Laguë (the Alabama weights, 25 units)",
    fn: "ALLOCATE",
    args: [25, { range: [[1500], [1500], [900], [500], [500], [200]] }, "sainte-lague"],
    expected: { value: [[8], [8], [4], [2], [2], [1]] },
  },
  {
    name: "ALLOCATE by largest remainder (the Alabama weights, 25 units)",
    fn: "ALLOCATE",
    args: [25, { range: [[1500], [1500], [900], [500], [500], [200]] }, "största rest"],
    expected: { value: [[7], [7], [4], [3], [3], [1]] },
  },
  {
    name: "ALLOCATE by D'Hondt, in Swedish words",
    fn: "ALLOCATE",
    args: [8, { range: [[100000, 80000, 30000, 20000]] }, "d'Hondt"],
    expected: { value: [[4, 3, 1, 0]] },
  },
  {
    name: "ALLOCATE by the modified odd-number method (jämkade uddatalsmetoden)",
    fn: "ALLOCATE",
    args: [8, { range: [[100000, 80000, 30000, 20000]] }, "jämkade uddatalsmetoden"],
    expected: { value: [[3, 3, 1, 1]] },
  },
  {
    name: "ALLOCATE refuses an unknown method",
    fn: "ALLOCATE",
    args: [8, { range: [[1], [2]] }, "huntington"],
    expected: {
      error: "value",
      message:
        'method: "huntington" is not an apportionment method; use hamilton (largest remainder), sainte-lague or dhondt',
    },
  },
  {
    name: "SENSITIVITY of Skåne to ± 1 000 inhabitants",
    fn: "SENSITIVITY",
    args: ["Skåne", keyColumn],
    expected: {
      value: [
        ["Post", "Payment", "Key − 1 000", "Key + 1 000", "Change at − 1 000", "Change at + 1 000"],
        ["v1", 13_341_226, 13_332_834, 13_349_616, -8_392, 8_390],
        ["v2", 18_677_717, 18_665_968, 18_689_463, -11_749, 11_746],
        ["v3", 66_706_131, 66_664_172, 66_748_081, -41_959, 41_950],
        ["v3-contacts", 6_670_613, 6_666_417, 6_674_808, -4_196, 4_195],
        ["v4", 6_670_613, 6_666_417, 6_674_808, -4_196, 4_195],
        ["Total", 112_066_300, 111_995_808, 112_136_776, -70_492, 70_476],
      ],
    },
  },
  {
    name: "SENSITIVITY refuses a delta that makes the figure negative",
    fn: "SENSITIVITY",
    args: ["Gotland", keyColumn, 60_000],
    expected: {
      error: "value",
      message: "population, 09: 59686 less 60000 would be negative; choose a smaller delta",
    },
  },
  {
    name: "IMPACT of Gotland not fulfilling v2 (lapse): its share is not paid out",
    fn: "IMPACT",
    args: ["Gotland", "v2", keyColumn],
    expected: {
      value: [
        ["Region", "Gotland fulfils v2", "Gotland does not fulfil v2", "Difference"],
        ...REGIONS.map((r) => [
          r.name,
          paid("v2", r.code),
          r.code === "09" ? 0 : paid("v2", r.code),
          r.code === "09" ? -809_099 : 0,
        ]),
        ["Not paid out", 0, 809_099, 809_099],
        ["Total", 140_000_000, 140_000_000, 0],
      ],
    },
  },
  {
    name: "IMPACT refuses a post that is not regional",
    fn: "IMPACT",
    args: ["Gotland", "v4-skr", keyColumn],
    expected: { error: "na", message: /"v4-skr" is not a regional post/ },
  },
  {
    name: "ALLOCATE refuses part kronor",
    fn: "ALLOCATE",
    args: [10.5, { range: [[1], [1]] }],
    expected: { error: "value", message: "amount: 10.5 is not whole, non-negative kronor" },
  },
  { name: "POST", fn: "POST", args: ["v3"], expected: { value: 500_000_000 } },
  { name: "TOTAL of SKR", fn: "TOTAL", args: ["SKR"], expected: { value: 57_800_000 } },
  {
    name: "TOTAL of the regions",
    fn: "TOTAL",
    args: ["regionerna"],
    expected: { value: 840_000_000 },
  },
  { name: "TOTAL of everything", fn: "TOTAL", args: [], expected: { value: 944_000_000 } },
  {
    name: "TOTAL of an unknown recipient",
    fn: "TOTAL",
    args: ["Kammarkollegiet"],
    expected: { error: "na", message: /"Kammarkollegiet" is not one of/ },
  },
  {
    name: "PAYDATE is an Excel serial (2021-04-29)",
    fn: "PAYDATE",
    args: ["v3-contacts"],
    expected: { value: 44_315 },
  },
  {
    name: "PAYDATE of a year-only post",
    fn: "PAYDATE",
    args: ["followup"],
    expected: {
      error: "na",
      message: "post followup: the agreement gives only the year 2021, no date",
    },
  },
  {
    name: "CONTACTS after redistribution",
    fn: "CONTACTS",
    args: ["Uppsala", keyColumn, contacts],
    expected: {
      value: compute(AGREEMENT_2020, {
        key,
        contacts: {
          contacts: Object.fromEntries(REGIONS.map((r, i) => [r.code, contacts.range[i]![0]!])),
        },
      }).posts.find((p) => p.post.id === "v3-contacts")!.payments[1]!.amount,
    },
  },
  {
    name: "CONTACTS refuses a negative count",
    fn: "CONTACTS",
    args: ["Uppsala", keyColumn, { range: contacts.range.map((r, i) => [i === 2 ? -1 : r[0]!]) }],
    expected: { error: "value", message: "contacts, row 3: -1 is negative; a count cannot be" },
  },
  {
    name: "CONTACTS: a region not fulfilling v3-contacts gets nothing",
    fn: "CONTACTS",
    args: [
      "Uppsala",
      keyColumn,
      contacts,
      null,
      {
        range: [
          ["region", "v3-contacts"],
          ["Uppsala", "nej"],
        ],
      },
    ],
    expected: { value: 0 },
  },
  {
    name: "CHECK is TRUE when all fulfil",
    fn: "CHECK",
    args: [keyColumn],
    expected: { value: true },
  },
  {
    name: "CHECK says what differs",
    fn: "CHECK",
    args: [keyColumn, notFulfillingV1],
    expected: {
      error: "value",
      message: /differs from Table 1: The regions: 826 658 774 kr, Table 1 says 840 000 000 kr/,
    },
  },
  {
    name: "a missing required argument",
    fn: "POST",
    args: [null],
    expected: { error: "value", message: "post is required" },
  },
  // The 2024 assignment to Socialstyrelsen: the grant ledger's functions.
  { name: "GRANT for 2024", fn: "GRANT", args: [2024], expected: { value: 500_000 } },
  {
    name: "GRANT for a planned year before the Riksdag confirms it",
    fn: "GRANT",
    args: [2025],
    expected: {
      error: "na",
      message: /2025: 2 000 000 kr is planned, on condition that the Riksdag appropriates it/,
    },
  },
  {
    name: "GRANT for a confirmed planned year: what the Riksdag appropriated",
    fn: "GRANT",
    args: [2026, 1_900_000],
    expected: { value: 1_900_000 },
  },
  {
    name: "GRANT refuses TRUE as the appropriation",
    fn: "GRANT",
    args: [2026, true],
    expected: {
      error: "value",
      message:
        "confirmed: give the amount the Riksdag appropriated for 2026, not yes: the government only estimated 2 000 000 kr",
    },
  },
  {
    name: "GRANT for a year without money",
    fn: "GRANT",
    args: [2023],
    expected: {
      error: "na",
      message: "year: the decision has no money for 2023 (years: 2024, 2025, 2026)",
    },
  },
  {
    name: "REPAY: 500 000 requisitioned, 430 000 spent",
    fn: "REPAY",
    args: [2024, 500_000, 430_000],
    expected: { value: 70_000 },
  },
  {
    name: "REPAY: spending above the requisition is an error",
    fn: "REPAY",
    args: [2024, 400_000, 430_000],
    expected: { error: "value", message: /430 000 kr.*400 000 kr/ },
  },
  {
    name: "REPAY: a requisition above the grant is an error",
    fn: "REPAY",
    args: [2024, 600_000, 0],
    expected: { error: "value", message: /600 000 kr.*500 000 kr/ },
  },
  {
    name: "REPAY: money of an unconfirmed year",
    fn: "REPAY",
    args: [2025, 100_000, 0],
    expected: {
      error: "value",
      message:
        /2025, whose 2 000 000 kr is only planned .*; give the amount appropriated as confirmed once the Riksdag has appropriated the money/,
    },
  },
  {
    name: "REPAY: a confirmed planned year",
    fn: "REPAY",
    args: [2025, 2_000_000, 1_800_000, 2_000_000],
    expected: { value: 200_000 },
  },
  {
    name: "REPAY: above what was appropriated",
    fn: "REPAY",
    args: [2025, 2_000_000, 1_400_000, 1_500_000],
    expected: {
      error: "value",
      message:
        "2 000 000 kr requisitioned for 2025 is more than the 1 500 000 kr granted (500 000 kr too much)",
    },
  },
  {
    name: "DEADLINE of the final report (2026-12-15)",
    fn: "DEADLINE",
    args: ["final-report"],
    expected: { value: 46_371 },
  },
  {
    name: "DEADLINE of an unknown item",
    fn: "DEADLINE",
    args: ["slutrapport"],
    expected: {
      error: "na",
      message: /"slutrapport" is not a deadline of the assignment \(requisition-2024, /,
    },
  },
  {
    name: "STATUS of the final report on 2026-12-01",
    fn: "STATUS",
    args: ["final-report", "2026-12-01"],
    expected: { value: "due in 14 days" },
  },
  {
    name: "STATUS with an Excel date (2025-04-02)",
    fn: "STATUS",
    args: ["repayment-2024", 45_749],
    expected: { value: "overdue by 2 days" },
  },
  {
    name: "STATUS of a requisition made in time",
    fn: "STATUS",
    args: ["requisition-2024", "2025-01-10", "2024-11-20"],
    expected: { value: "met" },
  },
  {
    name: "STATUS in Swedish on 2026-12-01",
    fn: "STATUS",
    args: ["final-report", "2026-12-01", null, "sv"],
    expected: { value: "14 dagar kvar" },
  },
  {
    name: "STATUS in Swedish, met",
    fn: "STATUS",
    args: ["requisition-2024", "2025-01-10", "2024-11-20", "SV"],
    expected: { value: "klart" },
  },
  {
    name: "STATUS in Swedish, overdue",
    fn: "STATUS",
    args: ["repayment-2024", 45_749, null, "sv"],
    expected: { value: "försenad 2 dagar" },
  },
  {
    name: "STATUS with a bad language",
    fn: "STATUS",
    args: ["final-report", "2026-12-01", null, "de"],
    expected: {
      error: "value",
      message:
        'language: "de" is not a language; write "sv" for Swedish or "en" (or leave it out) for English',
    },
  },
  {
    name: "STATUS with a bad date",
    fn: "STATUS",
    args: ["final-report", "igår"],
    expected: {
      error: "value",
      message: 'as_of: "igår" is not a date (an Excel date or YYYY-MM-DD)',
    },
  },
];

function check(outcome: Outcome, expected: Expected) {
  if ("error" in expected) {
    expect(outcome).toMatchObject({ error: expected.error });
    expect((outcome as { message: string }).message).toMatch(
      expected.message instanceof RegExp
        ? expected.message
        : new RegExp(`^${escape(expected.message)}$`)
    );
  } else {
    expect(outcome).toEqual({ value: expected.value });
  }
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const ARITY: Record<string, number> = {
  SHARE: 6,
  SHARES: 6,
  ALLOCATE: 3,
  POST: 2,
  TOTAL: 2,
  PAYDATE: 2,
  CONTACTS: 9,
  EXPLAIN: 8,
  CHECK: 5,
  SENSITIVITY: 7,
  IMPACT: 7,
  GRANT: 2,
  REPAY: 4,
  DEADLINE: 1,
  STATUS: 4,
};

describe.each(CASES)("$fn: $name", ({ fn, args, expected }) => {
  it("in HyperFormula", () => check(evaluateInHyperFormula(fn, args), expected));
  it("in Excel's custom-functions runtime", async () =>
    check(await evaluateInOffice(office[fn.toLowerCase()]!, ARITY[fn]!, args), expected));
});

// The same cases with a Swedish user: exact Swedish texts, through both hosts (HyperFormula with
// language "sv", Excel with Office.context.displayLanguage "sv-SE").
const caseNamed = (name: string) => {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no case named ${name}`);
  return found;
};
const SWEDISH: { case: string; message: string | RegExp }[] = [
  { case: "text in the key names the row", message: 'nyckel, rad 4: "tolv" är inte ett tal' },
  {
    case: "unknown region lists the closest",
    message:
      'region: "Skåningen" är ingen region; närmast: Region Skåne, Region Blekinge, Region Jönköpings län',
  },
  { case: "a negative figure", message: "nyckel, rad 1: -5 är negativt" },
  {
    case: "too few figures",
    message:
      "nyckel: väntade 21 tal i länskodsordning (Stockholm … Norrbotten), fick 20; eller ange två kolumner, region och tal",
  },
  {
    case: "unknown post is #N/A",
    message: `post: "v9" är ingen post i 2020 års överenskommelse (${AGREEMENT_2020.posts.map((p) => p.id).join(", ")})`,
  },
  {
    case: "a post to SKR is not a regional post",
    message: 'post: v4-skr går till SKR, inte till regionerna; använd SJUK.POST("v4-skr")',
  },
  {
    case: "a bad option",
    message:
      'alternativ: "halve" är inget alternativ; använd förfaller, dela, befolkning, obetalda-kontakter, en metod (största-rest, sainte-lague, dhondt) eller post=regel',
  },
  { case: "ALLOCATE refuses an empty weight", message: "vikter, rad 2: cellen är tom" },
  {
    case: "ALLOCATE refuses zero-sum weights",
    message: "vikter: vikterna summerar till noll, så det finns ingen andel att ta",
  },
  {
    case: "ALLOCATE refuses an unknown method",
    message:
      'metod: "huntington" är ingen fördelningsmetod; använd största rest, jämkade uddatalsmetoden (sainte-lague) eller d\'hondt',
  },
  {
    case: "SENSITIVITY refuses a delta that makes the figure negative",
    message: "population, 09: 59686 minus 60000 blir negativt; välj en mindre ändring",
  },
  {
    case: "ALLOCATE refuses part kronor",
    message: "belopp: 10,5 är inte ett helt, icke-negativt antal kronor",
  },
  {
    case: "TOTAL of an unknown recipient",
    message:
      'mottagare: "Kammarkollegiet" är ingen mottagare (regionerna, SKR, Försäkringskassan, Socialstyrelsen, regeringen)',
  },
  {
    case: "PAYDATE of a year-only post",
    message: "post followup: överenskommelsen anger bara året 2021, inget datum",
  },
  {
    case: "CONTACTS refuses a negative count",
    message: "kontakter, rad 3: -1 är negativt; ett antal kan inte vara negativt",
  },
  {
    case: "CHECK says what differs",
    message:
      /^skiljer sig från tabell 1: Regionerna: 826 658 774 kr, tabell 1 anger 840 000 000 kr/,
  },
  { case: "a missing required argument", message: "post måste anges" },
  {
    case: "GRANT for a year without money",
    message: "år: beslutet har inga medel för 2023 (år: 2024, 2025, 2026)",
  },
  {
    case: "GRANT refuses TRUE as the appropriation",
    message:
      "bekräftat: ange beloppet som riksdagen anvisat för 2026, inte ja: regeringen beräknade bara 2 000 000 kr",
  },
  {
    case: "REPAY: spending above the requisition is an error",
    message:
      "430 000 kr använt 2024 är mer än de 400 000 kr som rekvirerats (30 000 kr för mycket)",
  },
  {
    case: "DEADLINE of an unknown item",
    message: /^frist: "slutrapport" är ingen frist i uppdraget \(requisition-2024, /,
  },
  {
    case: "STATUS with a bad date",
    message: 'per_datum: "igår" är inget datum (ett Excel-datum eller ÅÅÅÅ-MM-DD)',
  },
];

describe.each(SWEDISH)("in Swedish: $case", ({ case: name, message }) => {
  const { fn, args, expected } = caseNamed(name);
  const swedish = { error: (expected as { error: "value" | "na" }).error, message };
  it("in HyperFormula with language sv", () =>
    check(evaluateInHyperFormula(fn, args, "sv"), swedish));
  it("in Excel with display language sv-SE", async () =>
    check(
      await withOfficeDisplayLanguage("sv-SE", () =>
        evaluateInOffice(office[fn.toLowerCase()]!, ARITY[fn]!, args)
      ),
      swedish
    ));
});

describe("the message language", () => {
  const errorCases = CASES.filter((c) => "error" in c.expected);

  it("every error in the table has its own Swedish text, the same in both hosts", async () => {
    for (const { fn, args } of errorCases) {
      const english = evaluateInHyperFormula(fn, args) as { error: string; message: string };
      const hf = evaluateInHyperFormula(fn, args, "sv") as { error: string; message: string };
      const excel = await withOfficeDisplayLanguage("sv-FI", () =>
        evaluateInOffice(office[fn.toLowerCase()]!, ARITY[fn]!, args)
      );
      expect(hf.error).toBe(english.error);
      expect(hf.message).not.toBe(english.message);
      expect(hf.message).not.toMatch(/ is (not|negative|required|empty)\b|internal error/);
      expect(excel).toEqual(hf);
    }
  });

  it("is English in Excel when the display language is not Swedish or Office is not ready", async () => {
    const { fn, args, expected } = caseNamed("text in the key names the row");
    const call = () => evaluateInOffice(office[fn.toLowerCase()]!, ARITY[fn]!, args);
    for (const language of ["en-US", "de-DE", { context: undefined }] as const)
      check(await withOfficeDisplayLanguage(language, call), expected);
    check(evaluateInHyperFormula(fn, args, "en"), expected);
  });

  it("a FunctionFailure is a catalogue code with its parameters (the compiler checks both), rendered in both languages", () => {
    // @ts-expect-error prose is not a code
    expect(() => badValue("English only", {})).toThrow('unknown message code "English only"');
    // @ts-expect-error a code's parameters are required
    expect(() => notAvailable("function.unknown", {})).toThrow(FunctionFailure);
    const failure = new FunctionFailure("na", {
      code: "function.unknown",
      params: { name: "NOPE" },
    });
    expect(failure.message).toBe("SJUK.NOPE does not exist");
    expect(render(failure.problem, "sv")).toBe("SJUK.NOPE finns inte");
  });
});

describe("EXPLAIN: the steps an auditor follows", () => {
  it("gives the same 36 × 3 table in both hosts, with Skåne's villkor 1 steps (English by default)", async () => {
    const hf = evaluateInHyperFormula("EXPLAIN", ["Skåne", "v1", keyColumn]) as {
      value: unknown[][];
    };
    const excel = (await evaluateInOffice(office.explain!, 8, ["Skåne", "v1", keyColumn])) as {
      value: unknown[][];
    };
    expect(excel.value).toHaveLength(36);
    expect(excel.value.every((row) => row.length === 3)).toBe(true);
    expect(hf.value).toEqual(excel.value);
    const step = (label: string) => excel.value.find((row) => row[0] === label)!;
    expect(step("Weight")[1]).toBe(1_377_827);
    expect(step("Total weight")[1]).toBe(10_327_589);
    expect(step("Exact amount")[1]).toBe("13341226.108049");
    expect(step("Floor")[1]).toBe(13_341_226);
    expect(step("Remainder rank")[1]).toBe(15);
    expect(step("Rounding")[1]).toBe(0);
    expect(step("Paid")[1]).toBe(13_341_226);
  });

  it("reads Swedish on a Swedish sheet, in both hosts, one language per cell so the spill fits its columns", async () => {
    const hf = evaluateInHyperFormula("EXPLAIN", ["Skåne", "v1", keyColumn], "sv") as {
      value: unknown[][];
    };
    const excel = (await withOfficeDisplayLanguage("sv-SE", () =>
      evaluateInOffice(office.explain!, 8, ["Skåne", "v1", keyColumn])
    )) as { value: unknown[][] };
    expect(hf.value).toEqual(excel.value);
    const rows = excel.value.filter((row) => row[0] !== "");
    expect(rows.map((row) => row[0])).toEqual([
      "Region",
      "Post",
      "Belopp",
      "Regel",
      "Vikt",
      "Summa vikter",
      "Andel",
      "Exakt belopp",
      "Golv",
      "Restplats",
      "Avrundning",
      "Utbetalt",
      "Scenariots summa",
    ]);
    const step = (label: string) => rows.find((row) => row[0] === label)!;
    expect(step("Post")[2]).toBe(AGREEMENT_2020.posts[0]!.title.sv);
    expect(step("Andel")[2]).toBe("vikt / summa");
    expect(step("Restplats")[2]).toBe("9 kr över delas ut efter störst rest");
    expect(step("Golv")[1]).toBe(13_341_226);
    // No cell of the label column or the notes carries a second language ("… / …").
    for (const row of rows.slice(2, -1)) expect(String(row[2])).not.toMatch(/[a-zåäö] \/ [A-Z]/);
    expect(Math.max(...rows.map((row) => String(row[0]).length))).toBeLessThanOrEqual(16);
  });

  it("takes the sheet's language: its labels do not follow the reader's Office", async () => {
    const labels = (o: unknown) =>
      (o as { value: unknown[][] }).value.filter((row) => row[0] !== "").map((row) => row[0]);
    const args = (language: string) => ["Skåne", "v1", keyColumn, null, null, null, null, language];
    // A Swedish sheet read in English Office, and an English one read in Swedish Office.
    const svInEn = await withOfficeDisplayLanguage("en-US", () =>
      evaluateInOffice(office.explain!, 8, args("sv"))
    );
    const enInSv = await withOfficeDisplayLanguage("sv-SE", () =>
      evaluateInOffice(office.explain!, 8, args("en"))
    );
    expect(labels(svInEn).slice(0, 4)).toEqual(["Region", "Post", "Belopp", "Regel"]);
    expect(labels(evaluateInHyperFormula("EXPLAIN", args("sv"), "en"))).toEqual(labels(svInEn));
    expect(labels(enInSv).slice(0, 4)).toEqual(["Region", "Post", "Post amount", "Rule"]);
    expect(labels(evaluateInHyperFormula("EXPLAIN", args("en"), "sv"))).toEqual(labels(enInSv));
    expect(evaluateInHyperFormula("EXPLAIN", args("de"), "en")).toMatchObject({ error: "value" });
  });

  it("names the divisor method when one is used (Sainte-Laguë, D'Hondt), and its rank as the place in line for the next krona", async () => {
    const hamilton = (await evaluateInOffice(office.explain!, 8, ["Skåne", "v1", keyColumn])) as {
      value: unknown[][];
    };
    expect(hamilton.value.some((row) => row[0] === "Method")).toBe(false);
    const dhondt = (await evaluateInOffice(office.explain!, 8, [
      "Skåne",
      "v1",
      keyColumn,
      null,
      null,
      "dhondt",
    ])) as { value: unknown[][] };
    const method = dhondt.value.find((row) => row[0] === "Method")!;
    expect(method[1]).toBe("dhondt");
    expect(method[2]).toMatch(
      /^D'Hondt, a divisor method: each krona to the highest weight \/ \(kronor so far \+ 1\)/
    );
    expect(dhondt.value.find((row) => row[0] === "Remainder rank")![2]).toBe(
      "place in line for the next krona (divisor method)"
    );
    const sv = evaluateInHyperFormula(
      "EXPLAIN",
      ["Skåne", "v1", keyColumn, null, null, "sainte-lague"],
      "sv"
    ) as { value: unknown[][] };
    const metod = sv.value.find((row) => row[0] === "Metod")!;
    expect(metod[1]).toBe("sainte-lague");
    expect(metod[2]).toMatch(/^Sainte-Laguës metod \(ren, ej jämkad\), en uddatalsmetod/);
    // What it pays is the method's: the same as SJUK.SHARE with that option.
    const share = (await evaluateInOffice(office.share!, ARITY.SHARE!, [
      "Skåne",
      keyColumn,
      "v1",
      null,
      "dhondt",
    ])) as { value: number };
    expect(dhondt.value.find((row) => row[0] === "Paid")![1]).toBe(share.value);
  });

  it("shows the redistribution rounds for the contact money", async () => {
    const excel = (await evaluateInOffice(office.explain!, 8, [
      "Uppsala",
      "v3-contacts",
      keyColumn,
      null,
      contacts,
    ])) as { value: unknown[][] };
    const labels = excel.value.map((row) => String(row[0]));
    expect(labels).toContain("Cap");
    expect(labels).toContain("Round 1");
    const paidRow = excel.value.find((row) => row[0] === "Paid")!;
    const explicit = (await evaluateInOffice(office.contacts!, 9, [
      "Uppsala",
      keyColumn,
      contacts,
    ])) as { value: number };
    expect(paidRow[1]).toBe(explicit.value);
  });
});
