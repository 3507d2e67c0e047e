/*
 * Generates examples/sjuk-2020.xlsx from the shipped data through the add-in's own layout:
 * population (SCB 31 Dec 2019, labelled with that date), every region fulfilling every condition
 * (SKR reported all regions approved for 2020), villkor 3 counts from examples/kontakter-2020.csv, a results sheet of SJUK formulas with sums and the Table 1 check, and the
 * payouts. The formulas' values are evaluated (HyperFormula) and stored as cached results, so
 * Excel shows them even before the add-in loads.  Run: npm run example:workbook
 */
import ExcelJS from "exceljs";
import { existsSync } from "fs";
import { dirname, join } from "path";
import { parseContactsTable } from "../src/inputs/region-table";
import { readCsvGrid } from "../src/cli/read-csv";
import { shippedPopulationKey } from "../src/reference/population";
import { buildSheets } from "../src/workbook/agreement-sheets";
import { tmpdir } from "os";
import { promises as fs } from "fs";
import { evaluateFile } from "../src/workbook/xlsx-evaluate";
import { writeSheetSpecs, writeWorkbookFile } from "../src/workbook/xlsx";

/** The repository: one level up from scripts/, two from dist/scripts/ once compiled. */
const ROOT = [join(__dirname, ".."), join(__dirname, "..", "..")].find((d) =>
  existsSync(join(d, "examples", "kontakter-2020.csv"))
)!;
export const EXAMPLE_WORKBOOK = join(ROOT, "examples", "sjuk-2020.xlsx");

/** The example's inputs: what the test compares against the engine. */
export function exampleInputs() {
  return {
    population: shippedPopulationKey(),
    // All fulfilled: written "ja" in every flag cell. (examples/fulfilment-2020.csv is a scenario with two "no".)
    fulfilment: {} as Record<string, Record<string, boolean>>,
    contacts: parseContactsTable(readCsvGrid(join(ROOT, "examples", "kontakter-2020.csv"))),
  };
}

export async function makeExampleWorkbook(path = EXAMPLE_WORKBOOK): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SJUK";
  // A fixed date, so that regenerating the file changes it only when its content changes.
  wb.created = wb.modified = new Date(Date.UTC(2020, 0, 1));
  writeSheetSpecs(wb, buildSheets({ language: "sv", inputs: exampleInputs() }));
  // Written once by ExcelJS, then evaluated the way `sjuk evaluate` does it: one path for both.
  const unevaluated = join(await fs.mkdtemp(join(tmpdir(), "sjuk-example-")), "unevaluated.xlsx");
  await writeWorkbookFile(wb, unevaluated);
  const summary = await evaluateFile(unevaluated, path);
  await fs.rm(dirname(unevaluated), { recursive: true, force: true });
  if (summary.errors.length)
    throw new Error(
      `the example workbook has errors: ${summary.errors.map((e) => `${e.where}: ${e.message}`).join("; ")}`
    );
  process.stdout.write(
    `wrote ${path}: ${summary.formulaCells} formulas, ${summary.sjukCells} SJUK cells\n`
  );
}

if (require.main === module) {
  makeExampleWorkbook().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
