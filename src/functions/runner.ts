import { SjukError, problemText } from "../engine/errors";
import { Argument, FUNCTIONS_BY_NAME, HostContext } from "./catalog";
import { FunctionFailure, FunctionValue, MessageLanguage, svName } from "./values";

/** A failure's `message` is English, `sv` the same in Swedish; the host shows the user's language. */
export type Outcome =
  | { ok: true; value: FunctionValue }
  | { ok: false; kind: "value" | "na"; message: string; sv: string };

/** A failed outcome's text in a language: Swedish for "sv", English otherwise. */
export function failureText(
  outcome: Extract<Outcome, { ok: false }>,
  lang: MessageLanguage = "en"
): string {
  return lang === "sv" ? outcome.sv : outcome.message;
}

/**
 * The one runner both hosts use: looks up the declared signature, fills omitted optional
 * arguments with null, runs the body, and turns every failure into #VALUE! or #N/A with a message
 * in English and in Swedish.
 */
export function runFunction(
  name: string,
  args: readonly Argument[],
  host: HostContext = {}
): Outcome {
  const spec = FUNCTIONS_BY_NAME.get(name);
  if (!spec)
    return {
      ok: false,
      kind: "na",
      message: `SJUK.${name} does not exist`,
      sv: `SJUK.${name} finns inte`,
    };
  const required = spec.parameters.filter((p) => !p.optional).length;
  const given = args.length;
  // Trailing omitted arguments arrive as null from Excel and as nothing from HyperFormula.
  if (given > spec.parameters.length) {
    return {
      ok: false,
      kind: "value",
      message: `SJUK.${name} takes at most ${spec.parameters.length} arguments (${spec.parameters.map((p) => p.name).join(", ")})`,
      sv: `SJUK.${name} tar högst ${spec.parameters.length} argument (${spec.parameters.map((p) => svName(p.name)).join(", ")})`,
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
      sv: `${missing.map((p) => svName(p.name)).join(", ")} måste anges`,
    };
  try {
    return { ok: true, value: spec.run(filled, host) };
  } catch (e) {
    if (e instanceof FunctionFailure)
      return { ok: false, kind: e.kind, message: e.message, sv: e.sv };
    // An engine error no argument check caught: its problems, in Swedish where they have it.
    if (e instanceof SjukError)
      return {
        ok: false,
        kind: "value",
        message: e.problems.map((p) => problemText(p, "en")).join("; "),
        sv: e.problems.map((p) => problemText(p, "sv")).join("; "),
      };
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      kind: "value",
      message: `internal error: ${detail}`,
      sv: `internt fel: ${detail}`,
    };
  }
}
