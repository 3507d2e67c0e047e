import {
  CellError,
  DetailedCellError,
  HyperFormula,
  RawCellContent,
  SimpleCellRange,
} from "hyperformula";
import { Problem, SjukError, problem } from "../core/errors";
import { createSjukHyperFormula, replaceCellContents } from "../functions/hyperformula";
import {
  CellInput,
  CellValue,
  OWNED_SHEETS_SETTING,
  OwnedSheet,
  SheetSpec,
  TableData,
  WorkbookPort,
  absoluteRef,
  cellAddress,
  parseCell,
  parseRange,
  tableRange,
} from "./port";

/*
 * The WorkbookPort over an embedded HyperFormula workbook (CLI, browser preview, tests).
 * HyperFormula has no Excel tables: a table becomes a named expression over its data body
 * (the SJUK.SHARE short form reads SJUK_Befolkning that way) plus an entry in this port's table
 * registry. Settings live in the port object; a caller may persist `settings` and pass them back.
 * Number formats, styles and drop-down lists have no meaning to HyperFormula; the port keeps
 * them so that a grid (the preview) can show them: formatAt / validationAt / styleAt.
 */

/** A table as the registry knows it. */
export interface RegisteredTable {
  name: string;
  sheet: string;
  /** Header row's first cell, e.g. "A5". */
  topLeft: string;
  columns: number;
  /** Body rows (at least 1, as in Excel). */
  rows: number;
}

export interface HyperFormulaPortOptions {
  /** Settings stored earlier (e.g. from localStorage); the port keeps its own copy. */
  settings?: Record<string, unknown>;
  /** Called by selectCell, so that a grid can move its cursor. */
  onSelect?: (sheet: string, address: string) => void;
}

/** Cell values as the port reports them: an error shows as its Excel text (#VALUE!, #N/A, …). */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError || v instanceof CellError)
    return (v as DetailedCellError).value ?? `#${(v as CellError).type}!`;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Everything the preview's workbook holds, as JSON: each sheet's cells as entered (formulas as
 * formulas; a spilled cell is left empty, since its formula writes it), the named expressions,
 * the table registry, the formats, drop-downs and styles, and the settings (the add-in's
 * ownership records). Saving this and building a port from it again is the preview's "save and
 * reopen", as a workbook saved by Excel keeps its cells, tables and the add-in's settings.
 */
export interface WorkbookSnapshot {
  format: "sjuk-preview-workbook";
  version: 1;
  sheets: { name: string; cells: RawCellContent[][] }[];
  names: { name: string; expression: string; scope?: number }[];
  tables: RegisteredTable[];
  formats: [string, string][];
  validations: [string, string[]][];
  styles: [string, string][];
  settings: Record<string, unknown>;
}

