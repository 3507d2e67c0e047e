import synthetic from "../../examples/agreement-synthetic-290.json";
import agreement2020 from "../../src/agreements/agreement-2020.json";
import { formatProblem } from "../../src/core/errors";
import { compute } from "../../src/engine/compute";
import { recipientsOf } from "../../src/engine/recipients";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import {
  AGREEMENT_SETTING,
  insertSheets,
  validateInputs,
} from "../../src/workbook/agreement-insert";
import { DEFAULT_SHEET_NAMES, layoutOf } from "../../src/workbook/agreement-sheets";
import {
  WORKBOOK_AGREEMENTS_SETTING,
  agreementsOnOffer,
  chosenAgreement,
  importAgreement,
  readWorkbookAgreements,
} from "../../src/workbook/workbook-agreements";

/*
 * Sheets laid out from another agreement, inserted and computed in the preview's HyperFormula
 * port: the synthetic 290-member agreement (two key columns, two unit columns, bodies with
 * conditions, a decided "högst" amount) and the 2020 agreement with villkor 1 raised to
 * 120 000 000 kr, both imported into the workbook as JSON files.
 */

const sv = DEFAULT_SHEET_NAMES.sv;
const RAISED_TEXT = JSON.stringify({
  ...agreement2020,
  id: "sjuk-2020-v1-120",
  total: 964_000_000,
  posts: agreement2020.posts.map((p) => (p.id === "v1" ? { ...p, amount: 120_000_000 } : p)),
});

async function value(port: HyperFormulaPort, sheet: string, cell: string) {
  return (await port.readRange(sheet, cell))[0]![0];
}

beforeEach(() => clearScenarioCaches());

describe("the 2020 agreement with villkor 1 at 120 000 000 kr, imported into the workbook", () => {
  it("lays out the 2020 sheets for the copy: v1 pays exactly 120 000 000, the total is 964 000 000, and Table 1's check says what differs", async () => {
    const port = new HyperFormulaPort();
    const raised = await importAgreement(port, RAISED_TEXT, "sjuk-2020-v1-120.json");
    await insertSheets(port, { language: "sv", agreement: raised });
    const layout = layoutOf(raised);
    expect(await port.readSetting(AGREEMENT_SETTING)).toBe("sjuk-2020-v1-120");
    // The sheet shows the agreement's title; every formula names the copy by its id.
    expect(await value(port, sv.results, layout.RESULTS.agreementCell)).toBe(raised.title.sv);
    expect((await port.readFormulas(sv.results, layout.RESULTS.checkCell))[0]![0]).toContain(
      '"sjuk-2020-v1-120")'
    );
    expect(await value(port, sv.results, layout.RESULTS.sumCell("v1"))).toBe(120_000_000);
    expect(await value(port, sv.results, layout.RESULTS.sumCell("total"))).toBe(860_000_000);
    expect(await value(port, sv.payouts, layout.PAYOUTS.totalCell)).toBe(964_000_000);
    expect(await value(port, sv.payouts, layout.PAYOUTS.recipientCell("regions"))).toBe(
      860_000_000
    );
    // Table 1 (not updated in the copy) no longer matches: the check cell is an error (its text: tests/functions).
    expect(await value(port, sv.results, layout.RESULTS.checkCell)).toBe("#VALUE!");
    const engine = compute(raised, { key: shippedPopulationKey() });
    for (const r of REGIONS)
      expect(await value(port, sv.results, layout.RESULTS.cell(r.code, "v1"))).toBe(
        engine.posts.find((p) => p.post.id === "v1")!.payments.find((x) => x.recipient === r.code)!
          .amount
      );
    expect(await validateInputs(port, raised)).toEqual([]);
    // Read back on reopening: the workbook's agreements, checked, and the one its sheets are for.
    const held = await readWorkbookAgreements(port);
    expect(held.problems).toEqual([]);
    expect(agreementsOnOffer(held.agreements).map((a) => a.id)).toEqual([
      "sjuk-2020-v1-120",
      "sjuk-2020",
    ]);
    expect((await chosenAgreement(port, held.agreements)).total).toBe(964_000_000);
  });

  it("refuses a copy whose posts do not add up, naming the file and the field, and stores nothing", async () => {
    const port = new HyperFormulaPort();
    const bad = JSON.stringify({ ...JSON.parse(RAISED_TEXT), total: 944_000_000 });
    await expect(importAgreement(port, bad, "bad.json")).rejects.toMatchObject({
      problems: [expect.objectContaining({ where: { file: "bad.json", field: "total" } })],
    });
    const posts = JSON.parse(RAISED_TEXT);
    posts.posts[3].amount = -5;
    const e = await importAgreement(port, JSON.stringify(posts), "neg.json").catch((x) => x);
    expect(
      e.problems.map((p: Parameters<typeof formatProblem>[0]) => formatProblem(p)).join("\n")
    ).toMatch(/neg\.json.*posts\[3\]\.amount/);
    expect(await port.readSetting(WORKBOOK_AGREEMENTS_SETTING)).toBeUndefined();
    await expect(importAgreement(port, "{ not json", "x.json")).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: "file.not-json" })],
    });
  });
});

