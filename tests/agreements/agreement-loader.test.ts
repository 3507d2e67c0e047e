import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * scripts/agreement-loader.js, the build-time check of the shipped agreements, run as webpack
 * runs a loader: `this.importModule` loads the checker (here through jest's TypeScript transform).
 */
const ROOT = resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require(join(ROOT, "scripts/agreement-loader.js")) as (this: unknown, source: string) => void;

function load(file: string, source: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    loader.call(
      {
        resourcePath: join(ROOT, file),
        async: () => (error: Error | null, code?: string) => (error ? reject(error) : resolvePromise(code!)),
        importModule: (request: string) => Promise.resolve(require(request)),
      },
      source
    );
  });
}

const shippedText = readFileSync(join(ROOT, "src/agreements/agreement-2020.json"), "utf8");

describe("the build-time check of the shipped agreements (scripts/agreement-loader.js)", () => {
  it("emits the agreement as parsed by its zod schema (the $schema reference dropped)", async () => {
    const code = await load("src/agreements/agreement-2020.json", shippedText);
    expect(code.startsWith("export default {")).toBe(true);
    const data = JSON.parse(code.slice("export default ".length).replace(/;\n$/, "")) as Record<string, unknown>;
    expect(data.id).toBe("sjuk-2020");
    expect(data.total).toBe(944_000_000);
    expect("$schema" in data).toBe(false);
  });

  it("checks the grant decision by its own schema", async () => {
    const text = readFileSync(join(ROOT, "src/agreements/assignment-2024.json"), "utf8");
    const code = await load("src/agreements/assignment-2024.json", text);
    expect(code).toContain('"kind":"grant"');
  });

  it("fails the build with every problem of a file that does not pass, naming file and field", async () => {
    const bad = JSON.parse(shippedText) as { posts: { amount: number }[] };
    bad.posts[0]!.amount = -1;
    await expect(load("src/agreements/agreement-2020.json", JSON.stringify(bad))).rejects.toThrow(
      "src/agreements/agreement-2020.json does not pass its schema:\nsrc/agreements/agreement-2020.json, posts[0].amount: must not be negative\nsrc/agreements/agreement-2020.json, total: the posts add up to 843 999 999 kr, not the stated total 944 000 000 kr"
    );
    await expect(load("src/agreements/x.json", "{ nope")).rejects.toThrow("src/agreements/x.json: not valid JSON");
    await expect(load("src/agreements/x.json", '{ "kind": "loan" }')).rejects.toThrow('src/agreements/x.json, kind: kind must be "allocation" or "grant"');
  });
});
