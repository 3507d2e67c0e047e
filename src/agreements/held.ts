import type { AllocationAgreement } from "./schema";

/*
 * The agreements the open workbook holds (edited copies or drafts imported into it), already
 * checked against the schema by whoever read them (the task pane or the preview). Held on the
 * global object, not in a module: in Excel's shared runtime the task pane's bundle and
 * functions.js each have their own copy of every module, but one global object.
 */
const HELD = Symbol.for("sjuk.workbookAgreements");
type Holder = { [HELD]?: readonly AllocationAgreement[] };

/** Records the workbook's agreements; they win over a shipped agreement of the same id. */
export function holdWorkbookAgreements(agreements: readonly AllocationAgreement[]): void {
  (globalThis as Holder)[HELD] = [...agreements];
}

export function workbookAgreements(): readonly AllocationAgreement[] {
  return (globalThis as Holder)[HELD] ?? [];
}
