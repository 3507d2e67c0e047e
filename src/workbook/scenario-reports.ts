/*
 * Sheets written on request from saved scenarios (issue 10 points 3–4): the comparison of
 * scenarios against a base, and the audit trail of one scenario. The numbers come from the engine
 * (through src/scenarios); the sheets add SUM formulas, so that a reader sees the sums add up.
 */
import { recipientName } from "../agreements";
import type { Language } from "../core/language";
import { compute, type ComputeResult } from "../engine/compute";
import { impact, sensitivity, type Impact, type Sensitivity } from "../engine/sensitivity";
import {
  TOTAL,
  auditRows,
  compareScenarios,
  resolveSavedScenario,
  type Comparison,
  type Scenario,
} from "../scenarios";
// The port's columnLetter counts from 0 (A); auditRows' own counts from 1.
import { columnLetter, type CellSpec, type SheetSpec, type WorkbookPort } from "./port";
import { writeOwnedSheet } from "./owned-sheet";

export const COMPARISON_ROLE = "comparison";
export const AUDIT_ROLE = "audit";
export const COMPARISON_SHEET_NAMES: Record<Language, string> = {
  sv: "Jämförelse",
  en: "Comparison",
};
export const AUDIT_SHEET_NAMES: Record<Language, string> = { sv: "Revision", en: "Audit" };
const KR = '#,##0 "kr"';

/** The engine's result for a saved scenario. */
export function scenarioResult(scenario: Scenario, sheet = "Scenarier"): ComputeResult {
  const r = resolveSavedScenario(scenario, sheet);
  return compute(r.agreement, r.inputs, r.options);
}

/** Saved scenarios compared against `base` (default: the first), for the pane's comparison view. */
export function compareSaved(scenarios: readonly Scenario[], base?: string): Comparison {
  return compareScenarios(
    scenarios.map((s) => ({ name: s.name, result: scenarioResult(s) })),
    base
  );
}

/** A member's payment with its own key figure lowered and raised by `delta`, in a saved scenario. */
export function savedSensitivity(scenario: Scenario, member: string, delta = 1000): Sensitivity {
  const r = resolveSavedScenario(scenario, "Scenarier");
  return sensitivity(r.agreement, r.inputs, r.options, member, delta);
}

/** Who gains and who loses when `member` does not fulfil `post`, in a saved scenario. */
export function savedImpact(scenario: Scenario, member: string, post: string): Impact {
  const r = resolveSavedScenario(scenario, "Scenarier");
  return impact(r.agreement, r.inputs, r.options, member, post);
}

const cell = (address: string, value: CellSpec["value"], extra: Partial<CellSpec> = {}) => ({
  address,
  value,
  ...extra,
});

/**
 * One row per post and recipient: each scenario's payment, then per other scenario its
 * difference in kronor and in per cent of the base. Each post's total row is a SUM of its rows.
 */
export function comparisonSheetSpec(
  comparison: Comparison,
  language: Language,
  name: string
): SheetSpec {
  const sv = language === "sv";
  const names = comparison.scenarios.map((s) => s.name);
  const others = names.filter((n) => n !== comparison.base);
  const header = [
    "Post",
    sv ? "Mottagare" : "Recipient",
    ...names,
    ...others.flatMap((n) => [
      `${n}: ${sv ? "skillnad kr" : "difference kr"}`,
      `${n}: ${sv ? "skillnad %" : "difference %"}`,
    ]),
  ];
  const HEADER_ROW = 4;
  const cells: CellSpec[] = [
    cell("A1", sv ? "Jämförelse av scenarier" : "Scenarios compared", { style: "title" }),
    cell("A2", `${sv ? "Bas" : "Base"}: ${comparison.base}`, { style: "note" }),
    ...header.map((h, i) => cell(`${columnLetter(i)}${HEADER_ROW}`, h, { style: "heading" })),
  ];
  // Payments by scenario, post and recipient; every scenario pays the same posts to the same recipients.
  const paid = new Map<string, number>();
  const rowsOf = new Map<string, string[]>(); // post → its recipients, in order
  for (const d of comparison.differences) {
    paid.set(`${comparison.base}|${d.post}|${d.code}`, d.base);
    paid.set(`${d.scenario}|${d.post}|${d.code}`, d.amount);
    const codes = rowsOf.get(d.post) ?? [];
    if (!codes.includes(d.code)) rowsOf.set(d.post, [...codes, d.code]);
  }
  if (others.length === 0)
    for (const p of comparison.scenarios[0]!.result.posts) {
      rowsOf.set(p.post.id, [...p.payments.map((x) => x.recipient), TOTAL]);
      p.payments.forEach((x) =>
        paid.set(`${comparison.base}|${p.post.id}|${x.recipient}`, x.amount)
      );
      paid.set(`${comparison.base}|${p.post.id}|${TOTAL}`, p.paid);
    }
  const recipientName = new Map(
    comparison.scenarios[0]!.result.posts.flatMap((p) =>
      p.payments.map((x) => [x.recipient, x.name] as const)
    )
  );
  // A post by its title in the sheet's language, as the agreement's sheets show it.
  const postTitle = new Map(
    comparison.scenarios[0]!.result.posts.map((p) => [p.post.id, p.post.title[language]] as const)
  );
  let row = HEADER_ROW + 1;
  for (const [post, codes] of rowsOf) {
    if (post === TOTAL) continue; // the grand totals are each post's SUMs, summed below
    const first = row;
    for (const code of codes) {
      const isTotal = code === TOTAL;
      const label = isTotal ? (sv ? "Summa" : "Total") : (recipientName.get(code) ?? code);
      cells.push(
        cell(`A${row}`, postTitle.get(post) ?? post),
        cell(`B${row}`, label, isTotal ? { style: "total" } : {})
      );
      names.forEach((n, i) => {
        const c = columnLetter(2 + i);
        const value = isTotal
          ? `=SUM(${c}${first}:${c}${row - 1})`
          : (paid.get(`${n}|${post}|${code}`) ?? 0);
        cells.push(cell(`${c}${row}`, value, { numberFormat: KR }));
      });
      const baseCol = columnLetter(2 + names.indexOf(comparison.base));
      others.forEach((n, i) => {
        const c = columnLetter(2 + names.indexOf(n));
        const kr = columnLetter(2 + names.length + 2 * i);
        const pct = columnLetter(3 + names.length + 2 * i);
        cells.push(
          cell(`${kr}${row}`, `=${c}${row}-${baseCol}${row}`, { numberFormat: KR }),
          cell(`${pct}${row}`, `=IF(${baseCol}${row}=0,"",${kr}${row}/${baseCol}${row})`, {
            numberFormat: "0.00%",
          })
        );
      });
      row++;
    }
    row++; // a blank row between posts
  }
  return {
    role: COMPARISON_ROLE,
    name,
    cells,
    tables: [],
    frozenRows: HEADER_ROW,
    columnWidths: [40, 28, ...header.slice(2).map(() => 18)],
  };
}

