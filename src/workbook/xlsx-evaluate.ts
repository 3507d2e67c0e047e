import { promises as fs } from "fs";
import { DetailedCellError, HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { SjukError, problem, unreadableFile } from "../core/errors";
import { createSjukHyperFormula, replaceCellContents } from "../functions/hyperformula";
import {
  FormulaContext,
  FormulaTextError,
  TableInfo,
  shiftFormula,
  toHyperFormulaText,
} from "./excel-formula";
import { sameFile, writeAtomically } from "./atomic-write";
import { damagedXlsx } from "./xlsx-package";
import { HyperFormulaPort, toCellValue } from "./hyperformula-port";
import { cellAddress, parseRange, rangeAddress } from "./port";
import {
  CachedValue,
  CellUpdate,
  XlsxCell,
  XlsxPackage,
  XlsxSheet,
  applyCellUpdates,
  encodeXml,
  ensureDynamicArrayMetadata,
  readXlsxPackage,
} from "./xlsx-package";

/*
 * `sjuk evaluate`: a workbook as Excel saves it, evaluated in HyperFormula and written back with
 * only the formula cells' cached values (and spills) changed.
 * - toHyperFormula: every sheet, table and defined name into one HyperFormula; shared formulas
 *   expanded without touching string literals; an array formula's spill area left empty (its
 *   cached values are stale, and would block the spill); Excel's file syntax translated.
 * - evaluatePackage: each formula's value; spills as dynamic arrays (t="array", ref, cm) with a
 *   value in every spilled cell; only Excel's own error values.
 */

export interface FormulaCell {
  sheet: string;
  /** A1 address, e.g. "C7". */
  address: string;
  row: number;
  column: number;
  /** As the file stores it (a shared formula's other cells: shifted from the master). */
  formula: string;
  /** The cell as read. */
  cell: XlsxCell;
  /** What HyperFormula was given, or why the formula cannot be read. */
  hyperFormula: string | FormulaTextError;
}

export interface CellFault {
  /** Sheet!Cell */
  where: string;
  /** "#VALUE! key, row 4: "tolv" is not a number" */
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

export interface LoadedWorkbook {
  port: HyperFormulaPort;
  formulas: FormulaCell[];
  notes: string[];
}

const SJUK_CALL = /\bSJUK\.[A-Z]+\s*\(/i;

/** The error values Excel itself writes; HyperFormula's own (#CYCLE!, #ERROR!, #LIC!) become #VALUE!. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
]);

export function excelError(value: string): string {
  return EXCEL_ERRORS.has(value) ? value : "#VALUE!";
}

function rawValue(cell: XlsxCell): RawCellContent {
  const v = cell.value;
  if (v === undefined) return null;
  switch (cell.attributes.t) {
    case "b":
      return v === "1" || v.toLowerCase() === "true";
    case "e":
      return v;
    case "s":
    case "str":
    case "inlineStr":
      return v.startsWith("=") || v.startsWith("'") || /^\s*[-+]?[\d.]/.test(v) || v.startsWith("#")
        ? `'${v}`
        : v; // text stays text
    case "d": {
      const ms = Date.parse(v.endsWith("Z") || v.length <= 10 ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
    }
    default: {
      const n = Number(v);
      return v.trim() === "" || Number.isNaN(n) ? v : n;
    }
  }
}

interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(sheet: string, ref: string): Rect {
  const { start, end } = parseRange(ref.includes(":") ? ref : `${ref}:${ref}`);
  return { sheet, top: start.row, left: start.column, bottom: end.row, right: end.column };
}

/** An array formula's spilled size in HyperFormula (1 × 1 for a scalar). */
function spillSize(
  hf: HyperFormula,
  address: SimpleCellAddress
): { height: number; width: number } {
  // ArrayFormulaVertex keeps its size; HyperFormula has no public call for it.
  const vertex = (
    hf as unknown as { dependencyGraph: { getCell(a: SimpleCellAddress): unknown } }
  ).dependencyGraph.getCell(address) as
    { width?: number; height?: number; array?: unknown } | undefined;
  if (
    vertex &&
    vertex.array !== undefined &&
    typeof vertex.width === "number" &&
    typeof vertex.height === "number"
  )
    return { height: vertex.height, width: vertex.width };
  return { height: 1, width: 1 };
}

/** Every sheet, table and defined name of a package in one HyperFormula. */
export function toHyperFormula(pkg: XlsxPackage): LoadedWorkbook {
  const port = new HyperFormulaPort(createSjukHyperFormula());
  const hf = port.hf;
  const notes: string[] = [];
  const tables = new Map<string, TableInfo>();
  for (const s of pkg.sheets) for (const t of s.tables) tables.set(t.name.toLowerCase(), t);
  // The spill ranges the file records, until HyperFormula's own are known.
  const spills = new Map<string, string>();
  const arrays: Rect[] = [];
  for (const s of pkg.sheets)
    for (const c of s.cells)
      if (c.formula?.type === "array" && c.formula.ref) {
        spills.set(`${s.name.toUpperCase()}!${cellAddress(c.row, c.column)}`, c.formula.ref);
        arrays.push(rectOf(s.name, c.formula.ref));
      }
  const contextFor = (sheet: string, row: number, column: number): FormulaContext => ({
    tables,
    row,
    column,
    spillRange: (other, address) => spills.get(`${(other ?? sheet).toUpperCase()}!${address}`),
  });
  const translate = (f: Omit<FormulaCell, "hyperFormula">): string | FormulaTextError => {
    try {
      return toHyperFormulaText(f.formula, contextFor(f.sheet, f.row, f.column));
    } catch (e) {
      if (e instanceof FormulaTextError) return e;
      throw e;
    }
  };
  const formulas: FormulaCell[] = [];
  const grids = pkg.sheets.map((s) => {
    const grid: RawCellContent[][] = [];
    const masters = new Map<string, XlsxCell>();
    for (const c of s.cells)
      if (c.formula?.type === "shared" && c.formula.ref && c.formula.si !== undefined)
        masters.set(c.formula.si, c);
    const spilled = arrays.filter((a) => a.sheet === s.name);
    for (const c of s.cells) {
      while (grid.length <= c.row) grid.push([]);
      const line = grid[c.row]!;
      while (line.length <= c.column) line.push(null);
      let text = c.formula?.text;
      if (c.formula?.type === "shared" && !c.formula.ref) {
        const master = masters.get(c.formula.si ?? "");
        if (!master)
          throw new SjukError([
            problem(
              "xlsx.shared-formula-no-master",
              { si: c.formula.si ?? "" },
              { sheet: s.name, cell: cellAddress(c.row, c.column) }
            ),
          ]);
        text = shiftFormula(master.formula!.text, c.row - master.row, c.column - master.column);
      }
      if (text) {
        const f = {
          sheet: s.name,
          address: cellAddress(c.row, c.column),
          row: c.row,
          column: c.column,
          formula: text,
          cell: c,
        };
        const hyperFormula = translate(f);
        formulas.push({ ...f, hyperFormula });
        line[c.column] = typeof hyperFormula === "string" ? hyperFormula : hyperFormula.errorValue;
      } else if (
        spilled.some(
          (a) => c.row >= a.top && c.row <= a.bottom && c.column >= a.left && c.column <= a.right
        )
      ) {
        line[c.column] = null; // a spilled cell: its cached value is stale and would block the spill
      } else line[c.column] = rawValue(c);
    }
    return { name: s.name, grid };
  });
  hf.batch(() => {
    for (const s of grids) hf.addSheet(s.name);
    for (const s of grids) hf.setSheetContent(hf.getSheetId(s.name)!, s.grid);
    for (const t of tables.values()) {
      const r = rectOf(t.sheet, t.ref);
      port.registerTable({
        name: t.name,
        sheet: t.sheet,
        topLeft: cellAddress(r.top + t.headerRows - 1, r.left),
        columns: r.right - r.left + 1,
        rows: Math.max(r.bottom - r.top + 1 - t.headerRows - t.totalsRows, 1),
      });
    }
    for (const dn of pkg.definedNames) {
      // Excel's own names (_xlnm.Print_Area …) and add-in function stubs (_xldudf_…) are not data.
      if (/^_xl(nm|dudf)/i.test(dn.name) || hf.getNamedExpressionFormula(dn.name) !== undefined)
        continue;
      const scope = dn.localSheet === undefined ? undefined : hf.getSheetId(dn.localSheet);
      let expression: string;
      try {
        expression = toHyperFormulaText(dn.text, contextFor(pkg.sheets[0]!.name, 0, 0));
      } catch (e) {
        notes.push(
          `the defined name ${dn.name} (${dn.text}) cannot be read and was left out: ${(e as Error).message}`
        );
        continue;
      }
      if (hf.isItPossibleToAddNamedExpression(dn.name, expression, scope))
        hf.addNamedExpression(dn.name, expression, scope);
      else notes.push(`the defined name ${dn.name} (${dn.text}) cannot be read and was left out`);
    }
  });
  refreshAnchorArrays(hf, formulas, spills, translate);
  return { port, formulas, notes };
}

/** A1# stands for the range A1 spills into: once HyperFormula knows the real spills, formulas that use them are re-read. */
function refreshAnchorArrays(
  hf: HyperFormula,
  formulas: FormulaCell[],
  spills: Map<string, string>,
  translate: (f: Omit<FormulaCell, "hyperFormula">) => string | FormulaTextError
): void {
  const users = formulas.filter((f) => /_xlfn\.ANCHORARRAY\s*\(/i.test(f.formula));
  if (users.length === 0) return;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const f of formulas) {
      if (typeof f.hyperFormula !== "string") continue;
      const address = { sheet: hf.getSheetId(f.sheet)!, row: f.row, col: f.column };
      const { height, width } = spillSize(hf, address);
      const ref = rangeAddress(
        { row: f.row, column: f.column },
        { row: f.row + height - 1, column: f.column + width - 1 }
      );
      const key = `${f.sheet.toUpperCase()}!${f.address}`;
      if ((spills.get(key) ?? `${f.address}:${f.address}`) !== ref) {
        spills.set(key, ref);
        changed = true;
      }
    }
    if (!changed) return;
    hf.batch(() => {
      for (const f of users) {
        f.hyperFormula = translate(f);
        const content =
          typeof f.hyperFormula === "string" ? f.hyperFormula : f.hyperFormula.errorValue;
        replaceCellContents(
          hf,
          { sheet: hf.getSheetId(f.sheet)!, row: f.row, col: f.column },
          content
        );
      }
    });
  }
}

function cached(value: unknown): CachedValue {
  if (value instanceof DetailedCellError) return { error: excelError(value.value) };
  const v = toCellValue(value);
  return v === "" ? "" : v;
}

/** The <f> element for an anchor that spills over `ref`, keeping the file's own element when it already is one. */
function arrayFormulaXml(f: FormulaCell, ref: string): string {
  const xml = f.cell.formula!.xml;
  if (f.cell.formula!.type === "array") return xml.replace(/\bref="[^"]*"/, `ref="${ref}"`);
  return `<f t="array" ref="${ref}">${encodeXml(f.formula)}</f>`;
}

/**
 * The cell updates of one formula: its own cell (value, <f>, cm) and, for an array, every cell
 * it covers; cells a spill covered before and no longer does lose their stale values.
 */
function arrayUpdates(
  f: FormulaCell,
  size: { height: number; width: number },
  legacy: boolean,
  dynamic: boolean,
  cm: number | undefined,
  valueAt: (row: number, column: number) => CachedValue
): CellUpdate[] {
  const file = f.cell.formula!;
  const oldRef = file.type === "array" ? file.ref : undefined;
  const area = (ref: string) => parseRange(ref.includes(":") ? ref : `${ref}:${ref}`);
  let covered: { row: number; column: number }[] = [];
  let formulaXml = file.xml;
  if (legacy) covered = cellsOf(area(oldRef!));
  else if (dynamic) {
    const ref = rangeAddress(
      { row: f.row, column: f.column },
      { row: f.row + size.height - 1, column: f.column + size.width - 1 }
    );
    formulaXml = arrayFormulaXml(f, ref);
    covered = cellsOf(area(ref));
  } else if (oldRef) formulaXml = arrayFormulaXml(f, f.address);
  const within = (r: number, c: number) => r < f.row + size.height && c < f.column + size.width;
  const updates: CellUpdate[] = [
    {
      row: f.row,
      column: f.column,
      value: valueAt(f.row, f.column),
      formulaXml,
      ...(cm !== undefined ? { cm } : {}),
    },
  ];
  const inside = new Set(covered.map((p) => `${p.row}:${p.column}`));
  for (const p of covered) {
    if (p.row === f.row && p.column === f.column) continue;
    // A fixed array range larger than the result shows #N/A there, as in Excel.
    updates.push({
      ...p,
      value: within(p.row, p.column) ? valueAt(p.row, p.column) : { error: "#N/A" },
    });
  }
  if (oldRef && !legacy)
    for (const p of cellsOf(area(oldRef)))
      if (!(p.row === f.row && p.column === f.column) && !inside.has(`${p.row}:${p.column}`))
        updates.push({ ...p, value: null });
  return updates;
}

function cellsOf(range: ReturnType<typeof parseRange>): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let row = range.start.row; row <= range.end.row; row++)
    for (let column = range.start.column; column <= range.end.column; column++)
      out.push({ row, column });
  return out;
}

