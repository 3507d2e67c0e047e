import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, writeFileSync, copyFileSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AGREEMENT_2020 } from "../../src/agreements";
import { compute } from "../../src/engine";
import { REGIONS } from "../../src/engine/regions";
import { main } from "../../src/cli/main";
import { EXAMPLE_WORKBOOK, exampleInputs } from "../../scripts/make-example-workbook";
import {
  DEFAULT_SHEET_NAMES,
  PAYOUTS,
  REGIONAL_POSTS,
  RESULTS,
} from "../../src/workbook/agreement-sheets";
import { loadWorkbookFile } from "../../src/workbook/xlsx";
import { evaluateFile, loadPackage, toHyperFormula } from "../../src/workbook/xlsx-evaluate";

const names = DEFAULT_SHEET_NAMES.sv;

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    setExitCode: () => undefined,
  });
  return { code, stdout, stderr };
}

function result(wb: ExcelJS.Workbook, sheet: string, address: string): unknown {
  const v = wb.getWorksheet(sheet)!.getCell(address).value as ExcelJS.CellFormulaValue;
  expect(v).toHaveProperty("formula");
  return v.result;
}

describe("examples/sjuk-2020.xlsx through `sjuk evaluate`", () => {
  const dir = mkdtempSync(join(tmpdir(), "sjuk-evaluate-"));
  const out = join(dir, "result.xlsx");
  let evaluated: ExcelJS.Workbook;
  let summary: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    summary = await run("evaluate", EXAMPLE_WORKBOOK, "--out", out);
    evaluated = await loadWorkbookFile(out);
  }, 60_000);

  test("the command succeeds and prints the summary", () => {
    expect(summary.stderr).toBe("");
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/formula cells evaluated, \d+ of them SJUK cells, 0 errors/);
    expect(summary.stdout).toContain(`wrote ${out}`);
  });

  test("Table 1's sums exactly", () => {
    expect(result(evaluated, names.results, RESULTS.sumCell("total"))).toBe(840_000_000);
    expect(result(evaluated, names.results, RESULTS.sumCell("v1"))).toBe(100_000_000);
    expect(result(evaluated, names.results, RESULTS.sumCell("v2"))).toBe(140_000_000);
    expect(result(evaluated, names.results, RESULTS.sumCell("v3"))).toBe(500_000_000);
    expect(result(evaluated, names.results, RESULTS.sumCell("v3-contacts"))).toBe(50_000_000);
    expect(result(evaluated, names.results, RESULTS.sumCell("v4"))).toBe(50_000_000);
    expect(result(evaluated, names.results, RESULTS.checkCell)).toBe(true);
    expect(result(evaluated, names.payouts, PAYOUTS.recipientCell("regions"))).toBe(840_000_000);
    expect(result(evaluated, names.payouts, PAYOUTS.recipientCell("SKR"))).toBe(57_800_000);
    expect(result(evaluated, names.payouts, PAYOUTS.recipientCell("Försäkringskassan"))).toBe(
      22_000_000
    );
    expect(result(evaluated, names.payouts, PAYOUTS.recipientCell("Socialstyrelsen"))).toBe(
      14_200_000
    );
    expect(result(evaluated, names.payouts, PAYOUTS.recipientCell("government"))).toBe(10_000_000);
    expect(result(evaluated, names.payouts, PAYOUTS.totalCell)).toBe(944_000_000);
  });

  test("every SJUK cell equals the engine's result for the same inputs, cell for cell", () => {
    const inputs = exampleInputs();
    const engine = compute(AGREEMENT_2020, {
      key: inputs.population,
      fulfilment: inputs.fulfilment,
      contacts: inputs.contacts,
    });
    let cells = 0;
    for (const region of REGIONS) {
      for (const post of REGIONAL_POSTS) {
        const expected =
          engine.posts
            .find((p) => p.post.id === post)!
            .payments.find((x) => x.recipient === region.code)?.amount ?? 0;
        expect([
          region.name,
          post,
          result(evaluated, names.results, RESULTS.cell(region.code, post)),
        ]).toEqual([region.name, post, expected]);
        cells++;
      }
      expect(result(evaluated, names.results, RESULTS.cell(region.code, "total"))).toBe(
        engine.byRegion.find((r) => r.recipient === region.code)!.amount
      );
    }
    expect(cells).toBe(105);
    for (const post of AGREEMENT_2020.posts) {
      expect([post.id, result(evaluated, names.payouts, PAYOUTS.amountCell(post.id))]).toEqual([
        post.id,
        engine.posts
          .find((p) => p.post.id === post.id)!
          .payments.reduce((sum, x) => sum + x.amount, 0),
      ]);
    }
  });

  test("the formulas are kept and the Excel table SJUK_Befolkning becomes a named expression", async () => {
    const f = evaluated.getWorksheet(names.results)!.getCell(RESULTS.cell("12", "v1"))
      .value as ExcelJS.CellFormulaValue;
    expect(f.formula).toBe(
      'SJUK.SHARE($B16,Befolkning!$A$6:$C$26,"v1",Villkor!$A$5:$F$26,$C$4,"sjuk-2020")'
    );
    const loaded = toHyperFormula(await loadPackage(EXAMPLE_WORKBOOK));
    expect(loaded.port.hf.getNamedExpressionFormula("SJUK_Befolkning")).toBe(
      "=Befolkning!$A$6:$C$26"
    );
    expect(loaded.formulas.length).toBeGreaterThan(105);
  });

  test("in the loaded workbook, a population change recalculates its SJUK cells and the short form", async () => {
    const { port } = toHyperFormula(await loadPackage(EXAMPLE_WORKBOOK));
    const hf = port.hf;
    const sheet = hf.getSheetId(names.results)!;
    hf.setCellContents({ sheet, row: 40, col: 0 }, [['=SJUK.SHARE("Region Skåne")']]);
    const shortBefore = hf.getCellValue({ sheet, row: 40, col: 0 });
    const before = (await port.readRange(names.results, RESULTS.cell("12", "v3")))[0]![0];
    await port.writeCells(names.population, [{ address: "C15", value: 1_500_000 }]);
    const after = (await port.readRange(names.results, RESULTS.cell("12", "v3")))[0]![0];
    expect(after).not.toBe(before);
    expect(hf.getCellValue({ sheet, row: 40, col: 0 })).not.toBe(shortBefore);
    expect((await port.readRange(names.results, RESULTS.sumCell("total")))[0]![0]).toBe(
      840_000_000
    );
  });

  test("a damaged file: exit 2, a clear error, no output file", async () => {
    const bad = join(dir, "damaged.xlsx");
    const good = readFileSync(EXAMPLE_WORKBOOK);
    writeFileSync(bad, good.subarray(0, Math.floor(good.length / 2)));
    const target = join(dir, "never.xlsx");
    const r = await run("evaluate", bad, "--out", target);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/damaged\.xlsx is not an Excel workbook \(\.xlsx\) or is damaged/);
    expect(existsSync(target)).toBe(false);
    const text = join(dir, "notes.xlsx");
    writeFileSync(text, "region;befolkning\n");
    const r2 = await run("evaluate", text, "--out", target);
    expect(r2.code).toBe(2);
    expect(existsSync(target)).toBe(false);
    const r3 = await run("evaluate", join(dir, "missing.xlsx"));
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/no such file/);
  });

  test("a workbook with a broken SJUK cell names sheet!cell in the summary", async () => {
    const copy = join(dir, "broken.xlsx");
    copyFileSync(EXAMPLE_WORKBOOK, copy);
    const wb = await loadWorkbookFile(copy);
    wb.getWorksheet(names.population)!.getCell("C8").value = "tolv";
    await wb.xlsx.writeFile(copy);
    const s = await evaluateFile(copy);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.errors.map((e) => e.where)).toContain(`${names.results}!C7`);
    expect(s.errors.find((e) => e.where === `${names.results}!C7`)!.message).toMatch(
      /#VALUE!.*"tolv" is not a number/
    );
  });
});
