/**
 * The jest set-up StrykerJS runs for each mutant: only the fast tests that import src/ directly
 * (engine, inputs, core, agreements). Left out: the CLI tests (they spawn the compiled dist/ code,
 * so a mutant in src/ cannot reach them), the functions and workbook tests (each file loads
 * HyperFormula: they doubled the cost of every mutant, and jest loads every related test file for
 * each one) and the build/browser project. It keeps jest.config.js's @swc/jest transform: no type
 * check, so a mutant that does not type-check still runs and must still be caught.
 */
const base = require("./jest.config.js");
const node = Object.assign(
  {},
  base.projects.find((p) => p.displayName === "node")
);
delete node.displayName;

module.exports = Object.assign(node, {
  rootDir: __dirname,
  roots: ["engine", "inputs", "core", "agreements"].map((d) => `<rootDir>/tests/${d}`),
  testPathIgnorePatterns: ["/node_modules/"],
  // For a mutant, load only the test files that hold its covering tests (see the runner).
  runner: "<rootDir>/scripts/jest-mutation-runner.js",
  // Properties with fewer cases and no shrinking: one failing case kills a mutant.
  moduleNameMapper: {
    ...node.moduleNameMapper,
    "^fast-check$": "<rootDir>/scripts/mutation-fast-check.js",
  },
});
