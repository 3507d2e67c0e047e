/*
 * Issue 12, points 9, 5 and 6 (the pane): in Excel's 350 px pane, in Debian's Chromium,
 * - axe-core finds no WCAG 2.1 A/AA violation in any state of the pane or the preview, in
 *   Swedish and English;
 * - the officer's paths work by keyboard alone: insert the sheets, set the options, walk the
 *   error list and jump to the cell, choose a scenario;
 * - every engine warning is shown beside the totals, and the totals come before long sections;
 * - nothing is cut or scrolls sideways, no word in the totals breaks mid-word, chart labels are whole.
 */
import type { Page } from "playwright-core";
import { REGIONS } from "../../src/engine/regions";
import { CONDITIONS, POPULATION, RESULTS } from "../../src/workbook/agreement-sheets";
import {
  axeViolations,
  chooseAgreement,
  eventually,
  insertGrantSheets,
  insertSheets,
  norm,
  paneHeight,
  paneOverflow,
  screenshot,
  tabTo,
  wordsBrokenIn,
  usePreview,
  writeCells,
} from "./harness";

jest.setTimeout(120_000);

let page: Page;
const preview = usePreview();

/** Writes cells as the grid would (the setup of a state, not the path under test). */
const write = (sheet: string, cells: { address: string; value: string | number }[]) =>
  writeCells(page, sheet, cells);

async function readCell(sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    async ([s, a]) =>
      (
        await (
          window as unknown as {
            sjuk: { port: { readRange: (s: string, a: string) => Promise<unknown[][]> } };
          }
        ).sjuk.port.readRange(s, a)
      )[0]![0],
    [sheet, address] as const
  );
}

/**
 * Every check of a state: no axe violation, and everything fits the pane. The pane's states are
 * checked within the pane; `whole` checks the whole page, the preview's grid and bar too.
 */
async function checkState(state: string, whole = false): Promise<void> {
  const violations = await axeViolations(page, whole ? undefined : '[data-testid="pane-frame"]');
  expect([state, violations]).toEqual([state, []]);
  expect([state, await paneOverflow(page)]).toEqual([state, []]);
}

async function open(section: string): Promise<void> {
  const details = page.getByTestId(section).locator("details").first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await page.getByTestId(`${section}-toggle`).click();
}

for (const lang of ["sv", "en"] as const) {
  test(`point 9 and 6 (${lang}): no WCAG 2.1 AA violation and nothing cut at 350 px, in every state of the agreement's pane`, async () => {
    page = await preview.openPane(lang);
    await checkState("empty workbook", true);

    await insertSheets(page);
    await checkState("sheets inserted");
    expect(await wordsBrokenIn(page.getByTestId("totals"))).toEqual([]);

    // Results with warnings: Gotland does not fulfil v2, so 809 099 kr are not paid out.
    await write(lang === "sv" ? "Villkor" : "Conditions", [
      { address: CONDITIONS.cell("09", "v2"), value: lang === "sv" ? "nej" : "no" },
    ]);
    await page.locator('[data-testid="engine-warning"][data-code="unpaid"]').waitFor();
    await checkState("results with warnings");

    await open("chart-section");
    await page.getByTestId("region-chart").locator("svg").first().waitFor();
    await page.getByTestId("chart-section").locator("summary").nth(1).click();
    await open("calendar-section");
    await checkState("chart, table and calendar open");

    // The error list: a text in a population cell.
    await write(lang === "sv" ? "Befolkning" : "Population", [
      { address: POPULATION.cell("12"), value: "tolv" },
    ]);
    await page.getByTestId("problems").waitFor();
    await checkState("error list shown");

    // The scenarios section with a saved scenario.
    await page.getByTestId("scenario-name").fill("Bas");
    await page.getByTestId("scenario-create").click();
    await page.getByTestId("scenario-choice").waitFor();
    await checkState("a scenario saved", true);
    await screenshot(page, `a11y-agreement-${lang}`);
  });
}

