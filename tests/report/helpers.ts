import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { compute } from "../../src/engine/compute";
import { resolveScenario, type Scenario } from "../../src/scenarios";
import { contextFor, readJson } from "../scenarios/helpers";

export const EXAMPLES = join(__dirname, "../../examples");

/** An example scenario file, resolved and computed as the command line does. */
export function computed(file: string): { scenario: Scenario; result: ReturnType<typeof compute> } {
  const path = join(EXAMPLES, file);
  const r = resolveScenario(readJson(path), contextFor(path));
  return { scenario: r.scenario, result: compute(r.agreement, r.inputs, r.options) };
}

/** The text of each page of a PDF file, extracted by pdf.js (tests/report/pdf-text.mjs). */
export function pdfPages(file: string): string[] {
  const out = execFileSync(process.execPath, [join(__dirname, "pdf-text.mjs"), file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as string[];
}
