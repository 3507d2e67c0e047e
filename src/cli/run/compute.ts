import { AGREEMENT_2020, type AllocationAgreement } from "../../agreements";
import { compute } from "../../engine/compute";
import { Problem, SjukError, problem } from "../../core/errors";
import type { ComputeInputs, ComputeOptions } from "../../engine/inputs";
import {
  parseContactsTable,
  parseFulfilmentTable,
  parsePopulationTable,
  regionalPostIds,
} from "../../inputs/region-table";
import { shippedPopulationKey } from "../../reference/population";
import { readAgreementFile } from "../agreement-file";
import type { CommandOutput } from "../io";
import { formatCsv, formatJson, formatTable } from "../output";
import { readCsvGrid } from "../read-csv";
import type { ComputeFlags, NonFulfilmentFlag } from "../flags";

/** The work of `sjuk compute`, loaded only when that command runs (see ../commands/compute). */

/** Every problem of every input (agreement file, CSV files, options) is gathered before giving up. */
function gather() {
  const problems: Problem[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (e instanceof SjukError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };
  return { problems, attempt };
}

/** Per-post rules must name the agreement's regional posts. */
function checkRulePosts(rules: NonFulfilmentFlag, agreement: AllocationAgreement): Problem[] {
  if (typeof rules === "string") return [];
  const ids = regionalPostIds(agreement);
  return Object.keys(rules)
    .filter((id) => !ids.includes(id))
    .map((id) => problem("cli.not-a-regional-post", { id, agreement: agreement.id, ids }));
}

/** The agreement (--agreement FILE or the shipped 2020 one) and every input file. */
export function readInputs(flags: ComputeFlags): {
  agreement: AllocationAgreement;
  inputs: ComputeInputs;
} {
  const { problems, attempt } = gather();
  const agreement = flags.agreement
    ? attempt(() => readAgreementFile(flags.agreement!))
    : AGREEMENT_2020;
  if (flags.keyDate && !flags.population) {
    problems.push(problem("cli.key-date-without-population", { keyDate: flags.keyDate }));
  }
  const key = flags.population
    ? attempt(() =>
        parsePopulationTable(readCsvGrid(flags.population!), {
          source: flags.population!,
          date: flags.keyDate ?? null,
        })
      )
    : shippedPopulationKey();
  const contacts = flags.contacts
    ? attempt(() => parseContactsTable(readCsvGrid(flags.contacts!)))
    : undefined;
  // The fulfilment columns and the per-post rules name posts: they need a readable agreement.
  const fulfilment =
    flags.fulfilment && agreement
      ? attempt(() => parseFulfilmentTable(readCsvGrid(flags.fulfilment!), agreement))
      : undefined;
  if (flags.nonFulfilment && agreement)
    problems.push(...checkRulePosts(flags.nonFulfilment, agreement));
  if (problems.length > 0 || !key || !agreement) throw new SjukError(problems);
  return {
    agreement,
    inputs: { key, ...(contacts ? { contacts } : {}), ...(fulfilment ? { fulfilment } : {}) },
  };
}

/**
 * Computes and renders; throws SjukError on bad input, before anything is written. The table
 * and JSON carry the warnings; with CSV they go to stderr, each marked "sjuk: warning:".
 */
export function runCompute(flags: ComputeFlags): CommandOutput {
  const { agreement, inputs } = readInputs(flags);
  const options: ComputeOptions = { redistribution: flags.redistribution };
  if (flags.nonFulfilment) options.nonFulfilment = flags.nonFulfilment;
  const result = compute(agreement, inputs, options);
  if (flags.format === "json") return { stdout: formatJson(result) };
  if (flags.format === "table") return { stdout: formatTable(result) };
  return {
    stdout: formatCsv(result),
    stderr: result.warnings.map((w) => `sjuk: warning: ${w.message}\n`).join(""),
  };
}
