import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see excel-port-syncs.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { AGREEMENT_2020 } from "../../src/agreements";
import { ExcelPort, ExcelRun } from "../../src/workbook/excel-port";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets, validateInputs } from "../../src/workbook/agreement-insert";
import { DEFAULT_SHEET_NAMES, POPULATION } from "../../src/workbook/agreement-sheets";
import { OWNED_SHEETS_SETTING, OPTIONS_SETTING, cellAddress } from "../../src/workbook/port";
import { viewPort } from "../../src/workbook/view";
import { readSnapshot } from "../../src/taskpane/model";

/*
 * What the task pane costs in Excel round trips, per user operation, counted with
 * office-addin-mock: the Excel workbook is a mock of an inserted workbook (its values computed
 * by HyperFormula), and every Excel.run and context.sync() is counted. The same snapshot must
 * come out as through the HyperFormula port, call by call.
 */

const sv = DEFAULT_SHEET_NAMES.sv;

async function insertedWorkbook(): Promise<HyperFormulaPort> {
  const hf = new HyperFormulaPort();
  await insertSheets(hf, { language: "sv" });
  return hf;
}

/**
 * office-addin-mock keeps an array (a collection's items) as one value: "items/name" cannot be
 * loaded through it, so a collection's load loads its items whole.
 */
function loadItems(this: OfficeMockObject) {
  return OfficeMockObject.prototype.load.call(this, "items");
}

/** An office-addin-mock Excel workbook with the sheets, tables and settings of a HyperFormula port. */
function mockExcel(source: HyperFormulaPort) {
  const hf = source.hf;
  const sheetNames = hf.getSheetNames();
  const byName: Record<string, unknown> = {};
  for (const name of sheetNames) {
    const id = hf.getSheetId(name)!;
    const { width, height } = hf.getSheetDimensions(id);
    const values = hf
      .getSheetValues(id)
      .map((r) =>
        r.map((v) => (v === null ? "" : typeof v === "object" ? (v as { value: string }).value : v))
      );
    const formulas = hf
      .getSheetSerialized(id)
      .map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
    const pad = <T>(grid: T[][]) =>
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? "")
      );
    byName[name] = {
      usedRange: {
        values: pad(values),
        formulas: pad(formulas),
        rowIndex: 0,
        columnIndex: 0,
        isNullObject: false,
      },
      range: { formulas: [] as unknown[], calculate() {}, select() {} },
      getUsedRangeOrNullObject(this: { usedRange: unknown }) {
        return this.usedRange;
      },
      getRange(this: { range: unknown }) {
        return this.range;
      },
      activate() {},
    };
  }
  const tables = source.listTables();
  const tableData: Record<string, unknown> = {};
  for (const t of tables) {
    const values = (address: string) =>
      hf
        .getRangeValues(hf.simpleCellRangeFromString(address, hf.getSheetId(t.sheet)!)!)
        .map((r) =>
          r.map((v) =>
            v === null ? "" : typeof v === "object" ? (v as { value: string }).value : v
          )
        );
    const top = /^([A-Z]+)(\d+)$/.exec(t.topLeft)!;
    const row = Number(top[2]) - 1;
    const column = top[1]!.charCodeAt(0) - 65;
    tableData[t.name] = {
      header: {
        values: values(`${cellAddress(row, column)}:${cellAddress(row, column + t.columns - 1)}`),
        rowIndex: row,
        columnIndex: column,
      },
      body: {
        values: values(
          `${cellAddress(row + 1, column)}:${cellAddress(row + t.rows, column + t.columns - 1)}`
        ),
      },
      getHeaderRowRange(this: { header: unknown }) {
        return this.header;
      },
      getDataBodyRange(this: { body: unknown }) {
        return this.body;
      },
    };
  }
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source.settings))
    settings[key] = { value, isNullObject: false };
  const written: Record<string, unknown> = {};
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: sheetNames.map((name) => ({ name })),
          load: loadItems,
          byName,
          getItem(name: string) {
            return (this as unknown as { byName: Record<string, unknown> }).byName[name];
          },
        },
        tables: {
          items: tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet } })),
          load: loadItems,
          byName: tableData,
          getItem(name: string) {
            return (this as unknown as { byName: Record<string, unknown> }).byName[name];
          },
        },
        settings: {
          byKey: settings,
          missing: { value: "", isNullObject: true },
          getItemOrNullObject(key: string) {
            const self = this as unknown as { byKey: Record<string, unknown>; missing: unknown };
            return self.byKey[key] ?? self.missing;
          },
          add(key: string, value: unknown) {
            written[key] = value;
          },
        },
      },
    },
  }) as unknown as { context: Excel.RequestContext };
  // isNullObject is readable after a sync without a load in Excel; the mock would ask for a load.
  const wb = mock.context.workbook as unknown as {
    settings: {
      byKey: Record<string, { isNullObject: boolean }>;
      missing: { isNullObject: boolean };
    };
    worksheets: { byName: Record<string, { usedRange: { isNullObject: boolean } }> };
  };
  for (const key of Object.keys(settings)) wb.settings.byKey[key]!.isNullObject = false;
  wb.settings.missing.isNullObject = true;
  for (const name of sheetNames) wb.worksheets.byName[name]!.usedRange.isNullObject = false;
  const counts = { batches: 0, syncs: 0 };
  const context = mock.context;
  const realSync = context.sync.bind(context);
  (context as { sync: () => Promise<void> }).sync = async () => {
    counts.syncs++;
    await realSync();
  };
  const run: ExcelRun = (batch) => {
    counts.batches++;
    return batch(context);
  };
  const reset = () => {
    counts.batches = 0;
    counts.syncs = 0;
  };
  return { port: new ExcelPort(run), counts, reset, written };
}

