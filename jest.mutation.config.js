/**
 * The jest set-up StrykerJS runs for each mutant: only the fast tests that import src/ directly
 * (engine, inputs, core, agreements). Left out: the CLI tests (they spawn the compiled dist/ code,
 * so a mutant in src/ cannot reach them), the functions and workbook tests (each file loads
 * HyperFormula: they doubled the cost of every mutant, and jest loads every related test file for
 * each one) and the build/browser project. @swc/jest transpiles only (no type check: that is
 * `npm run typecheck`'s job, and a mutant that does not type-check must still be caught); it is
 * several times cheaper than ts-jest, which matters because every mutant reloads each related test file.
 */
const base = require("./jest.config.js");
const node = Object.assign(
  {},
  base.projects.find((p) => p.displayName === "node")
);
delete node.displayName;

const swc = (tsx) => [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx },
      target: "es2020",
      transform: { react: { runtime: "automatic" } },
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

module.exports = Object.assign(node, {
  rootDir: __dirname,
  roots: ["engine", "inputs", "core", "agreements"].map((d) => `<rootDir>/tests/${d}`),
  testPathIgnorePatterns: ["/node_modules/"],
  transform: { "^.+\\.ts$": swc(false), "^.+\\.tsx$": swc(true) },
  // For a mutant, load only the test files that hold its covering tests (see the runner).
  runner: "<rootDir>/scripts/jest-mutation-runner.js",
  // Properties with fewer cases and no shrinking: one failing case kills a mutant.
  moduleNameMapper: {
    ...node.moduleNameMapper,
    "^fast-check$": "<rootDir>/scripts/mutation-fast-check.js",
  },
});
