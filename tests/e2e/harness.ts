/*
 * End-to-end harness: builds the preview (webpack, development mode, into its own folder so a
 * developer's dist/addin is never touched), serves it on a free port, and drives Debian's
 * Chromium with playwright-core. A missing Chromium is a failure, never a skip.
 */
import * as fs from "fs";
import * as path from "path";
import type { Server } from "http";
import { Browser, Locator, Page, chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { cellAddress, parseCell } from "../../src/workbook/port";

const { startServer } = require("../../scripts/preview-server.js") as {
  startServer: (o: {
    root: string;
    port: number;
  }) => Promise<{ server: Server; port: number; url: string }>;
};

export const ROOT = path.resolve(__dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.join(ROOT, "test-artifacts/e2e");
/** Built once per test run by tests/build/global-setup.js (the same production build the build checks read). */
const BUILD = process.env.SJUK_TEST_BUILD ?? path.join(ROOT, "test-artifacts/build");

export interface Harness {
  browser: Browser;
  server: Server;
  url: string;
}

/** Serves the built preview, launches Chromium. Throws (fails the suite) when Chromium is missing. */
async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH. Browser tests never skip.`
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(path.join(BUILD, "preview.html"))) {
    throw new Error(
      `no build at ${BUILD}: run the browser tests through jest, whose global setup builds the add-in`
    );
  }
  const { server, url } = await startServer({ root: BUILD, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-gpu",
      "--headless",
    ],
  });
  return { browser, server, url };
}

async function stopHarness(h: Harness | undefined): Promise<void> {
  await h?.browser.close();
  await new Promise<void>((resolve) => (h ? h.server.close(() => resolve()) : resolve()));
}

/** A page opened by `usePreview`, with what it recorded: requests beyond its origin, errors thrown. */
interface Opened {
  page: Page;
  external: string[];
  errors: string[];
}

/** The browser set-up every e2e file shares; see `usePreview`. */
export interface Preview {
  /** The running harness (browser and server); set from the suite's beforeAll. */
  readonly harness: Harness;
  /** A fresh preview page (new, empty workbook) in the full-size window. */
  open(lang?: "sv" | "en"): Promise<Page>;
  /** A fresh preview page whose task pane is `pane` px wide (Excel's 350 px by default). */
  openPane(lang?: "sv" | "en", pane?: number): Promise<Page>;
}

/**
 * Starts the harness before the enclosing suite (file or describe) and stops it after; after each
 * test, closes every page the test opened and fails it if a page requested anything beyond its
 * own origin or threw an error.
 */
export function usePreview(): Preview {
  let harness: Harness | undefined;
  let opened: Opened[] = [];
  beforeAll(async () => {
    harness = await startHarness();
  }, 240_000);
  afterAll(async () => stopHarness(harness));
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const o of pages) await o.page.close();
    // The pages never reach beyond their origin (downloads are Blob URLs) and throw nothing.
    expect(pages.flatMap((o) => o.external)).toEqual([]);
    expect(pages.flatMap((o) => o.errors)).toEqual([]);
  });
  const running = (): Harness => {
    if (!harness) throw new Error("the e2e harness is not running (usePreview's beforeAll failed)");
    return harness;
  };
  const track = (o: Opened): Page => {
    opened.push(o);
    return o.page;
  };
  return {
    get harness() {
      return running();
    },
    open: async (lang = "sv") => track(await openPreview(running(), lang)),
    openPane: async (lang = "sv", pane = EXCEL_PANE_WIDTH) =>
      track(await openPane(running(), lang, pane)),
  };
}

/** A fresh preview page (a new, empty workbook); records requests that leave the page's origin. */
async function openPreview(h: Harness, lang: "sv" | "en" = "sv"): Promise<Opened> {
  const page = await h.browser.newPage({ viewport: { width: 1500, height: 950 } });
  return load(page, h.url, `?lang=${lang}`);
}

/** Goes to the preview, recording requests beyond its origin and errors the page throws. */
async function load(page: Page, url: string, query: string): Promise<Opened> {
  const origin = new URL(url).origin;
  const external: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) external.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}${query}`);
  await page.getByTestId("taskpane").waitFor();
  return { page, external, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Text with every kind of space made a plain space. */
export function norm(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** "1 234 567 kr" → 1234567. */
export function kronor(text: string | null | undefined): number {
  const t = norm(text).replace(/kr$/, "").replace(/[ ]/g, "").replace("−", "-");
  if (!/^-?\d+$/.test(t)) throw new Error(`"${text}" is not an amount in kronor`);
  return Number(t);
}

/** Polls `check` until it stops throwing (or the time is up, then rethrows its last error). */
export async function eventually<T>(check: () => Promise<T>, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Writes cells through the page's workbook port, as the grid would (a test's set-up, not its path). */
export async function writeCells(
  page: Page,
  sheet: string,
  cells: { address: string; value: string | number }[]
): Promise<void> {
  await page.evaluate(
    ([s, c]) =>
      (
        window as unknown as {
          sjuk: { port: { writeCells: (s: string, c: unknown) => Promise<void> } };
        }
      ).sjuk.port.writeCells(s, c),
    [sheet, cells] as const
  );
}

export async function openSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator(`[data-testid="grid"][data-sheet="${sheet}"] table.jss_worksheet`).waitFor();
}

/** The grid's cell at an A1 address of the visible sheet. */
export function gridCell(page: Page, address: string): Locator {
  const { row, column } = parseCell(address);
  return page.locator(
    `[data-testid="grid"] table.jss_worksheet > tbody > tr > td[data-x="${column}"][data-y="${row}"]`
  );
}

/** What a cell of `sheet` shows. */
export async function cellText(page: Page, sheet: string, address: string): Promise<string> {
  await openSheet(page, sheet);
  return norm(await gridCell(page, address).textContent());
}

/** Types into a cell as a user does: double-click, replace the content, Enter. */
export async function typeInto(
  page: Page,
  sheet: string,
  address: string,
  text: string
): Promise<void> {
  await openSheet(page, sheet);
  const td = gridCell(page, address);
  await td.scrollIntoViewIfNeeded();
  await td.dblclick();
  const input = td.locator("input.sjuk-editor");
  await input.waitFor();
  await input.fill(text);
  await input.press("Enter");
}

/** Chooses a value from a cell's drop-down list (data validation), as a user does. */
export async function chooseIn(
  page: Page,
  sheet: string,
  address: string,
  value: string
): Promise<void> {
  await openSheet(page, sheet);
  const td = gridCell(page, address);
  await td.scrollIntoViewIfNeeded();
  await td.dblclick();
  const select = td.locator("select.sjuk-editor");
  await select.waitFor();
  await select.selectOption(value);
}

/** The task pane's "Computed" amount for a Table 1 recipient ("regions", "SKR", …, or "total"). */
export async function paneTotal(page: Page, recipient: string): Promise<number> {
  return kronor(await page.getByTestId(`total-${recipient}`).getByTestId("computed").textContent());
}

export async function paneCheck(page: Page, recipient: string): Promise<string> {
  return norm(await page.getByTestId(`total-${recipient}`).getByTestId("check").textContent());
}

/** A region's payment in the task pane (its table under the chart). */
export async function paneRegion(page: Page, code: string): Promise<number> {
  return kronor(await page.getByTestId(`region-${code}`).getByTestId("amount").textContent());
}

export async function insertSheets(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Infoga bladen|Insert the sheets)/ }).click();
  await page.getByTestId("message-success").waitFor();
  await page.getByTestId("totals").waitFor();
}

