/*
 * An offline checker for manifest.xml: the things that stop Office from loading an add-in-only
 * (XML) manifest, checked without Microsoft's online validator (`npm run validate`) and without
 * its XSD files, which no npm package ships.
 *
 * Sources for the rules (checked against Microsoft's docs):
 * - element order: each parent's xs:sequence in OfficeAppManifestV1_1.xsd,
 *   TaskPaneAppVersionOverridesV1_0.xsd and OfficeAppBasicTypesV1_0.xsd (office-js-docs-pr,
 *   docs/overview/schemas/taskpane) and MS-OWEMXML, which adds Runtimes before AllFormFactors
 *   in Host; "How to find the proper order of manifest elements" explains why order breaks
 *   loading;
 * - lengths: ShortString 1..125, LongString 1..250, ReferenceId (id, resid) 1..32;
 * - shared runtime: "Configure your Office Add-in to use a shared runtime" (SharedRuntime 1.1
 *   and CustomFunctionsRuntime 1.1; one Runtime with lifetime="long" whose page is also the
 *   custom-functions Page, the ShowTaskpane page and the FunctionFile).
 *
 * checkManifest returns a list of problems (empty when the manifest passes); each message
 * names the element path, so a failing test says what to fix.
 */
import * as fs from "fs";
import * as path from "path";

export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  taskpaneOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** A parsed element with its namespace resolved. */
export interface El {
  qname: string;
  local: string;
  ns: string | undefined;
  attrs: Record<string, string>;
  text: string;
  children: El[];
  path: string;
}

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: XmlNode[];
}

interface Xml2js {
  parseString(
    xml: string,
    options: Record<string, unknown>,
    callback: (err: Error | null, result: Record<string, XmlNode>) => void
  ): void;
}

// xml2js comes with office-addin-manifest (whose readManifestFile parses with it); it has no
// type declarations installed, hence the small interface above.
const xml2js: Xml2js = require("xml2js");

export async function parseXml(xml: string): Promise<El> {
  const doc = await new Promise<Record<string, XmlNode>>((resolve, reject) =>
    xml2js.parseString(
      xml,
      { explicitChildren: true, preserveChildrenOrder: true, explicitCharkey: true, strict: true },
      (err, result) => (err ? reject(err) : resolve(result))
    )
  );
  const rootName = Object.keys(doc)[0];
  if (!rootName) {
    throw new Error("empty document");
  }
  return toEl(doc[rootName]!, {}, "");
}

function toEl(node: XmlNode, inherited: Record<string, string>, parentPath: string): El {
  const attrs = node.$ ?? {};
  const scope = { ...inherited };
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "xmlns") scope[""] = value;
    else if (name.startsWith("xmlns:")) scope[name.slice(6)] = value;
  }
  const qname = node["#name"];
  const colon = qname.indexOf(":");
  const prefix = colon >= 0 ? qname.slice(0, colon) : "";
  const local = colon >= 0 ? qname.slice(colon + 1) : qname;
  const idOrType = attrs.id ?? attrs.Name ?? attrs["xsi:type"];
  const elPath = `${parentPath}/${qname}${idOrType && parentPath ? `[${idOrType}]` : ""}`;
  return {
    qname,
    local,
    ns: scope[prefix],
    attrs,
    text: (node._ ?? "").trim(),
    children: (node.$$ ?? []).map((child) => toEl(child, scope, elPath)),
    path: elPath,
  };
}

/** One entry of an xs:sequence: local name, namespace, occurrence bounds. */
interface Slot {
  local: string;
  ns: string;
  min: number;
  max: number;
}

const slot = (local: string, ns: string, min = 0, max = 1): Slot => ({ local, ns, min, max });
const UNBOUNDED = Number.POSITIVE_INFINITY;

const A = NS.officeApp;
const T = NS.taskpaneOverrides;
const B = NS.basicTypes;

/** OfficeApp (OfficeApp base sequence followed by the TaskPaneApp extension). */
export const OFFICE_APP_ORDER: Slot[] = [
  slot("Id", A, 1),
  slot("AlternateId", A),
  slot("Version", A, 1),
  slot("ProviderName", A, 1),
  slot("DefaultLocale", A, 1),
  slot("DisplayName", A, 1),
  slot("Description", A, 1),
  slot("IconUrl", A),
  slot("HighResolutionIconUrl", A),
  slot("SupportUrl", A),
  slot("AppDomains", A),
  slot("Hosts", A),
  slot("Requirements", A),
  slot("DefaultSettings", A, 1),
  slot("Permissions", A, 1),
  slot("Dictionary", A),
  slot("VersionOverrides", T),
];

