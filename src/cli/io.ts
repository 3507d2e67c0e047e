import { InvalidArgumentError } from "commander";
import { Problem, formatProblem, SjukError } from "../core/errors";
import { printable } from "../inputs/cells";
import { LIMITS, grouped } from "../inputs/limits";

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
          streams.stderr(problemLines(e.problems));
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

/** A message as one terminal line: any control character left in it written as an escape. */
export function oneLine(text: string): string {
  return printable(text, Infinity);
}

/**
 * The problems for stderr, one line each, at most LIMITS.problems of them and then how many
 * more there are: a file with 200 000 faults gives a readable answer, not a flood.
 */
export function problemLines(problems: readonly Problem[]): string {
  const shown = problems.slice(0, LIMITS.problems);
  let text = shown.map((p) => `sjuk: ${oneLine(formatProblem(p))}\n`).join("");
  const rest = problems.length - shown.length;
  if (rest > 0)
    text += `sjuk: … and ${grouped(rest)} more ${rest === 1 ? "problem" : "problems"} not listed (at most ${LIMITS.problems} are)\n`;
  return text;
}

/**
 * An option's value parser that refuses an empty value: `--fulfilment ""` must not act as if
 * the option were absent.
 */
export function nonEmpty(option: string, what: string): (value: string) => string {
  return (value) => {
    if (value.trim() === "")
      throw new InvalidArgumentError(`${option} was given an empty value; give ${what}.`);
    return value;
  };
}
