/**
 * fast-check as the mutation runs see it (jest.mutation.config.js maps "fast-check" here): the
 * same library, but a property runs at most MUTATION_RUNS cases and stops at the first failure
 * without shrinking it. A mutant is killed by one failing case; the full number of cases (up
 * to 300, several seconds for the compute properties) runs in `npm test`.
 */
const real = require(require.resolve("fast-check", { paths: [__dirname] }));

const MUTATION_RUNS = 30;

function assert(property, params) {
  const numRuns = Math.min(params?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS);
  return real.assert(property, { ...params, numRuns, endOnFailure: true });
}

const fc = { ...real.default, assert };
module.exports = { ...real, ...fc, assert, default: fc, __esModule: true };
