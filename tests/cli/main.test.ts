import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sjukInProcess } from "./harness";
import { parseNonFulfilment } from "../../src/cli/commands/compute";
import { csvGrid, decode, detectDelimiter } from "../../src/cli/read-csv";

const sjuk = sjukInProcess;

const EXAMPLES = resolve(__dirname, "../../examples");
const tmp = mkdtempSync(join(tmpdir(), "sjuk-main-"));
function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function posts(...args: string[]) {
  const r = await sjuk("compute", "--format", "json", ...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return (
    JSON.parse(r.stdout) as {
      posts: { id: string; payments: { code?: string; amount: number }[] }[];
    }
  ).posts;
}

describe("sjuk compute reads the same figures from every CSV variant", () => {
  const original = readFileSync(join(EXAMPLES, "befolkning-2019-12-31.csv"), "utf8");

  it("semicolons, commas, a BOM, CRLF, quotes, English headers and Windows-1252 give the same payments", async () => {
    const commas = original.replace(/;/g, ",");
    const variants = [
      file("semicolon.csv", original),
      file("bom.csv", `\uFEFF${original}`),
      file("comma.csv", commas),
      file("bom-comma-crlf.csv", `\uFEFF${commas.replace(/\n/g, "\r\n")}`),
      file("quoted.csv", original.replace(/^(.*);(\d+)$/gm, '"$1";"$2"')),
      file("english.csv", commas.replace("region,befolkning", "Region,Population")),
      file("tabs.csv", original.replace(/;/g, "\t")),
      file("cp1252.csv", Buffer.from(original.replace(/\r?\n/g, "\r\n"), "latin1")),
    ];
    const results = [];
    for (const v of variants)
      results.push(await posts("--population", v, "--key-date", "2019-12-31"));
    for (const p of results.slice(1)) expect(p).toEqual(results[0]);
    expect(results[0]!.find((p) => p.id === "v1")!.payments[9]).toEqual({
      region: "Region Skåne",
      code: "12",
      amount: 13_341_226,
    });
  });

  it("keeps a decimal comma in a semicolon file a number", async () => {
    const half = await posts(
      "--population",
      file("decimal.csv", original.replace("Region Gotland;59686", "Region Gotland;59686,5")),
      "--key-date",
      "2019-12-31"
    );
    const whole = await posts(
      "--population",
      file("whole.csv", original),
      "--key-date",
      "2019-12-31"
    );
    const gotland = (p: typeof half) =>
      p.find((x) => x.id === "v3")!.payments.find((x) => x.code === "09")!.amount;
    // 500 000 000 × 59 686 / 10 327 589 = 2 889 638,6 → 2 889 639 kr; with 59 686,5 of
    // 10 327 589,5: 2 889 662,7 → 2 889 663 kr (largest remainders, checked by hand).
    expect(gotland(whole)).toBe(2_889_639);
    expect(gotland(half)).toBe(2_889_663);
  });
});

describe("read-csv", () => {
  it("takes the header line's separator, so that decimal commas survive", () => {
    expect(detectDelimiter("region;befolkning\nA;1,5\n")).toBe(";");
    expect(detectDelimiter("\n\nregion,population\n")).toBe(",");
    expect(detectDelimiter('"a;b",c\n')).toBe(",");
    expect(detectDelimiter("region\tbefolkning\n")).toBe("\t");
  });

  it("decodes UTF-8 with and without a BOM, and Windows-1252", () => {
    expect(decode(Buffer.from("\uFEFFSkåne", "utf8"))).toBe("Skåne");
    expect(decode(Buffer.from("Skåne", "utf8"))).toBe("Skåne");
    expect(decode(Buffer.from([0x53, 0x6b, 0xe5, 0x6e, 0x65]))).toBe("Skåne");
  });

  it("locates a cell of a quoted multi-line record on the line it starts", () => {
    const grid = csvGrid('region;befolkning\n"Region\nSkåne";1\nGotland;2\n', "x.csv");
    expect(grid.rows).toEqual([
      ["region", "befolkning"],
      ["Region\nSkåne", "1"],
      ["Gotland", "2"],
    ]);
    expect(grid.locate(1, 1)).toEqual({ file: "x.csv", line: 2, column: "befolkning" });
    expect(grid.locate(2, 0)).toEqual({ file: "x.csv", line: 4, column: "region" });
    expect(grid.locate(2, 5)).toEqual({ file: "x.csv", line: 4, column: "6" });
  });
});

describe("sjuk options", () => {
  it.each([
    [
      ["--format", "xml"],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json.",
    ],
    [
      ["--redistribution", "contacts"],
      "error: option '--redistribution <key>' argument 'contacts' is invalid. Allowed choices are population, unpaid-contacts.",
    ],
    [
      ["--non-fulfilment", "v9=share,v1=maybe"],
      `error: option '--non-fulfilment <rule>' argument 'v9=share,v1=maybe' is invalid. "maybe" for v1 is not lapse or share. Use lapse, share, or post=rule pairs such as v1=share,v4=lapse.`,
    ],
    [
      ["--non-fulfilment", "sometimes"],
      `error: option '--non-fulfilment <rule>' argument 'sometimes' is invalid. "sometimes" is not post=rule. Use lapse, share, or post=rule pairs such as v1=share,v4=lapse.`,
    ],
    [
      ["--key-date", "2019-02-30"],
      `error: option '--key-date <YYYY-MM-DD>' argument '2019-02-30' is invalid. "2019-02-30" is not a date written YYYY-MM-DD.`,
    ],
    [["--bogus"], "error: unknown option '--bogus'"],
  ])("refuses %j with exit 2 and nothing on stdout", async (args, message) => {
    const r = await sjuk("compute", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(message);
  });

  it("parses --non-fulfilment as one rule or rules per regional post", () => {
    expect(parseNonFulfilment("share")).toBe("share");
    expect(parseNonFulfilment(" v1=share, v4 = lapse ")).toEqual({ v1: "share", v4: "lapse" });
    expect(() => parseNonFulfilment("v1=share,v1=lapse")).toThrow("v1 is given twice");
    // Which ids are regional posts depends on --agreement: checked when the agreement is read.
    expect(parseNonFulfilment("v4-skr=share")).toEqual({ "v4-skr": "share" });
  });

  it("refuses a --non-fulfilment rule for a post that is not one of the agreement's regional posts", async () => {
    const r = await sjuk("compute", "--non-fulfilment", "v4-skr=share,v9=lapse,v1=share");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        'sjuk: --non-fulfilment: "v4-skr" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4)',
        'sjuk: --non-fulfilment: "v9" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4)',
        "",
      ].join("\n"),
    });
  });

  it("applies --non-fulfilment share to every regional post", async () => {
    const f = file(
      "f.csv",
      `region,v1,v2\n${["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"].map((c) => `${c},${c === "01" ? "nej" : "ja"},${c === "01" ? "nej" : "ja"}`).join("\n")}\n`
    );
    const lapse = JSON.parse(
      (await sjuk("compute", "--format", "json", "--fulfilment", f)).stdout
    ) as { total: number; unpaid: { post: string; amount: number }[] };
    // Stockholm's shares of v1 and v2 under the 31 Dec 2019 key lapse: 23 016 805 + 32 223 527 kr.
    expect(lapse.unpaid.map((u) => [u.post, u.amount])).toEqual([
      ["v1", 23_016_805],
      ["v2", 32_223_527],
    ]);
    expect(lapse.total).toBe(944_000_000 - 23_016_805 - 32_223_527);
    const share = JSON.parse(
      (await sjuk("compute", "--format", "json", "--fulfilment", f, "--non-fulfilment", "share"))
        .stdout
    ) as { total: number; unpaid: unknown[] };
    expect(share.unpaid).toEqual([]);
    expect(share.total).toBe(944_000_000);
  });

  it("prints help with exit 0", async () => {
    const r = await sjuk("compute", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--non-fulfilment <rule>");
    expect(r.stdout).toContain("--key-date <YYYY-MM-DD>");
  });
});
