import {
  ArraySize,
  CellValueDetailedType,
  CellError,
  ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  RawCellContent,
  SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";
import svSE from "hyperformula/commonjs/i18n/languages/svSE";
import { onWorkbookAgreementsHeld } from "../agreements/held";
import { message } from "../core/messages";
import { resolveSavedScenario } from "../scenarios/resolve";
import { ALL_FUNCTIONS } from "./catalog";
import { Argument, ArgumentShape, FunctionSpec, POPULATION_TABLE } from "./spec";
import { failureText, runFunction } from "./runner";
import { Grid, MessageLanguage, Percent, badValue } from "./values";

/*
 * The same SJUK functions in HyperFormula (GPL-3.0), for the CLI, the browser preview and the
 * tests: a function plugin generated from the declared signatures, running the shared runner.
 */

/**
 * Sets a cell's content, clearing it first. HyperFormula 3.1.1–3.5.0 corrupts its dependency graph
 * when a formula naming a sheet that does not exist (yet) is replaced by another formula: every
 * later read of the workbook then throws "There's no sheet with id = …". Clearing first avoids it.
 */
export function replaceCellContents(
  hf: HyperFormula,
  address: SimpleCellAddress,
  content: RawCellContent | RawCellContent[][]
): void {
  // Not a batch of its own (HyperFormula's batches do not nest): call it inside the caller's
  // hf.batch where one recalculation and one undo step matter.
  hf.setCellContents(
    address,
    Array.isArray(content) ? content.map((r) => r.map(() => null)) : null
  );
  hf.setCellContents(address, content);
}

/** What the plugin needs from the workbook it runs in; one per HyperFormula instance. */
interface Host {
  hf: HyperFormula;
  /** Cells using the short form =SJUK.SHARE(region), recalculated when the population table changes. */
  shortFormCells: Map<string, SimpleCellAddress>;
  /** The language of the cells' error messages. */
  language: MessageLanguage;
  /** A short-form cell is reading the population table now (a second read inside it is a cycle). */
  readingTable?: boolean;
  /** Spilled cells sized for a workbook-held (or not yet held) agreement; see recordHeldSizing. */
  heldSized: Map<string, SimpleCellAddress>;
}
const hosts = new WeakMap<object, Host>();

function toCell(value: unknown): Argument | CellError {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: number }).val; // dates, currency, percent
  return value as Argument;
}

function toArgument(value: unknown): Argument | CellError {
  if (value instanceof SimpleRangeValue) {
    const grid: Grid = [];
    for (const row of value.rawData()) {
      const cells: Grid[number] = [];
      for (const v of row) {
        const c = toCell(v);
        if (c instanceof CellError) return c;
        cells.push(c as Grid[number][number]);
      }
      grid.push(cells);
    }
    return grid;
  }
  return toCell(value);
}

/**
 * The short form's table depends on the short-form cell itself: the table holds the cell, or a
 * cell of the table is computed from it. HyperFormula does not see this dependency (the table is
 * read inside the function), so it is named here instead of recursing without end.
 */
function circular(name: string): never {
  return badValue("function.short-form-circular", { table: name });
}

function readNamedRange(
  hf: HyperFormula,
  name: string,
  reader?: SimpleCellAddress
): Grid | undefined {
  const formula = hf.getNamedExpressionFormula(name);
  if (!formula) return undefined;
  const range = hf.simpleCellRangeFromString(formula.replace(/^=/, ""), 0);
  if (!range) return undefined;
  const { start, end } = range;
  if (
    reader &&
    reader.sheet === start.sheet &&
    reader.row >= start.row &&
    reader.row <= end.row &&
    reader.col >= start.col &&
    reader.col <= end.col
  )
    circular(name);
  return hf
    .getRangeValues(range)
    .map((row) => row.map((v) => (v === null || typeof v !== "object" ? v : null)));
}

const methodName = (spec: FunctionSpec) => `sjuk${spec.name}`;
const sizeMethodName = (spec: FunctionSpec) => `sjuk${spec.name}Size`;

class SjukPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    ALL_FUNCTIONS.map((spec) => [
      `SJUK.${spec.name}`,
      {
        method: methodName(spec),
        // All optional here, so that the shared runner (not HyperFormula) says what is missing, as in Excel.
        parameters: spec.parameters.map(() => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: true,
        })),
        // Ranges reach the runner whole; HyperFormula must not broadcast them cell by cell.
        vectorizationForbidden: true,
        ...(spec.resultSize ? { sizeOfResultArrayMethod: sizeMethodName(spec) } : {}),
        ...(spec.returnsDate ? { returnNumberType: "NUMBER_DATE" } : {}),
      },
    ])
  ) as ImplementedFunctions;

  run(
    spec: FunctionSpec,
    ast: Parameters<FunctionPlugin["evaluateAst"]>[0] & { args: never[] },
    state: { formulaAddress: SimpleCellAddress }
  ) {
    return this.runFunction(
      ast.args,
      state as never,
      this.metadata(`SJUK.${spec.name}`),
      (...raw: unknown[]) => {
        const args: Argument[] = [];
        for (const r of raw) {
          const a = toArgument(r);
          if (a instanceof CellError) return a;
          args.push(a);
        }
        const host = hosts.get(this.dependencyGraph);
        const readPopulationTable = host
          ? () => {
              const a = state.formulaAddress;
              host.shortFormCells.set(`${a.sheet}:${a.row}:${a.col}`, { ...a });
              if (host.readingTable) circular(POPULATION_TABLE);
              host.readingTable = true;
              try {
                return readNamedRange(host.hf, POPULATION_TABLE, a);
              } finally {
                host.readingTable = false;
              }
            }
          : undefined;
        const outcome = runFunction(spec.name, args, {
          readPopulationTable,
          language: host?.language ?? "en",
          resolveScenario: resolveSavedScenario,
        });
        const language = host?.language ?? "en";
        if (!outcome.ok)
          return new CellError(
            outcome.kind === "na" ? ErrorType.NA : ErrorType.VALUE,
            failureText(outcome, language)
          );
        if (Array.isArray(outcome.value)) {
          // HyperFormula reserved the spill's cells from the formula; a result of another size
          // would be cut or padded without a word, so it is an error that says why instead.
          const [rows, columns] = this.declaredSize(spec, ast.args, state as never);
          const got = outcome.value;
          const width = got[0]?.length ?? 0;
          if (got.length !== rows || width !== columns)
            return new CellError(
              ErrorType.VALUE,
              failureText(
                {
                  ok: false,
                  kind: "value",
                  problems: [
                    message("function.spill-size", {
                      name: spec.name,
                      rows: got.length,
                      columns: width,
                      reservedRows: rows,
                      reservedColumns: columns,
                    }),
                  ],
                },
                language
              )
            );
          return SimpleRangeValue.onlyValues(
            got.map((row) => row.map((v) => this.cellValue(v))) as never
          );
        }
        return this.cellValue(outcome.value) ?? "";
      }
    );
  }

  /** A value as HyperFormula holds it: a per-cent number as its own number type (shown as %). */
  cellValue(value: unknown) {
    if (value instanceof Percent)
      return this.returnNumberWrapper(
        value.value,
        // HyperFormula exports its number types only as CellValueDetailedType's values.
        CellValueDetailedType.NUMBER_PERCENT as never
      );
    return value as never;
  }

  /** The arguments as the formula writes them: each one's size, and its value if it is a literal. */
  shapes(args: unknown[], state: never): (ArgumentShape | null)[] {
    return args.map((arg) => {
      const node = arg as { type?: string; value?: unknown };
      if (node.type === "EMPTY") return null;
      const size = (
        this as unknown as { arraySizeForAst: (a: unknown, s: never) => ArraySize }
      ).arraySizeForAst(arg, state);
      const shape: ArgumentShape = { size: [size.height, size.width] };
      if (
        (node.type === "STRING" || node.type === "NUMBER") &&
        (typeof node.value === "string" || typeof node.value === "number")
      )
        shape.literal = node.value;
      return shape;
    });
  }

  /** The spill's size as the declaration gives it from the formula: rows, columns. */
  declaredSize(spec: FunctionSpec, args: unknown[], state: never): [number, number] {
    const shapes = this.shapes(args, state);
    recordHeldSizing(this.dependencyGraph, spec, shapes, state);
    return spec.resultSize!(shapes);
  }
}

