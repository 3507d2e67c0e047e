#!/usr/bin/env node
/*
 * The README's pictures of the task pane as wide as Excel's (350 px), in Swedish and English:
 * docs/pane-sv.png and docs/pane-en.png. `npm run screenshots` builds the preview and runs this;
 * `node scripts/screenshots.js [BUILD]` takes an existing build (default dist/addin).
 * Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) with playwright-core.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { startServer } = require("./preview-server.js");

/* global require, process, __dirname, console */

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PANE = 350;

async function shoot(browser, url, lang) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  await page.goto(`${url}?lang=${lang}&pane=${PANE}`);
  await page.getByTestId("insert-sheets").click();
  await page.getByTestId("message-success").waitFor();
  await page.getByTestId("totals").waitFor();
  // The pane as an officer sees it after inserting the sheets, without the grid's focus ring.
  await page.getByTestId("pane-frame").evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  const file = path.join(ROOT, "docs", `pane-${lang}.png`);
  await page.getByTestId("pane-frame").screenshot({ path: file });
  await page.close();
  return file;
}

async function main() {
  const root = path.resolve(process.argv[2] || path.join(ROOT, "dist/addin"));
  if (!fs.existsSync(path.join(root, "preview.html")))
    throw new Error(`no preview at ${root}: build it first (npm run screenshots builds it)`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  const { server, url } = await startServer({ root, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    for (const lang of ["sv", "en"])
      console.log(`wrote ${path.relative(ROOT, await shoot(browser, url, lang))}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e.message}`);
  process.exit(1);
});
