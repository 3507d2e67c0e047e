import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main";

/** The repository's root: bin/sjuk.js and examples/ are found from it. */
export const ROOT = resolve(__dirname, "../..");
export const EXAMPLES = join(ROOT, "examples");

/**
 * Compiles just the CLI and what it imports (tests/cli/tsconfig.build.json) into dist/, so that
 * `sjukProcess` runs today's code as a user runs it. For a beforeAll. Once per jest run (the node
 * project's global setup names the run in SJUK_TEST_RUN): every CLI test file asks for it, and each
 * tsc run costs seconds. A lock keeps two workers from compiling into dist/ at the same time.
 */
export function compileCli(): void {
  const run = process.env.SJUK_TEST_RUN;
  const stamp = join(ROOT, "dist/.compiled-for-test-run");
  withLock(join(ROOT, "test-artifacts/compile-cli.lock"), () => {
    if (run !== undefined && readOrEmpty(stamp) === run) return;
    execFileSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", join(__dirname, "tsconfig.build.json")],
      { cwd: ROOT, stdio: "pipe" }
    );
    if (run !== undefined) writeFileSync(stamp, run);
  });
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Runs `work` holding a lock directory; a lock left for over five minutes is a crashed run's. */
function withLock(lock: string, work: () => void): void {
  mkdirSync(join(lock, ".."), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmdirSync(lock);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    work();
  } finally {
    rmdirSync(lock);
  }
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
