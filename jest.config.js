/**
 * Two projects. "node": unit, property, workbook, CLI and manifest tests. "build": the checks of
 * the production build and the browser tests in Debian's Chromium, which share one webpack build
 * made by tests/build/global-setup.js (run only when a test of this project is selected).
 */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
const buildTests = ["<rootDir>/tests/e2e/**/*.test.ts", "<rootDir>/tests/manifest/build.test.ts"];

module.exports = {
  reporters: ["default", "<rootDir>/tests/build/summary-reporter.js"],
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/tests"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/manifest/build.test.ts"],
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
