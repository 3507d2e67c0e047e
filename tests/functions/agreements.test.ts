import { DetailedCellError, HyperFormula } from "hyperformula";
import synthetic from "../../examples/agreement-synthetic-290.json";
import agreement2020 from "../../src/agreements/agreement-2020.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { compute } from "../../src/engine/compute";
import { recipientsOf } from "../../src/engine/recipients";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { holdWorkbookAgreements, viewOf } from "../../src/functions/agreement";
import { clearScenarioCaches } from "../../src/functions/catalog";
import { createSjukHyperFormula } from "../../src/functions/hyperformula";

/*
 * The agreement as a parameter of the functions: the synthetic 290-member agreement and a copy
 * of the 2020 agreement with villkor 1 raised to 120 000 000 kr, both held by the workbook (as
 * the task pane registers them after checking them), computed cell by cell in HyperFormula.
 */

const SYNTHETIC = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
const RAISED = parseAllocationAgreement(
  {
    ...agreement2020,
    id: "sjuk-2020-v1-120",
    total: 964_000_000,
    posts: agreement2020.posts.map((p) => (p.id === "v1" ? { ...p, amount: 120_000_000 } : p)),
  },
  "raised.json"
);

beforeAll(() => holdWorkbookAgreements([SYNTHETIC, RAISED]));
afterAll(() => holdWorkbookAgreements([]));
beforeEach(() => clearScenarioCaches());

function sheetWith(rows: (string | number | null)[][]): { hf: HyperFormula; sheet: number } {
  const hf = createSjukHyperFormula();
  const name = hf.addSheet("Data");
  const sheet = hf.getSheetId(name)!;
  hf.setSheetContent(sheet, rows);
  return { hf, sheet };
}

function value(hf: HyperFormula, sheet: number, row: number, col: number): unknown {
  const v = hf.getCellValue({ sheet, row, col });
  return v instanceof DetailedCellError ? `${v.value} ${v.message}` : v;
}

describe("the synthetic 290-member agreement through the functions", () => {
  const codes = recipientsOf(SYNTHETIC).codes;
  const population = codes.map((_, i) => 2_000 + ((i * 7_919) % 898_000));
  const elderly = codes.map((_, i) => Math.floor(population[i]! / 20) + (i % 7));
  const visits = codes.map((_, i) => (i * 37) % 250);
  const placements = codes.map((_, i) => (i % 5 === 0 ? 0 : (i * 13) % 40));
  const notFulfilling = new Set(["K007", "K100", "K200"]);
  const regional = viewOf(SYNTHETIC).regionalPosts;
  const options = "skr-stod=nej fk-adm=2500000";
  // Rows 1..290 (row 0 headers): A code, B population, C elderly (keyColumns' order), D visits,
  // E placements, G.. fulfilment (header row of post ids), then the results, then the units
  // range: code, visits, placements (unitColumns' order).
  const n = codes.length;
  const last = n + 1;
  const refs = { key: `$A$1:$C$${last}` };

  it("reads the key and unit columns in the agreement's order", () => {
    expect(viewOf(SYNTHETIC).keyColumns).toEqual(["population", "elderly"]);
    expect(viewOf(SYNTHETIC).unitColumns).toEqual(["visits", "placements"]);
  });

  it("every member's payment per post equals the engine's, the key posts add up to their budgets, and the bodies' decisions count", () => {
    const header = [
      "code",
      "population",
      "elderly",
      "visits",
      "placements",
      null,
      "code",
      ...regional,
    ];
    const rows: (string | number | null)[][] = [header];
    codes.forEach((c, i) =>
      rows.push([
        c,
        population[i]!,
        elderly[i]!,
        visits[i]!,
        placements[i]!,
        null,
        c,
        ...regional.map(() => (notFulfilling.has(c) ? "nej" : "ja")),
      ])
    );
    const { hf, sheet } = sheetWith(rows);
    const first = 7 + regional.length + 1; // results start after the fulfilment block
    const fulfilment = `$G$1:$${String.fromCharCode(71 + regional.length)}$${last}`;
    // Units as one contiguous range: code, visits, placements (the agreement's unit order).
    hf.setCellContents({ sheet, row: 0, col: first + regional.length + 2 }, [
      ["code", "visits", "placements"],
      ...codes.map((c, i) => [c, visits[i]!, placements[i]!]),
    ]);
    const uc = first + regional.length + 2;
    const letter = (col: number) =>
      col < 26
        ? String.fromCharCode(65 + col)
        : String.fromCharCode(64 + Math.floor(col / 26)) + String.fromCharCode(65 + (col % 26));
    const units = `$${letter(uc)}$1:$${letter(uc + 2)}$${last}`;
    const agreementCell = `"${SYNTHETIC.id}"`;
    const formulas = codes.map((c) =>
      regional.map((post) => {
        const perUnit = SYNTHETIC.posts.find((p) => p.id === post)!.key.type === "per-unit";
        return perUnit
          ? `=SJUK.CONTACTS("${c}",${refs.key},${units},"${options}",${fulfilment},${agreementCell},"${post}")`
          : `=SJUK.SHARE("${c}",${refs.key},"${post}",${fulfilment},"${options}",${agreementCell})`;
      })
    );
    hf.setCellContents({ sheet, row: 1, col: first }, formulas);
    const bodyRow = last + 2;
    hf.setCellContents({ sheet, row: bodyRow, col: 0 }, [
      SYNTHETIC.posts.map(
        (p) =>
          `=SJUK.PAID("${p.id}",${refs.key},${fulfilment},${units},"${options}",${agreementCell})`
      ),
      [`=SJUK.CHECK(${refs.key},${fulfilment},${units},"${options}",${agreementCell})`],
    ]);

    const flags = Object.fromEntries(codes.map((c) => [c, !notFulfilling.has(c)]));
    const engine = compute(SYNTHETIC, {
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
        visits: Object.fromEntries(codes.map((c, i) => [c, visits[i]!])),
        placements: Object.fromEntries(codes.map((c, i) => [c, placements[i]!])),
      },
      fulfilment: {
        ...Object.fromEntries(regional.map((p) => [p, flags])),
        "skr-stod": { SKR: false },
      },
      decided: { "fk-adm": 2_500_000 },
    });
    const sums = regional.map(() => 0);
    codes.forEach((c, i) =>
      regional.forEach((post, j) => {
        const got = value(hf, sheet, 1 + i, first + j);
        const want = engine.posts.find((p) => p.post.id === post)!.payments[i]!.amount;
        expect([c, post, got]).toEqual([c, post, want]);
        sums[j] = sums[j]! + (got as number);
      })
    );
    // bas lapses three members' shares; aldre is shared in full among the others.
    expect(sums[regional.indexOf("aldre")]).toBe(50_000_000);
    expect(sums[regional.indexOf("bas")]).toBeLessThan(200_000_000);
    const paid = SYNTHETIC.posts.map((_, j) => value(hf, sheet, bodyRow, j));
    expect(paid).toEqual(
      SYNTHETIC.posts.map((p) => engine.posts.find((x) => x.post.id === p.id)!.paid)
    );
    expect(paid[SYNTHETIC.posts.findIndex((p) => p.id === "skr-stod")]).toBe(0);
    expect(paid[SYNTHETIC.posts.findIndex((p) => p.id === "fk-adm")]).toBe(2_500_000);
    regional.forEach((post, j) =>
      expect(paid[SYNTHETIC.posts.findIndex((p) => p.id === post)]).toBe(sums[j])
    );
    // Table 1 of the synthetic agreement states the municipalities' 300 MSEK; three lapse.
    expect(String(value(hf, sheet, bodyRow + 1, 0))).toMatch(
      /^#VALUE! differs from Table 1: The municipalities: /
    );
    hf.destroy();
  });

  it("a member of another set is refused by name, with the closest members", () => {
    const { hf, sheet } = sheetWith([
      ['=SJUK.SHARE("Region Skåne",A3:B4,"bas",,,"synthetic-290")'],
    ]);
    expect(value(hf, sheet, 0, 0)).toMatch(/^#VALUE! region: "Region Skåne" is not/);
    hf.destroy();
  });
});

