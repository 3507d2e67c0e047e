import { Command, Option } from "commander";
import { FORMATS, type CompareFlags } from "../flags";
import type { CommandIO } from "../io";

/** `sjuk compare`: the command's options only; the work is in ../run/compare, loaded when it runs. */
export function register(program: Command, io: CommandIO): void {
  program
    .command("compare")
    .description(
      "Scenarios side by side: each scenario's payment per post and recipient, and its difference in kronor and per cent against a base scenario."
    )
    .argument("<scenario.json...>", "scenario files (schemas/scenario.schema.json)")
    .option("--base <name>", "the scenario the others are compared with (default: the first)")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .action(async (files: string[], flags: CompareFlags) => {
      const { runCompare } = await import("../run/compare");
      io.run(() => runCompare(files, flags));
    });
}
