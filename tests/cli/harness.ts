import { execFileSync, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";

/** The repository's root: bin/sjuk.js and examples/ are found from it. */
export const ROOT = resolve(__dirname, "../..");
export const EXAMPLES = join(ROOT, "examples");

/**
 * Compiles just the CLI and what it imports (tests/cli/tsconfig.build.json) into dist/, so that
 * `sjukProcess` runs today's code as a user runs it. For a beforeAll (it takes seconds).
 */
export function compileCli(): void {
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", join(__dirname, "tsconfig.build.json")],
    { cwd: ROOT, stdio: "pipe" }
  );
}

/** `node bin/sjuk.js …` as a child process over the compiled dist/, as a user runs it. */
export function sjukProcess(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/sjuk.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `sjuk` in-process: the same program as bin/sjuk.js, with stdout and stderr captured. */
export async function sjukInProcess(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    setExitCode: () => undefined,
  });
  return { code, stdout, stderr };
}
