import { HyperFormula, DetailedCellError } from "hyperformula";
import { createSjukHyperFormula, SWEDISH_SEPARATORS } from "../../src/functions/hyperformula";
import { Cell } from "../../src/inputs/cells";
import { columnLetter } from "../../src/workbook/port";

/** A range argument: cells that the HyperFormula path puts on a sheet and the Office path passes as a 2-D array. */
export interface RangeArg {
  range: Cell[][];
}
export type CaseArg = Cell | RangeArg;
export type Outcome = { value: unknown } | { error: "value" | "na"; message: string };

const isRange = (a: CaseArg): a is RangeArg => typeof a === "object" && a !== null && "range" in a;


function literal(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE()" : "FALSE()";
  return String(value).replace(".", ","); // Swedish decimal comma
}

/** Evaluates SJUK.<fn>(args) in a real HyperFormula with Swedish separators; messages in `language` (default: the default, English). */
export function evaluateInHyperFormula(fn: string, args: CaseArg[], language?: "sv" | "en"): Outcome {
  const hf: HyperFormula = createSjukHyperFormula(SWEDISH_SEPARATORS, language ? { language } : {});
  hf.addSheet("Data");
  hf.addSheet("Calc");
  const data = hf.getSheetId("Data")!;
  const calc = hf.getSheetId("Calc")!;
  let column = 0;
  const parts = args.map((arg) => {
    if (!isRange(arg)) return literal(arg);
    const rows = arg.range.length;
    const width = Math.max(...arg.range.map((r) => r.length));
    arg.range.forEach((row, r) => row.forEach((v, c) => hf.setCellContents({ sheet: data, row: r, col: column + c }, v ?? null)));
    const ref = `Data!${columnLetter(column)}1:${columnLetter(column + width - 1)}${rows}`;
    column += width + 1;
    return ref;
  });
  hf.setCellContents({ sheet: calc, row: 0, col: 0 }, `=SJUK.${fn}(${parts.join(";")})`);
  const value = hf.getCellValue({ sheet: calc, row: 0, col: 0 });
  if (value instanceof DetailedCellError) return { error: value.type === "NA" ? "na" : "value", message: value.message };
  const size = hf.getSheetDimensions(calc);
  if (size.height > 1 || size.width > 1) return { value: hf.getSheetValues(calc) };
  hf.destroy();
  return { value };
}

/** The custom-functions runtime, mocked: only what Office gives a function (the Error type and its codes). */
class MockCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
export function installCustomFunctionsMock(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: MockCustomFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

/**
 * The Excel entry points (src/functions/functions.ts), loaded after the custom-functions mock is
 * in place: the module reaches for the CustomFunctions global as it loads.
 */
export function officeFunctions(): Record<string, (...a: unknown[]) => unknown> {
  installCustomFunctionsMock();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;
}

/**
 * Office.context.displayLanguage, mocked for the calls inside `body`: a language tag ("sv-SE"),
 * or `{ context: undefined }` for an Office not ready; without a mock there is no Office global.
 */
export async function withOfficeDisplayLanguage<T>(language: string | { context: undefined }, body: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  g.Office = typeof language === "string" ? { context: { displayLanguage: language } } : language;
  try {
    return await body();
  } finally {
    delete g.Office;
  }
}

/**
 * A result as a cell holds its value: Excel's formatted number (a per-cent share) as its number,
 * so both hosts compare alike; tests of the format itself look at the function's own return.
 */
export function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "FormattedNumber")
    return (value as { basicValue: unknown }).basicValue;
  return value;
}

/** Calls the Office custom function as Excel would: ranges as 2-D arrays, omitted optional arguments as null. */
export async function evaluateInOffice(fn: (...a: unknown[]) => unknown, arity: number, args: CaseArg[]): Promise<Outcome> {
  const passed: unknown[] = Array.from({ length: arity }, (_, i) => {
    const a = args[i];
    if (a === undefined || a === null || a === "") return null;
    return isRange(a) ? a.range.map((row) => row.map((v) => (v === undefined ? null : v))) : a;
  });
  try {
    return { value: plainValue(await fn(...passed, { address: "Calc!A1" })) };
  } catch (e) {
    if (e instanceof MockCustomFunctionError) return { error: e.code === "#N/A" ? "na" : "value", message: e.message ?? "" };
    throw e;
  }
}
