import { Command } from "commander";
import type { CommandIO } from "../io";

/**
 * `sjuk agreement check FILE.json`: validates an agreement file (exit 0 and a one-line summary;
 * exit 2 and one line per problem naming the file and the field path, or the line and column
 * of broken JSON). `sjuk agreement list`: the agreements shipped with sjuk. The options only;
 * the work is in ../run/agreement, loaded when it runs.
 */
export function register(program: Command, io: CommandIO): void {
  const agreement = program
    .command("agreement")
    .description(
      "Agreement files: check one (against schemas/agreement.schema.json) or list the shipped ones."
    );
  agreement
    .command("check")
    .description("Check an agreement file; exit 0 with a summary, or exit 2 with every problem")
    .argument("<file.json>", "the agreement file")
    .action(async (file: string) => {
      const { checkAgreement } = await import("../run/agreement");
      io.run(() => checkAgreement(file));
    });
  agreement
    .command("list")
    .description("The agreements shipped with sjuk: id, total and title")
    .action(async () => {
      const { listAgreements } = await import("../run/agreement");
      io.run(() => listAgreements());
    });
}
