/*
 * The preview grid's formatting: what a cell shows (HyperFormula's value under the cell's number
 * format, Swedish or English), what its editor starts from, what an edit writes, and how it looks.
 */
import type { CellValueDetailedType, HyperFormula, RawCellContent } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import { tokens } from "@fluentui/react-components";
import type { Lang } from "../taskpane/i18n";
import { fromLocalFormula, toLocalFormula } from "./formula-locale";

/** How a cell looks, if the workbook layer knows (number format, style). */
export interface CellLook {
  numberFormat?: string;
  style?: string;
  /** A drop-down list of allowed values (data validation): the editor offers them. */
  validation?: string[];
}

/** Swedish grouping of a number's integer digits, decimal comma: 1 234 567,5. */
function formatNumber(n: number, lang: Lang, decimals?: number, group = true): string {
  const fixed = decimals === undefined ? String(Math.round(n * 1e9) / 1e9) : n.toFixed(decimals);
  const negative = fixed.startsWith("-");
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const separator = lang === "sv" ? "\u00a0" : ",";
  const grouped = group ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, separator) : int!;
  const dec = frac ? (lang === "sv" ? "," : ".") + frac : "";
  return `${negative ? "−" : ""}${grouped}${dec}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** An error's explanation; HyperFormula's own parse error ("Parsing error.") in the user's language. */
function errorTitle(error: DetailedCellError, lang: Lang): string {
  if (error.type === "ERROR" && /^pars/i.test(error.message ?? ""))
    return lang === "sv"
      ? "Formeln kan inte läsas: skriv ; mellan argumenten och , som decimaltecken, t.ex. =AVRUNDA(2,5; 0)"
      : "The formula cannot be read: write , between arguments and . as the decimal mark, e.g. =ROUND(2.5, 0)";
  return error.message || error.type;
}

/** What a cell shows: HyperFormula's computed value under the cell's number format. */
export function displayValue(
  hf: HyperFormula,
  sheetId: number,
  row: number,
  col: number,
  lang: Lang,
  look?: CellLook
): { text: string; title?: string; kind: string } {
  const address = { sheet: sheetId, row, col };
  const value = hf.getCellValue(address);
  if (value === null || value === undefined) return { text: "", kind: "empty" };
  if (value instanceof DetailedCellError)
    return { text: value.value, title: errorTitle(value, lang), kind: "error" };
  if (typeof value === "boolean")
    return {
      text: lang === "sv" ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE",
      kind: "boolean",
    };
  if (typeof value === "string") return { text: value, kind: "text" };
  const type: CellValueDetailedType = hf.getCellValueDetailedType(address);
  const format = look?.numberFormat ?? "";
  if (String(type).startsWith("NUMBER_DATE") || /yyyy/i.test(format)) {
    const d = hf.numberToDate(value) as { year: number; month: number; day: number };
    return { text: `${d.year}-${pad2(d.month)}-${pad2(d.day)}`, kind: "number" };
  }
  if (/kr/.test(format)) return { text: `${formatNumber(value, lang, 0)} kr`, kind: "number" };
  if (/%/.test(format)) return { text: `${formatNumber(value * 100, lang, 1)} %`, kind: "number" };
  // A function's per-cent number (SJUK.EXPLAIN's share): enough decimals to redo the sum.
  if (String(type) === "NUMBER_PERCENT")
    return { text: `${formatNumber(value * 100, lang, 6)} %`, kind: "number" };
  if (/#,##0/.test(format) || (Number.isInteger(value) && Math.abs(value) >= 10000))
    return { text: formatNumber(value, lang, /0\.0/.test(format) ? 2 : 0), kind: "number" };
  // General format, as Excel shows it: no grouping below 10 000 (a year stays 2024, not 2 024).
  return { text: formatNumber(value, lang, undefined, Math.abs(value) >= 10000), kind: "number" };
}

/** What the editor shows: the formula as the user's Excel writes it, or the constant as typed. */
export function rawContent(
  hf: HyperFormula,
  sheetId: number,
  row: number,
  col: number,
  lang: Lang = "en"
): string {
  const raw = hf.getCellSerialized({ sheet: sheetId, row, col });
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return toLocalFormula(String(raw), lang);
}

/** What an edit writes: a formula, a number (Swedish or English decimals, spaces as grouping), or text. */
export function parseInput(text: string, lang: Lang = "en"): RawCellContent {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return fromLocalFormula(t, lang);
  const compact = t.replace(/[\s\u00a0]/g, "");
  // A figure of more than 15 digits stays text: a JavaScript number would drop digits silently,
  // while the add-in's readers take the text exactly (or refuse it, naming the limit).
  if (/^[-−]?\d+([.,]\d+)?$/.test(compact) && compact.replace(/\D/g, "").length <= 15)
    return Number(compact.replace("−", "-").replace(",", "."));
  if (/^(true|sant)$/i.test(t)) return true;
  if (/^(false|falskt)$/i.test(t)) return false;
  return text;
}

/** The font a cell's text is drawn in (preview.html's grid font; titles larger, headings bold). */
export function cellFont(style: string | undefined): string {
  const weight =
    style === "title" || style === "heading" || style === "total" || style === "header"
      ? "600 "
      : "";
  const italic = style === "note" ? "italic " : "";
  const size = style === "title" ? "15px" : "13px";
  return `${italic}${weight}${size} "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif`;
}

