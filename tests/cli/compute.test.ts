import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGIONS } from "../../src/engine";
import { EXAMPLES, ROOT, compileCli, sjukProcess } from "./harness";

/**
 * `sjuk compute` run as a child process, as a user runs it: `node bin/sjuk.js ...` over the
 * compiled dist/. beforeAll compiles just the CLI and what it imports (tests/cli/tsconfig.build.json).
 */
let tmp: string;

beforeAll(() => {
  compileCli();
  tmp = mkdtempSync(join(tmpdir(), "sjuk-cli-"));
}, 60_000);

const sjuk = sjukProcess;

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

interface JsonOut {
  agreement: string;
  method: string;
  keyDate: string | null;
  agreementKeyDate: string;
  total: number;
  budget: number;
  posts: {
    id: string;
    recipient: string;
    amount: number;
    budget: number;
    payoutDate: string;
    payments: { region?: string; code?: string; recipient?: string; amount: number }[];
  }[];
  unpaid: { post: string; amount: number; reason: string }[];
  byRecipient: { recipient: string; amount: number }[];
  byPayoutDate: { date: string; amount: number; reservation?: true; label?: string }[];
  warnings: { code: string; message: string }[];
}

function json(...args: string[]): JsonOut {
  const r = sjuk("compute", "--format", "json", ...args);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonOut;
}

const payment = (out: JsonOut, post: string, code: string) =>
  out.posts.find((p) => p.id === post)!.payments.find((x) => x.code === code)!.amount;

function expectWholeKronorAddingUp(out: JsonOut) {
  for (const p of out.posts) {
    for (const x of p.payments) expect(Number.isSafeInteger(x.amount)).toBe(true);
    expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBe(p.amount);
  }
  expect(out.posts.reduce((s, p) => s + p.amount, 0)).toBe(out.total);
  expect(out.total + out.unpaid.reduce((s, u) => s + u.amount, 0)).toBe(944_000_000);
}

