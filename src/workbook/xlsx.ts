import ExcelJS from "exceljs";
import { promises as fs, rmSync } from "fs";
import { dirname, basename, join, resolve } from "path";
import { DetailedCellError, RawCellContent } from "hyperformula";
import { SjukError, problem } from "../core/errors";
import { createSjukHyperFormula } from "../functions/hyperformula";
import { HyperFormulaPort, toCellValue } from "./hyperformula-port";
import { forExcelJS } from "./open-xml";
import {
  CellValue,
  SheetSpec,
  absoluteRef,
  cellAddress,
  columnLetter,
  parseCell,
  parseRange,
  rangeAddress,
} from "./port";

/*
 * .xlsx files on Node (ExcelJS) for `sjuk evaluate` and the example workbook:
 * - loadWorkbookFile: read an .xlsx; a file that is not one, or is damaged, is a SjukError;
 * - toHyperFormula: every sheet into HyperFormula (with the SJUK functions); Excel tables and
 *   defined names become named expressions (a table through the HyperFormulaPort's registry);
 * - evaluateWorkbook: compute, and store each formula's value as its cached result beside the
 *   kept formula ({ formula, result });
 * - writeSheetSpecs: the layout's SheetSpecs as ExcelJS sheets, tables, formats and drop-downs.
 */

export interface FormulaCell {
  sheet: string;
  /** A1 address, e.g. "C7". */
  address: string;
  row: number;
  column: number;
  /** Without the leading "=", as the file stores it. */
  formula: string;
}

export interface CellFault {
  /** Sheet!Cell */
  where: string;
  /** "#VALUE!: key, row 4: "tolv" is not a number" */
  message: string;
}

export interface EvaluateSummary {
  /** Formula cells evaluated. */
  formulaCells: number;
  /** Formula cells that call an SJUK function. */
  sjukCells: number;
  errors: CellFault[];
  /** Problems that did not stop the evaluation (e.g. a defined name HyperFormula cannot read). */
  notes: string[];
}

const SJUK_CALL = /\bSJUK\.[A-Z]+\s*\(/i;

/** Reads an .xlsx; a missing, non-workbook or damaged file is a SjukError naming the file. */
export async function loadWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  try {
    await fs.access(path);
  } catch {
    throw new SjukError(`${path}: no such file`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // Valid files from other writers (the Open XML SDK's prefixes, rows without references) first made readable.
    await wb.xlsx.load((await forExcelJS(await fs.readFile(path))) as unknown as ArrayBuffer);
  } catch (e) {
    throw new SjukError(
      `${path} is not an Excel workbook (.xlsx) or is damaged: ${(e as Error).message}`
    );
  }
  if (wb.worksheets.length === 0)
    throw new SjukError(`${path} is not an Excel workbook (.xlsx) or is damaged: it has no sheets`);
  return wb;
}

/** A formula as HyperFormula reads it: leading "=", Excel's file prefixes removed. */
export function formulaForHyperFormula(formula: string): string {
  const f = formula.replace(/_xlfn\.|_xlws\./g, "").replace(/_xldudf_SJUK_([A-Z]+)/gi, "SJUK.$1");
  return f.startsWith("=") ? f : `=${f}`;
}

function rawContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v.startsWith("=") || /^\s*[-+]?\d/.test(v) ? `'${v}` : v; // text stays text
  if (v instanceof Date)
    return Math.round(((v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) * 1e6) / 1e6;
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return formulaForHyperFormula(cell.formula);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
  }
  return String(v);
}

/** The A1 range a table covers, as ExcelJS reports it (read from a file or added in code). */
function tableRef(
  table: ExcelJS.Table
): { name: string; range: string; headerRow: boolean } | undefined {
  const model = (
    table as unknown as {
      model?: {
        name?: string;
        tableRef?: string;
        ref?: string;
        headerRow?: boolean;
        columns?: unknown[];
        rows?: unknown[];
      };
    }
  ).model;
  const inner = (table as unknown as { table?: typeof model }).table;
  const m = { ...(model ?? {}), ...(inner ?? {}) };
  if (!m.name) return undefined;
  if (m.tableRef && m.tableRef.includes(":"))
    return { name: m.name, range: m.tableRef, headerRow: m.headerRow !== false };
  if (!m.ref) return undefined;
  const { row, column } = parseCell(m.ref.split(":")[0]!);
  const rows = (m.rows?.length ?? 0) + (m.headerRow === false ? 0 : 1);
  return {
    name: m.name,
    range: rangeAddress(
      { row, column },
      { row: row + Math.max(rows, 2) - 1, column: column + (m.columns?.length ?? 1) - 1 }
    ),
    headerRow: m.headerRow !== false,
  };
}

