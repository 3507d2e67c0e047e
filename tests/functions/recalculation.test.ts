import { HyperFormula } from "hyperformula";
import { REGIONS } from "../../src/engine";
import { createSjukHyperFormula, SWEDISH_SEPARATORS } from "../../src/functions/hyperformula";
import { SCENARIOS_KEPT, paymentsCache } from "../../src/functions/scenario";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { runFunction } from "../../src/functions/runner";
import { shippedPopulationKey } from "../../src/reference/population";

const key = shippedPopulationKey();
const SKANE_ROW = REGIONS.findIndex((r) => r.code === "12") + 1; // row 0 holds the headings

/** Befolkning!A1:C22 with the SJUK_Befolkning range, and a results sheet in both forms. */
function workbook(): { hf: HyperFormula; befolkning: number; resultat: number } {
  const hf = createSjukHyperFormula(SWEDISH_SEPARATORS);
  hf.batch(() => {
    hf.addSheet("Befolkning");
    hf.addSheet("Resultat");
    hf.setSheetContent(hf.getSheetId("Befolkning")!, [["Kod", "Region", "Invånare"], ...REGIONS.map((r) => [r.code, r.name, Number(key.figures[r.code])])]);
    hf.addNamedExpression("SJUK_Befolkning", "=Befolkning!$A$2:$C$22");
    hf.setSheetContent(hf.getSheetId("Resultat")!, [
      ...REGIONS.map((r, i) => [r.name, `=SJUK.SHARE(A${i + 1})`, `=SJUK.SHARE(A${i + 1};Befolkning!$C$2:$C$22;"v1")`]),
      ["Summa", "=SUM(B1:B21)", "=SUM(C1:C21)"],
    ]);
  });
  return { hf, befolkning: hf.getSheetId("Befolkning")!, resultat: hf.getSheetId("Resultat")! };
}

describe("in HyperFormula, SJUK cells follow the population figures", () => {
  it("changing Skåne's population changes every dependent cell, the short form included, with no manual recalculation", () => {
    const { hf, befolkning, resultat } = workbook();
    const before = hf.getSheetValues(resultat);
    expect(before[21]).toEqual(["Summa", 840_000_000, 100_000_000]);

    hf.setCellContents({ sheet: befolkning, row: SKANE_ROW, col: 2 }, 1_500_000);

    const after = hf.getSheetValues(resultat);
    const skane = SKANE_ROW - 1;
    expect(after[skane]![1]).toBeGreaterThan(before[skane]![1] as number); // short form
    expect(after[skane]![2]).toBeGreaterThan(before[skane]![2] as number); // explicit form
    for (let row = 0; row < 21; row++) {
      if (row === skane) continue;
      expect(after[row]![1]).toBeLessThanOrEqual(before[row]![1] as number);
      expect(after[row]![2]).toBeLessThanOrEqual(before[row]![2] as number);
    }
    expect(after.slice(0, 21).filter((r, i) => r[2] !== before[i]![2]).length).toBeGreaterThan(15);
    // The parts still add up exactly.
    expect(after[21]).toEqual(["Summa", 840_000_000, 100_000_000]);
  });

  it("the short form and the explicit form agree after any change", () => {
    const { hf, befolkning, resultat } = workbook();
    hf.setCellContents({ sheet: befolkning, row: 1, col: 2 }, 3_000_000);
    hf.setCellContents({ sheet: resultat, row: 30, col: 0 }, '=SJUK.SHARE("Stockholm";Befolkning!$C$2:$C$22)');
    expect(hf.getCellValue({ sheet: resultat, row: 30, col: 0 })).toBe(hf.getCellValue({ sheet: resultat, row: 0, col: 1 }));
  });

  it("a text in the population table shows in the short-form cells, naming the row", () => {
    const { hf, befolkning, resultat } = workbook();
    hf.setCellContents({ sheet: befolkning, row: SKANE_ROW, col: 2 }, "tolv");
    const cell = hf.getCellValue({ sheet: resultat, row: 0, col: 1 }) as { type: string; message: string };
    expect(cell.type).toBe("VALUE");
    expect(cell.message).toBe(`SJUK_Befolkning, row ${SKANE_ROW}: "tolv" is not a number`);
  });

  it("without the population table, the short form says what is missing", () => {
    const hf = createSjukHyperFormula();
    hf.addSheet("S");
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, '=SJUK.SHARE("Skåne")');
    expect((hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as { message: string }).message).toMatch(/no SJUK_Befolkning table/);
  });
});

describe("the scenario cache", () => {
  it("computes a scenario once for 1 000 cells over one key", () => {
    const hf = createSjukHyperFormula();
    hf.addSheet("Key");
    hf.addSheet("Cells");
    hf.setSheetContent(hf.getSheetId("Key")!, REGIONS.map((r) => [Number(key.figures[r.code]) + 7]));
    const before = paymentsCache.misses;
    const cells = Array.from({ length: 50 }, () => REGIONS.slice(0, 20).map((r) => `=SJUK.SHARE("${r.code}",Key!$A$1:$A$21,"v2")`));
    hf.setSheetContent(hf.getSheetId("Cells")!, cells);
    expect(paymentsCache.misses - before).toBe(1);
    const sum = hf.getSheetValues(hf.getSheetId("Cells")!).flat().reduce((s: number, v) => s + (v as number), 0);
    expect(sum).toBeGreaterThan(0);
  });
});

describe.each([10_000, 20_000])("a workbook of %d scenario columns", (n) => {
  it("computes each scenario once when evaluated row by row (one region per row, one scenario per column), then keeps at most SCENARIOS_KEPT", async () => {
    clearScenarioCaches();
    const base = REGIONS.map((r) => Number(key.figures[r.code]));
    // Column c: Stockholm's figure raised by c, so that every column is a scenario of its own.
    const columns = Array.from({ length: n }, (_, c) => base.map((f, i) => [i === 0 ? f + c : f]));
    const before = paymentsCache.misses;
    let paid = 0;
    // One synchronous run, as HyperFormula evaluates a workbook (and Excel hands over a batch).
    for (const region of REGIONS)
      for (const column of columns) {
        const outcome = runFunction("SHARE", [region.code, column, "v1"]);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
        paid += outcome.value as number;
      }
    // Engine runs: one per scenario (before: 16 384 entries gave 21 × n runs beyond 16 384 columns).
    expect(paymentsCache.misses - before).toBe(n);
    // Every column pays villkor 1's 100 000 000 kr in full.
    expect(paid).toBe(n * 100_000_000);
    expect(paymentsCache.size).toBe(n);
    // After the run the cache is cut back, so memory stays bounded between recalculations.
    await Promise.resolve();
    expect(paymentsCache.size).toBe(Math.min(n, SCENARIOS_KEPT));
  }, 240_000);
});
