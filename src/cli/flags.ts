import type { RedistributionKey } from "../engine/inputs";
import type { Method } from "../engine/methods";

/**
 * The commands' options as commander hands them to their work: shared by the command's
 * declaration (commands/) and its work (run/), which is loaded only when the command runs.
 */

/** The three output formats of `sjuk compute`. */
export const FORMATS = ["table", "csv", "json"] as const;
export type Format = (typeof FORMATS)[number];

/** `lapse`, `share`, or a rule per post id (checked against the agreement when it is loaded). */
export type NonFulfilmentFlag = "lapse" | "share" | Record<string, "lapse" | "share">;

/** `--key elderly=aldre.csv`: another key or unit column of the agreement, from a file. */
export interface ColumnFile {
  column: string;
  file: string;
}

export interface ComputeFlags {
  agreement?: string;
  /** Key columns other than the agreement's own (population), e.g. `elderly`. */
  key: ColumnFile[];
  /** Unit columns of per-unit posts other than contacts, e.g. `visits`. */
  units: ColumnFile[];
  population?: string;
  keyDate?: string;
  fulfilment?: string;
  contacts?: string;
  /** Decided amounts of "högst" posts below their ceiling: `--decided followup=8000000`. */
  decided: { post: string; amount: number }[];
  /** Body posts whose body has not "vidtagit insatser": `--body-not-fulfilled v4-skr`. */
  bodyNotFulfilled: string[];
  redistribution: RedistributionKey;
  method: Method;
  nonFulfilment?: NonFulfilmentFlag;
  format: Format;
}

/** `sjuk calendar`'s output formats and options. */
export const CALENDAR_FORMATS = ["table", "csv", "ics", "json"] as const;
export type CalendarFormat = (typeof CALENDAR_FORMATS)[number];

export interface CalendarFlags {
  from?: string;
  to?: string;
  format: CalendarFormat;
  lang: "sv" | "en";
  yearOnly: "dec31" | "skip";
  /** DTSTAMP of .ics output (tests fix it); default now. */
  stamp?: string;
  /** ics: days before each deadline to remind (default 7); false with --no-reminder. */
  reminder?: number | false;
}

/** `sjuk compare`'s options. */
export interface CompareFlags {
  base?: string;
  format: Format;
}

/** `sjuk report`'s options. */
export interface ReportFlags {
  out: string;
  format?: "xlsx" | "pdf";
  lang: "sv" | "en";
  /** The report's date, YYYY-MM-DD; default today. */
  date?: string;
}

/** `sjuk audit`'s options. */
export interface AuditFlags {
  out: string;
  lang: "sv" | "en";
}
