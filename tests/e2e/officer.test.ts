/*
 * Issue 12, the officer's day: what a Swedish finance officer meets in the pane and the preview,
 * end to end in Debian's Chromium. One page per point, several checks on it, so CI stays fast.
 */
import type { Page } from "playwright-core";
import { RESULTS } from "../../src/workbook/agreement-sheets";
import {
  Harness,
  cellText,
  eventually,
  insertSheets,
  norm,
  openPreview,
  paneCheck,
  paneTotal,
  screenshot,
  startHarness,
  stopHarness,
  typeInto,
} from "./harness";

jest.setTimeout(90_000);

let h: Harness | undefined;
let page: Page;
let external: string[];
let errors: string[];

beforeAll(async () => {
  h = await startHarness();
}, 240_000);

afterAll(async () => {
  await stopHarness(h);
});

afterEach(async () => {
  await page?.close();
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
});

test("point 1: options chosen in the English pane keep a Swedish workbook computing; an error cell's message is shown", async () => {
  ({ page, external, errors } = await openPreview(h!, "sv"));
  await insertSheets(page);
  expect(await paneTotal(page, "total")).toBe(944_000_000);

  // A colleague with English Office opens the Swedish workbook and chooses the options.
  await page.getByTestId("language-switch").click();
  await page.getByRole("radio", { name: /Its share lapses/ }).check();
  await eventually(async () =>
    expect(await cellText(page, "Resultat", RESULTS.ruleCell)).toBe("förfaller")
  );
  await page.getByRole("radio", { name: /The agreement's rules/ }).check();

  // The option cell stays in the sheet's language, and every total still computes.
  await eventually(async () =>
    expect(await cellText(page, "Resultat", RESULTS.ruleCell)).toBe("avtalets regler")
  );
  await eventually(async () => expect(await paneTotal(page, "total")).toBe(944_000_000));
  expect(await paneTotal(page, "regions")).toBe(840_000_000);
  expect(await paneCheck(page, "total")).toBe("✓");
  expect(await page.getByRole("radio", { name: /The agreement's rules/ }).isChecked()).toBe(true);

  // A word the SJUK functions cannot read: the pane names the cell and says why, not only #VALUE!.
  await typeInto(page, "Resultat", RESULTS.optionsTextCell, "xyz");
  const problems = page.getByTestId("problems");
  await eventually(async () => {
    const text = norm(await problems.textContent());
    expect(text).toContain("#VALUE!");
    expect(text).toContain('"xyz"');
    expect(text).toMatch(/inget alternativ|not an option/);
  });
  await screenshot(page, "officer-01-options-and-errors");
});
