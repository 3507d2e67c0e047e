/*
 * SJUK.SCENARIO(name; region; scenarios; [post]): a saved scenario's payment in a cell, to a
 * member of the scenario's agreement (the 21 regions, or any other recipient set).
 *
 * The saved scenarios are an argument (the SJUK_Scenarier table, or any range holding its JSON
 * column), not read behind Excel's back: Excel and HyperFormula then see the dependency and
 * recalculate the cell when a scenario's row changes, with no volatile function and no listener.
 * Reading a scenario needs its schema (zod) and its resolver, which the functions bundle does not
 * carry: the host hands them over (HostContext.resolveScenario), so that Excel loads them only
 * when the function is used.
 */
import { SjukError } from "../core/errors";
import { message, type Message } from "../core/messages";
import { recipientName } from "../agreements";
import { isBlank, type Cell } from "../inputs/cells";
import { viewOf } from "./agreement";
import { memberArg, textArg } from "./arguments";
import { LruCache } from "./cache";
import { scenarioPayments } from "./scenario";
import type { ResolvedScenario } from "../scenarios/resolve";
import type { FunctionSpec, HostContext } from "./spec";
import { FunctionFailure, badValue, type Grid } from "./values";

/** The header of the Scenarier table's JSON column (the same in Swedish and English). */
export const SCENARIO_JSON_HEADER = "Scenario (JSON)";

interface SavedRow {
  /** The row in the range, from 1, for messages. */
  row: number;
  text: string;
}

/** The JSON cells of the range: the column headed "Scenario (JSON)" if the range has the header, else its last column. */
function savedRows(grid: Grid): SavedRow[] {
  const headerAt = grid[0]?.findIndex((c) => String(c ?? "").trim() === SCENARIO_JSON_HEADER);
  const hasHeader = headerAt !== undefined && headerAt >= 0;
  const column = hasHeader ? headerAt : Math.max(0, (grid[0]?.length ?? 1) - 1);
  const rows: SavedRow[] = [];
  grid.forEach((cells, i) => {
    if (hasHeader && i === 0) return;
    const text = cells[column];
    if (typeof text === "string" && text.trim() !== "") rows.push({ row: i + 1, text });
  });
  return rows;
}

const failAt = (row: number, problem: Message): never => {
  throw new FunctionFailure("value", message("argument", { name: "scenarios", row, problem }));
};

/** The saved scenario of that name (case and spaces aside), as JSON data, and its row. */
function findScenario(grid: Grid, name: string): { row: number; data: unknown; text: string } {
  const wanted = name.trim().toLowerCase();
  const names: string[] = [];
  for (const { row, text } of savedRows(grid)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      // A row whose first cell names the scenario, but whose JSON is broken, is named as such.
      const first = grid[row - 1]?.[0];
      if (typeof first === "string" && first.trim().toLowerCase() === wanted)
        failAt(row, message("function.scenario-not-json", { detail: (e as Error).message }));
      continue;
    }
    const saved = (data as { name?: unknown } | null)?.name;
    if (typeof saved !== "string") continue;
    if (saved.trim().toLowerCase() === wanted) return { row, data, text };
    names.push(saved);
  }
  throw new FunctionFailure("na", message("function.no-scenario", { name, names }));
}

/**
 * Resolved scenarios by their JSON text: a results block asks the same scenario once per cell,
 * and resolving checks the schema and may mix keys in BigInt, so it is done once per text.
 */
const resolvedByText = new LruCache<ResolvedScenario>(256);

/** Resolves the scenario; its problems name the scenario, the field and the range's row. */
function resolved(host: HostContext, name: string, row: number, data: unknown, text: string) {
  const resolve = host.resolveScenario;
  if (!resolve) return badValue("function.scenarios-unavailable", {});
  try {
    return resolvedByText.getOrCompute(text, () => resolve(data, "scenarios"));
  } catch (e) {
    if (!(e instanceof SjukError)) throw e;
    const items = e.problems.map(({ where, ...p }) =>
      message("function.scenario-field", {
        scenario: name,
        field: where?.field ?? null,
        problem: p as Message,
      })
    );
    return failAt(row, message("list", { items }));
  }
}

export const SCENARIO_FUNCTION: FunctionSpec = {
  name: "SCENARIO",
  parameters: [
    { name: "name", kind: "scalar" },
    { name: "region", kind: "scalar" },
    { name: "scenarios", kind: "range" },
    { name: "post", kind: "scalar", optional: true },
  ],
  run: ([name, region, scenarios, post], host) => {
    const wanted = textArg(name as Cell, "name");
    if (!Array.isArray(scenarios) && isBlank(scenarios!))
      badValue("function.no-scenario", { name: wanted, names: [] });
    const grid = Array.isArray(scenarios) ? scenarios : [[scenarios as Cell]];
    const { row, data, text } = findScenario(grid, wanted);
    const s = resolved(host, wanted, row, data, text);
    // A member of the scenario's own agreement: a region, a municipality, any recipient set.
    const r = memberArg(region as Cell, viewOf(s.agreement).recipients);
    const payments = scenarioPayments(s.inputs, s.options, s.agreement);
    if (isBlank(post as Cell)) return payments.byRegion.get(r.code) ?? 0;
    const id = textArg(post as Cell, "post").toLowerCase();
    const byPost = payments.byPost.get(id);
    if (!byPost)
      throw new FunctionFailure(
        "na",
        message("argument", {
          name: "post",
          problem: message("function.unknown-post", {
            post: id,
            agreement: s.agreement.id === "sjuk-2020" ? "2020" : s.agreement.id,
            ids: [...payments.byPost.keys()],
          }),
        })
      );
    if (!byPost.has(r.code)) {
      const recipient = s.agreement.posts.find((p) => p.id === id)!.recipient;
      badValue("function.not-regional", {
        post: id,
        recipient: { en: recipient, sv: recipientName(s.agreement, recipient, "sv") },
      });
    }
    return byPost.get(r.code)!;
  },
};
