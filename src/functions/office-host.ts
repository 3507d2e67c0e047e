/* global CustomFunctions, Office */
import { shortForm } from "./short-form-excel";
import { rememberOutcome } from "./cell-errors";
import { failureText, runFunction } from "./runner";
import { FunctionValue, Grid, MessageLanguage, Percent } from "./values";
import type { Argument, HostContext } from "./spec";

/**
 * The language of the cells' error messages: Swedish when Office's display language is Swedish
 * (sv-SE, sv-FI), else English; English too when Office or its context is not available.
 */
export function officeMessageLanguage(): MessageLanguage {
  try {
    const lang: unknown =
      typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
    return typeof lang === "string" && lang.toLowerCase().startsWith("sv") ? "sv" : "en";
  } catch {
    return "en"; // Office.context not ready: English, as the CLI
  }
}

/**
 * A cell value as the runner reads it. functions.json sets allowCustomDataForDataTypeAny (the
 * metadata generator always does), so Excel may hand a linked data type (a stock, a geography,
 * an entity) to an `any` parameter as an object: its basic value or text is used, never
 * "[object Object]".
 */
export function displayValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(displayValue);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const v = value as { basicValue?: unknown; text?: unknown; displayString?: unknown };
  if (v.basicValue !== undefined && typeof v.basicValue !== "object") return v.basicValue;
  if (typeof v.text === "string") return v.text;
  if (typeof v.displayString === "string") return v.displayString;
  return "#VALUE!";
}

/**

 * A result as Excel takes it: a per-cent number as a formatted number (a data type, which
 * allowCustomDataForDataTypeAny lets an `any` result hold), so the cell is a number shown as %.
 */
export function excelValue(value: FunctionValue): unknown {
  if (Array.isArray(value)) return value.map((row) => row.map(excelValue));
  if (value instanceof Percent)
    return { type: "FormattedNumber", basicValue: value.value, numberFormat: "0.000000%" };
  return value;
}

/**
 * Runs a SJUK function for Excel: failures become #VALUE! or #N/A with the runner's message, in
 * the user's language. With the cell's address (@requiresAddress), the outcome is remembered so
 * that the task pane can show the cell's own message (cell-errors.ts).
 */
export function runForExcel(
  name: string,
  args: Argument[],
  host: Omit<HostContext, "language"> = {},
  address?: string
): FunctionValue {
  const language = officeMessageLanguage();
  const outcome = runFunction(name, args.map(displayValue) as Argument[], { ...host, language });
  rememberOutcome(address, outcome);
  if (outcome.ok) return excelValue(outcome.value) as FunctionValue;
  const code =
    outcome.kind === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, failureText(outcome, language));
}

/** The short form's hidden read of SJUK_Befolkning; short-form-excel.ts keeps its cells recalculated. */
export function readPopulationTableForShortForm(
  address: string | undefined
): Promise<Grid | undefined> {
  return shortForm.read(address);
}
