import { Command, InvalidArgumentError, Option } from "commander";
import { SjukError } from "../../core/errors";
import { isIsoDate } from "../../engine/calendar";
import type { ReportFlags } from "../flags";
import type { CommandIO, CommandOutput } from "../io";

function parseDate(value: string): string {
  const text = value.trim();
  if (!isIsoDate(text))
    throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
  return text;
}

/**
 * `sjuk report`: the command's options only; the work (and ExcelJS, jsPDF) is in ../run/report,
 * loaded when it runs.
 */
export function register(program: Command, io: CommandIO): void {
  program
    .command("report")
    .description(
      "A scenario's decision report (beslutsunderlag): the payout per recipient and date, totals against Table 1 and every recipient's calculation steps, as .xlsx or a printable PDF."
    )
    .argument("<scenario.json>", "a scenario file (schemas/scenario.schema.json)")
    .requiredOption("--out <file>", "the file to write: .xlsx or .pdf")
    .addOption(
      new Option("--format <format>", "xlsx or pdf (default: from --out's ending)").choices([
        "xlsx",
        "pdf",
      ])
    )
    .addOption(
      new Option("--lang <lang>", "the report's language").choices(["sv", "en"]).default("sv")
    )
    .option("--date <YYYY-MM-DD>", "the report's date (default: today)", parseDate)
    .action(async (file: string, flags: ReportFlags) => {
      let outcome: { output: CommandOutput } | { error: unknown };
      try {
        const { writeReport } = await import("../run/report");
        outcome = { output: await writeReport(file, flags) };
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