export { cellAddress };

/** Chooses an agreement in the task pane's drop-down, as a user does. */
export async function chooseAgreement(page: Page, name: RegExp): Promise<void> {
  await page.getByTestId("agreement").click();
  await page.getByRole("option", { name }).click();
  await page.getByTestId("agreement").filter({ hasText: name }).waitFor();
}

/** Inserts the assignment's sheets (ledger and calendar) from the task pane. */
export async function insertGrantSheets(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Infoga bladen|Insert the sheets)/ }).click();
  await page.getByTestId("message-success").waitFor();
  await page.getByTestId("ledger").waitFor();
}

/** Excel's task pane is 350 px wide by default. */
export const EXCEL_PANE_WIDTH = 350;

/**
 * A fresh preview page whose task pane is `pane` px wide, in its own browser context (axe-core's
 * runner needs one); closing the page closes the context.
 */
async function openPane(
  h: Harness,
  lang: "sv" | "en" = "sv",
  pane = EXCEL_PANE_WIDTH
): Promise<Opened> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("close", () => void context.close());
  return load(page, h.url, `?lang=${lang}&pane=${pane}`);
}

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's WCAG 2.1 AA violations on the whole page, or only within the elements a CSS selector
 * names (the pane alone is checked in seconds; the whole page with a sheet's grid takes ten times
 * longer), one line per element ("rule: selector — why"). One known false positive is left out, and only it: Fluent UI's focus sentinels (tabster's
 * `<i data-tabster-dummy aria-hidden tabindex=0>`, which hand the focus on at once) under
 * aria-hidden-focus, as Microsoft's Accessibility Insights also leaves them out
 * (microsoft/accessibility-insights-web#7605).
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG21_AA);
  const result = await (within === undefined ? builder : builder.include(within)).analyze();
  const sentinel = (html: string) => /^<i [^>]*data-tabster-dummy/.test(html);
  return result.violations.flatMap((v) =>
    v.nodes
      .filter((n) => !(v.id === "aria-hidden-focus" && sentinel(n.html)))
      .map((n) => `${v.id}: ${n.target.join(" ")} — ${norm(n.failureSummary)}`)
  );
}

