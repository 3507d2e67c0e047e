/** The most characters of a cell's text an error message quotes. */
const SHOWN_CHARS = 60;

/**
 * A user's text made safe for a one-line message: control characters, line and paragraph
 * separators written as escapes (\n, \u0007), so that a quoted newline in a cell can neither
 * split a message line nor forge one; a long text cut to SHOWN_CHARS characters with "…".
 */
export function printable(text: string, max = SHOWN_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === "\n"
      ? "\\n"
      : c === "\r"
        ? "\\r"
        : c === "\t"
          ? "\\t"
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

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
 * A problem for a user. `message` is English (the CLI, the custom functions, logs); `sv` is the
 * same in Swedish where the problem is made, for the task pane when it is in Swedish.
 */
export interface Problem {
  message: string;
  sv?: string;
  where?: Location;
}

/** The languages a problem may be shown in. */
export type ProblemLanguage = "sv" | "en";

/** A problem's text in a language: its Swedish text when asked for Swedish and it has one, else the English. */
export function problemText(problem: Problem, lang: ProblemLanguage = "en"): string {
  return lang === "sv" && problem.sv ? problem.sv : problem.message;
}

export function describeLocation(where: Location | undefined): string {
  if (!where) return "";
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet && where.cell) parts.push(`${where.sheet}!${where.cell}`);
  else if (where.sheet) parts.push(where.sheet);
  else if (where.cell) parts.push(where.cell);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.column) parts.push(`column ${where.column}`);
  if (where.field) parts.push(where.field);
  return parts.join(", ");
}

/** "Befolkning!C15: …" in English (the CLI, SjukError's message). */
export function formatProblem(problem: Problem): string {
  const where = describeLocation(problem.where);
  return where ? `${where}: ${problem.message}` : problem.message;
}

/**
 * The engine's only error type. It carries every problem found, not just the first,
 * so that a user can fix a whole file or sheet in one go.
 */
export class SjukError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[] | string) {
    const list = typeof problems === "string" ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join("\n"));
    this.name = "SjukError";
    this.problems = list;
  }
}

/** Collects problems while validating, then throws them together. */
export class ProblemList {
  readonly problems: Problem[] = [];

  add(message: string, where?: Location): void {
    this.problems.push(where ? { message, where } : { message });
  }

  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new SjukError(this.problems);
  }
}
