import { findPost } from "../agreements";
import { message } from "../core/messages";
import type { ComputeInputs, ComputeOptions, PopulationKey } from "../engine/inputs";
import { Cell, isBlank, parseNumber } from "../inputs/cells";
import type { AgreementView } from "./agreement";
import { Decisions, contactsArg, fulfilmentArg, gridArg, keyArg, optionsArg } from "./arguments";
import type { Argument } from "./spec";
import { Grid, badArgument } from "./values";

/*
 * A scenario's arguments (key, fulfilment, units, options) read for an agreement. A key range
 * gives the member in its first column and the agreement's key columns last, in the order
 * `AgreementView.keyColumns` lists them (the 2020 agreement has one: the population); a units
 * range likewise ends with the unit columns of the per-unit posts (2020: the contacts). A units
 * column left wholly blank is not given: the engine then assumes units enough (with a warning);
 * in any unit column, a blank count among given ones is a member not reported yet.
 */

export function isEmptyArg(value: Argument): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Column `index` of each row beside the member column: a two-column range the region reader takes. */
function columnBesideMembers(grid: Grid, index: number): Grid {
  return grid.map((row) => [row[0] ?? null, row[index] ?? null]);
}

function widthOf(grid: Grid): number {
  return grid.reduce((w, row) => Math.max(w, row.length), 0);
}

function tooFew(name: string, columns: readonly string[], width: number): never {
  return badArgument(name, message("function.too-few-columns", { columns: [...columns], width }));
}

/** The key columns of a key range: the default key and, by name, the others. */
export function keysArg(
  value: Argument,
  view: AgreementView,
  name = "key"
): { key: PopulationKey; keys?: Record<string, PopulationKey> } {
  const columns = view.keyColumns;
  if (columns.length === 1) return { key: keyArg(value as Cell | Grid, name, view.recipients) };
  const grid = gridArg(value as Cell | Grid);
  const width = widthOf(grid);
  if (width < columns.length + 1) tooFew(name, columns, width);
  const read = columns.map((_, k) =>
    keyArg(columnBesideMembers(grid, width - columns.length + k), name, view.recipients)
  );
  const keys = Object.fromEntries(columns.slice(1).map((c, k) => [c, read[k + 1]!]));
  return { key: read[0]!, keys };
}

/** Whether a column holds nothing but (at most) a text heading in its first row. */
function blankColumn(grid: Grid, index: number): boolean {
  return grid.every((row, r) => {
    const cell = row[index];
    if (isBlank(cell)) return true;
    return r === 0 && typeof cell === "string" && !parseNumber(cell).ok;
  });
}

/** The unit columns of a units range (contacts for villkor 3): each one given or wholly blank. */
export function unitsArg(
  value: Argument,
  view: AgreementView,
  name = "contacts"
): Pick<ComputeInputs, "contacts" | "units" | "unitsNotReported"> {
  const columns = view.unitColumns;
  const grid = gridArg(value as Cell | Grid);
  const width = widthOf(grid);
  const out: Pick<ComputeInputs, "contacts" | "units" | "unitsNotReported"> = {};
  // A wholly blank column is not given. In any unit column a blank count among others is a
  // member not reported yet (counts come in one member at a time): one rule for every column.
  const put = (column: string, counts: Grid, index: number) => {
    if (blankColumn(counts, index)) return;
    const read = contactsArg(counts, name, view.recipients);
    if (column === "contacts") out.contacts = read;
    else {
      (out.units ??= {})[column] = read.contacts;
      if (read.notReported) (out.unitsNotReported ??= {})[column] = read.notReported;
    }
  };
  // One column of counts in the members' order (no member column): the one unit column.
  if (width === 1 && columns.length === 1) {
    put(columns[0]!, grid, 0);
    return out;
  }
  if (width < columns.length + 1) tooFew(name, columns, width);
  columns.forEach((column, k) =>
    put(column, columnBesideMembers(grid, width - columns.length + k), 1)
  );
  return out;
}

export interface Scenario {
  inputs: ComputeInputs;
  options: ComputeOptions;
}

/** Options text with its decisions (`v3-contacts=40000000`, `v4-skr=nej`) for an agreement. */
export function optionsOf(value: Argument, view: AgreementView, name = "options") {
  const decisions: Decisions = { decided: {}, notFulfilled: [] };
  const byName = (text: string) => findPost(view.agreement, text)?.id;
  const options = optionsArg(value as Cell, view.postIds, name, decisions, byName);
  return { options, decisions };
}

/** The engine's inputs and options from a scenario's arguments. */
export function scenarioOf(
  view: AgreementView,
  key: { key: Argument; name: string },
  fulfilment: Argument,
  units: Argument,
  options: Argument,
  parseOptions: (raw: Argument, view: AgreementView) => ReturnType<typeof optionsOf> = optionsOf
): Scenario {
  const inputs: ComputeInputs = keysArg(key.key, view, key.name);
  if (!isEmptyArg(fulfilment))
    inputs.fulfilment = fulfilmentArg(
      fulfilment as Cell | Grid,
      view.regionalPosts,
      "fulfilment",
      view.recipients,
      view.titles
    );
  if (!isEmptyArg(units)) Object.assign(inputs, unitsArg(units, view));
  const parsed = parseOptions(options, view);
  const { decided, notFulfilled } = parsed.decisions;
  if (Object.keys(decided).length) inputs.decided = decided;
  for (const postId of notFulfilled) {
    const post = view.agreement.posts.find((p) => p.id === postId)!;
    if (post.recipient === view.agreement.recipients.id)
      badArgument("options", message("function.not-a-decision", { post: postId, value: "nej" }));
    // A member-set post has its flags in the fulfilment range; a body's post has one flag.
    (inputs.fulfilment ??= {})[postId] = {
      ...inputs.fulfilment?.[postId],
      [post.recipient]: false,
    };
  }
  return { inputs, options: parsed.options };
}
