import { readFileSync } from "node:fs";
import { SjukError } from "../engine/errors";

/** A file's bytes, or a SjukError naming the file and why it cannot be read (exit 2, not a crash). */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new SjukError([{ message: `cannot read the file: ${why}`, where: { file } }]);
  }
}
