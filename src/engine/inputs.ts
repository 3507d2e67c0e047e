import { DecimalInput } from "../core/decimal";
import type { Method } from "./methods";

/** A key: one figure per region (by county code), with the date the figures refer to and their source. */
export interface PopulationKey {
  figures: Record<string, DecimalInput>;
  /** YYYY-MM-DD, or null when the user did not say (the result then warns). */
  date: string | null;
  source: string;
  /** A key mix whose parts have different dates: those dates (the mix has no one date). */
  dates?: string[];
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
  /**
   * Members whose count is not reported yet (a blank cell: contacts come in one region at a
   * time); they need no entry in `contacts`, and one listed here counts as not reported whatever
   * `contacts` holds. Such a member is assumed to take its whole cap and all it can be given, as
   * when no counts are given at all: what the others get is then what they are sure of, since a
   * report can only leave money for them. Its own amount is a placeholder, not a result: the
   * functions and the pane show it as not reported, and compute() warns
   * (`contacts-not-reported`).
   */
  notReported?: readonly string[];
}

export interface ComputeInputs {
  /** The agreement's default key column (`keyColumn`, "population" in 2020). */
  key: PopulationKey;
  /** Other key columns by name, for posts whose key or cap names them. */
  keys?: Record<string, PopulationKey>;
  /**
   * Per post id: per member code (posts to the recipient set) or the body's id (a body's post
   * with `requiresFulfilment`), false where the condition is not fulfilled. Missing = fulfilled.
   */
  fulfilment?: Record<string, Record<string, boolean>>;
  /**
   * The "contacts" unit column (villkor 3: patients for whom an employer or Arbetsförmedlingen
   * was contacted) with the treatments. Without counts for a per-unit post, every fulfilling
   * member is assumed to have units enough to take all it can be given, with a warning.
   */
  contacts?: ContactCounts;
  /** Other unit columns by name: a count per member code, for per-unit posts that name them. */
  units?: Record<string, Record<string, DecimalInput>>;
  /**
   * Per unit column of `units`: the members whose count is not reported yet (a blank cell). The
   * same rule as the contacts' `notReported`, for every per-unit post of every agreement: such a
   * member needs no entry in `units`, is assumed to take its whole cap, and is not paid yet.
   */
  unitsNotReported?: Record<string, readonly string[]>;
  /** Per post id: the amount decided for a "högst" post, at most its ceiling. */
  decided?: Record<string, DecimalInput>;
}

export const REDISTRIBUTION_KEYS = ["population", "unpaid-contacts"] as const;
export type RedistributionKey = (typeof REDISTRIBUTION_KEYS)[number];

export interface ComputeOptions {
  /**
   * What happens to a non-fulfilling region's share: one rule for every regional post, or a rule
   * per post id. Omitted: the agreement's own rule per post (v1, v2, v3 lapse; v4 share). Only
   * posts split by a key take it: a per-unit post (v3-contacts) always redistributes what a
   * non-fulfilling member leaves, as its text says.
   */
  nonFulfilment?: "lapse" | "share" | Record<string, "lapse" | "share">;
  /**
   * How per-unit money left under the caps is redistributed: `population` (by the cap's key
   * column) or `unpaid-contacts` (by what each is still owed; by population where counts are
   * not given, since then nobody's unpaid units are known). Default: population.
   */
  redistribution?: RedistributionKey;
  /**
   * How every split by a key (key posts, per-unit caps and redistribution rounds) finds whole
   * kronor: `hamilton` (largest remainder, the default), `sainte-lague` or `dhondt`.
   */
  method?: Method;
}

/** The members whose count in a unit column is not reported yet (contacts or another column). */
export function notReportedIn(inputs: ComputeInputs, column: string): readonly string[] {
  return column === "contacts"
    ? (inputs.contacts?.notReported ?? [])
    : (inputs.unitsNotReported?.[column] ?? []);
}
