// Mutation testing (`npm run mutation`, not part of `npm test`): StrykerJS plants small bugs
// (mutants) in the engine and the input readers and checks that some test fails for each.
// The score and the survivors are in reports/mutation/; README's "Mutation testing" gives the figure.
// One file at a time, keeping the committed incremental file whole: `npm run mutation:file -- FILE`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { configFile: "jest.mutation.config.js", enableFindRelatedTests: true },
  // The sandbox copy needs no build output (26 MB; the tests Stryker runs import src/ only).
  ignorePatterns: ["dist"],
  mutate: ["src/engine/**/*.ts", "src/inputs/**/*.ts", "!src/**/index.ts"],
  coverageAnalysis: "perTest",
  // One test runner: the machine's 2 cores are shared; `--concurrency 2` when it is free.
  concurrency: 1,
  timeoutMS: 8000, // on top of 1.5 × the covering tests' own time: a mutant that loops forever is caught in seconds
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
};
