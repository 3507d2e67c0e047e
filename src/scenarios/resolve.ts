import { AGREEMENTS, type AllocationAgreement } from "../agreements";
import { workbookAgreements } from "../agreements/held";
import { formatPath, parseDefinition } from "../agreements/common";
import { parseAllocationAgreement } from "../agreements/schema";
import { Problem, SjukError, problem } from "../core/errors";
import type { ComputeInputs, ComputeOptions, PopulationKey } from "../engine/inputs";
import { mixKeys, type KeyPart } from "../engine/mix";
import { recipientsOf } from "../engine/recipients";
import { SHIPPED_POPULATION_DATES, shippedPopulationKey } from "../reference/population";
import { ScenarioSchema, type Scenario, type ScenarioKey } from "./schema";
import { readScbCsv, readScbJsonStat } from "./scb";

/**
 * A scenario file turned into what `compute` takes. Pure: files (an agreement file, a key file)
 * are read through the context, whose paths are relative to the scenario file.
 */
export interface ScenarioContext {
  /** The scenario's own file, named in every problem. */
  file: string;
  /** A file's text, by the path the scenario gives; throws SjukError naming the file. */
  readText(path: string): string;
  /** A plain region;befolkning CSV as a key (the CLI's reader and src/inputs' parser). */
  readKeyTable(path: string, date: string | null): PopulationKey;
  /** Shipped agreements by id; default every agreement shipped with SJUK. */
  agreements?: readonly AllocationAgreement[];
}

export interface ResolvedScenario {
  scenario: Scenario;
  agreement: AllocationAgreement;
  inputs: ComputeInputs;
  options: ComputeOptions;
}

/** Collects every problem of the scenario with its field path before giving up. */
class Faults {
  readonly problems: Problem[] = [];
  constructor(private readonly file: string) {}

  add(p: Problem, field: string): void {
    // A problem that says where it is (a key file's line) keeps its place.
    this.problems.push({
      ...p,
      where: p.where?.file ? p.where : { file: this.file, field, ...p.where },
    });
  }

  /** Runs a step; its SjukError's problems are kept, located at `field` unless they say where. */
  attempt<T>(field: string, step: () => T): T | undefined {
    try {
      return step();
    } catch (e) {
      if (!(e instanceof SjukError)) throw e;
      for (const p of e.problems) this.add(p, field);
      return undefined;
    }
  }
}

export function resolveScenario(data: unknown, context: ScenarioContext): ResolvedScenario {
  const scenario = parseDefinition(ScenarioSchema, data, context.file);
  const faults = new Faults(context.file);
  const agreement = faults.attempt("agreement", () => agreementOf(scenario.agreement, context));
  if (!agreement) throw new SjukError(faults.problems);
  const codes = recipientsOf(agreement).members.map((m) => m.code);
  const key = faults.attempt("key", () =>
    scenario.key ? keyOf(scenario.key, "key", codes, context, faults) : shippedPopulationKey()
  );
  const inputs: Partial<ComputeInputs> = { key: key! };
  if (scenario.keys) {
    inputs.keys = Object.fromEntries(
      Object.entries(scenario.keys).map(([column, k]) => [
        column,
        faults.attempt(`keys.${column}`, () => keyOf(k, `keys.${column}`, codes, context, faults))!,
      ])
    );
  }
  if (scenario.fulfilment) inputs.fulfilment = checkFulfilment(scenario, agreement, codes, faults);
  if (scenario.contacts) {
    checkCodes(scenario.contacts, codes, "contacts", faults, true);
    inputs.contacts = { contacts: scenario.contacts };
  }
  if (scenario.units) {
    for (const [column, counts] of Object.entries(scenario.units))
      checkCodes(counts, codes, `units.${column}`, faults, true);
    inputs.units = scenario.units;
  }
  if (scenario.decided) {
    checkPosts(Object.keys(scenario.decided), agreement, "decided", faults);
    inputs.decided = scenario.decided;
  }
  const options: ComputeOptions = { ...scenario.options };
  const rule = scenario.options?.nonFulfilment;
  if (rule && typeof rule === "object")
    checkPosts(Object.keys(rule), agreement, "options.nonFulfilment", faults);
  if (faults.problems.length > 0) throw new SjukError(faults.problems);
  return { scenario, agreement, inputs: inputs as ComputeInputs, options };
}

/**
 * A scenario saved in the workbook (the Scenarier sheet): its key is its figures, a shipped key or
 * a mix, never a file beside it, since a workbook travels alone.
 */
export function resolveSavedScenario(data: unknown, sheet: string): ResolvedScenario {
  const noFile = (path: string): never => {
    throw new SjukError([problem("scenario.reads-file-in-workbook", { path }, { sheet })]);
  };
  // The workbook's own agreements (edited copies) first, then the shipped ones.
  const agreements = [...workbookAgreements(), ...AGREEMENTS];
  return resolveScenario(data, { file: sheet, readText: noFile, readKeyTable: noFile, agreements });
}

/** A shipped agreement's id, or the path of an agreement file; default the first shipped. */
function agreementOf(id: string | undefined, context: ScenarioContext): AllocationAgreement {
  const shipped = context.agreements ?? AGREEMENTS;
  if (id === undefined) return shipped[0]!;
  const found = shipped.find((a) => a.id === id);
  if (found) return found;
  if (!/\.json$/i.test(id))
    throw new SjukError([
      problem("scenario.unknown-agreement", { id, known: shipped.map((a) => a.id) }),
    ]);
  const text = context.readText(id);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new SjukError([problem("file.not-json", { detail: (e as Error).message }, { file: id })]);
  }
  return parseAllocationAgreement(json, id);
}

