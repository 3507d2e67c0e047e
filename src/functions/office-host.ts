/* global CustomFunctions, Office */
import { shortForm } from "./short-form-excel";
import { failureText, runFunction } from "./runner";
import { FunctionValue, Grid, MessageLanguage } from "./values";
import type { Argument } from "./catalog";

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

/** Runs a SJUK function for Excel: failures become #VALUE! or #N/A with the runner's message, in the user's language. */
export function runForExcel(
  name: string,
  args: Argument[],
  readPopulationTable?: () => Grid | undefined
): FunctionValue {
  const outcome = runFunction(name, args, { readPopulationTable });
  if (outcome.ok) return outcome.value;
  const code =
    outcome.kind === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, failureText(outcome, officeMessageLanguage()));
}

/** The short form's hidden read of SJUK_Befolkning; short-form-excel.ts keeps its cells recalculated. */
export function readPopulationTableForShortForm(
  address: string | undefined
): Promise<Grid | undefined> {
  return shortForm.read(address);
}
