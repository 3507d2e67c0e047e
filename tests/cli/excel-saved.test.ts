import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AGREEMENT_2020 } from "../../src/agreements";
import { compute } from "../../src/engine";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { evaluateFile } from "../../src/workbook/xlsx-evaluate";
import { XLSX_LIMITS } from "../../src/workbook/xlsx-package";
import { main } from "../../src/cli/main";
import { message, render } from "../../src/core/messages";
import { FixtureCell, buildXlsx, partsOf } from "./excel-fixture";

/*
 * A workbook saved the way Excel saves it: the add-in's functions as _xldudf_ names, a filled-down
 * SJUK.SHARE(…, "v1") as a shared formula, a spilled SJUK.ALLOCATE as a dynamic array whose cells
 * below keep stale cached values, A1# and @ as _xlfn. functions, a table reference, and the
 * add-in's own parts. Evaluated and written back, then read as XML.
 */

const key = shippedPopulationKey();
const population = REGIONS.map((r) => Number(key.figures[r.code]));
const dir = mkdtempSync(join(tmpdir(), "sjuk-excel-saved-"));

function populationSheet(): FixtureCell[] {
  const cells: FixtureCell[] = [
    { r: "A1", value: "Län" },
    { r: "B1", value: "Region" },
    { r: "C1", value: "Invånare" },
  ];
  REGIONS.forEach((region, i) => {
    cells.push(
      { r: `A${i + 2}`, value: region.code },
      { r: `B${i + 2}`, value: region.name },
      { r: `C${i + 2}`, value: population[i]! }
    );
  });
  return cells;
}

function resultSheet(): FixtureCell[] {
  const cells: FixtureCell[] = [];
  for (let i = 0; i < 21; i++) {
    const r = i + 2;
    // A: the region's name, filled down; B: its villkor 1 share, filled down with "v1" in quotes.
    cells.push(
      i === 0
        ? {
            r: "A2",
            f: "Befolkning!B2",
            fAttributes: { t: "shared", ref: "A2:A22", si: "0" },
            value: "stale",
          }
        : { r: `A${r}`, fAttributes: { t: "shared", si: "0" }, value: "stale" }
    );
    cells.push(
      i === 0
        ? {
            r: "B2",
            f: '_xldudf_SJUK_SHARE(A2,Befolkning!$A$2:$C$22,"v1")',
            fAttributes: { t: "shared", ref: "B2:B22", si: "1" },
            value: 1,
          }
        : { r: `B${r}`, fAttributes: { t: "shared", si: "1" }, value: 1 }
    );
    // D: a spill, as Excel stores it: the anchor with t="array" and cm, the rest plain stale values.
    cells.push(
      i === 0
        ? {
            r: "D2",
            f: "_xldudf_SJUK_ALLOCATE(1000,Befolkning!$C$2:$C$22)",
            fAttributes: { t: "array", ref: "D2:D22" },
            cm: 1,
            value: 7,
          }
        : { r: `D${r}`, value: 7 }
    );
  }
  cells.push(
    { r: "E2", f: "SUM(_xlfn.ANCHORARRAY(D2))", value: 0 },
    { r: "E3", f: "_xlfn.SINGLE(Befolkning!C2:C22)", value: 0 },
    { r: "E4", f: "SUM(Befolkning_T[Invånare])", value: 0 },
    { r: "E5", f: "[1]!_xldudf_SJUK_TOTAL()", value: 0 },
    { r: "E6", f: '_xldudf_SJUK_TOTAL("SKR")', value: 0 },
    { r: "E7", f: "F7", value: 0 },
    { r: "F7", value: 123456789012345 },
    { r: "E8", f: "IF(TRUE,1E3,0)+FALSE", value: 0 },
    { r: "E9", f: "Befolkning_T[[#This Row],[Invånare]]", value: 0 },
    { r: "E10", f: "E10+1", value: 0 },
    {
      r: "G2",
      f: "_xldudf_SJUK_ALLOCATE(123456789012345,{1;2})",
      fAttributes: { t: "array", ref: "G2:G3" },
      cm: 1,
      value: 0,
    },
    { r: "G3", value: 0 }
  );
  return cells;
}

