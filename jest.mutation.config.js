/**
 * The jest set-up StrykerJS runs for each mutant: only the fast tests that import src/ directly
 * (engine, inputs, core, agreements, functions). Left out: the CLI tests (they spawn the compiled
 * dist/ code, so a mutant in src/ cannot reach them), the workbook tests and the build/browser
 * project. ts-jest only transpiles (isolatedModules; the type check is `npm run typecheck`'s job,
 * and a mutant that does not type-check must still be caught by a test).
 */
const base = require("./jest.config.js");
const node = Object.assign({}, base.projects.find((p) => p.displayName === "node"));
delete node.displayName;

module.exports = Object.assign(node, {
  rootDir: __dirname,
  roots: ["engine", "inputs", "core", "agreements", "functions"].map((d) => `<rootDir>/tests/${d}`),
  testPathIgnorePatterns: ["/node_modules/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
  },
});
