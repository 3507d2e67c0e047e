/*
 * Formula help, as Excel gives it while a formula is typed: the functions whose names start
 * with what is being typed (the SJUK functions first, then the built-in ones in the user's
 * language), and, inside a call, the function's arguments with the current one marked.
 *
 * The SJUK functions' names and parameters come from their declared signatures (catalog.ts,
 * the list that drives HyperFormula and is checked against functions.json); their descriptions,
 * when given, from functions.json's own source (the JSDoc in functions.ts, read at build time).
 * Nothing here is a second list of functions.
 */
import svSE from "hyperformula/commonjs/i18n/languages/svSE";
import { ALL_FUNCTIONS } from "../functions/catalog";
import type { Lang } from "../taskpane/i18n";
import { segments } from "../workbook/excel-formula";

export interface FunctionHelp {
  /** The name as the user types it: SJUK.SHARE, SUMMA (Swedish) or SUM (English). */
  name: string;
  parameters: { name: string; optional: boolean; description?: string }[];
  description?: string;
  /** True for the add-in's own functions (listed first). */
  sjuk: boolean;
}

/** Descriptions of the SJUK functions ("English — Swedish"), as functions.json has them. */
export interface FunctionDescription {
  id: string;
  description: string;
  parameters: { name: string; description?: string }[];
}

/** "English text — Svensk text" → the user's half. */
export function inLanguage(text: string | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  const [en, sv] = text.split(" — ");
  return (lang === "sv" ? (sv ?? en) : en)?.trim();
}

/** Every function the help offers, SJUK first; built-ins have names only. */
export function functionCatalogue(
  lang: Lang,
  descriptions: readonly FunctionDescription[] = []
): FunctionHelp[] {
  const byId = new Map(descriptions.map((d) => [d.id, d]));
  const sjuk = ALL_FUNCTIONS.map((spec): FunctionHelp => {
    const d = byId.get(spec.name);
    return {
      name: `SJUK.${spec.name}`,
      sjuk: true,
      description: inLanguage(d?.description, lang),
      parameters: spec.parameters.map((p) => ({
        name: p.name,
        optional: p.optional ?? false,
        description: inLanguage(d?.parameters.find((x) => x.name === p.name)?.description, lang),
      })),
    };
  });
  const builtIn = Object.entries(svSE.functions as Record<string, string>)
    .map(([en, sv]) => (lang === "sv" ? sv : en))
    .filter((name) => !name.startsWith("SJUK."))
    .sort((a, b) => a.localeCompare(b, lang))
    .map((name): FunctionHelp => ({ name, parameters: [], sjuk: false }));
  return [...sjuk, ...builtIn];
}

/** The formula's text with every string literal's inside blanked, so that scanning skips them. */
function plainOnly(text: string): { plain: string; inString: boolean } {
  let plain = "";
  let inString = false;
  for (const s of segments(text)) {
    if (s.kind === "plain") {
      plain += s.text;
      continue;
    }
    const closed = s.text.length > 1 && s.text.endsWith(s.text[0]!);
    inString = !closed;
    plain += s.text[0] + " ".repeat(Math.max(0, s.text.length - 1));
  }
  return { plain, inString };
}

const NAME_AT_END = /(?<![\w.$!:\u00c0-\u017f])([A-Za-z\u00c0-\u017f_][\w.\u00c0-\u017f]*)$/;

/** The function name being typed at the caret ("=SJUK.SH" → "SJUK.SH"), if any. */
export function nameAtCaret(
  text: string,
  caret: number
): { prefix: string; start: number } | undefined {
  if (!text.startsWith("=")) return undefined;
  const { plain, inString } = plainOnly(text.slice(0, caret));
  if (inString) return undefined;
  const m = NAME_AT_END.exec(plain);
  if (!m) return undefined;
  // A cell reference being typed (A1, $B$7) is not a name.
  if (/^[A-Z]{1,3}\d+$/i.test(m[1]!)) return undefined;
  return { prefix: m[1]!, start: caret - m[1]!.length };
}

/** The call the caret is in: its function name and which argument (0-based) the caret is at. */
export function callAtCaret(
  text: string,
  caret: number,
  lang: Lang
): { name: string; argument: number } | undefined {
  if (!text.startsWith("=")) return undefined;
  const { plain, inString } = plainOnly(text.slice(0, caret));
  if (inString) return undefined;
  const separator = lang === "sv" ? ";" : ",";
  let depth = 0;
  let argument = 0;
  for (let i = plain.length - 1; i > 0; i--) {
    const ch = plain[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        const m = NAME_AT_END.exec(plain.slice(0, i).trimEnd());
        return m ? { name: m[1]!.toUpperCase(), argument } : undefined;
      }
      depth--;
    } else if (ch === separator && depth === 0) argument++;
  }
  return undefined;
}

/** The functions whose names start with `prefix`, SJUK first; "SH" also finds SJUK.SHARE. */
export function completions(catalogue: FunctionHelp[], prefix: string, max = 12): FunctionHelp[] {
  const p = prefix.toUpperCase();
  const hits = catalogue.filter(
    (f) => f.name.startsWith(p) || (f.sjuk && f.name.slice("SJUK.".length).startsWith(p))
  );
  return hits.slice(0, max);
}

/** A function's signature as the user's Excel writes it: SJUK.SHARE(region; [key]; …). */
export function signature(f: FunctionHelp, lang: Lang): string {
  const sep = lang === "sv" ? "; " : ", ";
  return `${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(sep)})`;
}
