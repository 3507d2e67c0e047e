import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decisionReport, pdfText, reportFileName, reportPdf, reportXlsx } from "../../src/report";
import { computed, pdfPages } from "./helpers";

/*
 * The decision report (issue 12 point 8): its figures are the engine's to the krona, in the
 * model, in the .xlsx read back with ExcelJS and in the PDF's text extracted by pdf.js.
 */
jest.setTimeout(60_000);
const tmp = mkdtempSync(join(tmpdir(), "sjuk-report-"));
const DATE = "2026-11-30";
const shipped = computed("scenario-shipped-key.json");
const mix = computed("scenario-mix-gotland.json");

const TABLE1 = [
  ["Regionerna", 840_000_000],
  ["Socialstyrelsen", 14_200_000],
  ["SKR", 57_800_000],
  ["Försäkringskassan", 22_000_000],
  ["Beslutas av regeringen (uppföljning)", 10_000_000],
] as const;

describe("the report's data", () => {
  const r = decisionReport({ ...shipped, lang: "sv", reportDate: DATE });

  it("has Table 1's totals for the shipped key with every condition met: 944 000 000 kr", () => {
    expect(r.totals.map((t) => [t.label, t.amount])).toEqual(TABLE1);
    expect(r.totals.every((t) => t.table1 === t.amount)).toBe(true);
    expect(r.total).toEqual({ label: "Totalt", table1: 944_000_000, amount: 944_000_000 });
  });

  it("pays per recipient and date exactly what the engine pays: rows add up to each member's payment, columns to each payout date", () => {
    expect(r.dates.map((d) => [d.label, d.amount])).toEqual([
      ["2021", 10_000_000].map((x, i) => (i === 0 ? "Reserverat under 2021" : x)),
      ["2021-01-27", 884_000_000],
      ["2021-04-29", 50_000_000],
    ]);
    const byCode = new Map(r.payouts.map((p) => [p.code, p]));
    for (const m of shipped.result.byRegion) expect(byCode.get(m.recipient)!.total).toBe(m.amount);
    for (const p of r.payouts) expect(p.amounts.reduce((a, b) => a + b, 0)).toBe(p.total);
    r.dates.forEach((d, i) =>
      expect(r.payouts.reduce((s, p) => s + p.amounts[i]!, 0)).toBe(d.amount)
    );
    expect(r.payouts.reduce((s, p) => s + p.total, 0)).toBe(944_000_000);
    expect(byCode.get("12")).toMatchObject({ name: "Region Skåne", total: 112_066_300 });
    // A body has no code: no technical id (`government`) on a Swedish report.
    expect(r.payouts.find((p) => p.name === "Beslutas av regeringen (uppföljning)")).toMatchObject({
      code: "",
      amounts: [10_000_000, 0, 0],
    });
  });

  it("states the agreement, scenario, key with its date and source, the options and the report's date", () => {
    const facts = Object.fromEntries(r.facts.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Överenskommelse:
        "En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020 (sjuk-2020)",
      "Överenskommelsens belopp": "944 000 000 kr",
      Scenario: "Medföljande nyckel",
      "Nyckelns datum": "2019-12-31 (inte överenskommelsens datum 2019-11-01)",
      "Nyckelns summa": "10 327 589",
      Avrundning: "största rest (Hamilton)",
      "Villkor som inte uppfylls": "alla villkor uppfylls",
      "Rapportens datum": DATE,
    });
    expect(facts["Fördelningsnyckel"]).toContain("SCB");
  });

  it("names who does not fulfil what, the money not paid out and the options of a scenario", () => {
    const m = decisionReport({ ...mix, lang: "en", reportDate: DATE });
    const facts = Object.fromEntries(m.facts.map((f) => [f.label, f.value]));
    expect(facts["Conditions not met"]).toBe("v2: Region Gotland");
    expect(facts["Redistribution of contact money"]).toBe("by unpaid contacts");
    expect(facts["The key's date"]).toBe("unknown");
    expect(m.unpaid).toEqual([
      { post: "v2", amount: 809_960, reason: "lapsed: not fulfilled by Gotland" },
    ]);
    expect(m.total.amount).toBe(943_190_040);
    expect(m.total.amount + 809_960).toBe(944_000_000);
  });
});

/** A1 references of a SUM's arguments (one range or a cell). */
function cellsOf(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range)!;
  if (!m[3]) return [`${m[1]}${m[2]}`];
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letter = (n: number): string =>
    (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const out: string[] = [];
  for (let c = col(m[1]!); c <= col(m[3]!); c++)
    for (let row = Number(m[2]); row <= Number(m[4]); row++) out.push(`${letter(c)}${row}`);
  return out;
}

