import type { LocalText } from "./common";
import type { GrantDecision } from "./grant-schema";
import { findByIdOrTitle } from "./names";

/**
 * The dated duties of a grant decision (requisition, repayment, reports), from the validated
 * decision. No zod here: the engine and the functions use this at run time (see index.ts).
 */

export const GRANT_DEADLINE_KINDS = ["requisition", "repayment", "report", "final-report"] as const;
export type GrantDeadlineKind = (typeof GRANT_DEADLINE_KINDS)[number];

/**
 * One dated duty a grant decision sets. `id` is stable and is what SJUK.DEADLINE(item) and
 * SJUK.STATUS(item) take: `requisition-2024`, `repayment-2024`, `financial-report-2024`,
 * `final-report`.
 */
export interface GrantDeadline {
  id: string;
  kind: GrantDeadlineKind;
  /** The year whose funds it concerns; null for the final report. */
  year: number | null;
  /** YYYY-MM-DD, "at the latest" (senast). */
  date: string;
  /** Who must receive it. */
  to: string;
  title: LocalText;
  quote: string;
}

/** Every deadline of a decision, in date order (ties: requisition, repayment, report, final report). */
export function grantDeadlines(decision: GrantDecision): GrantDeadline[] {
  const out: GrantDeadline[] = [];
  for (const y of decision.years) {
    if (y.requisition) {
      const once = y.requisition.once;
      out.push({
        id: `requisition-${y.year}`,
        kind: "requisition",
        year: y.year,
        date: y.requisition.by,
        to: y.requisition.to,
        title: {
          sv: `Rekvisition av medel för ${y.year} till ${y.requisition.to}${once ? " (engångsvis)" : ""}`,
          en: `Requisition of the ${y.year} funds from ${y.requisition.to}${once ? " (once only)" : ""}`,
        },
        quote: y.requisition.quote,
      });
    }
    if (y.repayment) {
      out.push({
        id: `repayment-${y.year}`,
        kind: "repayment",
        year: y.year,
        date: y.repayment.by,
        to: y.repayment.to,
        title: {
          sv: `Återbetalning av oanvända medel för ${y.year} till ${y.repayment.to}`,
          en: `Repayment of unused ${y.year} funds to ${y.repayment.to}`,
        },
        quote: y.repayment.quote,
      });
    }
    if (y.financialReport) {
      out.push({
        id: `financial-report-${y.year}`,
        kind: "report",
        year: y.year,
        date: y.financialReport.by,
        to: y.financialReport.to,
        title: {
          sv: `Ekonomisk redovisning av använda medel för ${y.year} till ${y.financialReport.to}`,
          en: `Financial report on the ${y.year} funds used, to ${y.financialReport.to}`,
        },
        quote: y.financialReport.quote,
      });
    }
  }
  if (decision.finalReport) {
    out.push({
      id: "final-report",
      kind: "final-report",
      year: null,
      date: decision.finalReport.by,
      to: decision.finalReport.to,
      title: {
        sv: `Redovisning av uppdraget till ${decision.finalReport.to}`,
        en: `Final report on the assignment to ${decision.finalReport.to}`,
      },
      quote: decision.finalReport.quote,
    });
  }
  const order = (k: GrantDeadlineKind) => GRANT_DEADLINE_KINDS.indexOf(k);
  return out.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || order(a.kind) - order(b.kind) || (a.year ?? 0) - (b.year ?? 0)
  );
}

/** The deadline with this id or title (Swedish or English, as a sheet shows it), or undefined. */
export function findGrantDeadline(
  decision: GrantDecision,
  text: string
): GrantDeadline | undefined {
  return findByIdOrTitle(grantDeadlines(decision), text);
}
