import agreement2020Data from "./agreement-2020.json";
import assignment2024Data from "./assignment-2024.json";
import { shippedAgreement, shippedGrantDecision } from "./check-at-load";
import type { GrantDecision } from "./grant-schema";
import type { AllocationAgreement } from "./schema";

/**
 * The agreements shipped with SJUK, checked by their schemas, and what code needs of them at
 * run time. No zod is imported from here in the web build (see check-at-load.ts); the schemas
 * themselves are in schema.ts and grant-schema.ts, for whoever reads a file a user gives.
 */

export * from "./model";
export * from "./grant-deadlines";
export * from "./names";
export * from "./recipients";
export * from "./table1";
export type { LocalText } from "./common";
export type { AllocationAgreement, Body, Member, Post, PostKey, RecipientSet } from "./schema";
export type { GrantDecision, GrantStatus, GrantYear } from "./grant-schema";

/** The 2020 agreement between the state and SKR. */
export const AGREEMENT_2020: AllocationAgreement = shippedAgreement(
  agreement2020Data,
  "agreement-2020.json"
);

/** The 2020 agreement's recipients: its recipient set ("regions") and its bodies. */
export const RECIPIENTS: readonly string[] = [
  AGREEMENT_2020.recipients.id,
  ...AGREEMENT_2020.bodies.map((b) => b.id),
];

export const AGREEMENTS: readonly AllocationAgreement[] = [AGREEMENT_2020];

/** The agreement used where none is chosen: the 2020 agreement. */
export const DEFAULT_AGREEMENT: AllocationAgreement = AGREEMENT_2020;

/**
 * The agreement with this id among those a workbook holds (checked when they were stored) and
 * those the package ships; the workbook's copy wins, so an edited draft stored under a shipped
 * id is the one computed. Without an id, the default agreement; an unknown id is undefined, for
 * the caller to report with the ids it offers (`agreementIds`).
 */
export function agreementById(
  id: string | undefined,
  workbookAgreements: readonly AllocationAgreement[] = []
): AllocationAgreement | undefined {
  if (id === undefined || id === "") return DEFAULT_AGREEMENT;
  return workbookAgreements.find((a) => a.id === id) ?? AGREEMENTS.find((a) => a.id === id);
}

/** Every agreement id on offer: the workbook's, then the shipped ones it does not replace. */
export function agreementIds(workbookAgreements: readonly AllocationAgreement[] = []): string[] {
  return [...new Set([...workbookAgreements.map((a) => a.id), ...AGREEMENTS.map((a) => a.id)])];
}

/** The 2024 assignment to Socialstyrelsen (grant decision, 2024–2026). */
export const ASSIGNMENT_2024: GrantDecision = shippedGrantDecision(
  assignment2024Data,
  "assignment-2024.json"
);

export const GRANT_DECISIONS: readonly GrantDecision[] = [ASSIGNMENT_2024];

export const RECIPIENT_NAMES: Record<string, { sv: string; en: string }> = {
  regions: { sv: "Regionerna", en: "The regions" },
  SKR: { sv: "SKR", en: "SKR" },
  Försäkringskassan: { sv: "Försäkringskassan", en: "Försäkringskassan" },
  Socialstyrelsen: { sv: "Socialstyrelsen", en: "Socialstyrelsen" },
  government: {
    sv: "Beslutas av regeringen (uppföljning)",
    en: "Decided by the government (follow-up)",
  },
};
