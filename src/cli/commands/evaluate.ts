/// <reference path="../../types/hyperformula-languages.d.ts" />
// (The SJUK HyperFormula plugin imports a language module typed there; builds that include only src/cli need it named.)
import { Command } from "commander";
import { SjukError, problem } from "../../core/errors";
import type { EvaluateSummary } from "../../workbook/xlsx-evaluate";
import { nonEmpty, oneLine } from "../io";
import type { CommandIO } from "../io";

/**
 * `sjuk evaluate book.xlsx [--out result.xlsx]`: evaluates a workbook's SJUK formulas and everything
 * that depends on them in HyperFormula, and with --out writes the workbook with each formula kept
 * and its computed value stored beside it. A file that is not a workbook, or is damaged, exits 2
 * and writes nothing. The workbook reader and HyperFormula load only when it runs.
 */
export function formatSummary(file: string, summary: EvaluateSummary, out?: string): string {
  const lines = [
    `${file}: ${summary.formulaCells} formula cells evaluated, ${summary.sjukCells} of them SJUK cells, ${summary.errors.length} ${summary.errors.length === 1 ? "error" : "errors"}`,
    ...summary.errors.map((e) => `  ${oneLine(`${e.where}: ${e.message}`)}`),
    ...summary.notes.map((n) => `  note: ${oneLine(n)}`),
  ];
  if (out) lines.push(`wrote ${out}`);
  return `${lines.join("\n")}\n`;
}

export function register(program: Command, io: CommandIO): void {
  program
    .command("evaluate")
    .description(
      "Evaluate an .xlsx workbook's SJUK formulas (and all that depends on them) and store the values beside the formulas"
    )
    .argument("<book>", "the .xlsx workbook to evaluate")
    .option(
      "--out <file>",
      "write the evaluated workbook here (formulas kept, values cached); not the input itself unless --in-place",
      nonEmpty("--out", "the file to write")
    )
    .option("--in-place", "write the evaluated workbook over the input (atomically)")
    .action(async (book: string, flags: { out?: string; inPlace?: boolean }) => {
      const { evaluateFile } = await import("../../workbook/xlsx-evaluate");
      let outcome: { summary: EvaluateSummary } | { error: unknown };
      try {
        outcome = {
          summary: await evaluateFile(book, { out: flags.out, inPlace: flags.inPlace === true }),
        };
      } catch (e) {
        outcome = {
          error:
            e instanceof SjukError || !(e instanceof Error)
              ? e
              : new SjukError([problem("file.failed", { detail: e.message }, { file: book })]),
        };
      }
      io.run(() => {
        if ("error" in outcome) throw outcome.error;
        return formatSummary(book, outcome.summary, flags.inPlace ? book : flags.out);
      });
    });
}
