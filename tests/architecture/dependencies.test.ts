import { execFileSync } from "node:child_process";
import { join } from "node:path";

/*
 * The dependency direction as a test (README: "How it is built"): dependency-cruiser checks src/
 * against .dependency-cruiser.js, whose rules forbid any cycle and any import from a lower layer
 * into a higher one (core, agreements, engine, reference/inputs, functions, workbook,
 * taskpane/cli, preview). A planted fixture proves that the rules do fail when they should.
 */

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const CONFIG = join(ROOT, ".dependency-cruiser.js");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** The violations dependency-cruiser finds in `dir`/src (its exit code is the count, so read its JSON). */
function violations(dir: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [CLI, "src", "--config", CONFIG, "--output-type", "json"],
      {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }
    );
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? "";
    if (!out) throw e;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe("the dependency graph", () => {
  it("src/ has no cycle and no upward import", () => {
    const found = violations(ROOT).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual([]);
  }, 60_000);

  it("the rules catch a cycle and an upward import (a planted fixture)", () => {
    const found = violations(join(__dirname, "fixture"))
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
      .sort();
    expect(found).toEqual([
      "no-circular: src/core/a.js → src/core/b.js",
      "no-upward-from-engine: src/engine/upward.js → src/workbook/sheet.js",
    ]);
  }, 60_000);
});
