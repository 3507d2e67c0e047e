/*
 * Prints one plain closing line after jest's own summary, "Tests: N passed, N failed, N skipped",
 * which CI systems and people scanning a log read without knowing jest's format.
 */
"use strict";
/* global module, process */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    // After jest's own summary, on the same stream (stderr), so it is the last line.
    process.stderr.write(`Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