describe("a copy of the 2020 agreement with villkor 1 at 120 000 000 kr, held by the workbook", () => {
  const key = shippedPopulationKey();
  const rows = REGIONS.map((r) => [r.code, r.name, Number(key.figures[r.code])]);

  it("v1 pays exactly 120 000 000 over the 21 regions, the posts and totals are the copy's, and Table 1 (not updated) says what differs", () => {
    const { hf, sheet } = sheetWith([
      ...rows.map((row) => [
        ...row,
        `=SJUK.SHARE(A${rows.indexOf(row) + 1},$A$1:$C$21,"v1",,,"${RAISED.id}")`,
        `=SJUK.SHARE(A${rows.indexOf(row) + 1},$A$1:$C$21,"v1")`,
      ]),
      [
        "=SUM(D1:D21)",
        "=SUM(E1:E21)",
        `=SJUK.POST("v1","${RAISED.id}")`,
        `=SJUK.TOTAL(,"${RAISED.id}")`,
        `=SJUK.TOTAL("regions","${RAISED.id}")`,
      ],
      [`=SJUK.CHECK($A$1:$C$21,,,,"${RAISED.id}")`, `=SJUK.CHECK($A$1:$C$21)`],
    ]);
    expect(value(hf, sheet, 21, 0)).toBe(120_000_000);
    expect(value(hf, sheet, 21, 1)).toBe(100_000_000);
    expect(value(hf, sheet, 21, 2)).toBe(120_000_000);
    expect(value(hf, sheet, 21, 3)).toBe(964_000_000);
    expect(value(hf, sheet, 21, 4)).toBe(860_000_000);
    expect(value(hf, sheet, 22, 0)).toBe(
      "#VALUE! differs from Table 1: The regions: 860 000 000 kr, Table 1 says 840 000 000 kr"
    );
    expect(value(hf, sheet, 22, 1)).toBe(true);
    // The same figures as the engine gives for the copy.
    const engine = compute(RAISED, { key });
    REGIONS.forEach((r, i) =>
      expect(value(hf, sheet, i, 3)).toBe(
        engine.posts.find((p) => p.post.id === "v1")!.payments[i]!.amount
      )
    );
    hf.destroy();
  });

  it("an agreement neither the workbook nor SJUK holds is #N/A naming the ids on offer", () => {
    const { hf, sheet } = sheetWith([
      [`=SJUK.POST("v1","sjuk-2019")`, `=SJUK.POST("v1","sjuk-2020")`],
    ]);
    expect(value(hf, sheet, 0, 0)).toBe(
      '#N/A agreement: "sjuk-2019" is not an agreement of this workbook or of SJUK (synthetic-290, sjuk-2020-v1-120, sjuk-2020)'
    );
    expect(value(hf, sheet, 0, 1)).toBe(100_000_000);
    expect(AGREEMENT_2020.id).toBe("sjuk-2020");
    hf.destroy();
  });
});
