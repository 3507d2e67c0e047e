/*
 * All or nothing in the workbook (issue 13, point 6): random sequences of the task pane's
 * operations (insert, re-insert, reset, option change, the grant ledger and calendar) and of a
 * user's own work (own sheets, cells and formulas that point at the add-in's sheets, a table
 * name, typing in the add-in's input cells) on the HyperFormula workbook the preview shows.
 * After every operation each of the user's own cells holds exactly what the user put there; an
 * operation that fails leaves the whole workbook exactly as it was.
 */
import fc from "fast-check";
import { RawCellContent } from "hyperformula";
import { insertGrantSheets, refreshCalendarSheet } from "../../src/workbook/assignment-insert";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { replaceCellContents } from "../../src/functions/hyperformula";
import { insertSheets, setOptions } from "../../src/workbook/agreement-insert";
import {
  DEFAULT_SHEET_NAMES,
  POPULATION,
  WorkbookOptions,
} from "../../src/workbook/agreement-sheets";
import { REGIONS } from "../../src/engine/regions";

jest.setTimeout(240_000);

type Language = "sv" | "en";

type Op =
  | { kind: "insert"; language: Language; reset: boolean }
  | { kind: "options"; language: Language; options: WorkbookOptions }
  | { kind: "grant"; language: Language; reset: boolean }
  | { kind: "calendar"; language: Language }
  | { kind: "userSheet"; name: string; cells: RawCellContent[][] }
  | { kind: "userTable"; sheet: string }
  | { kind: "typePopulation"; region: number; value: RawCellContent }
  | { kind: "refusedWrite"; write: number; then: Op };