export const VERSION_OVERRIDES_ORDER: Slot[] = [
  slot("Description", T),
  slot("Requirements", T),
  slot("Hosts", T),
  slot("Resources", T),
  slot("WebApplicationInfo", T),
  slot("EquivalentAddins", T),
];

const ORDERS: Record<string, Slot[]> = {
  OfficeApp: OFFICE_APP_ORDER,
  VersionOverrides: VERSION_OVERRIDES_ORDER,
  "VersionOverrides/Host": [
    slot("Runtimes", T),
    slot("AllFormFactors", T),
    slot("DesktopFormFactor", T),
  ],
  Runtimes: [slot("Runtime", T, 1, UNBOUNDED)],
  AllFormFactors: [slot("ExtensionPoint", T)],
  DesktopFormFactor: [
    slot("GetStarted", T),
    slot("FunctionFile", T),
    slot("ExtensionPoint", T, 1, UNBOUNDED),
  ],
  "ExtensionPoint[CustomFunctions]": [
    slot("Script", T, 1),
    slot("Page", T, 1),
    slot("Metadata", T),
    slot("Namespace", T),
  ],
  "ExtensionPoint[PrimaryCommandSurface]": [
    slot("OfficeTab", T, 0, UNBOUNDED),
    slot("CustomTab", T, 0, UNBOUNDED),
  ],
  GetStarted: [slot("Title", T, 1), slot("Description", T, 1), slot("LearnMoreUrl", T, 1)],
  OfficeTab: [slot("Group", T, 1, UNBOUNDED)],
  Group: [slot("Label", T, 1), slot("Icon", T, 1), slot("Control", T, 1, UNBOUNDED)],
  "Control[Button]": [
    slot("Label", T, 1),
    slot("Supertip", T, 1),
    slot("Icon", T, 1),
    slot("Action", T, 1),
  ],
  Supertip: [slot("Title", T, 1), slot("Description", T, 1)],
  "Action[ShowTaskpane]": [slot("TaskpaneId", T), slot("SourceLocation", T, 1), slot("Title", T)],
  Resources: [slot("Images", B), slot("Urls", B), slot("ShortStrings", B), slot("LongStrings", B)],
};

/** Checks children against an xs:sequence: order, unknown elements, occurrence bounds. */
export function checkSequence(parent: El, order: Slot[], problems: string[]): void {
  let position = 0;
  const counts = new Map<Slot, number>();
  for (const child of parent.children) {
    const index = order.findIndex((s) => s.local === child.local && s.ns === child.ns);
    if (index < 0) {
      problems.push(`${child.path}: <${child.qname}> is not a valid child of <${parent.qname}>`);
      continue;
    }
    if (index < position) {
      problems.push(
        `${child.path}: <${child.qname}> is out of order; it must come before <${order[position]!.local}>`
      );
    }
    position = Math.max(position, index);
    const s = order[index]!;
    counts.set(s, (counts.get(s) ?? 0) + 1);
    if (counts.get(s)! > s.max) {
      problems.push(`${child.path}: <${child.qname}> may appear at most ${s.max} time(s)`);
    }
  }
  for (const s of order) {
    if ((counts.get(s) ?? 0) < s.min) {
      problems.push(`${parent.path}: missing required <${s.local}>`);
    }
  }
}

function orderKey(el: El, parent: El | undefined): string | undefined {
  const type = el.attrs["xsi:type"];
  if (el.local === "Host" && parent?.local === "Hosts" && el.ns === T)
    return "VersionOverrides/Host";
  const typed = type ? `${el.local}[${type}]` : undefined;
  if (typed && ORDERS[typed]) return typed;
  return ORDERS[el.local] ? el.local : undefined;
}

export function walk(el: El, visit: (el: El, parent: El | undefined) => void, parent?: El): void {
  visit(el, parent);
  for (const child of el.children) walk(child, visit, el);
}

const find = (el: El | undefined, local: string): El | undefined =>
  el?.children.find((c) => c.local === local);
const findAll = (el: El | undefined, local: string): El[] =>
  el?.children.filter((c) => c.local === local) ?? [];

