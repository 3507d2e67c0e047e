/* global Excel, Office */
import { POPULATION_TABLE } from "./spec";
import type { Grid } from "./values";

/*
 * The short form =SJUK.SHARE("Region Skåne") in Excel. Its one hidden read (the SJUK_Befolkning
 * table) is invisible to Excel's dependency graph, so the shared runtime recalculates exactly
 * the cells that use it (Range.calculate) when the table changes. Chosen over a volatile
 * function, which would recalculate every SHARE cell on every edit.
 *
 * What keeps this alive in real Excel:
 * - the listener is on the workbook's table collection (tables.onChanged / onAdded), not on one
 *   table object, so it survives *Infoga bladen* deleting and recreating the table;
 * - it is registered at the runtime's start-up (taskpane.tsx), and a workbook that has the
 *   table asks Office to start the runtime with the document (Office.addin.setStartupBehavior),
 *   so reopening the workbook registers it again;
 * - a recorded cell whose sheet was renamed or deleted is dropped and, once, the workbook is
 *   recalculated in full, so the renamed cells record themselves again; nothing throws.
 * The custom function itself only reads the table and records its own address: no workbook
 * writes and no event registration from a function, as Microsoft's guidance asks.
 */

/** Excel.run, or a stand-in for tests. */
export type RunExcel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.addin.setStartupBehavior, or a stand-in for tests. */
export type SetStartupLoad = () => Promise<void>;

const defaultRun: RunExcel = (batch) => Excel.run(batch);
const defaultStartup: SetStartupLoad = async () => {
  if (typeof Office !== "undefined" && Office.addin?.setStartupBehavior)
    await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
};

/** "'My sheet'!B7" → { sheet: "My sheet", cell: "B7" }. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

export class ShortFormRecalculation {
  /** Addresses ("Sheet!B7") of cells that use the short form. */
  readonly cells = new Set<string>();
  private listening: Promise<void> | undefined;

  constructor(
    private readonly run: RunExcel = defaultRun,
    private readonly setStartupLoad: SetStartupLoad = defaultStartup
  ) {}

  /** Reads the table's values for a short-form cell and records the cell (1 batch, 2 syncs). */
  async read(address: string | undefined): Promise<Grid | undefined> {
    if (address) this.cells.add(address);
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(POPULATION_TABLE);
      await context.sync();
      // A missing table: the runner says what is missing, in the cell.
      if (table.isNullObject) return undefined;
      const body = table.getDataBodyRange().load("values");
      await context.sync();
      return body.values as Grid;
    });
  }

  /**
   * Registers the listeners once per runtime (start-up); a failed registration may be retried.
   * When the workbook has the population table, the runtime is set to start with the document.
   */
  listen(): Promise<void> {
    this.listening ??= this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.onChanged.add((event) => this.tableChanged(event.tableId));
      tables.onAdded.add((event) => this.tableAdded(event.tableId));
      const table = tables.getItemOrNullObject(POPULATION_TABLE);
      await context.sync();
      if (!table.isNullObject) await this.setStartupLoad();
    }).catch((e: unknown) => {
      this.listening = undefined;
      throw e;
    });
    return this.listening;
  }

  /** A table changed: when it is the population table, recalculate the short-form cells (2 syncs). */
  async tableChanged(tableId: string): Promise<void> {
    if (this.cells.size === 0) return;
    await this.recalculateIf(tableId, false);
  }

  /** A table was added (the sheets were inserted): start with the document from now on, and recalculate. */
  async tableAdded(tableId: string): Promise<void> {
    await this.recalculateIf(tableId, true);
  }

  /**
   * One batch: which table is the population table, and do the recorded cells' sheets exist
   * (one sync); then Range.calculate on each cell whose sheet exists (one sync). A recorded
   * cell whose sheet was renamed or deleted is dropped, and the workbook is recalculated in
   * full once, so that the renamed cells record themselves again under their new name.
   */
  private async recalculateIf(tableId: string, added: boolean): Promise<void> {
    await this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(POPULATION_TABLE).load("id");
      const bySheet = new Map<string, string[]>();
      for (const address of this.cells) {
        const { sheet } = splitAddress(address);
        bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), address]);
      }
      const sheets = [...bySheet.keys()].map((name) => ({
        name,
        sheet: context.workbook.worksheets.getItemOrNullObject(name),
      }));
      await context.sync();
      if (table.isNullObject || table.id !== tableId) return;
      if (added) await this.setStartupLoad();
      if (sheets.length === 0) return;
      let lost = false;
      for (const { name, sheet } of sheets) {
        for (const address of bySheet.get(name)!) {
          if (sheet.isNullObject) this.cells.delete(address);
          else sheet.getRange(splitAddress(address).cell).calculate();
        }
        lost ||= sheet.isNullObject;
      }
      if (lost) context.workbook.application.calculate("Full");
      await context.sync();
    }).catch(() => undefined); // events are best effort: never an unhandled rejection in Excel
  }
}

/** The shared runtime's one instance. */
export const shortForm = new ShortFormRecalculation();
