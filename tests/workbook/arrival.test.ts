import { AGREEMENT_2020 } from "../../src/agreements";
import { compute } from "../../src/engine";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { insertSheets, validateInputs } from "../../src/workbook/agreement-insert";
import {
  CONTACTS,
  DEFAULT_SHEET_NAMES,
  PAYOUTS,
  POPULATION,
  RESULTS,
} from "../../src/workbook/agreement-sheets";
import { createSjukHyperFormula } from "../../src/functions/hyperformula";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";

/*
 * The owned sheets with input as it arrives (issue 12 point 4): contacts typed one region at a
 * time, the Kontakter sheet's cap / paid / moved / status columns, a population of 0.
 */
const sv = DEFAULT_SHEET_NAMES.sv;
const value = async (port: HyperFormulaPort, sheet: string, cell: string) =>
  (await port.readRange(sheet, cell))[0]![0];
const COUNT = (i: number) => (i % 3 === 0 ? 200 : i % 3 === 1 ? 900 : 4_000);

test("contacts typed one region at a time: the totals stay numbers, the missing regions say so", async () => {
  const port = new HyperFormulaPort();
  await insertSheets(port, { language: "sv" });
  // Every region but Gotland and Skåne has reported.
  await port.writeCells(
    sv.contacts,
    REGIONS.filter((r) => r.code !== "09" && r.code !== "12").map((r) => ({
      address: CONTACTS.cell(r.code),
      value: COUNT(REGIONS.indexOf(r)),
    }))
  );
  const engine = compute(AGREEMENT_2020, {
    key: shippedPopulationKey(),
    contacts: {
      contacts: Object.fromEntries(
        REGIONS.filter((r) => r.code !== "09" && r.code !== "12").map((r) => [
          r.code,
          COUNT(REGIONS.indexOf(r)),
        ])
      ),
      notReported: ["09", "12"],
    },
  });
  const post = engine.posts.find((p) => p.post.id === "v3-contacts")!;
  const paid = (code: string) => post.payments.find((p) => p.recipient === code)!.amount;
  const known = REGIONS.filter((r) => r.code !== "09" && r.code !== "12").reduce(
    (s, r) => s + paid(r.code),
    0
  );

  // Resultat: the missing regions' contact cell says so (in the sheet's Swedish, though this host's
  // language is English); sums and totals are numbers.
  expect(await value(port, sv.results, RESULTS.cell("12", "v3-contacts"))).toBe("ej rapporterat");
  expect(await value(port, sv.results, RESULTS.cell("01", "v3-contacts"))).toBe(600_000);
  expect(await value(port, sv.results, RESULTS.sumCell("v3-contacts"))).toBe(known);
  expect(await value(port, sv.results, RESULTS.sumCell("v1"))).toBe(100_000_000);
  expect(typeof (await value(port, sv.results, RESULTS.sumCell("total")))).toBe("number");
  expect(await value(port, sv.payouts, PAYOUTS.totalCell)).toBe(944_000_000 - 50_000_000 + known);
  // The Table 1 check waits for them, naming them.
  expect(await value(port, sv.results, RESULTS.checkCell)).toBe("#N/A");
  expect(await port.readErrorMessage!(sv.results, RESULTS.checkCell)).toContain(
    "Region Gotland, Region Skåne"
  );

  // Kontakter: cap, paid, moved and status from SJUK.CONTACTS.
  const cap = (code: string) => post.contacts!.caps.lines.find((l) => l.id === code)!.amount;
  expect(await value(port, sv.contacts, CONTACTS.resultCell("01", "cap"))).toBe(cap("01"));
  expect(await value(port, sv.contacts, CONTACTS.resultCell("01", "paid"))).toBe(600_000);
  expect(await value(port, sv.contacts, CONTACTS.resultCell("01", "moved"))).toBe(
    600_000 - cap("01")
  );
  expect(await value(port, sv.contacts, CONTACTS.resultCell("01", "status"))).toBe("under taket");
  expect(await value(port, sv.contacts, CONTACTS.resultCell("04", "status"))).toBe("över taket");
  expect(await value(port, sv.contacts, CONTACTS.resultCell("04", "moved"))).toBe(
    paid("04") - cap("04")
  );
  expect(await value(port, sv.contacts, CONTACTS.resultCell("12", "cap"))).toBe(cap("12"));
  expect(await value(port, sv.contacts, CONTACTS.resultCell("12", "paid"))).toBe("ej rapporterat");
  expect(await value(port, sv.contacts, CONTACTS.resultCell("12", "status"))).toBe(
    "ej rapporterat"
  );
  // The computed columns are not input: the sheet still reads without a problem.
  expect(await validateInputs(port)).toEqual([]);
});

test("a population of 0: a note beside the figure, no error", async () => {
  const port = new HyperFormulaPort();
  await insertSheets(port, { language: "sv" });
  expect(await value(port, sv.population, POPULATION.noteCell("09"))).toBe("");
  await port.writeCells(sv.population, [{ address: POPULATION.cell("09"), value: 0 }]);
  expect(await value(port, sv.population, POPULATION.noteCell("09"))).toBe(
    "Befolkning 0: regionen får inget av posterna som fördelas efter befolkning. Kontrollera siffran."
  );
  expect(await value(port, sv.population, POPULATION.noteCell("12"))).toBe("");
  expect(await value(port, sv.results, RESULTS.cell("09", "total"))).toBe(0);
  expect(await validateInputs(port)).toEqual([]);
});

/*
 * The words SJUK.CONTACTS writes follow the sheet, not the reader's Office: the Swedish sheets
 * above, computed by an English host, say "ej rapporterat"; English sheets computed by a Swedish
 * host say "not reported".
 */
test("an English sheet opened by a Swedish-Office colleague keeps its English words", async () => {
  const port = new HyperFormulaPort(createSjukHyperFormula({}, { language: "sv" }));
  await insertSheets(port, { language: "en" });
  const en = DEFAULT_SHEET_NAMES.en;
  await port.writeCells(
    en.contacts,
    REGIONS.filter((r) => r.code !== "12").map((r) => ({
      address: CONTACTS.cell(r.code),
      value: COUNT(REGIONS.indexOf(r)),
    }))
  );
  expect(await value(port, en.results, RESULTS.cell("12", "v3-contacts"))).toBe("not reported");
  expect(await value(port, en.contacts, CONTACTS.resultCell("12", "paid"))).toBe("not reported");
  expect(await value(port, en.contacts, CONTACTS.resultCell("12", "status"))).toBe("not reported");
  expect(await value(port, en.contacts, CONTACTS.resultCell("01", "status"))).toBe("under the cap");
  expect(await value(port, en.contacts, CONTACTS.resultCell("04", "status"))).toBe("over the cap");
  // The host's language (Swedish here) still speaks where the sheet gives none: error messages.
  expect(await port.readErrorMessage!(en.results, RESULTS.checkCell)).toMatch(
    /kontakter ännu inte rapporterade för Region Skåne/
  );
});
