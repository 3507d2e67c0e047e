import { DecimalInput } from "./decimal";

/** A key: one figure per region (by county code), with the date the figures refer to and their source. */
export interface PopulationKey {
  figures: Record<string, DecimalInput>;
  /** YYYY-MM-DD, or null when the user did not say (the result then warns). */
  date: string | null;
  source: string;
}

/** Villkor 3 treatments are reported per area and sex. */
export const TREATMENT_COLUMNS = [
  "mentalHealthWomen",
  "mentalHealthMen",
  "painWomen",
  "painMen",
] as const;
export type TreatmentColumn = (typeof TREATMENT_COLUMNS)[number];

export interface ContactCounts {
  /** Contacts with an employer or Arbetsförmedlingen, per region code. */
  contacts: Record<string, DecimalInput>;
  /** Optional treatment counts per region code. */
  treatments?: Record<string, Partial<Record<TreatmentColumn, DecimalInput>>>;
}

export interface ComputeInputs {
  key: PopulationKey;
  /** Per post id, per region code: false where the region does not fulfil the condition. Missing = fulfilled. */
  fulfilment?: Record<string, Record<string, boolean>>;
  /** Without counts, every region is assumed to use its full contact cap (as Table 1 budgets), with a warning. */
  contacts?: ContactCounts;
}

export const REDISTRIBUTION_KEYS = ["population", "unpaid-contacts"] as const;
export type RedistributionKey = (typeof REDISTRIBUTION_KEYS)[number];

export interface ComputeOptions {
  /**
   * What happens to a non-fulfilling region's share: one rule for every regional post, or a rule
   * per post id. Omitted: the agreement's own rule per post (v1, v2, v3 lapse; v4 share).
   */
  nonFulfilment?: "lapse" | "share" | Record<string, "lapse" | "share">;
  /** How villkor 3 contact money left under the caps is redistributed. Default: population. */
  redistribution?: RedistributionKey;
}
