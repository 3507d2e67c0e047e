import { SjukError } from "../core/errors";
import { Message, message, render } from "../core/messages";
import { FUNCTIONS_BY_NAME } from "./catalog";
import type { Argument, HostContext } from "./spec";
import { FunctionFailure, FunctionValue, MessageLanguage } from "./values";

/** A failure carries its messages (codes and parameters); the host renders them in the user's language. */
export type Outcome =
  { ok: true; value: FunctionValue } | { ok: false; kind: "value" | "na"; problems: Message[] };

/** A failed outcome's text in a language (English by default); several problems joined by "; ". */
export function failureText(
  outcome: Extract<Outcome, { ok: false }>,
  lang: MessageLanguage = "en"
): string {
  return outcome.problems.map((p) => render(p, lang)).join("; ");
}

const fail = (kind: "value" | "na", ...problems: Message[]): Outcome => ({
  ok: false,
  kind,
  problems,
});

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
  if (!spec) return fail("na", message("function.unknown", { name }));
  const required = spec.parameters.filter((p) => !p.optional).length;
  const given = args.length;
  // Trailing omitted arguments arrive as null from Excel and as nothing from HyperFormula.
  if (given > spec.parameters.length) {
    const names = spec.parameters.map((p) => p.name);
    return fail("value", message("function.too-many-arguments", { name, names }));
  }
  const filled = spec.parameters.map((_, i) => (i < given ? (args[i] ?? null) : null));
  const missing = spec.parameters
    .slice(0, required)
    .filter((p, i) => p.kind === "scalar" && (filled[i] === null || filled[i] === ""));
  if (missing.length)
    return fail("value", message("function.required", { names: missing.map((p) => p.name) }));
  try {
    return { ok: true, value: spec.run(filled, host) };
  } catch (e) {
    if (e instanceof FunctionFailure) return fail(e.kind, e.problem);
    // An engine error no argument check caught: its problems (codes), without their locations.
    if (e instanceof SjukError)
      return fail("value", ...e.problems.map(({ where: _where, ...p }) => p as Message));
    const detail = e instanceof Error ? e.message : String(e);
    return fail("value", message("function.internal", { detail }));
  }
}
