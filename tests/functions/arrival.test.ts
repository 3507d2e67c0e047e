import { AGREEMENT_2020 } from "../../src/agreements";
import { REGIONS, compute } from "../../src/engine";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { shippedPopulationKey } from "../../src/reference/population";
import {
  evaluateInHyperFormula,
  evaluateInOffice,
  installCustomFunctionsMock,
  officeFunctions,
  withOfficeDisplayLanguage,
} from "./harness";

/*
 * Contacts as they arrive (issue 12 point 4), through both hosts: a blank count is "not
 * reported yet". The functions compute what they can (the others' contact money, every other
 * post), show "not reported" / "ej rapporterat" where a region's contact money is not known, and
 * SJUK.CONTACTS gives each region's cap, what redistribution moved and where it stands.
 */
installCustomFunctionsMock();
beforeEach(() => clearScenarioCaches());
const office = officeFunctions();

const key = shippedPopulationKey();
const keyColumn = { range: REGIONS.map((r) => [Number(key.figures[r.code])]) };
const COUNTS = REGIONS.map((_, i) => (i % 3 === 0 ? 200 : i % 3 === 1 ? 900 : 4_000));
const GOTLAND = REGIONS.findIndex((r) => r.code === "09");
const SKANE = REGIONS.findIndex((r) => r.code === "12");
/** Gotland and Skåne have not reported. */
const partial = { range: COUNTS.map((c, i) => [i === GOTLAND || i === SKANE ? null : c]) };
const engine = compute(AGREEMENT_2020, {
  key,
  contacts: {
    contacts: Object.fromEntries(
      REGIONS.map((r, i) => [r.code, COUNTS[i]!]).filter(([code]) => code !== "09" && code !== "12")
    ),
    notReported: ["09", "12"],
  },
});
const money = engine.posts.find((p) => p.post.id === "v3-contacts")!.contacts!;
const cap = (code: string) => money.caps.lines.find((l) => l.id === code)!.amount;

const both = async (
  fn: string,
  args: Parameters<typeof evaluateInHyperFormula>[1],
  arity: number
) => {
  const hf = evaluateInHyperFormula(fn, args);
  clearScenarioCaches();
  const excel = await evaluateInOffice(office[fn.toLowerCase()]!, arity, args);
  expect(excel).toEqual(hf);
  return hf;
};

test("SHARES: the missing regions' contact money is 'not reported', every other cell a number", async () => {
  const out = (await both("SHARES", [keyColumn, null, null, partial], 6)) as { value: unknown[][] };
  expect(out.value).toHaveLength(21);
  expect(out.value[GOTLAND]![3]).toBe("not reported");
  expect(out.value[SKANE]![3]).toBe("not reported");
  expect(typeof out.value[SKANE]![0]).toBe("number"); // v1 does not wait for contacts
  const uppsala = engine.posts.find((p) => p.post.id === "v3-contacts")!.payments[1]!.amount;
  expect(out.value[1]![3]).toBe(uppsala);
  const sv = evaluateInHyperFormula("SHARES", [keyColumn, "v3-contacts", null, partial], "sv") as {
    value: unknown[][];
  };
  expect(sv.value[GOTLAND]![0]).toBe("ej rapporterat");
});

