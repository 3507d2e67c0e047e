/*
 * Issue 12 point 3: the preview grid behaves like Excel where a finance officer relies on it —
 * clicks beside overflowing text, the clipboard (raw values, TSV), formulas that shift when
 * pasted or filled, undo/redo, #### for a number too wide, an editable formula bar with the
 * error's reason, formula help for the SJUK functions, frozen region columns and header rows.
 * End to end in Debian's Chromium, one page per test.
 */
import type { Page } from "playwright-core";
import { POPULATION, RESULTS } from "../../src/workbook/agreement-sheets";
import {
  cellText,
  eventually,
  gridCell,
  insertSheets,
  kronor,
  norm,
  openSheet,
  screenshot,
  typeInto,
  usePreview,
} from "./harness";

jest.setTimeout(90_000);

let page: Page;
const preview = usePreview();

beforeEach(async () => {
  page = await preview.open("sv");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(preview.harness.url).origin,
  });
});

const formulaBar = () => page.getByTestId("formula-bar");
const nameBox = () => page.getByTestId("name-box");

/** Selects a block as a user does: click the first cell, shift-click the last. */
async function selectRange(from: string, to: string): Promise<void> {
  await gridCell(page, from).click();
  await gridCell(page, to).click({ modifiers: ["Shift"] });
}

