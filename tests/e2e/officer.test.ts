/*
 * Issue 12, the officer's day: what a Swedish finance officer meets in the pane and the preview,
 * end to end in Debian's Chromium. One page per point, several checks on it, so CI stays fast.
 */
import type { Page } from "playwright-core";
import { RESULTS } from "../../src/workbook/agreement-sheets";
import {
  cellText,
  chooseAgreement,
  eventually,
  gridCell,
  insertGrantSheets,
  insertSheets,
  kronor,
  norm,
  paneCheck,
  paneTotal,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(90_000);

let page: Page;
const preview = usePreview();

test("point 1: options chosen in the English pane keep a Swedish workbook computing; an error cell's message is shown", async () => {
  page = await preview.open("sv");
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

test("point 2: the preview takes Swedish Excel's formulas in Swedish and English Excel's in English", async () => {
  page = await preview.open("sv");
  await insertSheets(page);
  const skane = kronor(await cellText(page, "Resultat", RESULTS.cell("12", "v1")));
  expect(skane).toBeGreaterThan(0);

  // The README's own formula, as Swedish Excel writes it.
  await typeInto(page, "Blad1", "A1", '=SJUK.SHARE("skåne"; Befolkning!$A$6:$C$26; "v1")');
  await typeInto(page, "Blad1", "A2", "=AVRUNDA(SUMMA(2,5;1,25);1)");
  await typeInto(page, "Blad1", "A3", '=OM(1>0;"ja";"nej")');
  await typeInto(page, "Blad1", "A4", "=SUMMA(1;");
  await eventually(async () => expect(kronor(await cellText(page, "Blad1", "A1"))).toBe(skane));
  expect(await cellText(page, "Blad1", "A2")).toBe("3,8");
  expect(await cellText(page, "Blad1", "A3")).toBe("ja");
  // The formula bar shows the formula as it was typed, in Swedish.
  await gridCell(page, "A2").click();
  expect(await page.getByTestId("formula-bar").inputValue()).toBe("=AVRUNDA(SUMMA(2,5;1,25);1)");
  // A formula that cannot be read says why in Swedish.
  expect(await gridCell(page, "A4").getAttribute("title")).toMatch(/^Formeln kan inte läsas/);

  // In English: English names, "," between arguments, "." as decimal mark.
  await page.getByTestId("language-switch").click();
  await typeInto(page, "Blad1", "B2", "=ROUND(SUM(2.5,1.25),1)");
  await eventually(async () => expect(await cellText(page, "Blad1", "B2")).toBe("3.8"));
  await gridCell(page, "A2").click();
  expect(await page.getByTestId("formula-bar").inputValue()).toBe("=ROUND(SUM(2.5,1.25),1)");
  await screenshot(page, "officer-02-swedish-formulas");
});

test("point 5: the key-date warning sits with the totals, and the totals come first", async () => {
  page = await preview.open("sv");
  await insertSheets(page);
  const totals = page.getByTestId("totals-section");
  const warning = totals.getByTestId("warning-key-date");
  expect(norm(await warning.textContent())).toContain("2019-12-31");
  expect(norm(await warning.textContent())).toContain("2019-11-01");
  const top = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
  expect(await top("totals-section")).toBeLessThan(await top("problems-section"));
  expect(await top("totals-section")).toBeLessThan(await top("options-section"));

  // With the agreement's date the warning goes; the totals stay.
  await typeInto(page, "Befolkning", "B2", "2019-11-01");
  await eventually(async () => expect(await warning.count()).toBe(0));
  expect(await paneTotal(page, "total")).toBe(944_000_000);

  // In English too.
  await typeInto(page, "Befolkning", "B2", "2019-12-31");
  await page.getByTestId("language-switch").click();
  await eventually(async () =>
    expect(norm(await warning.textContent())).toContain("not the agreement's 2019-11-01")
  );
});

test("point 6 (part): the 'ej aktuellt' badge is readable (WCAG AA contrast)", async () => {
  page = await preview.open("sv");
  await chooseAgreement(page, /^Uppdrag till Socialstyrelsen 2024–2026/);
  await insertGrantSheets(page);
  const badge = page.locator('[data-testid="deadline-state"][data-state="not-applicable"]').first();
  expect(norm(await badge.textContent())).toBe("ej aktuellt");
  const ratio = await badge.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    let bg: HTMLElement | null = el as HTMLElement;
    let back = "rgb(255, 255, 255)";
    while (bg) {
      const c = getComputedStyle(bg).backgroundColor;
      const parts = rgb(c);
      if (parts.length >= 3 && (parts.length < 4 || parts[3]! > 0)) {
        back = c;
        break;
      }
      bg = bg.parentElement;
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(back))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  expect(ratio).toBeGreaterThanOrEqual(4.5);
});
