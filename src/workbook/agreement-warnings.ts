import type { AllocationAgreement } from "../agreements/schema";
import { AGREEMENT_2020 } from "../agreements";
import { SjukError } from "../core/errors";
import { fromExcelSerial, isIsoDate } from "../engine/calendar";
import { Warning, compute } from "../engine/compute";
import type { ComputeInputs, ComputeOptions } from "../engine/inputs";
import {
  parseContactsTable,
  parseFulfilmentTable,
  parsePopulationTable,
} from "../inputs/region-table";
import { gridOf, ownedSheetNames } from "./agreement-insert";
import { POPULATION, RESULTS, TABLE_NAMES, layoutOf, optionsFromCells } from "./agreement-sheets";
import type { WorkbookPort } from "./port";

/*
 * The engine's warnings about the inputs in the owned sheets (the key's date, contacts assumed,
 * money not paid out, contacts beyond treatments, Table 1), so that the task pane can show them
 * beside the totals. The amounts stay the cells'; compute() is run only for what it says.
 */

/**
 * compute()'s warnings for the inputs the owned sheets hold, read through `port` (a view: no
 * further round trip). Inputs with problems give none: validateInputs lists those problems.
 */
export async function inputWarnings(
  port: WorkbookPort,
  agreement: AllocationAgreement = AGREEMENT_2020
): Promise<Warning[]> {
  const owned = await ownedSheetNames(port);
  if (!owned.population || !owned.results) return [];
  const population = await port.readTable(TABLE_NAMES.population);
  if (!population) return [];
  const [[date] = [], [source] = []] = await port.readRange(
    owned.population,
    `${POPULATION.dateCell}:${POPULATION.sourceCell}`
  );
  // Text as the sheet writes it, or a date serial where Excel turned a typed date into one.
  const dateText = typeof date === "number" ? fromExcelSerial(date) : String(date ?? "").trim();
  const [[rule] = [], [redistribution] = []] = await port.readRange(
    owned.results,
    `${RESULTS.ruleCell}:${RESULTS.redistributionCell}`
  );
  const options = optionsFromCells(rule, redistribution);
  if (!options || (dateText !== "" && !isIsoDate(dateText))) return [];
  const conditions = owned.conditions ? await port.readTable(TABLE_NAMES.conditions) : undefined;
  const contacts = owned.contacts ? await port.readTable(TABLE_NAMES.contacts) : undefined;
  try {
    const inputs: ComputeInputs = {
      key: parsePopulationTable(gridOf(population), {
        source: String(source ?? "").trim() || population.sheet,
        date: dateText === "" ? null : dateText,
      }),
    };
    if (conditions) inputs.fulfilment = parseFulfilmentTable(gridOf(conditions), agreement);
    // All contact counts blank: no counts (the sheets' formulas then assume every cap is taken);
    // some blank: those regions have not reported yet. Only the counts: the result columns
    // beside them are formulas.
    const column = layoutOf(agreement).CONTACTS.contactsColumnIndex;
    if (contacts?.rows.some((r) => r[column] !== null && r[column] !== "" && column >= 0))
      inputs.contacts = parseContactsTable(gridOf(contacts));
    const computeOptions: ComputeOptions = { redistribution: options.redistribution };
    if (options.nonFulfilment !== "agreement") computeOptions.nonFulfilment = options.nonFulfilment;
    return compute(agreement, inputs, computeOptions).warnings;
  } catch (e) {
    if (e instanceof SjukError) return [];
    throw e;
  }
}
