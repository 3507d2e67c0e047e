import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, compileCli, sjukProcess } from "./harness";

/** `sjuk audit` as a user runs it; the workbook it writes is read back with ExcelJS. */
const MIX = join(ROOT, "examples/scenario-mix-gotland.json");
let tmp: string;

beforeAll(() => {
  compileCli();
  tmp = mkdtempSync(join(tmpdir(), "sjuk-audit-"));
}, 60_000);

const sjuk = sjukProcess;

/** A1 references of a SUM's arguments: single cells and ranges within one column or row. */
function cellsOf(args: string): string[] {
  return args.split(",").flatMap((part) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`unexpected argument ${part}`);
    if (!m[3]) return [`${m[1]}${m[2]}`];
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const letter = (n: number): string =>
      (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
    const out: string[] = [];
    for (let c = col(m[1]!); c <= col(m[3]!); c++)
      for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(`${letter(c)}${r}`);
    return out;
  });
}

describe("sjuk audit", () => {
  it("writes a workbook whose every SUM, read back, equals the sum of the cells it names; the total is the result's", async () => {
    const out = join(tmp, "audit.xlsx");
    const r = sjuk("audit", MIX, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*audit\.xlsx: \d+ rows, total 943190040 kr \(O\d+\)\n$/);
    expect(r.stderr).toContain("sjuk: warning: v2: 809 960 kr is not paid out");
    const computed = JSON.parse(sjuk("compare", MIX, "--format", "json").stdout) as {
      scenarios: {
        result: {
          total: number;
          unpaid: { amount: number }[];
          posts: { id: string; amount: number }[];
          byRegion: { code: string; amount: number }[];
        };
      }[];
    };
    const result = computed.scenarios[0]!.result;
    expect(result.total + result.unpaid[0]!.amount).toBe(944_000_000);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Revisionsspår")!;
    expect(ws.getRow(4).getCell(1).value).toBe("Post");
    const value = (ref: string): number => {
      const v = ws.getCell(ref).value as number | { result?: number } | null;
      return v === null ? 0 : typeof v === "number" ? v : (v.result ?? 0);
    };
    // Every formula with the value cached in the file (read from the sheet's XML itself: ExcelJS
    // reads a cached 0 back as no value).
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const cached = [
      ...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f><v>([^<]*)<\/v><\/c>/g),
    ];
    expect(cached.length).toBe((xml.match(/<f>/g) ?? []).length);
    let sums = 0;
    for (const [, address, formula, v] of cached) {
      expect(value(address!)).toBe(Number(v));
      const m = /^SUM\((.*)\)$/.exec(formula!);
      if (!m) continue;
      sums++;
      expect([address, cellsOf(m[1]!).reduce((s, ref) => s + value(ref), 0)]).toEqual([
        address,
        Number(v),
      ]);
    }
    expect(sums).toBeGreaterThan(15 * 5 + 21);
    // The grand total, each post's sum and each region's total are the result's.
    const byLabel = new Map<string, number>();
    ws.eachRow((row) => {
      const label = row.getCell(4).value;
      if (typeof label === "string") byLabel.set(label, value(`O${row.number}`));
    });
    expect(byLabel.get("Totalt")).toBe(result.total);
    for (const p of result.posts) expect(byLabel.get(`Summa ${p.id}`)).toBe(p.amount);
    expect(byLabel.get("Region Gotland")).toBe(
      result.byRegion.find((x) => x.code === "09")!.amount
    );
  }, 60_000);

  it("refuses a bad scenario with exit 2 and writes nothing", () => {
    const out = join(tmp, "none.xlsx");
    const r = sjuk("audit", join(ROOT, "examples/fulfilment-2020.csv"), "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sjuk: .*fulfilment-2020\.csv, line \d+, column \d+: not valid JSON/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
