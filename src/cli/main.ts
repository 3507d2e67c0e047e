import { Command, CommanderError } from "commander";
import * as commands from "./commands";
import { CommandIO, EXIT_BAD_INPUT, Streams, commandIO } from "./io";

export type { CommandIO } from "./io";

/** A subcommand module's entry: adds its command (with `program.command(...)`) to the program. */
export type RegisterCommand = (program: Command, io: CommandIO) => void;

const REGISTRATIONS: Record<string, RegisterCommand> = commands;

/** The `sjuk` program with every subcommand of src/cli/commands registered. */
export function buildProgram(io: CommandIO, streams?: Pick<Streams, "stdout" | "stderr">): Command {
  const program = new Command("sjuk")
    .description(
      "The money of the state–SKR sick-leave agreements (2020: 944 000 000 kr), computed exactly in whole kronor."
    )
    .showHelpAfterError("(sjuk --help shows the options)")
    .exitOverride();
  if (streams) program.configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
  for (const register of Object.values(REGISTRATIONS)) register(program, io);
  return program;
}

/** Runs `sjuk` with the given arguments (without node and the script); resolves to the exit code. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  let exitCode = 0;
  const io = commandIO({ ...streams, setExitCode: (code) => (exitCode = code) });
  const program = buildProgram(io, streams);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    // Help and version exit 0; every usage fault (unknown option, bad choice, bad value) exits 2.
    return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  return exitCode;
}

/** Runs `sjuk` on this process's arguments and streams; sets process.exitCode. */
export function runProcess(): Promise<void> {
  return main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    setExitCode: () => undefined,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `sjuk: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
      );
      process.exitCode = 1;
    }
  );
}
