import type { AllocationAgreement } from "../agreements";
import { agreement as functionsAgreement, viewOf } from "./agreement";
// The engine's modules one by one, not its index: the index also brings the .ics writer, which the
// custom functions never need in their bundle.
import { ComputeResult, compute } from "../engine/compute";
import { SjukError } from "../core/errors";
import { Message, message } from "../core/messages";
import { notReportedIn, type ComputeInputs, type ComputeOptions } from "../engine/inputs";
import type { Kronor } from "../engine/money";
import { LruCache } from "./cache";
import { FunctionFailure } from "./values";

/**
 * How many scenarios' payments are kept between recalculations. A workbook is evaluated row by
 * row, so an LRU cache smaller than the number of scenario columns would miss on every cell
 * (10 000 columns with 8 192 entries meant 210 000 engine runs instead of 10 000); within one
 * evaluation (one synchronous run) up to SCENARIOS_KEPT_IN_ONE_RUN are kept instead (cache.ts),
 * so 20 000 columns are computed once each too. An entry is the payments only (a few kB).
 */
export const SCENARIOS_KEPT = 16_384;
export const SCENARIOS_KEPT_IN_ONE_RUN = 65_536;

/**
 * Two caches, by value. Full results (with every allocation line, for SJUK.EXPLAIN) are large,
 * so only a few are kept; the payments alone are small, so many more are kept.
 */
export const scenarioCache = new LruCache<ComputeResult>(64);
export const paymentsCache = new LruCache<ScenarioPayments>(
  SCENARIOS_KEPT,
  SCENARIOS_KEPT_IN_ONE_RUN
);

/** What SHARE, CONTACTS and CHECK need of a result: the payments, without the audit trail. */
export interface ScenarioPayments {
  total: Kronor;
  /** Per post id, per region code. */
  byPost: Map<string, Map<string, Kronor>>;
  byRegion: Map<string, Kronor>;
  byRecipient: ComputeResult["byRecipient"];
  /** Per post id (bodies' too): what it pays in the scenario. */
  paidByPost: Map<string, Kronor>;
  /**
   * Per per-unit post: the members whose units (contacts) are not reported yet and who fulfil
   * the post. Their money is not a result (the engine's placeholder), so no function shows it
   * as a number. Posts with nobody missing are left out.
   */
  notReported: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The members of `inputs` whose money of a per-unit post is not known yet, per post: not
 * reported in the post's unit column, and fulfilling the post. One rule for every per-unit post
 * of every agreement (blank = not reported yet).
 */
export function pendingUnits(
  inputs: ComputeInputs,
  agreement: AllocationAgreement = functionsAgreement
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const post of agreement.posts) {
    if (post.recipient !== agreement.recipients.id || post.key.type !== "per-unit") continue;
    const flags = inputs.fulfilment?.[post.id];
    const missing = notReportedIn(inputs, post.key.column).filter((c) => flags?.[c] !== false);
    if (missing.length) out.set(post.id, new Set(missing));
  }
  return out;
}

/** A fingerprint of everything a result depends on, in a fixed order. */
function fingerprint(
  agreement: AllocationAgreement,
  inputs: ComputeInputs,
  options: ComputeOptions
): string {
  const view = viewOf(agreement);
  const codes = view.recipients.codes;
  const perMember = (figures: Record<string, unknown> | undefined) =>
    figures ? codes.map((c) => String(figures[c])).join(",") : "-";
  const named = (columns: Record<string, Record<string, unknown>> | undefined) =>
    columns
      ? Object.keys(columns)
          .sort()
          .map((c) => `${c}:${perMember(columns[c])}`)
          .join("|")
      : "-";
  // Members and bodies alike: the ones flagged as not fulfilling, per post.
  const fulfilment = inputs.fulfilment
    ? Object.keys(inputs.fulfilment)
        .sort()
        .map((post) => {
          const flags = inputs.fulfilment![post]!;
          const not = Object.keys(flags).filter((k) => flags[k] === false);
          return `${post}:${not.sort().join(",")}`;
        })
        .join("|")
    : "-";
  const keys = inputs.keys
    ? Object.fromEntries(Object.entries(inputs.keys).map(([c, k]) => [c, k.figures]))
    : undefined;
  return [
    `${agreement.id}@${view.serial}`,
    perMember(inputs.key.figures),
    inputs.key.date,
    named(keys),
    fulfilment,
    perMember(inputs.contacts?.contacts),
    (inputs.contacts?.notReported ?? []).join(","),
    JSON.stringify(inputs.unitsNotReported ?? {}),
    named(inputs.units),
    JSON.stringify(inputs.decided ?? {}),
    JSON.stringify(options),
  ].join("#");
}

/**
 * The engine's result for a scenario, computed once per distinct input. Engine errors become
 * #VALUE!, in Swedish with each problem's `sv` where the engine gives one (else its English).
 */
export function scenario(
  inputs: ComputeInputs,
  options: ComputeOptions = {},
  agreement: AllocationAgreement = functionsAgreement
): ComputeResult {
  return fullResult(fingerprint(agreement, inputs, options), inputs, options, agreement);
}

/** The payments of a scenario, computed once per distinct input. */
export function scenarioPayments(
  inputs: ComputeInputs,
  options: ComputeOptions = {},
  agreement: AllocationAgreement = functionsAgreement
): ScenarioPayments {
  const id = fingerprint(agreement, inputs, options);
  return paymentsCache.getOrCompute(id, () => {
    const result = fullResult(id, inputs, options, agreement);
    return {
      total: result.total,
      byPost: new Map(
        result.posts.map((p) => [
          p.post.id,
          new Map(p.payments.map((x) => [x.recipient, x.amount])),
        ])
      ),
      byRegion: new Map(result.byRegion.map((r) => [r.recipient, r.amount])),
      byRecipient: result.byRecipient,
      paidByPost: new Map(result.posts.map((p) => [p.post.id, p.paid])),
      notReported: pendingUnits(inputs, agreement),
    };
  });
}

function fullResult(
  id: string,
  inputs: ComputeInputs,
  options: ComputeOptions,
  agreement: AllocationAgreement
): ComputeResult {
  return scenarioCache.getOrCompute(id, () => {
    try {
      return compute(agreement, inputs, options);
    } catch (e) {
      if (e instanceof SjukError) engineFailure(e);
      throw e;
    }
  });
}

/** A SjukError as a cell's #VALUE!: its problems in English, and in Swedish where they have it. */
export function engineFailure(e: SjukError): never {
  const items = e.problems.map(({ where: _where, ...p }) => p as Message);
  throw new FunctionFailure("value", message("list", { items }));
}
