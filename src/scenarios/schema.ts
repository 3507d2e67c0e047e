import { z } from "zod";
import { IsoDate } from "../agreements/common";
import { METHODS } from "../engine/methods";
import { REDISTRIBUTION_KEYS } from "../engine/inputs";

/**
 * A scenario file (issue 10): a name, an agreement, a key, fulfilment, counts, decided amounts
 * and options. Every field but `name` may be omitted: it then takes the agreement's default.
 * Published as schemas/scenario.schema.json (generated from this, see json-schema.ts).
 */

const Figure = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const FiguresByCode = z.record(z.string().min(1), Figure);

const ShippedKey = z.strictObject({
  shipped: IsoDate.describe("the date of SCB figures shipped with SJUK, e.g. 2019-12-31"),
});
const FileKey = z.strictObject({
  file: z
    .string()
    .min(1)
    .describe(
      "a key file beside the scenario: region;befolkning CSV, or SCB's CSV / JSON-stat2 export"
    ),
  date: IsoDate.optional().describe("the figures' date, when the file does not say"),
});
const FiguresKey = z.strictObject({
  figures: FiguresByCode.describe('a figure per member code, e.g. { "01": 2377081 }'),
  date: IsoDate.nullable().optional(),
  source: z.string().optional(),
});
const EqualKey = z.strictObject({ equal: z.literal(true) });

type KeyInput =
  | z.infer<typeof ShippedKey>
  | z.infer<typeof FileKey>
  | z.infer<typeof FiguresKey>
  | z.infer<typeof EqualKey>
  | { mix: { key: KeyInput; weight: number }[] };

export const ScenarioKeySchema: z.ZodType<KeyInput> = z.lazy(() =>
  z.union([
    ShippedKey,
    FileKey,
    FiguresKey,
    EqualKey,
    z.strictObject({
      mix: z
        .array(z.strictObject({ key: ScenarioKeySchema, weight: z.number().nonnegative() }))
        .min(1)
        .describe("keys mixed by their shares: each weight × figure / the key's total"),
    }),
  ])
);
export type ScenarioKey = KeyInput;

const Rule = z.enum(["lapse", "share"]);

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().trim().min(1, "a scenario needs a name"),
  agreement: z
    .string()
    .min(1)
    .optional()
    .describe("a shipped agreement's id (sjuk-2020) or the path of an agreement file"),
  key: ScenarioKeySchema.optional(),
  fulfilment: z
    .record(z.string(), z.record(z.string(), z.boolean()))
    .optional()
    .describe("per post id: per member code or body id, false where the condition is not met"),
  contacts: FiguresByCode.optional().describe("villkor 3 contacts per member code"),
  units: z
    .record(z.string(), FiguresByCode)
    .optional()
    .describe("other unit columns: per column, a count per member code"),
  keys: z
    .record(z.string(), ScenarioKeySchema)
    .optional()
    .describe("other key columns the agreement's posts name"),
  decided: z
    .record(z.string(), z.number().int().nonnegative())
    .optional()
    .describe('per "högst" post id: the decided amount in kronor'),
  options: z
    .strictObject({
      nonFulfilment: z.union([Rule, z.record(z.string(), Rule)]).optional(),
      redistribution: z.enum(REDISTRIBUTION_KEYS).optional(),
      method: z.enum(METHODS).optional(),
    })
    .optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
