/*
 * Issue 12 point 6, the sheets: what the add-in writes into a workbook reads in the sheet's
 * language, without technical ids (post ids such as v3-contacts and followup, deadline ids such
 * as requisition-2024, the agreement's id), in every owned sheet, as the grid shows it in
 * Chromium; and the figures are Table 1's to the krona.
 */
import type { Page } from "playwright-core";
import { AGREEMENT_2020, ASSIGNMENT_2024, grantDeadlines } from "../../src/agreements";
import { PAYOUTS, RESULTS } from "../../src/workbook/agreement-sheets";
import {
  cellText,
  chooseAgreement,
  insertGrantSheets,
  insertSheets,
  kronor,
  norm,
  openSheet,
  paneCheck,
  paneTotal,
  screenshot,
  usePreview,
} from "./harness";

jest.setTimeout(120_000);

let page: Page;
const preview = usePreview();

const IDS = [
  ...AGREEMENT_2020.posts.map((p) => p.id),
  ...grantDeadlines(ASSIGNMENT_2024).map((d) => d.id),
  AGREEMENT_2020.id,
  ASSIGNMENT_2024.id,
];
/** An id as a whole word (v1 but not "v1x"; v3-contacts but not its "v3"). */
const ID = new RegExp(`(^|[^\\p{L}\\d-])(${IDS.join("|")})($|[^\\p{L}\\d-])`, "iu");

/** Every non-empty cell the grid shows on a sheet, as "C7: text". */
async function shownCells(sheet: string): Promise<string[]> {
  await openSheet(page, sheet);
  const cells = page.locator(
    `[data-testid="grid"][data-sheet="${sheet}"] table.jss_worksheet > tbody > tr > td[data-x]`
  );
  const texts = await cells.evaluateAll((tds) =>
    tds.map((td) => ({
      x: Number(td.getAttribute("data-x")),
      y: Number(td.getAttribute("data-y")),
      text: td.textContent ?? "",
    }))
  );
  return texts
    .filter((c) => c.text.trim() !== "")
    .map((c) => `${String.fromCharCode(65 + c.x)}${c.y + 1}: ${norm(c.text)}`);
}

const SHEETS = {
  sv: ["Befolkning", "Villkor", "Kontakter", "Resultat", "Utbetalningar", "Bidrag", "Kalender"],
  en: ["Population", "Conditions", "Contacts", "Results", "Payouts", "Grant ledger", "Calendar"],
};
/** A sheet's amount as the grid shows it: "944 000 000 kr" (sv) or "944,000,000 kr" (en). */
const amount = (text: string) => kronor(text.replace(/,/g, " "));

const ASSIGNMENT = { sv: /^Uppdrag till Socialstyrelsen/, en: /^Assignment to Socialstyrelsen/ };

describe.each(["sv", "en"] as const)("the sheets inserted in %s", (lang) => {
  test("show no technical id in any cell, and the figures of Table 1", async () => {
    page = await preview.open(lang);
    await insertSheets(page);
    expect(await paneTotal(page, "total")).toBe(944_000_000);
    expect(await paneCheck(page, "total")).toBe("✓");
    const [, , , results, payouts] = SHEETS[lang];
    expect(amount(await cellText(page, payouts!, PAYOUTS.totalCell))).toBe(944_000_000);
    expect(amount(await cellText(page, payouts!, PAYOUTS.recipientCell("regions")))).toBe(
      840_000_000
    );
    expect(amount(await cellText(page, payouts!, PAYOUTS.recipientCell("SKR")))).toBe(57_800_000);
    expect(amount(await cellText(page, results!, RESULTS.sumCell("total")))).toBe(840_000_000);
    // The agreement by its title, the posts by theirs.
    expect(await cellText(page, results!, RESULTS.agreementCell)).toBe(AGREEMENT_2020.title[lang]);
    expect(await cellText(page, payouts!, "A10")).toBe(
      AGREEMENT_2020.posts.find((p) => p.id === "v3-contacts")!.title[lang]
    );

    await chooseAgreement(page, ASSIGNMENT[lang]);
    await insertGrantSheets(page);

    const found: string[] = [];
    let shown = 0;
    for (const sheet of SHEETS[lang]) {
      const cells = await shownCells(sheet);
      shown += cells.length;
      found.push(...cells.filter((c) => ID.test(c)).map((c) => `${sheet}!${c}`));
    }
    expect(shown).toBeGreaterThan(700);
    expect(found).toEqual([]);
    await openSheet(page, SHEETS[lang][4]!);
    await screenshot(page, `sheets-${lang}-payouts`);
  });
});
