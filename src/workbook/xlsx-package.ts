import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { Location, SjukError, problem } from "../core/errors";
import type { MessageCode, MessageParams, XlsxDamage } from "../core/messages/params";
import { TableInfo } from "./excel-formula";
import { cellAddress, columnIndex } from "./port";

/*
 * An .xlsx package read the way Excel writes it, and written back by editing only cells.
 *
 * Small parts (workbook, relationships, shared strings, tables, metadata) go through
 * fast-xml-parser. A sheet's cells are found by scanning <sheetData> for <row> and <c> elements
 * and remembering where each one stands in the text, so that writing back replaces exactly the
 * rows whose cells changed and keeps every other byte of the sheet; every part that is not a
 * changed sheet (webextensions, custom XML, metadata, styles, …) is kept byte for byte.
 */

/** How much `sjuk evaluate` reads: HyperFormula's own sheet size, and a bound on memory. */
export const XLSX_LIMITS = {
  /** HyperFormula's default maxRows. */
  rows: 40_000,
  /** HyperFormula's default maxColumns (A … ZZZ). */
  columns: 18_278,
  /** Filled cells in the whole workbook. */
  cells: 2_000_000,
  /** Uncompressed size of one sheet part. */
  partBytes: 200 * 1024 * 1024,
};

export interface XlsxFormula {
  /** The formula text (XML entities decoded), "" for a shared formula's other cells. */
  text: string;
  type: "normal" | "shared" | "array";
  /** Shared formulas' master and array formulas: the range they cover. */
  ref?: string;
  /** Shared formulas: the group index. */
  si?: string;
  /** The <f …>…</f> element as the file has it. */
  xml: string;
}

export interface XlsxCell {
  row: number;
  column: number;
  /** The <c> element's attributes, as parsed (r, s, t, cm, vm, …). */
  attributes: Record<string, string>;
  /** The <v> text (entities decoded) or an inline string's text. */
  value?: string;
  formula?: XlsxFormula;
}

interface RowText {
  row: number;
  /** Offsets of the whole <row …>…</row> element within the sheet XML. */
  start: number;
  end: number;
  /** The <row …> start tag (or self-closing tag). */
  openTag: string;
}

export interface XlsxSheet {
  name: string;
  /** The part's path in the package, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  xml: string;
  cells: XlsxCell[];
  rows: RowText[];
  tables: TableInfo[];
}

export interface XlsxPackage {
  zip: JSZip;
  sheets: XlsxSheet[];
  /** Defined names; localSheet is the name of the sheet a name is scoped to. */
  definedNames: { name: string; text: string; localSheet?: string }[];
  /** The cellMetadata index (1-based, the cm attribute) that marks a dynamic array, if the file has one. */
  dynamicArrayIndex?: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) =>
    [
      "sheet",
      "Relationship",
      "definedName",
      "si",
      "r",
      "tableColumn",
      "metadataType",
      "bk",
      "rc",
      "Override",
    ].includes(name),
});

/** "&amp;" → "&" and Excel's _x000D_ escapes, for text read by the sheet scanner. */
export function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
      if (e[0] === "#")
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function encodeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]!.replace(/^\w+:/, "")] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

async function partText(zip: JSZip, path: string, file: string): Promise<string | undefined> {
  const entry = zip.file(path);
  if (!entry) return undefined;
  // JSZip keeps the central directory's sizes; checking before inflating bounds the memory.
  const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data
    ?.uncompressedSize;
  if (size !== undefined && size > XLSX_LIMITS.partBytes)
    throw coded(
      "xlsx.part-too-big",
      { part: path, megabytes: Math.round(size / 1048576), limit: XLSX_LIMITS.partBytes / 1048576 },
      { file }
    );
  return entry.async("string");
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

async function relationships(
  zip: JSZip,
  part: string,
  file: string
): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf("/");
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = await partText(zip, relsPath, file);
  const map = new Map<string, { type: string; target: string }>();
  if (!xml) return map;
  for (const r of parser.parse(xml).Relationships?.Relationship ?? [])
    if (r.TargetMode !== "External")
      map.set(r.Id, { type: r.Type, target: resolveTarget(part, r.Target) });
  return map;
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  const o = node as Record<string, unknown>;
  if ("#text" in o) return String(o["#text"]);
  return "";
}

