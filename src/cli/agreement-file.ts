import { AllocationAgreement, parseAllocationAgreement } from "../agreements/schema";
import { SjukError, problem } from "../core/errors";
import { readInputFile } from "./read-file";

/**
 * An agreement file (the schema of src/agreements/agreement-2020.json, published as
 * schemas/agreement.schema.json), read and validated. Every problem names the file and either
 * the line and column of broken JSON or the field path (`posts[3].amount`) of a wrong value.
 */
export function readAgreementFile(file: string): AllocationAgreement {
  return parseAllocationAgreement(readJsonFile(file), file);
}

/** A JSON file's value; broken JSON is a SjukError with the line and column where it breaks. */
export function readJsonFile(file: string): unknown {
  const text = readInputFile(file)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const detail = message.replace(/ in JSON at position \d+.*$/, "");
    throw new SjukError([
      problem("file.not-json", { detail }, { file, line, column: String(column) }),
    ]);
  }
}

/** 1-based line and column of a character offset (the end of the text for "unexpected end"). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1] ?? "").length + 1 };
}
