import { DetailedCellError, HyperFormula } from "hyperformula";
import synthetic from "../../examples/agreement-synthetic-290.json";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { compute } from "../../src/engine/compute";
import type { ComputeInputs } from "../../src/engine/inputs";
import { recipientsOf } from "../../src/engine/recipients";
import { REGIONS } from "../../src/engine/regions";
import { impact, sensitivity } from "../../src/engine/sensitivity";
import { holdWorkbookAgreements } from "../../src/functions/agreement";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { createSjukHyperFormula } from "../../src/functions/hyperformula";
import { shippedPopulationKey } from "../../src/reference/population";
import { installCustomFunctionsMock, officeFunctions } from "./harness";

/*
 * Any agreement in the spilled functions (issue 9 point 3): SHARES, EXPLAIN, SENSITIVITY and
 * IMPACT with the synthetic 290-member agreement named in the formula, sized by it in
 * HyperFormula; a blank unit count in any per-unit post is "not reported yet" (issue 12 point 4);
 * EXPLAIN's share is a per-cent number in both hosts.
 */

const SYNTHETIC = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
const ID = `"${SYNTHETIC.id}"`;
const codes = recipientsOf(SYNTHETIC).codes;
const n = codes.length;
const population = codes.map((_, i) => 2_000 + ((i * 7_919) % 898_000));
const elderly = codes.map((_, i) => Math.floor(population[i]! / 20) + (i % 7));
// Visits: K007 and K100 have not reported yet (blank); placements all reported.
const PENDING = new Set(["K007", "K100"]);
const visits = codes.map((c, i) => (PENDING.has(c) ? null : (i * 37) % 250));
const placements = codes.map((_, i) => (i % 5 === 0 ? 0 : (i * 13) % 40));

// Sheet: A code, B population, C elderly; E code, F visits, G placements; rows 2..291.
const KEY = `$A$2:$C$${n + 1}`;
const UNITS = `$E$2:$G$${n + 1}`;

function inputs(visitsOf: (code: string, i: number) => number | undefined): ComputeInputs {
  const reported = codes.flatMap((c, i) => {
    const v = visitsOf(c, i);
    return v === undefined ? [] : [[c, v] as const];
  });
  const missing = codes.filter((c, i) => visitsOf(c, i) === undefined);
  return {
    key: {
      figures: Object.fromEntries(codes.map((c, i) => [c, population[i]!])),
      date: null,
      source: "x",
    },
    keys: {
      elderly: {
        figures: Object.fromEntries(codes.map((c, i) => [c, elderly[i]!])),
        date: null,
        source: "x",
      },
    },
    units: {
      visits: Object.fromEntries(reported),
      placements: Object.fromEntries(codes.map((c, i) => [c, placements[i]!])),
    },
    ...(missing.length ? { unitsNotReported: { visits: missing } } : {}),
  };
}
const asGiven = inputs((c, i) => visits[i] ?? undefined);
const ENGINE = compute(SYNTHETIC, asGiven);

function workbook(): { hf: HyperFormula; sheet: number } {
  const hf = createSjukHyperFormula();
  const sheet = hf.getSheetId(hf.addSheet("Data"))!;
  hf.setSheetContent(sheet, [
    ["code", "population", "elderly", null, "code", "visits", "placements"],
    ...codes.map((c, i) => [c, population[i]!, elderly[i]!, null, c, visits[i]!, placements[i]!]),
  ]);
  hf.addSheet("Calc");
  return { hf, sheet: hf.getSheetId("Calc")! };
}

function at(hf: HyperFormula, sheet: number, row: number, col: number): unknown {
  const v = hf.getCellValue({ sheet, row, col });
  return v instanceof DetailedCellError ? `${v.value} ${v.message}` : v;
}

function block(hf: HyperFormula, sheet: number): unknown[][] {
  return hf.getSheetValues(sheet);
}

beforeAll(() => {
  holdWorkbookAgreements([SYNTHETIC]);
  installCustomFunctionsMock();
});
afterAll(() => holdWorkbookAgreements([]));
beforeEach(() => clearScenarioCaches());