/**
 * What does not fit the task pane's width: the pane scrolling sideways, an element reaching
 * out of it, or an element that cuts its content (scrollWidth beyond clientWidth with its
 * overflow hidden or scrolled). One line per element; [] when everything fits.
 */
export async function paneOverflow(page: Page): Promise<string[]> {
  return page.getByTestId("pane-frame").evaluate((pane) => {
    const found: string[] = [];
    const box = pane.getBoundingClientRect();
    const left = box.left + pane.clientLeft;
    const right = left + pane.clientWidth;
    if (pane.scrollWidth > pane.clientWidth)
      found.push(`the pane scrolls sideways: ${pane.scrollWidth} > ${pane.clientWidth} px`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    for (const el of Array.from(pane.querySelectorAll("*"))) {
      if (el.closest("[data-tabster-dummy]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < left - 0.5 || r.right > right + 0.5)
        found.push(
          `${name(el)} reaches out: ${Math.round(r.left - left)}..${Math.round(r.right - left)} of ${pane.clientWidth} px`
        );
      const style = getComputedStyle(el);
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0 &&
        style.overflowX !== "visible"
      )
        found.push(`${name(el)} is cut: ${el.scrollWidth} > ${el.clientWidth} px`);
    }
    return found;
  });
}

/** Words (between spaces; a no-break space joins) that the browser broke over two lines. */
export async function wordsBrokenIn(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const m of text.matchAll(/[^ \n\t]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

/** Presses Tab until `target` has the focus (at most `max` times); fails naming where it got. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(
    `${max} presses of Tab did not reach ${target.toString()}; the focus is on ${at}`
  );
}

/** The pane's height in px (everything in it, scrolled or not). */
export async function paneHeight(page: Page): Promise<number> {
  return page.getByTestId("taskpane").evaluate((el) => Math.round(el.scrollHeight));
}