async function clipboard(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** What a cell of the visible sheet shows (without clicking its tab, which takes the keyboard). */
async function shows(address: string): Promise<string> {
  return norm(await gridCell(page, address).textContent());
}

async function formulaOf(address: string): Promise<string> {
  await gridCell(page, address).click();
  return formulaBar().inputValue();
}

test("a click on text running on into an empty cell selects that cell; typing there keeps the text", async () => {
  const long =
    "Beslutsunderlag för utbetalning av medel enligt överenskommelsen om sjukskrivningsprocessen 2020";
  await typeInto(page, "Blad1", "A1", long);
  const b1 = gridCell(page, "B1");
  const box = (await b1.boundingBox())!;
  // The text covers B1's left part; the click lands there.
  await page.mouse.click(box.x + 12, box.y + box.height / 2);
  await eventually(async () => expect(await nameBox().inputValue()).toBe("Blad1!B1"));
  await page.keyboard.type("x");
  await page.keyboard.press("Enter");
  await eventually(async () => expect(await cellText(page, "Blad1", "B1")).toBe("x"));
  expect(await cellText(page, "Blad1", "A1")).toBe(long);
});

test("Ctrl+C copies raw values as TSV (no grouping, codes keep their zero); Ctrl+V pastes TSV", async () => {
  await insertSheets(page);
  await openSheet(page, "Befolkning");
  const stockholm = kronor(await cellText(page, "Befolkning", POPULATION.cell("01")));
  const uppsala = kronor(await cellText(page, "Befolkning", POPULATION.cell("03")));
  await selectRange("A6", "C7");
  await page.keyboard.press("Control+C");
  await eventually(async () =>
    expect(await clipboard()).toBe(
      `01\tRegion Stockholm\t${stockholm}\r\n03\tRegion Uppsala\t${uppsala}`
    )
  );
  expect(stockholm).toBe(2_377_081);

  // Text from elsewhere (two rows of tab-separated values, Swedish decimals) pastes as values.
  await openSheet(page, "Blad1");
  await page.evaluate(() => navigator.clipboard.writeText("1 234\t2,5\r\nett\t=1+1\r\n"));
  await gridCell(page, "D1").click();
  await page.keyboard.press("Control+V");
  await eventually(async () => expect(await cellText(page, "Blad1", "D1")).toBe("1234"));
  expect(await cellText(page, "Blad1", "E1")).toBe("2,5");
  expect(await cellText(page, "Blad1", "D2")).toBe("ett");
  expect(await cellText(page, "Blad1", "E2")).toBe("2");
});

test("pasted, filled and cut formulas shift relative references and keep absolute ones", async () => {
  await typeInto(page, "Blad1", "A1", "1");
  await typeInto(page, "Blad1", "A2", "2");
  await typeInto(page, "Blad1", "A3", "3");
  await typeInto(page, "Blad1", "B1", "=A1*10+$A$1");

  // Copy B1, paste one row down: A1 → A2, $A$1 stays.
  await gridCell(page, "B1").click();
  await page.keyboard.press("Control+C");
  await gridCell(page, "B2").click();
  await page.keyboard.press("Control+V");
  await eventually(async () => expect(await cellText(page, "Blad1", "B2")).toBe("21"));
  expect(await formulaOf("B2")).toBe("=A2*10+$A$1");

  // Fill down (Ctrl+D) over B1:B3.
  await selectRange("B1", "B3");
  await page.keyboard.press("Control+D");
  await eventually(async () => expect(await cellText(page, "Blad1", "B3")).toBe("31"));
  expect(await formulaOf("B3")).toBe("=A3*10+$A$1");

  // Fill right (Ctrl+R) from B1 into C1.
  await selectRange("B1", "C1");
  await page.keyboard.press("Control+R");
  await eventually(async () => expect(await formulaOf("C1")).toBe("=B1*10+$A$1"));

  // Cut B3 and paste into D5: the formula moves as it is.
  await gridCell(page, "B3").click();
  await page.keyboard.press("Control+X");
  await gridCell(page, "D5").click();
  await page.keyboard.press("Control+V");
  await eventually(async () => expect(await cellText(page, "Blad1", "D5")).toBe("31"));
  expect(await formulaOf("D5")).toBe("=A3*10+$A$1");
  expect(await cellText(page, "Blad1", "B3")).toBe("");
});

test("Ctrl+Z undoes and Ctrl+Y redoes edits, pastes and deletes", async () => {
  await typeInto(page, "Blad1", "A1", "5");
  await typeInto(page, "Blad1", "A1", "7");
  await gridCell(page, "C3").click();
  await page.keyboard.press("Control+Z");
  await eventually(async () => expect(await shows("A1")).toBe("5"));
  await page.keyboard.press("Control+Y");
  await eventually(async () => expect(await shows("A1")).toBe("7"));

  await gridCell(page, "A1").click();
  await page.keyboard.press("Delete");
  await eventually(async () => expect(await shows("A1")).toBe(""));
  await page.keyboard.press("Control+Z");
  await eventually(async () => expect(await shows("A1")).toBe("7"));

  // A paste is one step too.
  await page.keyboard.press("Control+C");
  await gridCell(page, "B2").click();
  await page.keyboard.press("Control+V");
  await eventually(async () => expect(await shows("B2")).toBe("7"));
  await page.keyboard.press("Control+Z");
  await eventually(async () => expect(await shows("B2")).toBe(""));
  expect(await shows("A1")).toBe("7");
});

test("a number too wide for its column shows ####, its value in the cell's title; an entered one widens it", async () => {
  await typeInto(page, "Blad1", "A1", "1");
  await typeInto(page, "Blad1", "B1", "=A1*1000");
  expect(await cellText(page, "Blad1", "B1")).toBe("1000");
  await typeInto(page, "Blad1", "A1", "123456789");
  await eventually(async () => expect(await cellText(page, "Blad1", "B1")).toMatch(/^#{3,}$/));
  expect(norm(await gridCell(page, "B1").getAttribute("title"))).toBe("123 456 789 000");
  // The number entered widens its own column instead (Excel's autofit on entry).
  expect(await shows("A1")).toBe("123 456 789");

  // The inserted sheets' figures all fit: no #### among the results.
  await insertSheets(page);
  await openSheet(page, "Resultat");
  const texts = await page
    .locator('[data-testid="grid"] table.jss_worksheet > tbody td[data-kind="number"]')
    .allTextContents();
  expect(texts.length).toBeGreaterThan(100);
  expect(texts.filter((t) => t.includes("#"))).toEqual([]);
  expect(kronor(await cellText(page, "Resultat", RESULTS.sumCell("total")))).toBe(840_000_000);
});

test("the formula bar edits the active cell in Swedish (Enter commits, Escape cancels) and shows a cell's error", async () => {
  await gridCell(page, "A1").click();
  await formulaBar().click();
  await formulaBar().fill("=SUMMA(1,5;2)");
  await formulaBar().press("Enter");
  await eventually(async () => expect(await shows("A1")).toBe("3,5"));
  // Enter gives the keyboard back to the grid: Ctrl+Z there undoes the entry, Ctrl+Y redoes it.
  await page.keyboard.press("Control+Z");
  await eventually(async () => expect(await shows("A1")).toBe(""));
  await page.keyboard.press("Control+Y");
  await eventually(async () => expect(await shows("A1")).toBe("3,5"));
  expect(await formulaOf("A1")).toBe("=SUMMA(1,5;2)");

  await formulaBar().click();
  await formulaBar().fill("=1+");
  await formulaBar().press("Escape");
  expect(await formulaBar().inputValue()).toBe("=SUMMA(1,5;2)");
  expect(await cellText(page, "Blad1", "A1")).toBe("3,5");

  // An error cell: its reason in the status line under the formula bar, not only in a tooltip.
  await typeInto(page, "Blad1", "A2", '=SJUK.POST("zz")');
  await gridCell(page, "A2").click();
  const status = page.getByTestId("cell-status");
  await eventually(async () => {
    const text = norm(await status.textContent());
    expect(text).toMatch(/^#N\/A: /);
    expect(text).toContain("zz");
  });
  await gridCell(page, "A1").click();
  await eventually(async () => expect(norm(await status.textContent())).toBe(""));
  await screenshot(page, "grid-formula-bar");
});

test("formula help: the SJUK functions complete as typed, with their arguments and descriptions", async () => {
  await insertSheets(page);
  const skane = kronor(await cellText(page, "Resultat", RESULTS.cell("12", "v1")));
  await openSheet(page, "Blad1");
  await gridCell(page, "A1").click();
  await page.keyboard.type("=sjuk.sh");
  const help = page.getByTestId("formula-help").filter({ has: page.getByRole("listbox") });
  const options = page.getByTestId("formula-help").getByRole("option");
  await eventually(async () =>
    expect(
      await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name))
    ).toEqual(["SJUK.SHARE", "SJUK.SHARES"])
  );
  expect(await help.count()).toBeGreaterThan(0);
  // The first is active; Tab takes it.
  await page.keyboard.press("Tab");
  const editor = gridCell(page, "A1").locator("input.sjuk-editor");
  expect(await editor.inputValue()).toBe("=SJUK.SHARE(");
  const hint = page.getByTestId("formula-hint").locator("visible=true");
  await eventually(async () =>
    expect(norm(await hint.textContent())).toContain(
      "SJUK.SHARE(region; [key]; [post]; [fulfilment]; [options]; [agreement])"
    )
  );
  expect(await hint.locator("strong").textContent()).toBe("region");
  // The description in Swedish, from functions.json's JSDoc.
  expect(norm(await hint.textContent())).toContain("Region: namn, kortnamn eller länskod.");
  await page.keyboard.type('"skåne"; ');
  await eventually(async () => expect(await hint.locator("strong").textContent()).toBe("[key]"));
  await page.keyboard.type('Befolkning!$A$6:$C$26; "v1")');
  await page.keyboard.press("Enter");
  // The column widens for the figure entered, as in Excel.
  await eventually(async () => expect(kronor(await shows("A1"))).toBe(skane));

  // In the formula bar too.
  await gridCell(page, "B1").click();
  await formulaBar().click();
  await formulaBar().pressSequentially("=SJUK.ALL");
  await eventually(async () =>
    expect(
      await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name))
    ).toEqual(["SJUK.ALLOCATE"])
  );
  expect(await formulaBar().getAttribute("role")).toBe("combobox");
  await screenshot(page, "grid-formula-help");
});

