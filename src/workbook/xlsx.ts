import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { dirname, basename, join } from "path";
import { unreadableFile } from "../core/errors";
import { damagedXlsx } from "./xlsx-package";
import { CellValue, SheetSpec, absoluteRef, columnLetter, parseCell } from "./port";

/*
 * .xlsx files written with ExcelJS, for the example workbook: writeSheetSpecs puts the layout's
 * SheetSpecs into ExcelJS sheets, tables, formats and drop-downs. Evaluating a workbook as Excel
 * saves it is xlsx-evaluate.ts (ExcelJS rewrites every part and shifts "references" inside
 * shared formulas' strings, so it cannot serve there).
 */

/** Reads an .xlsx with ExcelJS (tests and scripts); a missing, non-workbook or damaged file is a SjukError naming the file. */
export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  try {
    await fs.access(path);
  } catch (e) {
    throw unreadableFile(e, path);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw damagedXlsx(path, { kind: "detail", detail: (e as Error).message });
  }
  return wb;
}

/** Writes through a temporary file beside the target and renames it only when complete. */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await wb.xlsx.writeFile(temp);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/* ---------- the layout's sheets as ExcelJS sheets ---------- */

const FONT: Record<string, Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 14 },
  heading: { bold: true },
  total: { bold: true },
  prompt: { bold: true },
  note: { italic: true, color: { argb: "FF605E5C" } },
};
const FILL: Record<string, string> = { prompt: "FFFFF4CE", option: "FFDEECF9" };

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "string" && v.startsWith("="))
    return { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
  return v;
}

/** Adds the layout's sheets to an ExcelJS workbook: cells, tables, number formats, drop-downs, frozen rows, widths. */
export function writeSheetSpecs(wb: ExcelJS.Workbook, specs: SheetSpec[]): void {
  for (const spec of specs) {
    const ws = wb.addWorksheet(
      spec.name,
      spec.frozenRows || spec.frozenColumns
        ? {
            views: [
              { state: "frozen", ySplit: spec.frozenRows ?? 0, xSplit: spec.frozenColumns ?? 0 },
            ],
          }
        : {}
    );
    (spec.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of spec.cells) {
      const cell = ws.getCell(c.address);
      cell.value = excelValue(c.value);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.style && FONT[c.style]) cell.font = FONT[c.style]!;
      if (c.style && FILL[c.style])
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[c.style]! } };
      if (c.validation)
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${c.validation.join(",")}"`],
        };
    }
    for (const t of spec.tables) {
      ws.addTable({
        name: t.name,
        ref: t.topLeft,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
        rows: t.rows.map((r) => r.map((v) => excelValue(v))) as unknown[][],
      });
      const { row, column } = parseCell(t.topLeft);
      t.columns.forEach((col, j) => {
        t.rows.forEach((_, i) => {
          const cell = ws.getCell(row + 2 + i, column + j + 1);
          if (col.numberFormat) cell.numFmt = col.numberFormat;
          if (col.validation)
            cell.dataValidation = {
              type: "list",
              allowBlank: true,
              formulae: [`"${col.validation.join(",")}"`],
            };
        });
      });
    }
  }
}

/** "Befolkning!$A$6:$C$26" for a sheet and range (re-exported for scripts). */
export const refOf = absoluteRef;
export { columnLetter };
