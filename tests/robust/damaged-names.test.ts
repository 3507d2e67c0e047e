import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SjukError, problemText } from "../../src/core/errors";
import { evaluatePackage, loadPackage } from "../../src/workbook/xlsx-evaluate";
import { tempFile } from "./doors";

/**
 * What the byte fuzzing of tests/robust/fuzz.test.ts found: a damaged workbook whose sheet lost
 * its name, whose two sheets ended up with one name, or whose table name is no longer a name
 * was a crash inside HyperFormula. Each is a damaged file, refused naming it and what is wrong.
 */
const BOOK = readFileSync(join(__dirname, "../../examples/sjuk-2020.xlsx"));

async function edited(part: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(BOOK);
  const xml = await zip.file(part)!.async("string");
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  return tempFile("damaged.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
}

async function refused(path: string): Promise<SjukError> {
  try {
    await evaluatePackage(await loadPackage(path));
  } catch (e) {
    if (e instanceof SjukError) return e;
    throw e;
  }
  throw new Error(`${path} was evaluated, not refused`);
}

test.each([
  [
    "a sheet without a name",
    "xl/workbook.xml",
    (x: string) => x.replace(' name="Befolkning"', ""),
    "sheet 1 has no name",
    "blad 1 saknar namn",
  ],
  [
    "two sheets of one name",
    "xl/workbook.xml",
    (x: string) => x.replace('name="Villkor"', 'name="befolkning"'),
    "two sheets are named befolkning",
    "två blad heter befolkning",
  ],
  [
    "a table name that is no name",
    "xl/tables/table1.xml",
    (x: string) => x.replace(/displayName="([^"]+)"/, 'displayName="SJUK_-x"'),
    "the table name SJUK_-x",
    "tabellnamnet SJUK_-x på Befolkning är inget giltigt namn",
  ],
])(
  "%s: refused as damaged, naming the file, in English and Swedish",
  async (_, part, edit, why, sv) => {
    const path = await edited(part, edit);
    const error = await refused(path);
    expect(error.message).toContain(`${path} is not an Excel workbook (.xlsx) or is damaged`);
    expect(error.message).toContain(why);
    expect(error.problems.map((p) => p.code)).toEqual(["xlsx.damaged"]);
    expect(problemText(error.problems[0]!, "sv")).toBe(
      `${path} är ingen Excel-arbetsbok (.xlsx) eller är skadad: ${sv}`
    );
  }
);

test("the workbook as shipped is evaluated (the edits above are what breaks it)", async () => {
  const path = tempFile("intact.xlsx", BOOK);
  const { summary } = await evaluatePackage(await loadPackage(path));
  expect(summary.formulaCells).toBeGreaterThan(0);
});
