import JSZip from "jszip";
import { columnLetter, parseCell } from "./port";

/*
 * Valid .xlsx files that other tools write, made readable for ExcelJS (which expects Excel's own
 * spelling). Both forms below are valid SpreadsheetML; ExcelJS called them damaged:
 * - namespace prefixes on the elements (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`), as
 *   the Open XML SDK writes them: the prefix is dropped and its namespace made the default;
 * - rows and cells without their optional `r` reference: each gets the one its place implies.
 * A file that needs neither is passed on byte for byte.
 */

/** The parts ExcelJS reads as XML. */
const XML_PART = /\.(xml|rels)$/i;

/** Namespaces ExcelJS reads only as the default namespace (Excel never prefixes them). */
const DEFAULT_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/content-types",
]);

/** The root element's prefix, when it is bound to one of DEFAULT_NAMESPACES and the part has no default namespace. */
function rootPrefix(xml: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b([^>]*)>/.exec(
    xml.replace(/<\?[^?]*\?>/g, "")
  );
  if (!root || /\sxmlns\s*=/.test(root[2]!)) return undefined;
  const prefix = root[1]!;
  const uri = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*"([^"]*)"`).exec(root[2]!)?.[1];
  return uri && DEFAULT_NAMESPACES.has(uri) ? prefix : undefined;
}

/** `<x:a x:b="1">` → `<a x:b="1">`, and `xmlns:x=` → `xmlns=` (attributes keep their prefixes). */
export function unprefixed(xml: string): string {
  const prefix = rootPrefix(xml);
  if (!prefix) return xml;
  return xml
    .replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1")
    .replace(new RegExp(`(\\s)xmlns:${prefix}(\\s*=)`), "$1xmlns$2");
}

/** Gives every `<row>` and `<c>` of a worksheet the `r` reference its place implies, where it has none. */
export function withCellReferences(xml: string): string {
  if (!/<row(?=[\s/>])(?![^>]*\sr=)|<c(?=[\s/>])(?![^>]*\sr=)/.test(xml)) return xml;
  let row = 0;
  let column = -1;
  return xml.replace(/<(row|c)(?=[\s/>])([^>]*)>/g, (tag, name: string, attributes: string) => {
    const r = /\sr\s*=\s*"([^"]*)"/.exec(attributes);
    if (name === "row") {
      row = r ? Number(r[1]) : row + 1;
      column = -1;
      return r ? tag : `<row r="${row}"${attributes}>`;
    }
    if (r) {
      column = parseCell(r[1]!).column;
      return tag;
    }
    column++;
    return `<c r="${columnLetter(column)}${row}"${attributes}>`;
  });
}

/** The workbook's bytes as ExcelJS reads them; the same bytes when nothing needs changing. */
export async function forExcelJS(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name]!;
    if (file.dir || !XML_PART.test(name)) continue;
    const xml = await file.async("string");
    let fixed = unprefixed(xml);
    if (/worksheets\//i.test(name)) fixed = withCellReferences(fixed);
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}
