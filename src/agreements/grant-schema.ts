import { z } from "zod";
import { IsoDate, LocalText, WholeKronor, parseDefinition } from "./common";

export type { LocalText } from "./common";

/**
 * Grant decisions (regeringsuppdrag with funds): a government decision that lets an agency use
 * money from an appropriation, year by year, under rules on requisition, repayment and
 * reporting. The 2024 assignment to Socialstyrelsen is the first; another assignment is entered
 * as data (a JSON file) validated by this schema — no code changes needed.
 *
 * Unlike an allocation agreement (schema.ts) nothing is split here: the engine keeps a ledger
 * per year (src/engine/ledger.ts) and puts the deadlines in the payment calendar
 * (src/engine/calendar.ts).
 */

/** Who receives a requisition, a repayment or a report, e.g. "Kammarkollegiet". */
const Body = z.string().min(1);

/** The decision's own words, kept for audit (Swedish, as written). */
const Quote = z.string().min(1);

/**
 * How firm a year's amount is:
 * - `at-most`: granted, a ceiling ("högst 500 000 kronor");
 * - `fixed`: granted, exactly that amount;
 * - `planned-conditional`: the government plans the amount but it is money only once the
 *   Riksdag has appropriated it ("under förutsättning att riksdagen anvisat medel"). Until a
 *   user confirms the year with the amount appropriated, the ledger treats it as not granted.
 */
export const GRANT_STATUSES = ["at-most", "fixed", "planned-conditional"] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

const Requisition = z.object({
  /** true: the money is paid out "engångsvis" — one requisition for the year, no second. */
  once: z.boolean(),
  by: IsoDate,
  to: Body,
  quote: Quote,
});

const Deadline = z.object({ by: IsoDate, to: Body, quote: Quote });

const GrantYear = z
  .object({
    year: z.number().int().min(1900).max(2999),
    amount: WholeKronor,
    status: z.enum(GRANT_STATUSES),
    /** Required for `planned-conditional`: what must happen before it is money. */
    condition: LocalText.optional(),
    quote: Quote,
    requisition: Requisition.optional(),
    /** Unused funds must be paid back by this date. */
    repayment: Deadline.optional(),
    /** A financial report (ekonomisk redovisning) of the funds used. */
    financialReport: Deadline.optional(),
  })
  .superRefine((y, ctx) => {
    if (y.status === "planned-conditional" && !y.condition) {
      ctx.addIssue({
        code: "custom",
        path: ["condition"],
        message: "a planned-conditional year must say what it is conditional on",
      });
    }
    if (y.status !== "planned-conditional" && y.condition) {
      ctx.addIssue({
        code: "custom",
        path: ["condition"],
        message: `a condition only belongs to a planned-conditional year, not to ${y.status}`,
      });
    }
    if (y.requisition && y.repayment && y.repayment.by < y.requisition.by) {
      ctx.addIssue({
        code: "custom",
        path: ["repayment", "by"],
        message: `repayment (${y.repayment.by}) cannot be due before the requisition (${y.requisition.by})`,
      });
    }
  });

const Appropriation = z.object({
  expenditureArea: z.object({ number: z.number().int().positive(), name: z.string().min(1) }),
  /** "1:6" */
  code: z.string().regex(/^\d+:\d+$/, "must be an appropriation code such as 1:6"),
  /** The name as the decision writes it. */
  name: z.string().min(1),
  /** The name in the state budget, when the decision writes it differently. */
  officialName: z.string().min(1).optional(),
  note: LocalText.optional(),
  /** Anslagspost. */
  item: z.object({ number: z.number().int().positive(), name: z.string().min(1) }).nullable(),
});

export const GrantDecisionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
    kind: z.literal("grant"),
    title: LocalText,
    decidedBy: z.string().min(1),
    recipient: z.string().min(1),
    /** The decision's date, null when the text at hand does not give it. */
    decided: IsoDate.nullable(),
    /** The decision's reference (diarienummer), null when the text at hand does not give it. */
    reference: z.string().min(1).nullable(),
    /** Required when `reference` or `decided` is null: why, and what it means for the user. */
    referenceNote: LocalText.optional(),
    source: z.string().min(1),
    appropriation: Appropriation,
    years: z.array(GrantYear).min(1),
    finalReport: Deadline.nullable(),
  })
  .superRefine((d, ctx) => {
    if ((d.reference === null || d.decided === null) && !d.referenceNote) {
      ctx.addIssue({
        code: "custom",
        path: ["referenceNote"],
        message: "say why the reference or the decision date is missing",
      });
    }
    if (
      d.appropriation.officialName !== undefined &&
      d.appropriation.officialName !== d.appropriation.name &&
      !d.appropriation.note
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["appropriation", "note"],
        message: "the decision's wording differs from the official name: add a note",
      });
    }
    d.years.forEach((y, i) => {
      if (i > 0 && y.year <= d.years[i - 1]!.year) {
        ctx.addIssue({
          code: "custom",
          path: ["years", i, "year"],
          message: `years must be listed once each, in order (${y.year} after ${d.years[i - 1]!.year})`,
        });
      }
    });
  });

export type GrantDecision = z.infer<typeof GrantDecisionSchema>;
export type GrantYear = GrantDecision["years"][number];

/** Validates a grant decision; every problem names its field path (e.g. `years[1].condition`). */
export function parseGrantDecision(data: unknown, name = "grant decision"): GrantDecision {
  return parseDefinition(GrantDecisionSchema, data, name);
}