let measure: CanvasRenderingContext2D | null | undefined;
/** The width of a text in a font, in CSS pixels (a canvas measures without touching the page's layout). */
export function textWidth(text: string, font: string): number {
  if (measure === undefined) measure = document.createElement("canvas").getContext("2d");
  if (!measure) return text.length * 7.4;
  measure.font = font;
  return measure.measureText(text).width;
}

/** A cell's inside: its width less padding (4 px each side) and border. */
const CELL_CHROME = 9;

/** The column width (px) a value needs to show whole, within the grid's widest column. */
export function widthFor(text: string, style: string | undefined): number {
  return Math.min(
    320,
    Math.max(64, Math.ceil(textWidth(text, cellFont(style)) + CELL_CHROME + 10))
  );
}

/**
 * Paints a cell: its shown value, and the look (weight, size, colours) its style gives it.
 * A number wider than its column shows ####, as in Excel, never a cut figure; the value stays in
 * the cell's title. The text sits in a span that lets clicks through, so that a click on text
 * running on into an empty neighbour selects the neighbour, as in Excel.
 */
export function paintCellElement(
  td: HTMLTableCellElement,
  shown: { text: string; title?: string; kind: string },
  style: string | undefined,
  width?: number
): void {
  let text = shown.text;
  let title = shown.title ?? "";
  if (shown.kind === "number" && width !== undefined) {
    const room = width - CELL_CHROME;
    const font = cellFont(style);
    if (textWidth(text, font) > room) {
      title = text;
      text = "#".repeat(Math.max(1, Math.floor(room / textWidth("#", font))));
    }
  }
  // An empty cell stays empty: jspreadsheet lets the text on its left run on only into an empty one.
  if (text) {
    const span = document.createElement("span");
    span.className = "sjuk-cell-text";
    span.textContent = text;
    td.replaceChildren(span);
  } else td.replaceChildren();
  td.title = title;
  td.dataset.kind = shown.kind;
  td.style.textAlign =
    shown.kind === "number" || shown.kind === "boolean"
      ? "right"
      : shown.kind === "error"
        ? "center"
        : "left";
  td.style.color = shown.kind === "error" ? tokens.colorPaletteRedForeground1 : "";
  td.style.fontWeight =
    style === "title" || style === "heading" || style === "total" || style === "header"
      ? "600"
      : "";
  td.style.fontSize = style === "title" ? "15px" : "";
  td.style.fontStyle = style === "note" ? "italic" : "";
  td.style.backgroundColor =
    style === "prompt"
      ? tokens.colorPaletteYellowBackground2
      : style === "option"
        ? tokens.colorPaletteLightGreenBackground2
        : style === "header"
          ? tokens.colorBrandBackground2
          : "";
  // One line per cell; long text runs on into the empty cells to its right, as in Excel.
  td.style.whiteSpace = "nowrap";
  td.style.borderTop = style === "total" ? `1px solid ${tokens.colorNeutralForeground1}` : "";
}

/** A column wide enough for its widest value (titles, notes and prompts run on into the next cells instead). */
export function columnWidth(
  hf: HyperFormula,
  sheetId: number,
  col: number,
  rows: number,
  lang: Lang,
  look: (row: number) => CellLook | undefined
): number {
  let widest = 0;
  for (let r = 0; r < rows; r++) {
    const style = look(r)?.style;
    if (style === "title" || style === "note" || style === "prompt" || style === "heading")
      continue;
    const text = displayValue(hf, sheetId, r, col, lang, look(r)).text;
    if (text) widest = Math.max(widest, widthFor(text, style));
  }
  return Math.max(64, widest);
}
