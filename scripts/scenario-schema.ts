import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from "../src/scenarios/json-schema";

/** `npm run schema`: writes schemas/scenario.schema.json from the zod schema. */
const path = resolve(__dirname, "../..", SCENARIO_SCHEMA_FILE);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, scenarioJsonSchemaText());
process.stdout.write(`wrote ${SCENARIO_SCHEMA_FILE}\n`);
