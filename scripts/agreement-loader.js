/*
 * Webpack loader for the shipped agreement files (src/agreements/*.json): checks each file with
 * its zod schema WHEN THE ADD-IN IS BUILT and emits the checked, parsed data as a module. A file
 * that does not pass fails the build with every problem (file and field path). Together with
 * the swap of check-at-load.ts for checked-at-build.ts (webpack.config.js), the bundles carry
 * the data but not zod.
 *
 * `this.importModule` builds and runs src/agreements/check-at-load.ts with the build's own
 * loaders (ts-loader), so the schema is the one the CLI and the tests use.
 */
"use strict";
/* global require, module, __dirname */
const path = require("path");

const CHECKER = path.resolve(__dirname, "../src/agreements/check-at-load.ts");

module.exports = function agreementLoader(source) {
  const done = this.async();
  const file = path.relative(path.resolve(__dirname, ".."), this.resourcePath);
  let data;
  try {
    data = JSON.parse(source);
  } catch (e) {
    done(new Error(`${file}: not valid JSON: ${e.message}`));
    return;
  }
  this.importModule(CHECKER)
    .then(({ checkShipped }) => {
      const checked = checkShipped(data, file);
      done(null, `export default ${JSON.stringify(checked)};\n`);
    })
    .catch((e) => done(new Error(`${file} does not pass its schema:\n${e.message}`)));
};