function sharedStringText(si: Record<string, unknown>): string {
  // Plain <t>, or rich text runs <r><t>; phonetic runs (<rPh>) are not part of the value.
  const raw =
    si.t !== undefined
      ? textOf(si.t)
      : ((si.r as Record<string, unknown>[] | undefined) ?? []).map((r) => textOf(r.t)).join("");
  return raw.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/** A cell's r attribute; any number of column letters, so that the limit (not the parser) speaks. */
function cellOf(r: string, file: string, sheet: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(r);
  if (!m || Number(m[2]) < 1) throw coded("xlsx.not-a-cell", { value: r }, { file, sheet });
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]!.toUpperCase()) };
}

/** A SjukError of one coded problem (the catalogue's words, src/core/messages). */
function coded<C extends MessageCode>(
  code: C,
  params: MessageParams[C],
  where: Location
): SjukError {
  return new SjukError([problem(code, params, where)]);
}

function checkAddress(file: string, sheet: string, row: number, column: number): void {
  const where = { file, sheet, cell: cellAddress(row, column) };
  if (row >= XLSX_LIMITS.rows) throw coded("xlsx.beyond-rows", { limit: XLSX_LIMITS.rows }, where);
  if (column >= XLSX_LIMITS.columns)
    throw coded("xlsx.beyond-columns", { limit: XLSX_LIMITS.columns }, where);
}

/** The cells of one sheet's XML, with the rows' positions for writing back. */
export function scanSheet(
  xml: string,
  file: string,
  sheet: string,
  sharedStrings: string[],
  counter: { cells: number }
): { cells: XlsxCell[]; rows: RowText[] } {
  const cells: XlsxCell[] = [];
  const rows: RowText[] = [];
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  if (dataStart < 0) return { cells, rows };
  ROW.lastIndex = dataStart;
  let nextRow = 0;
  for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
    const rowAttributes = attributesOf(m[1]!);
    const rowNumber = rowAttributes.r ? Number(rowAttributes.r) - 1 : nextRow;
    nextRow = rowNumber + 1;
    rows.push({
      row: rowNumber,
      start: m.index,
      end: m.index + m[0].length,
      openTag: m[2] === undefined ? m[0] : m[0].slice(0, m[0].indexOf(">") + 1),
    });
    let nextColumn = 0;
    for (const c of (m[2] ?? "").matchAll(CELL)) {
      const attributes = attributesOf(c[1]!);
      const at = attributes.r
        ? cellOf(attributes.r, file, sheet)
        : { row: rowNumber, column: nextColumn };
      nextColumn = at.column + 1;
      const body = c[2] ?? "";
      // A cell with only a style holds nothing to compute; it stays as it is in the file.
      if (!/<(?:\w+:)?(?:v|f|is)\b/.test(body)) continue;
      checkAddress(file, sheet, at.row, at.column);
      if (++counter.cells > XLSX_LIMITS.cells)
        throw coded("xlsx.too-many-cells", { limit: XLSX_LIMITS.cells }, { file, sheet });
      const cell: XlsxCell = { row: at.row, column: at.column, attributes };
      const f = FORMULA.exec(body);
      if (f) {
        const fa = attributesOf(f[1]!);
        cell.formula = {
          text: decodeXml(f[2] ?? ""),
          type: fa.t === "shared" ? "shared" : fa.t === "array" ? "array" : "normal",
          ref: fa.ref,
          si: fa.si,
          xml: f[0],
        };
      }
      const v = VALUE.exec(body);
      if (attributes.t === "inlineStr") {
        const is = INLINE.exec(body)?.[1] ?? "";
        cell.value = decodeXml(
          [...is.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => t[1]).join("")
        );
      } else if (v) {
        cell.value = decodeXml(v[1]!);
        if (attributes.t === "s") {
          const text = sharedStrings[Number(cell.value)];
          if (text === undefined)
            throw coded(
              "xlsx.shared-string-missing",
              { index: cell.value },
              { file, sheet, cell: cellAddress(at.row, at.column) }
            );
          cell.value = text;
        }
      }
      cells.push(cell);
    }
  }
  return { cells, rows };
}

