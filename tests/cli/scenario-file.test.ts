import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAMPLES, compileCli, sjukInProcess, sjukProcess } from "./harness";

/**
 * `sjuk report` and `sjuk audit` share their flag handling (src/cli/commands/scenario-file.ts):
 * a file that cannot be written is a bad input naming that file (exit 2, nothing on stdout).
 */
const MIX = join(EXAMPLES, "scenario-mix-gotland.json");
const missing = join(mkdtempSync(join(tmpdir(), "sjuk-out-")), "no-such-folder");

// As a user runs it: in jest's sandbox an error from Node's own fs is not `instanceof Error`.
beforeAll(() => compileCli(), 120_000);

describe.each([
  ["report", "beslut.xlsx"],
  ["report", "beslut.pdf"],
  ["audit", "revision.xlsx"],
])("sjuk %s --out %s in a folder that does not exist", (command, name) => {
  it("exits 2 with one line naming the file, and prints nothing on stdout", () => {
    const out = join(missing, name);
    const r = sjukProcess(command, MIX, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^sjuk: ${out.replace(/[.\\/]/g, "\\$&")}: .*ENOENT`));
  });
});

it("--lang takes sv or en only, for both commands", async () => {
  for (const command of ["report", "audit"]) {
    const r = await sjukInProcess(command, MIX, "--out", join(missing, "x.xlsx"), "--lang", "de");
    expect([command, r.code, r.stdout]).toEqual([command, 2, ""]);
    expect(r.stderr).toMatch(/--lang <lang>.*de.*(sv, en|Allowed choices are sv, en)/s);
  }
});
