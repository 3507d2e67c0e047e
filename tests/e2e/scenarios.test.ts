import { copyFileSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { ScenarioSchema, auditRows, type Scenario } from "../../src/scenarios";
import { scenarioResult } from "../../src/workbook/scenario-reports";
import {
  ARTIFACTS,
  ROOT,
  cellText,
  eventually,
  insertSheets,
  kronor,
  norm,
  openSheet,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(90_000);

/*
 * Issue 10 in the preview: three scenarios (the shipped key; a user's key column; a 50/50 key mix
 * with Gotland not fulfilling villkor 2 and the unpaid-contacts redistribution) imported through
 * the pane, saved on the Scenarier sheet, compared, and one audit sheet written.
 */
const example = (file: string) =>
  readFileSync(join(__dirname, "..", "..", "examples", file), "utf8");
const figures = shippedPopulationKey().figures;
const userKey: Scenario = {
  name: "Egen nyckel",
  key: {
    figures: Object.fromEntries(
      REGIONS.map((r) => [r.code, Number(figures[r.code]) + (r.code === "01" ? 100_000 : 0)])
    ),
  },
};
const FILES = [
  { name: "shipped.json", text: example("scenario-shipped-key.json") },
  { name: "egen.json", text: JSON.stringify(userKey) },
  { name: "mix.json", text: example("scenario-mix-gotland.json") },
];
const mix = ScenarioSchema.parse(JSON.parse(FILES[2]!.text));

/** "+12 345 kr", "−12 345 kr" → ±12345. */
const signed = (text: string | null) => kronor(norm(text).replace(/^\+/, ""));
/** "1 234 567 kr" or a plain number as the grid shows it ("1234567"). */
const kronorOrNumber = (text: string) => kronor(text.replace(/ kr$/, ""));

let page: Page;
const preview = usePreview();

beforeEach(async () => {
  page = await preview.open();
});

/** Every SUM formula cell of the audit table whose value the engine gives, by address. */
function auditSums(table: ReturnType<typeof auditRows>): { address: string; value: number }[] {
  const out: { address: string; value: number }[] = [];
  table.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell && typeof cell === "object" && /^SUM\(/.test(cell.formula))
        out.push({ address: `${String.fromCharCode(65 + j)}${4 + i}`, value: cell.value as number });
    })
  );
  return out;
}

/** A cell's value in the page's workbook (HyperFormula), for checks of many cells at once. */
function valuesIn(page: Page, sheet: string, addresses: string[]): Promise<unknown[]> {
  return page.evaluate(
    ({ sheet, addresses }) => {
      const { hf } = (window as unknown as { sjuk: { hf: any } }).sjuk;
      const id = hf.getSheetId(sheet);
      return addresses.map((a) => hf.getCellValue(hf.simpleCellAddressFromString(a, id)));
    },
    { sheet, addresses }
  );
}