describe("the task pane's round trips in Excel, per user operation (office-addin-mock)", () => {
  test("reading everything the pane shows (a cell edit's refresh): one batch, two syncs, the same snapshot", async () => {
    const hf = await insertedWorkbook();
    const excel = mockExcel(hf);
    const reader = await viewPort(excel.port);
    const snapshot = await readSnapshot(reader, AGREEMENT_2020, "sv");
    const problems = await validateInputs(reader);
    expect(excel.counts).toEqual({ batches: 1, syncs: 2 });
    // The same as read call by call through HyperFormula.
    expect(snapshot).toEqual(await readSnapshot(hf, AGREEMENT_2020, "sv"));
    expect(problems).toEqual(await validateInputs(hf));
    expect(snapshot.totals.find((t) => t.recipient === "total")!.computed).toBe(944_000_000);
    expect(snapshot.regions).toHaveLength(21);
  });

  test("an option change: one write batch with its setting, then the refresh: three syncs in all", async () => {
    const hf = await insertedWorkbook();
    const excel = mockExcel(hf);
    const { setOptions } = await import("../../src/workbook/agreement-insert");
    await setOptions(
      excel.port,
      "sv",
      { rule: "share", redistribution: "population" } as never,
      sv.results
    );
    const reader = await viewPort(excel.port);
    await readSnapshot(reader, AGREEMENT_2020, "sv");
    await validateInputs(reader);
    expect(excel.counts).toEqual({ batches: 2, syncs: 3 });
    expect(excel.written[OPTIONS_SETTING]).toMatchObject({ rule: "share" });
  });

  test("the population date cell is read from the view, not from Excel again", async () => {
    const hf = await insertedWorkbook();
    const excel = mockExcel(hf);
    const reader = await viewPort(excel.port);
    excel.reset();
    const [[date]] = (await reader.readRange(sv.population, POPULATION.dateCell)) as [[unknown]];
    expect(date).toBe((await hf.readRange(sv.population, POPULATION.dateCell))[0]![0]);
    expect((await reader.listOwnedSheets()).map((s) => s.name)).toEqual(
      (hf.settings[OWNED_SHEETS_SETTING] as { name: string }[]).map((s) => s.name)
    );
    expect(excel.counts).toEqual({ batches: 0, syncs: 0 });
  });
});

