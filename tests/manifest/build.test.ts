/*
 * The add-in build: `webpack --mode production` (npm run build) into test-artifacts/build, then
 * the shared page, functions.json, the production manifest and the icons are checked.
 *
 * The build is made once per test run by tests/build/global-setup.js and shared with the
 * browser tests. The webpack config itself is also loaded directly to check the output folder
 * and that certificates are only asked for by the dev server.
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest, SJUK_EXPECTATIONS } from "./check-manifest";
import { xsdErrors } from "./xsd";
import { ALL_FUNCTIONS } from "../../src/functions/catalog";

const root = path.resolve(__dirname, "../..");

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => ({ ca: "ca", key: "key", cert: "cert" })),
}));

interface WebpackConfig {
  devtool: string;
  output: { path: string; clean: boolean; filename: string };
  devServer: { server?: { type: string; options: unknown }; port: number | string };
}
type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<WebpackConfig>;

describe("webpack.config.js", () => {
  const factory: ConfigFactory = require(path.join(root, "webpack.config.js"));
  const devCerts: { getHttpsServerOptions: jest.Mock } = require("office-addin-dev-certs");

  beforeEach(() => devCerts.getHttpsServerOptions.mockClear());

  test("a build writes dist/addin only, with separate source maps and no certificates", async () => {
    const config = await factory(
      { WEBPACK_BUILD: true, WEBPACK_BUNDLE: true },
      { mode: "production" }
    );
    expect(config.output.path).toBe(path.join(root, "dist", "addin"));
    expect(config.output.clean).toBe(true);
    expect(config.devtool).toBe("source-map");
    expect(config.devServer.server).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  describe("the production URLs come from the build's environment", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });
    const build = (
      urls: Record<string, string>,
      env: Record<string, unknown> = { addin: true }
    ) => {
      process.env = { ...saved };
      delete process.env.SJUK_ADDIN_URL;
      delete process.env.SJUK_SUPPORT_URL;
      Object.assign(process.env, urls);
      return factory(env, { mode: "production" });
    };

    test("npm run build without SJUK_ADDIN_URL stops, saying what to set", async () => {
      await expect(build({})).rejects.toThrow(
        /npm run build needs the add-in's production URLs: SJUK_ADDIN_URL=https:\/\/… SJUK_SUPPORT_URL=https:\/\/…/
      );
    });

    test("an http, localhost or missing support URL is refused by name", async () => {
      await expect(
        build({ SJUK_ADDIN_URL: "http://sjuk.se/", SJUK_SUPPORT_URL: "https://sjuk.se/hjalp" })
      ).rejects.toThrow(
        /SJUK_ADDIN_URL="http:\/\/sjuk.se\/": Office loads add-ins only over https/
      );
      await expect(
        build({ SJUK_ADDIN_URL: "https://localhost/", SJUK_SUPPORT_URL: "https://sjuk.se/hjalp" })
      ).rejects.toThrow(/only over https from a real host/);
      await expect(build({ SJUK_ADDIN_URL: "https://sjuk.se/" })).rejects.toThrow(
        /SJUK_SUPPORT_URL is not set/
      );
    });

    test("the preview's production build (npm start) needs no URL and writes no manifest", async () => {
      const config = (await build({}, {})) as unknown as {
        plugins: { patterns?: { from: string }[] }[];
      };
      const copied = config.plugins.flatMap((p) => p.patterns ?? []).map((p) => p.from);
      expect(copied).not.toContain("manifest*.xml");
      expect(copied).toContain("assets/*.png");
    });
  });

  test("the dev server serves https on port 3000 with office-addin-dev-certs", async () => {
    const config = await factory({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(config.devServer.server).toEqual({
      type: "https",
      options: { ca: "ca", key: "key", cert: "cert" },
    });
    expect(Number(config.devServer.port)).toBe(3000);
    expect(config.devtool).toBe("source-map");
  });
});

describe("npm run build (webpack --mode production, built once by tests/build/global-setup.js)", () => {
  const out = process.env.SJUK_TEST_BUILD ?? path.join(root, "test-artifacts/build");

  const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

  test("emits the shared page, the functions, the preview and the manifest", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "preview.html",
      "preview.js",
      "manifest.xml",
    ]) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
  });

  test("taskpane.html is the shared page: office.js from the CDN, then functions, then the task pane", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  test("functions.json lists every SJUK function with its parameters, each associated in functions.js", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      functions: { id: string; parameters: { name: string }[] }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(
      ALL_FUNCTIONS.map((f) => f.name).sort()
    );
    for (const spec of ALL_FUNCTIONS) {
      expect(
        metadata.functions.find((f) => f.id === spec.name)!.parameters.map((p) => p.name)
      ).toEqual(spec.parameters.map((p) => p.name));
    }
    // Linked data types reach the functions as their display value: the option is off.
    expect(JSON.parse(read("functions.json")).allowCustomDataForDataTypeAny).toBe(false);
    const bundle = read("functions.js");
    for (const { id } of metadata.functions) {
      expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
    }
  });

  test("the bundles use no eval and ship separate source maps", () => {
    for (const file of ["functions.js", "taskpane.js"]) {
      expect(read(file)).not.toMatch(/\beval\(/);
      expect(fs.existsSync(path.join(out, `${file}.map`))).toBe(true);
    }
  });

  test("the decision report's libraries are a chunk of their own, loaded on the first export", () => {
    const sources = (name: string) =>
      (JSON.parse(read(`${name}.map`)) as { sources: string[] }).sources;
    for (const entry of ["taskpane.js", "functions.js", "preview.js"])
      expect(sources(entry).filter((s) => /node_modules[\\/](exceljs|jspdf)/.test(s))).toEqual([]);
    const report = sources("report.js");
    expect(report.some((s) => /node_modules[\\/]jspdf[\\/]/.test(s))).toBe(true);
    expect(report.some((s) => /node_modules[\\/]exceljs[\\/]dist[\\/]exceljs\.bare/.test(s))).toBe(
      true
    );
    // jsPDF's HTML/SVG import libraries are left out (webpack IgnorePlugin).
    expect(report.filter((s) => /html2canvas|dompurify|canvg/.test(s))).toEqual([]);
  });

  test("functions.js carries the shipped agreements as data checked at build time, and no zod", () => {
    // Before: zod was 45 % of functions.js (211 549 bytes); without it 107 101 bytes.
    const sources = (JSON.parse(read("functions.js.map")) as { sources: string[] }).sources;
    expect(sources.filter((s) => /node_modules[\\/]zod[\\/]/.test(s))).toEqual([]);
    // checked-at-build.ts's functions are identities, which terser may inline away with their
    // source (it does in this build, since the decision report's chunk was added): the check is
    // that neither the loader that checks at load nor a zod schema module is bundled.
    expect(sources.some((s) => s.includes("check-at-load"))).toBe(false);
    expect(sources.filter((s) => /src\/agreements\/(grant-)?schema\.ts$/.test(s))).toEqual([]);
    const bundle = read("functions.js");
    expect(bundle).toContain("sjuk-2020");
    expect(bundle).toContain("944e6");
    // The zod parse ran at build time: it drops the file's "$schema" reference.
    expect(bundle).not.toContain("agreement.schema.json");
  });

  test("the production manifest has the environment's URLs, no localhost, and passes the checks and Microsoft's XSD", async () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    // tests/build/global-setup.js builds with these, as a deployment would.
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://sjuk.test.example/addin/taskpane.html"/>'
    );
    expect(manifest).toContain(
      '<bt:Url id="Functions.Metadata.Url" DefaultValue="https://sjuk.test.example/addin/functions.json"/>'
    );
    expect(manifest).toContain('<SupportUrl DefaultValue="https://sjuk.test.example/hjalp"/>');
    expect(manifest).toContain(
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://sjuk.test.example/hjalp"/>'
    );
    expect(manifest).toContain("<Version>1.0.0.0</Version>");
    expect(await checkManifest(manifest, SJUK_EXPECTATIONS)).toEqual([]);
    expect(await xsdErrors(manifest)).toEqual([]);
  });

  test("the icons are copied, and nothing from assets/data", () => {
    expect(fs.readdirSync(path.join(out, "assets")).sort()).toEqual([
      "icon-16.png",
      "icon-32.png",
      "icon-64.png",
      "icon-80.png",
    ]);
  });
});
