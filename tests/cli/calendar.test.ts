import { Command, CommanderError } from "commander";
import { register } from "../../src/cli/commands/calendar";
import { commandIO, EXIT_BAD_INPUT } from "../../src/cli/io";

/** Runs `sjuk calendar …` the way src/cli/main.ts runs a subcommand; returns exit code and output. */
async function sjuk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const streams = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const program = new Command("sjuk")
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
  register(program, commandIO({ ...streams, setExitCode: (c) => (code = c) }));
  try {
    await program.parseAsync(["calendar", ...args], { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  return { code, stdout, stderr };
}

describe("sjuk calendar", () => {
  it("prints a table in date order by default", async () => {
    const r = await sjuk();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const dates = r.stdout
      .split("\n")
      .map((l) => /^(\d{4}(?:-\d{2}-\d{2})?) /.exec(l)?.[1])
      .filter(Boolean);
    expect(dates).toHaveLength(20);
    const pick = ["2021-01-27", "2021-04-29", "2024-12-01", "2025-03-31", "2026-12-15"].map((d) =>
      dates.indexOf(d)
    );
    expect(pick.every((i) => i >= 0)).toBe(true);
    expect([...pick].sort((a, b) => a - b)).toEqual(pick);
    expect(r.stdout).toMatch(
      /^2021-01-27 +utbetalning +790 000 000 kr +Utbetalning till regionerna \(senast\)/m
    );
    expect(r.stdout).toMatch(
      /^2024-12-01 +rekvisition +≤ 500 000 kr +Rekvisition av medel för 2024/m
    );
  });

  it("filters with --from and --to, as JSON", async () => {
    const r = await sjuk("--from", "2024-01-01", "--to", "2025-12-31", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      from: string;
      to: string;
      events: { date: string; kind: string; amount?: number }[];
    };
    expect(json.from).toBe("2024-01-01");
    expect(json.events.map((e) => [e.date, e.kind, e.amount ?? null])).toEqual([
      ["2024-12-01", "requisition", 500_000],
      ["2025-03-31", "repayment", null],
      ["2025-03-31", "report", null],
      ["2025", "payout", 2_000_000],
    ]);
  });

  it("writes CSV for Swedish Excel", async () => {
    const r = await sjuk("--to", "2021-01-27", "--format", "csv");
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFdatum;endast_ar;typ;belopp_kr;hogst;villkorat;rubrik;mottagare;till;kalla;poster"
    );
    expect(lines).toContain(
      "2021-01-27;nej;payout;790000000;nej;nej;Utbetalning till regionerna (senast);regions;;sjuk-2020;v1,v2,v3,v4"
    );
    // Header, 6 reports, 4 payouts on 2021-01-27, and the follow-up money of "2021" (year only, so it may fall in range).
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 6 + 4 + 1);
    expect(lines[11]).toBe(
      "2021;ja;payout;10000000;nej;nej;Reserverat för uppföljning och utvärdering (beslutas av regeringen) under 2021;government;;sjuk-2020;followup"
    );
  });

  it("writes .ics with all-day events", async () => {
    const r = await sjuk(
      "--format",
      "ics",
      "--from",
      "2024-01-01",
      "--stamp",
      "2026-11-25T08:00:00Z"
    );
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^DTSTART;VALUE=DATE:(\d{8})\r$/gm)?.map((l) => l.slice(19, 27))).toEqual(
      ["20241201", "20250331", "20250331", "20251231", "20261215", "20261231"]
    );
    const skipped = await sjuk("--format", "ics", "--from", "2024-01-01", "--year-only", "skip");
    expect(skipped.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(4);
  });

  it("writes a reminder before each deadline: 7 days by default, --reminder N, --no-reminder", async () => {
    const r = await sjuk("--format", "ics", "--from", "2024-01-01");
    // From 2024: requisition, repayment, report, final report (deadlines) and two planned payouts.
    expect(r.stdout.match(/^BEGIN:VALARM\r$/gm)).toHaveLength(4);
    expect(r.stdout.match(/^TRIGGER:-PT168H\r$/gm)).toHaveLength(4);
    const three = await sjuk("--format", "ics", "--from", "2024-01-01", "--reminder", "3");
    expect(three.stdout.match(/^TRIGGER:-PT72H\r$/gm)).toHaveLength(4);
    const none = await sjuk("--format", "ics", "--from", "2024-01-01", "--no-reminder");
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain("VALARM");
    const bad = await sjuk("--format", "ics", "--reminder", "0");
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain('"0" is not a number of days from 1 to 365.');
  });

  it("an empty range: a valid calendar without events, and a note on stderr", async () => {
    const r = await sjuk("--format", "ics", "--from", "2027-01-01", "--to", "2027-12-31");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(r.stdout).toMatch(/END:VCALENDAR\r\n$/);
    expect(r.stdout).not.toContain("BEGIN:VEVENT");
    expect(r.stderr).toBe(
      "sjuk: note: no payouts or deadlines from 2027-01-01 to 2027-12-31: the file is a valid calendar without events\n"
    );
    const some = await sjuk("--format", "ics", "--from", "2024-01-01");
    expect(some.stderr).toBe("");
  });

  it("exits 2 with a clear message on a bad date, nothing on stdout", async () => {
    const r = await sjuk("--from", "2024-13-01");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('"2024-13-01" is not a date written YYYY-MM-DD.');
    const slash = await sjuk("--to", "1/12/2024");
    expect(slash.code).toBe(2);
    expect(slash.stderr).toContain('"1/12/2024" is not a date written YYYY-MM-DD.');
  });

  it("exits 2 when --from is after --to, or on an unknown format", async () => {
    const r = await sjuk("--from", "2025-01-01", "--to", "2024-01-01");
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "sjuk: from: from (2025-01-01) is after to (2024-01-01)\n",
    });
    const f = await sjuk("--format", "xlsx");
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/Allowed choices are table, csv, ics, json/);
  });
});
