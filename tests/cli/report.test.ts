import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pdfPages } from "../report/helpers";
import { EXAMPLES, compileCli, sjukProcess as sjuk } from "./harness";

/** `sjuk report` as a user runs it: the files it writes are read back; bad input writes nothing. */
const MIX = join(EXAMPLES, "scenario-mix-gotland.json");
const SHIPPED = join(EXAMPLES, "scenario-shipped-key.json");
let tmp: string;

beforeAll(() => {
  compileCli();
  tmp = mkdtempSync(join(tmpdir(), "sjuk-report-cli-"));
}, 60_000);

describe("sjuk report", () => {
  it("writes the PDF in English, whose figures are the scenario's: SEK 943 190 040 of SEK 944 000 000", () => {
    const out = join(tmp, "decision.pdf");
    const r = sjuk("report", MIX, "--out", out, "--lang", "en", "--date", "2026-11-30");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote .*decision\.pdf: pdf, \d+ bytes, total 943190040 kr of 944000000 kr\n$/
    );
    expect(r.stderr).toContain("sjuk: warning: v2: 809 960 kr is not paid out");
    const pages = pdfPages(out);
    const text = pages.join("\n");
    // A short table is never split across pages: Table 1's totals end on the page they start.
    expect(pages.find((p) => p.includes("Totals against Table 1"))).toContain(
      "Total SEK 944 000 000 SEK 943 190 040 SEK -809 960"
    );
    expect(text).toMatch(/^Decision report\nNyckelmix 50\/50, Gotland utan villkor 2\n/);
    expect(text).toContain("Total SEK 944 000 000 SEK 943 190 040 SEK -809 960");
    expect(text).toContain("v2 SEK 809 960 lapsed: not fulfilled by Gotland");
    expect(text).toContain("Date of the report 2026-11-30");
    expect(text).toContain("Conditions not met v2: Region Gotland");
  });

  it("writes the .xlsx by its name's ending, in Swedish by default, its total Table 1's", async () => {
    const out = join(tmp, "beslut.xlsx");
    const r = sjuk("report", SHIPPED, "--out", out, "--date", "2026-11-30");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Utbetalningar")!;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe("Totalt");
    expect((last.getCell(6).value as { result: number }).result).toBe(944_000_000);
  });

  it("takes the format from --format, which must agree with the name; a name without .xlsx or .pdf is refused", () => {
    const bad = join(tmp, "beslut.docx");
    let r = sjuk("report", SHIPPED, "--out", bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `sjuk: ${bad}: a report is .xlsx or .pdf; name the file so, or give --format xlsx|pdf\n`
    );
    r = sjuk("report", SHIPPED, "--out", join(tmp, "x.xlsx"), "--format", "pdf");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format pdf writes a .pdf file");
    r = sjuk("report", SHIPPED, "--out", join(tmp, "utan-ändelse"), "--format", "pdf");
    expect(r.code).toBe(0);
    expect(readFileSync(join(tmp, "utan-ändelse")).subarray(0, 5).toString()).toBe("%PDF-");
    r = sjuk("report", SHIPPED, "--out", join(tmp, "y.pdf"), "--date", "30/11/2026");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"30/11/2026" is not a date written YYYY-MM-DD.');
  });

  it("a bad scenario names its file and field, writes nothing and leaves an existing file as it was", () => {
    const scenario = join(tmp, "bad.json");
    writeFileSync(scenario, JSON.stringify({ name: "Fel", fulfilment: { v9: { "01": false } } }));
    const out = join(tmp, "old.pdf");
    writeFileSync(out, "the old file");
    const before = readdirSync(tmp).sort();
    const r = sjuk("report", scenario, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(`^sjuk: ${scenario.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}, fulfilment\\.v9: `)
    );
    expect(readFileSync(out, "utf8")).toBe("the old file");
    expect(readdirSync(tmp).sort()).toEqual(before);
    const self = sjuk("report", scenario, "--out", scenario, "--format", "pdf");
    expect(self.code).toBe(2);
    expect(self.stderr).toBe(
      `sjuk: ${scenario}: --out is the scenario file itself; give another file\n`
    );
    expect(existsSync(scenario)).toBe(true);
  });
});
