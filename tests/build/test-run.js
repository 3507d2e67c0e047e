/*
 * The node project's global setup: names this jest run, so that the CLI tests compile dist/ once
 * per run, not once per test file (tests/cli/harness.ts, compileCli).
 */
"use strict";
/* global module, process */
module.exports = async function nameTheRun() {
  process.env.SJUK_TEST_RUN = `${Date.now()}-${process.pid}`;
};
