/* eslint-disable no-undef */
/*
 * Webpack for the SJUK add-in, after Office's "Excel Custom Functions using a Shared Runtime"
 * template: the task pane and the custom functions are bundled into ONE page (taskpane.html),
 * which the manifest names as the shared runtime, the functions page and the task pane.
 *
 *   npm run build        production bundle in dist/addin/, manifest URLs rewritten to urlProd
 *   npm run build:dev    development bundle in dist/addin/, manifest unchanged
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

/* global require, module, process, __dirname */

const urlDev = "https://localhost:3000/";
// PLACEHOLDER: replace with the real production host before deploying (must end with "/").
const urlProd = "https://sjuk.example.org/";

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
    },
    // The task pane carries Fluent UI and the preview HyperFormula: both are loaded once, from
    // the add-in's own origin. Warn only well above today's sizes, so a warning means a regression.
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
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
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: {
            filename: "assets/[name][ext][query]",
          },
        },
      ],
    },
    plugins: [
      // functions.json from the JSDoc (@customfunction) of the functions file; the plugin's
      // loader also appends the CustomFunctions.associate(...) calls to that file.
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionsInput,
      }),
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
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) {
                return content;
              }
              return content.toString().replaceAll(urlDev, urlProd);
            },
          },
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
