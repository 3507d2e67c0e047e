import { Argument, FUNCTIONS_BY_NAME, HostContext } from "./catalog";
import { FunctionFailure, FunctionValue } from "./values";

export type Outcome =
  { ok: true; value: FunctionValue } | { ok: false; kind: "value" | "na"; message: string };

/**
 * The one runner both hosts use: looks up the declared signature, fills omitted optional
 * arguments with null, runs the body, and turns every failure into #VALUE! or #N/A with a message.
 */
export function runFunction(
  name: string,
  args: readonly Argument[],
  host: HostContext = {}
): Outcome {
  const spec = FUNCTIONS_BY_NAME.get(name);
  if (!spec) return { ok: false, kind: "na", message: `SJUK.${name} does not exist` };
  const required = spec.parameters.filter((p) => !p.optional).length;
  const given = args.length;
  // Trailing omitted arguments arrive as null from Excel and as nothing from HyperFormula.
  if (given > spec.parameters.length) {
    return {
      ok: false,
      kind: "value",
      message: `SJUK.${name} takes at most ${spec.parameters.length} arguments (${spec.parameters.map((p) => p.name).join(", ")})`,
    };
  }
  const filled = spec.parameters.map((_, i) => (i < given ? (args[i] ?? null) : null));
  const missing = spec.parameters
    .slice(0, required)
    .filter((p, i) => p.kind === "scalar" && (filled[i] === null || filled[i] === ""));
  if (missing.length)
    return {
      ok: false,
      kind: "value",
      message: `${missing.map((p) => p.name).join(", ")} is required`,
    };
  try {
    return { ok: true, value: spec.run(filled, host) };
  } catch (e) {
    if (e instanceof FunctionFailure) return { ok: false, kind: e.kind, message: e.message };
    return {
      ok: false,
      kind: "value",
      message: `internal error: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
