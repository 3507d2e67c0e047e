import { z } from "zod";
import { AllocationAgreementSchema } from "./schema";

/** Where the published JSON Schema of agreement files lives, relative to the repository. */
export const AGREEMENT_SCHEMA_FILE = "schemas/agreement.schema.json";

/**
 * The JSON Schema of an agreement file, generated from the zod schema (one source of truth), so
 * that editors check agreement files as they are written. It describes what a file may contain
 * (zod's input side): a "$schema" reference is allowed. Rules that need the whole file (the
 * posts add up to the total, ids are unique) are zod refinements JSON Schema cannot state:
 * `sjuk agreement check` checks those too.
 */
export function agreementJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(AllocationAgreementSchema, {
    target: "draft-7",
    io: "input",
  }) as Record<string, unknown> & { properties?: Record<string, unknown> };
  return {
    ...generated,
    $id: "https://sjuk.example.org/schemas/agreement.schema.json",
    title: "SJUK agreement (allocation)",
    description:
      "An agreement between the state and SKR as data: posts, amounts, recipients, keys and payout dates. Checked by `sjuk agreement check FILE.json`.",
    properties: {
      $schema: { type: "string", description: "This schema's location, for editors." },
      ...generated.properties,
    },
  };
}

/** The file's text: two-space JSON with a final newline, as committed. */
export function agreementJsonSchemaText(): string {
  return `${JSON.stringify(agreementJsonSchema(), null, 2)}\n`;
}
