/*
 * The catalogue of bad input (issue 13): every case through every door that takes it, each
 * answer exact. A case read without a problem must give the figures it means. Nothing exits 1,
 * nothing is written on failure, no input file changes by a byte, no temporary file is left.
 * The preview's own grid runs a batch of the cell cases in tests/e2e/robust.test.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { dirname } from "path";
import { AGREEMENT_2020 } from "../../src/agreements";
import { compute } from "../../src/engine";
import { REGIONS } from "../../src/engine/regions";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { shippedPopulationKey } from "../../src/reference/population";
import { CELL_CASES, CellCase } from "./cell-cases";
import { FIGURES, cliDoor, functionDoors, runCli, sheetsDoor } from "./doors";
import { FILE_CASES } from "./file-cases";

jest.setTimeout(30_000);
beforeEach(() => clearScenarioCaches());

const SKANE = "12";

/** Region Skåne's villkor 1 payment for the figures a case means (the base table's otherwise). */
function skaneV1(means: Record<number, number>): number {
  const key = shippedPopulationKey();
  key.figures = Object.fromEntries(
    REGIONS.map((r, i) => [r.code, String(means[i + 1] ?? FIGURES[i])])
  );
  const result = compute(AGREEMENT_2020, { key });
  return result.posts.find((p) => p.post.id === "v1")!.payments.find((p) => p.recipient === SKANE)!
    .amount;
}

test("the catalogue has at least 60 cases, each named once", () => {
  const ids = [...CELL_CASES, ...FILE_CASES].map((c) => c.id);
  expect(ids.length).toBeGreaterThanOrEqual(60);
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(CELL_CASES)("$table: $id", (c: CellCase) => {
  test("sjuk compute", async () => {
    const r = await cliDoor(c.table, c.changes);
    const lines = r.lines.map((l) => l.split(r.file).join("FILE"));
    expect({ code: r.code, lines: r.code === 0 ? [] : lines }).toEqual(c.cli);
    if (r.code === 0 && c.table === "population") {
      const json = JSON.parse(r.stdout) as {
        posts: { id: string; payments: { code?: string; amount: number }[] }[];
      };
      const paid = json.posts
        .find((p) => p.id === "v1")!
        .payments.find((p) => p.code === SKANE)!.amount;
      expect(paid).toBe(skaneV1(c.means ?? {}));
    }
    if (r.code !== 0) expect(r.stdout).toBe("");
  });

  test("the sheets", async () => {
    expect(await sheetsDoor(c.table, c.changes)).toEqual(c.sheets);
  });

  test("the functions, in HyperFormula and in Excel", async () => {
    if ("skip" in c.functions) return expect(c.functions.skip).toMatch(/\w/);
    const [hf, excel] = await functionDoors(c.table, c.changes);
    const expected =
      "error" in c.functions
        ? { error: "value", message: c.functions.error }
        : { value: c.functions.value };
    expect(hf).toEqual(expected);
    expect(excel).toEqual(expected);
    if ("value" in c.functions && c.table === "population")
      expect(c.functions.value).toBe(skaneV1(c.means ?? {}));
  });

  test("read without a problem only where it means what it says", () => {
    expect(c.means !== undefined || c.notReported !== undefined).toBe(c.cli.code === 0);
    if (c.means) expect(c.sheets).toEqual([]);
  });
});

/** Bytes of a regular file (undefined for none, a directory or a device). */
function bytesOf(path: string | undefined): Buffer | undefined {
  if (!path || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return readFileSync(path);
}

describe.each(FILE_CASES)("the command line: $id", (c) => {
  test("exit code and exact messages; nothing lost, nothing partial", async () => {
    const paths = await c.setup();
    const before = bytesOf(paths.file);
    const outBefore = bytesOf(paths.out);
    const r = await runCli(paths.argv);
    const place = (l: string) => {
      let t = l;
      if (paths.out) t = t.split(paths.out).join("OUT");
      if (paths.file) t = t.split(paths.file).join("FILE");
      return t;
    };
    expect({ code: r.code, lines: r.code === 0 ? [] : r.lines.map(place) }).toEqual({
      code: c.code,
      lines: c.lines,
    });
    // Never an internal fault; a failure writes nothing.
    expect(r.code).not.toBe(1);
    if (r.code !== 0) {
      expect(r.stdout).toBe("");
      if (paths.out && paths.out !== paths.file) expect(bytesOf(paths.out)).toEqual(outBefore);
    } else {
      expect(r.stdout).not.toBe("");
    }
    // The input is untouched, byte for byte; no temporary file is left beside the output.
    if (before) expect(bytesOf(paths.file)).toEqual(before);
    for (const p of [paths.file, paths.out]) {
      if (!p || p.startsWith("/dev/") || !existsSync(dirname(p))) continue;
      expect(readdirSync(dirname(p)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    }
    c.after?.({
      ...paths,
      stdout: paths.file ? r.stdout.split(paths.file).join("FILE") : r.stdout,
    });
    // Nothing of a file an entity points at reaches any output.
    expect(r.stdout + r.lines.join("\n")).not.toContain("SECRET-3141592653");
  });
});
