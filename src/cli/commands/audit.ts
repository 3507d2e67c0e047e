import type { Command } from "commander";
import type { AuditFlags } from "../flags";
import type { CommandIO } from "../io";
import { languageOption, scenarioFileCommand, writingAction } from "./scenario-file";

/** `sjuk audit`: the command's options only; the work is in ../run/audit, loaded when it runs. */
export function register(program: Command, io: CommandIO): void {
  scenarioFileCommand(
    program,
    "audit",
    "A scenario's audit trail as a workbook: per post and recipient the weight, share, exact amount, floor, remainder rank, rounding, each redistribution round and the rule, with SUM formulas that give the result.",
    { flag: "file.xlsx", description: "the workbook to write" }
  )
    .addOption(languageOption("the sheet's language"))
    .action(writingAction<AuditFlags>(io, async () => (await import("../run/audit")).writeAudit));
}
