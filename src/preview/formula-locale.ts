/*
 * Formulas as the user's Excel writes them. The workbook (HyperFormula) keeps formulas as
 * English Excel stores them in a file — English function names, `,` between arguments, `.` as
 * the decimal mark — because the sheets the add-in writes and the .xlsx it reads are in that
 * form. The preview's editor and formula bar speak the user's language: in Swedish, Swedish
 * names (SUMMA, AVRUNDA, OM) from HyperFormula's own Swedish language pack, `;` between
 * arguments and `,` as decimal mark, as Swedish Excel does. Only plain text is rewritten:
 * string literals ("v1", "skåne") and quoted sheet names are never touched.
 */
import svSE from "hyperformula/commonjs/i18n/languages/svSE";
import { segments } from "../workbook/excel-formula";
import type { Lang } from "../taskpane/i18n";

const EN_TO_SV: Record<string, string> = svSE.functions as Record<string, string>;
const SV_TO_EN: Record<string, string> = Object.fromEntries(
  Object.entries(EN_TO_SV).map(([en, sv]) => [sv.toUpperCase(), en])
);

// A function name right before its "(" (Swedish names may hold dots and Å, Ä, Ö: SUMMA.OM).
const FUNCTION = /(?<![\w.$\u00c0-\u017f])([A-Za-z\u00c0-\u017f_][\w.\u00c0-\u017f]*)(?=\s*\()/g;
// A bare TRUE/FALSE literal (Swedish SANT/FALSKT), not a function call or part of a name.
const BOOLEAN = /(?<![\w.$!\u00c0-\u017f])(SANT|FALSKT|TRUE|FALSE)(?![\w.(\u00c0-\u017f])/gi;
// A decimal number: digits, the decimal mark, digits, not part of a reference or a name.
const DECIMAL = (mark: string) =>
  new RegExp(`(?<![\\w.$\\u00c0-\\u017f])(\\d+)\\${mark}(\\d+)(?![\\w\\u00c0-\\u017f])`, "g");

function mapPlain(formula: string, rewrite: (plain: string) => string): string {
  return segments(formula)
    .map((s) => (s.kind === "plain" ? rewrite(s.text) : s.text))
    .join("");
}

/** A formula the user typed, in the workbook's stored form (unchanged in English). */
export function fromLocalFormula(formula: string, lang: Lang): string {
  if (lang !== "sv" || !formula.startsWith("=")) return formula;
  return mapPlain(formula, (plain) =>
    plain
      .replace(DECIMAL(","), "$1.$2")
      .replace(/;/g, ",")
      .replace(BOOLEAN, (w) => (/^(SANT|TRUE)$/i.test(w) ? "TRUE()" : "FALSE()"))
      .replace(FUNCTION, (name) => SV_TO_EN[name.toUpperCase()] ?? name)
  );
}

/** A stored formula as the user's Excel shows it (unchanged in English). */
export function toLocalFormula(formula: string, lang: Lang): string {
  if (lang !== "sv" || !formula.startsWith("=")) return formula;
  return mapPlain(formula, (plain) =>
    plain
      .replace(/,/g, ";")
      .replace(DECIMAL("."), "$1,$2")
      .replace(FUNCTION, (name) => EN_TO_SV[name.toUpperCase()] ?? name)
  );
}
