import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ScenarioSchema } from "../../src/scenarios";
import { scenarioResult } from "../../src/workbook/scenario-reports";
import { pdfPages } from "../report/helpers";
import { ARTIFACTS, screenshot, usePreview } from "./harness";

jest.setTimeout(120_000);

/*
 * Issue 12 point 8 in the preview: a scenario imported in the pane's Scenarier section, its
 * decision report downloaded as .xlsx and as PDF by the two buttons; both files' figures are the
 * engine's for that scenario, to the krona. No request leaves the page's origin.
 */
const text = readFileSync(join(__dirname, "../../examples/scenario-mix-gotland.json"), "utf8");
const mix = ScenarioSchema.parse(JSON.parse(text));
const result = scenarioResult(mix);

let page: Page;
const preview = usePreview();

/** Clicks a button and saves the file the page downloads; returns its suggested name and path. */
async function download(testId: string, lang: string): Promise<{ name: string; file: string }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const file = join(ARTIFACTS, `report-${lang}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file };
}

test.each(["sv", "en"] as const)(
  "the pane's export gives the chosen scenario's report as .xlsx and PDF (%s), to the krona",
  async (lang) => {
    page = await preview.open(lang);
    await page
      .getByTestId("scenario-import-file")
      .setInputFiles({ name: "mix.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByTestId("scenario-message-success").waitFor();

    const xlsx = await download("report-xlsx", lang);
    const base = lang === "sv" ? "beslutsunderlag" : "decision-report";
    expect(xlsx.name).toBe(`${base}-${mix.name.replace("/", "_")}.xlsx`);
    await page.getByTestId("report-message-success").waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.file);
    const ws = wb.worksheets[1]!;
    expect(ws.name).toBe(lang === "sv" ? "Utbetalningar" : "Payouts");
    const paid = new Map<string, number>();
    ws.eachRow((row, n) => {
      const total = row.getCell(6).value as { result?: number } | null;
      if (n > 3 && typeof row.getCell(1).value === "string")
        paid.set(String(row.getCell(1).value), total!.result!);
    });
    for (const m of result.byRegion)
      expect([m.recipient, paid.get(m.recipient)]).toEqual([m.recipient, m.amount]);
    const last = ws.getRow(ws.rowCount).getCell(6).value as { result: number };
    expect(last.result).toBe(943_190_040);
    expect(result.total).toBe(943_190_040);

    const pdf = await download("report-pdf", lang);
    expect(pdf.name).toBe(`${base}-${mix.name.replace("/", "_")}.pdf`);
    const pages = pdfPages(pdf.file);
    const all = pages.join("\n");
    if (lang === "sv") {
      expect(pages[0]).toMatch(/^Beslutsunderlag\n/);
      expect(all).toContain("Totalt 944 000 000 kr 943 190 040 kr");
      expect(all).toContain("Region Jämtland Härjedalen");
      expect(all).toContain(`Sida ${pages.length} av ${pages.length}`);
    } else {
      expect(pages[0]).toMatch(/^Decision report\n/);
      expect(all).toContain("Total SEK 944 000 000 SEK 943 190 040");
      expect(all).toContain(`Page ${pages.length} of ${pages.length}`);
    }
    await screenshot(page, `report-pane-${lang}`);
  }
);
