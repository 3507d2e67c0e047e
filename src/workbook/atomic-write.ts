import { promises as fs, rmSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { SjukError, problem } from "../core/errors";

/*
 * Writing a workbook so that nothing is lost: the bytes go to a temporary file beside the target,
 * which is renamed over it only when complete. A failure, or a signal (Ctrl-C, SIGTERM, a closed
 * terminal) during the write, removes the temporary file; the signal then ends the process as it
 * would have. The target is always either the old file or the whole new one.
 */

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function writeAtomically(
  path: string,
  write: (temp: string) => Promise<void>
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const unlisten = () => SIGNALS.forEach((s) => process.removeListener(s, onSignal));
  function onSignal(signal: NodeJS.Signals) {
    unlisten();
    rmSync(temp, { force: true });
    process.kill(process.pid, signal); // no listener left: the default action ends the process
  }
  SIGNALS.forEach((s) => process.once(s, onSignal));
  try {
    await write(temp);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new SjukError([problem("cli.cannot-write", { path, detail: (e as Error).message })]);
  } finally {
    unlisten();
  }
}

/** The same file on disk (through any path or link); when one does not exist, the same path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}
