/**
 * The jest runner StrykerJS uses (jest.mutation.config.js): jest's own in-band runner, except
 * that for a mutant it loads only the test files that hold the mutant's covering tests.
 *
 * Why: Stryker runs each mutant with `--testNamePattern` (the covering tests' full names) and
 * `--findRelatedTests`, but jest still loads every related test file, and nearly every test file
 * imports the engine, so each mutant paid for ~14 files of which one or two run a test.
 * During the dry run (no name pattern) this runner notes which file holds which test and how long
 * each took; during a mutant run it drops the files with no test whose name matches the pattern
 * (exactly the files in which jest would have run no test; a file it has not seen is kept), and
 * runs the rest cheapest first, stopping at the first file in which a test fails.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const TestRunner = require("jest-runner").default;

/** One map per project copy: Stryker's sandbox is a fresh directory for each run. */
function mapFile(rootDir) {
  const key = crypto.createHash("sha1").update(rootDir).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `sjuk-mutation-tests-${key}.json`);
}

function readMap(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (_unreadable) {
    return null;
  }
}

class MutationTestRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    // Only inside Stryker's workers: there the project is a fresh sandbox copy for each run.
    if (process.env.STRYKER_MUTATOR_WORKER === undefined)
      return super.runTests(tests, watcher, options);
    const file = mapFile(this._globalConfig.rootDir);
    const pattern = this._globalConfig.testNamePattern;
    if (!pattern) return this.#recordWhileRunning(file, tests, watcher, options);
    const testsByFile = readMap(file);
    if (!testsByFile || !options.serial) return super.runTests(tests, watcher, options);
    const wanted = new RegExp(pattern, "i"); // as jest matches --testNamePattern
    const cost = (test) => {
      const known = testsByFile[test.path];
      if (!known) return Infinity; // not seen in the dry run: kept, run last
      const matching = known.filter(([name]) => wanted.test(name));
      return matching.length ? matching.reduce((s, [, ms]) => s + ms + 1, 0) : null;
    };
    const kept = tests
      .map((test) => ({ test, ms: cost(test) }))
      .filter(({ ms }) => ms !== null)
      .sort((a, b) => a.ms - b.ms)
      .map(({ test }) => test);
    return this.#runUntilOneFails(kept.length ? kept : tests, watcher, options);
  }

  /**
   * The files one at a time, cheapest first, stopping at the first file with a failing test:
   * one failure kills the mutant (Stryker's default; its `disableBail` is not used here).
   */
  async #runUntilOneFails(tests, watcher, options) {
    let failed = false;
    const unsubscribe = [
      this.on("test-file-success", ([, result]) => {
        if (result.numFailingTests > 0 || result.testExecError) failed = true;
      }),
      this.on("test-file-failure", () => {
        failed = true;
      }),
    ];
    try {
      for (const test of tests) {
        if (failed) break;
        await super.runTests([test], watcher, options);
      }
    } finally {
      unsubscribe.forEach((off) => off());
    }
  }

  async #recordWhileRunning(file, tests, watcher, options) {
    const testsByFile = {};
    const unsubscribe = this.on("test-file-success", ([test, result]) => {
      testsByFile[test.path] = result.testResults.map((t) => [t.fullName, t.duration ?? 0]);
    });
    try {
      await super.runTests(tests, watcher, options);
    } finally {
      unsubscribe();
    }
    // Only a complete run (every file reported) may narrow later runs.
    if (tests.every((test) => testsByFile[test.path])) {
      fs.writeFileSync(file, JSON.stringify({ ...readMap(file), ...testsByFile }));
    }
  }
}

module.exports = MutationTestRunner;
