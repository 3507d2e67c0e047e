/*
 * One production build of the add-in (`webpack --mode production`, as `npm run build` does)
 * per test run, into test-artifacts/build, shared by the build checks (tests/manifest/build.test.ts)
 * and the browser tests (tests/e2e). Jest runs this only when a test of the "build" project runs.
 * SJUK_REUSE_BUILD=1 reuses an existing build (for local reruns); CI always builds.
 */
"use strict";
/* global require, module, process, __dirname, console */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-artifacts/build");

/** The production URLs the test build is given, as a deployment would give them. */
const TEST_URLS = { SJUK_ADDIN_URL: "https://sjuk.test.example/addin/", SJUK_SUPPORT_URL: "https://sjuk.test.example/hjalp" };

module.exports = async function buildOnce() {
  process.env.SJUK_TEST_BUILD = OUT;
  Object.assign(process.env, TEST_URLS);
  if (process.env.SJUK_REUSE_BUILD === "1" && fs.existsSync(path.join(OUT, "preview.html"))) return;
  const webpack = path.join(ROOT, "node_modules/webpack/bin/webpack.js");
  const started = Date.now();
  try {
    execFileSync(process.execPath, [webpack, "--mode", "production", "--env", "addin", "--output-path", OUT], {
      cwd: ROOT,
      stdio: "pipe",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...TEST_URLS },
    });
  } catch (e) {
    throw new Error(`webpack --mode production failed:\n${e.stdout}\n${e.stderr}`);
  }
  console.log(`\nbuilt the add-in for the build and browser tests in ${Math.round((Date.now() - started) / 1000)} s: ${OUT}`);
};
