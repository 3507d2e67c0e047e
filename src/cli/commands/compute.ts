import { Command, InvalidArgumentError, Option } from "commander";
import { isIsoDate } from "../../engine/calendar";
import { REDISTRIBUTION_KEYS } from "../../engine/inputs";
import { METHODS } from "../../engine/methods";
import { FORMATS, type ColumnFile, type ComputeFlags, type NonFulfilmentFlag } from "../flags";
import { nonEmpty } from "../io";
import type { CommandIO } from "../io";

/**
 * `sjuk compute`: the command's options only. The work (agreements, engine, input readers,
 * output) is in ../run/compute, loaded when the command runs, so that `sjuk --help` and the
 * other commands do not load it, and `compute` loads nothing the other commands need.
 */

/**
 * `--non-fulfilment lapse`, `share`, or per post: `v1=share,v4=lapse`. Which ids are regional
 * posts depends on the agreement (--agreement), so run/compute checks the ids.
 */
export function parseNonFulfilment(value: string): NonFulfilmentFlag {
  const text = value.trim();
  if (text === "lapse" || text === "share") return text;
  const rules: Record<string, "lapse" | "share"> = {};
  const faults: string[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    const m = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part);
    if (!m) {
      faults.push(`"${part}" is not post=rule`);
      continue;
    }
    const [, id, rule] = m as unknown as [string, string, string];
    if (rule !== "lapse" && rule !== "share")
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

/** `column=file.csv`, for --key and --units (each may be given more than once). */
function columnFile(option: string) {
  return (value: string, previous: ColumnFile[]): ColumnFile[] => {
    const m = /^([a-z][a-z0-9-]*)=(.+)$/.exec(value.trim());
    if (!m)
      throw new InvalidArgumentError(
        `"${value}" is not column=file.csv (e.g. ${option} ${option === "--key" ? "elderly=aldre.csv" : "visits=besok.csv"}).`
      );
    return [...previous, { column: m[1]!, file: m[2]! }];
  };
}

/** `post=kronor` for --decided: whole kronor, digits with or without spaces ("9 600 000"). */
function decided(value: string, previous: ComputeFlags["decided"]): ComputeFlags["decided"] {
  const m = /^([a-z0-9-]+)=(\d[\d \u00a0]*)$/.exec(value.trim());
  if (!m)
    throw new InvalidArgumentError(
      `"${value}" is not post=kronor in whole kronor (e.g. --decided dev-fk=8000000).`
    );
  const amount = Number(m[2]!.replace(/[ \u00a0]/g, ""));
  if (!Number.isSafeInteger(amount))
    throw new InvalidArgumentError(`"${value}": ${m[2]} kr is too large to be exact.`);
  return [...previous, { post: m[1]!, amount }];
}

function repeat(value: string, previous: string[]): string[] {
  return [...previous, value.trim().toLowerCase()];
}

function parseKeyDate(value: string): string {
  if (!isIsoDate(value.trim()))
    throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
  return value.trim();
}

export function register(program: Command, io: CommandIO): void {
  program
    .command("compute")
    .description(
      "Every krona of an agreement per post, recipient and payout date (default: the 2020 agreement, 944 000 000 kr)."
    )
    .option(
      "--agreement <file.json>",
      "the agreement to compute: a file in the schema of schemas/agreement.schema.json. Default: the shipped 2020 agreement",
      nonEmpty("--agreement", "a JSON file")
    )
    .option(
      "--population <file.csv>",
      "population key: columns region;befolkning (optionally datum). Default: SCB's figures of 31 Dec 2019 shipped with sjuk",
      nonEmpty("--population", "a CSV file")
    )
    .option(
      "--key <column=file.csv>",
      "another key column the agreement's posts name (e.g. elderly=aldre.csv: columns region;elderly); repeatable",
      columnFile("--key"),
      []
    )
    .option(
      "--units <column=file.csv>",
      "units counted for a per-unit post other than contacts (e.g. visits=besok.csv: columns region;visits); repeatable",
      columnFile("--units"),
      []
    )
    .option(
      "--key-date <YYYY-MM-DD>",
      "the date the --population figures refer to (when the file has no date column)",
      parseKeyDate
    )
    .option(
      "--fulfilment <file.csv>",
      "whether each region fulfils each condition: columns region;v1;v2;v3;v3-contacts;v4 with ja/nej",
      nonEmpty("--fulfilment", "a CSV file")
    )
    .option(
      "--contacts <file.csv>",
      "villkor 3 counts: columns region;kontakter, optionally treatments per area and sex",
      nonEmpty("--contacts", "a CSV file")
    )
    .option(
      "--decided <post=kronor>",
      'a "högst" post\'s decided amount, at most its ceiling (e.g. dev-fk=8000000); repeatable',
      decided,
      []
    )
    .option(
      "--body-not-fulfilled <post>",
      "a body's post whose body has not carried out its part (vidtagit insatser), e.g. v4-skr: not paid; repeatable",
      repeat,
      []
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
    .action(async (flags: ComputeFlags) => {
      const { runCompute } = await import("../run/compute");
      io.run(() => runCompute(flags));
    });
}