/** A saved snapshot file read back; anything else is refused naming the file and what is wrong. */
export function parseSnapshot(text: string, file: string): WorkbookSnapshot {
  const refuse = (p: Problem): never => {
    throw new SjukError([{ ...p, where: { file } }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse(problem("file.not-json", { detail: (e as Error).message }));
  }
  const d = data as Partial<WorkbookSnapshot> | null;
  if (d?.format !== "sjuk-preview-workbook" || d.version !== 1)
    refuse(problem("snapshot.not-ours", {}));
  for (const field of ["sheets", "names", "tables", "formats", "validations", "styles"] as const)
    if (!Array.isArray(d![field])) refuse(problem("snapshot.field-missing", { field }));
  if (typeof d!.settings !== "object" || d!.settings === null)
    refuse(problem("snapshot.field-missing", { field: "settings" }));
  d!.sheets!.forEach((s, i) => {
    if (typeof s?.name !== "string" || !Array.isArray(s.cells) || !s.cells.every(Array.isArray))
      refuse(problem("snapshot.not-a-sheet", { index: i }));
  });
  return d as WorkbookSnapshot;
}

export class HyperFormulaPort implements WorkbookPort {
  readonly hf: HyperFormula;
  readonly settings: Record<string, unknown>;
  private readonly tables = new Map<string, RegisteredTable>();
  private readonly formats = new Map<string, string>();
  private readonly validations = new Map<string, string[]>();
  private readonly styles = new Map<string, string>();
  private readonly frozen = new Map<string, { rows: number; columns: number }>();
  private readonly onSelect?: (sheet: string, address: string) => void;
  /** The last cell selectCell chose. */
  selection: { sheet: string; address: string } | undefined;

  constructor(hf: HyperFormula = createSjukHyperFormula(), options: HyperFormulaPortOptions = {}) {
    this.hf = hf;
    this.settings = JSON.parse(JSON.stringify(options.settings ?? {}));
    this.onSelect = options.onSelect;
  }

  /** The workbook as a snapshot (see WorkbookSnapshot). */
  snapshot(): WorkbookSnapshot {
    const hf = this.hf;
    const sheets = hf.getSheetNames().map((name) => {
      const sheet = hf.getSheetId(name)!;
      const { height, width } = hf.getSheetDimensions(sheet);
      const cells: RawCellContent[][] = [];
      for (let row = 0; row < height; row++) {
        const line: RawCellContent[] = [];
        for (let col = 0; col < width; col++) {
          const at = { sheet, row, col };
          const spilled = !hf.doesCellHaveFormula(at) && hf.isCellPartOfArray(at);
          line.push(spilled ? null : (hf.getCellSerialized(at) as RawCellContent));
        }
        cells.push(line);
      }
      return { name, cells };
    });
    return {
      format: "sjuk-preview-workbook",
      version: 1,
      sheets,
      names: hf.getAllNamedExpressionsSerialized().map((n) => ({
        name: n.name,
        expression: String(n.expression),
        ...(n.scope === undefined ? {} : { scope: n.scope }),
      })),
      tables: this.listTables(),
      formats: [...this.formats],
      validations: [...this.validations],
      styles: [...this.styles],
      settings: JSON.parse(JSON.stringify(this.settings)),
    };
  }

  /** A port over a new workbook built from a snapshot; `hf` must be empty (no sheets). */
  static fromSnapshot(
    hf: HyperFormula,
    snapshot: WorkbookSnapshot,
    options: Omit<HyperFormulaPortOptions, "settings"> = {}
  ): HyperFormulaPort {
    const port = new HyperFormulaPort(hf, { ...options, settings: snapshot.settings });
    hf.batch(() => {
      // Sheets first, then names, then cells: a formula may name any sheet and any name.
      for (const s of snapshot.sheets) hf.addSheet(s.name);
      for (const n of snapshot.names) hf.addNamedExpression(n.name, n.expression, n.scope);
      for (const s of snapshot.sheets)
        if (s.cells.length) hf.setSheetContent(hf.getSheetId(s.name)!, s.cells);
    });
    for (const t of snapshot.tables) port.tables.set(t.name.toLowerCase(), { ...t });
    for (const [k, v] of snapshot.formats) port.formats.set(k, v);
    for (const [k, v] of snapshot.validations) port.validations.set(k, v);
    for (const [k, v] of snapshot.styles) port.styles.set(k, v);
    return port;
  }

  /* ---------- registry ---------- */

  /** Declares a table over existing cells (e.g. read from an .xlsx) and its named expression. */
  registerTable(table: RegisteredTable): void {
    this.tables.set(table.name.toLowerCase(), { ...table });
    this.defineTableName(table);
  }

  /** Every registered table. */
  listTables(): RegisteredTable[] {
    return [...this.tables.values()].map((t) => ({ ...t }));
  }

  private defineTableName(table: RegisteredTable): void {
    const { row, column } = parseCell(table.topLeft);
    const body = `${cellAddress(row + 1, column)}:${cellAddress(row + table.rows, column + table.columns - 1)}`;
    const expression = `=${absoluteRef(table.sheet, body)}`;
    if (this.hf.getNamedExpressionFormula(table.name) !== undefined)
      this.hf.changeNamedExpression(table.name, expression);
    else this.hf.addNamedExpression(table.name, expression);
  }

  private sheetId(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`the workbook has no sheet "${sheet}"`);
    return id;
  }

  private range(sheet: string, address: string): SimpleCellRange {
    const id = this.sheetId(sheet);
    const { start, end } = parseRange(address);
    return {
      start: { sheet: id, row: start.row, col: start.column },
      end: { sheet: id, row: end.row, col: end.column },
    };
  }

  private key(sheet: string, row: number, column: number): string {
    return `${sheet}!${cellAddress(row, column)}`;
  }

  /** The number format written for a cell, if any (for a grid's display). */
  formatAt(sheet: string, address: string): string | undefined {
    return this.formats.get(`${sheet}!${address}`);
  }
  /** The drop-down list of a cell, if any. */
  validationAt(sheet: string, address: string): string[] | undefined {
    return this.validations.get(`${sheet}!${address}`);
  }
  /** The style a cell was given (title, heading, note, prompt, option, total), if any. */
  styleAt(sheet: string, address: string): string | undefined {
    return this.styles.get(`${sheet}!${address}`);
  }

  /** The rows and columns a sheet keeps in view when scrolled (Excel's frozen panes). */
  frozenAt(sheet: string): { rows: number; columns: number } {
    return this.frozen.get(sheet) ?? { rows: 0, columns: 0 };
  }

  /* ---------- WorkbookPort ---------- */

  async listSheets(): Promise<string[]> {
    return this.hf.getSheetNames();
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    return ((this.settings[OWNED_SHEETS_SETTING] as OwnedSheet[] | undefined) ?? []).map((s) => ({
      ...s,
    }));
  }

  async readTable(name: string): Promise<TableData | undefined> {
    const t = this.tables.get(name.toLowerCase());
    if (!t) return undefined;
    const { row, column } = parseCell(t.topLeft);
    const id = this.sheetId(t.sheet);
    const grid = this.hf.getRangeValues({
      start: { sheet: id, row, col: column },
      end: { sheet: id, row: row + t.rows, col: column + t.columns - 1 },
    });
    const [header = [], ...rows] = grid.map((r) => r.map(toCellValue));
    return {
      name: t.name,
      sheet: t.sheet,
      topLeft: t.topLeft,
      headers: header.map((h) => (h === null ? "" : String(h))),
      rows,
    };
  }

  async writeTableBody(name: string, rows: CellInput[][]): Promise<void> {
    const t = this.tables.get(name.toLowerCase());
    if (!t) throw new Error(`the workbook has no table "${name}"`);
    rows.forEach((r, i) => {
      if (r.length !== t.columns)
        throw new Error(`${name}, row ${i + 1}: ${r.length} values for ${t.columns} columns`);
    });
    const { row, column } = parseCell(t.topLeft);
    const id = this.sheetId(t.sheet);
    const newRows = Math.max(rows.length, 1);
    const blank = Array.from({ length: t.columns }, () => null);
    this.hf.batch(() => {
      // Clear rows the table no longer covers, then write the body in one call.
      if (t.rows > newRows) {
        const extra = Array.from({ length: t.rows - newRows }, () => [...blank]);
        this.hf.setCellContents({ sheet: id, row: row + 1 + newRows, col: column }, extra);
      }
      const body = rows.length ? rows : [blank];
      this.hf.setCellContents({ sheet: id, row: row + 1, col: column }, body as RawCellContent[][]);
      t.rows = newRows;
      this.defineTableName(t);
    });
  }

  async writeSheets(specs: SheetSpec[], settings: Record<string, unknown> = {}): Promise<void> {
    this.validateSpecs(specs);
    for (const [key, value] of Object.entries(settings)) await this.writeSetting(key, value);
    const rewritten = new Set(specs.map((s) => s.name));
    this.hf.batch(() => {
      for (const spec of specs) {
        if (this.hf.getSheetId(spec.name) === undefined) this.hf.addSheet(spec.name);
        else this.hf.clearSheet(this.sheetId(spec.name));
      }
      for (const [key, t] of [...this.tables]) {
        if (rewritten.has(t.sheet)) {
          this.tables.delete(key);
          if (!specs.some((s) => s.tables.some((x) => x.name.toLowerCase() === key)))
            this.hf.removeNamedExpression(t.name);
        }
      }
      for (const map of [this.formats, this.validations, this.styles]) {
        for (const k of [...map.keys()])
          if (rewritten.has(k.slice(0, k.lastIndexOf("!")))) map.delete(k);
      }
      for (const spec of specs) {
        this.frozen.set(spec.name, {
          rows: spec.frozenRows ?? 0,
          columns: spec.frozenColumns ?? 0,
        });
        const grid: RawCellContent[][] = [];
        const put = (row: number, column: number, value: CellInput, format?: string) => {
          // Text format: "01" stays text (HyperFormula reads a leading apostrophe as "this is text").
          if (format === "@" && typeof value === "string" && !value.startsWith("="))
            value = `'${value}`;
          while (grid.length <= row) grid.push([]);
          const r = grid[row]!;
          while (r.length <= column) r.push(null);
          r[column] = value;
        };
        for (const c of spec.cells) {
          const { row, column } = parseCell(c.address);
          put(row, column, c.value, c.numberFormat);
          if (c.numberFormat) this.formats.set(this.key(spec.name, row, column), c.numberFormat);
          if (c.validation) this.validations.set(this.key(spec.name, row, column), c.validation);
          if (c.style) this.styles.set(this.key(spec.name, row, column), c.style);
        }
        for (const t of spec.tables) {
          const { row, column } = parseCell(t.topLeft);
          t.columns.forEach((col, j) => {
            put(row, column + j, col.header);
            this.styles.set(this.key(spec.name, row, column + j), "header");
            t.rows.forEach((values, i) => {
              put(row + 1 + i, column + j, values[j] ?? null, col.numberFormat);
              if (col.numberFormat)
                this.formats.set(this.key(spec.name, row + 1 + i, column + j), col.numberFormat);
              if (col.validation)
                this.validations.set(this.key(spec.name, row + 1 + i, column + j), col.validation);
            });
          });
        }
        const width = Math.max(0, ...grid.map((r) => r.length));
        const rect = grid.map((r) => [
          ...r,
          ...Array.from({ length: width - r.length }, () => null),
        ]);
        if (rect.length)
          this.hf.setCellContents({ sheet: this.sheetId(spec.name), row: 0, col: 0 }, rect);
      }
      for (const spec of specs) {
        for (const t of spec.tables) {
          this.registerTable({
            name: t.name,
            sheet: spec.name,
            topLeft: t.topLeft,
            columns: t.columns.length,
            rows: Math.max(t.rows.length, 1),
          });
        }
      }
    });
  }

  /** Everything that could fail, checked before the first write. */
  private validateSpecs(specs: SheetSpec[]): void {
    const problems: string[] = [];
    const names = new Set<string>();
    const tableNames = new Set<string>();
    for (const spec of specs) {
      if (!spec.name.trim() || spec.name.length > 31 || /[\\/?*[\]:]/.test(spec.name))
        problems.push(`"${spec.name}" is not a valid sheet name`);
      if (names.has(spec.name.toLowerCase()))
        problems.push(`the sheet "${spec.name}" is written twice`);
      names.add(spec.name.toLowerCase());
      for (const c of spec.cells) {
        try {
          parseCell(c.address);
        } catch (e) {
          problems.push(`${spec.name}: ${(e as Error).message}`);
        }
      }
      for (const t of spec.tables) {
        const key = t.name.toLowerCase();
        if (tableNames.has(key)) problems.push(`the table "${t.name}" is declared twice`);
        tableNames.add(key);
        const other = this.tables.get(key);
        if (other && !specs.some((s) => s.name === other.sheet))
          problems.push(`the table name "${t.name}" is taken on the sheet "${other.sheet}"`);
        t.rows.forEach((r, i) => {
          if (r.length !== t.columns.length)
            problems.push(
              `${spec.name}, table ${t.name}, row ${i + 1}: ${r.length} values for ${t.columns.length} columns`
            );
        });
        try {
          tableRange(t);
        } catch (e) {
          problems.push(`${spec.name}: ${(e as Error).message}`);
        }
      }
    }
    if (problems.length) throw new Error(problems.join("; "));
  }

  async writeCells(
    sheet: string,
    cells: { address: string; value: CellInput }[],
    settings: Record<string, unknown> = {}
  ): Promise<void> {
    const id = this.sheetId(sheet);
    for (const [key, value] of Object.entries(settings)) await this.writeSetting(key, value);
    const parsed = cells.map((c) => ({ ...parseCell(c.address), value: c.value }));
    this.hf.batch(() => {
      for (const c of parsed) {
        const format = this.formats.get(this.key(sheet, c.row, c.column));
        const value =
          format === "@" && typeof c.value === "string" && !c.value.startsWith("=")
            ? `'${c.value}`
            : c.value;
        replaceCellContents(this.hf, { sheet: id, row: c.row, col: c.column }, value);
      }
    });
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return this.hf.getRangeValues(this.range(sheet, address)).map((r) => r.map(toCellValue));
  }

  async readErrorMessage(sheet: string, address: string): Promise<string | undefined> {
    const { start } = this.range(sheet, address);
    const v = this.hf.getCellValue(start);
    return v instanceof DetailedCellError && v.message ? v.message : undefined;
  }

  async readFormulas(sheet: string, address: string): Promise<CellInput[][]> {
    return this.hf
      .getRangeSerialized(this.range(sheet, address))
      .map((r) => r.map((v) => (v === undefined ? null : (toCellValue(v) as CellInput))));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.sheetId(sheet);
    parseCell(address);
    this.selection = { sheet, address };
    this.onSelect?.(sheet, address);
  }

  async readSetting<T = unknown>(key: string): Promise<T | undefined> {
    const v = this.settings[key];
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }

  async writeSetting(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.settings[key];
    else this.settings[key] = JSON.parse(JSON.stringify(value));
  }
}
