import ExcelJS from "exceljs";
import type { Language } from "../../core/language";
import { render } from "../../core/messages";
import { compute } from "../../engine/compute";
import { auditRows } from "../../scenarios/audit-rows";
import { writeWorkbookFile } from "../../workbook/xlsx";
import type { AuditFlags } from "../flags";
import type { CommandOutput } from "../io";
import { readScenario } from "./compare";

/** The work of `sjuk audit`, loaded when it runs. */

const SHEET: Record<Language, string> = { sv: "Revisionsspår", en: "Audit trail" };
const HEADER_ROW = 4;

/**
 * The scenario's audit trail as a workbook: a title, the key, then the rows of `auditRows` with
 * their SUM formulas and cached values (a reader without a formula engine sees the values).
 * Written through a temporary file, so a failure leaves no partial workbook.
 */
export async function writeAudit(file: string, flags: AuditFlags): Promise<CommandOutput> {
  const { scenario, agreement, inputs, options } = readScenario(file);
  const result = compute(agreement, inputs, options);
  const table = auditRows(result, flags.lang, HEADER_ROW + 1, 1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET[flags.lang]);
  ws.getCell("A1").value = `${scenario.name} — ${agreement.title[flags.lang]} (${agreement.id})`;
  ws.getCell("A2").value = `${result.key.source}; ${result.key.date ?? "?"}`;
  table.header.forEach((h, i) => (ws.getRow(HEADER_ROW).getCell(i + 1).value = h));
  ws.getRow(HEADER_ROW).font = { bold: true };
  table.rows.forEach((cells, r) => {
    const row = ws.getRow(HEADER_ROW + 1 + r);
    cells.forEach((c, i) => {
      if (c === null) return;
      row.getCell(i + 1).value =
        typeof c === "object" ? { formula: c.formula, result: c.value } : c;
    });
  });
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  await writeWorkbookFile(wb, flags.out);
  const warnings = result.warnings.map((w) => `sjuk: warning: ${render(w.note)}\n`).join("");
  return {
    stderr: warnings,
    stdout: `wrote ${flags.out}: ${table.rows.length} rows, total ${result.total} kr (${table.totalCell})\n`,
  };
}
