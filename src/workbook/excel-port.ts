/* global Excel */
import type { Language } from "../core/language";
import { cellErrorMessage } from "../functions/cell-errors";
import {
  CellInput,
  CellSpec,
  CellValue,
  OWNED_SHEETS_SETTING,
  OwnedSheet,
  SheetSpec,
  TableData,
  WorkbookPort,
  cellAddress,
  columnLetter,
  parseCell,
  rangeAddress,
  tableRange,
} from "./port";
import { SheetWrite, ViewPort, ViewReader, WorkbookView, ownedExisting } from "./view";

/*
 * The WorkbookPort over Excel's JavaScript API. Every operation is one Excel.run batch costing a
 * constant number of context.sync() calls, whatever the number of rows: at most one sync to read
 * what the plan needs, one to write. Whole ranges are written at once as 2-D arrays
 * (range.formulas / range.numberFormat), never cell by cell with a sync in a loop.
 *
 *   listSheets, readTable, readRange, readFormulas, readSetting, listOwnedSheets: 1 sync
 *   writeTableBody: 2 (read the table's shape; resize and write)
 *   writeSheets: 2 (read sheet and table names; clear/create and write everything)
 *   writeCells (with settings), selectCell, writeSetting: 1
 *   readView (everything the task pane shows): 2
 *   planAndWriteSheets (plan an insert on a view, write sheets and settings): 3
 *
 * Formulas are written with range.formulas, i.e. in Excel's invariant (English) syntax, which
 * is what agreement-sheets.ts produces; Swedish Excel shows them with ";" and its own function names.
 */

/** Excel.run, or a stand-in (tests pass one over office-addin-mock). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Roughly how many points one character of the default font takes, for column widths. */
const POINTS_PER_CHARACTER = 7;

const STYLE: Record<NonNullable<CellSpec["style"]> | "header", (range: Excel.Range) => void> = {
  title: (r) => {
    r.format.font.bold = true;
    r.format.font.size = 14;
  },
  heading: (r) => {
    r.format.font.bold = true;
  },
  note: (r) => {
    r.format.font.italic = true;
    r.format.font.color = "#605E5C";
  },
  prompt: (r) => {
    r.format.fill.color = "#FFF4CE";
    r.format.font.bold = true;
  },
  option: (r) => {
    r.format.fill.color = "#DEECF9";
  },
  total: (r) => {
    r.format.font.bold = true;
  },
  header: (r) => {
    r.format.font.bold = true;
  },
};

function blankIfNull(v: CellInput): string | number | boolean {
  return v === null ? "" : v;
}

/** A cell value as the port reports it: Excel's "" for an empty cell is null. */
function cellValue(v: unknown): CellValue {
  return v === "" || v === undefined ? null : (v as CellValue);
}

export class ExcelPort implements WorkbookPort, ViewReader {
  private readonly run: ExcelRun;

  constructor(run?: ExcelRun) {
    this.run = run ?? ((batch) => Excel.run(batch));
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /**
   * Everything the pane shows in ONE batch and TWO syncs: first the sheet and table names and
   * the settings; then the used range (values and formulas) of every owned sheet that exists
   * and every table on those sheets.
   */
  async readView(settingKeys: string[]): Promise<WorkbookView> {
    return this.run(async (context) => (await loadView(context, settingKeys)).view);
  }

  /**
   * Plans from a view and writes sheets and settings in ONE batch of THREE syncs (the view's two,
   * then the writes): an insert planned on what the workbook holds at that moment.
   */
  async planAndWriteSheets<T>(
    settingKeys: string[],
    plan: (reader: WorkbookPort) => Promise<SheetWrite<T>>
  ): Promise<T> {
    return this.run(async (context) => {
      const { view, tables } = await loadView(context, settingKeys);
      const write = await plan(new ViewPort(view));
      const grids = checkedGrids(write.specs);
      queueSheets(context, write.specs, grids, new Set(view.sheets), tables, write.settings);
      await context.sync();
      return write.result;
    });
  }

  async listOwnedSheets(): Promise<OwnedSheet[]> {
    return (await this.readSetting<OwnedSheet[]>(OWNED_SHEETS_SETTING)) ?? [];
  }

  async readTable(name: string): Promise<TableData | undefined> {
    return this.run(async (context) => {
      // First learn whether the table exists: ranges of a null object cannot be loaded.
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) return undefined;
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      const sheet = table.worksheet;
      table.load("name");
      header.load("values, rowIndex, columnIndex");
      body.load("values");
      sheet.load("name");
      await context.sync();
      return {
        name: table.name,
        sheet: sheet.name,
        topLeft: cellAddress(header.rowIndex, header.columnIndex),
        headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
        rows: body.values.map((r) => r.map((v) => (v === "" ? null : (v as CellValue)))),
      };
    });
  }

