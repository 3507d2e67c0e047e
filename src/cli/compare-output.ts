import { render } from "../core/messages";
import { formatKronor } from "../engine/money";
import { findRegion } from "../engine/regions";
import { TOTAL, type Comparison, type Difference } from "../scenarios/compare";
import { toJson, type JsonResult } from "./output";

/**
 * `sjuk compare`'s three formats. JSON: the base, each scenario's result as `sjuk compute
 * --format json` prints it, and every difference. CSV: one row per difference, semicolons, BOM,
 * CRLF, like compute's. Table: per scenario, each recipient's total against the base, then each post's.
 */

export interface CompareJson {
  base: string;
  scenarios: { name: string; result: JsonResult }[];
  differences: Difference[];
}

export function compareJson(c: Comparison): CompareJson {
  return {
    base: c.base,
    scenarios: c.scenarios.map((s) => ({ name: s.name, result: toJson(s.result) })),
    differences: c.differences,
  };
}

export function formatCompareJson(c: Comparison): string {
  return `${JSON.stringify(compareJson(c), null, 2)}\n`;
}

export const COMPARE_CSV_HEADER = [
  "scenario",
  "post",
  "mottagarkod",
  "bas_kr",
  "belopp_kr",
  "skillnad_kr",
  "skillnad_procent",
] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Per cent with a decimal comma, for Swedish Excel; empty where the base pays nothing. */
function percentCell(percent: number | null): string {
  return percent === null ? "" : String(percent).replace(".", ",");
}

export function formatCompareCsv(c: Comparison): string {
  const lines = [COMPARE_CSV_HEADER.join(";")];
  for (const d of c.differences)
    lines.push(
      [d.scenario, d.post, d.code, d.base, d.amount, d.difference, percentCell(d.percent)]
        .map(csvField)
        .join(";")
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const grouped = (amount: number) => formatKronor(amount).replace(/ kr$/, "");
const signed = (amount: number) => (amount > 0 ? `+${grouped(amount)}` : grouped(amount));
const percentText = (p: number | null) =>
  p === null ? "–" : `${p > 0 ? "+" : ""}${p.toFixed(2).replace("-", "−")} %`;

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === "left" ? t.padEnd(width) : t.padStart(width);
}

function label(code: string): string {
  if (code === TOTAL) return "all recipients";
  const region = /^\d{2}$/.test(code) ? findRegion(code) : undefined;
  return region ? `${code} ${region.short}` : code;
}

export function formatCompareTable(c: Comparison): string {
  const out: string[] = [`Base: ${c.base}`];
  const base = c.scenarios.find((s) => s.name === c.base)!;
  for (const w of base.result.warnings) out.push(`  warning: ${render(w.note)}`);
  for (const s of c.scenarios) {
    if (s.name === c.base) continue;
    const rows = c.differences.filter((d) => d.scenario === s.name);
    const line = (first: string, cells: string[]) =>
      [pad(first, 24), ...cells.map((x, i) => pad(x, i === 3 ? 10 : 15, "right"))].join(" ");
    const section = (title: string, list: Difference[], name: (d: Difference) => string) => {
      out.push("", title, "─".repeat(84));
      out.push(line("", ["base (kr)", "scenario (kr)", "difference", "per cent"]));
      for (const d of list)
        out.push(
          line(name(d), [
            grouped(d.base),
            grouped(d.amount),
            signed(d.difference),
            percentText(d.percent),
          ])
        );
    };
    out.push("", `Scenario: ${s.name}`);
    for (const w of s.result.warnings) out.push(`  warning: ${render(w.note)}`);
    section(
      "Per recipient, all posts",
      rows.filter((d) => d.post === TOTAL),
      (d) => label(d.code)
    );
    section(
      "Per post, all recipients",
      rows.filter((d) => d.code === TOTAL),
      (d) => (d.post === TOTAL ? "total" : d.post)
    );
  }
  return `${out.join("\n")}\n`;
}