test("the grid is an ARIA grid named after its sheet, with column and row headers", async () => {
  const grid = page.getByRole("grid", { name: "Blad Blad1" });
  await grid.waitFor();
  expect(await grid.getByRole("columnheader", { name: "C", exact: true }).count()).toBe(1);
  expect(await grid.getByRole("rowheader", { name: "3", exact: true }).count()).toBe(1);
});

test("the input sheets keep the region columns and the header rows in view when scrolled", async () => {
  await page.setViewportSize({ width: 1000, height: 520 });
  await insertSheets(page);
  await openSheet(page, "Befolkning");
  const at = async (address: string) => (await gridCell(page, address).boundingBox())!;
  const region = await at("B20");
  const header = await at("C5");
  const plain = await at("C20");
  await page.getByTestId("grid").evaluate((el) => el.scrollBy(300, 300));
  await eventually(async () => expect((await at("C20")).y).toBeLessThan(plain.y - 100));
  // The region column stays where it was sideways, the header row where it was vertically.
  expect((await at("B20")).x).toBeCloseTo(region.x, 0);
  expect((await at("C5")).y).toBeCloseTo(header.y, 0);
  await screenshot(page, "grid-frozen");

  for (const sheet of ["Villkor", "Kontakter"]) {
    await openSheet(page, sheet);
    const a = await at("A20");
    const d = await at("D20");
    await page.getByTestId("grid").evaluate((el) => el.scrollBy(300, 0));
    await eventually(async () => expect((await at("D20")).x).toBeLessThan(d.x - 100));
    expect((await at("A20")).x).toBeCloseTo(a.x, 0);
  }
});