describe("sjuk compute with the shipped key", () => {
  it("prints 944 000 000 kr, 840 000 000 to the regions, and warns that the key is not from 2019-11-01", () => {
    const out = json();
    expect(out.agreement).toBe("sjuk-2020");
    expect(out.total).toBe(944_000_000);
    expect(out.keyDate).toBe("2019-12-31");
    expect(out.agreementKeyDate).toBe("2019-11-01");
    expect(out.byRecipient).toEqual([
      { recipient: "regions", amount: 840_000_000, table1: 840_000_000 },
      { recipient: "SKR", amount: 57_800_000, table1: 57_800_000 },
      { recipient: "Försäkringskassan", amount: 22_000_000, table1: 22_000_000 },
      { recipient: "Socialstyrelsen", amount: 14_200_000, table1: 14_200_000 },
      { recipient: "government", amount: 10_000_000, table1: 10_000_000 },
    ]);
    const regional = out.posts.filter((p) => p.recipient === "regions");
    expect(regional.map((p) => p.id)).toEqual(["v1", "v2", "v3", "v3-contacts", "v4"]);
    expect(regional.flatMap((p) => p.payments).reduce((s, x) => s + x.amount, 0)).toBe(840_000_000);
    for (const p of regional) expect(p.payments).toHaveLength(21);
    expect(out.posts.find((p) => p.id === "v1")!.payments[0]).toEqual({
      region: "Region Stockholm",
      code: "01",
      amount: 23_016_805,
    });
    expect(out.posts.find((p) => p.id === "v4-skr")!.payments).toEqual([
      { recipient: "SKR", amount: 39_000_000 },
    ]);
    expect(out.unpaid).toEqual([]);
    // The follow-up is reserved for 2021 (the government decides its use), not a payout.
    expect(out.byPayoutDate).toEqual([
      {
        date: "2021",
        amount: 10_000_000,
        reservation: true,
        label: "Reserverat för regeringen under 2021",
      },
      { date: "2021-01-27", amount: 884_000_000 },
      { date: "2021-04-29", amount: 50_000_000 },
    ]);
    expect(out.posts.find((p) => p.id === "followup")).toMatchObject({
      amount: 10_000_000,
      payoutDate: "2021",
      reservation: true,
      label: "Reserverat för regeringen under 2021",
    });
    expect(out.posts.find((p) => p.id === "v1")).not.toHaveProperty("reservation");
    const keyWarning = out.warnings.find((w) => w.code === "key-date");
    expect(keyWarning?.message).toContain("not from 2019-11-01");
    expect(keyWarning?.message).toContain("2019-12-31");
    expectWholeKronorAddingUp(out);
  });

  it("prints a table in Swedish kronor that fits 100 columns, with sums per recipient and payout date", () => {
    const r = sjuk("compute");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(lines).toContain(
      "v1          Villkor 1 Ledning och styrning i fö… Regionerna        2021-01-27      100 000 000 kr"
    );
    expect(lines).toContain(
      "01 Stockholm            23 016 805  32 223 527 115 084 024  11 508 402  11 508 402 193 341 160"
    );
    expect(lines).toContain(
      "SKR                                            57 800 000 kr = Table 1"
    );
    expect(lines).toContain("2021-04-29                                     50 000 000 kr");
    expect(lines).toContain("Reserverat för regeringen under 2021           10 000 000 kr");
    expect(lines).toContain(
      "Total                                         944 000 000 kr = the agreement's total"
    );
    expect(r.stdout).toMatch(/Warnings \(2\)\n─+\n! The key is from 2019-12-31/);
  });

  it("prints one semicolon-separated row per payment, in whole kronor, for Swedish Excel", () => {
    const r = sjuk("compute", "--format", "csv");
    expect(r.code).toBe(0);
    expect(
      r.stdout.startsWith("\uFEFFpost;mottagarkod;mottagare;belopp_kr;utbetalningsdatum\r\n")
    ).toBe(true);
    const rows = r.stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(";"));
    expect(rows).toHaveLength(5 * 21 + 10);
    expect(rows[0]).toEqual(["v1", "01", "Region Stockholm", "23016805", "2021-01-27"]);
    expect(rows.find((x) => x[0] === "followup")).toEqual([
      "followup",
      "government",
      "Beslutas av regeringen (uppföljning)",
      "10000000",
      "2021",
    ]);
    expect(rows.reduce((s, x) => s + Number(x[3]), 0)).toBe(944_000_000);
    // With CSV the warnings go to stderr, marked, and the exit code stays 0.
    expect(r.stderr.split("\n")[0]).toBe(
      "sjuk: warning: The key is from 2019-12-31 (Statistics Sweden (SCB), population per county (län), final figures, 2019-12-31), not from 2019-11-01 as the agreement requires (Population on 1 November 2019 (SCB, BE0101A/FolkmangdNov))."
    );
  });
});

describe("sjuk compute --method", () => {
  it("splits every key post by the chosen method and says so; the totals stay Table 1's", () => {
    const hamilton = json();
    const dhondt = json("--method", "dhondt");
    expect(hamilton.method).toBe("hamilton");
    expect(dhondt.method).toBe("dhondt");
    expect(dhondt.total).toBe(944_000_000);
    expectWholeKronorAddingUp(dhondt);
    // D'Hondt favours the larger regions by a few kronor: v3's 500 000 000 kr, Stockholm and Gotland.
    const moved = (code: string) => payment(dhondt, "v3", code) - payment(hamilton, "v3", code);
    expect(moved("01")).toBeGreaterThanOrEqual(0);
    expect(moved("09")).toBeLessThanOrEqual(0);
    expect(REGIONS.reduce((s, r) => s + moved(r.code), 0)).toBe(0);
    expect(REGIONS.filter((r) => moved(r.code) !== 0).length).toBeGreaterThan(0);
    expect(sjuk("compute", "--method", "dhondt").stdout).toContain("Method:         dhondt");
  });
});

