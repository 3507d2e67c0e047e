/*
 * Webpack loader: the SJUK functions' descriptions for the preview's formula help, read at build
 * time from the functions file's JSDoc by the same generator that writes functions.json
 * (custom-functions-metadata), so that the help and Excel's metadata never differ.
 * Used as `import d from "../functions/functions.ts?descriptions"` (see webpack.config.js).
 */
"use strict";
/* global require, module */
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

module.exports = function functionDescriptionsLoader() {
  const done = this.async();
  generateCustomFunctionsMetadata(this.resourcePath).then((generated) => {
    if (generated.errors.length) {
      done(new Error(`${this.resourcePath}: ${generated.errors.join("\n")}`));
      return;
    }
    const descriptions = JSON.parse(generated.metadataJson).functions.map((f) => ({
      id: f.id,
      description: f.description,
      parameters: f.parameters.map((p) => ({ name: p.name, description: p.description })),
    }));
    done(null, `export default ${JSON.stringify(descriptions)};`);
  }, done);
};
