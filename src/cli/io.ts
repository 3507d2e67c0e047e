import { formatProblem, SjukError } from "../core/errors";

/** Exit codes of `sjuk`: 0 done, 2 bad input or usage (nothing on stdout), 1 an internal fault. */
export const EXIT_OK = 0;
export const EXIT_FAULT = 1;
export const EXIT_BAD_INPUT = 2;

/** How a subcommand hands back its output, so that nothing partial reaches stdout. */
export interface CommandIO {
  /**
   * Runs `produce`, which returns the command's whole output. On success it is written to stdout
   * in one piece; a SjukError prints one line per problem on stderr and sets exit code 2.
   */
  run(produce: () => string | CommandOutput): void;
}

/** A command's output, and notes (such as warnings) for stderr, written only when it succeeds. */
export interface CommandOutput {
  stdout: string;
  stderr?: string;
}

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  setExitCode: (code: number) => void;
}

export function commandIO(streams: Streams): CommandIO {
  return {
    run(produce) {
      let output: string | CommandOutput;
      try {
        output = produce();
      } catch (e) {
        if (e instanceof SjukError) {
          streams.stderr(e.problems.map((p) => `sjuk: ${formatProblem(p)}\n`).join(""));
          streams.setExitCode(EXIT_BAD_INPUT);
          return;
        }
        streams.stderr(
          `sjuk: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
        );
        streams.setExitCode(EXIT_FAULT);
        return;
      }
      const { stdout, stderr } =
        typeof output === "string" ? { stdout: output, stderr: undefined } : output;
      streams.stdout(stdout);
      if (stderr) streams.stderr(stderr);
      streams.setExitCode(EXIT_OK);
    },
  };
}