test("three scenarios created and saved, the workbook saved and reopened from its file, compared in the pane and on a sheet, and the audit sheet's SUMs equal the results", async () => {
  for (const file of FILES) {
    await page
      .getByTestId("scenario-import-file")
      .setInputFiles({
        name: file.name,
        mimeType: "application/json",
        buffer: Buffer.from(file.text),
      });
    await page.getByTestId("scenario-message-success").waitFor();
  }
  // A user's cell reading a saved scenario: it must survive the reopen too.
  await typeInto(page, "Blad1", "A1", `=SJUK.SCENARIO("${mix.name}"; "Skåne"; SJUK_Scenarier; "v1")`);
  const mixResult = scenarioResult(mix);
  const skaneV1 = mixResult.posts.find((p) => p.post.id === "v1")!.payments.find((x) => x.recipient === "12")!.amount;
  await eventually(async () => expect(kronorOrNumber(await cellText(page, "Blad1", "A1"))).toBe(skaneV1));

  // Save: the preview downloads the workbook as a file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("workbook-save").click()]);
  const saved = readFileSync((await download.path())!, "utf8");
  expect(download.suggestedFilename()).toBe("arbetsbok.sjuk.json");

  // Reopen from the file: the page loads afresh and builds its workbook from what was saved.
  await Promise.all([
    page.waitForEvent("load"),
    page.getByTestId("workbook-open-file").setInputFiles({ name: "arbetsbok.sjuk.json", mimeType: "application/json", buffer: Buffer.from(saved) }),
  ]);
  await page.getByTestId("taskpane").waitFor();
  await page.getByTestId("scenario-comparison").waitFor();
  await openSheet(page, "Scenarier");
  expect(await cellText(page, "Scenarier", "A5")).toBe("Medföljande nyckel");
  expect(await cellText(page, "Scenarier", "A6")).toBe("Egen nyckel");
  expect(await cellText(page, "Scenarier", "A7")).toBe(mix.name);
  expect(kronorOrNumber(await cellText(page, "Blad1", "A1"))).toBe(skaneV1);

  // The pane's comparison view (base: the first): every recipient's payment and difference, and sums that add up.
  const view = page.getByTestId("scenario-comparison");
  // Each scenario whose key is not from the agreement's 1 November 2019 says so, in Swedish.
  const keyWarnings = (await view.getByTestId("comparison-key").allTextContents()).map(norm);
  expect(keyWarnings.find((t) => t.startsWith("Medföljande nyckel:"))).toMatch(/från 2019-12-31 .*inte från 2019-11-01/);
  expect(keyWarnings.find((t) => t.startsWith(`${mix.name}:`))).toMatch(/olika datum \(2018-12-31, 2019-12-31\)/);
  const total = view.getByTestId("comparison-total");
  expect(kronor(await total.getByTestId("base").textContent())).toBe(944_000_000);
  expect(kronor(await total.getByTestId("amount-1").textContent())).toBe(mixResult.total);
  expect(signed(await total.getByTestId("difference-1").textContent())).toBe(mixResult.total - 944_000_000);
  let differences = 0;
  for (const r of REGIONS) differences += signed(await view.getByTestId(`comparison-${r.code}`).getByTestId("difference-1").textContent());
  for (const code of ["SKR", "Försäkringskassan", "Socialstyrelsen", "government"]) {
    const row = view.getByTestId(`comparison-${code}`);
    if (await row.count()) differences += signed(await row.getByTestId("difference-1").textContent());
  }
  expect(differences).toBe(mixResult.total - 944_000_000);
  // Amounts as "1 234 567 kr", per cent with a decimal comma; the chart of differences per region.
  expect(norm(await total.getByTestId("base").textContent())).toBe("944 000 000 kr");
  expect(norm(await view.getByTestId("comparison-09").getByTestId("percent-1").textContent())).toMatch(/^−\d+,\d\d %$/);
  await view.getByTestId("comparison-chart").waitFor();
  const chartLabel = (await view.getByTestId("comparison-chart").getAttribute("aria-label"))!;
  expect(chartLabel).toContain("Region Gotland −");

  // At 350 px (the task pane's width in Excel): the view fits, its table scrolls inside its own box.
  await page.setViewportSize({ width: 1500, height: 1400 });
  await page.locator("aside").evaluate((el) => (el.style.width = "350px"));
  await view.getByTestId("comparison-post").click();
  await page.getByRole("option", { name: "v2", exact: true }).click();
  await eventually(async () => expect(norm(await view.getByTestId("comparison-09").getByTestId("percent-1").textContent())).toBe("−100,00 %"));
  const width = await view.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, chart: el.querySelector("[data-testid=comparison-chart] svg")!.getBoundingClientRect().width }));
  expect(width.client).toBeLessThanOrEqual(350);
  expect(width.scroll).toBeLessThanOrEqual(width.client);
  expect(width.chart).toBeLessThanOrEqual(width.client);
  const table = await view.getByTestId("comparison-table").evaluate((el) => el.parentElement!.scrollWidth > el.parentElement!.clientWidth);
  expect(table).toBe(true); // wider than the pane: scrolled inside its box, not the page
  await view.evaluate((el) => el.scrollIntoView({ block: "start" }));
  const picture = path.join(ARTIFACTS, "10-comparison-view.png");
  await view.screenshot({ path: picture });
  if (process.env.SJUK_UPDATE_DOCS === "1") copyFileSync(picture, path.join(ROOT, "docs/comparison.png"));
  await page.setViewportSize({ width: 1500, height: 950 });

  // The comparison sheet: v1's sum row (row 26) pays 100 000 000 kr in every scenario.
  await page.getByTestId("scenario-compare").click();
  await page.getByRole("tab", { name: "Jämförelse", exact: true }).waitFor();
  expect(await cellText(page, "Jämförelse", "B26")).toBe("Summa");
  for (const c of ["C26", "D26", "E26"]) expect(kronor(await cellText(page, "Jämförelse", c))).toBe(100_000_000);
  expect(kronor(await cellText(page, "Jämförelse", "F26"))).toBe(0);
  await screenshot(page, "10-scenarios-compared");

  // The mix's audit sheet: every SUM the sheet holds equals the engine's figure, and the total the result.
  await page.getByTestId("scenario-choice").click();
  await page.getByRole("option", { name: mix.name }).click();
  await page.getByTestId("scenario-audit").click();
  await page.getByRole("tab", { name: "Revision", exact: true }).waitFor();
  const audit = auditRows(mixResult, "sv", 4, 1);
  await eventually(async () => expect(kronor(await cellText(page, "Revision", audit.totalCell))).toBe(mixResult.total));
  const sums = auditSums(audit);
  expect(sums.length).toBeGreaterThan(REGIONS.length);
  expect(await valuesIn(page, "Revision", sums.map((s) => s.address))).toEqual(sums.map((s) => s.value));
});

