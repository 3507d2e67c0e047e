/*
 * The add-in build: `webpack --mode production` (npm run build) into a temporary folder, then
 * the shared page, functions.json, the production manifest and the icons are checked.
 *
 * The real build takes 1 to 2 minutes now that it bundles the engine, HyperFormula and the
 * preview (about 55 s of CPU), so it only runs with SJUK_BUILD_TEST=1:
 *   SJUK_BUILD_TEST=1 npx jest tests/manifest/build.test.ts
 * The webpack config itself is always loaded directly to check the output folder and that
 * certificates are only asked for by the dev server (fast).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest, SJUK_EXPECTATIONS } from "./check-manifest";

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

const describeBuild = process.env.SJUK_BUILD_TEST === "1" ? describe : describe.skip;

describeBuild("npm run build (SJUK_BUILD_TEST=1)", () => {
  let out: string;
  let failure: string | undefined;

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "sjuk-build-"));
    const webpack = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
    failure = await new Promise<string | undefined>((resolve) =>
      execFile(
        process.execPath,
        [webpack, "--mode", "production", "--output-path", out],
        { cwd: root, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => resolve(err ? `${stdout}\n${stderr}` : undefined)
      )
    );
  }, 120_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

  test("compiles", () => {
    expect(failure).toBeUndefined();
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

  test("functions.json lists functions, each associated in functions.js", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
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

  test("the production manifest has no localhost URL and still passes the checks", async () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    expect(manifest).toContain("https://sjuk.example.org/taskpane.html");
    expect(await checkManifest(manifest, SJUK_EXPECTATIONS)).toEqual([]);
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
