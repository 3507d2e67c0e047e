import { dirname, resolve } from "node:path";
import { Problem, SjukError } from "../../core/errors";
import { render } from "../../core/messages";
import { compute } from "../../engine/compute";
import { parsePopulationTable } from "../../inputs/region-table";
import {
  compareScenarios,
  resolveScenario,
  type NamedResult,
  type ResolvedScenario,
} from "../../scenarios";
import type { CommandOutput } from "../io";
import { formatCompareCsv, formatCompareJson, formatCompareTable } from "../compare-output";
import { readJsonFile } from "../agreement-file";
import type { CompareFlags } from "../flags";
import { csvGrid, decode } from "../read-csv";
import { readInputFile } from "../read-file";

/** A text file, UTF-8 or (as older Swedish Excel saves CSV) Windows-1252; unreadable: a problem naming it. */
const readText = (file: string): string => decode(readInputFile(file));

/** The work of `sjuk compare` and `sjuk audit`, loaded when they run. */

/** A scenario file, its agreement and key files read beside it (paths relative to it). */
export function readScenario(file: string): ResolvedScenario {
  const data = readJsonFile(file);
  const beside = (path: string) => resolve(dirname(file), path);
  return resolveScenario(data, {
    file,
    readText: (path) => readText(beside(path)),
    readKeyTable: (path, date) =>
      parsePopulationTable(csvGrid(readText(beside(path)), path), { source: path, date }),
  });
}

/** Every scenario file read and computed; the problems of all of them together. */
export function computeScenarios(files: readonly string[]): NamedResult[] {
  const problems: Problem[] = [];
  const results: NamedResult[] = [];
  for (const file of files) {
    try {
      const { scenario, agreement, inputs, options } = readScenario(file);
      results.push({ name: scenario.name, result: compute(agreement, inputs, options) });
    } catch (e) {
      if (!(e instanceof SjukError)) throw e;
      // The engine's problems do not know the file: name it.
      problems.push(
        ...e.problems.map((p) => (p.where?.file ? p : { ...p, where: { ...p.where, file } }))
      );
    }
  }
  if (problems.length > 0) throw new SjukError(problems);
  return results;
}

export function runCompare(files: readonly string[], flags: CompareFlags): CommandOutput {
  const comparison = compareScenarios(computeScenarios(files), flags.base);
  if (flags.format === "json") return { stdout: formatCompareJson(comparison) };
  if (flags.format === "table") return { stdout: formatCompareTable(comparison) };
  const warnings = comparison.scenarios.flatMap((s) =>
    s.result.warnings.map((w) => `sjuk: warning: ${s.name}: ${render(w.note)}\n`)
  );
  return { stdout: formatCompareCsv(comparison), stderr: warnings.join("") };
}