/** Any key of the file format as the figures compute splits (a mix: by its shares). */
function keyOf(
  key: ScenarioKey,
  field: string,
  codes: readonly string[],
  context: ScenarioContext,
  faults: Faults
): PopulationKey {
  if ("shipped" in key) {
    if (!SHIPPED_POPULATION_DATES.includes(key.shipped))
      throw new SjukError([
        problem(
          "scenario.shipped-date",
          { date: key.shipped, dates: [...SHIPPED_POPULATION_DATES] },
          { field: `${field}.shipped` }
        ),
      ]);
    return shippedPopulationKey(key.shipped);
  }
  if ("file" in key) return keyFile(key.file, key.date ?? null, context);
  if ("figures" in key) {
    checkCodes(key.figures, codes, `${field}.figures`, faults, true);
    return { figures: key.figures, date: key.date ?? null, source: key.source ?? context.file };
  }
  if ("equal" in key) {
    const parts: KeyPart[] = [{ equal: true, weight: 1 }];
    return { figures: mixKeys(parts, codes).figures, date: null, source: "equal" };
  }
  const parts = key.mix.map((part, k) => ({
    key: keyOf(part.key, `${field}.mix[${k}].key`, codes, context, faults),
    weight: part.weight,
  }));
  const mixed = locatedMix(parts, codes, field);
  const dates = new Set(parts.map((p) => p.key.date));
  const known = [...dates].filter((d): d is string => d !== null).sort();
  return {
    figures: mixed,
    // One date when every part has it; otherwise the mix has no one date (the result warns,
    // naming the dates it mixes).
    date: dates.size === 1 ? [...dates][0]! : null,
    ...(dates.size > 1 && known.length > 1 ? { dates: known } : {}),
    source: parts.map((p) => `${p.weight} × ${p.key.source}`).join(" + "),
  };
}

/** mixKeys, its field paths (`mix[0].figures.09`) put under the scenario's key field. */
function locatedMix(
  parts: { key: PopulationKey; weight: number }[],
  codes: readonly string[],
  field: string
) {
  try {
    return mixKeys(
      parts.map((p) => ({ figures: p.key.figures, weight: p.weight })),
      codes
    ).figures;
  } catch (e) {
    if (!(e instanceof SjukError)) throw e;
    throw new SjukError(
      e.problems.map((p) => {
        const path = (p.params as { path?: string }).path;
        return { ...p, where: { field: path ? `${field}.${path}` : `${field}.mix` } };
      })
    );
  }
}

/** A key file by its kind: SCB's JSON-stat2 (.json), SCB's CSV (a time column), or region;befolkning. */
function keyFile(path: string, date: string | null, context: ScenarioContext): PopulationKey {
  const at = (p: Problem) => ({ ...p, where: { file: path, ...p.where } });
  if (/\.json$/i.test(path)) {
    const text = context.readText(path);
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new SjukError([at(problem("scb.not-json-stat", { detail: (e as Error).message }))]);
    }
    return readScbJsonStat(json, path, date ?? undefined);
  }
  if (!/\.(csv|txt)$/i.test(path))
    throw new SjukError([problem("scenario.key-file-type", { file: path })]);
  const text = context.readText(path);
  if (isScbExport(text)) return readScbCsv(text, path, date ?? undefined);
  return context.readKeyTable(path, date);
}

/** Figures per member code: no code outside the set; with `all`, every member given. */
function checkCodes(
  figures: Record<string, unknown>,
  codes: readonly string[],
  field: string,
  faults: Faults,
  all: boolean
): void {
  const known = new Set(codes);
  for (const code of Object.keys(figures))
    if (!known.has(code))
      faults.add(problem("scenario.not-a-member", { code }), `${field}.${code}`);
  if (all)
    for (const code of codes)
      if (!(code in figures))
        faults.add(problem("scenario.missing-member", { code }), `${field}.${code}`);
}

function checkPosts(
  ids: string[],
  agreement: AllocationAgreement,
  field: string,
  faults: Faults
): void {
  const all = agreement.posts.map((p) => p.id);
  for (const id of ids)
    if (!all.includes(id))
      faults.add(problem("scenario.not-a-post", { id, ids: all }), `${field}.${id}`);
}

/** Fulfilment names posts, and per post members of the set or the body the post pays. */
function checkFulfilment(
  scenario: Scenario,
  agreement: AllocationAgreement,
  codes: readonly string[],
  faults: Faults
) {
  const fulfilment = scenario.fulfilment!;
  checkPosts(Object.keys(fulfilment), agreement, "fulfilment", faults);
  const known = new Set(codes);
  for (const [postId, flags] of Object.entries(fulfilment)) {
    const post = agreement.posts.find((p) => p.id === postId);
    if (!post) continue;
    for (const who of Object.keys(flags))
      if (!known.has(who) && who !== post.recipient)
        faults.add(
          problem("scenario.not-a-recipient", { id: who, post: postId }),
          formatPath(["fulfilment", postId, who])
        );
  }
  return fulfilment;
}

/** SCB's export has a header naming the region and a time column ("region";"2019M11"). */
function isScbExport(text: string): boolean {
  return text
    .split(/\r?\n/)
    .slice(0, 5)
    .some((line) => {
      const cells = line.split(";").map((c) => c.replace(/"/g, "").trim());
      return (
        cells.some((c) => /^region$/i.test(c)) && cells.some((c) => /^\d{4}(M\d{2})?$/.test(c))
      );
    });
}
