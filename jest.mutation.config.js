/**
 * The jest set-up StrykerJS runs for each mutant: the "node" project of jest.config.js alone (no
 * webpack build, no browser: they do not exercise src/engine or src/inputs beyond the node tests),
 * with ts-jest transpiling only (the type check is `npm run typecheck`'s job, and a mutant that
 * does not type-check still has to be caught by a test).
 */
const base = require("./jest.config.js");
const node = base.projects.find((p) => p.displayName === "node");

module.exports = {
  ...node,
  rootDir: __dirname,
  displayName: undefined,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
  },
};
