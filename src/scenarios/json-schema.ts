import { z } from "zod";
import { ScenarioSchema } from "./schema";

/** Where the published JSON Schema of scenario files lives, relative to the repository. */
export const SCENARIO_SCHEMA_FILE = "schemas/scenario.schema.json";

/** The JSON Schema of a scenario file, generated from the zod schema (one source of truth). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { target: "draft-7", io: "input" }) as Record<
    string,
    unknown
  > & { properties?: Record<string, unknown> };
  return {
    ...generated,
    $id: "https://sjuk.example.org/schemas/scenario.schema.json",
    title: "SJUK scenario",
    description:
      "A scenario: an agreement, a key, fulfilment, counts, decided amounts and options; omitted fields take the agreement's defaults. Compared by `sjuk compare`, audited by `sjuk audit`.",
    properties: {
      $schema: { type: "string", description: "This schema's location, for editors." },
      ...generated.properties,
    },
  };
}

/** The file's text: two-space JSON with a final newline, as committed. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