/** The audit trail of one scenario: auditRows' cells, with its SUM formulas as formulas. */
export function auditSheetSpec(
  scenario: string,
  result: ComputeResult,
  language: Language,
  name: string
): SheetSpec {
  const HEADER_ROW = 3;
  const table = auditRows(result, language, HEADER_ROW + 1, 1);
  const cells: CellSpec[] = [
    cell("A1", `${language === "sv" ? "Revisionsspår" : "Audit trail"}: ${scenario}`, {
      style: "title",
    }),
    ...table.header.map((h, i) => cell(`${columnLetter(i)}${HEADER_ROW}`, h, { style: "heading" })),
  ];
  // auditRows names posts by id: the sheet shows their titles, as the agreement's sheets do,
  // and keeps the county codes as text ("01").
  const titles = new Map(result.posts.map((p) => [p.post.id, p.post.title[language]] as const));
  // A body (SKR, government) has no code: its id is not shown, its name is (in the sheet's language).
  const bodies = new Set(result.agreement.bodies.map((b) => b.id));
  const shown = (row: readonly unknown[], v: string, j: number): string => {
    if (bodies.has(v) && (j === 2 || j === 3))
      return j === 2 ? "" : recipientName(result.agreement, v, language);
    const id = typeof row[0] === "string" ? row[0] : "";
    const title = titles.get(id);
    if (title === undefined) return v;
    if (j === 0) return title;
    return j === 3 && v.endsWith(` ${id}`) ? `${v.slice(0, -id.length)}${title}` : v;
  };
  table.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === "") return;
      const address = `${columnLetter(j)}${HEADER_ROW + 1 + i}`;
      if (typeof v === "object") cells.push(cell(address, `=${v.formula}`));
      else if (typeof v === "string") {
        const text = shown(r, v, j);
        if (text !== "") cells.push(cell(address, text, j === 2 ? { numberFormat: "@" } : {}));
      } else cells.push(cell(address, v));
    })
  );
  return { role: AUDIT_ROLE, name, cells, tables: [], frozenRows: HEADER_ROW };
}

/** Writes the comparison of saved scenarios against `base` (default: the first). */
export async function writeComparisonSheet(
  port: WorkbookPort,
  scenarios: readonly Scenario[],
  language: Language,
  base?: string
): Promise<string> {
  const comparison = compareSaved(scenarios, base);
  return writeOwnedSheet(port, COMPARISON_ROLE, COMPARISON_SHEET_NAMES[language], (name) =>
    comparisonSheetSpec(comparison, language, name)
  );
}

/** Writes the audit sheet of one saved scenario. */
export async function writeAuditSheet(
  port: WorkbookPort,
  scenario: Scenario,
  language: Language
): Promise<string> {
  const result = scenarioResult(scenario);
  return writeOwnedSheet(port, AUDIT_ROLE, AUDIT_SHEET_NAMES[language], (name) =>
    auditSheetSpec(scenario.name, result, language, name)
  );
}
