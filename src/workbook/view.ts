import {
  CellInput,
  CellValue,
  OWNED_SHEETS_SETTING,
  OPTIONS_SETTING,
  OwnedSheet,
  SheetSpec,
  TableData,
  WorkbookPort,
  parseRange,
} from "./port";

/*
 * Everything the task pane shows, read at once. In Excel each port call is its own Excel.run
 * with its own context.sync(), so reading the pane's figures call by call cost 17 batches and
 * 22 syncs per cell edit. A WorkbookView is read in ONE batch with TWO syncs (which sheets,
 * tables and settings exist; then the used ranges of the owned sheets and their tables), and
 * a ViewPort answers the read calls of the existing readers (readSnapshot, validateInputs,
 * the grant snapshot) from it, with no further round trip.
 */

export interface SheetContent {
  /** The used range's top-left cell (0-based). */
  row: number;
  column: number;
  values: CellValue[][];
  formulas: CellInput[][];
}

export interface WorkbookView {
  sheets: string[];
  settings: Record<string, unknown>;
  tables: TableData[];
  /** The used range of every owned sheet that exists, by sheet name. */
  contents: Record<string, SheetContent>;
}

/** The settings the pane reads. */
export const VIEW_SETTINGS = [OWNED_SHEETS_SETTING, OPTIONS_SETTING];

/** Sheets and settings to write, planned from a view, and what the planner returns. */
export interface SheetWrite<T> {
  specs: SheetSpec[];
  settings: Record<string, unknown>;
  result: T;
}

/** A port that can read a whole view in one batch, and plan and write in one (ExcelPort). */
export interface ViewReader {
  readView(settingKeys: string[]): Promise<WorkbookView>;
  planAndWriteSheets<T>(
    settingKeys: string[],
    plan: (reader: WorkbookPort) => Promise<SheetWrite<T>>
  ): Promise<T>;
}

function canReadView(port: WorkbookPort): port is WorkbookPort & ViewReader {
  return typeof (port as Partial<ViewReader>).readView === "function";
}

/** The sheets the settings record as owned and that exist. */
export function ownedExisting(sheets: string[], owned: unknown): string[] {
  const names = new Set(sheets);
  return Array.isArray(owned)
    ? (owned as OwnedSheet[]).map((o) => o.name).filter((n) => names.has(n))
    : [];
}

/** Reads the view: in one batch where the port can (Excel), else through the port's own calls. */
export async function readWorkbookView(port: WorkbookPort): Promise<WorkbookView> {
  if (canReadView(port)) return port.readView(VIEW_SETTINGS);
  const sheets = await port.listSheets();
  const settings: Record<string, unknown> = {};
  for (const key of VIEW_SETTINGS) {
    const v = await port.readSetting(key);
    if (v !== undefined) settings[key] = v;
  }
  const view: WorkbookView = { sheets, settings, tables: [], contents: {} };
  return view;
}

const readOnly = (what: string) => () =>
  Promise.reject(new Error(`${what}: a workbook view is read-only`));

/**
 * The read calls of a WorkbookPort answered from a view; a port without a batched view
 * (HyperFormula, which has no round trips) is asked directly.
 */
export class ViewPort implements WorkbookPort {
  constructor(
    private readonly view: WorkbookView,
    private readonly fallback?: WorkbookPort
  ) {}

  async listSheets(): Promise<string[]> {
    return [...this.view.sheets];
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    return ((await this.readSetting<OwnedSheet[]>(OWNED_SHEETS_SETTING)) ?? []).map((o) => ({
      ...o,
    }));
  }

  async readSetting<T = unknown>(key: string): Promise<T | undefined> {
    if (key in this.view.settings) return this.view.settings[key] as T;
    return this.fallback?.readSetting<T>(key);
  }

  async readTable(name: string): Promise<TableData | undefined> {
    const table = this.view.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table || !this.fallback) return table;
    return this.fallback.readTable(name);
  }

  private cells<T extends CellValue | CellInput>(
    sheet: string,
    address: string,
    pick: (c: SheetContent) => T[][]
  ): T[][] | undefined {
    const content = this.view.contents[sheet];
    if (!content) return undefined;
    const { start, end } = parseRange(address.includes(":") ? address : `${address}:${address}`);
    const grid = pick(content);
    const out: T[][] = [];
    for (let r = start.row; r <= end.row; r++) {
      const line: T[] = [];
      for (let c = start.column; c <= end.column; c++)
        line.push((grid[r - content.row]?.[c - content.column] ?? null) as T);
      out.push(line);
    }
    return out;
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    const cells = this.cells(sheet, address, (c) => c.values);
    if (cells) return cells;
    if (this.fallback) return this.fallback.readRange(sheet, address);
    throw new Error(`the workbook has no sheet "${sheet}"`);
  }

  async readFormulas(sheet: string, address: string): Promise<CellInput[][]> {
    const cells = this.cells(sheet, address, (c) => c.formulas);
    if (cells) return cells;
    if (this.fallback) return this.fallback.readFormulas(sheet, address);
    throw new Error(`the workbook has no sheet "${sheet}"`);
  }

  writeTableBody = readOnly("writeTableBody");
  writeSheets: (specs: SheetSpec[]) => Promise<void> = readOnly("writeSheets");
  writeCells = readOnly("writeCells");
  selectCell = readOnly("selectCell");
  writeSetting = readOnly("writeSetting");
}

/**
 * Plans a write of sheets from a view of the workbook and writes it: in Excel one batch of three
 * syncs; elsewhere the view, then the port's writeSheets.
 */
export async function planAndWriteSheets<T>(
  port: WorkbookPort,
  plan: (reader: WorkbookPort) => Promise<SheetWrite<T>>
): Promise<T> {
  if (canReadView(port)) return port.planAndWriteSheets(VIEW_SETTINGS, plan);
  const write = await plan(await viewPort(port));
  await port.writeSheets(write.specs, write.settings);
  return write.result;
}

/** A view's port for reading: the view, and the port itself for anything the view lacks. */
export async function viewPort(port: WorkbookPort): Promise<WorkbookPort> {
  const view = await readWorkbookView(port);
  return new ViewPort(view, canReadView(port) ? undefined : port);
}
