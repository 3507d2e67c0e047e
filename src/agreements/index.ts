import agreement2020Data from "./agreement-2020.json";
import assignment2024Data from "./assignment-2024.json";
import { GrantDecision, parseGrantDecision } from "./grant-schema";
import { AllocationAgreement, parseAllocationAgreement } from "./schema";

export * from "./schema";
export { formatPath, parseDefinition } from "./common";
export * from "./grant-schema";

/** The 2020 agreement between the state and SKR, validated once at load. */
export const AGREEMENT_2020: AllocationAgreement = parseAllocationAgreement(
  agreement2020Data,
  "agreement-2020.json"
);

/** The 2020 agreement's recipients: its recipient set ("regions") and its bodies. */
export const RECIPIENTS: readonly string[] = [
  AGREEMENT_2020.recipients.id,
  ...AGREEMENT_2020.bodies.map((b) => b.id),
];

export const AGREEMENTS: readonly AllocationAgreement[] = [AGREEMENT_2020];

/** The 2024 assignment to Socialstyrelsen (grant decision, 2024–2026), validated once at load. */
export const ASSIGNMENT_2024: GrantDecision = parseGrantDecision(
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
