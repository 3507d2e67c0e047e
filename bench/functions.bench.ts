/**
 * Benchmark (not a test): a HyperFormula workbook of 21 000 SJUK.SHARE cells (1 000 key columns
 * of 21 regions), against the same workbook written with native formulas
 * (=ROUND(B2/SUM(B$2:B$22)*100000000,0)). Changes one population figure and times the
 * recalculation in each; prints the median of the runs and the ratio.
 *
 *   npm run bench
 *   node dist/bench/functions.bench.js [columns] [runs]
 */
import { HyperFormula } from "hyperformula";
import { REGIONS } from "../src/engine";
import { columnLetter } from "../src/workbook/port";
import { createSjukHyperFormula } from "../src/functions/hyperformula";
import { paymentsCache } from "../src/functions/scenario";
import { shippedPopulationKey } from "../src/reference/population";

const COLUMNS = Number(process.argv[2] ?? 1_000);
const RUNS = Number(process.argv[3] ?? 15);
const key = shippedPopulationKey();
const base = REGIONS.map((r) => Number(key.figures[r.code]));


/** Keys!: 21 rows × COLUMNS columns, each column a slightly different key. */
function keySheet(): number[][] {
  return base.map((figure, row) => Array.from({ length: COLUMNS }, (_, col) => figure + ((row * 7919 + col * 104729) % 5000)));
}

function build(kind: "sjuk" | "native"): { hf: HyperFormula; buildMs: number } {
  const started = performance.now();
  const hf = kind === "sjuk" ? createSjukHyperFormula() : HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  hf.batch(() => {
    hf.addSheet("Keys");
    hf.addSheet("Cells");
    hf.setSheetContent(hf.getSheetId("Keys")!, keySheet());
    const cells = REGIONS.map((r, row) =>
      Array.from({ length: COLUMNS }, (_, col) => {
        const c = columnLetter(col);
        return kind === "sjuk"
          ? `=SJUK.SHARE("${r.code}",Keys!${c}$1:${c}$21,"v1")`
          : `=ROUND(Keys!${c}${row + 1}/SUM(Keys!${c}$1:${c}$21)*100000000,0)`;
      }),
    );
    hf.setSheetContent(hf.getSheetId("Cells")!, cells);
  });
  return { hf, buildMs: performance.now() - started };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Changes one population figure per run (a different column each time) and times the recalculation. */
function recalculation(hf: HyperFormula): number[] {
  const keys = hf.getSheetId("Keys")!;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const col = (run * 37) % COLUMNS;
    const started = performance.now();
    hf.setCellContents({ sheet: keys, row: 9, col }, base[9]! + 10_000 + run);
    times.push(performance.now() - started);
  }
  return times;
}

const sjuk = build("sjuk");
const native = build("native");
const sjukCells = sjuk.hf.getSheetValues(sjuk.hf.getSheetId("Cells")!);
const firstColumnSum = sjukCells.reduce((s, row) => s + (row[0] as number), 0);
if (firstColumnSum !== 100_000_000) throw new Error(`SJUK cells do not add up: ${firstColumnSum}`);

const missesBefore = paymentsCache.misses;
const sjukTimes = recalculation(sjuk.hf);
const scenariosPerChange = (paymentsCache.misses - missesBefore) / RUNS;
const nativeTimes = recalculation(native.hf);
const nativeCells = native.hf.getSheetValues(native.hf.getSheetId("Cells")!);
const nativeSum = nativeCells.reduce((s, row) => s + (row[0] as number), 0);

const s = median(sjukTimes);
const n = median(nativeTimes);
console.log(`SJUK.SHARE workbook: ${REGIONS.length * COLUMNS} cells over ${COLUMNS} key columns`);
console.log(`  build: SJUK ${sjuk.buildMs.toFixed(0)} ms, native ${native.buildMs.toFixed(0)} ms (ratio ${(sjuk.buildMs / native.buildMs).toFixed(2)})`);
console.log(`  recalculation after one population change, median of ${RUNS}: SJUK ${s.toFixed(2)} ms, native ${n.toFixed(2)} ms`);
console.log(`  ratio SJUK / native: ${(s / n).toFixed(2)}  (goal: at most 2)`);
console.log(`  scenarios computed per change: ${scenariosPerChange} (the other SJUK cells of the column hit the cache)`);
console.log(`  first column adds up to: SJUK ${firstColumnSum}, native ROUND ${nativeSum} (native rounding need not add up)`);