/**
 * A spill sized for an agreement named in its formula: the task pane may register (or replace)
 * the workbook's agreements after the formula was entered (a workbook reopened; an edited copy
 * under a shipped id), so such cells are entered again when the held agreements change.
 */
function recordHeldSizing(
  graph: object,
  spec: FunctionSpec,
  shapes: (ArgumentShape | null)[],
  state: never
): void {
  const at = spec.parameters.findIndex((p) => p.name === "agreement");
  const literal = at >= 0 ? shapes[at]?.literal : undefined;
  if (typeof literal !== "string" || literal.trim() === "") return;
  const host = hosts.get(graph);
  const a = (state as { formulaAddress?: SimpleCellAddress }).formulaAddress;
  if (host && a) host.heldSized.set(`${a.sheet}:${a.row}:${a.col}`, { ...a });
}

// One method (and one array-size method) per declared function, all delegating to `run`.
for (const spec of ALL_FUNCTIONS) {
  Object.defineProperty(SjukPlugin.prototype, methodName(spec), {
    value(this: SjukPlugin, ast: never, state: never) {
      return this.run(spec, ast, state);
    },
  });
  if (spec.resultSize) {
    Object.defineProperty(SjukPlugin.prototype, sizeMethodName(spec), {
      value(this: SjukPlugin, ast: { args: unknown[] }, state: never): ArraySize {
        // The size must follow from the formula alone (the values are not known yet).
        // An argument left out between others (`;;`) counts as omitted (null), like one not given.
        const [rows, columns] = this.declaredSize(spec, ast.args, state);
        return new ArraySize(columns, rows);
      },
    });
  }
}

/**
 * Excel's implicit intersection, the "@" operator, which Excel files store as _xlfn.SINGLE(…):
 * a range gives the cell on the formula's row (a column) or column (a row); an array gives its
 * first value; anything else stays itself.
 */
class ImplicitIntersectionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SINGLE: {
      method: "single",
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      vectorizationForbidden: true,
    },
  };

  single(
    ast: Parameters<FunctionPlugin["evaluateAst"]>[0] & { args: never[] },
    state: { formulaAddress: SimpleCellAddress }
  ) {
    return this.runFunction(ast.args, state as never, this.metadata("SINGLE"), (value: unknown) => {
      if (!(value instanceof SimpleRangeValue)) return value as never;
      const data = value.data;
      const range = value.range;
      if (!range || (value.width() === 1 && value.height() === 1)) return data[0]![0]!;
      const at = state.formulaAddress;
      if (value.width() === 1 && at.row >= range.start.row && at.row <= range.end.row)
        return data[at.row - range.start.row]![0]!;
      if (value.height() === 1 && at.col >= range.start.col && at.col <= range.end.col)
        return data[0]![at.col - range.start.col]!;
      return new CellError(
        ErrorType.VALUE,
        "@: the range does not cross the formula's row or column"
      );
    });
  }
}

let registered = false;
/** Registers the SJUK plugin once, with upper-case names in English and Swedish. */
export function registerSjukFunctions(): void {
  if (registered) return;
  if (!HyperFormula.getRegisteredLanguagesCodes().includes("svSE"))
    HyperFormula.registerLanguage("svSE", svSE);
  const names = Object.fromEntries(ALL_FUNCTIONS.map((f) => [`SJUK.${f.name}`, `SJUK.${f.name}`]));
  HyperFormula.registerFunctionPlugin(SjukPlugin, { enGB: names, svSE: names });
  HyperFormula.registerFunctionPlugin(ImplicitIntersectionPlugin, {
    enGB: { SINGLE: "SINGLE" },
    svSE: { SINGLE: "SINGLE" },
  });
  registered = true;
}

