import { readFileSync, symlinkSync } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { dirname, join } from "path";
import { REGIONS } from "../../src/engine/regions";
import { LIMITS } from "../../src/inputs/limits";
import { FIGURES, csv, column, tempFile } from "./doors";

/*
 * The catalogue's file and command-line cases: whole files, encodings, sizes and option values
 * that only the command line takes. Each makes its files, runs `sjuk` with `argv`, and states
 * the exit code and the exact stderr lines ("FILE" stands for the case's file, "OUT" for its
 * output). Every input file must be byte for byte the same afterwards.
 */

export interface Setup {
  argv: string[];
  file?: string;
  out?: string;
}

export interface FileCase {
  id: string;
  /** Makes the case's files; returns the arguments and the paths that stand for FILE and OUT. */
  setup: () => Setup | Promise<Setup>;
  code: number;
  lines: string[];
  /** Checked after the run (e.g. what was written). */
  after?: (paths: { file?: string; out?: string; stdout: string }) => void;
}

const EXAMPLE_BOOK = join(__dirname, "../../examples/sjuk-2020.xlsx");
const populationText = csv("population", column("population", []));
const populationFile = (text: string | Buffer = populationText, name = "population.csv") =>
  tempFile(name, text);
const compute = (file: string, ...more: string[]) => ({
  argv: ["compute", "--population", file, ...more],
  file,
});

/** A copy of the example workbook in a folder of its own. */
function bookCopy(name = "book.xlsx"): string {
  return tempFile(name, readFileSync(EXAMPLE_BOOK));
}

/** The example workbook with its parts changed by `edit` (part name → new text, or unchanged). */
async function editedBook(
  name: string,
  edit: (part: string, xml: string) => string
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(EXAMPLE_BOOK));
  for (const part of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
    zip.file(part, edit(part, await zip.file(part)!.async("string")));
  return tempFile(name, Buffer.from(await zip.generateAsync({ type: "uint8array" })));
}

