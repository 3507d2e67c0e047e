/**
 * Benchmark (not a test): 1 000 scenarios' villkor 1 results in HyperFormula, three ways —
 * one SJUK.SHARES spill per scenario (21 × 1), 21 SJUK.SHARE cells per scenario, and 21 native
 * =ROUND(B1/SUM(B$1:B$21)*100000000,0) cells per scenario — timed after one key figure changes
 * (a different scenario each time; 20 changes per round). Interleaved (warm-up, then A B C A B C …), in CPU time;
 * prints the median ratio to native with its min–max.
 *
 *   npm run bench
 *   node dist/bench/shares.bench.js [scenarios] [rounds]
 */
import { HyperFormula } from "hyperformula";
import { REGIONS } from "../src/engine";
import { columnLetter } from "../src/workbook/port";
import { createSjukHyperFormula } from "../src/functions/hyperformula";
import { paymentsCache } from "../src/functions/scenario";
import { shippedPopulationKey } from "../src/reference/population";
import { interleave, median, ratio } from "./interleave";

const SCENARIOS = Number(process.argv[2] ?? 1_000);
const ROUNDS = Number(process.argv[3] ?? 21);
/** Changes timed together per round: one change alone is below the CPU clock's resolution. */
const CHANGES_PER_ROUND = 20;
const key = shippedPopulationKey();
const base = REGIONS.map((r) => Number(key.figures[r.code]));

type Kind = "shares" | "share" | "native";

/** Keys!: 21 rows × SCENARIOS columns, each column a slightly different key. */
function keySheet(): number[][] {
  return base.map((figure, row) =>
    Array.from({ length: SCENARIOS }, (_, col) => figure + ((row * 7919 + col * 104729) % 5000))
  );
}

function cellsSheet(kind: Kind): (string | null)[][] {
  return REGIONS.map((r, row) =>
    Array.from({ length: SCENARIOS }, (_, col) => {
      const c = columnLetter(col);
      const range = `Keys!${c}$1:${c}$21`;
      if (kind === "shares") return row === 0 ? `=SJUK.SHARES(${range},"v1")` : null;
      if (kind === "share") return `=SJUK.SHARE("${r.code}",${range},"v1")`;
      return `=ROUND(Keys!${c}${row + 1}/SUM(${range})*100000000,0)`;
    })
  );
}

function build(kind: Kind): HyperFormula {
  const hf =
    kind === "native"
      ? HyperFormula.buildEmpty({ licenseKey: "gpl-v3" })
      : createSjukHyperFormula();
  hf.batch(() => {
    hf.addSheet("Keys");
    hf.addSheet("Cells");
    hf.setSheetContent(hf.getSheetId("Keys")!, keySheet());
    hf.setSheetContent(hf.getSheetId("Cells")!, cellsSheet(kind));
  });
  return hf;
}

/** The sum of the first scenario's 21 cells: SJUK's add up to 100 000 000 kr exactly. */
function firstColumnSum(hf: HyperFormula): number {
  const cells = hf.getSheetValues(hf.getSheetId("Cells")!);
  return cells.reduce((s, row) => s + (row[0] as number), 0);
}

/**
 * Changes one key figure (scenario `round × 37 mod SCENARIOS`, Norrbotten's row) per call. Each
 * workbook gets its own figures (offset), so that no workbook finds its scenario in the cache
 * because another workbook just computed it.
 */
function changer(hf: HyperFormula, offset: number): () => number {
  const keys = hf.getSheetId("Keys")!;
  let round = 0;
  return () => {
    let sink = 0;
    for (let i = 0; i < CHANGES_PER_ROUND; i++) {
      const col = (round * 37) % SCENARIOS;
      hf.setCellContents({ sheet: keys, row: 20, col }, base[20]! + offset + round++);
      sink += col;
    }
    return sink;
  };
}

const kinds: Kind[] = ["shares", "share", "native"];
const books = kinds.map(build);
const sums = books.map(firstColumnSum);
if (sums[0] !== 100_000_000 || sums[1] !== 100_000_000)
  throw new Error(`SJUK results do not add up: SHARES ${sums[0]}, SHARE ${sums[1]}`);

const missesBefore = paymentsCache.misses;
const { seconds } = interleave(
  books.map((hf, i) => changer(hf, 10_000 * (i + 1))),
  ROUNDS
);
// The warm-up is one more change per contender; two of the three contenders compute scenarios.
const perChange = (paymentsCache.misses - missesBefore) / (2 * (ROUNDS + 1) * CHANGES_PER_ROUND);
const ms = (xs: number[]) => `${((median(xs) * 1000) / CHANGES_PER_ROUND).toFixed(2)} ms`;

console.log(
  `SJUK.SHARES: ${SCENARIOS} scenarios' villkor 1 results (21 each), one key figure changed`
);
console.log(
  `  median recalculation per change, ${ROUNDS} interleaved rounds of ${CHANGES_PER_ROUND} changes (CPU time):`
);
console.log(
  `    SJUK.SHARES spills ${ms(seconds[0]!)}, SJUK.SHARE cells ${ms(seconds[1]!)}, native ROUND ${ms(seconds[2]!)}`
);
console.log(`  SHARES / native: ${ratio(seconds[0]!, seconds[2]!)}  (aim: at most 1.0×)`);
console.log(`  SHARE / native:  ${ratio(seconds[1]!, seconds[2]!)}`);
console.log(`  scenarios computed per change: ${perChange}`);
console.log(
  `  first scenario adds up to: SHARES ${sums[0]}, SHARE ${sums[1]}, native ROUND ${sums[2]}`
);
