import { AGREEMENT_2020, AllocationAgreement } from "../agreements";
import { ComputeInputs, ComputeOptions, ComputeResult, REGIONS, SjukError, compute } from "../engine";
import { LruCache } from "./cache";
import { badValue } from "./values";

/** Scenarios computed so far, by value. 512 scenarios of one agreement take a few megabytes. */
export const scenarioCache = new LruCache<ComputeResult>(512);

/** A fingerprint of everything a result depends on, in a fixed order. */
function fingerprint(agreement: AllocationAgreement, inputs: ComputeInputs, options: ComputeOptions): string {
  const perRegion = (figures: Record<string, unknown> | undefined) => (figures ? REGIONS.map((r) => String(figures[r.code])).join(",") : "-");
  const fulfilment = inputs.fulfilment
    ? Object.keys(inputs.fulfilment)
        .sort()
        .map((post) => `${post}:${REGIONS.map((r) => (inputs.fulfilment![post]![r.code] === false ? 0 : 1)).join("")}`)
        .join("|")
    : "-";
  return [agreement.id, perRegion(inputs.key.figures), inputs.key.date, fulfilment, perRegion(inputs.contacts?.contacts), JSON.stringify(options)].join("#");
}

/** The engine's result for a scenario, computed once per distinct input. Engine errors become #VALUE!. */
export function scenario(inputs: ComputeInputs, options: ComputeOptions = {}, agreement: AllocationAgreement = AGREEMENT_2020): ComputeResult {
  return scenarioCache.getOrCompute(fingerprint(agreement, inputs, options), () => {
    try {
      return compute(agreement, inputs, options);
    } catch (e) {
      if (e instanceof SjukError) badValue(e.problems.map((p) => p.message).join("; "));
      throw e;
    }
  });
}
