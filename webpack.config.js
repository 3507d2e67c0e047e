/* eslint-disable no-undef */
/*
 * Webpack for the SJUK add-in, after Office's "Excel Custom Functions using a Shared Runtime"
 * template: the task pane and the custom functions are bundled into ONE page (taskpane.html),
 * which the manifest names as the shared runtime, the functions page and the task pane.
 *
 *   SJUK_ADDIN_URL=https://host/sjuk/ SJUK_SUPPORT_URL=https://host/help npm run build
 *                        the add-in for deployment in dist/addin/: the manifest's URLs point at
 *                        SJUK_ADDIN_URL and its SupportUrl/LearnMoreUrl at SJUK_SUPPORT_URL;
 *                        without them the build stops (no placeholder is ever baked in)
 *   npm start            production bundle for the browser preview; manifest.xml is written
 *                        only when SJUK_ADDIN_URL is set
 *   npm run build:dev    development bundle in dist/addin/, manifest unchanged (localhost)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs certificates
 *
 * Output folder: dist/addin/. The Node build (tsc -p tsconfig.node.json) writes dist/src/,
 * dist/bench/, ...; webpack's `clean` only empties its own output.path, so the two builds
 * never delete each other's files.
 */

const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const webpack = require("webpack");

/* global require, module, process, __dirname */

const urlDev = "https://localhost:3000/";
// The manifest's support page on the dev server; a production build puts SJUK_SUPPORT_URL there.
const supportDev = "https://localhost:3000/support";

/**
 * The production host from the build's environment: https, not localhost, ending in "/".
 * Returns undefined when unset; throws on a value that cannot be an add-in's host.
 */
