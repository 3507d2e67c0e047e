/*
 * The 2024 assignment to Socialstyrelsen in the browser preview, end to end in Debian's
 * Chromium (issue 6): the officer chooses the assignment, inserts the ledger and calendar
 * sheets, types the requisition and the spending into the grid, and the task pane shows the
 * ledger, the next deadline, what is overdue, the ledger's errors (each selecting its cell), the
 * one payment calendar of both documents, and downloads it as an .ics file.
 * Screenshots go to test-artifacts/e2e/ (10-… onwards).
 */
import * as fs from "fs";
import type { Page } from "playwright-core";
import { CALENDAR, GRANT_LEDGER as L } from "../../src/workbook/assignment-sheets";
import {
  cellText,
  chooseAgreement,
  eventually,
  gridCell,
  insertGrantSheets,
  kronor,
  norm,
  openSheet,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(60_000);

const ASSIGNMENT_SV = /^Uppdrag till Socialstyrelsen 2024–2026/;
const ASSIGNMENT_EN = /^Assignment to Socialstyrelsen 2024–2026/;
const DATES = ["2021-01-27", "2021-04-29", "2024-12-01", "2025-03-31", "2026-12-15"];

let page: Page;
const preview = usePreview();

/** The task pane's ledger amount for a year and field ("toRepay", …). */
async function ledgerAmount(year: number, field: string): Promise<number> {
  return kronor(await page.getByTestId(`ledger-${year}-${field}`).locator("button").textContent());
}

/** The problems listed in the task pane that name a cell, as "Bidrag!B12" → their text. */
async function problemLinks(): Promise<string[]> {
  return (await page.getByTestId("problem").allTextContents()).map(norm);
}

test("the ledger, the next deadline, overdue deadlines and errors that select their cell", async () => {
  page = await preview.open("sv");
  await chooseAgreement(page, ASSIGNMENT_SV);
  expect(norm(await page.getByTestId("taskpane").textContent())).toContain("Skapar Bidrag");
  await insertGrantSheets(page);
  for (const name of ["Blad1", "Bidrag", "Kalender"])
    await page.getByRole("tab", { name, exact: true }).waitFor();
  expect(await ledgerAmount(2024, "granted")).toBe(500_000);
  expect(await ledgerAmount(2025, "granted")).toBe(0);
  expect(norm(await page.getByTestId("ledger-2025-decision").textContent())).toBe(
    "planerat, ej anvisat 2 000 000 kr"
  );
  expect(norm(await page.getByTestId("ledger-2024-decision").textContent())).toBe(
    "högst 500 000 kr"
  );
  expect(await page.getByTestId("no-problems").textContent()).toContain("Inga fel");
  await screenshot(page, "10-assignment-inserted");

  // The officer judges the ledger as of 15 December 2024 and types the example of issue 6.
  await typeInto(page, "Bidrag", L.asOfCell, "2024-12-15");
  await typeInto(page, "Bidrag", L.cell(2024, "requisitioned"), "500 000");
  await typeInto(page, "Bidrag", L.cell(2024, "requisitionDate"), "2024-11-20");
  await typeInto(page, "Bidrag", L.cell(2024, "spent"), "430 000");

  await eventually(async () => expect(await ledgerAmount(2024, "toRepay")).toBe(70_000));
  expect(await ledgerAmount(2024, "requisitioned")).toBe(500_000);
  expect(await ledgerAmount(2024, "spent")).toBe(430_000);
  expect(await ledgerAmount(2024, "repaid")).toBe(0);
  expect(norm(await page.getByTestId("ledger-2024-repayBy").textContent())).toBe("2025-03-31");
  // The next deadline: the repayment, 70 000 kr by 2025-03-31, in 106 days.
  const next = page.getByTestId("next-deadline");
  await eventually(async () =>
    expect(await next.getAttribute("data-deadline")).toBe("repayment-2024")
  );
  expect(norm(await next.textContent())).toContain("70 000 kr att återbetala senast 2025-03-31");
  expect(norm(await page.getByTestId("next-when").textContent())).toBe("2025-03-31 · om 106 dagar");
  expect(await page.getByTestId("overdue").count()).toBe(0);
  expect(await page.getByTestId("deadline-requisition-2024").getAttribute("data-state")).toBe(
    "met"
  );
  // The sheet's own SJUK.REPAY cell agrees with the pane.
  expect(kronor(await cellText(page, "Bidrag", L.cell(2024, "toRepay")))).toBe(70_000);
  await screenshot(page, "11-assignment-ledger");

  // As of 2026-12-01: the final report is due in 14 days; the unpaid repayment and the
  // financial report are overdue, highlighted.
  await typeInto(page, "Bidrag", L.asOfCell, "2026-12-01");
  await eventually(async () =>
    expect(await next.getAttribute("data-deadline")).toBe("final-report")
  );
  expect(norm(await page.getByTestId("next-when").textContent())).toBe("2026-12-15 · om 14 dagar");
  expect(norm(await page.getByTestId("next-title").textContent())).toMatch(/redovisning/i);
  const overdue = await page
    .getByTestId("overdue")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-deadline")));
  expect(overdue).toEqual(expect.arrayContaining(["repayment-2024", "financial-report-2024"]));
  expect(
    await page.getByTestId("deadline-final-report").getByTestId("deadline-state").textContent()
  ).toBe("om 14 dagar");
  expect(await page.getByTestId("deadline-repayment-2024").getAttribute("data-state")).toBe(
    "overdue"
  );
  // The ledger's warning about the repayment names the year's repaid cell.
  expect(await problemLinks()).toContain(`Bidrag!${L.cell(2024, "repaid")}`);
  await page.getByTestId("next-section").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, "12-assignment-final-report-14-days");

  // A second requisition in the further-requisitions table: an error naming Bidrag!B12.
  const b12 = L.requisitionCell(0, "amount");
  expect(b12).toBe("B12");
  await typeInto(page, "Bidrag", L.requisitionCell(0, "year"), "2024");
  await typeInto(page, "Bidrag", b12, "20 000");
  await typeInto(page, "Bidrag", L.requisitionCell(0, "date"), "2024-11-25");
  const second = page
    .getByTestId("problem-item")
    .filter({ hasText: "Bidrag!B12" })
    .filter({ hasText: /andra rekvisitionen för 2024: medlen rekvireras engångsvis/ });
  await second.waitFor();
  expect(await second.getAttribute("data-severity")).toBe("error");
  expect(norm(await second.textContent())).toContain(`Bidrag!${L.cell(2024, "requisitioned")}`);
  // Elsewhere first, then the problem's link selects the cell.
  await openSheet(page, "Kalender");
  await second.getByTestId("problem").click();
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe("Bidrag!B12")
  );
  await page.locator('[data-testid="grid"][data-sheet="Bidrag"]').waitFor();
  expect(await gridCell(page, "B12").getAttribute("class")).toMatch(/highlight/);
  await page
    .getByTestId("problems-section")
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, "13-assignment-second-requisition");

  // The second requisition removed, spending above the grant: an error naming the spent cell.
  for (const c of ["year", "amount", "date"] as const)
    await typeInto(page, "Bidrag", L.requisitionCell(0, c), "");
  const spentCell = L.cell(2024, "spent");
  await typeInto(page, "Bidrag", spentCell, "600 000");
  const above = page
    .getByTestId("problem-item")
    .filter({ hasText: `Bidrag!${spentCell}` })
    .filter({ hasText: /mer än de högst 500 000 kr som beviljats/ });
  await above.waitFor();
  expect(await above.getAttribute("data-severity")).toBe("error");
  expect(await page.getByTestId("problem-item").filter({ hasText: "Bidrag!B12" }).count()).toBe(0);
  await openSheet(page, "Blad1");
  await above.getByTestId("problem").click();
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe(`Bidrag!${spentCell}`)
  );
  await screenshot(page, "14-assignment-spent-above-grant");
});

