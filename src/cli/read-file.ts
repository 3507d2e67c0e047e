import { readFileSync } from "node:fs";
import { SjukError, problem } from "../core/errors";

/** A file's bytes, or a SjukError naming the file and why it cannot be read (exit 2, not a crash). */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = ({ ENOENT: "not-found", EISDIR: "directory", EACCES: "denied" } as const)[
      code as "ENOENT" | "EISDIR" | "EACCES"
    ];
    const detail = (e as Error).message;
    throw new SjukError([problem("file.unreadable", { why: why ?? "other", detail }, { file })]);
  }
}