describe("the .xlsx", () => {
  let wb: ExcelJS.Workbook;
  const value = (ws: ExcelJS.Worksheet, ref: string): number => {
    const v = ws.getCell(ref).value;
    if (typeof v === "number") return v;
    if (v && typeof v === "object" && "result" in v) return Number(v.result);
    return 0;
  };
  beforeAll(async () => {
    const bytes = await reportXlsx(decisionReport({ ...mix, lang: "sv", reportDate: DATE }));
    const file = join(tmp, "beslut.xlsx");
    writeFileSync(file, bytes);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  it("has the four sheets in Swedish", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Beslutsunderlag",
      "Utbetalningar",
      "Poster",
      "Beräkning",
    ]);
    expect(wb.getWorksheet("Beslutsunderlag")!.getCell("A1").value).toBe(
      `Beslutsunderlag: ${mix.scenario.name}`
    );
  });

  it("every SUM formula's stored value is the sum of the cells it names, on every sheet", () => {
    let sums = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (!v || typeof v !== "object" || !("formula" in v)) return;
          const m = /^SUM\(([^)]*)\)$/.exec(v.formula ?? "");
          if (!m) return;
          const refs = m[1]!.split(",").flatMap((part) => cellsOf(part.trim()));
          // ExcelJS's reader drops a stored <v>0</v> (the file has it): undefined is 0 here.
          expect([ws.name, cell.address, v.result ?? 0]).toEqual([
            ws.name,
            cell.address,
            refs.reduce((s, ref) => s + value(ws, ref), 0),
          ]);
          sums++;
        })
      );
    expect(sums).toBeGreaterThan(40);
  });

  it("pays each region the engine's amount, and 943 190 040 kr in all", () => {
    const ws = wb.getWorksheet("Utbetalningar")!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "Kod",
      "Mottagare",
      "Reserverat under 2021",
      "2021-01-27",
      "2021-04-29",
      "Totalt",
    ]);
    const byCode = new Map<string, number>();
    const byName = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (n <= 3) return;
      if (typeof row.getCell(1).value === "string")
        byCode.set(row.getCell(1).value as string, value(ws, `F${n}`));
      byName.set(String(row.getCell(2).value), value(ws, `F${n}`));
    });
    for (const m of mix.result.byRegion) expect(byCode.get(m.recipient)).toBe(m.amount);
    expect(byName.get("SKR")).toBe(57_800_000);
    expect(byName.get("Beslutas av regeringen (uppföljning)")).toBe(10_000_000);
    expect(byName.get("Totalt")).toBe(943_190_040);
    expect([...byCode.keys()]).not.toContain("government");
    expect(ws.getCell("F4").numFmt).toBe('#,##0 "kr"');
  });

  it("the calculation sheet's total is the result's", () => {
    const ws = wb.getWorksheet("Beräkning")!;
    const table = decisionReport({ ...mix, lang: "sv", reportDate: DATE }).steps(5);
    expect(value(ws, table.totalCell)).toBe(943_190_040);
    expect(ws.getCell("A4").value).toBe("Post");
  });
});

describe("the PDF", () => {
  let pages: string[];
  let text: string;
  beforeAll(() => {
    const file = join(tmp, "beslut.pdf");
    writeFileSync(file, reportPdf(decisionReport({ ...shipped, lang: "sv", reportDate: DATE })));
    pages = pdfPages(file);
    text = pages.join("\n");
  });

  it("reads as a Swedish decision report with å, ä, ö and amounts written 1 234 567 kr", () => {
    expect(pages[0]).toMatch(/^Beslutsunderlag\nMedföljande nyckel\n/);
    expect(pages[0]).toContain("Överenskommelsens belopp 944 000 000 kr");
    for (const [label, amount] of TABLE1)
      expect(text).toContain(`${label} ${amount.toLocaleString("sv-SE").replace(/\s/g, " ")} kr`);
    expect(text).toContain("Totalt 944 000 000 kr 944 000 000 kr 0 kr");
    expect(text).toContain("Reserverat under 2021 10 000 000 kr");
    expect(text).toContain("2021-01-27 884 000 000 kr");
    expect(text).toContain("Region Jämtland Härjedalen");
    expect(text).toContain("Västra Götalandsregionen");
    expect(text).toContain("Region Örebro län");
  });

  it("pays each member the engine's total, per date and in all", () => {
    for (const m of shipped.result.byRegion)
      expect(text).toMatch(
        new RegExp(
          `${m.recipient} ${m.name}( [\\d ]+ kr){3} ${m.amount.toLocaleString("sv-SE").replace(/\s/g, " ")} kr`
        )
      );
  });

  it("numbers its pages and repeats the calculation table's header on every page it runs over", () => {
    const n = pages.length;
    expect(n).toBeGreaterThan(4);
    pages.forEach((p, i) => expect(p).toContain(`Sida ${i + 1} av ${n}`));
    const withHeader = pages.filter((p) => /Post Sida Kod Mottagare Regel Vikt Andel/.test(p));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    // Skåne's villkor 1 row: weight, share, exact amount, floor, rank, rounding, allocated, the
    // rule's change, paid: 13 341 226 kr, as SJUK.SHARE("Skåne"; …; "v1") gives.
    expect(text).toContain(
      "v1 5 12 Region Skåne efter nyckeln, största rest 1 377 827 13,341226 % 13 341 226,1080 13 341 226 15 0 13 341 226 0 13 341 226"
    );
    const v1 = shipped.result.posts.find((p) => p.post.id === "v1")!;
    expect(v1.payments.find((p) => p.recipient === "12")!.amount).toBe(13_341_226);
  });

  it("writes what Helvetica cannot as its base letter or '?', never as garbage", () => {
    expect(pdfText("Čáslav − Σ ≤ 3 😀 Å ŋ")).toBe("Cáslav - Sum  <= 3 ? Å ?");
  });
});

test("file names from the scenario's name, without characters a file system refuses", () => {
  expect(reportFileName('Gotland / "v2"', "pdf", "sv")).toBe("beslutsunderlag-Gotland _ _v2_.pdf");
  expect(reportFileName("Mix", "xlsx", "en")).toBe("decision-report-Mix.xlsx");
});
