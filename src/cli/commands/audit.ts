import { Command, Option } from "commander";
import { SjukError } from "../../core/errors";
import type { AuditFlags } from "../flags";
import type { CommandIO, CommandOutput } from "../io";

/** `sjuk audit`: the command's options only; the work is in ../run/audit, loaded when it runs. */
export function register(program: Command, io: CommandIO): void {
  program
    .command("audit")
    .description(
      "A scenario's audit trail as a workbook: per post and recipient the weight, share, exact amount, floor, remainder rank, rounding, each redistribution round and the rule, with SUM formulas that give the result."
    )
    .argument("<scenario.json>", "a scenario file (schemas/scenario.schema.json)")
    .requiredOption("--out <file.xlsx>", "the workbook to write")
    .addOption(
      new Option("--lang <lang>", "the sheet's language").choices(["sv", "en"]).default("sv")
    )
    .action(async (file: string, flags: AuditFlags) => {
      let outcome: { output: CommandOutput } | { error: unknown };
      try {
        const { writeAudit } = await import("../run/audit");
        outcome = { output: await writeAudit(file, flags) };
      } catch (e) {
        outcome = {
          error:
            e instanceof SjukError || !(e instanceof Error)
              ? e
              : new SjukError(`${flags.out}: ${e.message}`),
        };
      }
      io.run(() => {
        if ("error" in outcome) throw outcome.error;
        return outcome.output;
      });
    });
}
