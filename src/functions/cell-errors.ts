import { render } from "../core/messages";
import type { Outcome } from "./runner";
import type { MessageLanguage } from "./values";

/*
 * The last error of each SJUK cell in Excel, remembered by the function layer. Excel's API gives
 * the task pane an error cell's kind (#VALUE!) but not the message the function threw with it,
 * so each function records its cell's outcome (its address comes with @requiresAddress) and the
 * Excel port reads it back, rendered in the pane's language. The add-in has one shared runtime:
 * functions.js and the task pane run in one page, but each bundle has its own copy of every
 * module, so the record lives on the global object (as held.ts does for the agreements).
 */

interface CellError {
  kind: "value" | "na";
  problems: Extract<Outcome, { ok: false }>["problems"];
}

const STORE = Symbol.for("sjuk.cellErrors");
type Holder = { [STORE]?: Map<string, CellError> };

/** At most this many cells are remembered; the oldest are forgotten first. */
export const REMEMBERED_CELLS = 20_000;

function store(): Map<string, CellError> {
  return ((globalThis as Holder)[STORE] ??= new Map());
}

/**
 * A cell's key from an address as Excel gives it ("Resultat!C7", "'Mitt blad'!$C$7",
 * "[Bok1]Resultat!C7"): the sheet in lower case (Excel's names ignore case) and the cell.
 */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.replace(/\$/g, "").toUpperCase()}`;
}

function keyOfAddress(address: string): string | undefined {
  const m = /^(?:\[[^\]]*\])?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]+)\$?(\d+)(?::.*)?$/.exec(
    address.trim()
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  return cellKey(sheet, `${m[3]}${m[4]}`);
}

/** Records a cell's outcome: a failure replaces its last error, a value forgets it. */
export function rememberOutcome(address: string | undefined, outcome: Outcome): void {
  const key = address === undefined ? undefined : keyOfAddress(address);
  if (key === undefined) return;
  const cells = store();
  cells.delete(key); // re-inserted below: the newest last
  if (outcome.ok) return;
  cells.set(key, { kind: outcome.kind, problems: outcome.problems });
  if (cells.size > REMEMBERED_CELLS) cells.delete(cells.keys().next().value!);
}

const SHOWN: Record<CellError["kind"], string> = { value: "#VALUE!", na: "#N/A" };

/**
 * The message of the error a SJUK function last gave in the cell, in `language`; undefined when
 * none is remembered or the cell now shows another error than the one remembered (a formula
 * replaced by one that is not SJUK's, e.g. #DIV/0!).
 */
export function cellErrorMessage(
  sheet: string,
  cell: string,
  shown: string | undefined,
  language: MessageLanguage
): string | undefined {
  const error = store().get(cellKey(sheet, cell));
  if (!error || (shown !== undefined && shown.trim().toUpperCase() !== SHOWN[error.kind]))
    return undefined;
  return error.problems.map((p) => render(p, language)).join("; ");
}

/** Forgets every remembered cell (tests). */
export function forgetCellErrors(): void {
  store().clear();
}
