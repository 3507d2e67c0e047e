import { promises as fs } from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

/*
 * manifest.xml against Microsoft's published XSD schemas, offline: libxml2 compiled to
 * WebAssembly (xmllint-wasm, no native build, no download) and the schema files kept in
 * tests/manifest/schemas/ (source, licence and the few documented patches in its README.md).
 */

const SCHEMAS = path.join(__dirname, "schemas");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
const IMPORTED = [
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

async function schemaFile(fileName: string) {
  return { fileName, contents: await fs.readFile(path.join(SCHEMAS, fileName), "utf8") };
}

/** The schema errors of a manifest, each with its line ("manifest.xml:60: … Runtimes …"); [] when valid. */
export async function xsdErrors(manifest: string, fileName = "manifest.xml"): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName, contents: manifest }],
    schema: [await schemaFile(ROOT_SCHEMA)],
    preload: await Promise.all(IMPORTED.map(schemaFile)),
  });
  return result.errors.map((e) => e.rawMessage);
}