/** A name a table can have (Excel's and HyperFormula's rule): not a cell reference either. */
function isTableName(name: unknown): boolean {
  return (
    typeof name === "string" &&
    /^[A-Za-z\u00C0-\u02AF_][A-Za-z\u00C0-\u02AF0-9_.]*$/.test(name) &&
    !/^([A-Za-z]+[0-9]+|[rR][0-9]*[cC][0-9]*)$/.test(name)
  );
}

function tableOf(xml: string, sheet: string): TableInfo {
  const t = parser.parse(xml).table;
  return {
    name: t.displayName ?? t.name,
    sheet,
    ref: t.ref,
    headerRows: t.headerRowCount === undefined ? 1 : Number(t.headerRowCount),
    totalsRows: t.totalsRowCount === undefined ? 0 : Number(t.totalsRowCount),
    columns: (t.tableColumns?.tableColumn ?? []).map((c: { name: string }) =>
      String(c.name).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      )
    ),
  };
}

/** The cm index marking a dynamic array in xl/metadata.xml (XLDAPR with fDynamic="1"), if any. */
export function dynamicArrayIndex(xml: string): number | undefined {
  const m = parser.parse(xml).metadata ?? {};
  const types: { name: string }[] = m.metadataTypes?.metadataType ?? [];
  const type = types.findIndex((t) => t.name === "XLDAPR") + 1;
  if (type === 0) return undefined;
  const future = [m.futureMetadata ?? []].flat().find((f: { name: string }) => f.name === "XLDAPR");
  const blocks: unknown[] = future?.bk ?? [];
  const dynamic = blocks.findIndex((b) =>
    /fDynamic"?:\s*"1"|"fDynamic":"1"/.test(JSON.stringify(b))
  );
  if (dynamic < 0) return undefined;
  const cellBlocks: { rc?: { t: string; v: string }[] }[] = m.cellMetadata?.bk ?? [];
  const index = cellBlocks.findIndex((b) =>
    (b.rc ?? []).some((rc) => Number(rc.t) === type && Number(rc.v) === dynamic)
  );
  return index < 0 ? undefined : index + 1;
}

/** A file that is not an .xlsx, or one damaged in a way `why` says. */
export function damagedXlsx(file: string, why: XlsxDamage): SjukError {
  return new SjukError([problem("xlsx.damaged", { file, why })]);
}