test("one calendar of both documents, in order, downloaded as .ics; the calendar sheet refreshes", async () => {
  page = await preview.open("sv");
  await chooseAgreement(page, ASSIGNMENT_SV);
  // The calendar is there before any sheet is inserted: it is the documents' own. The
  // assignment's events come first; the 2020 agreement's (past) are in a folded section.
  await page.getByTestId("past-events").locator("summary").click();
  const datesOf = (testId: string) =>
    page
      .getByTestId(testId)
      .getByTestId("calendar-date")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-date")));
  const own = await datesOf("combined-calendar");
  const past = await datesOf("past-calendar");
  const dates = [...past, ...own].sort();
  for (const d of DATES) expect(dates).toContain(d);
  expect(own.filter((d) => !d!.startsWith("year:"))).toEqual(["2024-12-01", "2025-03-31", "2026-12-15"]);
  expect(past).toContain("2021-01-27");
  // Both documents are in it: the 2020 agreement's payouts and the assignment's deadlines.
  const sources = await page
    .getByTestId("calendar-event")
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-source")))]);
  expect(sources).toEqual(expect.arrayContaining(["sjuk-2020", "socialstyrelsen-2024"]));
  const calendarText = norm(await page.getByTestId("combined-calendar").textContent());
  expect(calendarText).toContain("Slutredovisning");
  expect(calendarText).toContain("högst 500 000 kr");

  // The .ics download: a Blob URL, read back through Playwright's download event.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Ladda ner kalender (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("sjuk-kalender.ics");
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  const starts = [...ics.matchAll(/^DTSTART;VALUE=DATE:(\d{8})\r?$/gm)].map((m) => m[1]!);
  const compact = DATES.map((d) => d.replace(/-/g, ""));
  for (const d of compact) expect(starts).toContain(d);
  const order = compact.map((d) => starts.indexOf(d));
  expect([...order].sort((a, b) => a - b)).toEqual(order);

  // Inserted, the calendar sheet holds the same calendar; the button regenerates it.
  await insertGrantSheets(page);
  await page
    .getByTestId("combined-calendar-section")
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, "15-assignment-calendar");
  await typeInto(page, "Kalender", CALENDAR.cell(0, "date"), "skräp");
  await page.getByRole("button", { name: "Uppdatera kalenderbladet" }).click();
  await page
    .getByTestId("message-success")
    .filter({ hasText: "Kalenderbladet är uppdaterat" })
    .waitFor();
  expect(await cellText(page, "Kalender", CALENDAR.cell(0, "date"))).toBe(dates[0]);
});