const paid = (post: string, code: string) =>
  ENGINE.posts.find((p) => p.post.id === post)!.payments.find((x) => x.recipient === code)!.amount;

describe("a blank unit count is 'not reported yet' in every per-unit post (the engine)", () => {
  it("the missing members are not paid; the others get what they would if the missing ones took their whole cap", () => {
    const besok = ENGINE.posts.find((p) => p.post.id === "besok")!;
    for (const code of PENDING) expect(paid("besok", code)).toBe(0);
    // As if the missing members had visits enough to exceed every cap.
    const plenty = compute(
      SYNTHETIC,
      inputs((c, i) => (PENDING.has(c) ? 1_000_000 : visits[i]!))
    );
    const full = plenty.posts.find((p) => p.post.id === "besok")!;
    for (const code of codes)
      if (!PENDING.has(code))
        expect([code, paid("besok", code)]).toEqual([
          code,
          full.payments.find((x) => x.recipient === code)!.amount,
        ]);
    // Their money waits, unpaid, with the reason; the warning names them in the set's words.
    const waiting = PENDING.size;
    const capsOfPending = [...PENDING].reduce(
      (s, c) => s + full.payments.find((x) => x.recipient === c)!.amount,
      0
    );
    expect(besok.unpaid).toBe(full.unpaid + capsOfPending);
    const warning = ENGINE.warnings.find((w) => w.code === "contacts-not-reported")!;
    expect(warning.note).toEqual({
      code: "contacts.not-reported",
      params: {
        post: "besok",
        names: ["Syntetisk kommun 007", "Syntetisk kommun 100"],
        count: waiting,
        total: 290,
        column: "visits",
        set: "municipalities",
      },
    });
    // Every krona of the agreement is accounted for: paid or unpaid.
    expect(ENGINE.posts.reduce((s, p) => s + p.paid + p.unpaid, 0)).toBe(SYNTHETIC.total);
  });

  it("a count not reported for a member the set does not have is refused by name", () => {
    expect(() =>
      compute(SYNTHETIC, { ...asGiven, unitsNotReported: { visits: ["K999"] } })
    ).toThrow(/K999/);
  });
});

