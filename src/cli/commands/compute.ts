import { METHODS, Method } from "../../engine/methods";
import { isIsoDate } from "../../engine/calendar";
import { Command, InvalidArgumentError, Option } from "commander";
import { AGREEMENT_2020 } from "../../agreements";
import { compute } from "../../engine/compute";
import { Problem, SjukError, problem } from "../../core/errors";
import {
  ComputeInputs,
  ComputeOptions,
  REDISTRIBUTION_KEYS,
  RedistributionKey,
} from "../../engine/inputs";
import {
  parseContactsTable,
  parseFulfilmentTable,
  parsePopulationTable,
  regionalPostIds,
} from "../../inputs/region-table";
import { shippedPopulationKey } from "../../reference/population";
import { FORMATS, Format, formatCsv, formatJson, formatTable } from "../output";
import { readCsvGrid } from "../read-csv";
import type { CommandIO, CommandOutput } from "../io";

export interface ComputeFlags {
  population?: string;
  keyDate?: string;
  fulfilment?: string;
  contacts?: string;
  redistribution: RedistributionKey;
  method: Method;
  nonFulfilment?: ComputeOptions["nonFulfilment"];
  format: Format;
}

/**
 * `--non-fulfilment lapse`, `share`, or per post: `v1=share,v4=lapse`. Only the agreement's
 * regional posts take a rule.
 */
export function parseNonFulfilment(value: string): NonNullable<ComputeOptions["nonFulfilment"]> {
  const text = value.trim();
  if (text === "lapse" || text === "share") return text;
  const ids = regionalPostIds(AGREEMENT_2020);
  const rules: Record<string, "lapse" | "share"> = {};
  const faults: string[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    const m = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part);
    if (!m) {
      faults.push(`"${part}" is not post=rule`);
      continue;
    }
    const [, id, rule] = m as unknown as [string, string, string];
    if (!ids.includes(id)) faults.push(`"${id}" is not a regional post (${ids.join(", ")})`);
    else if (rule !== "lapse" && rule !== "share")
      faults.push(`"${rule}" for ${id} is not lapse or share`);
    else if (id in rules) faults.push(`${id} is given twice`);
    else rules[id] = rule;
  }
  if (faults.length > 0)
    throw new InvalidArgumentError(
      `${faults.join("; ")}. Use lapse, share, or post=rule pairs such as v1=share,v4=lapse.`
    );
  return rules;
}

function parseKeyDate(value: string): string {
  if (!isIsoDate(value.trim()))
    throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
  return value.trim();
}

/** Reads every input file, gathering the problems of all of them before giving up. */
export function readInputs(flags: ComputeFlags): ComputeInputs {
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
  const fulfilment = flags.fulfilment
    ? attempt(() => parseFulfilmentTable(readCsvGrid(flags.fulfilment!), AGREEMENT_2020))
    : undefined;
  if (problems.length > 0 || !key) throw new SjukError(problems);
  return { key, ...(contacts ? { contacts } : {}), ...(fulfilment ? { fulfilment } : {}) };
}

/**
 * Computes and renders; throws SjukError on bad input, before anything is written. The table
 * and JSON carry the warnings; with CSV they go to stderr, each marked "sjuk: warning:".
 */
export function runCompute(flags: ComputeFlags): CommandOutput {
  const inputs = readInputs(flags);
  const options: ComputeOptions = { redistribution: flags.redistribution, method: flags.method };
  if (flags.nonFulfilment) options.nonFulfilment = flags.nonFulfilment;
  const result = compute(AGREEMENT_2020, inputs, options);
  if (flags.format === "json") return { stdout: formatJson(result) };
  if (flags.format === "table") return { stdout: formatTable(result) };
  return {
    stdout: formatCsv(result),
    stderr: result.warnings.map((w) => `sjuk: warning: ${w.message}\n`).join(""),
  };
}

export function register(program: Command, io: CommandIO): void {
  program
    .command("compute")
    .description(
      "Every krona of the 2020 agreement (944 000 000 kr) per post, recipient and payout date."
    )
    .option(
      "--population <file.csv>",
      "population key: columns region;befolkning (optionally datum). Default: SCB's figures of 31 Dec 2019 shipped with sjuk"
    )
    .option(
      "--key-date <YYYY-MM-DD>",
      "the date the --population figures refer to (when the file has no date column)",
      parseKeyDate
    )
    .option(
      "--fulfilment <file.csv>",
      "whether each region fulfils each condition: columns region;v1;v2;v3;v3-contacts;v4 with ja/nej"
    )
    .option(
      "--contacts <file.csv>",
      "villkor 3 counts: columns region;kontakter, optionally treatments per area and sex"
    )
    .addOption(
      new Option("--redistribution <key>", "how contact money left under the caps is redistributed")
        .choices(REDISTRIBUTION_KEYS)
        .default("population")
    )
    .addOption(
      new Option("--method <method>", "how whole kronor are found in every split by a key")
        .choices(METHODS)
        .default("hamilton")
    )
    .option(
      "--non-fulfilment <rule>",
      "a non-fulfilling region's share: lapse, share, or per post (v1=share,v4=lapse). Default: the agreement's rule per post",
      parseNonFulfilment
    )
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .action((flags: ComputeFlags) => {
      io.run(() => runCompute(flags));
    });
}
