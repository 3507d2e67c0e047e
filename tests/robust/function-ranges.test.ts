/*
 * The functions' ranges under the tables' limits, in both hosts: a range of regions larger than
 * any table may be is refused before it is read (a million-row range once overflowed the stack
 * in Math.max(...rows)), and one cell's message lists at most ten problems and counts the rest.
 */
import * as functions from "../../src/functions/functions";
import { clearScenarioCaches } from "../../src/functions/catalog";
import {
  evaluateInHyperFormula,
  evaluateInOffice,
  installCustomFunctionsMock,
} from "../functions/harness";

installCustomFunctionsMock();
beforeEach(() => clearScenarioCaches());

const share = functions.share as (...a: unknown[]) => unknown;

async function both(args: unknown[]) {
  return [
    evaluateInHyperFormula("SHARE", args as never),
    await evaluateInOffice(share, 6, args as never),
  ];
}

test("a key range of 5 000 rows is refused, naming the limit", async () => {
  const key = { range: Array.from({ length: 5000 }, (_, i) => [i + 1]) };
  const expected = {
    error: "value",
    message:
      "key: the range has 5000 rows and 1 columns; a range of regions may have at most 1000 rows and 100 columns",
  };
  expect(await both(["Region Skåne", key, "v1"])).toEqual([expected, expected]);
});

test("a key range with 20 faults lists ten and counts the rest", async () => {
  // (A first row of text would be read as a heading: the first figure is a number.)
  const key = { range: [[2377081], ...Array.from({ length: 20 }, () => ["tolv"])] };
  const listed = Array.from(
    { length: 10 },
    (_, i) => `key, row ${i + 2}: "tolv" is not a number`
  ).join("; ");
  const expected = { error: "value", message: `${listed}; and 10 more` };
  expect(await both(["Region Skåne", key, "v1"])).toEqual([expected, expected]);
});
