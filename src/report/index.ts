/*
 * The decision report ("beslutsunderlag", issue 12 point 8): a scenario's payout per recipient and
 * date with every recipient's calculation steps, as .xlsx (ExcelJS) and PDF (jsPDF). Heavy
 * libraries: the command line and the task pane load this module only when a report is made.
 */
import type { Language } from "../core/language";
import type { ComputeResult } from "../engine/compute";
import type { Scenario } from "../scenarios";
import { decisionReport } from "./model";
import { reportPdf } from "./pdf";
import { reportXlsx } from "./xlsx";

export { decisionReport, money, type DecisionReport } from "./model";
export { pdfText, reportPdf } from "./pdf";
export { reportXlsx } from "./xlsx";

export const REPORT_FORMATS = ["xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MIME: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** The report of a computed scenario as a file's bytes. */
export async function reportFile(
  format: ReportFormat,
  scenario: Scenario,
  result: ComputeResult,
  lang: Language,
  reportDate: string
): Promise<Uint8Array> {
  const report = decisionReport({ scenario, result, lang, reportDate });
  return format === "pdf" ? reportPdf(report) : reportXlsx(report);
}

/** A file name from the scenario's name: "beslutsunderlag-Gotland utan villkor 2.pdf". */
export function reportFileName(scenario: string, format: ReportFormat, lang: Language): string {
  // Characters no file system takes, control characters included.
  const safe =
    [...scenario]
      .map((c) => (/[\\/:*?"<>|]/.test(c) || c < " " ? "_" : c))
      .join("")
      .trim() || "scenario";
  return `${lang === "sv" ? "beslutsunderlag" : "decision-report"}-${safe}.${format}`;
}