  async writeTableBody(name: string, rows: CellInput[][]): Promise<void> {
    await this.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      const header = table.getHeaderRowRange();
      const body = table.getDataBodyRange();
      header.load("columnCount");
      body.load("rowCount");
      await context.sync();

      const columns = header.columnCount;
      rows.forEach((r, i) => {
        if (r.length !== columns)
          throw new Error(`${name}, row ${i + 1}: ${r.length} values for ${columns} columns`);
      });
      const newRows = Math.max(rows.length, 1);
      // Rows the table no longer covers are cleared; then the table takes its new size.
      if (body.rowCount > newRows)
        header
          .getOffsetRange(newRows + 1, 0)
          .getResizedRange(body.rowCount - newRows - 1, 0)
          .clear("Contents");
      table.resize(header.getResizedRange(newRows, 0));
      const values = rows.length
        ? rows.map((r) => r.map(blankIfNull))
        : [Array.from({ length: columns }, () => "")];
      header.getOffsetRange(1, 0).getResizedRange(newRows - 1, 0).formulas = values;
      await context.sync();
    });
  }

  async writeSheets(specs: SheetSpec[], settings: Record<string, unknown> = {}): Promise<void> {
    const grids = checkedGrids(specs);
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      await context.sync();
      queueSheets(
        context,
        specs,
        grids,
        new Set(sheets.items.map((s) => s.name)),
        tables.items,
        settings
      );
      await context.sync();
    });
  }

  async writeCells(
    sheet: string,
    cells: { address: string; value: CellInput }[],
    settings: Record<string, unknown> = {}
  ): Promise<void> {
    for (const c of cells) parseCell(c.address);
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const c of cells) ws.getRange(c.address).formulas = [[blankIfNull(c.value)]];
      for (const [key, value] of Object.entries(settings))
        context.workbook.settings.add(key, JSON.parse(JSON.stringify(value)));
      await context.sync();
    });
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values");
      await context.sync();
      return range.values.map((r) => r.map((v) => (v === "" ? null : (v as CellValue))));
    });
  }

  async readFormulas(sheet: string, address: string): Promise<CellInput[][]> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("formulas");
      await context.sync();
      return range.formulas.map((r) => r.map((v) => (v === "" ? null : (v as CellInput))));
    });
  }

  /**
   * An error cell's message: Excel's API has only the error's kind, so this is the message the
   * SJUK function remembered for the cell (cell-errors.ts), in `language`. No round trip to Excel.
   */
  async readErrorMessage(
    sheet: string,
    address: string,
    context: { language?: Language; shows?: string } = {}
  ): Promise<string | undefined> {
    return cellErrorMessage(sheet, address, context.shows, context.language ?? "en");
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async readSetting<T = unknown>(key: string): Promise<T | undefined> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : (setting.value as T);
    });
  }

  async writeSetting(key: string, value: unknown): Promise<void> {
    await this.run(async (context) => {
      // undefined removes the setting.
      if (value === undefined) context.workbook.settings.getItemOrNullObject(key).delete();
      else context.workbook.settings.add(key, JSON.parse(JSON.stringify(value)));
      await context.sync();
    });
  }
}