describe("sjuk compute with the example files", () => {
  const population = join(EXAMPLES, "befolkning-2019-12-31.csv");
  const contacts = join(EXAMPLES, "kontakter-2020.csv");
  const fulfilment = join(EXAMPLES, "fulfilment-2020.csv");

  it("pays the contact money in whole kronor that add up, capped per region, under both redistribution keys", () => {
    const byPopulation = json(
      "--population",
      population,
      "--key-date",
      "2019-12-31",
      "--contacts",
      contacts
    );
    const byUnpaid = json(
      "--population",
      population,
      "--key-date",
      "2019-12-31",
      "--contacts",
      contacts,
      "--redistribution",
      "unpaid-contacts"
    );
    for (const out of [byPopulation, byUnpaid]) {
      expectWholeKronorAddingUp(out);
      expect(out.total).toBe(944_000_000);
      // Uppsala reports 458 contacts, under its cap (1 857 709 kr): exactly 458 × 3 000 kr either way.
      expect(payment(out, "v3-contacts", "03")).toBe(1_374_000);
      // Gotland: 46 contacts, 138 000 kr.
      expect(payment(out, "v3-contacts", "09")).toBe(138_000);
    }
    // Stockholm reports 4 527 contacts (13 581 000 kr earned), over its cap of 11 508 402 kr; it gets
    // part of the money left by the regions under their caps, and how much depends on the key.
    expect(payment(byPopulation, "v3-contacts", "01")).toBe(13_492_386);
    expect(payment(byUnpaid, "v3-contacts", "01")).toBe(13_183_558);
    expect(payment(byPopulation, "v3-contacts", "01")).toBeLessThanOrEqual(4527 * 3000);
    // The key date came from --key-date, so the warning names it, never 2019-11-01 as the key's date.
    expect(byPopulation.keyDate).toBe("2019-12-31");
  });

  it("lapses a non-fulfilling region's villkor 1 share and lets the others share villkor 4", () => {
    const out = json(
      "--population",
      population,
      "--key-date",
      "2019-12-31",
      "--contacts",
      contacts,
      "--fulfilment",
      fulfilment
    );
    expectWholeKronorAddingUp(out);
    expect(payment(out, "v1", "09")).toBe(0);
    expect(payment(out, "v4", "10")).toBe(0);
    expect(out.posts.find((p) => p.id === "v4")!.amount).toBe(50_000_000);
    // Gotland's v1 share under the 31 Dec 2019 key is 577 928 kr; it is not paid.
    expect(out.unpaid).toEqual([
      { post: "v1", amount: 577_928, reason: "lapsed: not fulfilled by Gotland" },
    ]);
    expect(out.total).toBe(944_000_000 - 577_928);

    const shared = json(
      "--population",
      population,
      "--key-date",
      "2019-12-31",
      "--fulfilment",
      fulfilment,
      "--non-fulfilment",
      "v1=share"
    );
    expect(shared.unpaid).toEqual([]);
    expect(shared.total).toBe(944_000_000);
    expect(payment(shared, "v1", "09")).toBe(0);
  });

  it("reads a population file with English headers, commas, county codes and a date column", () => {
    const out = json("--population", join(EXAMPLES, "population-2018-12-31.csv"));
    expect(out.keyDate).toBe("2018-12-31");
    expect(out.warnings.find((w) => w.code === "key-date")?.message).toContain(
      "The key is from 2018-12-31"
    );
    expectWholeKronorAddingUp(out);
  });

  it("without a date the key's date is null and the engine says so", () => {
    const out = json("--population", population);
    expect(out.keyDate).toBeNull();
    expect(out.warnings.map((w) => w.code)).toContain("key-date-unknown");
  });
});

describe("sjuk compute reads a BOM and commas as the example's semicolons", () => {
  it("gives the same payments (the other variants run in-process in main.test.ts)", () => {
    const original = readFileSync(join(EXAMPLES, "befolkning-2019-12-31.csv"), "utf8");
    const a = json("--population", file("semi.csv", original), "--key-date", "2019-12-31");
    const b = json(
      "--population",
      file("bom-comma.csv", `\uFEFF${original.replace(/;/g, ",").replace(/\n/g, "\r\n")}`),
      "--key-date",
      "2019-12-31"
    );
    expect(b.posts).toEqual(a.posts);
    expect(a.posts.find((p) => p.id === "v1")!.payments[9]).toEqual({
      region: "Region Skåne",
      code: "12",
      amount: 13_341_226,
    });
  });
});