/** Reads an .xlsx into parts, sheets and cells; a file that is not one, or too big, is a SjukError naming it. */
export async function readXlsxPackage(data: Buffer, file: string): Promise<XlsxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw damagedXlsx(file, { kind: "detail", detail: (e as Error).message });
  }
  const damaged = (why: XlsxDamage) => damagedXlsx(file, why);
  const rootRels = await relationships(zip, "", file);
  const workbookPath =
    [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ??
    "xl/workbook.xml";
  const workbookXml = await partText(zip, workbookPath, file);
  if (!workbookXml) throw damaged({ kind: "no-workbook-part" });
  const workbook = parser.parse(workbookXml).workbook ?? {};
  const rels = await relationships(zip, workbookPath, file);
  const byType = (suffix: string) =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sharedXml = byType("/sharedStrings")
    ? await partText(zip, byType("/sharedStrings")!, file)
    : undefined;
  const sharedStrings = sharedXml
    ? ((parser.parse(sharedXml).sst?.si ?? []) as Record<string, unknown>[]).map(sharedStringText)
    : [];
  const metadataXml = byType("/sheetMetadata")
    ? await partText(zip, byType("/sheetMetadata")!, file)
    : undefined;
  const sheetEntries: { name: string; id: string }[] = (workbook.sheets?.sheet ?? []).map(
    (s: Record<string, string>) => ({ name: s.name === undefined ? "" : String(s.name), id: s.id })
  );
  if (sheetEntries.length === 0) throw damaged({ kind: "no-sheets" });
  // Damaged bytes can drop or repeat a sheet's name (found by fuzzing): said, not a crash later.
  const seen = new Set<string>();
  sheetEntries.forEach((entry, i) => {
    if (entry.name === "") throw damaged({ kind: "sheet-unnamed", index: i + 1 });
    if (seen.has(entry.name.toLowerCase()))
      throw damaged({ kind: "sheet-twice", name: entry.name });
    seen.add(entry.name.toLowerCase());
  });
  const counter = { cells: 0 };
  const sheets: XlsxSheet[] = [];
  for (const entry of sheetEntries) {
    const rel = rels.get(entry.id);
    if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets and dialog sheets have no cells
    const xml = await partText(zip, rel.target, file);
    if (xml === undefined)
      throw damaged({ kind: "sheet-missing", sheet: entry.name, part: rel.target });
    const { cells, rows } = scanSheet(xml, file, entry.name, sharedStrings, counter);
    const tables: TableInfo[] = [];
    for (const r of (await relationships(zip, rel.target, file)).values()) {
      if (!r.type.endsWith("/table")) continue;
      const t = await partText(zip, r.target, file);
      const table = t ? tableOf(t, entry.name) : undefined;
      if (table && !isTableName(table.name))
        throw damaged({ kind: "table-name", table: String(table.name), sheet: entry.name });
      if (table) tables.push(table);
    }
    sheets.push({ name: entry.name, path: rel.target, xml, cells, rows, tables });
  }
  const definedNames = ((workbook.definedNames?.definedName ?? []) as Record<string, string>[]).map(
    (d) => ({
      name: String(d.name),
      text: textOf(d),
      // localSheetId counts every sheet of the workbook, chart sheets included.
      localSheet:
        d.localSheetId === undefined ? undefined : sheetEntries[Number(d.localSheetId)]?.name,
    })
  );
  return {
    zip,
    sheets,
    definedNames,
    dynamicArrayIndex: metadataXml ? dynamicArrayIndex(metadataXml) : undefined,
  };
}

/* ---------- writing back ---------- */

/** A value to store as a formula cell's cached result (or a spilled cell's value). */
export type CachedValue = number | string | boolean | { error: string } | null;

export interface CellUpdate {
  row: number;
  column: number;
  value: CachedValue;
  /** For a formula's own cell: the <f> element to write (kept as the file had it unless it must change). */
  formulaXml?: string;
  /** Set the cm attribute (dynamic array anchor) or remove it (null). */
  cm?: number | null;
}

function valueXml(value: CachedValue): { t?: string; v?: string } {
  if (value === null) return {};
  if (typeof value === "number") return { v: String(value) };
  if (typeof value === "boolean") return { t: "b", v: value ? "1" : "0" };
  if (typeof value === "string") return { t: "str", v: encodeXml(value) };
  return { t: "e", v: encodeXml(value.error) };
}

function cellXml(update: CellUpdate, old: Record<string, string> | undefined): string {
  const attributes: Record<string, string> = {
    ...(old ?? {}),
    r: cellAddress(update.row, update.column),
  };
  const { t, v } = valueXml(update.value);
  delete attributes.t;
  // vm points at a rich value (a linked data type) that the new plain value replaces.
  delete attributes.vm;
  if (t) attributes.t = t;
  if (update.cm === null) delete attributes.cm;
  else if (update.cm !== undefined) attributes.cm = String(update.cm);
  const order = ["r", "s", "t", "cm", "vm", "ph"];
  const names = Object.keys(attributes).sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)
  );
  const attrText = names.map((n) => ` ${n}="${encodeXml(attributes[n]!)}"`).join("");
  const body = `${update.formulaXml ?? ""}${v !== undefined ? `<v>${v}</v>` : ""}`;
  return body ? `<c${attrText}>${body}</c>` : `<c${attrText}/>`;
}