test("the sensitivity view: Skåne's payment at its key figure ± 1 000, and who gains when Gotland does not fulfil v4", async () => {
  await page.getByTestId("scenario-import-file").setInputFiles({ name: "shipped.json", mimeType: "application/json", buffer: Buffer.from(FILES[0]!.text) });
  const view = page.getByTestId("scenario-sensitivity");
  await view.waitFor();
  await view.getByTestId("sensitivity-region").click();
  await page.getByRole("option", { name: "Region Skåne" }).click();
  const v1 = view.getByTestId("sensitivity-v1");
  await eventually(async () => expect(kronor(await v1.getByTestId("base").textContent())).toBe(13_341_226));
  expect(signed(await v1.getByTestId("minus").textContent())).toBe(-8_392);
  expect(norm(await v1.getByTestId("plus").textContent())).toBe("+8 390 kr");
  const sum = view.getByTestId("sensitivity-total");
  expect(kronor(await sum.getByTestId("base").textContent())).toBe(112_066_300);
  expect(signed(await sum.getByTestId("minus").textContent())).toBe(-70_492);

  await view.getByTestId("sensitivity-region").click();
  await page.getByRole("option", { name: "Region Gotland" }).click();
  await view.getByTestId("sensitivity-post").click();
  await page.getByRole("option", { name: "v4", exact: true }).click();
  await eventually(async () => expect(norm(await view.getByTestId("impact-01").getByTestId("difference").textContent())).toBe("+66 897 kr"));
  expect(signed(await view.getByTestId("impact-09").getByTestId("difference").textContent())).toBe(-288_964);
  await screenshot(page, "10-scenario-sensitivity");
});

test("a scenario whose name is taken is refused in the pane's language, and the pane stays", async () => {
  await insertSheets(page);
  for (const name of ["Bas", "bas"]) {
    await page.getByTestId("scenario-name").fill(name);
    await page.getByTestId("scenario-create").click();
  }
  const error = page.getByTestId("scenario-message-error");
  await error.waitFor();
  expect(norm(await error.textContent())).toMatch(
    /två scenarier heter "bas"; vart och ett behöver ett eget namn/
  );
  expect(await page.getByTestId("totals").count()).toBe(1);
});
