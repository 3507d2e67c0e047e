/*
 * Offline checks of manifest.xml (Microsoft's validator, `npm run validate`, needs its online
 * service). The checker is in check-manifest.ts; the second half of this file shows that each
 * check can fail, on deliberately broken copies of the real manifest.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ManifestInfo } from "office-addin-manifest";
import { xsdErrors } from "./xsd";
import {
  checkManifest,
  parseXml,
  pngSize,
  SJUK_EXPECTATIONS,
  ManifestExpectations,
} from "./check-manifest";

const root = path.resolve(__dirname, "../..");

/**
 * office-addin-manifest's readManifestFile, run in a plain Node process: the package also loads
 * @microsoft/app-manifest (for JSON manifests), whose ES-module dependencies jest's CommonJS
 * runtime cannot load. Node itself can, so the reader runs unmodified, as `npm run validate`
 * would run it.
 */
function readManifestFile(file: string): Promise<ManifestInfo> {
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((info) => process.stdout.write(JSON.stringify(info)))
    .catch((err) => { process.stderr.write(String(err)); process.exit(1); });`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", script, file], { cwd: root }, (err, stdout, stderr) =>
      err ? reject(new Error(stderr || String(err))) : resolve(JSON.parse(stdout) as ManifestInfo)
    )
  );
}
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const expectations: ManifestExpectations = {
  ...SJUK_EXPECTATIONS,
  assetsDir: path.join(root, "assets"),
};

describe("manifest.xml", () => {
  test("passes every offline check", async () => {
    expect(await checkManifest(manifest, expectations)).toEqual([]);
  });

  test("is valid against Microsoft's XSD schemas (offline, libxml2)", async () => {
    expect(await xsdErrors(manifest)).toEqual([]);
  });

  test("starts at version 1.0.0.0", () => {
    expect(manifest).toContain("<Version>1.0.0.0</Version>");
  });

  test.each([
    [
      "an element out of the schema's order",
      move(/ *<SupportUrl [^>]*\/>\n/, "  <IconUrl"),
      /Element '\{[^}]+\}IconUrl': This element is not expected/,
    ],
    [
      "a version with five parts",
      replace("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"),
      /Version.*is not accepted by the pattern/,
    ],
    [
      "a Runtime lifetime the schema does not know",
      replace('lifetime="long"', 'lifetime="forever"'),
      /lifetime.*'forever' is not an element of the set/,
    ],
  ])("the XSD check fails on %s", async (_name, edit, expected) => {
    const errors = await xsdErrors(broken(edit));
    expect(errors.join("\n")).toMatch(expected);
  });

  test("office-addin-manifest's own reader accepts it", async () => {
    const info = await readManifestFile(manifestPath);
    const id = (await parseXml(manifest)).children.find((c) => c.local === "Id")?.text;
    expect(info.id).toBe(id);
    expect(info.displayName).toBe("SJUK – sick-leave agreement funds");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
  });

  test("names the files webpack emits, on the dev server", async () => {
    const urls = [...manifest.matchAll(/<bt:Url id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(urls)).toMatchObject({
      "Taskpane.Url": "https://localhost:3000/taskpane.html",
      "Functions.Script.Url": "https://localhost:3000/functions.js",
      "Functions.Metadata.Url": "https://localhost:3000/functions.json",
    });
  });

  test("the icons are PNGs of 16, 32, 64 and 80 px", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

/** Applies a text edit to the real manifest, failing loudly if the edit no longer applies. */
function broken(edit: (xml: string) => string): string {
  const result = edit(manifest);
  if (result === manifest) throw new Error("the edit did not change the manifest; update the test");
  return result;
}

function replace(from: string | RegExp, to: string): (xml: string) => string {
  return (xml) => xml.replace(from, to);
}

/** Moves the first element matching `element` to just before the first match of `before`. */
function move(element: RegExp, before: string): (xml: string) => string {
  return (xml) => {
    const match = element.exec(xml);
    if (!match) return xml;
    const without = xml.slice(0, match.index) + xml.slice(match.index + match[0].length);
    const at = without.indexOf(before);
    return at < 0 ? xml : without.slice(0, at) + match[0] + without.slice(at);
  };
}

const long = (n: number) => "x".repeat(n);

describe("the checker rejects broken manifests", () => {
  const cases: [string, (xml: string) => string, string][] = [
    [
      "malformed XML (-- inside a comment)",
      replace("<!-- No AppDomains", "<!-- No -- AppDomains"),
      "not well-formed XML",
    ],
    [
      "Permissions before DefaultSettings",
      move(/ *<Permissions>[^<]*<\/Permissions>\n/, "  <DefaultSettings>"),
      "<DefaultSettings> is out of order; it must come before <Permissions>",
    ],
    [
      "Requirements before Hosts",
      move(/ {2}<Requirements>[\s\S]*?<\/Requirements>\n/, "  <Hosts>"),
      "out of order",
    ],
    [
      "Resources before Hosts in VersionOverrides",
      move(/ {4}<Resources>[\s\S]*?<\/Resources>\n/, "    <Hosts>\n      <Host xsi:type"),
      "<Hosts> is out of order",
    ],
    [
      "Runtimes after AllFormFactors",
      move(/ *<AllFormFactors>[\s\S]*?<\/AllFormFactors>\n/, "        <Runtimes>"),
      "<Runtimes> is out of order",
    ],
    [
      "FunctionFile before GetStarted",
      move(/ *<FunctionFile [^>]*\/>\n/, "          <GetStarted>"),
      "<GetStarted> is out of order",
    ],
    [
      "Namespace before Metadata",
      move(/ *<Namespace [^>]*\/>\n/, "            <Metadata>"),
      "<Metadata> is out of order",
    ],
    [
      "Urls before Images",
      move(/ *<bt:Urls>[\s\S]*?<\/bt:Urls>\n/, "      <bt:Images>"),
      "<bt:Images> is out of order",
    ],
    [
      "an unknown element",
      replace("<ProviderName>", "<Provider>x</Provider><ProviderName>"),
      "not a valid child of <OfficeApp>",
    ],
    [
      "no Permissions",
      replace(/ *<Permissions>[^<]*<\/Permissions>\n/, ""),
      "missing required <Permissions>",
    ],
    [
      "a resid that is not defined",
      replace('<bt:Url id="Functions.Metadata.Url"', '<bt:Url id="Functions.Meta.Url"'),
      'resid "Functions.Metadata.Url" is not defined',
    ],
    [
      "a resid of the wrong kind",
      replace('<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'),
      "names a long resource, a short is needed",
    ],
    [
      "a duplicate resource id",
      replace('<bt:String id="SjukGroup.Label"', '<bt:String id="TaskpaneButton.Label"'),
      'duplicate resource id "TaskpaneButton.Label"',
    ],
    [
      "an id over 32 characters",
      replace(/Functions\.Script\.Url/g, "Functions.Script.Url.Much.Too.Long.Id"),
      "must have 1 to 32 characters",
    ],
    [
      "a ShortString over 125 characters",
      replace('DefaultValue="Open SJUK"', `DefaultValue="${long(126)}"`),
      "must have 1 to 125 characters, has 126",
    ],
    [
      "a LongString over 250 characters",
      replace('Value="Öppna åtgärdsfönstret', `Value="${long(250)}`),
      "must have 1 to 250 characters",
    ],
    [
      "a DisplayName over 125 characters",
      replace('<DisplayName DefaultValue="', `<DisplayName DefaultValue="${long(125)}`),
      "DefaultValue must have 1 to 125",
    ],
    [
      "a short-lived runtime",
      replace('lifetime="long"', 'lifetime="short"'),
      'lifetime must be "long"',
    ],
    [
      "no runtime",
      replace(/ *<Runtimes>[\s\S]*?<\/Runtimes>\n/, ""),
      "expected exactly one <Runtime>, found 0",
    ],
    [
      "a functions page other than the shared page",
      replace(/(<Page>\s*<SourceLocation resid=")Taskpane\.Url/, "$1Functions.Script.Url"),
      "must use the runtime's page",
    ],
    [
      "a task pane other than the shared page",
      replace(
        /(<TaskpaneId>SjukTaskpane<\/TaskpaneId>\s*<SourceLocation resid=")Taskpane\.Url/,
        "$1Functions.Script.Url"
      ),
      "must show the runtime's page",
    ],
    [
      "a FunctionFile other than the shared page",
      replace(
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Functions.Script.Url"/>'
      ),
      "must be the runtime's page",
    ],
    [
      "DefaultSettings on another page",
      replace(
        '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="https://localhost:3000/other.html"/>'
      ),
      "is not the shared page",
    ],
    [
      "no SharedRuntime requirement",
      replace(/ *<Set Name="SharedRuntime"[^>]*\/>\n/, ""),
      'missing <Set Name="SharedRuntime">',
    ],
    [
      "no CustomFunctionsRuntime requirement",
      replace(/ *<Set Name="CustomFunctionsRuntime"[^>]*\/>\n/, ""),
      'missing <Set Name="CustomFunctionsRuntime">',
    ],
    [
      "another namespace",
      replace(
        'id="Functions.Namespace" DefaultValue="SJUK"',
        'id="Functions.Namespace" DefaultValue="CONTOSO"'
      ),
      'namespace must be "SJUK"',
    ],
    [
      "a localized namespace",
      replace(
        'DefaultValue="SJUK"/>',
        'DefaultValue="SJUK"><bt:Override Locale="sv-SE" Value="SJUKA"/></bt:String>'
      ),
      "must not be localized",
    ],
    [
      "an http URL",
      replace(
        'DefaultValue="https://localhost:3000/functions.json"',
        'DefaultValue="http://localhost:3000/functions.json"'
      ),
      "is not an https URL",
    ],
    [
      "an http icon URL",
      replace('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'),
      "/OfficeApp/IconUrl",
    ],
    [
      "a broader permission than expected",
      replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadDocument<"),
      "expected ReadWriteDocument, found ReadDocument",
    ],
    [
      "an unknown permission",
      replace("<Permissions>ReadWriteDocument<", "<Permissions>Everything<"),
      "is not a permission level",
    ],
    [
      "no Swedish display name",
      replace(/ *<Override Locale="sv-SE" Value="SJUK – sjukskrivningsmiljarden"\/>\n/, ""),
      '/OfficeApp/DisplayName: no <Override Locale="sv-SE">',
    ],
    [
      "no Swedish button label",
      replace('<bt:Override Locale="sv-SE" Value="Öppna SJUK"/>', ""),
      'TaskpaneButton.Label]: no <bt:Override Locale="sv-SE">',
    ],
    [
      "no Swedish tooltip",
      replace(/<bt:Override Locale="sv-SE" Value="Öppna åtgärdsfönstret[^"]*"\/>/, ""),
      "TaskpaneButton.Tooltip]: no <bt:Override",
    ],
    [
      "no Home tab",
      replace('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'),
      'no <OfficeTab id="TabHome">',
    ],
    [
      "an icon list without 80 px",
      replace(/ *<bt:Image size="80" resid="Icon.80x80"\/>\n/, ""),
      "no image of size 80",
    ],
    ["a GUID that is not one", replace(/<Id>[^<]+<\/Id>/, "<Id>sjuk</Id>"), "is not a GUID"],
    [
      "an icon file that does not exist",
      replace("assets/icon-64.png", "assets/icon-65.png"),
      "has no PNG",
    ],
    [
      "an icon of the wrong size",
      replace(
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'
      ),
      "is 64x64, expected 80x80",
    ],
    [
      "VersionOverrides in the wrong namespace",
      replace(
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"',
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"'
      ),
      "not a valid child of <OfficeApp>",
    ],
  ];

  test.each(cases)("%s", async (_name, edit, expected) => {
    const problems = await checkManifest(broken(edit), expectations);
    expect(problems.join("\n")).toContain(expected);
  });

  test("office-addin-manifest's reader rejects a manifest that is not XML", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sjuk-manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, manifest.replace("</OfficeApp>", ""));
      await expect(readManifestFile(file)).rejects.toThrow(/Unable to parse/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
