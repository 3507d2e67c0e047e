import type { GrantDecision } from "./grant-schema";
import type { AllocationAgreement } from "./schema";

/**
 * check-at-load.ts for the web build (webpack.config.js swaps it in): the shipped agreement files
 * reach the bundle already checked and parsed by their zod schemas when it was built
 * (scripts/agreement-loader.js), so nothing is checked again and zod stays out of functions.js.
 */

export function shippedAgreement(data: unknown, _file: string): AllocationAgreement {
  return data as AllocationAgreement;
}

export function shippedGrantDecision(data: unknown, _file: string): GrantDecision {
  return data as GrantDecision;
}
