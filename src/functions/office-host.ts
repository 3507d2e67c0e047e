/* global Excel, CustomFunctions, Office */
import { POPULATION_TABLE } from "./spec";
import { failureText, runFunction } from "./runner";
import { FunctionValue, Grid, MessageLanguage } from "./values";
import type { Argument } from "./spec";

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

/** Cells that use the short form =SJUK.SHARE(region) and so read SJUK_Befolkning without an argument. */
const shortFormCells = new Set<string>();
let listening = false;

/**
 * The short form's only hidden read. Excel cannot see it, so when the table changes we ask Excel
 * to recalculate exactly the cells that use the short form (Range.calculate), nothing else.
 * Chosen over a volatile function, which would recalculate every SHARE cell on every edit.
 */
export async function readPopulationTableForShortForm(
  address: string | undefined
): Promise<Grid | undefined> {
  if (address) shortFormCells.add(address);
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(POPULATION_TABLE);
    await context.sync();
    if (table.isNullObject) return undefined; // the runner says what is missing, in the cell
    const body = table.getDataBodyRange().load("values");
    if (!listening) {
      table.onChanged.add(recalculateShortForms);
      listening = true;
    }
    await context.sync();
    return body.values as Grid;
  });
}

async function recalculateShortForms(): Promise<void> {
  if (shortFormCells.size === 0) return;
  await Excel.run(async (context) => {
    for (const address of shortFormCells) {
      const bang = address.lastIndexOf("!");
      const sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      context.workbook.worksheets
        .getItem(sheet)
        .getRange(address.slice(bang + 1))
        .calculate();
    }
    await context.sync();
  });
}
