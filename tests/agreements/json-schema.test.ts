import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AGREEMENT_SCHEMA_FILE, agreementJsonSchema, agreementJsonSchemaText } from "../../src/agreements/json-schema";

const ROOT = resolve(__dirname, "../..");
const committed = readFileSync(join(ROOT, AGREEMENT_SCHEMA_FILE), "utf8");
const shipped = JSON.parse(readFileSync(join(ROOT, "src/agreements/agreement-2020.json"), "utf8")) as Record<string, unknown> & {
  posts: Record<string, unknown>[];
};

function validator() {
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile(agreementJsonSchema());
}

describe("schemas/agreement.schema.json", () => {
  it("is what the zod schema generates today (run `npm run schema` after changing the schema)", () => {
    expect(committed).toBe(agreementJsonSchemaText());
  });

  it("accepts the shipped 2020 agreement, with or without a $schema reference", () => {
    const validate = validator();
    expect(validate(shipped) ? [] : validate.errors).toEqual([]);
    expect(validate({ $schema: "../../schemas/agreement.schema.json", ...shipped })).toBe(true);
  });

  it("refuses what zod refuses field by field: a negative amount, a missing title, a key of no known type", () => {
    const validate = validator();
    const bad = structuredClone(shipped);
    bad.posts[0]!.amount = -1;
    delete bad.posts[1]!.title;
    bad.posts[2]!.key = { type: "population" };
    expect(validate(bad)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(["/posts/0/amount", "/posts/1", "/posts/2/key"]));
  });
});
