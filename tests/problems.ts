/** The problems a call refuses with, for tests of what is refused and how it is worded. */
import { Problem, SjukError } from "../src/core/errors";

/** The problems of the SjukError that `run` throws; anything else thrown, or a result, fails. */
export function thrownProblems(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof SjukError) return e.problems;
    throw e;
  }
  throw new Error("expected a SjukError, got a result");
}