/** Evaluates every formula; returns the summary and the cell updates per sheet. */
export async function evaluatePackage(
  pkg: XlsxPackage
): Promise<{ summary: EvaluateSummary; updates: Map<XlsxSheet, CellUpdate[]> }> {
  const { port, formulas, notes } = toHyperFormula(pkg);
  const hf = port.hf;
  const errors: CellFault[] = [];
  const updates = new Map<XlsxSheet, CellUpdate[]>(pkg.sheets.map((s) => [s, []]));
  let sjukCells = 0;
  for (const f of formulas) {
    const sheet = pkg.sheets.find((s) => s.name === f.sheet)!;
    const list = updates.get(sheet)!;
    const where = `${f.sheet}!${f.address}`;
    if (typeof f.hyperFormula !== "string") {
      errors.push({ where, message: `${f.hyperFormula.errorValue} ${f.hyperFormula.message}` });
      list.push({
        row: f.row,
        column: f.column,
        value: { error: f.hyperFormula.errorValue },
        formulaXml: f.cell.formula!.xml,
      });
      continue;
    }
    if (SJUK_CALL.test(f.hyperFormula)) sjukCells++;
    const sheetId = hf.getSheetId(f.sheet)!;
    const value = hf.getCellValue({ sheet: sheetId, row: f.row, col: f.column });
    if (value instanceof DetailedCellError)
      errors.push({
        where,
        message: value.message
          ? `${value.value} ${value.message}`
          : value.type === "CYCLE"
            ? `${value.value} the formula depends on itself, directly or through a defined name`
            : value.value,
      });
    const size = spillSize(hf, { sheet: sheetId, row: f.row, col: f.column });
    const spilled = size.height > 1 || size.width > 1;
    if (spilled && f.cell.formula!.type === "shared")
      notes.push(
        `${where}: a shared formula that returns ${size.height} × ${size.width} values; only the first is stored`
      );
    // A legacy (Ctrl+Shift+Enter) array formula keeps its fixed range; anything else that
    // returns several values is written as a dynamic array, as Excel 365 writes a spill.
    const legacy =
      f.cell.formula!.type === "array" &&
      f.cell.attributes.cm === undefined &&
      f.cell.formula!.ref !== undefined;
    const dynamic = spilled && !legacy && f.cell.formula!.type !== "shared";
    const cm = dynamic ? await ensureDynamicArrayMetadata(pkg) : undefined;
    list.push(
      ...arrayUpdates(f, size, legacy, dynamic, cm, (r, c) =>
        cached(hf.getCellValue({ sheet: sheetId, row: r, col: c }))
      )
    );
  }
  return { summary: { formulaCells: formulas.length, sjukCells, errors, notes }, updates };
}