describe("sjuk compute on bad input: exit 2, nothing on stdout, one line per problem", () => {
  it("names file, line and column of every problem in a population file", () => {
    const lines = readFileSync(join(EXAMPLES, "befolkning-2019-12-31.csv"), "utf8")
      .trimEnd()
      .split("\n");
    lines[3] = "Region Sörmland;-297540"; // line 4
    lines[5] = "Region Jönköpings län;tre"; // line 6
    lines[8] = "Gottland;59686"; // line 9
    lines.push("Skåne;1"); // line 23
    const bad = file("bad.csv", `${lines.join("\n")}\n`);
    const r = sjuk("compute", "--population", bad, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `sjuk: ${bad}, line 4, column befolkning: "-297540" is negative (population for Region Sörmland)`,
      `sjuk: ${bad}, line 6, column befolkning: "tre" is not a number; a population figure belongs here (population for Region Jönköpings län)`,
      `sjuk: ${bad}, line 9, column region: "Gottland" is not a region; closest: Region Gotland, Region Sörmland, Region Halland`,
      `sjuk: ${bad}, line 23, column region: Region Skåne appears again; it is already on line 11`,
    ]);
  });

  it("reports the problems of every file together, with no output", () => {
    const contacts = file(
      "k.csv",
      `region,kontakter\n${REGIONS.slice(1)
        .map((r) => `${r.code},10`)
        .join("\n")}\n`
    );
    const fulfilment = file(
      "f.csv",
      `region;v1;v7\n${REGIONS.map((r) => `${r.short};ja;nej`).join("\n")}\n`
    );
    const r = sjuk("compute", "--contacts", contacts, "--fulfilment", fulfilment);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        `sjuk: ${contacts}, line 1, column region: Region Stockholm (01) has no row; every one of the 21 regions needs one`,
        `sjuk: ${fulfilment}, line 1, column v7: "v7" is not a regional post of sjuk-2020; the post columns are v1, v2, v3, v3-contacts, v4`,
        "",
      ].join("\n")
    );
  });

  it("refuses a file that cannot be read, a date column that contradicts --key-date, and --key-date alone", () => {
    const missing = sjuk("compute", "--population", join(tmp, "nope.csv"));
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: ${join(tmp, "nope.csv")}: cannot read the file: no such file\n`,
    });

    const dated = join(EXAMPLES, "population-2018-12-31.csv");
    const contradicted = sjuk("compute", "--population", dated, "--key-date", "2019-11-01");
    expect(contradicted.code).toBe(2);
    expect(contradicted.stdout).toBe("");
    expect(contradicted.stderr).toBe(
      `sjuk: ${dated}, line 2, column date: the figures are dated 2018-12-31 here but 2019-11-01 was given as their date; one key has one date\n`
    );

    const alone = sjuk("compute", "--key-date", "2019-11-01");
    expect(alone.code).toBe(2);
    expect(alone.stdout).toBe("");
    expect(alone.stderr).toContain("--key-date 2019-11-01 dates the figures of --population FILE");
  });

  it("refuses an unknown --method, naming the choices", () => {
    const r = sjuk("compute", "--method", "huntington");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /--method <method>' argument 'huntington' is invalid. Allowed choices are hamilton, sainte-lague, dhondt/
    );
  });

  it("refuses a broken CSV with its line", () => {
    const broken = file("broken.csv", 'region;befolkning\nRegion Stockholm;"2377081\n');
    const r = sjuk("compute", "--population", broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `sjuk: ${broken}, line 2: not a readable CSV file: Quote Not Closed: the parsing is finished with an opening quote\n`
    );
  });
});

describe("sjuk compute --decided and --body-not-fulfilled: the engine's inputs for högst posts and the bodies' condition", () => {
  it("pays a decided högst amount and nothing to a body that has not carried out its part; the rest is unpaid with its reason", () => {
    const out = json("--decided", "dev-fk=8 000 000", "--body-not-fulfilled", "v4-skr");
    const amount = (id: string) => out.posts.find((p) => p.id === id)!.amount;
    expect(amount("dev-fk")).toBe(8_000_000);
    expect(amount("v4-skr")).toBe(0);
    expect(amount("v4-fk")).toBe(12_000_000);
    expect(out.total).toBe(944_000_000 - 2_000_000 - 39_000_000);
    expect(out.unpaid).toEqual([
      { post: "v4-skr", amount: 39_000_000, reason: "not fulfilled by SKR" },
      {
        post: "dev-fk",
        amount: 2_000_000,
        reason: "decided at 8 000 000 kr, below its ceiling of 10 000 000 kr",
      },
    ]);
    expectWholeKronorAddingUp(out);
  });

  it("refuses an amount above the ceiling, a fixed post and a post without a body's condition: exit 2, nothing on stdout", () => {
    expect(sjuk("compute", "--decided", "dev-fk=10000001")).toEqual({
      code: 2,
      stdout: "",
      stderr: "sjuk: decided, dev-fk: 10 000 001 kr is above the post's ceiling of 10 000 000 kr\n",
    });
    const fixed = sjuk("compute", "--decided", "v4-sos=1", "--format", "json");
    expect(fixed.code).toBe(2);
    expect(fixed.stdout).toBe("");
    expect(fixed.stderr).toContain("decided, v4-sos: the post's amount is fixed");
    expect(sjuk("compute", "--body-not-fulfilled", "v1")).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: --body-not-fulfilled: "v1" is not a body's post with a condition in sjuk-2020 (v4-skr, v4-fk, v4-sos)\n`,
    });
  });
});

