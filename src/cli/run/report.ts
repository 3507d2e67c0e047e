import { promises as fs } from "node:fs";
import { extname } from "node:path";
import { SjukError, problem } from "../../core/errors";
import { compute } from "../../engine/compute";
import { reportFile, type ReportFormat } from "../../report";
import { sameFile, writeAtomically } from "../../workbook/atomic-write";
import type { ReportFlags } from "../flags";
import type { CommandOutput } from "../io";
import { readScenario } from "./compare";

/** The work of `sjuk report`, loaded when it runs. */

/** The format: --format, or the ending of --out; the two must agree. */
function formatOf(flags: ReportFlags): ReportFormat {
  const ending = extname(flags.out).toLowerCase().slice(1);
  const named = ending === "xlsx" || ending === "pdf" ? ending : undefined;
  if (flags.format && named && flags.format !== named)
    throw new SjukError([
      problem("cli.report-format-mismatch", { out: flags.out, format: flags.format }),
    ]);
  const format = flags.format ?? named;
  if (!format) throw new SjukError([problem("cli.report-format", { out: flags.out })]);
  return format;
}

/** Today in the machine's time zone, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * The scenario's decision report, written through a temporary file renamed only when complete:
 * bad input, a failure or a signal leaves no file, and an existing file as it was.
 */
export async function writeReport(file: string, flags: ReportFlags): Promise<CommandOutput> {
  const format = formatOf(flags);
  if (await sameFile(file, flags.out))
    throw new SjukError([problem("cli.report-out-is-scenario", { out: flags.out })]);
  const { scenario, agreement, inputs, options } = readScenario(file);
  const result = compute(agreement, inputs, options);
  const bytes = await reportFile(format, scenario, result, flags.lang, flags.date ?? today());
  await writeAtomically(flags.out, (temp) => fs.writeFile(temp, bytes));
  const warnings = result.warnings.map((w) => `sjuk: warning: ${w.message}\n`).join("");
  return {
    stderr: warnings,
    stdout: `wrote ${flags.out}: ${format}, ${bytes.length} bytes, total ${result.total} kr of ${agreement.total} kr\n`,
  };
}