function productionUrls() {
  const addin = process.env.SJUK_ADDIN_URL;
  const support = process.env.SJUK_SUPPORT_URL;
  if (!addin) return undefined;
  for (const [name, value] of [
    ["SJUK_ADDIN_URL", addin],
    ["SJUK_SUPPORT_URL", support],
  ]) {
    if (!value) throw new Error(`${name} is not set: the manifest needs it (e.g. ${name}=https://sjuk.example.se/)`);
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name}="${value}" is not a URL`);
    }
    if (url.protocol !== "https:" || url.hostname === "localhost")
      throw new Error(`${name}="${value}": Office loads add-ins only over https from a real host`);
  }
  return { addin: addin.endsWith("/") ? addin : `${addin}/`, support };
}

const functionsInput = "./src/functions/functions.ts";

/** What a library's `new Function(…)` or `eval(…)` becomes: a call that throws, as under the CSP. */
const NO_EVAL =
  '(function () { throw new EvalError("no eval: the add-in\'s Content-Security-Policy forbids it"); })(';

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prod = dev ? undefined : productionUrls();
  // `npm run build` (--env addin) is the deployable add-in: it must have its URLs.
  if (!dev && !prod && env && env.addin)
    throw new Error(
      "npm run build needs the add-in's production URLs: SJUK_ADDIN_URL=https://… SJUK_SUPPORT_URL=https://… npm run build"
    );
  // Certificates only for `webpack serve`: a plain build must work on a machine without them.
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    // Never an eval-based devtool (the add-in allows no eval); separate source maps instead.
    devtool: "source-map",
    entry: {
      // No polyfill entry: the shared runtime needs WebView2/Edge (or a modern browser in
      // Office on the web), which already supports the ES2020 we emit.
      //
      // functions.js is self-contained (it carries the webpack runtime), so it also works as
      // the manifest's Functions.Script.Url on its own. taskpane.js `dependOn`s it: in the shared
      // page both use ONE module registry, so a module imported by both (the engine, its
      // result cache) exists once and the task pane sees the same state as the functions.
      functions: functionsInput,
      taskpane: { import: "./src/taskpane/taskpane.tsx", dependOn: "functions" },
      // The browser preview (npm start): a page of its own, not part of the shared runtime, so
      // no dependOn. A spreadsheet grid over the HyperFormula workbook with the same task pane.
      preview: "./src/preview/preview.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      // Fixed names: the manifest points at functions.js / taskpane.html by name.
      filename: "[name].js",
      clean: true,
      // The runtime finds the global object as globalThis, never by `new Function("return this")`.
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // In the page, ExcelJS's build without polyfills (the browsers the add-in runs in need none).
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.bare.min.js") },
    },
    // A chunk loaded later (the decision report: `import("../../report")`; SJUK.SCENARIO's reader,
    // the scenario schema with zod, which functions.js loads the first time a cell needs it) is
    // one file named after it (report.js, scenarios.js), its libraries in it, not split into a
    // numbered vendors file.
    //
    // Minified by swc, not terser (webpack's default): the same files, no larger, in 36 s instead
    // of 123 s on this machine; the build is made for every test run and every `npm start`.
    optimization: {
      splitChunks: false,
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify })],
    },
    // The task pane carries Fluent UI and the preview HyperFormula: both are loaded once, from
    // the add-in's own origin. Warn only well above today's sizes, so a warning means a regression.
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
    module: {
      rules: [
        {
          // The SJUK functions' descriptions for the preview's formula help, from the same JSDoc
          // as functions.json (src/preview/function-descriptions.ts).
          test: /[\\/]src[\\/]functions[\\/]functions\.ts$/,
          resourceQuery: /descriptions/,
          type: "javascript/auto",
          use: path.resolve(__dirname, "scripts/function-descriptions-loader.js"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          resourceQuery: { not: [/descriptions/] },
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the bundle only transpiles.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // tsconfig.json is noEmit/commonjs for tsc and jest; webpack needs output and ES
              // modules (for tree shaking of Fluent UI).
              compilerOptions: { noEmit: false, module: "esnext" },
            },
          },
        },
        {
          // No eval in the bundles: the pages' Content-Security-Policy forbids it, and
          // tests/manifest/build.test.ts scans the built files for it. The few library places
          // that can build code from text (zod's optional JIT and its probe, chevrotain's parser
          // generator, jspreadsheet's own formula engine, which the preview does not use) are made
          // to throw as the policy would make them, so none is left in what we ship.
          test: /node_modules[\\/](zod[\\/]v4[\\/]core[\\/](util|compile|doc)|chevrotain[\\/]lib(_esm)?[\\/]src[\\/](generate[\\/]generate_public|utils[\\/]utils)|@jspreadsheet[\\/]formula[\\/]dist[\\/]index|jspreadsheet-ce[\\/]dist[\\/]index)\.c?js$/,
          loader: "string-replace-loader",
          options: {
            multiple: [
              { search: /\bnew (?:Function|F)\(/g, replace: NO_EVAL },
              { search: /(?<![.\w$])eval\(/g, replace: NO_EVAL },
            ],
          },
        },
        {
          // ExcelJS's browser bundle (the decision report's .xlsx, its own chunk): lodash's and a
          // setImmediate shim's fallbacks build functions from text where `self` is missing, which
          // never happens in a page; made to throw as the policy would, so none is shipped.
          test: /node_modules[\\/]exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/,
          loader: "string-replace-loader",
          options: {
            multiple: [
              { search: /\bnew Function\(/g, replace: NO_EVAL },
              { search: /(?<![.\w$])Function\(/g, replace: NO_EVAL },
            ],
          },
        },
        {
          // The shipped agreements: checked by their zod schemas here, at build time; the bundle
          // gets the checked data (scripts/agreement-loader.js), not zod.
          test: /[\\/]src[\\/]agreements[\\/][^\\/]+\.json$/,
          type: "javascript/auto",
          use: path.resolve(__dirname, "scripts/agreement-loader.js"),
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: {
            filename: "assets/[name][ext][query]",
          },
        },
      ],
    },
    plugins: [
      // jsPDF's HTML and SVG import (html2canvas, DOMPurify, canvg), which the decision report
      // does not use: left out of the bundles, so none of their code ships.
      new webpack.IgnorePlugin({ resourceRegExp: /^(html2canvas|dompurify|canvg)$/, contextRegExp: /jspdf/ }),
      // The agreements were checked when built (above): no check, and so no zod, at run time.
      new webpack.NormalModuleReplacementPlugin(/^\.\/check-at-load$/, "./checked-at-build"),
      // The scenarios' SCB CSV reader (csv-parse) uses Node's Buffer; the pane reads scenarios.
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      // functions.json from the JSDoc (@customfunction) of the functions file; the plugin's
      // loader also appends the CustomFunctions.associate(...) calls to that file.
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionsInput,
      }),
      // The metadata generator always writes allowCustomDataForDataTypeAny: true, which hands a
      // linked data type (a stock, an entity) to an `any` parameter as an object. Off: Excel
      // then passes its display value (office-host.ts reads an object as one too, if it comes).
      {
        apply(compiler) {
          const { Compilation, sources } = compiler.webpack;
          compiler.hooks.thisCompilation.tap("SjukFunctionsJson", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "SjukFunctionsJson", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
              () => {
                const asset = compilation.getAsset("functions.json");
                if (!asset) return;
                const metadata = JSON.parse(asset.source.source().toString());
                metadata.allowCustomDataForDataTypeAny = false;
                compilation.updateAsset(
                  "functions.json",
                  new sources.RawSource(JSON.stringify(metadata, null, 4))
                );
              }
            );
          });
        },
      },
      // The shared runtime page: task pane UI and custom functions in one page.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      // The preview page: only the preview bundle, no office.js (nothing beyond its own origin).
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      // The grid's style sheets (jspreadsheet-ce, jsuites), linked by preview.html; the build has
      // no CSS loader, so they are copied as files.
      new CopyWebpackPlugin({
        patterns: [
          { from: "node_modules/jspreadsheet-ce/dist/jspreadsheet.css", to: "preview/[name][ext]" },
          { from: "node_modules/jsuites/dist/jsuites.css", to: "preview/[name][ext]" },
        ],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            // Icons only; assets/data/ is reference data, bundled by imports where needed.
            from: "assets/*.png",
            to: "assets/[name][ext][query]",
          },
          // The manifest: as is in development; with the environment's URLs in production; not at
          // all in a production build without them (the preview needs none).
          ...(dev || prod
            ? [
                {
                  from: "manifest*.xml",
                  to: "[name][ext]",
                  transform(content) {
                    if (dev) return content;
                    return content
                      .toString()
                      .replaceAll(supportDev, prod.support)
                      .replaceAll(urlDev, prod.addin);
                  },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: serving ? { type: "https", options: await getHttpsOptions() } : undefined,
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };

  return config;
};
