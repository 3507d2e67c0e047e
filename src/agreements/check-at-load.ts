import { SjukError, problem } from "../core/errors";
import { parseGrantDecision, type GrantDecision } from "./grant-schema";
import { parseAllocationAgreement, type AllocationAgreement } from "./schema";

/**
 * The shipped agreements are checked with their zod schemas. In Node (the CLI, the tests) this
 * module checks them when index.ts loads them. The web build checks them when it is built
 * (scripts/agreement-loader.js runs `checkShipped` on each file) and swaps this module for
 * checked-at-build.ts, so that zod is not in functions.js at run time.
 */

export function checkShipped(data: unknown, file: string): AllocationAgreement | GrantDecision {
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind === "allocation") return parseAllocationAgreement(data, file);
  if (kind === "grant") return parseGrantDecision(data, file);
  throw new SjukError([
    problem("agreement.unknown-kind", { kinds: ["allocation", "grant"] }, { file, field: "kind" }),
  ]);
}

export function shippedAgreement(data: unknown, file: string): AllocationAgreement {
  return parseAllocationAgreement(data, file);
}

export function shippedGrantDecision(data: unknown, file: string): GrantDecision {
  return parseGrantDecision(data, file);
}