test("point 9 and 6: the assignment's pane and the preview in English after Swedish have no violation and fit 350 px", async () => {
  page = await preview.openPane("sv");
  await chooseAgreement(page, /^Uppdrag till Socialstyrelsen 2024–2026/);
  await checkState("assignment, no sheets");
  await insertGrantSheets(page);
  await checkState("assignment, sheets inserted");

  // The language switched in the preview: the page's language follows, and still no violation.
  await page.getByTestId("language-switch").check();
  await eventually(async () =>
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en")
  );
  await checkState("assignment in English");
  // The preview's grid and bar too, on a sheet of figures.
  await page.getByRole("tab", { name: "Bidrag", exact: true }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test("point 9: insert, options, the error list and a scenario, by keyboard alone", async () => {
  page = await preview.openPane("sv");
  // The first Tab stop skips the grid to the pane.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByTestId("insert-sheets"));
  await page.keyboard.press("Enter");
  await page.getByTestId("message-success").waitFor();
  await page.getByTestId("totals").waitFor();

  // The options: Tab into the group, arrows choose.
  await tabTo(page, page.getByRole("radio", { name: /^Avtalets regler/ }));
  await page.keyboard.press("ArrowDown");
  await eventually(async () =>
    expect(await readCell("Resultat", RESULTS.ruleCell)).toBe("förfaller")
  );
  expect(await page.getByRole("radio", { name: /Andelen förfaller/ }).isChecked()).toBe(true);
  await tabTo(page, page.getByRole("radio", { name: "Efter befolkning" }));
  await page.keyboard.press("ArrowDown");
  await eventually(async () =>
    expect(await readCell("Resultat", RESULTS.redistributionCell)).toBe("obetalda-kontakter")
  );

  // The error list: reach the problem, Enter selects its cell in the grid.
  await write("Befolkning", [{ address: POPULATION.cell("12"), value: "tolv" }]);
  const problem = page.getByTestId("problem").first();
  await problem.waitFor();
  await page.getByTestId("pane-frame").focus();
  await tabTo(page, problem);
  await page.keyboard.press("Enter");
  await eventually(async () =>
    expect(await page.getByTestId("name-box").inputValue()).toBe(
      `Befolkning!${POPULATION.cell("12")}`
    )
  );

  // Two scenarios made and the first chosen, by keyboard.
  await page.getByTestId("pane-frame").focus();
  for (const name of ["Bas", "Hög"]) {
    await tabTo(page, page.getByTestId("scenario-name"));
    await page.keyboard.press("Control+A");
    await page.keyboard.type(name);
    await tabTo(page, page.getByTestId("scenario-create"));
    await page.keyboard.press("Enter");
    await page.getByTestId("scenario-message-success").waitFor();
    await page.getByTestId("pane-frame").focus();
  }
  const choice = page.getByTestId("scenario-choice");
  await eventually(async () => expect(norm(await choice.textContent())).toBe("Hög"));
  await tabTo(page, choice);
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Bas" }).waitFor();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await eventually(async () => expect(norm(await choice.textContent())).toBe("Bas"));
});

test("point 5: every engine warning sits with the totals, the totals come first, and the pane is shorter", async () => {
  page = await preview.openPane("sv");
  await insertSheets(page);
  const totalsSection = page.getByTestId("totals-section");
  // Without contact counts the engine assumes them: said beside the totals, not only in a cell note.
  const assumed = totalsSection.locator(
    '[data-testid="engine-warning"][data-code="contacts-assumed"]'
  );
  expect(norm(await assumed.textContent())).toContain("v3-contacts");
  await write("Villkor", [{ address: CONDITIONS.cell("09", "v2"), value: "nej" }]);
  const unpaid = totalsSection.locator('[data-testid="engine-warning"][data-code="unpaid"]');
  await eventually(async () => expect(norm(await unpaid.textContent())).toContain("809 099 kr"));
  // Right under the totals' table, in its section.
  const table = (await page.getByTestId("totals").boundingBox())!;
  expect((await unpaid.boundingBox())!.y).toBeGreaterThan(table.y + table.height);

  // The totals come right after the sheets, before every long section, high in the pane.
  const top = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
  const paneTop = await top("taskpane");
  for (const later of ["problems-section", "options-section", "chart-section", "calendar-section"])
    expect(await top("totals-section")).toBeLessThan(await top(later));
  // Before: the table started 830 px down and the pane was 3 594 px tall (this state, 350 px).
  const tableTop = Math.round(table.y - paneTop);
  expect(tableTop).toBeLessThan(650);
  const height = await paneHeight(page);
  expect(height).toBeLessThan(2_400);
  console.log(
    `the agreement's pane at 350 px: totals table ${tableTop} px down, ${height} px tall`
  );
});

test("point 6: at 350 px the chart's labels are whole, and the totals keep their words whole in English too", async () => {
  page = await preview.openPane("en");
  await insertSheets(page);
  expect(await wordsBrokenIn(page.getByTestId("totals"))).toEqual([]);
  await open("chart-section");
  const chart = page.getByTestId("region-chart");
  await chart.locator("svg").first().waitFor();
  const labels = await chart.evaluate((figure) => {
    const box = figure.getBoundingClientRect();
    return Array.from(figure.querySelectorAll("svg text")).map((t) => {
      const r = t.getBoundingClientRect();
      return {
        text: (t.textContent ?? "").trim(),
        inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
      };
    });
  });
  const names = labels.map((l) => l.text);
  // Every region's short name, whole (no "…"), and every label inside the chart.
  for (const region of REGIONS) expect(names).toContain(region.short);
  expect(names.filter((n) => n.includes("…") || n.includes("..."))).toEqual([]);
  expect(labels.filter((l) => !l.inside)).toEqual([]);
  expect(await paneOverflow(page)).toEqual([]);
});