test("English: a user's own 'Grant ledger' sheet is kept, and resetting the ledger asks first", async () => {
  page = await preview.open("en");
  await page.getByTestId("new-sheet-name").fill("Grant ledger");
  await page.getByTestId("add-sheet").click();
  await page.locator('[data-testid="grid"][data-sheet="Grant ledger"]').waitFor();
  await typeInto(page, "Grant ledger", "A1", "My own grants");

  await chooseAgreement(page, ASSIGNMENT_EN);
  await insertGrantSheets(page);
  const warning = norm(await page.getByTestId("message-warning").textContent());
  expect(warning).toContain('"Grant ledger"');
  const ledgerName = (await page
    .getByRole("tab", { name: /^Grant ledger \(/ })
    .textContent())!.trim();
  expect(await cellText(page, "Grant ledger", "A1")).toBe("My own grants");

  await typeInto(page, ledgerName, L.cell(2024, "spent"), "430 000");
  await eventually(async () => expect(await ledgerAmount(2024, "spent")).toBe(430_000));
  expect(norm(await page.getByTestId("ledger-section").textContent())).toContain("To repay");

  // Reset: the checkbox, the insert button, a confirmation; cancelled first, then confirmed.
  await page.getByRole("checkbox", { name: "Reset inputs to their defaults" }).check();
  await page.getByRole("button", { name: "Insert the sheets again" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  expect(norm(await dialog.textContent())).toContain("Everything you typed into the ledger");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  expect(await ledgerAmount(2024, "spent")).toBe(430_000);

  await page.getByRole("button", { name: "Insert the sheets again" }).click();
  await dialog.getByRole("button", { name: "Reset inputs to their defaults" }).click();
  await eventually(async () => expect(await ledgerAmount(2024, "spent")).toBe(0));
  expect(await cellText(page, ledgerName, L.cell(2024, "spent"))).toBe("");
  expect(await cellText(page, "Grant ledger", "A1")).toBe("My own grants");
  await screenshot(page, "16-assignment-english-reset");
});