/** The sheet's XML with the updated cells; rows without updates keep their exact text. */
export function applyCellUpdates(sheet: XlsxSheet, updates: CellUpdate[]): string {
  if (updates.length === 0) return sheet.xml;
  const byRow = new Map<number, CellUpdate[]>();
  for (const u of updates) byRow.set(u.row, [...(byRow.get(u.row) ?? []), u]);
  const rowXml = (row: number, openTag: string | undefined, existing: string): string => {
    const cells = new Map<number, { xml: string; attributes: Record<string, string> }>();
    for (const c of existing.matchAll(CELL)) {
      const attributes = attributesOf(c[1]!);
      const letters = /^\$?([A-Za-z]+)/.exec(attributes.r ?? "")?.[1];
      if (letters) cells.set(columnIndex(letters.toUpperCase()), { xml: c[0], attributes });
    }
    for (const u of byRow.get(row) ?? []) {
      const attributes = cells.get(u.column)?.attributes ?? {};
      cells.set(u.column, { xml: cellXml(u, attributes), attributes });
    }
    // spans is an optional hint that may no longer hold; Excel recomputes it.
    const open = (openTag ?? `<row r="${row + 1}">`)
      .replace(/\s+spans="[^"]*"/, "")
      .replace(/\/>$/, ">");
    return `${open}${[...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map((e) => e[1].xml)
      .join("")}</row>`;
  };
  let out = "";
  let at = 0;
  const pending = new Set(byRow.keys());
  for (const r of sheet.rows) {
    const before = [...pending].filter((n) => n < r.row).sort((a, b) => a - b);
    if (before.length) {
      out += sheet.xml.slice(at, r.start) + before.map((n) => rowXml(n, undefined, "")).join("");
      at = r.start;
      before.forEach((n) => pending.delete(n));
    }
    if (!pending.has(r.row)) continue;
    const text = sheet.xml.slice(r.start, r.end);
    out += sheet.xml.slice(at, r.start) + rowXml(r.row, r.openTag, text.endsWith("/>") ? "" : text);
    at = r.end;
    pending.delete(r.row);
  }
  out += sheet.xml.slice(at);
  if (pending.size) {
    const rest = [...pending]
      .sort((a, b) => a - b)
      .map((n) => rowXml(n, undefined, ""))
      .join("");
    out = out.replace(
      /<((?:\w+:)?)sheetData\b([^>]*?)\/>/,
      "<$1sheetData$2>" + rest + "</$1sheetData>"
    );
    if (!out.includes(rest)) out = out.replace(/(<\/(?:\w+:)?sheetData>)/, `${rest}$1`);
  }
  return out;
}

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/**
 * Gives the package Excel's dynamic-array metadata part when it has none (as Excel writes it:
 * the part, its content type and the workbook's relationship) and returns the cm index.
 * A package whose metadata part lacks the dynamic-array entry gets undefined (legacy arrays).
 */
export async function ensureDynamicArrayMetadata(pkg: XlsxPackage): Promise<number | undefined> {
  if (pkg.dynamicArrayIndex !== undefined) return pkg.dynamicArrayIndex;
  const zip = pkg.zip;
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPath)?.async("string");
  if (!rels || /relationships\/sheetMetadata"/.test(rels) || zip.file("xl/metadata.xml"))
    return undefined;
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  zip.file(
    relsPath,
    rels.replace(
      /<\/Relationships>\s*$/,
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>`
    )
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      /<\/Types>\s*$/,
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'
    )
  );
  zip.file("xl/metadata.xml", METADATA_XML);
  pkg.dynamicArrayIndex = 1;
  return 1;
}
