/*
 * The browser preview, end to end, in Debian's Chromium: the grid over the HyperFormula
 * workbook and the task pane beside it, as a finance officer uses them. Screenshots go to
 * test-artifacts/e2e/. SJUK_UPDATE_DOCS=1 also refreshes docs/preview.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { CONDITIONS, POPULATION, RESULTS } from "../../src/workbook/agreement-sheets";
import {
  ROOT,
  cellText,
  chooseIn,
  eventually,
  gridCell,
  insertSheets,
  kronor,
  norm,
  openSheet,
  paneCheck,
  paneRegion,
  paneTotal,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(60_000);

const SKANE = "12";
let page: Page;
const preview = usePreview();

beforeEach(async () => {
  page = await preview.open();
});

test("inserting the sheets gives the five sheets, Table 1's totals and the payout calendar", async () => {
  await insertSheets(page);
  for (const name of ["Blad1", "Befolkning", "Villkor", "Kontakter", "Resultat", "Utbetalningar"]) {
    await page.getByRole("tab", { name, exact: true }).waitFor();
  }
  expect(await paneTotal(page, "regions")).toBe(840_000_000);
  expect(await paneTotal(page, "SKR")).toBe(57_800_000);
  expect(await paneTotal(page, "Försäkringskassan")).toBe(22_000_000);
  expect(await paneTotal(page, "Socialstyrelsen")).toBe(14_200_000);
  expect(await paneTotal(page, "government")).toBe(10_000_000);
  expect(await paneTotal(page, "total")).toBe(944_000_000);
  for (const r of ["regions", "SKR", "Försäkringskassan", "Socialstyrelsen", "government", "total"])
    expect(await paneCheck(page, r)).toBe("✓");
  expect(norm(await page.getByTestId("total-total").getByTestId("computed").textContent())).toBe(
    "944 000 000 kr"
  );

  // The results sheet is shown, with the SJUK cells computed and the check TRUE.
  await page.locator('[data-testid="grid"][data-sheet="Resultat"]').waitFor();
  expect(norm(await gridCell(page, RESULTS.sumCell("total")).textContent())).toBe("840 000 000 kr");
  expect(norm(await gridCell(page, RESULTS.checkCell).textContent())).toBe("SANT");

  // The payout calendar: dates, recipients, amounts.
  const calendar = norm(await page.getByTestId("calendar").textContent());
  expect(calendar).toContain("2021-01-27");
  expect(calendar).toContain("2021-04-29");
  expect(calendar).toContain("50 000 000 kr");
  // The follow-up 10 000 000 kr is reserved for 2021, not a payout.
  expect(norm(await page.getByTestId("calendar").locator('[data-date="2021"]').textContent())).toBe(
    "Reserverat under 2021"
  );
  // The chart is folded under its title until opened.
  await page.getByTestId("chart-section-toggle").click();
  await page.getByTestId("region-chart").locator("svg").first().waitFor();
  expect(await page.getByTestId("no-problems").textContent()).toContain("Inga fel");

  await screenshot(page, "01-inserted");
  // The README's picture: the results sheet beside the pane's checks against Table 1.
  await page
    .getByTestId("sheets-section")
    .locator("nav")
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  const file = await screenshot(page, "01-inserted-totals");
  if (process.env.SJUK_UPDATE_DOCS === "1")
    fs.copyFileSync(file, path.join(ROOT, "docs/preview.png"));
});

test("changing Region Skåne's population changes its payment; the total stays 944 000 000 kr", async () => {
  await insertSheets(page);
  const before = await paneRegion(page, SKANE);
  const cell = POPULATION.cell(SKANE);
  const old = kronor(await cellText(page, "Befolkning", cell));
  await typeInto(page, "Befolkning", cell, String(old + 250_000));

  const after = await eventually(async () => {
    const now = await paneRegion(page, SKANE);
    expect(now).toBeGreaterThan(before);
    return now;
  });
  expect(await paneTotal(page, "total")).toBe(944_000_000);
  expect(await paneTotal(page, "regions")).toBe(840_000_000);
  expect(await paneCheck(page, "total")).toBe("✓");
  // The grid's SJUK cell shows the same new payment.
  expect(kronor(await cellText(page, "Resultat", RESULTS.cell(SKANE, "total")))).toBe(after);
  await screenshot(page, "02-skane-population");
});

test("a region not fulfilling villkor 1: its share lapses, or with the other option is shared", async () => {
  await insertSheets(page);
  const share = kronor(await cellText(page, "Resultat", RESULTS.cell(SKANE, "v1")));
  expect(share).toBeGreaterThan(0);

  await page.getByRole("radio", { name: /Andelen förfaller/ }).check();
  await chooseIn(page, "Villkor", CONDITIONS.cell(SKANE, "v1"), "nej");

  await eventually(async () => expect(await paneTotal(page, "total")).toBe(944_000_000 - share));
  expect(await paneTotal(page, "regions")).toBe(840_000_000 - share);
  expect(await paneCheck(page, "regions")).toBe(
    `−${String(share).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`
  );
  expect(kronor(await cellText(page, "Resultat", RESULTS.cell(SKANE, "v1")))).toBe(0);
  expect(norm(await gridCell(page, RESULTS.ruleCell).textContent())).toBe("förfaller");
  await screenshot(page, "03-villkor1-lapse");

  await page.getByRole("radio", { name: /De som uppfyller delar/ }).check();
  await eventually(async () => expect(await paneTotal(page, "total")).toBe(944_000_000));
  expect(await paneCheck(page, "total")).toBe("✓");
  expect(kronor(await cellText(page, "Resultat", RESULTS.cell(SKANE, "v1")))).toBe(0);
  expect(kronor(await cellText(page, "Resultat", RESULTS.sumCell("v1")))).toBe(100_000_000);
  expect(norm(await gridCell(page, RESULTS.ruleCell).textContent())).toBe("dela");
  await screenshot(page, "04-villkor1-shared");
});

test("text in a population cell: the task pane names the sheet and cell, and selects it", async () => {
  await insertSheets(page);
  const cell = POPULATION.cell(SKANE);
  await typeInto(page, "Befolkning", cell, "tolv");

  const problem = page.getByTestId("problem").filter({ hasText: `Befolkning!${cell}` });
  await problem.waitFor();
  // In Swedish, as the pane is.
  expect(norm(await page.getByTestId("problems").textContent())).toContain(
    '"tolv" är inte ett tal; här ska befolkningen för Region Skåne stå'
  );

  // Somewhere else first, then the problem's link brings the cell back.
  await openSheet(page, "Utbetalningar");
  await problem.click();
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe(`Befolkning!${cell}`)
  );
  await page.locator('[data-testid="grid"][data-sheet="Befolkning"]').waitFor();
  expect(await gridCell(page, cell).getAttribute("class")).toMatch(/highlight/);
  expect(await page.getByTestId("formula-bar").inputValue()).toBe("tolv");
  await screenshot(page, "05-population-error");

  // Keyboard: the problem link is a button reachable and usable without a mouse.
  await problem.focus();
  await page.keyboard.press("Enter");
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe(`Befolkning!${cell}`)
  );
});

test("a user's own sheet named Resultat survives the insert with its content", async () => {
  await page.getByTestId("new-sheet-name").fill("Resultat");
  await page.getByTestId("add-sheet").click();
  await page.locator('[data-testid="grid"][data-sheet="Resultat"]').waitFor();
  await typeInto(page, "Resultat", "A1", "Mina egna siffror");
  await typeInto(page, "Resultat", "B2", "=40+2");

  await insertSheets(page);
  const warning = norm(await page.getByTestId("message-warning").textContent());
  expect(warning).toContain('"Resultat"');
  expect(warning).toContain('"Resultat (SJUK)"');
  await page.getByRole("tab", { name: "Resultat (SJUK)", exact: true }).waitFor();

  expect(await cellText(page, "Resultat", "A1")).toBe("Mina egna siffror");
  expect(await cellText(page, "Resultat", "B2")).toBe("42");
  expect(await cellText(page, "Resultat", "C7")).toBe("");
  expect(kronor(await cellText(page, "Resultat (SJUK)", RESULTS.sumCell("total")))).toBe(
    840_000_000
  );
  expect(await paneTotal(page, "total")).toBe(944_000_000);

  // Inserting again keeps the user's sheet as it is too.
  await insertSheets(page);
  expect(await cellText(page, "Resultat", "A1")).toBe("Mina egna siffror");
  await screenshot(page, "06-user-resultat-survives");
});

test("the language switch turns the task pane and new sheets English", async () => {
  await page.getByTestId("language-switch").check();
  await page.getByRole("button", { name: "Insert the sheets" }).waitFor();
  await insertSheets(page);
  for (const name of ["Population", "Conditions", "Contacts", "Results", "Payouts"])
    await page.getByRole("tab", { name, exact: true }).waitFor();
  expect(await paneTotal(page, "total")).toBe(944_000_000);
  expect(norm(await page.getByTestId("totals-section").textContent())).toContain(
    "Totals against Table 1"
  );
  await screenshot(page, "07-english");
});