const language = fc.constantFrom<Language>("sv", "en");
/** Names a user may give a sheet: their own, or one the add-in wants. */
const sheetName = fc.constantFrom(
  "Mina siffror",
  "Budget 2021",
  DEFAULT_SHEET_NAMES.sv.results,
  DEFAULT_SHEET_NAMES.en.population,
  DEFAULT_SHEET_NAMES.sv.population,
  "Bidrag",
  "Kalender"
);
/** A user's cell: figures, text, and formulas over their own and the add-in's sheets. */
const userCell = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom("anteckning", "'01", "ja", ""),
  fc.constantFrom(
    "=SUM(A1:A3)",
    `=SJUK.TOTAL("regions")`,
    `=SJUK.SHARE("Skåne")`,
    `='${DEFAULT_SHEET_NAMES.sv.results}'!C7*2`,
    `='${DEFAULT_SHEET_NAMES.en.population}'!C8+1`
  )
);
const paneOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), language, reset: fc.boolean() }),
  fc.record({
    kind: fc.constant("options" as const),
    language,
    options: fc.record({
      nonFulfilment: fc.constantFrom("agreement", "lapse", "share") as fc.Arbitrary<
        WorkbookOptions["nonFulfilment"]
      >,
      redistribution: fc.constantFrom("population", "unpaid-contacts") as fc.Arbitrary<
        WorkbookOptions["redistribution"]
      >,
    }),
  }),
  fc.record({ kind: fc.constant("grant" as const), language, reset: fc.boolean() }),
  fc.record({ kind: fc.constant("calendar" as const), language })
);
const op: fc.Arbitrary<Op> = fc.oneof(
  paneOp,
  paneOp,
  // The host refuses the operation's first, second or third write: nothing may have changed.
  fc.record({
    kind: fc.constant("refusedWrite" as const),
    write: fc.integer({ min: 1, max: 3 }),
    then: paneOp,
  }),
  fc.record({
    kind: fc.constant("userSheet" as const),
    name: sheetName,
    cells: fc.array(fc.array(userCell, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant("userTable" as const), sheet: sheetName }),
  fc.record({
    kind: fc.constant("typePopulation" as const),
    region: fc.integer({ min: 0, max: 20 }),
    value: fc.oneof(fc.integer({ min: 0, max: 3e6 }), fc.constantFrom("tolv", "", "383,713")),
  })
);

/** Everything the workbook holds: every sheet's cells (formulas as written), names, tables, settings, formats. */
function snapshot(port: HyperFormulaPort): string {
  const p = port as unknown as {
    formats: Map<string, string>;
    validations: Map<string, string[]>;
    styles: Map<string, string>;
  };
  return JSON.stringify({
    sheets: port.hf.getAllSheetsSerialized(),
    names: port.hf.getAllNamedExpressionsSerialized(),
    tables: port.listTables(),
    settings: port.settings,
    formats: [...p.formats],
    validations: [...p.validations],
    styles: [...p.styles],
  });
}

/** The user's own sheets and what they typed there (the add-in's sheets are those it records). */
class UserModel {
  readonly sheets = new Map<string, RawCellContent[][]>();

  async check(port: HyperFormulaPort): Promise<void> {
    for (const [name, cells] of this.sheets) {
      const id = port.hf.getSheetId(name);
      expect([name, id !== undefined]).toEqual([name, true]);
      const serialized = port.hf.getSheetSerialized(id!);
      cells.forEach((row, r) =>
        row.forEach((value, c) => {
          expect([name, r, c, serialized[r]?.[c] ?? null]).toEqual([name, r, c, value ?? null]);
        })
      );
    }
  }
}

/** The port with its n-th write refused, as a host refuses a batch (Excel's sync fails): that write does nothing. */
function refusingWrite(port: HyperFormulaPort, n: number): HyperFormulaPort {
  let refused = false;
  let writes = 0;
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      const write = ["writeSheets", "writeCells", "writeSetting", "writeTableBody"].includes(
        String(prop)
      );
      return (...args: unknown[]) => {
        if (write && !refused && ++writes === n) {
          refused = true;
          return Promise.reject(new Error("the host refused the write"));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function apply(port: HyperFormulaPort, user: UserModel, o: Op): Promise<void> {
  const owned = new Set((await port.listOwnedSheets()).map((s) => s.name));
  switch (o.kind) {
    case "refusedWrite":
      return apply(refusingWrite(port, o.write), user, o.then);
    case "insert":
      await insertSheets(port, { language: o.language, reset: o.reset });
      return;
    case "options":
      await setOptions(port, o.language, o.options);
      return;
    case "grant":
      await insertGrantSheets(port, { language: o.language, reset: o.reset, asOf: "2026-11-30" });
      return;
    case "calendar":
      await refreshCalendarSheet(port, o.language);
      return;
    case "userSheet": {
      // The user types on a sheet of their own (a new one, or one they made before).
      if (owned.has(o.name)) return;
      if (port.hf.getSheetId(o.name) === undefined) port.hf.addSheet(o.name);
      const id = port.hf.getSheetId(o.name)!;
      port.hf.setSheetContent(id, o.cells);
      // What the user's cells hold as the workbook keeps them (formulas in the engine's own spelling).
      user.sheets.set(o.name, port.hf.getSheetSerialized(id));
      return;
    }
    case "userTable": {
      // A user's own table named like the add-in's (as a user may copy one into their own sheet).
      if (owned.has(o.sheet) || port.hf.getSheetId(o.sheet) === undefined) return;
      port.registerTable({
        name: "SJUK_Befolkning",
        sheet: o.sheet,
        topLeft: "A1",
        columns: 1,
        rows: 1,
      });
      return;
    }
    case "typePopulation": {
      const population = (await port.listOwnedSheets()).find((s) => s.role === "population");
      if (!population || port.hf.getSheetId(population.name) === undefined) return;
      await port.writeCells(population.name, [
        { address: POPULATION.cell(REGIONS[o.region]!.code), value: o.value as string | number },
      ]);
      return;
    }
  }
}

const paneOps = new Set(["insert", "options", "grant", "calendar", "refusedWrite"]);

test("random task-pane operations keep every user cell, and a failing one changes nothing", async () => {
  let failures = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
      const port = new HyperFormulaPort();
      const user = new UserModel();
      for (const o of ops) {
        const before = snapshot(port);
        try {
          await apply(port, user, o);
        } catch (e) {
          // Only the pane's operations may fail, and a failure leaves everything as it was.
          expect([o.kind, paneOps.has(o.kind), (e as Error).message.length > 0]).toEqual([
            o.kind,
            true,
            true,
          ]);
          expect(snapshot(port)).toBe(before);
          failures++;
        }
        await user.check(port);
      }
    }),
    // A fixed seed keeps CI deterministic; SJUK_SEED explores others (seed -559687389 found the
    // HyperFormula bug that replaceCellContents works around; the tests below pin it).
    { numRuns: 60, seed: Number(process.env.SJUK_SEED ?? 20261130) }
  );
  // The sequences do reach failing operations (options before an insert, a taken table name).
  expect(failures).toBeGreaterThan(0);
});

test("a user's formula naming a sheet that does not exist yet survives an insert (seed -559687389)", async () => {
  // HyperFormula 3.1.1–3.5.0 broke its dependency graph when the short form's refresh set such a
  // formula again: the insert threw half-way and the workbook could no longer be read.
  const port = new HyperFormulaPort();
  const user = new UserModel();
  await apply(port, user, {
    kind: "userSheet",
    name: "Budget 2021",
    cells: [["anteckning"], ['=SJUK.SHARE("Skåne")', 0]],
  });
  await apply(port, user, {
    kind: "userSheet",
    name: "Budget 2021",
    cells: [["=SUM(A1:A3)"], ["='Population'!C8+1", "=SUM(A1:A3)"]],
  });
  await apply(port, user, { kind: "insert", language: "sv", reset: false });
  await user.check(port);
  expect(port.hf.getSheetNames()).toContain("Befolkning");
  // The sheet the formula names, made later, is read by it.
  port.hf.addSheet("Population");
  port.hf.setCellContents({ sheet: port.hf.getSheetId("Population")!, row: 7, col: 2 }, 5);
  const budget = port.hf.getSheetId("Budget 2021")!;
  expect(port.hf.getCellValue({ sheet: budget, row: 1, col: 0 })).toBe(6);
});

test("replacing a formula that names a missing sheet keeps the workbook readable", () => {
  const port = new HyperFormulaPort();
  port.hf.addSheet("Mina siffror");
  const sheet = port.hf.getSheetId("Mina siffror")!;
  replaceCellContents(port.hf, { sheet, row: 0, col: 0 }, "='Saknas'!A1+1");
  replaceCellContents(port.hf, { sheet, row: 0, col: 0 }, "='Saknas'!A1+2");
  expect(port.hf.getSheetSerialized(sheet)).toEqual([["=Saknas!A1+2"]]);
});
