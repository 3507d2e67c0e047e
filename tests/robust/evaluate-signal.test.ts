/*
 * `sjuk evaluate --out` interrupted by a signal while it writes: the temporary file it writes
 * through is removed, the target is not created, and the process ends by that signal. Run in a
 * child process over the compiled code (dist/, as tests/cli compiles it): the CLI end to
 * end, and the write helper it uses (atomic-write.ts) held open mid-write, so that the signal
 * always lands inside the write, however fast the machine.
 */
import { execFileSync, spawn } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { compileCli } from "../cli/harness";

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "sjuk-signal-"));
const DIST = join(ROOT, "dist");
const cli = join(ROOT, "bin/sjuk.js");
// Inside the project, so that it finds node_modules.
const slowWriter = join(ROOT, "test-artifacts/slow-write.js");
const book = join(work, "big.xlsx");

beforeAll(async () => {
  compileCli();
  mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
  // A write that has begun (part of the file is there) and then waits, as a slow disk would.
  writeFileSync(
    slowWriter,
    `require(${JSON.stringify(join(DIST, "src/workbook/atomic-write.js"))}).writeAtomically(process.argv[2], async (temp) => {
      require("fs").writeFileSync(temp, "PK partial");
      await new Promise((r) => setTimeout(r, 60000));
    });\n`
  );
  // A workbook of 40 000 formula cells for the end-to-end run.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let r = 1; r <= 20_000; r++) {
    ws.getCell(r, 1).value = r;
    ws.getCell(r, 2).value = { formula: `A${r}*2` } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 3).value = { formula: `B${r}+A${r}` } as ExcelJS.CellFormulaValue;
  }
  await wb.xlsx.writeFile(book);
});

test("sjuk evaluate --out writes the whole workbook and leaves no temporary file", () => {
  const out = join(work, "whole.xlsx");
  execFileSync(process.execPath, [cli, "evaluate", book, "--out", out], { stdio: "pipe" });
  expect(existsSync(out)).toBe(true);
  expect(readdirSync(work).filter((n) => n.endsWith(".tmp"))).toEqual([]);
});

test.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
  "%s during the write leaves neither a temporary file nor a partial workbook",
  async (signal) => {
    const out = join(work, `out-${signal}.xlsx`);
    const child = spawn(process.execPath, [slowWriter, out], { stdio: "pipe" });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on("exit", (code, sig) => done({ code, signal: sig }))
    );
    const temps = () =>
      readdirSync(work).filter((n) => n.startsWith(`.out-${signal}.xlsx.`) && n.endsWith(".tmp"));
    // Wait for the temporary file to appear, then interrupt.
    let seen = false;
    const until = Date.now() + 120_000;
    while (!seen && Date.now() < until && child.exitCode === null) {
      seen = temps().length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 2));
    }
    expect(seen).toBe(true);
    child.kill(signal);
    const end = await exited;
    expect(end).toEqual({ code: null, signal });
    expect(temps()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }
);