/** Reads a file into a package; a missing, non-workbook or damaged file is a SjukError naming it. */
export async function loadPackage(path: string): Promise<XlsxPackage> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    throw unreadableFile(e, path);
  }
  try {
    return await readXlsxPackage(data, path);
  } catch (e) {
    // A part damaged in a way the reader does not name (found by fuzzing): still a damaged file, named.
    if (e instanceof SjukError) throw e;
    throw damagedXlsx(path, { kind: "detail", detail: (e as Error).message });
  }
}

export interface EvaluateOptions {
  /** Write the evaluated workbook here; the input itself only with `inPlace`. */
  out?: string;
  /** Write over the input (atomically). */
  inPlace?: boolean;
}

/**
 * Reads `input`, evaluates it and writes it to `out` (or over the input with `inPlace`) through
 * a temporary file renamed only when complete (atomic-write.ts). Writing over the input without
 * `inPlace` is refused before anything is read: one typo must not replace a user's workbook.
 */
export async function evaluateFile(
  input: string,
  options: EvaluateOptions | string = {}
): Promise<EvaluateSummary> {
  const { out: given, inPlace } =
    typeof options === "string" ? { out: options, inPlace: false } : options;
  if (given !== undefined && !inPlace && (await sameFile(input, given)))
    throw new SjukError([problem("cli.out-is-input", { out: given })]);
  if (inPlace && given !== undefined && !(await sameFile(input, given)))
    throw new SjukError([problem("cli.in-place-and-out", { input, out: given })]);
  const out = inPlace ? input : given;
  const pkg = await loadPackage(input);
  const { summary, updates } = await evaluatePackage(pkg);
  if (!out) return summary;
  for (const [sheet, list] of updates)
    if (list.length) pkg.zip.file(sheet.path, applyCellUpdates(sheet, list));
  const data = await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  await writeAtomically(out, (temp) => fs.writeFile(temp, data));
  return summary;
}