/** Every sheet of an ExcelJS workbook in one HyperFormula (through a HyperFormulaPort). */
export function toHyperFormula(wb: ExcelJS.Workbook): {
  port: HyperFormulaPort;
  formulas: FormulaCell[];
  notes: string[];
} {
  const port = new HyperFormulaPort(createSjukHyperFormula());
  const hf = port.hf;
  const formulas: FormulaCell[] = [];
  const notes: string[] = [];
  const sheets = wb.worksheets.map((ws) => {
    const grid: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        while (grid.length <= r) grid.push([]);
        const line = grid[r]!;
        while (line.length <= c) line.push(null);
        const content = rawContent(cell);
        line[c] = content;
        if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
          formulas.push({
            sheet: ws.name,
            address: cellAddress(r, c),
            row: r,
            column: c,
            formula: cell.formula,
          });
        }
      });
    });
    return { name: ws.name, grid };
  });
  hf.batch(() => {
    for (const s of sheets) {
      try {
        hf.addSheet(s.name);
      } catch (e) {
        throw new SjukError(
          `sheet "${s.name}": the formula engine cannot take it: ${(e as Error).message}`
        );
      }
    }
    for (const s of sheets) hf.setSheetContent(hf.getSheetId(s.name)!, s.grid);
    for (const ws of wb.worksheets) {
      for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
        const t = tableRef(table);
        if (!t) continue;
        const { start, end } = parseRange(t.range);
        const header = t.headerRow ? 1 : 0;
        // A table the engine cannot name (say, one that clashes with a defined name) is left out with a note naming it.
        tryOrNote(notes, `the table ${t.name} (${ws.name}!${t.range})`, () =>
          port.registerTable({
            name: t.name,
            sheet: ws.name,
            topLeft: cellAddress(start.row - (1 - header), start.column),
            columns: end.column - start.column + 1,
            rows: Math.max(end.row - start.row + 1 - header, 1),
          })
        );
      }
    }
    for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
      if (dn.ranges.length !== 1 || hf.getNamedExpressionFormula(dn.name) !== undefined) continue;
      const expression = `=${dn.ranges[0]}`;
      if (hf.isItPossibleToAddNamedExpression(dn.name, expression))
        tryOrNote(notes, `the defined name ${dn.name} (${dn.ranges[0]})`, () =>
          hf.addNamedExpression(dn.name, expression)
        );
      else
        notes.push(`the defined name ${dn.name} (${dn.ranges[0]}) cannot be read and was left out`);
    }
  });
  return { port, formulas, notes };
}

/** Runs `add`; a failure is a note that `what` was left out, not the end of the evaluation. */
function tryOrNote(notes: string[], what: string, add: () => void): void {
  try {
    add();
  } catch (e) {
    notes.push(`${what} cannot be read and was left out: ${(e as Error).message}`);
  }
}

/** A cell's value from the engine; a fault inside the engine on this cell is that cell's error. */
function valueOf(
  hf: HyperFormulaPort["hf"],
  f: FormulaCell
): ReturnType<HyperFormulaPort["hf"]["getCellValue"]> | CellFault {
  try {
    return hf.getCellValue({ sheet: hf.getSheetId(f.sheet)!, row: f.row, col: f.column });
  } catch (e) {
    return {
      where: `${f.sheet}!${f.address}`,
      message: `#VALUE! the formula engine failed on this cell: ${(e as Error).message}`,
    };
  }
}

/** Evaluates every formula and stores the values as the cells' cached results. */
export function evaluateWorkbook(wb: ExcelJS.Workbook): EvaluateSummary {
  const { port, formulas, notes } = toHyperFormula(wb);
  const hf = port.hf;
  const errors: CellFault[] = [];
  let sjukCells = 0;
  for (const f of formulas) {
    if (SJUK_CALL.test(f.formula)) sjukCells++;
    const value = valueOf(hf, f);
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.address);
    let result: ExcelJS.CellFormulaValue["result"];
    if (value !== null && typeof value === "object" && "where" in value) {
      errors.push(value);
      result = { error: "#VALUE!" };
    } else if (value instanceof DetailedCellError) {
      errors.push({
        where: `${f.sheet}!${f.address}`,
        message: value.message
          ? `${value.value} ${value.message}`
          : value.type === "CYCLE"
            ? `${value.value} the formula depends on itself, directly or through a defined name`
            : value.value,
      });
      result = { error: value.value as ExcelJS.CellErrorValue["error"] };
    } else {
      const v = toCellValue(value);
      result = v === null ? undefined : (v as number | string | boolean);
    }
    cell.value = { formula: f.formula, result } as ExcelJS.CellFormulaValue;
  }
  return { formulaCells: formulas.length, sjukCells, errors, notes };
}

export interface EvaluateOptions {
  /** Write the evaluated workbook here; the input itself only with `inPlace`. */
  out?: string;
  /** Write over the input (atomically). */
  inPlace?: boolean;
}

/** The same file on disk (through any path or link), or false when `b` does not exist yet. */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Reads `input`, evaluates it and writes it to `out` (or over the input with `inPlace`), through a
 * temporary file renamed only when complete. Writing over the input without `inPlace` is refused
 * before anything is read: one typo must not replace a user's workbook.
 */
export async function evaluateFile(
  input: string,
  options: EvaluateOptions | string = {}
): Promise<EvaluateSummary> {
  const { out, inPlace } = typeof options === "string" ? { out: options, inPlace: false } : options;
  if (out !== undefined && !inPlace && (await sameFile(input, out)))
    throw new SjukError([problem("cli.out-is-input", { out })]);
  if (inPlace && out !== undefined && !(await sameFile(input, out)))
    throw new SjukError([problem("cli.in-place-and-out", { input, out })]);
  const wb = await loadWorkbookFile(input);
  const summary = evaluateWorkbook(wb);
  const target = inPlace ? input : out;
  if (target !== undefined) await writeWorkbookFile(wb, target);
  return summary;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Writes through a temporary file beside the target and renames it only when complete: the
 * target is either the old file or the whole new one. A failure, or a signal (Ctrl-C) during the
 * write, removes the temporary file; the signal then ends the process as it would have.
 */
export async function writeWorkbookFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const onSignal = (signal: NodeJS.Signals) => {
    unlisten();
    rmSync(temp, { force: true });
    process.kill(process.pid, signal); // the listeners are gone: the default action ends the process
  };
  const unlisten = () => SIGNALS.forEach((s) => process.removeListener(s, onSignal));
  SIGNALS.forEach((s) => process.once(s, onSignal));
  try {
    await wb.xlsx.writeFile(temp);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new SjukError([problem("cli.cannot-write", { path, detail: (e as Error).message })]);
  } finally {
    unlisten();
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
      spec.frozenRows ? { views: [{ state: "frozen", ySplit: spec.frozenRows }] } : {}
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
