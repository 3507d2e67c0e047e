import { AGREEMENT_2020, agreementById, agreementIds } from "../agreements";
import { AllocationAgreement, parseAllocationAgreement } from "../agreements/schema";
import { Problem, SjukError, problem } from "../core/errors";
import { holdWorkbookAgreements } from "../functions/agreement";
import { AGREEMENT_SETTING } from "./agreement-insert";
import type { WorkbookPort } from "./port";

/*
 * The agreements a workbook holds (an edited copy, a draft, another year's): stored as JSON in
 * the workbook's settings, checked with the agreement schema (zod) here, in the pane's layer,
 * and handed to the SJUK functions already checked (holdWorkbookAgreements), so that zod stays
 * out of functions.js. A problem names the file and the field path (`posts[3].amount`).
 */

export const WORKBOOK_AGREEMENTS_SETTING = "sjuk.agreements";

export interface HeldAgreements {
  agreements: AllocationAgreement[];
  /** Stored agreements that no longer pass the schema (edited by hand), with their field paths. */
  problems: Problem[];
}

function problemsOf(e: unknown): Problem[] {
  if (e instanceof SjukError) return e.problems;
  throw e;
}

/** Checks every stored agreement, gives the good ones to the functions, reports the others. */
export async function readWorkbookAgreements(port: WorkbookPort): Promise<HeldAgreements> {
  const stored = (await port.readSetting<unknown[]>(WORKBOOK_AGREEMENTS_SETTING)) ?? [];
  const out: HeldAgreements = { agreements: [], problems: [] };
  (Array.isArray(stored) ? stored : []).forEach((data, i) => {
    try {
      out.agreements.push(parseAllocationAgreement(data, `${WORKBOOK_AGREEMENTS_SETTING}[${i}]`));
    } catch (e) {
      out.problems.push(...problemsOf(e));
    }
  });
  holdWorkbookAgreements(out.agreements);
  return out;
}

/**
 * Reads an agreement file's text, checks it and stores it in the workbook (replacing one with the
 * same id). Refused with every problem naming the file and field; nothing is stored then.
 */
export async function importAgreement(
  port: WorkbookPort,
  text: string,
  file: string
): Promise<AllocationAgreement> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new SjukError([problem("file.not-json", { detail }, { file })]);
  }
  const agreement = parseAllocationAgreement(data, file);
  const stored = (await port.readSetting<unknown[]>(WORKBOOK_AGREEMENTS_SETTING)) ?? [];
  const others = (Array.isArray(stored) ? stored : []).filter(
    (a) => (a as { id?: unknown } | null)?.id !== agreement.id
  );
  await port.writeSetting(WORKBOOK_AGREEMENTS_SETTING, [...others, data]);
  await readWorkbookAgreements(port);
  return agreement;
}

/** Every agreement on offer: the workbook's, then the shipped ones it does not replace. */
export function agreementsOnOffer(held: readonly AllocationAgreement[]): AllocationAgreement[] {
  return agreementIds(held).map((id) => agreementById(id, held)!);
}

/** The agreement whose sheets the workbook holds (the setting insert writes); else the 2020 one. */
export async function chosenAgreement(
  port: WorkbookPort,
  held: readonly AllocationAgreement[]
): Promise<AllocationAgreement> {
  const id = await port.readSetting<string>(AGREEMENT_SETTING);
  return (typeof id === "string" && agreementById(id, held)) || AGREEMENT_2020;
}