/** The view's two syncs inside a batch; the loaded table items serve a write in the same batch. */
async function loadView(
  context: Excel.RequestContext,
  settingKeys: string[]
): Promise<{ view: WorkbookView; tables: Excel.Table[] }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name, items/worksheet/name");
  const settings = settingKeys.map((key) => ({
    key,
    item: context.workbook.settings.getItemOrNullObject(key).load("value"),
  }));
  await context.sync();

  const view: WorkbookView = {
    sheets: sheets.items.map((s) => s.name),
    settings: {},
    tables: [],
    contents: {},
  };
  for (const { key, item } of settings) if (!item.isNullObject) view.settings[key] = item.value;
  const owned = new Set(ownedExisting(view.sheets, view.settings[OWNED_SHEETS_SETTING]));
  const used = [...owned].map((name) => ({
    name,
    range: context.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject()
      .load("values, formulas, rowIndex, columnIndex"),
  }));
  const read = tables.items
    .filter((t) => owned.has(t.worksheet.name))
    .map((t) => {
      const table = tables.getItem(t.name);
      return {
        name: t.name,
        sheet: t.worksheet.name,
        header: table.getHeaderRowRange().load("values, rowIndex, columnIndex"),
        body: table.getDataBodyRange().load("values"),
      };
    });
  await context.sync();

  for (const { name, range } of used) {
    if (range.isNullObject) continue;
    view.contents[name] = {
      row: range.rowIndex,
      column: range.columnIndex,
      values: range.values.map((r) => r.map(cellValue)),
      formulas: range.formulas.map((r) => r.map((v) => cellValue(v) as CellInput)),
    };
  }
  view.tables = read.map((t) => ({
    name: t.name,
    sheet: t.sheet,
    topLeft: cellAddress(t.header.rowIndex, t.header.columnIndex),
    headers: (t.header.values[0] ?? []).map((h) => String(h ?? "")),
    rows: t.body.values.map((r) => r.map(cellValue)),
  }));
  return { view, tables: tables.items };
}

/** Everything about the sheets that can be checked without the workbook, before any write. */
function checkedGrids(specs: SheetSpec[]): ReturnType<typeof sheetGrid>[] {
  const problems: string[] = [];
  const grids = specs.map((spec) => {
    if (!spec.name.trim() || spec.name.length > 31 || /[\\/?*[\]:]/.test(spec.name))
      problems.push(`"${spec.name}" is not a valid sheet name`);
    for (const t of spec.tables) {
      t.rows.forEach((r, i) => {
        if (r.length !== t.columns.length)
          problems.push(
            `${spec.name}, table ${t.name}, row ${i + 1}: ${r.length} values for ${t.columns.length} columns`
          );
      });
    }
    try {
      return sheetGrid(spec);
    } catch (e) {
      problems.push(`${spec.name}: ${(e as Error).message}`);
      return undefined;
    }
  });
  if (problems.length) throw new Error(problems.join("; "));
  return grids as ReturnType<typeof sheetGrid>[];
}

/**
 * Queues the writes of the owned sheets (nothing is sent until the caller syncs): a table name
 * taken elsewhere stops it before anything is queued; the sheets being rewritten are cleared
 * (tables first), the missing ones created, then cells, tables, styles and drop-downs written.
 */
function queueSheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  grids: ReturnType<typeof sheetGrid>[],
  existing: Set<string>,
  tableItems: Excel.Table[],
  settings: Record<string, unknown>
): void {
  const sheets = context.workbook.worksheets;
  const rewritten = new Set(specs.map((s) => s.name));
  for (const t of tableItems) {
    if (
      !rewritten.has(t.worksheet.name) &&
      specs.some((s) => s.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase()))
    ) {
      throw new Error(`the table name "${t.name}" is taken on the sheet "${t.worksheet.name}"`);
    }
  }
  // Clear the owned sheets being rewritten (tables first), create the missing ones.
  for (const t of tableItems) if (rewritten.has(t.worksheet.name)) t.delete();
  for (const spec of specs) {
    if (existing.has(spec.name)) {
      const ws = sheets.getItem(spec.name);
      ws.getRange().clear("All");
      ws.getRange().dataValidation.clear();
      ws.freezePanes.unfreeze();
    } else {
      sheets.add(spec.name);
    }
  }
  specs.forEach((spec, i) => {
    const ws = sheets.getItem(spec.name);
    const grid = grids[i]!;
    if (grid.rows > 0 && grid.columns > 0) {
      const whole = ws.getRange(
        rangeAddress({ row: 0, column: 0 }, { row: grid.rows - 1, column: grid.columns - 1 })
      );
      // Formats first, so that text-formatted cells ("01") stay text.
      whole.numberFormat = grid.formats;
      whole.formulas = grid.formulas;
    }
    for (const t of spec.tables) {
      const table = ws.tables.add(tableRange(t), true);
      table.name = t.name;
    }
    for (const [style, addresses] of grid.styles) {
      for (const address of addresses) STYLE[style as keyof typeof STYLE](ws.getRange(address));
    }
    for (const v of grid.validations) {
      ws.getRange(v.address).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.list.join(",") },
      };
    }
    // Rows and columns together are one frozen range (A1:B5); either alone has its own call.
    if (spec.frozenRows && spec.frozenColumns)
      ws.freezePanes.freezeAt(
        rangeAddress(
          { row: 0, column: 0 },
          { row: spec.frozenRows - 1, column: spec.frozenColumns - 1 }
        )
      );
    else if (spec.frozenRows) ws.freezePanes.freezeRows(spec.frozenRows);
    else if (spec.frozenColumns) ws.freezePanes.freezeColumns(spec.frozenColumns);
    (spec.columnWidths ?? []).forEach((w, c) => {
      ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth =
        w * POINTS_PER_CHARACTER;
    });
  });
  for (const [key, value] of Object.entries(settings))
    context.workbook.settings.add(key, JSON.parse(JSON.stringify(value)));
}

/** A sheet spec as one rectangle of formulas and number formats from A1, plus styles and drop-downs. */
export function sheetGrid(spec: SheetSpec): {
  rows: number;
  columns: number;
  formulas: (string | number | boolean)[][];
  formats: string[][];
  styles: Map<string, string[]>;
  validations: { address: string; list: string[] }[];
} {
  const cells: { row: number; column: number; value: CellInput; format?: string }[] = [];
  const styles = new Map<string, string[]>();
  const validations: { address: string; list: string[] }[] = [];
  const style = (name: string, address: string) =>
    styles.set(name, [...(styles.get(name) ?? []), address]);
  for (const c of spec.cells) {
    const { row, column } = parseCell(c.address);
    cells.push({ row, column, value: c.value, format: c.numberFormat });
    if (c.style) style(c.style, c.address);
    if (c.validation) validations.push({ address: c.address, list: c.validation });
  }
  for (const t of spec.tables) {
    const { row, column } = parseCell(t.topLeft);
    const bodyRows = Math.max(t.rows.length, 1);
    t.columns.forEach((col, j) => {
      cells.push({ row, column: column + j, value: col.header });
      for (let i = 0; i < bodyRows; i++)
        cells.push({
          row: row + 1 + i,
          column: column + j,
          value: t.rows[i]?.[j] ?? null,
          format: col.numberFormat,
        });
      const bodyColumn = rangeAddress(
        { row: row + 1, column: column + j },
        { row: row + bodyRows, column: column + j }
      );
      if (col.validation) validations.push({ address: bodyColumn, list: col.validation });
    });
    style("header", rangeAddress({ row, column }, { row, column: column + t.columns.length - 1 }));
  }
  const rows = cells.reduce((m, c) => Math.max(m, c.row + 1), 0);
  const columns = cells.reduce((m, c) => Math.max(m, c.column + 1), 0);
  const formulas = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, (): string | number | boolean => "")
  );
  const formats = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => "General")
  );
  for (const c of cells) {
    formulas[c.row]![c.column] = blankIfNull(c.value);
    if (c.format) formats[c.row]![c.column] = c.format;
  }
  return { rows, columns, formulas, formats, styles, validations };
}
