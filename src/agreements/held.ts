import type { AllocationAgreement } from "./schema";

/*
 * The agreements the open workbook holds (edited copies or drafts imported into it), already
 * checked against the schema by whoever read them (the task pane or the preview). Held on the
 * global object, not in a module: in Excel's shared runtime the task pane's bundle and
 * functions.js each have their own copy of every module, but one global object.
 */
const HELD = Symbol.for("sjuk.workbookAgreements");
const LISTENERS = Symbol.for("sjuk.workbookAgreements.listeners");
type Holder = { [HELD]?: readonly AllocationAgreement[]; [LISTENERS]?: Set<() => void> };

/** Records the workbook's agreements; they win over a shipped agreement of the same id. */
export function holdWorkbookAgreements(agreements: readonly AllocationAgreement[]): void {
  (globalThis as Holder)[HELD] = [...agreements];
  for (const listener of (globalThis as Holder)[LISTENERS] ?? []) listener();
}

/**
 * Calls `listener` whenever the held agreements are recorded again (a spreadsheet whose spills
 * are sized by an agreement re-sizes them). Returns the function that stops it.
 */
export function onWorkbookAgreementsHeld(listener: () => void): () => void {
  const listeners = ((globalThis as Holder)[LISTENERS] ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function workbookAgreements(): readonly AllocationAgreement[] {
  return (globalThis as Holder)[HELD] ?? [];
}