describe("sjuk compute --agreement FILE: an edited agreement is a data file, no code change", () => {
  const shipped = JSON.parse(
    readFileSync(join(ROOT, "src/agreements/agreement-2020.json"), "utf8")
  ) as {
    id: string;
    title: { sv: string; en: string };
    total: number;
    table1: Record<string, number>;
    posts: { id: string; amount: number }[];
  };
  /** A copy of agreement-2020.json with villkor 1 raised to 120 000 000 kr and the total to 964 000 000. */
  function raised() {
    const copy = structuredClone(shipped);
    copy.id = "utkast-2020-v1";
    copy.title = { sv: "Utkast: villkor 1 höjt", en: "Draft: condition 1 raised" };
    copy.posts.find((p) => p.id === "v1")!.amount = 120_000_000;
    copy.total = 964_000_000;
    copy.table1.regions = 860_000_000;
    return copy;
  }

  it("pays villkor 1's 120 000 000 kr in whole kronor that add up, and names the file's agreement and total", () => {
    const agreement = file("raised.json", JSON.stringify(raised(), null, 2));
    const out = json("--agreement", agreement) as JsonOut & {
      agreementTitle: string;
      byRecipient: { table1: number | null }[];
    };
    const v1 = out.posts.find((p) => p.id === "v1")!;
    expect(v1.amount).toBe(120_000_000);
    expect(v1.payments).toHaveLength(21);
    expect(v1.payments.reduce((s, x) => s + x.amount, 0)).toBe(120_000_000);
    for (const p of out.posts) expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBe(p.amount);
    expect(out.agreement).toBe("utkast-2020-v1");
    expect(out.agreementTitle).toBe("Utkast: villkor 1 höjt");
    expect(out.total).toBe(964_000_000);
    expect(out.budget).toBe(964_000_000);
    expect(out.byRecipient[0]).toEqual({
      recipient: "regions",
      amount: 860_000_000,
      table1: 860_000_000,
    });

    const table = sjuk("compute", "--agreement", agreement);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toBe("Utkast: villkor 1 höjt (utkast-2020-v1)");
    expect(table.stdout).toMatch(/^Total +964 000 000 kr = the agreement's total$/m);
    expect(table.stdout).toMatch(/^Regionerna +860 000 000 kr = Table 1$/m);

    const csv = sjuk("compute", "--agreement", agreement, "--format", "csv");
    const v1Rows = csv.stdout.split("\r\n").filter((l) => l.startsWith("v1;"));
    expect(v1Rows).toHaveLength(21);
    expect(v1Rows.reduce((s, l) => s + Number(l.split(";")[3]), 0)).toBe(120_000_000);
  });

  it("computes the draft with Table 1 left as it was, warning which Table 1 figure no longer matches (compute and check exit 0)", () => {
    const draft = raised();
    draft.table1.regions = 840_000_000; // as shipped: the draft's author has not updated Table 1
    const agreement = file("draft-table1.json", JSON.stringify(draft, null, 2));
    const warning =
      "Table 1 states 840 000 000 kr for regions, but the agreement's posts to regions add up to 860 000 000 kr: Table 1 no longer matches the posts.";
    const out = json("--agreement", agreement) as JsonOut & {
      warnings: { code: string; message: string }[];
      byRecipient: { recipient: string; amount: number; table1: number | null }[];
    };
    expect(out.total).toBe(964_000_000);
    const v1 = out.posts.find((p) => p.id === "v1")!;
    expect(v1.payments.reduce((s, x) => s + x.amount, 0)).toBe(120_000_000);
    expect(out.byRecipient[0]).toEqual({
      recipient: "regions",
      amount: 860_000_000,
      table1: 840_000_000,
    });
    expect(out.warnings).toContainEqual({ code: "table1", message: warning });

    const table = sjuk("compute", "--agreement", agreement);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Regionerna +860 000 000 kr Table 1: 840 000 000 kr$/m);
    // The table wraps warnings at 100 columns.
    expect(table.stdout.replace(/\n +/g, " ")).toContain(`! ${warning}`);
    const csv = sjuk("compute", "--agreement", agreement, "--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain(`sjuk: warning: ${warning}\n`);

    expect(sjuk("agreement", "check", agreement)).toEqual({
      code: 0,
      stdout: `${agreement}: valid agreement utkast-2020-v1: 15 posts, total 964 000 000 kr, "Utkast: villkor 1 höjt"\n`,
      stderr: `sjuk: warning: ${agreement}, table1.regions: ${warning}\n`,
    });
  });

  it("refuses a copy whose posts do not add up to its total: exit 2, the file and the field named, nothing on stdout", () => {
    const copy = raised();
    copy.total = 944_000_000;
    const agreement = file("unbalanced.json", JSON.stringify(copy, null, 2));
    const r = sjuk("compute", "--agreement", agreement);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `sjuk: ${agreement}, total: the posts add up to 964 000 000 kr, not the stated total 944 000 000 kr\n`,
    });
    const check = sjuk("agreement", "check", agreement);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe("");
    expect(check.stderr).toBe(r.stderr);
  });

  it("sjuk agreement check passes the shipped file with a one-line summary", () => {
    const path = join(ROOT, "src/agreements/agreement-2020.json");
    const r = sjuk("agreement", "check", path);
    expect(r).toEqual({
      code: 0,
      stdout: `${path}: valid agreement sjuk-2020: 15 posts, total 944 000 000 kr, "${shipped.title.sv}"\n`,
      stderr: "",
    });
  });
});

