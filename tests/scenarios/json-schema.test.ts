import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  SCENARIO_SCHEMA_FILE,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from "../../src/scenarios/json-schema";
import { ScenarioSchema } from "../../src/scenarios";
import { EXAMPLES, readJson } from "./helpers";

const ROOT = resolve(__dirname, "../..");

describe("schemas/scenario.schema.json", () => {
  it("is what the zod schema generates today (regenerate it after changing src/scenarios/schema.ts)", () => {
    expect(readFileSync(join(ROOT, SCENARIO_SCHEMA_FILE), "utf8")).toBe(scenarioJsonSchemaText());
  });

  it("accepts the issue's example and the three example files; refuses an unknown field", () => {
    const issue = {
      name: "Gotland utan villkor 2",
      agreement: "sjuk-2020",
      key: { shipped: "2019-12-31" },
      fulfilment: { v2: { "09": false } },
      contacts: { "01": 4527 },
      options: { nonFulfilment: { v2: "share" }, redistribution: "population", method: "hamilton" },
    };
    expect(ScenarioSchema.safeParse(issue).success).toBe(true);
    for (const f of [
      "scenario-shipped-key.json",
      "scenario-key-file.json",
      "scenario-mix-gotland.json",
    ])
      expect(ScenarioSchema.safeParse(readJson(join(EXAMPLES, f))).success).toBe(true);
    const wrong = ScenarioSchema.safeParse({ ...issue, options: { method: "hare" } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.path).toEqual(["options", "method"]);
  });

  it("is a JSON Schema editors can use: it accepts the examples and refuses a bad method by its path", () => {
    const validate = new Ajv({ allErrors: true }).compile(scenarioJsonSchema());
    for (const f of [
      "scenario-shipped-key.json",
      "scenario-key-file.json",
      "scenario-mix-gotland.json",
    ])
      expect(validate(readJson(join(EXAMPLES, f))) ? [] : validate.errors).toEqual([]);
    expect(validate({ name: "x", options: { method: "hare" } })).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContain("/options/method");
  });
});