/** An .xlsx whose shared strings declare an external entity pointing at a file with a secret. */
function xxeBook(secret: string): Promise<string> {
  const secretFile = tempFile("secret.txt", secret);
  return editedBook("xxe.xlsx", (part, xml) =>
    part === "xl/sharedStrings.xml"
      ? xml
          .replace("?>", `?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`)
          .replace("<t>", "<t>&xxe;")
      : xml
  );
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** As the Open XML SDK writes: every SpreadsheetML element with the prefix x:. */
const prefixedBook = () =>
  editedBook("open-xml-sdk.xlsx", (part, xml) =>
    xml.includes(`xmlns="${MAIN}"`)
      ? xml.replace(/<(\/?)(?=[A-Za-z])/g, "<$1x:").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
      : xml
  );

/** As LibreOffice writes cells: every row's and cell's optional attributes spelt out, formulas with aca. */
const libreOfficeBook = () =>
  editedBook("libreoffice.xlsx", (part, xml) =>
    /worksheets\/sheet\d+\.xml$/.test(part)
      ? xml
          .replace(
            /<row /g,
            '<row customFormat="false" hidden="false" customHeight="false" outlineLevel="0" collapsed="false" '
          )
          .replace(/<f>/g, '<f aca="false">')
      : xml
  );

/** Rows and cells without their optional r reference, in a sheet that starts at A1. */
const unreferencedBook = () =>
  editedBook("no-references.xlsx", (part, xml) =>
    /worksheets\/sheet1\.xml$/.test(part) ? xml.replace(/<(row|c) r="[^"]*"/g, "<$1") : xml
  );

const fewColumns = (n: number) =>
  `region;befolkning;${Array.from({ length: n - 2 }, (_, i) => `kommentar ${i}`).join(";")}\n`;

export const FILE_CASES: FileCase[] = [
  {
    id: "an empty file",
    setup: () => compute(populationFile("")),
    code: 2,
    lines: [
      'sjuk: FILE, line 1: the header row is empty; it needs the columns "region" and "befolkning" or "population"',
    ],
  },
  {
    id: "a header and nothing else",
    setup: () => compute(populationFile("region;befolkning\n")),
    code: 2,
    lines: REGIONS.map(
      (r) =>
        `sjuk: FILE, line 1, column region: ${r.name} (${r.code}) has no row; every one of the 21 regions needs one`
    ),
  },
  {
    id: "an unknown column",
    setup: () =>
      compute(populationFile(populationText.replace("befolkning", "befolkning;folkmangd2"))),
    code: 2,
    lines: [
      'sjuk: FILE, line 1, column folkmangd2: "folkmangd2" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
    ],
  },
  {
    id: "a column twice",
    setup: () =>
      compute(populationFile(populationText.replace("befolkning", "befolkning;invånare"))),
    code: 2,
    lines: [
      'sjuk: FILE, line 1, column invånare: "invånare" repeats the column "befolkning"; each column may appear once',
    ],
  },
  {
    id: `${LIMITS.columns + 1} columns`,
    setup: () =>
      compute(
        populationFile(
          fewColumns(LIMITS.columns + 1) + populationText.split("\n").slice(1).join("\n")
        )
      ),
    code: 2,
    lines: ["sjuk: FILE, line 1: this row has 101 columns; an input table may have at most 100"],
  },
  {
    id: "200 000 columns in a header",
    setup: () =>
      compute(
        populationFile(
          `region;befolkning;${"x;".repeat(200_000)}\n${populationText.split("\n").slice(1).join("\n")}`
        )
      ),
    code: 2,
    lines: [
      "sjuk: FILE, line 1: this row has 200 003 columns; an input table may have at most 100",
    ],
  },
  {
    id: `${LIMITS.rows + 1} rows`,
    setup: () => compute(populationFile(populationText + "Region Skåne;1\n".repeat(LIMITS.rows))),
    code: 2,
    lines: [
      "sjuk: FILE, line 1001: the file has 1 022 rows; an input table may have at most 1 000",
    ],
  },
  {
    id: "a file above 1 MiB (blank lines)",
    setup: () => compute(populationFile(populationText + "\n".repeat(LIMITS.fileBytes))),
    code: 2,
    lines: [
      "sjuk: FILE: the file is larger than 1 MiB, the most an input table may be; is it the right file?",
    ],
  },
  {
    id: "/dev/zero",
    setup: () => ({ argv: ["compute", "--population", "/dev/zero"], file: "/dev/zero" }),
    code: 2,
    lines: [
      "sjuk: FILE: the file is larger than 1 MiB, the most an input table may be; is it the right file?",
    ],
  },
  {
    id: "a directory",
    setup: () => compute(dirname(populationFile())),
    code: 2,
    lines: ["sjuk: FILE: cannot read the file: is a directory"],
  },
  {
    id: "no such file",
    setup: () => compute(`${populationFile()}.missing`),
    code: 2,
    lines: ["sjuk: FILE: cannot read the file: no such file"],
  },
  {
    id: "UTF-16 LE with a byte-order mark",
    setup: () =>
      compute(
        populationFile(
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(populationText, "utf16le")])
        )
      ),
    code: 0,
    lines: [],
  },
  {
    id: "UTF-16 BE with a byte-order mark",
    setup: () =>
      compute(
        populationFile(Buffer.from(Buffer.from(`\uFEFF${populationText}`, "utf16le")).swap16())
      ),
    code: 0,
    lines: [],
  },
  {
    id: "UTF-16 LE without a byte-order mark",
    setup: () => compute(populationFile(Buffer.from(populationText, "utf16le"))),
    code: 0,
    lines: [],
  },
  {
    id: "Windows-1252",
    setup: () => compute(populationFile(Buffer.from(populationText, "latin1"))),
    code: 0,
    lines: [],
  },
  {
    id: "one byte that is not UTF-8 in a UTF-8 file",
    setup: () => {
      const bytes = Buffer.from(populationText, "utf8");
      const at = bytes.indexOf("Uppsala");
      bytes[at] = 0xff;
      return compute(populationFile(bytes));
    },
    code: 2,
    lines: [
      'sjuk: FILE, line 3, column region: "Region �ppsala" holds a byte that is not UTF-8 (shown as �), while the rest of the file is UTF-8; save the file as UTF-8',
    ],
  },
  {
    id: "a zero byte",
    setup: () => compute(populationFile(populationText.replace("Uppsala", "Upp\0sala"))),
    code: 2,
    lines: [
      "sjuk: FILE, line 3: is not a text (CSV) file: it has a zero byte; save it as CSV (UTF-8)",
    ],
  },
  {
    id: "an unclosed quote",
    setup: () =>
      compute(populationFile(populationText.replace("Region Uppsala", '"Region Uppsala'))),
    code: 2,
    lines: [
      "sjuk: FILE, line 22: not a readable CSV file: Quote Not Closed: the parsing is finished with an opening quote",
    ],
  },
  {
    id: "a line break and an escape sequence in a header",
    setup: () =>
      compute(
        populationFile(
          populationText.replace("region;befolkning", 'region;"befolk\nning\u001b[2J"')
        )
      ),
    code: 2,
    lines: [
      'sjuk: FILE, line 1: no column "befolkning" or "population"; the header has "region", "befolk\\nning\\u001b[2J"',
      'sjuk: FILE, line 1, column befolk\\nning\\u001b[2J: "befolk\\nning\\u001b[2J" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")',
    ],
  },
  {
    id: "999 faulty rows: 100 listed and the rest counted",
    setup: () => compute(populationFile(populationText + "Nowhere;1\n".repeat(LIMITS.rows - 22))),
    code: 2,
    lines: [
      ...Array.from(
        { length: 100 },
        (_, i) =>
          `sjuk: FILE, line ${23 + i}, column region: "Nowhere" is not a region; closest: Region Örebro län, Region Gotland, Region Kalmar län`
      ),
      "sjuk: … and 878 more problems not listed (at most 100 are)",
    ],
  },
  {
    id: "a comma-separated file with quoted decimal commas",
    setup: () =>
      compute(
        populationFile(
          `region,befolkning\n${REGIONS.map((r, i) => `${r.name},"${FIGURES[i]},0"`).join("\n")}\n`
        )
      ),
    code: 0,
    lines: [],
  },
  {
    id: "tab-separated",
    setup: () => compute(populationFile(populationText.replace(/;/g, "\t"))),
    code: 0,
    lines: [],
  },
  {
    id: "CRLF line ends and blank lines",
    setup: () => compute(populationFile(populationText.replace(/\n/g, "\r\n\r\n"))),
    code: 0,
    lines: [],
  },
  {
    id: "--population with an empty value",
    setup: () => ({ argv: ["compute", "--population", ""] }),
    code: 2,
    lines: [
      "error: option '--population <file.csv>' argument '' is invalid. --population was given an empty value; give a CSV file.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--fulfilment with an empty value",
    setup: () => ({ argv: ["compute", "--fulfilment", ""] }),
    code: 2,
    lines: [
      "error: option '--fulfilment <file.csv>' argument '' is invalid. --fulfilment was given an empty value; give a CSV file.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--contacts with an empty value",
    setup: () => ({ argv: ["compute", "--contacts", "  "] }),
    code: 2,
    lines: [
      "error: option '--contacts <file.csv>' argument '  ' is invalid. --contacts was given an empty value; give a CSV file.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--key-date with an empty value",
    setup: () => compute(populationFile(), "--key-date", ""),
    code: 2,
    lines: [
      "error: option '--key-date <YYYY-MM-DD>' argument '' is invalid. \"\" is not a date written YYYY-MM-DD.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--redistribution with an empty value",
    setup: () => ({ argv: ["compute", "--redistribution", ""] }),
    code: 2,
    lines: [
      "error: option '--redistribution <key>' argument '' is invalid. Allowed choices are population, unpaid-contacts.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--format xml",
    setup: () => ({ argv: ["compute", "--format", "xml"] }),
    code: 2,
    lines: [
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, csv, json.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "--non-fulfilment v9=share",
    setup: () => ({ argv: ["compute", "--non-fulfilment", "v9=share"] }),
    code: 2,
    lines: [
      'sjuk: --non-fulfilment: "v9" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4)',
    ],
  },
  {
    id: "a misspelt option",
    setup: () => ({ argv: ["compute", "--populaton", "x.csv"] }),
    code: 2,
    lines: [
      "error: unknown option '--populaton'",
      "(Did you mean --population?)",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "evaluate: no such workbook",
    setup: () => {
      const file = `${populationFile()}.xlsx`;
      return { argv: ["evaluate", file], file };
    },
    code: 2,
    lines: ["sjuk: FILE: cannot read the file: no such file"],
  },
  {
    id: "evaluate: a CSV file is not a workbook",
    setup: () => {
      const file = populationFile();
      return { argv: ["evaluate", file, "--out", `${file}.xlsx`], file, out: `${file}.xlsx` };
    },
    code: 2,
    lines: [
      "sjuk: FILE is not an Excel workbook (.xlsx) or is damaged: Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html",
    ],
  },
  {
    id: "evaluate: a truncated workbook",
    setup: () => {
      const file = tempFile("truncated.xlsx", readFileSync(EXAMPLE_BOOK).subarray(0, 20_000));
      return {
        argv: ["evaluate", file, "--out", `${file}.out.xlsx`],
        file,
        out: `${file}.out.xlsx`,
      };
    },
    code: 2,
    lines: [
      "sjuk: FILE is not an Excel workbook (.xlsx) or is damaged: Corrupted zip: can't find end of central directory",
    ],
  },
  {
    id: "evaluate: --out onto its own input",
    setup: () => {
      const file = bookCopy();
      return { argv: ["evaluate", file, "--out", file], file };
    },
    code: 2,
    lines: [
      "sjuk: FILE: --out is the input workbook itself; give --in-place to write over it, or another file",
    ],
  },
  {
    id: "evaluate: --out onto its own input through a link",
    setup: () => {
      const file = bookCopy();
      const link = `${file}.link.xlsx`;
      symlinkSync(file, link);
      return { argv: ["evaluate", file, "--out", link], file, out: link };
    },
    code: 2,
    lines: [
      "sjuk: OUT: --out is the input workbook itself; give --in-place to write over it, or another file",
    ],
  },
  {
    id: "evaluate: --in-place writes over the input",
    setup: () => {
      const file = bookCopy();
      return { argv: ["evaluate", file, "--in-place"], out: file };
    },
    code: 0,
    lines: [],
    after: ({ stdout }) =>
      expect(stdout).toContain("284 formula cells evaluated, 222 of them SJUK cells, 0 errors"),
  },
  {
    id: "evaluate: --in-place and --out another file",
    setup: () => {
      const file = bookCopy();
      return {
        argv: ["evaluate", file, "--in-place", "--out", `${file}.other.xlsx`],
        file,
        out: `${file}.other.xlsx`,
      };
    },
    code: 2,
    lines: ["sjuk: --in-place writes over FILE; --out OUT names another file; give one of them"],
  },
  {
    id: "evaluate: --out with an empty value",
    setup: () => {
      const file = bookCopy();
      return { argv: ["evaluate", file, "--out", ""], file };
    },
    code: 2,
    lines: [
      "error: option '--out <file>' argument '' is invalid. --out was given an empty value; give the file to write.",
      "(sjuk --help shows the options)",
    ],
  },
  {
    id: "evaluate: an external entity in the workbook's XML",
    setup: async () => {
      const file = await xxeBook("SECRET-3141592653");
      return {
        argv: ["evaluate", file, "--out", `${file}.out.xlsx`],
        file,
        out: `${file}.out.xlsx`,
      };
    },
    code: 2,
    lines: [
      "sjuk: FILE is not an Excel workbook (.xlsx) or is damaged: External entities are not supported",
    ],
  },
  {
    id: "evaluate: a workbook as the Open XML SDK writes it (prefixed elements)",
    setup: async () => {
      const file = await prefixedBook();
      return {
        argv: ["evaluate", file, "--out", `${file}.out.xlsx`],
        file,
        out: `${file}.out.xlsx`,
      };
    },
    code: 0,
    lines: [],
    after: ({ stdout }) =>
      expect(stdout).toContain("284 formula cells evaluated, 222 of them SJUK cells, 0 errors"),
  },
  {
    id: "evaluate: rows and cells without references",
    setup: async () => {
      const file = await unreferencedBook();
      return {
        argv: ["evaluate", file, "--out", `${file}.out.xlsx`],
        file,
        out: `${file}.out.xlsx`,
      };
    },
    code: 0,
    lines: [],
    after: ({ stdout }) =>
      expect(stdout).toContain("284 formula cells evaluated, 222 of them SJUK cells, 0 errors"),
  },
  {
    id: "evaluate: a circular defined name",
    setup: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = 5;
      ws.getCell("B1").value = { formula: "Self*2" } as ExcelJS.CellFormulaValue;
      wb.definedNames.add("Data!$B$1", "Self");
      const file = tempFile("circular.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
      return { argv: ["evaluate", file], file };
    },
    code: 0,
    lines: [],
    after: ({ stdout }) =>
      expect(stdout).toBe(
        `${"FILE"}: 1 formula cells evaluated, 0 of them SJUK cells, 1 error\n  Data!B1: #CYCLE! the formula depends on itself, directly or through a defined name\n`
      ),
  },
  {
    id: "evaluate: a workbook as LibreOffice writes its rows and formulas",
    setup: async () => {
      const file = await libreOfficeBook();
      return {
        argv: ["evaluate", file, "--out", `${file}.out.xlsx`],
        file,
        out: `${file}.out.xlsx`,
      };
    },
    code: 0,
    lines: [],
    after: ({ stdout }) =>
      expect(stdout).toContain("284 formula cells evaluated, 222 of them SJUK cells, 0 errors"),
  },
];
