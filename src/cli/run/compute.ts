import { AGREEMENT_2020, type AllocationAgreement } from "../../agreements";
import { compute } from "../../engine/compute";
import { Problem, SjukError, problem } from "../../core/errors";
import { render } from "../../core/messages";
import type { ComputeInputs, ComputeOptions } from "../../engine/inputs";
import { recipientsOf } from "../../engine/recipients";
import { REGION_SET, type RecipientSet } from "../../inputs/region-rows";
import {
  parseContactsTable,
  parseFigureTable,
  parseUnitTable,
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
      if (!(e instanceof SjukError)) throw e;
      for (const p of e.problems) problems.push(p); // no spread: a file may have 200 000 problems
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

/** --body-not-fulfilled names a body's post with a condition ("vidtagit insatser"). */
function notABodyCondition(agreement: AllocationAgreement, id: string): Problem {
  const ids = agreement.posts.filter((p) => p.requiresFulfilment).map((p) => p.id);
  return problem("cli.not-a-body-condition", { id, agreement: agreement.id, ids });
}

/** Who the input files' rows are: the agreement's recipient set (the 21 regions by default). */
function rowsOf(agreement: AllocationAgreement | undefined): RecipientSet {
  return agreement ? recipientsOf(agreement) : REGION_SET;
}

/** The agreement (--agreement FILE or the shipped 2020 one) and every input file. */
export function readInputs(flags: ComputeFlags): {
  agreement: AllocationAgreement;
  inputs: ComputeInputs;
} {
  const { problems, attempt } = gather();
  const agreement =
    flags.agreement !== undefined
      ? attempt(() => readAgreementFile(flags.agreement!))
      : AGREEMENT_2020;
  if (flags.keyDate && !flags.population) {
    problems.push(problem("cli.key-date-without-population", { keyDate: flags.keyDate }));
  }
  const recipients = rowsOf(agreement);
  const key =
    flags.population !== undefined
      ? attempt(() =>
          parsePopulationTable(readCsvGrid(flags.population!), {
            recipients,
            source: flags.population!,
            date: flags.keyDate ?? null,
          })
        )
      : shippedPopulationKey();
  const keys = flags.key.map(({ column, file }) => {
    const figures = attempt(() =>
      parseFigureTable(readCsvGrid(file), { column, counts: false, recipients })
    );
    return [column, figures && { figures, date: key?.date ?? null, source: file }] as const;
  });
  // A blank count is "not reported yet", in every unit column as in the contacts file.
  const units = flags.units.map(({ column, file }) => {
    const read = attempt(() => parseUnitTable(readCsvGrid(file), { column, recipients }));
    return [column, read] as const;
  });
  const contacts =
    flags.contacts !== undefined
      ? attempt(() => parseContactsTable(readCsvGrid(flags.contacts!), recipients))
      : undefined;
  // The fulfilment columns and the per-post rules name posts: they need a readable agreement.
  const fulfilment =
    flags.fulfilment !== undefined && agreement
      ? attempt(() => parseFulfilmentTable(readCsvGrid(flags.fulfilment!), agreement, recipients))
      : undefined;
  if (flags.nonFulfilment && agreement)
    problems.push(...checkRulePosts(flags.nonFulfilment, agreement));
  if (problems.length > 0 || !key || !agreement) throw new SjukError(problems);
  const inputs: ComputeInputs = { key };
  if (keys.length) inputs.keys = Object.fromEntries(keys) as ComputeInputs["keys"];
  if (units.length)
    inputs.units = Object.fromEntries(
      units.map(([column, read]) => [column, read?.counts])
    ) as ComputeInputs["units"];
  const missing = units.filter(([, read]) => read?.notReported);
  if (missing.length)
    inputs.unitsNotReported = Object.fromEntries(
      missing.map(([column, read]) => [column, read!.notReported!])
    );
  if (contacts) inputs.contacts = contacts;
  if (fulfilment) inputs.fulfilment = fulfilment;
  if (flags.decided.length)
    inputs.decided = Object.fromEntries(flags.decided.map((d) => [d.post, d.amount]));
  for (const id of flags.bodyNotFulfilled) {
    const post = agreement.posts.find((p) => p.id === id && p.requiresFulfilment);
    if (!post) throw new SjukError([notABodyCondition(agreement, id)]);
    inputs.fulfilment = { ...inputs.fulfilment, [id]: { [post.recipient]: false } };
  }
  return { agreement, inputs };
}

/**
 * Computes and renders; throws SjukError on bad input, before anything is written. The table
 * and JSON carry the warnings; with CSV they go to stderr, each marked "sjuk: warning:".
 */
export function runCompute(flags: ComputeFlags): CommandOutput {
  const { agreement, inputs } = readInputs(flags);
  const options: ComputeOptions = { redistribution: flags.redistribution, method: flags.method };
  if (flags.nonFulfilment) options.nonFulfilment = flags.nonFulfilment;
  const result = compute(agreement, inputs, options);
  if (flags.format === "json") return { stdout: formatJson(result) };
  if (flags.format === "table") return { stdout: formatTable(result) };
  return {
    stdout: formatCsv(result),
    stderr: result.warnings.map((w) => `sjuk: warning: ${render(w.note)}\n`).join(""),
  };
}
