/**
 * The jest runner StrykerJS uses (jest.mutation.config.js): jest's own in-band runner, except
 * that for a mutant it loads only the test files that hold the mutant's covering tests.
 *
 * Why: Stryker runs each mutant with `--testNamePattern` (the covering tests' full names) and
 * `--findRelatedTests`, but jest still loads every related test file, and nearly every test file
 * imports the engine, so each mutant paid for ~14 files of which one or two run a test.
 * During the dry run (no name pattern) this runner notes which file holds which test; during a
 * mutant run it drops the files with no test whose name matches the pattern, which is exactly
 * the set of files in which jest would have run no test. A file it has not seen is kept.
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
    const namesByFile = readMap(file);
    if (!namesByFile) return super.runTests(tests, watcher, options);
    const wanted = new RegExp(pattern, "i"); // as jest matches --testNamePattern
    const kept = tests.filter((test) => {
      const names = namesByFile[test.path];
      return !names || names.some((name) => wanted.test(name));
    });
    return super.runTests(kept.length ? kept : tests, watcher, options);
  }

  async #recordWhileRunning(file, tests, watcher, options) {
    const namesByFile = {};
    const unsubscribe = this.on("test-file-success", ([test, result]) => {
      namesByFile[test.path] = result.testResults.map((t) => t.fullName);
    });
    try {
      await super.runTests(tests, watcher, options);
    } finally {
      unsubscribe();
    }
    // Only a complete run (every file reported) may narrow later runs.
    if (tests.every((test) => namesByFile[test.path])) {
      fs.writeFileSync(file, JSON.stringify({ ...readMap(file), ...namesByFile }));
    }
  }
}

module.exports = MutationTestRunner;
