/*
 * Fuzzing the readers (fast-check): any bytes as a CSV file and any damage to a workbook give
 * either a result or a SjukError whose every problem is located — never another exception, never
 * an unhandled rejection.
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { problemLines } from "../../src/cli/io";
import { csvGridOf } from "../../src/cli/read-csv";
import { Problem, SjukError, problemText } from "../../src/core/errors";
import {
  parseContactsTable,
  parseFulfilmentTable,
  parsePopulationTable,
} from "../../src/inputs/region-table";
import { evaluatePackage, loadPackage } from "../../src/workbook/xlsx-evaluate";
import { csv, column, tempFile } from "./doors";

jest.setTimeout(120_000);

const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.removeListener("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

const FILE = "fuzz.csv";

/** Reads the bytes as each of the three tables; returns the problems (empty when one was read). */
function readAll(bytes: Uint8Array): Problem[] {
  const problems: Problem[] = [];
  for (const parse of [
    (b: Uint8Array) => parsePopulationTable(csvGridOf(b, FILE), { source: FILE }),
    (b: Uint8Array) => parseContactsTable(csvGridOf(b, FILE)),
    (b: Uint8Array) => parseFulfilmentTable(csvGridOf(b, FILE)),
  ]) {
    try {
      parse(bytes);
    } catch (e) {
      if (!(e instanceof SjukError)) throw e;
      expect(e.problems.length).toBeGreaterThan(0);
      problems.push(...e.problems);
    }
  }
  return problems;
}

/** Every problem names the file and a line, and is one line of text. */
function expectLocated(problems: Problem[]): void {
  for (const p of problems) {
    expect(p.where?.file).toBe(FILE);
    expect(typeof p.where?.line).toBe("number");
    expect(`${problemText(p)} ${problemText(p, "sv")} ${p.where?.column ?? ""}`).not.toMatch(
      /[\r\n\u2028\u2029]/
    );
  }
}

const valid = Buffer.from(csv("population", column("population", [])), "utf8");
/** CSV-ish characters: separators, quotes, line ends, digits, letters, controls and non-ASCII. */
const csvChar = fc.constantFrom(
  ...'; ,\t"\r\n0123456789.,-−abcåäöÅÄÖ \u00a0\u0000\u0007\u001b\uFEFF\uFFFD€'
);

test("any bytes as a CSV file: a table or located problems", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectLocated(readAll(bytes))),
    { numRuns: 300 }
  );
});

test("any CSV-like text: a table or located problems", () => {
  fc.assert(
    fc.property(
      fc.array(csvChar, { maxLength: 400 }).map((cs) => cs.join("")),
      (text) => expectLocated(readAll(Buffer.from(text, "utf8")))
    ),
    { numRuns: 300 }
  );
});

test("a valid file with random damage: a table or located problems", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.nat(valid.length),
          fc.integer({ min: 0, max: 3 }),
          fc.array(csvChar, { maxLength: 5 })
        ),
        {
          minLength: 1,
          maxLength: 5,
        }
      ),
      (edits) => {
        let text = valid.toString("utf8");
        for (const [at, cut, insert] of edits)
          text = text.slice(0, at) + insert.join("") + text.slice(at + cut);
        expectLocated(readAll(Buffer.from(text, "utf8")));
      }
    ),
    { numRuns: 300 }
  );
});

test("pinned (seed 508307032): a quote before a carriage return gives a one-line problem", () => {
  let text = valid.toString("utf8");
  for (const [at, cut, insert] of [
    [168, 0, '"'],
    [169, 0, '"\r'],
  ] as const)
    text = text.slice(0, at) + insert + text.slice(at + cut);
  const problems = readAll(Buffer.from(text, "utf8"));
  expect(problems.length).toBeGreaterThan(0);
  expectLocated(problems);
});

/* ---------- workbooks ---------- */

const BOOK = readFileSync(join(__dirname, "../../examples/sjuk-2020.xlsx"));

/** Loads and evaluates; a failure must be a SjukError naming the file. */
async function readBook(bytes: Uint8Array): Promise<void> {
  const path = tempFile("fuzz.xlsx", Buffer.from(bytes));
  try {
    await evaluatePackage(await loadPackage(path));
  } catch (e) {
    if (!(e instanceof SjukError)) throw e;
    expect(e.message).toContain(path);
    // As the terminal shows it: one line per problem, whatever the damaged part's text holds.
    const lines = problemLines(e.problems)
      .split("\n")
      .filter((l) => l !== "");
    expect(lines.length).toBe(Math.min(e.problems.length, 100));
  }
}

test("a workbook with damaged bytes: evaluated or refused naming the file", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(BOOK.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      }),
      async (edits) => {
        const bytes = Buffer.from(BOOK);
        for (const [at, value] of edits) bytes[at] = value;
        await readBook(bytes);
      }
    ),
    { numRuns: 25 }
  );
});

test("a workbook whose XML parts are cut or changed: evaluated or refused naming the file", async () => {
  const zip = await JSZip.loadAsync(BOOK);
  const parts = Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...parts),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.constantFrom(..."<>&\"'=/ x:\u0000"), { maxLength: 6 }),
      async (part, where, insert) => {
        const copy = await JSZip.loadAsync(BOOK);
        const xml = await copy.file(part)!.async("string");
        const at = Math.floor(where * xml.length);
        copy.file(part, xml.slice(0, at) + insert.join("") + xml.slice(at + insert.length * 3));
        await readBook(await copy.generateAsync({ type: "uint8array" }));
      }
    ),
    { numRuns: 25 }
  );
});

test("random bytes named .xlsx: refused naming the file", async () => {
  await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), readBook), { numRuns: 50 });
});
