import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { AGREEMENT_SCHEMA_FILE, agreementJsonSchemaText } from "../src/agreements/json-schema";

/** `npm run schema`: writes schemas/agreement.schema.json from the zod schema. */
const path = resolve(__dirname, "../..", AGREEMENT_SCHEMA_FILE);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, agreementJsonSchemaText());
process.stdout.write(`wrote ${AGREEMENT_SCHEMA_FILE}\n`);