describe("a workbook as Excel saves it, through sjuk evaluate", () => {
  const input = join(dir, "excel.xlsx");
  const out = join(dir, "evaluated.xlsx");
  let before: Map<string, string>;
  let after: Map<string, string>;
  let stdout = "";
  let code = 0;

  beforeAll(async () => {
    const data = await buildXlsx(
      [
        {
          name: "Befolkning",
          cells: populationSheet(),
          tables: [{ name: "Befolkning_T", ref: "A1:C22", columns: ["Län", "Region", "Invånare"] }],
        },
        { name: "Resultat", cells: resultSheet() },
      ],
      {
        dynamicArrays: true,
        addInParts: true,
        externalLink: true,
        definedNames: [{ name: "_xldudf_SJUK_SHARE", text: "#NAME?", hidden: true }],
      }
    );
    writeFileSync(input, data);
    before = await partsOf(data);
    code = await main(["evaluate", input, "--out", out], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stdout += t),
      setExitCode: () => undefined,
    });
    after = await partsOf(readFileSync(out));
  }, 60_000);

  const sheet = () => after.get("xl/worksheets/sheet2.xml")!;
  const cell = (r: string) =>
    new RegExp(`<c r="${r}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheet())?.[0] ?? "";
  const value = (r: string) => {
    const c = cell(r);
    const v = /<v>([^<]*)<\/v>/.exec(c)?.[1];
    if (v === undefined) return undefined;
    if (/ t="str"/.test(c) || / t="e"/.test(c)) return v;
    if (/ t="b"/.test(c)) return v === "1";
    return Number(v);
  };

  test("the summary counts every formula and SJUK cell; the only error is the circular reference", () => {
    expect(code).toBe(0);
    // 21 + 21 shared cells, the D2 and G2 anchors, E2 … E10; SJUK: B2:B22, D2, E5, E6, G2.
    expect(stdout).toMatch(/53 formula cells evaluated, 25 of them SJUK cells, 1 error\n/);
    expect(stdout).toMatch(/Resultat!E10: #CYCLE!/);
  });

  test('a filled-down SJUK.SHARE(…, "v1") keeps "v1" in every cell: each region\'s own villkor 1 share', () => {
    const result = compute(AGREEMENT_2020, { key });
    const v1 = result.posts.find((p) => p.post.id === "v1")!;
    REGIONS.forEach((region, i) => {
      expect([region.name, value(`A${i + 2}`)]).toEqual([region.name, region.name]);
      expect([region.name, value(`B${i + 2}`)]).toEqual([
        region.name,
        v1.payments.find((p) => p.recipient === region.code)!.amount,
      ]);
      // The shared formula stays shared; its text (with "v1") is never rewritten.
      if (i > 0) expect(cell(`B${i + 2}`)).toContain('<f t="shared" si="1"/>');
    });
    expect(cell("B2")).toContain(
      '<f t="shared" ref="B2:B22" si="1">_xldudf_SJUK_SHARE(A2,Befolkning!$A$2:$C$22,&quot;v1&quot;)</f>'
    );
    expect(sheet()).not.toMatch(/"V\d+"|&quot;V\d+&quot;/);
  });

  test("a spilled SJUK.ALLOCATE: a dynamic array with a value in every spilled cell, adding up to the amount", () => {
    expect(cell("D2")).toMatch(
      /^<c r="D2" cm="1"><f t="array" ref="D2:D22">_xldudf_SJUK_ALLOCATE\(1000,Befolkning!\$A\$2:\$C\$22\)|^<c r="D2" cm="1"><f t="array" ref="D2:D22">_xldudf_SJUK_ALLOCATE\(1000,Befolkning!\$C\$2:\$C\$22\)<\/f><v>/
    );
    const spilled = REGIONS.map((_, i) => value(`D${i + 2}`) as number);
    expect(spilled.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(spilled.every((v) => Number.isInteger(v) && v !== 7)).toBe(true);
    expect(value("E2")).toBe(1000); // SUM(D2#)
  });

  test("@, a table reference, [n]!_xldudf_, TRUE/FALSE and 1E3", () => {
    expect(value("E3")).toBe(population[1]); // @ on row 3: the second region
    expect(value("E4")).toBe(population.reduce((a, b) => a + b, 0));
    expect(value("E5")).toBe(944_000_000);
    expect(value("E6")).toBe(57_800_000);
    expect(value("E8")).toBe(1000);
    expect(value("E9")).toBe(population[7]);
    expect(cell("E5")).toContain("<f>[1]!_xldudf_SJUK_TOTAL()</f>");
  });

  test("15-digit integers come through exactly, also split by SJUK.ALLOCATE", () => {
    expect(value("E7")).toBe(123456789012345);
    expect(value("G2")).toBe(41152263004115);
    expect(value("G3")).toBe(82304526008230);
    expect((value("G2") as number) + (value("G3") as number)).toBe(123456789012345);
  });

  test("only Excel's own error values are written: a circular reference is #VALUE!, not #CYCLE!", () => {
    expect(cell("E10")).toMatch(/ t="e"><f>E10\+1<\/f><v>#VALUE!<\/v>/);
    expect(sheet()).not.toMatch(/#CYCLE!|#ERROR!|#LIC!/);
  });

  test("every other part is kept byte for byte, the sheet's other XML too", () => {
    const changed = [...before.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changed).toEqual(["xl/worksheets/sheet2.xml"]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "");
    expect(outside(sheet())).toBe(outside(before.get("xl/worksheets/sheet2.xml")!));
    expect(after.get("xl/webextensions/webextension1.xml")).toContain(
      "Office.AutoShowTaskpaneWithDocument"
    );
  });
});

describe("spills written into a workbook without dynamic-array metadata", () => {
  test("xl/metadata.xml, its content type and relationship are added, and the anchor gets cm", async () => {
    const input = join(dir, "plain.xlsx");
    const out = join(dir, "plain-out.xlsx");
    writeFileSync(
      input,
      await buildXlsx([
        {
          name: "S",
          cells: [
            { r: "A1", value: 1 },
            { r: "A2", value: 3 },
            { r: "B1", f: "SJUK.ALLOCATE(100,A1:A2)" },
          ],
        },
      ])
    );
    const summary = await evaluateFile(input, out);
    expect(summary.errors).toEqual([]);
    const parts = await partsOf(readFileSync(out));
    expect(parts.get("xl/metadata.xml")).toContain(
      '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>'
    );
    expect(parts.get("[Content_Types].xml")).toContain('PartName="/xl/metadata.xml"');
    expect(parts.get("xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/sheetMetadata" Target="metadata.xml"/
    );
    const xml = parts.get("xl/worksheets/sheet1.xml")!;
    expect(xml).toContain(
      '<c r="B1" cm="1"><f t="array" ref="B1:B2">SJUK.ALLOCATE(100,A1:A2)</f><v>25</v></c>'
    );
    expect(xml).toContain('<c r="B2"><v>75</v></c>');
  });
});

describe("a legacy array formula (Ctrl+Shift+Enter, no cm) keeps its fixed range", () => {
  test("values inside the range, #N/A where the result is smaller, no dynamic-array metadata added", async () => {
    const input = join(dir, "cse.xlsx");
    const out = join(dir, "cse-out.xlsx");
    const cells = [
      { r: "A1", value: 1 },
      { r: "A2", value: 3 },
      {
        r: "B1",
        f: "SJUK.ALLOCATE(100,A1:A2)",
        fAttributes: { t: "array", ref: "B1:B3" },
        value: 0,
      },
      { r: "B2", value: 0 },
      { r: "B3", value: 0 },
    ];
    writeFileSync(input, await buildXlsx([{ name: "S", cells }]));
    await evaluateFile(input, out);
    const parts = await partsOf(readFileSync(out));
    const xml = parts.get("xl/worksheets/sheet1.xml")!;
    expect(xml).toContain(
      '<c r="B1"><f t="array" ref="B1:B3">SJUK.ALLOCATE(100,A1:A2)</f><v>25</v></c>'
    );
    expect(xml).toContain('<c r="B2"><v>75</v></c>');
    expect(xml).toContain('<c r="B3" t="e"><v>#N/A</v></c>');
    expect(parts.has("xl/metadata.xml")).toBe(false);
  });
});

describe("workbook size limits", () => {
  test(`a cell beyond row ${XLSX_LIMITS.rows} is refused, naming the sheet and the limit, quickly`, async () => {
    const input = join(dir, "tall.xlsx");
    writeFileSync(
      input,
      await buildXlsx([
        {
          name: "Lång",
          cells: [
            { r: "A1", value: 1 },
            { r: "A1000000", value: 2 },
          ],
        },
      ])
    );
    const started = Date.now();
    await expect(evaluateFile(input, join(dir, "never.xlsx"))).rejects.toThrow(
      /tall\.xlsx, Lång!A1000000: beyond row 40,000, the last row sjuk evaluate reads/
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  });

  test("through the command line: exit 2, the message on stderr, nothing written", async () => {
    const input = join(dir, "tall2.xlsx");
    writeFileSync(input, await buildXlsx([{ name: "Data", cells: [{ r: "B50001", value: 2 }] }]));
    let stdout = "";
    let stderr = "";
    const code = await main(["evaluate", input, "--out", join(dir, "never2.xlsx")], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      setExitCode: () => undefined,
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/tall2\.xlsx, Data!B50001: beyond row 40,000/);
    expect(existsSync(join(dir, "never2.xlsx"))).toBe(false);
  });

  test("cells that hold only a style, far out, are no reason to refuse; a spill into a styled cell keeps its style", async () => {
    const input = join(dir, "styled.xlsx");
    const out = join(dir, "styled-out.xlsx");
    const data = await buildXlsx([
      {
        name: "S",
        cells: [
          { r: "A1", value: 1 },
          { r: "A2", value: 3 },
          { r: "B1", f: "SJUK.ALLOCATE(100,A1:A2)" },
        ],
      },
    ]);
    // Excel writes formatted empty cells as <c r=… s=…/>: one in the spill's way, one far out.
    const zip = await (await import("jszip")).default.loadAsync(data);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace('<c r="A2"><v>3</v></c>', '<c r="A2"><v>3</v></c><c r="B2" s="4"/>')
        .replace("</sheetData>", '<row r="50000"><c r="XFD50000" s="2"/></row></sheetData>')
    );
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await evaluateFile(input, out)).errors).toEqual([]);
    const xml = (await partsOf(readFileSync(out))).get("xl/worksheets/sheet1.xml")!;
    expect(xml).toContain('<c r="B2" s="4"><v>75</v></c>');
    expect(xml).toContain('<row r="50000"><c r="XFD50000" s="2"/></row>');
  });

  test("the limits' words come from the catalogue, in Swedish too", () => {
    expect(render(message("xlsx.beyond-rows", { limit: XLSX_LIMITS.rows }), "sv")).toMatch(
      /^bortom rad 40\s000, den sista rad sjuk evaluate läser/
    );
    expect(render(message("xlsx.too-many-cells", { limit: XLSX_LIMITS.cells }), "en")).toBe(
      "the workbook has more than 2,000,000 filled cells, the most sjuk evaluate reads"
    );
  });

  test("a cell beyond column ZZZ is refused even when the dimension does not say so", async () => {
    const input = join(dir, "wide.xlsx");
    writeFileSync(
      input,
      await buildXlsx([{ name: "Bred", dimension: "A1", cells: [{ r: "AAAA1", value: 1 }] }])
    );
    await expect(evaluateFile(input)).rejects.toThrow(/Bred!AAAA1: beyond column 18,278 \(ZZZ\)/);
  });
});