type ResourceKind = "image" | "url" | "short" | "long";

const RESOURCE_COLLECTIONS: Record<string, ResourceKind> = {
  Images: "image",
  Urls: "url",
  ShortStrings: "short",
  LongStrings: "long",
};

/** Which kind of resource an element's resid must name. */
function residKind(el: El): ResourceKind | undefined {
  switch (el.local) {
    case "Image":
      return "image";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Runtime":
      return "url";
    case "Label":
    case "Title":
    case "Namespace":
      return "short";
    case "Description":
      return "long";
    default:
      return undefined;
  }
}

const MAX = { short: 125, long: 250, id: 32 } as const;
const PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;

export interface ManifestExpectations {
  namespace: string;
  permission: string;
  /** Every user-visible string needs an override for this locale. */
  locale: string;
  /** Where the icons live; when given, each icon URL must name a PNG of the declared size there. */
  assetsDir?: string;
}

export const SJUK_EXPECTATIONS: ManifestExpectations = {
  namespace: "SJUK",
  permission: "ReadWriteDocument",
  locale: "sv-SE",
};

interface Resource {
  kind: ResourceKind;
  el: El;
  value: string;
}

export async function checkManifest(xml: string, expect: ManifestExpectations): Promise<string[]> {
  let root: El;
  try {
    root = await parseXml(xml);
  } catch (err) {
    return [`not well-formed XML: ${String(err).split("\n")[0]}`];
  }
  const problems: string[] = [];
  const p = (message: string) => problems.push(message);

  // Root element.
  if (root.local !== "OfficeApp" || root.ns !== NS.officeApp) {
    p(`root must be <OfficeApp> in ${NS.officeApp}, found <${root.qname}> in ${root.ns}`);
    return problems;
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") p(`/OfficeApp: xsi:type must be TaskPaneApp`);
  if (root.attrs["xmlns:bt"] !== NS.basicTypes) p(`/OfficeApp: xmlns:bt must be ${NS.basicTypes}`);
  if (root.attrs["xmlns:xsi"] !== NS.xsi) p(`/OfficeApp: xmlns:xsi must be ${NS.xsi}`);

  // Element order, everywhere the schema fixes it.
  walk(root, (el, parent) => {
    const key = orderKey(el, parent);
    if (key) checkSequence(el, ORDERS[key]!, problems);
  });

  // Base manifest values.
  const id = find(root, "Id")?.text ?? "";
  if (!UUID.test(id)) p(`/OfficeApp/Id: "${id}" is not a GUID`);
  const version = find(root, "Version")?.text ?? "";
  if (!VERSION.test(version)) p(`/OfficeApp/Version: "${version}" is not n(.n){0,3}`);
  const permission = find(root, "Permissions")?.text;
  if (permission !== undefined) {
    if (!PERMISSIONS.includes(permission))
      p(`/OfficeApp/Permissions: "${permission}" is not a permission level`);
    else if (permission !== expect.permission) {
      p(`/OfficeApp/Permissions: expected ${expect.permission}, found ${permission}`);
    }
  }
  const hosts = findAll(find(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (!hosts.includes("Workbook")) p(`/OfficeApp/Hosts: no <Host Name="Workbook">`);

  for (const [local, max] of [
    ["DisplayName", MAX.short],
    ["Description", MAX.long],
  ] as const) {
    const el = find(root, local);
    if (!el) continue;
    checkLength(el.path, "DefaultValue", el.attrs.DefaultValue, max, p);
    const overrides = findAll(el, "Override");
    for (const o of overrides) checkLength(o.path, "Value", o.attrs.Value, max, p);
    if (!overrides.some((o) => o.attrs.Locale === expect.locale)) {
      p(`${el.path}: no <Override Locale="${expect.locale}">`);
    }
  }

  // Requirements for the shared runtime and custom functions.
  const sets = findAll(find(find(root, "Requirements"), "Sets"), "Set");
  for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    const set = sets.find((s) => s.attrs.Name === name);
    if (!set) p(`/OfficeApp/Requirements: missing <Set Name="${name}">`);
    else if ((set.attrs.MinVersion ?? "1.1") !== "1.1")
      p(`/OfficeApp/Requirements: ${name} must be MinVersion 1.1`);
  }

  // VersionOverrides.
  const overrides = find(root, "VersionOverrides");
  if (!overrides) {
    p(`/OfficeApp: no <VersionOverrides>`);
    return problems;
  }
  if (overrides.ns !== NS.taskpaneOverrides)
    p(`${overrides.path}: must be in ${NS.taskpaneOverrides}`);
  if (overrides.attrs["xsi:type"] !== "VersionOverridesV1_0")
    p(`${overrides.path}: xsi:type must be VersionOverridesV1_0`);

  // Resources: ids, lengths, locales.
  const resources = new Map<string, Resource>();
  const resourcesEl = find(overrides, "Resources");
  for (const collection of resourcesEl?.children ?? []) {
    const kind = RESOURCE_COLLECTIONS[collection.local];
    if (!kind) continue;
    for (const item of collection.children) {
      const rid = item.attrs.id ?? "";
      if (rid.length < 1 || rid.length > MAX.id)
        p(`${item.path}: id "${rid}" must have 1 to ${MAX.id} characters`);
      if (resources.has(rid)) p(`${item.path}: duplicate resource id "${rid}"`);
      resources.set(rid, { kind, el: item, value: item.attrs.DefaultValue ?? "" });
      if (kind === "short" || kind === "long") {
        checkLength(item.path, "DefaultValue", item.attrs.DefaultValue, MAX[kind], p);
        for (const o of findAll(item, "Override"))
          checkLength(o.path, "Value", o.attrs.Value, MAX[kind], p);
      }
    }
  }

  // Every resid names a defined resource of the right kind.
  walk(overrides, (el) => {
    const resid = el.attrs.resid;
    if (resid === undefined) return;
    if (resid.length < 1 || resid.length > MAX.id)
      p(`${el.path}: resid "${resid}" must have 1 to ${MAX.id} characters`);
    const resource = resources.get(resid);
    const kind = residKind(el);
    if (!resource) p(`${el.path}: resid "${resid}" is not defined in <Resources>`);
    else if (kind && resource.kind !== kind) {
      p(`${el.path}: resid "${resid}" names a ${resource.kind} resource, a ${kind} is needed here`);
    }
  });

  // Every string the user sees has the locale's override; the namespace has none.
  const namespaceEl = findDeep(overrides, (el) => el.local === "Namespace");
  const namespaceId = namespaceEl?.attrs.resid;
  for (const [rid, r] of resources) {
    if (r.kind !== "short" && r.kind !== "long") continue;
    const locales = findAll(r.el, "Override").map((o) => o.attrs.Locale);
    if (rid === namespaceId) {
      if (locales.length > 0)
        p(`${r.el.path}: the custom-functions namespace must not be localized`);
    } else if (!locales.includes(expect.locale)) {
      p(`${r.el.path}: no <bt:Override Locale="${expect.locale}">`);
    }
  }

  // Shared runtime: one long-lived runtime whose page serves functions, task pane and commands.
  const host = findDeep(
    overrides,
    (el) => el.local === "Host" && el.attrs["xsi:type"] === "Workbook"
  );
  if (!host) p(`${overrides.path}: no <Host xsi:type="Workbook">`);
  const runtimes = findAll(find(host, "Runtimes"), "Runtime");
  if (runtimes.length !== 1)
    p(`${host?.path}/Runtimes: expected exactly one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs.lifetime !== "long") p(`${runtime.path}: lifetime must be "long"`);
  const sharedPage = runtime?.attrs.resid;
  const customFunctions = findDeep(
    host,
    (el) => el.local === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions"
  );
  if (!customFunctions) p(`${host?.path}: no CustomFunctions extension point`);
  const pageResid = find(find(customFunctions, "Page"), "SourceLocation")?.attrs.resid;
  if (sharedPage && pageResid !== sharedPage) {
    p(
      `${customFunctions?.path}/Page: must use the runtime's page "${sharedPage}", found "${pageResid}"`
    );
  }
  const actions = findAllDeep(
    host,
    (el) => el.local === "Action" && el.attrs["xsi:type"] === "ShowTaskpane"
  );
  if (actions.length === 0) p(`${host?.path}: no ShowTaskpane button`);
  for (const action of actions) {
    const resid = find(action, "SourceLocation")?.attrs.resid;
    if (sharedPage && resid !== sharedPage)
      p(`${action.path}: must show the runtime's page "${sharedPage}", found "${resid}"`);
  }
  const functionFile = findDeep(host, (el) => el.local === "FunctionFile");
  if (functionFile && sharedPage && functionFile.attrs.resid !== sharedPage) {
    p(`${functionFile.path}: must be the runtime's page "${sharedPage}"`);
  }
  const defaultPage = find(find(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  const sharedUrl = sharedPage ? resources.get(sharedPage)?.value : undefined;
  if (sharedUrl && defaultPage !== sharedUrl) {
    p(
      `/OfficeApp/DefaultSettings/SourceLocation: "${defaultPage}" is not the shared page "${sharedUrl}"`
    );
  }

  // The Home tab carries the button.
  const homeTab = findDeep(host, (el) => el.local === "OfficeTab" && el.attrs.id === "TabHome");
  if (!homeTab) p(`${host?.path}: no <OfficeTab id="TabHome">`);
  else if (
    !findDeep(homeTab, (el) => el.local === "Action" && el.attrs["xsi:type"] === "ShowTaskpane")
  ) {
    p(`${homeTab.path}: no button that shows the task pane`);
  }

  // The namespace.
  const namespaceValue = namespaceId ? resources.get(namespaceId)?.value : undefined;
  if (namespaceValue !== expect.namespace) {
    p(`custom-functions namespace must be "${expect.namespace}", found "${namespaceValue}"`);
  }

  // Icon sizes Office requires on every icon list.
  for (const icon of findAllDeep(host, (el) => el.local === "Icon")) {
    const sizes = icon.children.map((c) => c.attrs.size);
    for (const size of ["16", "32", "80"]) {
      if (!sizes.includes(size)) p(`${icon.path}: no image of size ${size}`);
    }
  }

  // Every URL https.
  const urls: [string, string][] = [];
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = find(root, local);
    if (el) urls.push([el.path, el.attrs.DefaultValue ?? ""]);
  }
  for (const d of findAll(find(root, "AppDomains"), "AppDomain")) urls.push([d.path, d.text]);
  const source = find(find(root, "DefaultSettings"), "SourceLocation");
  if (source) urls.push([source.path, source.attrs.DefaultValue ?? ""]);
  for (const r of resources.values()) {
    if (r.kind !== "url" && r.kind !== "image") continue;
    urls.push([r.el.path, r.value]);
    for (const o of findAll(r.el, "Override")) urls.push([o.path, o.attrs.Value ?? ""]);
  }
  for (const [where, url] of urls) {
    if (!isHttps(url)) p(`${where}: "${url}" is not an https URL`);
  }

  // Icons exist in assets/ with the size the manifest promises.
  if (expect.assetsDir) {
    const icons: [string, string, number][] = [];
    const iconUrl = find(root, "IconUrl")?.attrs.DefaultValue;
    const highRes = find(root, "HighResolutionIconUrl")?.attrs.DefaultValue;
    if (iconUrl) icons.push(["/OfficeApp/IconUrl", iconUrl, 32]);
    if (highRes) icons.push(["/OfficeApp/HighResolutionIconUrl", highRes, 64]);
    for (const [rid, r] of resources) {
      const size = /^Icon\.(\d+)x\1$/.exec(rid)?.[1];
      if (r.kind === "image" && size) icons.push([r.el.path, r.value, Number(size)]);
    }
    for (const [where, url, size] of icons) {
      const file = isHttps(url)
        ? path.join(expect.assetsDir, path.basename(new URL(url).pathname))
        : "";
      const actual = file && fs.existsSync(file) ? pngSize(fs.readFileSync(file)) : undefined;
      if (!actual) p(`${where}: ${url} has no PNG in ${expect.assetsDir}`);
      else if (actual.width !== size || actual.height !== size) {
        p(
          `${where}: ${path.basename(file)} is ${actual.width}x${actual.height}, expected ${size}x${size}`
        );
      }
    }
  }

  return problems;
}

function checkLength(
  where: string,
  attr: string,
  value: string | undefined,
  max: number,
  p: (m: string) => void
) {
  const n = value === undefined ? 0 : [...value].length;
  if (n < 1 || n > max) p(`${where}: ${attr} must have 1 to ${max} characters, has ${n}`);
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

function findDeep(el: El | undefined, test: (el: El) => boolean): El | undefined {
  return findAllDeep(el, test)[0];
}

function findAllDeep(el: El | undefined, test: (el: El) => boolean): El[] {
  const found: El[] = [];
  if (el) walk(el, (e) => void (test(e) && found.push(e)));
  return found;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return undefined;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
