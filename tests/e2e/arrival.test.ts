/*
 * Issue 12 points 4 and 7 in the browser preview (Debian's Chromium): contacts typed one region
 * at a time, the Kontakter sheet's cap / paid / moved / status columns, a population of 0, and
 * the calendar file a person imports (reminders, 75-octet lines, no repository path, an empty
 * range) with the assignment's own events first. Screenshots: test-artifacts/e2e/40-… onwards.
 */
import * as fs from "fs";
import type { Page } from "playwright-core";
import { CONTACTS, POPULATION, RESULTS } from "../../src/workbook/agreement-sheets";
import {
  cellText,
  chooseAgreement,
  eventually,
  insertSheets,
  norm,
  paneTotal,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(90_000);

let page: Page;
const preview = usePreview();

/** Downloads the calendar through the pane's button and returns the file's text. */
async function downloadIcs(): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-ics").click(),
  ]);
  return fs.readFileSync((await download.path())!, "utf8");
}

test("contacts typed one region at a time: the totals stay numbers and the pane says who is missing", async () => {
  page = await preview.open("sv");
  await insertSheets(page);
  // Stockholm and Uppsala report; the 19 others have not yet.
  await typeInto(page, "Kontakter", CONTACTS.cell("01"), "200");
  await typeInto(page, "Kontakter", CONTACTS.cell("03"), "900");
  const warning = page.getByTestId("warning-contacts-missing");
  await eventually(async () =>
    expect(norm(await warning.textContent())).toContain(
      "19 av 21 regioner har ännu inte rapporterat kontakter för Villkor 3 Kontakter med arbetsgivare eller Arbetsförmedlingen: Region Sörmland,"
    )
  );
  expect(norm(await warning.textContent())).toContain(
    "Region Norrbotten. Deras kontaktpengar väntar på deras rapport"
  );
  // The totals are numbers: every post but the contact money whole, the contact money what is known.
  expect(await paneTotal(page, "SKR")).toBe(57_800_000);
  const regions = await paneTotal(page, "regions");
  expect(regions).toBeGreaterThan(790_000_000);
  expect(regions).toBeLessThan(840_000_000);
  expect(norm(await page.getByTestId("totals-section").textContent())).not.toContain("#VALUE!");
  await screenshot(page, "40-contacts-missing");

  // Resultat: a missing region's contact cell says so; Stockholm's is its contacts × 3 000 kr.
  expect(await cellText(page, "Resultat", RESULTS.cell("12", "v3-contacts"))).toBe(
    "ej rapporterat"
  );
  expect(await cellText(page, "Resultat", RESULTS.cell("01", "v3-contacts"))).toBe("600 000 kr");
  // Kontakter: cap, paid, moved, status.
  expect(await cellText(page, "Kontakter", CONTACTS.resultCell("01", "status"))).toBe(
    "under taket"
  );
  expect(await cellText(page, "Kontakter", CONTACTS.resultCell("01", "paid"))).toBe("600 000 kr");
  expect(await cellText(page, "Kontakter", CONTACTS.resultCell("01", "moved"))).toMatch(
    /^−\d[\d ]* kr$/
  );
  expect(await cellText(page, "Kontakter", CONTACTS.resultCell("12", "cap"))).toMatch(
    /^\d[\d ]* kr$/
  );
  expect(await cellText(page, "Kontakter", CONTACTS.resultCell("12", "status"))).toBe(
    "ej rapporterat"
  );
  await screenshot(page, "41-kontakter-cap-status");

  // The link selects the first missing region's contact cell.
  await page.getByTestId("go-to-missing-contacts").click();
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe(`Kontakter!${CONTACTS.cell("04")}`)
  );
});

test("a population of 0: a warning in the pane and a note beside the figure, not an error", async () => {
  page = await preview.open("sv");
  await insertSheets(page);
  await typeInto(page, "Befolkning", POPULATION.cell("09"), "0");
  const warning = page.getByTestId("warning-key-zero");
  await eventually(async () =>
    expect(norm(await warning.textContent())).toContain(
      "nyckeln (befolkning) är 0 för Region Gotland: den får inget av posterna som fördelas efter befolkning"
    )
  );
  expect(await cellText(page, "Befolkning", POPULATION.noteCell("09"))).toBe(
    "Befolkning 0: regionen får inget av posterna som fördelas efter befolkning. Kontrollera siffran."
  );
  expect(norm(await page.getByTestId("problems-section").textContent())).toContain(
    "Inga fel i indata"
  );
  expect(await paneTotal(page, "total")).toBe(944_000_000);
  await screenshot(page, "42-population-zero");
});

test("the assignment's calendar: its own events first, the 2020 events folded away; the .ics a person imports", async () => {
  page = await preview.open("sv");
  await chooseAgreement(page, /^Uppdrag till Socialstyrelsen 2024–2026/);
  const own = await page
    .getByTestId("combined-calendar")
    .getByTestId("calendar-event")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-source")));
  expect(own.length).toBeGreaterThan(0);
  expect(new Set(own)).toEqual(new Set(["socialstyrelsen-2024"]));
  // The 2020 agreement's events are past: in a closed section, not shown until opened.
  const past = page.getByTestId("past-events");
  expect(await past.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  expect(await page.getByTestId("past-calendar").isVisible()).toBe(false);
  expect(norm(await past.locator("summary").textContent())).toMatch(
    /^Tidigare händelser i andra dokument \(14, före \d{4}-\d{2}-\d{2}\)$/
  );
  await past.locator("summary").click();
  await page.getByTestId("past-calendar").waitFor();
  const pastSources = await page
    .getByTestId("past-calendar")
    .getByTestId("calendar-event")
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-source")))]);
  expect(pastSources).toEqual(["sjuk-2020"]);
  await page
    .getByTestId("combined-calendar-section")
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, "43-assignment-calendar-own-first");

  // Reminders 3 days before each deadline; lines of at most 75 octets; no repository path.
  await page.getByTestId("ics-reminder-days").fill("3");
  const ics = await downloadIcs();
  expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(20);
  expect(ics.match(/^TRIGGER:-PT72H\r$/gm)).toHaveLength(12);
  expect(ics).not.toMatch(/shared\/|seeds/);
  for (const line of ics.split("\r\n"))
    expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  expect(await page.getByTestId("ics-empty-note").count()).toBe(0);

  // A first day with nothing after it: a valid calendar without events, and a note.
  await page.getByTestId("ics-from").fill("2027-01-01");
  const empty = await downloadIcs();
  expect(empty).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  expect(empty).not.toContain("BEGIN:VEVENT");
  expect(norm(await page.getByTestId("ics-empty-note").textContent())).toBe(
    "inga utbetalningar eller deadlines från 2027-01-01 till …: filen är en giltig kalender utan händelser"
  );
  await screenshot(page, "44-ics-empty-range");
});