/**
 * For writes (insert), a permissive fake of the Excel API: every call and property is accepted
 * (a write goes nowhere), except what the reads need, which come from a HyperFormula workbook.
 * Only the round trips are counted: batches (Excel.run) and context.sync() calls.
 */
function countingExcel(source: HyperFormulaPort) {
  const hf = source.hf;
  const counts = { batches: 0, syncs: 0 };
  const anything = (overrides: Record<string | symbol, unknown> = {}): unknown =>
    new Proxy(function () {}, {
      get: (_t, prop) =>
        prop in overrides ? overrides[prop] : prop === "then" ? undefined : anything(),
      apply: () => anything(),
      set: () => true,
    });
  const sheetContent = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) return anything({ isNullObject: true });
    const { width, height } = hf.getSheetDimensions(id);
    const grid = (g: unknown[][]) =>
      Array.from({ length: height }, (_, r) =>
        Array.from({ length: width }, (_, c) => g[r]?.[c] ?? "")
      );
    const values = grid(
      hf
        .getSheetValues(id)
        .map((r) =>
          r.map((v) => (v !== null && typeof v === "object" ? (v as { value: string }).value : v))
        )
    );
    const formulas = grid(hf.getSheetSerialized(id) as unknown[][]);
    const range = { values, formulas, rowIndex: 0, columnIndex: 0, isNullObject: false };
    return anything({ ...range, load: () => anything(range) });
  };
  const tables = source.listTables();
  const tableItems = tables.map((t) =>
    anything({ name: t.name, worksheet: { name: t.sheet }, delete: () => undefined })
  );
  const tableItem = (name: string) => {
    const t = tables.find((x) => x.name === name)!;
    const top = /^([A-Z]+)(\d+)$/.exec(t.topLeft)!;
    const row = Number(top[2]) - 1;
    const column = top[1]!.charCodeAt(0) - 65;
    const id = hf.getSheetId(t.sheet)!;
    const values = (r0: number, r1: number) =>
      hf.getRangeValues({
        start: { sheet: id, row: r0, col: column },
        end: { sheet: id, row: r1, col: column + t.columns - 1 },
      });
    const header = { values: values(row, row), rowIndex: row, columnIndex: column };
    const body = { values: values(row + 1, row + t.rows) };
    return anything({
      getHeaderRowRange: () => anything({ load: () => anything(header) }),
      getDataBodyRange: () => anything({ load: () => anything(body) }),
    });
  };
  const context = anything({
    sync: async () => {
      counts.syncs++;
    },
    workbook: anything({
      worksheets: anything({
        load: () => anything({ items: hf.getSheetNames().map((name) => ({ name })) }),
        getItem: (name: string) => anything({ getUsedRangeOrNullObject: () => sheetContent(name) }),
      }),
      tables: anything({
        load: () => anything({ items: tableItems, getItem: tableItem }),
        getItem: tableItem,
      }),
      settings: anything({
        getItemOrNullObject: (key: string) => {
          const value = source.settings[key];
          const item = { value, isNullObject: value === undefined };
          return anything({ ...item, load: () => anything(item) });
        },
      }),
    }),
  }) as Excel.RequestContext;
  const run: ExcelRun = (batch) => {
    counts.batches++;
    return batch(context);
  };
  return { port: new ExcelPort(run), counts };
}

describe("inserting the sheets, in Excel round trips", () => {
  test("a first insert: one batch, planned on a view (two syncs), sheets and settings written in the third", async () => {
    const empty = new HyperFormulaPort();
    empty.hf.addSheet("Blad1");
    const excel = countingExcel(empty);
    await insertSheets(excel.port, { language: "sv" });
    expect(excel.counts).toEqual({ batches: 1, syncs: 3 });
    // The pane's refresh after it: one batch, two syncs (measured above).
  });

  test("a re-insert (keeping what was typed): the same one batch and three syncs", async () => {
    const excel = countingExcel(await insertedWorkbook());
    const result = await insertSheets(excel.port, { language: "sv" });
    expect(result.keptCells).toBeGreaterThan(0);
    expect(excel.counts).toEqual({ batches: 1, syncs: 3 });
  });
});