/** Enters again the spills sized for a held agreement, so that their size follows the agreements now held. */
function resizeHeldSpills(host: Host): void {
  const { hf } = host;
  const cells = [...host.heldSized.values()].filter(
    (a) => hf.getSheetName(a.sheet) !== undefined && /SJUK\./i.test(hf.getCellFormula(a) ?? "")
  );
  host.heldSized.clear();
  if (cells.length === 0) return;
  const enter = () => {
    for (const address of cells) replaceCellContents(hf, address, hf.getCellFormula(address)!);
  };
  // Batches do not nest: inside the caller's batch, its one recalculation covers these too.
  if (hf.isEvaluationSuspended()) enter();
  else hf.batch(enter);
}

/** Swedish Excel's separators: =SJUK.SHARE("Skåne"; A1:A21) and 2,5. */
export const SWEDISH_SEPARATORS: Partial<ConfigParams> = {
  functionArgSeparator: ";",
  decimalSeparator: ",",
  thousandSeparator: " ",
};

/**
 * HyperFormula rounds every value it hands out to precisionRounding (default 10) digits after
 * the first, so 123 456 789 012 345 came back as 123 456 789 010 000. With 15, every whole
 * number up to 2^53 comes through exactly (checked for 2 million random ones), and 0.1 + 0.2
 * shows as 0.3000000000000001 rather than 0.3; comparisons keep HyperFormula's epsilon.
 */
export const EXACT_NUMBERS: Partial<ConfigParams> = { precisionRounding: 15 };

/** What the SJUK functions need beyond HyperFormula's own configuration. */
export interface SjukHyperFormulaOptions {
  /** The language of the cells' error messages: "sv" for a Swedish preview; default English (the CLI). */
  language?: MessageLanguage;
}

/**
 * An empty HyperFormula with the SJUK functions, ready for sheets. When a cell inside the
 * SJUK_Befolkning named range changes, the cells using the short form of SHARE are recalculated
 * too (HyperFormula cannot see that hidden read, so this listener makes it explicit).
 */
export function createSjukHyperFormula(
  config: Partial<ConfigParams> = {},
  options: SjukHyperFormulaOptions = {}
): HyperFormula {
  registerSjukFunctions();
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", ...EXACT_NUMBERS, ...config });
  const host: Host = {
    hf,
    shortFormCells: new Map(),
    heldSized: new Map(),
    language: options.language ?? "en",
  };
  hosts.set(hf.dependencyGraph, host);
  const stop = onWorkbookAgreementsHeld(() => resizeHeldSpills(host));
  // A destroyed workbook stops listening (and is not kept alive by the listener).
  const destroy = hf.destroy.bind(hf);
  hf.destroy = () => {
    stop();
    destroy();
  };
  // The refresh below changes values itself; those changes must not start another refresh
  // (a short-form cell inside, or feeding, the table would otherwise refresh without end).
  let refreshing = false;
  hf.on("valuesUpdated", (changes) => {
    if (refreshing || host.shortFormCells.size === 0) return;
    const formula = hf.getNamedExpressionFormula(POPULATION_TABLE);
    const range = formula ? hf.simpleCellRangeFromString(formula.replace(/^=/, ""), 0) : undefined;
    const touched = changes.some((c) => {
      if ("name" in c) return c.name === POPULATION_TABLE;
      const a = c.address;
      return (
        range !== undefined &&
        a.sheet === range.start.sheet &&
        a.row >= range.start.row &&
        a.row <= range.end.row &&
        a.col >= range.start.col &&
        a.col <= range.end.col
      );
    });
    if (!touched) return;
    // A recorded cell the user has since overwritten (or whose sheet is gone) is not touched.
    const cells = [...host.shortFormCells.values()].filter(
      (a) => hf.getSheetName(a.sheet) !== undefined && /SJUK\./i.test(hf.getCellFormula(a) ?? "")
    );
    host.shortFormCells.clear();
    refreshing = true;
    try {
      hf.batch(() => {
        for (const address of cells) replaceCellContents(hf, address, hf.getCellFormula(address)!);
      });
    } finally {
      refreshing = false;
    }
  });
  return hf;
}