describe("the synthetic 290-member agreement, inserted", () => {
  it("lays out 290 rows, two key columns and two unit columns; every cell is the engine's, with the bodies' decisions", async () => {
    const port = new HyperFormulaPort();
    const agreement = await importAgreement(
      port,
      JSON.stringify(synthetic),
      "agreement-synthetic-290.json"
    );
    const codes = recipientsOf(agreement).codes;
    const fig = (f: (i: number) => number) => Object.fromEntries(codes.map((c, i) => [c, f(i)]));
    const population = fig((i) => 2_000 + ((i * 7_919) % 898_000));
    const elderly = fig((i) => Math.floor((2_000 + ((i * 7_919) % 898_000)) / 20) + (i % 7));
    const visits = fig((i) => (i * 37) % 250);
    const placements = fig((i) => (i % 5 === 0 ? 0 : (i * 13) % 40));
    const flags = Object.fromEntries(codes.map((c) => [c, !["K007", "K100", "K200"].includes(c)]));
    const regional = layoutOf(agreement).regionalPosts;
    await insertSheets(port, {
      language: "sv",
      agreement,
      inputs: {
        population: { figures: population, date: "2024-01-01", source: "syntetisk" },
        keys: { elderly: { figures: elderly, date: "2024-01-01", source: "syntetisk" } },
        units: { visits, placements },
        fulfilment: Object.fromEntries(regional.map((p) => [p, flags])),
        decisions: { "skr-stod": { fulfilled: false }, "fk-adm": { decided: 2_500_000 } },
      },
    });
    const layout = layoutOf(agreement);
    expect(layout.members).toHaveLength(290);
    expect(layout.keyColumns).toEqual(["population", "elderly"]);
    expect((await port.readTable("SJUK_Befolkning"))!.headers).toEqual([
      "Kod",
      "Region",
      "Befolkning",
      "Insatser för äldre, efter antal invånare 80+",
    ]);
    expect((await port.readTable("SJUK_Kontakter"))!.headers).toEqual([
      "Region",
      "Antal (hembesök)",
      "Antal (placering)",
    ]);
    expect(await validateInputs(port, agreement)).toEqual([]);

    const engine = compute(agreement, {
      key: { figures: population, date: "2024-01-01", source: "x" },
      keys: { elderly: { figures: elderly, date: "2024-01-01", source: "x" } },
      units: { visits, placements },
      fulfilment: {
        ...Object.fromEntries(regional.map((p) => [p, flags])),
        "skr-stod": { SKR: false },
      },
      decided: { "fk-adm": 2_500_000 },
    });
    const body = await port.readRange(sv.results, layout.RESULTS.paymentsRange);
    codes.forEach((c, i) =>
      regional.forEach((post, j) =>
        expect([c, post, body[i]![j]]).toEqual([
          c,
          post,
          engine.posts.find((p) => p.post.id === post)!.payments[i]!.amount,
        ])
      )
    );
    for (const post of agreement.posts)
      expect([post.id, await value(port, sv.payouts, layout.PAYOUTS.amountCell(post.id))]).toEqual([
        post.id,
        engine.posts.find((p) => p.post.id === post.id)!.paid,
      ]);
    expect(await value(port, sv.payouts, layout.PAYOUTS.amountCell("skr-stod"))).toBe(0);
    expect(await value(port, sv.payouts, layout.PAYOUTS.amountCell("fk-adm"))).toBe(2_500_000);
    expect(await value(port, sv.payouts, layout.PAYOUTS.totalCell)).toBe(engine.total);
    expect(await value(port, sv.payouts, layout.PAYOUTS.recipientCell("municipalities"))).toBe(
      engine.byRecipient.find((r) => r.recipient === "municipalities")!.amount
    );
    // The "högst" decision is an input: changed in the sheet, the payouts follow.
    await port.writeCells(sv.payouts, [
      { address: layout.PAYOUTS.decidedCell("fk-adm"), value: 1_000_000 },
    ]);
    expect(await value(port, sv.payouts, layout.PAYOUTS.amountCell("fk-adm"))).toBe(1_000_000);
    // A problem in the units names its sheet and cell.
    await port.writeCells(sv.contacts, [
      { address: layout.CONTACTS.cell("K003", "placements"), value: "tolv" },
    ]);
    const problems = await validateInputs(port, agreement);
    expect(problems.map((p: Parameters<typeof formatProblem>[0]) => formatProblem(p))).toEqual([
      expect.stringMatching(/^Kontakter!C8: /),
    ]);
  }, 60_000);
});
