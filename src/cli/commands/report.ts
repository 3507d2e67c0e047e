import { Command, InvalidArgumentError, Option } from "commander";
import { isIsoDate } from "../../engine/calendar";
import type { ReportFlags } from "../flags";
import type { CommandIO } from "../io";
import { languageOption, scenarioFileCommand, writingAction } from "./scenario-file";

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
  scenarioFileCommand(
    program,
    "report",
    "A scenario's decision report (beslutsunderlag): the payout per recipient and date, totals against Table 1 and every recipient's calculation steps, as .xlsx or a printable PDF.",
    { flag: "file", description: "the file to write: .xlsx or .pdf" }
  )
    .addOption(
      new Option("--format <format>", "xlsx or pdf (default: from --out's ending)").choices([
        "xlsx",
        "pdf",
      ])
    )
    .addOption(languageOption("the report's language"))
    .option("--date <YYYY-MM-DD>", "the report's date (default: today)", parseDate)
    .action(
      writingAction<ReportFlags>(io, async () => (await import("../run/report")).writeReport)
    );
}