test("CONTACTS: paid, cap, moved and status, in either language", async () => {
  // Stockholm: 200 contacts, under its cap; Uppsala: 900; Sörmland: 4 000, over its cap.
  const args = (code: string, part: string | null) => [
    code,
    keyColumn,
    partial,
    null,
    null,
    null,
    null,
    part,
  ];
  expect(await both("CONTACTS", args("01", null), 9)).toEqual({ value: 600_000 });
  expect(await both("CONTACTS", args("01", "cap"), 9)).toEqual({ value: cap("01") });
  expect(await both("CONTACTS", args("01", "moved"), 9)).toEqual({ value: 600_000 - cap("01") });
  expect(await both("CONTACTS", args("01", "status"), 9)).toEqual({ value: "under the cap" });
  expect(await both("CONTACTS", args("04", "status"), 9)).toEqual({ value: "over the cap" });
  const sormland = money.paid["04"]!;
  expect(sormland).toBeGreaterThan(cap("04"));
  expect(await both("CONTACTS", args("04", "omfördelat"), 9)).toEqual({
    value: sormland - cap("04"),
  });
  expect(await both("CONTACTS", args("Skåne", null), 9)).toEqual({ value: "not reported" });
  expect(await both("CONTACTS", args("Skåne", "tak"), 9)).toEqual({ value: cap("12") });
  expect(await both("CONTACTS", args("Skåne", "status"), 9)).toEqual({ value: "not reported" });
  expect(evaluateInHyperFormula("CONTACTS", args("Skåne", "status"), "sv")).toEqual({
    value: "ej rapporterat",
  });
  const sv = await withOfficeDisplayLanguage("sv-SE", () =>
    evaluateInOffice(office.contacts!, 9, args("04", "status"))
  );
  expect(sv).toEqual({ value: "över taket" });
  expect(await both("CONTACTS", args("01", "lots"), 9)).toEqual({
    error: "value",
    message:
      'part: "lots" is not a part of the contact money; the parts are paid, utbetalt, cap, tak, moved, omfördelat, status',
  });
  // Caps add up to the post; what redistribution moved adds up to nothing lost but the placeholders'.
  expect(REGIONS.reduce((s, r) => s + cap(r.code), 0)).toBe(50_000_000);
});

test("a region that does not fulfil: 'condition not fulfilled', its cap moved to the others", async () => {
  const fulfilment = {
    range: [
      ["region", "v3-contacts"],
      ["Skåne", "nej"],
    ],
  };
  const args = (part: string) => ["Skåne", keyColumn, partial, null, fulfilment, null, null, part];
  expect(await both("CONTACTS", args("status"), 9)).toEqual({ value: "condition not fulfilled" });
  expect(await both("CONTACTS", args("paid"), 9)).toEqual({ value: 0 });
});

test("CHECK waits for every region's contacts, naming the missing ones; EXPLAIN does not explain a guess", async () => {
  expect(await both("CHECK", [keyColumn, null, partial], 5)).toEqual({
    error: "na",
    message:
      "contacts not reported yet for Region Gotland, Region Skåne: Table 1 can be checked when every region has reported",
  });
  const explain = evaluateInHyperFormula("EXPLAIN", [
    "Skåne",
    "v3-contacts",
    keyColumn,
    null,
    partial,
  ]);
  expect(explain).toEqual({
    error: "na",
    message: expect.stringContaining(
      "1 of 21 regions have not reported v3-contacts contacts yet: Region Skåne."
    ),
  });
  const uppsala = evaluateInHyperFormula("EXPLAIN", [
    "Uppsala",
    "v3-contacts",
    keyColumn,
    null,
    partial,
  ]);
  expect("value" in uppsala).toBe(true);
});

test("SENSITIVITY and IMPACT do not move money that waits for a report", async () => {
  expect(await both("SENSITIVITY", ["Skåne", keyColumn, null, null, partial], 7)).toEqual({
    error: "na",
    message: expect.stringContaining(
      "1 of 21 regions have not reported v3-contacts contacts yet: Region Skåne."
    ),
  });
  // A reported region's sensitivity is computed; so is the impact on a post that does not wait.
  expect(
    "value" in (await both("SENSITIVITY", ["Uppsala", keyColumn, null, null, partial], 7))
  ).toBe(true);
  expect("value" in (await both("IMPACT", ["Uppsala", "v1", keyColumn, null, partial], 7))).toBe(
    true
  );
  expect(await both("IMPACT", ["Uppsala", "v3-contacts", keyColumn, null, partial], 7)).toEqual({
    error: "na",
    message: expect.stringContaining(
      "2 of 21 regions have not reported v3-contacts contacts yet: Region Gotland, Region Skåne."
    ),
  });
});