describe("SHARES with another agreement, sized by the id written in the formula", () => {
  it("spills 290 members × 4 posts, each the engine's amount, 'not reported' where visits are blank", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.SHARES(Data!${KEY},,,Data!${UNITS},,${ID})`
    );
    const got = block(hf, sheet);
    expect(got).toHaveLength(290);
    expect(got.every((r) => r.length === 4)).toBe(true);
    const posts = ["bas", "aldre", "besok", "placering"];
    codes.forEach((code, i) =>
      posts.forEach((post, j) => {
        const want = post === "besok" && PENDING.has(code) ? "not reported" : paid(post, code);
        expect([code, post, got[i]![j]]).toEqual([code, post, want]);
      })
    );
    const sum = (j: number) =>
      got.reduce((s, r) => s + (typeof r[j] === "number" ? (r[j] as number) : 0), 0);
    expect(sum(0)).toBe(200_000_000);
    expect(sum(1)).toBe(50_000_000);
    hf.destroy();
  });

  it("one post: one column of 290", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, `=SJUK.SHARES(Data!${KEY},"aldre",,,,${ID})`);
    const got = block(hf, sheet);
    expect(got.map((r) => r.length)).toEqual(codes.map(() => 1));
    expect(got.reduce((s, r) => s + (r[0] as number), 0)).toBe(50_000_000);
    hf.destroy();
  });

  it("the 2020 agreement is unchanged: 21 × 5, the regional posts add up to Table 1's 840 000 000", () => {
    const hf = createSjukHyperFormula();
    const sheet = hf.getSheetId(hf.addSheet("S"))!;
    const key = shippedPopulationKey();
    hf.setSheetContent(
      sheet,
      REGIONS.map((r) => [r.code, Number(key.figures[r.code])])
    );
    hf.setCellContents({ sheet, row: 0, col: 3 }, `=SJUK.SHARES(A1:B21)`);
    hf.setCellContents({ sheet, row: 0, col: 2 }, `=SUM(D1:H21)`);
    hf.setCellContents({ sheet, row: 1, col: 2 }, `=SUM(D1:D21)`);
    expect(at(hf, sheet, 0, 2)).toBe(840_000_000);
    expect(at(hf, sheet, 1, 2)).toBe(100_000_000);
    hf.destroy();
  });

  it("an id in a cell: the spill is sized for the 2020 agreement, and another agreement's size is an error saying why", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, [[SYNTHETIC.id, "sjuk-2020"]]);
    hf.setCellContents({ sheet, row: 2, col: 0 }, `=SJUK.SHARES(Data!${KEY},,,,,A1)`);
    expect(at(hf, sheet, 2, 0)).toBe(
      '#VALUE! SJUK.SHARES gives 290 × 4 cells, but this spreadsheet reserved 21 × 5 from the formula: write the agreement\'s id in the formula as text (e.g. "synthetic-290"), not in a cell, and enter the formula again'
    );
    hf.destroy();
  });

  it("an agreement the workbook holds only after the formula was entered (a reopened workbook) re-sizes the spill", () => {
    holdWorkbookAgreements([]);
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, `=SJUK.SHARES(Data!${KEY},"bas",,,,${ID})`);
    expect(String(at(hf, sheet, 0, 0))).toMatch(
      /^#N\/A agreement: "synthetic-290" is not an agreement/
    );
    holdWorkbookAgreements([SYNTHETIC]);
    const got = block(hf, sheet);
    expect(got).toHaveLength(290);
    expect(got.reduce((s, r) => s + (r[0] as number), 0)).toBe(200_000_000);
    hf.destroy();
  });
});

describe("EXPLAIN, SENSITIVITY and IMPACT with another agreement", () => {
  it("EXPLAIN: a member's steps, the share a per-cent number; rows enough for one round per member", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.EXPLAIN("K008","bas",Data!${KEY},,Data!${UNITS},,${ID})`
    );
    const got = block(hf, sheet);
    expect(got).toHaveLength(14 + 290);
    const row = (label: string) => got.findIndex((r) => r[0] === label);
    const total = population.reduce((s, p) => s + p, 0);
    const k = codes.indexOf("K008");
    expect(got[row("Weight")]![1]).toBe(population[k]);
    expect(got[row("Total weight")]![1]).toBe(total);
    expect(got[row("Share")]![1]).toBeCloseTo(population[k]! / total, 15);
    expect(hf.getCellValueDetailedType({ sheet, row: row("Share"), col: 1 })).toBe(
      "NUMBER_PERCENT"
    );
    expect(got[row("Paid")]![1]).toBe(paid("bas", "K008"));
    hf.destroy();
  });

  it("EXPLAIN of a member whose visits are blank is #N/A naming it, in the set's words", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.EXPLAIN("K007","besok",Data!${KEY},,Data!${UNITS},,${ID})`
    );
    expect(at(hf, sheet, 0, 0)).toBe(
      "#N/A 1 of 290 members of municipalities have not reported their visits for besok yet: Syntetisk kommun 007. Their money waits for their report; the others' is computed as if the missing ones take their whole cap, so it can only grow when they report."
    );
    hf.destroy();
  });

  it("EXPLAIN in Excel: the share is a formatted number (per cent), the same number as in HyperFormula", async () => {
    const office = officeFunctions();
    const key = [
      ["code", "population", "elderly"],
      ...codes.map((c, i) => [c, population[i], elderly[i]]),
    ];
    const got = (await office.explain!(
      "K008",
      "bas",
      key,
      null,
      null,
      null,
      SYNTHETIC.id,
      null,
      {}
    )) as unknown[][];
    const share = got.find((r) => r[0] === "Share")![1];
    const k = codes.indexOf("K008");
    expect(share).toEqual({
      type: "FormattedNumber",
      basicValue: population[k]! / population.reduce((s, p) => s + p, 0),
      numberFormat: "0.000000%",
    });
  });

  it("SENSITIVITY: the member's payment per post and in total, ± 1 000, as the engine's", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.SENSITIVITY("K008",Data!${KEY},,,Data!${UNITS},,${ID})`
    );
    const got = block(hf, sheet);
    const s = sensitivity(SYNTHETIC, asGiven, {}, "K008", 1000);
    expect(got).toHaveLength(4 + 2);
    expect(got.slice(1).map((r) => r.slice(1))).toEqual(
      s.lines.map((l) => [l.base, l.minus, l.plus, l.minus - l.base, l.plus - l.base])
    );
    expect(got.slice(1, 5).map((r) => r[0])).toEqual(["bas", "aldre", "besok", "placering"]);
    hf.destroy();
  });

  it("SENSITIVITY of a member whose visits are blank waits for its report (#N/A)", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.SENSITIVITY("K100",Data!${KEY},,,Data!${UNITS},,${ID})`
    );
    expect(String(at(hf, sheet, 0, 0))).toMatch(/^#N\/A 1 of 290 members of municipalities/);
    hf.destroy();
  });

  it("IMPACT: 290 members, the money not paid out and the total, as the engine's", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents(
      { sheet, row: 0, col: 0 },
      `=SJUK.IMPACT("K008","bas",Data!${KEY},,Data!${UNITS},,${ID})`
    );
    const got = block(hf, sheet);
    const i = impact(SYNTHETIC, asGiven, {}, "K008", "bas");
    expect(got).toHaveLength(290 + 3);
    expect(got.slice(1, 291)).toEqual(
      i.lines.map((l) => [l.name, l.fulfils, l.doesNot, l.difference])
    );
    const k = codes.indexOf("K008");
    // bas lapses: K008's share is not paid out, nobody gains; the total does not change.
    expect(got[1 + k]![3]).toBe(-paid("bas", "K008"));
    expect(got[291]!.slice(1)).toEqual([0, paid("bas", "K008"), paid("bas", "K008")]);
    expect(got[292]!.slice(1)).toEqual([200_000_000, 200_000_000, 0]);
    hf.destroy();
  });
});

describe("SJUK.SCENARIO with a saved scenario of another agreement", () => {
  it("reads a member's payment of the 290-member agreement, by code or name, as the engine's", () => {
    const figures = (values: number[]) => Object.fromEntries(codes.map((c, i) => [c, values[i]!]));
    const saved = {
      name: "Kommuner",
      agreement: SYNTHETIC.id,
      key: { figures: figures(population) },
      keys: { elderly: { figures: figures(elderly) } },
      units: { visits: figures(visits.map((v) => v ?? 0)), placements: figures(placements) },
    };
    const engine = compute(SYNTHETIC, {
      ...inputs((_, i) => visits[i] ?? 0),
      key: { figures: figures(population), date: null, source: "x" },
    });
    const want = (post: string, code: string) =>
      engine.posts.find((p) => p.post.id === post)!.payments.find((x) => x.recipient === code)!
        .amount;
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, [
      [JSON.stringify(saved)],
      ['=SJUK.SCENARIO("Kommuner","K008",A1,"aldre")'],
      ['=SJUK.SCENARIO("Kommuner","Syntetisk kommun 008",A1,"besok")'],
      ['=SJUK.SCENARIO("Kommuner","K008",A1)'],
      ['=SJUK.SCENARIO("Kommuner","Region Skåne",A1,"bas")'],
    ]);
    expect(at(hf, sheet, 1, 0)).toBe(want("aldre", "K008"));
    expect(at(hf, sheet, 2, 0)).toBe(want("besok", "K008"));
    const all = ["bas", "aldre", "besok", "placering"].reduce((s, p) => s + want(p, "K008"), 0);
    expect(at(hf, sheet, 3, 0)).toBe(all);
    expect(String(at(hf, sheet, 4, 0))).toMatch(/^#VALUE! region: "Region Skåne" is not/);
    hf.destroy();
  });
});
