import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sjukInProcess } from "./harness";

const sjuk = sjukInProcess;

const SHIPPED = resolve(__dirname, "../../src/agreements/agreement-2020.json");
const shippedText = readFileSync(SHIPPED, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "sjuk-agreement-"));
function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
type AgreementJson = {
  total: number;
  table1: Record<string, number>;
  posts: Record<string, unknown>[];
};
const edited = (edit: (a: AgreementJson) => void) => {
  const a = JSON.parse(shippedText) as AgreementJson;
  edit(a);
  return JSON.stringify(a, null, 2);
};

describe("sjuk agreement check", () => {
  it("names every wrong field by its path, one line each, with exit 2", async () => {
    const bad = file(
      "bad.json",
      edited((a) => {
        a.posts[3]!.amount = -1;
        (a as unknown as { signed: string }).signed = "2019-02-30";
        delete a.posts[6]!.title;
      })
    );
    const r = await sjuk("agreement", "check", bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toContain(`sjuk: ${bad}, posts[3].amount: must not be negative`);
    expect(lines).toContain(`sjuk: ${bad}, signed: is not a calendar date`);
    expect(lines.some((l) => l.startsWith(`sjuk: ${bad}, posts[6].title: `))).toBe(true);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.startsWith(`sjuk: ${bad}, `)).toBe(true);
  });

  it("names the line and column where broken JSON breaks", async () => {
    const broken = file("broken.json", '{\n  "id": "x",\n  "total" 5\n}\n');
    expect(await sjuk("agreement", "check", broken)).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: ${broken}, line 3, column 11: not valid JSON: Unexpected number\n`,
    });
    // Cut off at the end of line 3 (27 characters), inside a string: it breaks at column 28.
    const cut = file("cut.json", '{\n  "id": "sjuk-2020",\n  "title": { "sv": "En kval');
    expect(await sjuk("agreement", "check", cut)).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: ${cut}, line 3, column 28: not valid JSON: Unterminated string\n`,
    });
  });

  it("refuses a file that is missing, or JSON that is not an agreement", async () => {
    const missing = join(tmp, "nope.json");
    expect(await sjuk("agreement", "check", missing)).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: ${missing}: cannot read the file: no such file\n`,
    });
    const list = await sjuk("agreement", "check", file("list.json", "[1, 2]"));
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/list\.json, \(root\): /);
  });

  it("accepts a BOM and a $schema reference to the published JSON Schema", async () => {
    const withSchema = file(
      "with-schema.json",
      `\uFEFF${JSON.stringify({ $schema: "../schemas/agreement.schema.json", ...JSON.parse(shippedText) })}`
    );
    const r = await sjuk("agreement", "check", withSchema);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid agreement sjuk-2020: 15 posts, total 944 000 000 kr/);
  });
});

describe("sjuk agreement list", () => {
  it("lists the shipped agreements with their totals", async () => {
    const r = await sjuk("agreement", "list");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'sjuk-2020: 15 posts, total 944 000 000 kr, "En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020"\n'
    );
  });
});

describe("sjuk compute --agreement", () => {
  it("reads the fulfilment columns and rules of the file's own posts", async () => {
    // The agreement's villkor 4 post renamed: the fulfilment file and the rule use the new id.
    const renamed = file(
      "renamed.json",
      edited((a) => {
        a.posts[5]!.id = "v4-regions";
      })
    );
    const fulfilment = file(
      "f.csv",
      `region;v4-regions\n${["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"].map((c) => `${c};${c === "10" ? "nej" : "ja"}`).join("\n")}\n`
    );
    const r = await sjuk(
      "compute",
      "--agreement",
      renamed,
      "--fulfilment",
      fulfilment,
      "--non-fulfilment",
      "v4-regions=lapse",
      "--format",
      "json"
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: number;
      unpaid: { post: string; amount: number }[];
    };
    expect(out.unpaid.map((u) => u.post)).toEqual(["v4-regions"]);
    expect(out.total + out.unpaid[0]!.amount).toBe(944_000_000);
    // The old id is no longer a post of this agreement.
    const old = await sjuk("compute", "--agreement", renamed, "--non-fulfilment", "v4=share");
    expect(old.code).toBe(2);
    expect(old.stderr).toBe(
      'sjuk: --non-fulfilment: "v4" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4-regions)\n'
    );
  });

  it("reports a bad agreement file together with the problems of the other input files", async () => {
    const unbalanced = file(
      "unbalanced.json",
      edited((a) => (a.total = 1))
    );
    const population = file("p.csv", "region;befolkning\nGottland;5\n");
    const r = await sjuk("compute", "--agreement", unbalanced, "--population", population);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      `sjuk: ${unbalanced}, total: the posts add up to 944 000 000 kr, not the stated total 1 kr`
    );
    expect(
      lines.some((l) =>
        l.startsWith(`sjuk: ${population}, line 2, column region: "Gottland" is not a region`)
      )
    ).toBe(true);
  });
});
