/**
 * Two projects. "node": unit, property, workbook, CLI and manifest tests. "build": the checks of
 * the production build and the browser tests in Debian's Chromium, which share one webpack build
 * made by tests/build/global-setup.js (run only when a test of this project is selected).
 */
/**
 * @swc/jest transpiles only: the type check is `npm run typecheck`'s job (tsconfig.json covers
 * tests/ too, with isolatedModules, so every file transpiles alone). ts-jest type-checked each file
 * again in every worker, which made a cold CI run several minutes longer.
 */
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
const transform = { "^.+\\.ts$": swc(false), "^.+\\.tsx$": swc(true) };
const buildTests = ["<rootDir>/tests/e2e/**/*.test.ts", "<rootDir>/tests/manifest/build.test.ts"];

module.exports = {
  // Two workers on this 2-core machine (jest's default is cores − 1 = one): the node project took
  // 177 s instead of 272 s, one run each, back to back; the browser tests passed with two as well.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/tests/build/summary-reporter.js"],
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/tests"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/manifest/build.test.ts"],
      globalSetup: "<rootDir>/tests/build/test-run.js",
      transform,
    },
    {
      displayName: "build",
      testEnvironment: "node",
      roots: ["<rootDir>/tests"],
      testMatch: buildTests,
      globalSetup: "<rootDir>/tests/build/global-setup.js",
      transform,
    },
  ],
};
