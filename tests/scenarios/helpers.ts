import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { csvGrid } from "../../src/cli/read-csv";
import { parsePopulationTable } from "../../src/inputs/region-table";
import type { ScenarioContext } from "../../src/scenarios";

export const EXAMPLES = join(__dirname, "../../examples");
export const FIXTURES = join(__dirname, "fixtures");

/** The context the CLI gives: files beside the scenario file. */
export function contextFor(file: string): ScenarioContext {
  const at = (p: string) => join(dirname(file), p);
  return {
    file,
    readText: (p) => readFileSync(at(p), "utf8"),
    readKeyTable: (p, date) =>
      parsePopulationTable(csvGrid(readFileSync(at(p), "utf8"), p), { source: p, date }),
  };
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}
