/*
 * Posts and deadlines by the titles the Swedish and English sheets show (issue 12 point 6): the
 * functions read an id or either language's title, case and spaces aside, in both hosts.
 */
import { shippedPopulationKey } from "../../src/reference/population";
import { REGIONS } from "../../src/engine/regions";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { findByIdOrTitle, findPost } from "../../src/agreements";
import { AGREEMENT_2020 } from "../../src/agreements";
import {
  CaseArg,
  Outcome,
  evaluateInHyperFormula,
  evaluateInOffice,
  installCustomFunctionsMock,
  officeFunctions,
} from "./harness";

installCustomFunctionsMock();
beforeEach(() => clearScenarioCaches());
const office = officeFunctions();
const key = shippedPopulationKey();
const keyColumn = { range: REGIONS.map((r) => [Number(key.figures[r.code])]) };

const ARITY: Record<string, number> = { POST: 2, PAYDATE: 2, DEADLINE: 1, PAID: 6, SHARE: 6 };

async function both(fn: string, args: CaseArg[]): Promise<Outcome[]> {
  return [
    evaluateInHyperFormula(fn, args),
    await evaluateInOffice(office[fn.toLowerCase()]!, ARITY[fn]!, args),
  ];
}

test.each([
  ["the id", "v3-contacts"],
  ["the Swedish title", "Villkor 3 Kontakter med arbetsgivare eller Arbetsförmedlingen"],
  ["the English title", "Condition 3 Contacts with employers or Arbetsförmedlingen"],
  [
    "the title in other case and spacing",
    "  villkor 3  KONTAKTER med arbetsgivare eller arbetsförmedlingen ",
  ],
])("SJUK.POST reads a post by %s", async (_, text) => {
  for (const outcome of await both("POST", [text])) expect(outcome).toEqual({ value: 50_000_000 });
});

test("SJUK.SHARE reads a regional post by its Swedish title", async () => {
  const byId = await both("SHARE", ["Skåne", keyColumn, "v1"]);
  const byTitle = await both("SHARE", [
    "Skåne",
    keyColumn,
    "Villkor 1 Ledning och styrning i försäkringsmedicin",
  ]);
  expect(byTitle).toEqual(byId);
  expect(byTitle[0]).toEqual({ value: 13_341_226 });
});

test("SJUK.DEADLINE reads a deadline by its title in either language", async () => {
  for (const text of [
    "final-report",
    "Redovisning av uppdraget till Regeringskansliet (Socialdepartementet)",
    "final report on the assignment to regeringskansliet (socialdepartementet)",
  ])
    for (const outcome of await both("DEADLINE", [text]))
      expect(outcome).toEqual({ value: 46_371 });
});

test("an unknown title is #N/A naming the text and the ids, never another post", async () => {
  for (const outcome of await both("POST", ["Villkor 9 Finns inte"]))
    expect(outcome).toEqual({
      error: "na",
      message: expect.stringMatching(/"Villkor 9 Finns inte".*v1, v1-sos/),
    });
});

test("the options text names a decision's post by its title, one term between semicolons", async () => {
  const skr = "Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, SKR";
  for (const outcome of await both("PAID", [
    "v4-skr",
    keyColumn,
    null,
    null,
    `befolkning; ${skr}=nej`,
  ]))
    expect(outcome).toEqual({ value: 0 });
  const contacts = "Condition 3 Contacts with employers or Arbetsförmedlingen";
  for (const outcome of await both("PAID", [
    "v3-contacts",
    keyColumn,
    null,
    null,
    `population; ${contacts}=40000000`,
  ]))
    expect(outcome).toEqual({ value: 40_000_000 });
  // Ids keep working, with commas or spaces as before.
  for (const outcome of await both("PAID", ["v4-skr", keyColumn, null, null, "share, v4-skr=nej"]))
    expect(outcome).toEqual({ value: 0 });
  // A title that is no post's: refused, naming the word, not silently ignored.
  for (const outcome of await both("PAID", ["v4-skr", keyColumn, null, null, "Villkor 9=nej"]))
    expect(outcome).toMatchObject({ error: "value" });
});

test("a title two items share finds neither; an id always wins", () => {
  const items = [
    { id: "a", title: { sv: "Samma", en: "Same" } },
    { id: "b", title: { sv: "Samma", en: "Other" } },
    { id: "Other", title: { sv: "X", en: "Y" } },
  ];
  expect(findByIdOrTitle(items, "samma")).toBeUndefined();
  expect(findByIdOrTitle(items, "same")?.id).toBe("a");
  expect(findByIdOrTitle(items, "OTHER")?.id).toBe("Other");
  expect(findByIdOrTitle(items, "")).toBeUndefined();
  expect(findPost(AGREEMENT_2020, "Samordning och stod, SKR")?.id).toBe("coord-skr");
});
