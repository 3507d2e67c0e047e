import type { Language } from "./language";
import { Message, MessageCode, MessageParams, message, render } from "./messages";

/** Where a problem is: a file and line/column (CLI), a sheet and cell (workbook), or a field path (data). */
export interface Location {
  file?: string;
  sheet?: string;
  line?: number;
  column?: string;
  cell?: string;
  field?: string;
}

/**
 * A problem for a user: a message code with its parameters (src/core/messages) and where it is.
 * Its text, in either language, comes from the catalogues (`problemText`); nothing reads it back.
 */
export type Problem = Message & { where?: Location };

/** Makes a problem; the compiler checks the parameters against the code. */
export function problem<C extends MessageCode>(
  code: C,
  params: MessageParams[C],
  where?: Location
): Problem {
  const m = message(code, params);
  return where ? { ...m, where } : m;
}

/** A problem whose code is still to be given: its English and (optional) Swedish text. */
export function textProblem(en: string, where?: Location, sv?: string): Problem {
  return problem("text", sv === undefined ? { en } : { en, sv }, where);
}

/** A problem's text in a language (English by default), without its location. */
export function problemText(p: Problem, lang: Language = "en"): string {
  return render(p, lang);
}

const LOCATION_WORDS: Record<Language, { line: string; column: string }> = {
  en: { line: "line", column: "column" },
  sv: { line: "rad", column: "kolumn" },
};

/** "file.csv, line 4, column region" / "Befolkning!C15" / "posts[3].amount". */
export function describeLocation(where: Location | undefined, lang: Language = "en"): string {
  if (!where) return "";
  const words = LOCATION_WORDS[lang];
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet && where.cell) parts.push(`${where.sheet}!${where.cell}`);
  else if (where.sheet) parts.push(where.sheet);
  else if (where.cell) parts.push(where.cell);
  if (where.line !== undefined) parts.push(`${words.line} ${where.line}`);
  if (where.column) parts.push(`${words.column} ${where.column}`);
  if (where.field) parts.push(where.field);
  return parts.join(", ");
}

/** "Befolkning!C15: …", in English unless asked otherwise (the CLI, SjukError's message). */
export function formatProblem(p: Problem, lang: Language = "en"): string {
  const where = describeLocation(p.where, lang);
  const text = problemText(p, lang);
  return where ? `${where}: ${text}` : text;
}

/** What went wrong, in a language: a SjukError's problems, each with its place; else the error's message. */
export function errorText(e: unknown, lang: Language = "en"): string {
  if (e instanceof SjukError) return e.problems.map((p) => formatProblem(p, lang)).join("; ");
  return e instanceof Error ? e.message : String(e);
}

/**
 * The one error type of the project. It carries every problem found, not just the first,
 * so that a user can fix a whole file or sheet in one go. Its `message` is the English text
 * (logs, the CLI); hosts render `problems` in the user's language.
 */
export class SjukError extends Error {
  readonly problems: Problem[];

  constructor(problems: readonly Problem[] | string) {
    const list = typeof problems === "string" ? [textProblem(problems)] : [...problems];
    super(list.map((p) => formatProblem(p)).join("\n"));
    this.name = "SjukError";
    this.problems = list;
  }
}

/** Collects problems while validating, then throws them together. */
export class ProblemList {
  readonly problems: Problem[] = [];

  /** A coded problem, or (until its code is given) an English text with an optional Swedish one. */
  add(p: Problem | string, where?: Location, sv?: string): void {
    this.problems.push(typeof p === "string" ? textProblem(p, where, sv) : p);
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new SjukError(this.problems);
  }
}

/** A file the system would not open (a Node.js error with its code), as `file.unreadable` says it. */
export function unreadableFile(e: unknown, file: string): SjukError {
  const code = (e as { code?: string }).code;
  const why = ({ ENOENT: "not-found", EISDIR: "directory", EACCES: "denied" } as const)[
    code as "ENOENT" | "EISDIR" | "EACCES"
  ];
  const detail = (e as Error).message;
  return new SjukError([problem("file.unreadable", { why: why ?? "other", detail }, { file })]);
}
