import JSZip from "jszip";

/*
 * .xlsx files as Excel writes them, from hand-written XML: shared strings, shared formulas,
 * dynamic arrays with xl/metadata.xml and cm, _xldudf_ and _xlfn. names, tables, the add-in's
 * webextension parts and custom XML. Only what a test needs, but in Excel's own shapes.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface FixtureCell {
  /** "B3" */
  r: string;
  /** A number, a boolean, or text (stored as a shared string). */
  value?: number | string | boolean;
  /** The <f> element's text, as Excel stores it (no "="). */
  f?: string;
  /** Attributes of <f> beyond the text, e.g. { t: "shared", ref: "B2:B22", si: "0" }. */
  fAttributes?: Record<string, string>;
  /** The cm attribute (dynamic array). */
  cm?: number;
  /** The cached value type: "str" for a formula's text, "e" for an error. */
  t?: "str" | "e" | "b";
}

export interface FixtureTable {
  name: string;
  ref: string;
  columns: string[];
}

export interface FixtureSheet {
  name: string;
  cells: FixtureCell[];
  tables?: FixtureTable[];
  /** A <dimension ref>, as Excel writes it; computed when absent. */
  dimension?: string;
}

export interface FixtureOptions {
  /** Add xl/metadata.xml with the dynamic-array entry (cm="1"). */
  dynamicArrays?: boolean;
  /** Add the add-in's task pane binding (xl/webextensions/) and a custom XML part. */
  addInParts?: boolean;
  /** An external link part (for [1]!_xldudf_ names). */
  externalLink?: boolean;
  definedNames?: { name: string; text: string; hidden?: boolean }[];
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const METADATA_XML = `${header}<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

export const WEBEXTENSION_XML = `${header}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-4B0A-A5D8-5C1E6A2E7A3B}"><we:reference id="05c2e1c9-3e1d-406e-9a91-e9ac64854143" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`;
export const TASKPANES_XML = `${header}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;
export const CUSTOM_XML = `${header}<sjuk:binding xmlns:sjuk="urn:sjuk:test">behåll mig · keep me</sjuk:binding>`;

function cellXml(c: FixtureCell, strings: string[]): string {
  const attrs = [`r="${c.r}"`];
  let v = "";
  if (c.f !== undefined || c.fAttributes) {
    const fa = Object.entries(c.fAttributes ?? {})
      .map(([k, val]) => ` ${k}="${val}"`)
      .join("");
    const f = c.f === undefined ? `<f${fa}/>` : `<f${fa}>${escape(c.f)}</f>`;
    if (c.t) attrs.push(`t="${c.t}"`);
    else if (typeof c.value === "string") attrs.push('t="str"');
    else if (typeof c.value === "boolean") attrs.push('t="b"');
    if (c.cm) attrs.push(`cm="${c.cm}"`);
    const cachedValue = typeof c.value === "boolean" ? (c.value ? "1" : "0") : c.value;
    return `<c ${attrs.join(" ")}>${f}${cachedValue === undefined ? "" : `<v>${escape(String(cachedValue))}</v>`}</c>`;
  }
  if (typeof c.value === "string") {
    attrs.push('t="s"');
    let i = strings.indexOf(c.value);
    if (i < 0) i = strings.push(c.value) - 1;
    v = String(i);
  } else if (typeof c.value === "boolean") {
    attrs.push('t="b"');
    v = c.value ? "1" : "0";
  } else if (c.value !== undefined) v = String(c.value);
  return `<c ${attrs.join(" ")}>${v === "" ? "" : `<v>${v}</v>`}</c>`;
}

function rowOf(r: string): number {
  return Number(/\d+$/.exec(r)![0]);
}

/** The .xlsx as a Buffer. */
export async function buildXlsx(
  sheets: FixtureSheet[],
  options: FixtureOptions = {}
): Promise<Buffer> {
  const zip = new JSZip();
  const strings: string[] = [];
  const overrides: string[] = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
  ];
  const workbookRels: string[] = [];
  let tableCount = 0;
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const rows = new Map<number, FixtureCell[]>();
    for (const c of sheet.cells) rows.set(rowOf(c.r), [...(rows.get(rowOf(c.r)) ?? []), c]);
    const rowXml = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(
        ([r, cells]) =>
          `<row r="${r}" spans="1:8" x14ac:dyDescent="0.25">${cells.map((c) => cellXml(c, strings)).join("")}</row>`
      )
      .join("");
    const tableParts = (sheet.tables ?? []).map((t, j) => {
      tableCount++;
      const cols = t.columns
        .map((c, k) => `<tableColumn id="${k + 1}" name="${escape(c)}"/>`)
        .join("");
      zip.file(
        `xl/tables/table${tableCount}.xml`,
        `${header}<table xmlns="${MAIN}" id="${tableCount}" name="${t.name}" displayName="${t.name}" ref="${t.ref}" totalsRowShown="0"><autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
      );
      overrides.push(
        `<Override PartName="/xl/tables/table${tableCount}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
      );
      return { id: `rId${j + 1}`, target: `../tables/table${tableCount}.xml` };
    });
    if (tableParts.length)
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `${header}<Relationships xmlns="${PKG_REL}">${tableParts.map((t) => `<Relationship Id="${t.id}" Type="${REL}/table" Target="${t.target}"/>`).join("")}</Relationships>`
      );
    const dimension =
      sheet.dimension ??
      `A1:${
        sheet.cells
          .map((c) => c.r)
          .sort((a, b) => rowOf(a) - rowOf(b))
          .pop() ?? "A1"
      }`;
    zip.file(
      `xl/worksheets/sheet${n}.xml`,
      `${header}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>${rowXml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tableParts.length ? `<tableParts count="${tableParts.length}">${tableParts.map((t) => `<tablePart r:id="${t.id}"/>`).join("")}</tableParts>` : ""}</worksheet>`
    );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    workbookRels.push(
      `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`
    );
  });
  let next = sheets.length + 1;
  workbookRels.push(
    `<Relationship Id="rId${next++}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
  );
  if (options.dynamicArrays) {
    zip.file("xl/metadata.xml", METADATA_XML);
    overrides.push(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>'
    );
    workbookRels.push(
      `<Relationship Id="rId${next++}" Type="${REL}/sheetMetadata" Target="metadata.xml"/>`
    );
  }
  if (options.externalLink) {
    zip.file(
      "xl/externalLinks/externalLink1.xml",
      `${header}<externalLink xmlns="${MAIN}"><externalBook xmlns:r="${REL}" r:id="rId1"><sheetNames/></externalBook></externalLink>`
    );
    overrides.push(
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
    );
    workbookRels.push(
      `<Relationship Id="rId${next++}" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`
    );
  }
  const rootRels = [
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`,
  ];
  if (options.addInParts) {
    zip.file("xl/webextensions/webextension1.xml", WEBEXTENSION_XML);
    zip.file("xl/webextensions/taskpanes.xml", TASKPANES_XML);
    zip.file(
      "xl/webextensions/_rels/taskpanes.xml.rels",
      `${header}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`
    );
    overrides.push(
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>'
    );
    overrides.push(
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>'
    );
    rootRels.push(
      '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>'
    );
    zip.file("customXml/item1.xml", CUSTOM_XML);
    workbookRels.push(
      `<Relationship Id="rId${next++}" Type="${REL}/customXml" Target="../customXml/item1.xml"/>`
    );
  }
  const names = (options.definedNames ?? [])
    .map(
      (d) =>
        `<definedName name="${d.name}"${d.hidden ? ' hidden="1"' : ""}>${escape(d.text)}</definedName>`
    )
    .join("");
  zip.file(
    "xl/workbook.xml",
    `${header}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="28127"/><workbookPr defaultThemeVersion="202300"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${options.externalLink ? '<externalReferences><externalReference r:id="rId' + (next - 1) + '"/></externalReferences>' : ""}${names ? `<definedNames>${names}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${header}<Relationships xmlns="${PKG_REL}">${workbookRels.join("")}</Relationships>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `${header}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`
  );
  zip.file(
    "_rels/.rels",
    `${header}<Relationships xmlns="${PKG_REL}">${rootRels.join("")}</Relationships>`
  );
  zip.file(
    "[Content_Types].xml",
    `${header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every part of an .xlsx as text, by path. */
export async function partsOf(data: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name]!.dir) out.set(name, await zip.files[name]!.async("string"));
  return out;
}
