import { Command, Option } from "commander";
import { SjukError, problem } from "../../core/errors";
import type { CommandIO, CommandOutput } from "../io";

/**
 * What `sjuk report` and `sjuk audit` share: a command that reads a scenario file and writes
 * the file named by --out, in Swedish or English.
 */
export function scenarioFileCommand(
  program: Command,
  name: string,
  description: string,
  out: { flag: string; description: string }
): Command {
  return program
    .command(name)
    .description(description)
    .argument("<scenario.json>", "a scenario file (schemas/scenario.schema.json)")
    .requiredOption(`--out <${out.flag}>`, out.description);
}

export function languageOption(description: string): Option {
  return new Option("--lang <lang>", description).choices(["sv", "en"]).default("sv");
}

/**
 * The command's action: its work is loaded only when it runs; a fault while writing (not a
 * SjukError) is named by the --out file; nothing reaches stdout unless all is written.
 */
export function writingAction<F extends { out: string }>(
  io: CommandIO,
  load: () => Promise<(file: string, flags: F) => Promise<CommandOutput>>
): (file: string, flags: F) => Promise<void> {
  return async (file, flags) => {
    let outcome: { output: CommandOutput } | { error: unknown };
    try {
      const write = await load();
      outcome = { output: await write(file, flags) };
    } catch (e) {
      const named = e instanceof SjukError || !(e instanceof Error);
      outcome = {
        error: named
          ? e
          : new SjukError([problem("file.failed", { detail: e.message }, { file: flags.out })]),
      };
    }
    io.run(() => {
      if ("error" in outcome) throw outcome.error;
      return outcome.output;
    });
  };
}