describe("sjuk compute starts without what only the other commands need", () => {
  it("loads neither exceljs nor hyperformula (nor ics), and still computes 944 000 000 kr", () => {
    const probe = `
      const main = require(${JSON.stringify(join(ROOT, "dist/src/cli/main.js"))});
      let out = "";
      main.main(["compute", "--format", "json"], { stdout: (t) => (out += t), stderr: () => {}, setExitCode: () => {} })
        .then((code) => {
          const packages = new Set(Object.keys(require.cache).map((m) => (/node_modules[\\\\/]((@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(m) || [])[1]).filter(Boolean));
          process.stdout.write(JSON.stringify({ code, total: JSON.parse(out).total, packages: [...packages] }));
        });`;
    const r = spawnSync(process.execPath, ["-e", probe], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const { code, total, packages } = JSON.parse(r.stdout) as {
      code: number;
      total: number;
      packages: string[];
    };
    expect(code).toBe(0);
    expect(total).toBe(944_000_000);
    expect(packages).toContain("commander");
    for (const heavy of ["exceljs", "hyperformula", "ics", "jszip", "jspdf", "jspdf-autotable"])
      expect(packages).not.toContain(heavy);
  });
});

describe("sjuk compute --agreement with the engine's synthetic agreement (290 municipalities, two per-unit posts)", () => {
  const synthetic = join(ROOT, "examples/agreement-synthetic-290.json");
  const codes = (
    JSON.parse(readFileSync(synthetic, "utf8")) as { recipients: { members: { code: string }[] } }
  ).recipients.members.map((m) => m.code);
  const table = (name: string, header: string, value: number) =>
    file(name, `region;${header}\n${codes.map((c) => `${c};${value}`).join("\n")}\n`);

  it("reads every member's figures, key and unit columns, and pays in whole kronor that add up", () => {
    const r = sjuk(
      "compute",
      "--agreement",
      synthetic,
      "--format",
      "json",
      "--population",
      table("kommuner.csv", "befolkning", 1000),
      "--key-date",
      "2024-01-01",
      "--key",
      `elderly=${table("aldre.csv", "elderly", 100)}`,
      "--units",
      `visits=${table("besok.csv", "visits", 10)}`,
      "--units",
      `placements=${table("placering.csv", "placements", 2)}`
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Omit<JsonOut, "byRecipient"> & {
      byRecipient: { recipient: string; amount: number; table1: number | null }[];
    };
    expect(out.agreement).toBe("synthetic-290");
    const post = (id: string) => out.posts.find((p) => p.id === id)!;
    for (const id of ["bas", "aldre", "besok", "placering"]) {
      expect(post(id).payments).toHaveLength(290);
      expect(post(id).payments.reduce((s, x) => s + x.amount, 0)).toBe(post(id).amount);
    }
    // Equal populations: 200 000 000 / 290 = 689 655,17…; the 50 kronor left go to the lowest codes.
    expect(post("bas").payments.map((x) => x.amount)).toEqual(
      codes.map((_, i) => (i < 50 ? 689_656 : 689_655))
    );
    // The elderly key: 50 000 000 / 290 = 172 413,79…; 230 kronor left.
    expect(post("aldre").payments.map((x) => x.amount)).toEqual(
      codes.map((_, i) => (i < 230 ? 172_414 : 172_413))
    );
    // Per unit, each under its cap: 10 visits × 1 500 kr, 2 placements × 5 000 kr.
    expect(new Set(post("besok").payments.map((x) => x.amount))).toEqual(new Set([15_000]));
    expect(new Set(post("placering").payments.map((x) => x.amount))).toEqual(new Set([10_000]));
    expect(out.unpaid.map((u) => [u.post, u.amount])).toEqual([
      ["besok", 25_650_000],
      ["placering", 17_100_000],
    ]);
    expect(out.total + out.unpaid.reduce((s, u) => s + u.amount, 0)).toBe(310_000_000);
    // Only the Table 1 figures the file states are checked.
    expect(out.byRecipient.map((b) => [b.recipient, b.table1])).toEqual([
      ["municipalities", 300_000_000],
      ["SKR", 5_000_000],
      ["Försäkringskassan", null],
      ["government", null],
    ]);
  });

  it("a blank unit count is not reported yet: that member waits, unpaid, and the others keep what they are sure of", () => {
    const visits = file(
      "besok-delvis.csv",
      `region;visits\n${codes.map((c, i) => `${c};${i === 0 ? "" : 10}`).join("\n")}\n`
    );
    const r = sjuk(
      "compute",
      "--agreement",
      synthetic,
      "--format",
      "json",
      "--population",
      table("kommuner.csv", "befolkning", 1000),
      "--key-date",
      "2024-01-01",
      "--key",
      `elderly=${table("aldre.csv", "elderly", 100)}`,
      "--units",
      `visits=${visits}`,
      "--units",
      `placements=${table("placering.csv", "placements", 2)}`
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    const besok = out.posts.find((p) => p.id === "besok")!.payments.map((x) => x.amount);
    // K001 is assumed to take its whole cap and all it can be given; its money waits for its report.
    expect(besok).toEqual(codes.map((_, i) => (i === 0 ? 0 : 15_000)));
    expect(out.unpaid.find((u) => u.post === "besok")!.amount).toBe(30_000_000 - 289 * 15_000);
    expect(out.warnings.find((w) => w.code === "contacts-not-reported")!.message).toBe(
      "1 of 290 members of municipalities have not reported their visits for besok yet: Syntetisk kommun 001. Their money waits for their report; the others' is computed as if the missing ones take their whole cap, so it can only grow when they report."
    );
  });

  it("names a member the file does not know, in the agreement's own set", () => {
    const bad = file(
      "fel.csv",
      `region;befolkning\n${codes
        .slice(1)
        .map((c) => `${c};1000`)
        .join("\n")}\nK999;5\n`
    );
    const r = sjuk("compute", "--agreement", synthetic, "--population", bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `sjuk: ${bad}, line 291, column region: "K999" is not a region; closest:`
    );
    expect(r.stderr).toContain(
      `sjuk: ${bad}, line 1, column region: Syntetisk kommun 001 (K001) has no row`
    );
  });
});
