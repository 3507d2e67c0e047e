/*
 * Issue 13 in the built add-in: no eval in any bundle, a Content-Security-Policy on both pages,
 * and a batch of the catalogue's cell cases typed into the preview's own grid in one page, whose
 * task pane must list exactly the catalogue's problems; the page breaks no policy and makes no
 * request beyond its origin.
 */
import * as fs from "fs";
import * as path from "path";
import { CELL_CASES } from "../robust/cell-cases";
import { FIGURES, sheetCell } from "../robust/doors";
import { eventually, insertSheets, norm, typeInto, usePreview } from "./harness";

jest.setTimeout(180_000);

const BUILD = process.env.SJUK_TEST_BUILD ?? path.join(__dirname, "../../test-artifacts/build");

describe("the built bundles and pages", () => {
  const bundles = () => fs.readdirSync(BUILD).filter((f) => f.endsWith(".js"));

  test("no bundle contains eval( or new Function", () => {
    // report.js: the decision report's ExcelJS and jsPDF, loaded on the pane's first export;
    // scenarios.js: SJUK.SCENARIO's reader, which functions.js loads when a cell first needs it.
    expect(bundles().sort()).toEqual([
      "functions.js",
      "preview.js",
      "report.js",
      "scenarios.js",
      "taskpane.js",
    ]);
    for (const file of bundles()) {
      const code = fs.readFileSync(path.join(BUILD, file), "utf8");
      expect([file, code.match(/(?<![.\w$])eval\(/g) ?? []]).toEqual([file, []]);
      expect([file, code.match(/new Function\b|\bFunction\(/g) ?? []]).toEqual([file, []]);
    }
  });

  /** The policy of a built page, directive → sources. */
  function policy(page: string): Map<string, string[]> {
    const html = fs.readFileSync(path.join(BUILD, page), "utf8");
    const m = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html);
    expect([page, m !== null]).toEqual([page, true]);
    return new Map(
      m![1]!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name!, sources])
    );
  }

  test("preview.html: everything from its own origin, no eval, no inline script", () => {
    const p = policy("preview.html");
    expect(p.get("default-src")).toEqual(["'self'"]);
    expect(p.get("script-src")).toEqual(["'self'"]);
    expect(p.get("connect-src")).toEqual(["'self'"]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    for (const sources of p.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((s) => /^https?:|^\*$/.test(s))).toEqual([]);
    }
  });

  test("taskpane.html: its own origin, and office.js from Microsoft's CDN only", () => {
    const p = policy("taskpane.html");
    expect(p.get("default-src")).toEqual(["'self'"]);
    expect(p.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(p.get("connect-src")).toEqual(["'self'"]);
    for (const [name, sources] of p) {
      expect(sources).not.toContain("'unsafe-eval'");
      if (name !== "script-src") expect(sources.filter((s) => /^https?:|^\*$/.test(s))).toEqual([]);
    }
    // Every script the page loads is its own, or office.js from that CDN.
    const html = fs.readFileSync(path.join(BUILD, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]!);
    expect(scripts.filter((s) => /^https?:/.test(s))).toEqual([
      "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js",
    ]);
  });
});

describe("the catalogue's cell cases in the preview", () => {
  const preview = usePreview();

  /**
   * Population cases a user can type in the grid (one line each), with their exact problems. (The
   * grid reads a typed 383,713 or 2377081,5 as a number, as Swedish Excel does, so the comma
   * cases reach the add-in as numbers here, not as text.)
   */
  const BATCH = [
    "text in a population cell",
    "percent sign",
    "two decimal points",
    "Infinity in words",
    "an escape sequence after a figure",
  ].map((id) => CELL_CASES.find((c) => c.id === id)!);

  test("typed into the grid, each gives exactly its problems in the task pane; no policy broken, nothing fetched elsewhere", async () => {
    const page = await preview.open("en");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (((window as unknown as { __csp?: string[] }).__csp ??= []) as string[]).push(
          `${e.violatedDirective} ${e.blockedURI}`
        )
      )
    );
    await insertSheets(page);
    const listed = async () =>
      (await page.getByTestId("problem-item").all()).length === 0
        ? []
        : await Promise.all(
            (await page.getByTestId("problem-item").all()).map(async (item) => {
              const where = norm(await item.getByTestId("problem").textContent());
              const text = norm(await item.locator("span").last().textContent());
              return `${where}: ${text}`;
            })
          );
    for (const c of BATCH) {
      for (const change of c.changes) {
        const { sheet, cell } = sheetCell(c.table, change.row);
        await typeInto(page, sheet, cell, String(change.value));
      }
      await eventually(async () =>
        expect([c.id, await listed()]).toEqual([c.id, c.sheets.map(norm)])
      );
      // Put the figures back; the pane is clear again before the next case.
      for (const change of c.changes) {
        const { sheet, cell } = sheetCell(c.table, change.row);
        await typeInto(page, sheet, cell, String(FIGURES[change.row - 1]));
      }
      await page.getByTestId("no-problems").waitFor();
    }
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    // usePreview checks the requests beyond the origin and the page's errors after the test.
    expect({ csp, violations }).toEqual({ csp: [], violations: [] });
  });
});

describe("a failure while the pane draws itself", () => {
  const preview = usePreview();

  test("shows what failed in the pane's language and a way back, not a blank pane", async () => {
    const page = await preview.open("sv");
    await insertSheets(page);
    // Make the chart's drawing fail: reversing its bars throws (only arrays of chart points).
    await page.evaluate(() => {
      const reverse = Array.prototype.reverse;
      const w = window as unknown as { restoreReverse: () => void };
      w.restoreReverse = () => void (Array.prototype.reverse = reverse);
      Array.prototype.reverse = function (this: unknown[]) {
        const first = this[0] as { legend?: unknown } | undefined;
        if (first && typeof first === "object" && "legend" in first) throw new Error("ritfel");
        return reverse.call(this);
      };
    });
    await page.getByTestId("chart-section-toggle").click();
    const failed = page.getByTestId("pane-failed");
    await failed.waitFor();
    expect(norm(await failed.textContent())).toMatch(
      /^Panelen kunde inte visa den här delen: ritfel\. Inget skrevs till arbetsboken\.Visa panelen igen$/
    );
    // The header and the document list stay; back again, the pane shows its totals.
    expect(await page.getByTestId("agreement").count()).toBe(1);
    await page.evaluate(() =>
      (window as unknown as { restoreReverse: () => void }).restoreReverse()
    );
    await page.getByTestId("pane-again").click();
    await page.getByTestId("totals").waitFor();
    expect(await failed.count()).toBe(0);
  });
});
