import { AGREEMENT_2020 } from "../agreements";
import type { AllocationAgreement } from "../agreements/schema";
import { Decimal } from "../engine/decimal";
import { Location, Problem, SjukError } from "../engine/errors";
import { isIsoDate } from "../engine/calendar";
import { ContactCounts, PopulationKey, TREATMENT_COLUMNS, TreatmentColumn } from "../engine/inputs";
import {
  REGIONS,
  Region,
  closestRegionNames,
  findRegion,
  unknownRegionMessage,
} from "../engine/regions";
import { readColumn } from "./number-reading";
import {
  Cell,
  CommaReading,
  Parsed,
  isBlank,
  printable,
  parseCount,
  parseWeight,
  parseYesNo,
  showCell,
  showCellSv,
} from "./cells";

/**
 * Region tables: a grid of cells with a header row and one row per region, as a CSV file or a
 * worksheet gives it, turned into engine inputs. Pure (no Node, no Office): the CLI and the
 * workbook adapters share it, and each decides how a place in the grid is named.
 *
 * Every fault is collected, one problem per fault, each naming where it is; a table with any
 * fault gives no result at all (SjukError with every problem), never a partial one. Each problem
 * is in English (`message`) and Swedish (`sv`), written side by side where it is found.
 */

/**
 * Names a place in the grid. `row` indexes `rows` (0 is the header row); `column` indexes the
 * row's cells, or is omitted for the row as a whole. The CLI answers
 * `{ file, line, column: <header text> }`, a workbook `{ sheet, cell: "C7" }`.
 */
export type Locate = (row: number, column?: number) => Location;

export interface RegionGrid {
  /** rows[0] is the header row. */
  rows: Cell[][];
  locate: Locate;
}

/** Header spellings, compared without case, accents, spaces, dashes or underscores. */
const REGION_HEADERS = [
  "region",
  "län",
  "lan",
  "regionnamn",
  "namn",
  "name",
  "kod",
  "code",
  "länskod",
  "lanskod",
  "regionkod",
  "county",
  "county code",
];
const POPULATION_HEADERS = [
  "population",
  "befolkning",
  "invånare",
  "antal invånare",
  "folkmängd",
  "inhabitants",
];
const CONTACT_HEADERS = [
  "contacts",
  "kontakter",
  "antal kontakter",
  "arbetsgivarkontakter",
  "employer contacts",
];
const DATE_HEADERS = ["date", "datum"];
/** Columns anyone may add for their own notes; they are read past. */
const NOTE_HEADERS = ["kommentar", "comment", "anteckning", "note", "notes"];
export const TREATMENT_HEADERS: Record<TreatmentColumn, string[]> = {
  mentalHealthWomen: [
    "psykisk ohälsa kvinnor",
    "mental health women",
    "mental ill-health women",
    "mentalHealthWomen",
  ],
  mentalHealthMen: [
    "psykisk ohälsa män",
    "mental health men",
    "mental ill-health men",
    "mentalHealthMen",
  ],
  painWomen: [
    "långvarig smärta kvinnor",
    "smärta kvinnor",
    "pain women",
    "long-term pain women",
    "chronic pain women",
    "painWomen",
  ],
  painMen: [
    "långvarig smärta män",
    "smärta män",
    "pain men",
    "long-term pain men",
    "chronic pain men",
    "painMen",
  ],
};

/** "Psykisk ohälsa, Kvinnor" → "psykiskohalsakvinnor". */
export function headerKey(text: Cell): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const keys = (spellings: string[]) => new Set(spellings.map(headerKey));
const REGION_KEYS = keys(REGION_HEADERS);
const POPULATION_KEYS = keys(POPULATION_HEADERS);
const CONTACT_KEYS = keys(CONTACT_HEADERS);
const DATE_KEYS = keys(DATE_HEADERS);
const NOTE_KEYS = keys(NOTE_HEADERS);
const TREATMENT_KEYS = new Map<string, TreatmentColumn>(
  TREATMENT_COLUMNS.flatMap((c) =>
    TREATMENT_HEADERS[c].map((h): [string, TreatmentColumn] => [headerKey(h), c])
  )
);

/**
 * The problems of one grid, each located by the grid's own `locate`, reported in reading order
 * (row by row, then column by column) however they were found.
 */
class GridProblems {
  private readonly entries: { row: number; column: number; seq: number; problem: Problem }[] = [];

  constructor(private readonly grid: RegionGrid) {}

  /**
   * `message` in English, `sv` in Swedish. `sortRow` places the problem elsewhere in the order
   * than its location (e.g. last).
   */
  add(message: string, sv: string, row: number, column?: number, sortRow = row): void {
    this.entries.push({
      row: sortRow,
      column: column ?? -1,
      seq: this.entries.length,
      problem: { message, sv, where: this.grid.locate(row, column) },
    });
  }

  throwIfAny(): void {
    if (this.entries.length === 0) return;
    const sorted = [...this.entries].sort(
      (a, b) => a.row - b.row || a.column - b.column || a.seq - b.seq
    );
    throw new SjukError(sorted.map((e) => e.problem));
  }
}

/** A text in English and Swedish. */
interface Texts {
  en: string;
  sv: string;
}

/** What a column of a table means. */
type Role = { kind: "region" } | { kind: "value"; name: string } | { kind: "note" };

interface Column {
  index: number;
  header: string;
  role: Role;
}

/** One data row whose region is known and unique. */
interface RegionRow {
  row: number;
  region: Region;
  cells: Cell[];
}

/**
 * Reads the header row and the region of every row. `roleOf` names a header's role (or
 * undefined for an unknown header, which is a problem described by `unknownHeader`).
 */
function readTable(
  grid: RegionGrid,
  problems: GridProblems,
  spec: {
    roleOf: (key: string) => Role | undefined;
    unknownHeader: (header: string) => Texts;
    required: { name: string; spellings: string[] }[];
  }
): { columns: Column[]; rows: RegionRow[]; byName: Map<string, Column> } {
  const header = grid.rows[0] ?? [];
  const columns: Column[] = [];
  const byName = new Map<string, Column>();
  let lastNonBlankHeader = -1;
  header.forEach((cell, index) => {
    if (isBlank(cell)) return;
    lastNonBlankHeader = index;
    // The header as messages show it: one line, control characters escaped, long text cut.
    const text = printable(String(cell).trim());
    const role = spec.roleOf(headerKey(String(cell).trim()));
    if (!role) {
      const { en, sv } = spec.unknownHeader(text);
      problems.add(en, sv, 0, index);
      return;
    }
    const name =
      role.kind === "region" ? "region" : role.kind === "value" ? role.name : `note:${index}`;
    const earlier = byName.get(name);
    if (earlier && role.kind === "value") {
      problems.add(
        `"${text}" repeats the column "${earlier.header}"; each column may appear once`,
        `"${text}" upprepar kolumnen "${earlier.header}"; varje kolumn får finnas en gång`,
        0,
        index
      );
      return;
    }
    const column = { index, header: text, role };
    columns.push(column);
    if (!earlier) byName.set(name, column);
  });

  const regionColumns = columns.filter((c) => c.role.kind === "region");
  if (grid.rows.length === 0 || header.every(isBlank)) {
    problems.add(
      `the header row is empty; it needs the columns ${spec.required.map((r) => either(r.spellings, "or")).join(" and ")}`,
      `rubrikraden är tom; den behöver kolumnerna ${spec.required.map((r) => either(r.spellings, "eller")).join(" och ")}`,
      0
    );
    return { columns, rows: [], byName };
  }
  const missing = spec.required.filter((r) => !byName.has(r.name));
  const given = header
    .filter((c) => !isBlank(c))
    .map(showCell)
    .join(", ");
  for (const r of missing) {
    problems.add(
      `no column ${either(r.spellings, "or")}; the header has ${given}`,
      `kolumnen ${either(r.spellings, "eller")} saknas; rubrikraden har ${given}`,
      0
    );
  }

  const rows: RegionRow[] = [];
  const seen = new Map<string, number>();
  /** The regions a faulty region cell may have meant: a missing row for one of them is that fault, not another. */
  const guesses = new Set<string>();
  for (let row = 1; row < grid.rows.length; row++) {
    const cells = grid.rows[row] ?? [];
    if (cells.every(isBlank)) continue;
    const extra = cells.findIndex((c, i) => i > lastNonBlankHeader && !isBlank(c));
    if (extra >= 0)
      problems.add(
        `${showCell(cells[extra])} is in a column without a header`,
        `${showCellSv(cells[extra])} står i en kolumn utan rubrik`,
        row,
        extra
      );
    if (regionColumns.length === 0) continue;
    const region = regionOf(grid, row, cells, regionColumns, problems, guesses);
    if (!region) continue;
    const first = seen.get(region.code);
    if (first !== undefined) {
      const at = grid.locate(first);
      problems.add(
        `${region.name} appears again; it is already on ${at.line !== undefined ? `line ${at.line}` : (at.cell ?? at.sheet ?? "an earlier row")}`,
        `${region.name} förekommer igen; regionen står redan på ${at.line !== undefined ? `rad ${at.line}` : (at.cell ?? at.sheet ?? "en tidigare rad")}`,
        row,
        regionColumns[0]!.index
      );
      continue;
    }
    seen.set(region.code, row);
    rows.push({ row, region, cells });
  }

  if (regionColumns.length > 0) {
    const regionCol = regionColumns[0]!;
    for (const r of REGIONS) {
      if (!seen.has(r.code) && !guesses.has(r.name))
        problems.add(
          `${r.name} (${r.code}) has no row; every one of the 21 regions needs one`,
          `${r.name} (${r.code}) saknas; alla 21 regioner ska ha en rad`,
          0,
          regionCol.index,
          Number.MAX_SAFE_INTEGER
        );
    }
  }
  return { columns, rows, byName };
}

/** The region a row names; with both a name and a code column they must agree. */
function regionOf(
  grid: RegionGrid,
  row: number,
  cells: Cell[],
  regionColumns: Column[],
  problems: GridProblems,
  guesses: Set<string>
): Region | undefined {
  let found: { region: Region; column: Column } | undefined;
  let faulty = false;
  for (const column of regionColumns) {
    const cell = cells[column.index];
    if (isBlank(cell)) continue;
    const region = findRegion(typeof cell === "number" ? cell : String(cell));
    if (!region) {
      const text = String(cell).trim();
      problems.add(
        unknownRegionMessage(text),
        `"${printable(text)}" är ingen region; närmast: ${closestRegionNames(text).join(", ")}`,
        row,
        column.index
      );
      guesses.add(closestRegionNames(String(cell), 1)[0]!);
      faulty = true;
    } else if (found && found.region.code !== region.code) {
      problems.add(
        `${showCell(cell)} is ${region.name}, but column ${found.column.header} says ${found.region.name}`,
        `${showCellSv(cell)} är ${region.name}, men kolumnen ${found.column.header} säger ${found.region.name}`,
        row,
        column.index
      );
      guesses.add(region.name).add(found.region.name);
      faulty = true;
    } else if (!found) {
      found = { region, column };
    }
  }
  if (!found && !faulty)
    problems.add("no region on this row", "raden saknar region", row, regionColumns[0]!.index);
  return faulty ? undefined : found?.region;
}

function readValues<T>(
  grid: RegionGrid,
  rows: RegionRow[],
  column: Column,
  parse: (cell: Cell, reading?: CommaReading) => Parsed<T>,
  problems: GridProblems,
  /** What a cell holds: `en` ("population"), `sv` of a region ("befolkningen för Region Skåne"). */
  what: { en: string; sv: (region: string) => string },
  blank: "problem" | "skip",
  /** Figures: the column's comma reading is decided from the whole column (number-reading.ts). */
  figures = false
): Map<string, T> {
  const out = new Map<string, T>();
  const column_ = figures
    ? readColumn(
        rows.map((r) => r.cells[column.index]),
        (i) => placeOf(grid.locate(rows[i]!.row, column.index))
      )
    : { reading: undefined, faults: [] };
  const refused = new Map(column_.faults.map((f) => [f.index, f]));
  for (const [i, r] of rows.entries()) {
    const cell = r.cells[column.index];
    const sv = what.sv(r.region.name);
    if (isBlank(cell)) {
      if (blank === "problem")
        problems.add(`no ${what.en} for ${r.region.name}`, `${sv} saknas`, r.row, column.index);
      continue;
    }
    const fault = refused.get(i);
    if (fault) {
      problems.add(
        `${fault.message} (${what.en} for ${r.region.name})`,
        `${fault.sv} (${sv})`,
        r.row,
        column.index
      );
      continue;
    }
    const parsed = parse(cell, column_.reading);
    if (parsed.ok) out.set(r.region.code, parsed.value);
    else
      problems.add(
        `${parsed.message} (${what.en} for ${r.region.name})`,
        /is not a number/.test(parsed.message)
          ? `${parsed.sv}; här ska ${sv} stå`
          : `${parsed.sv} (${sv})`,
        r.row,
        column.index
      );
  }
  return out;
}

/** A cell's place for a message: "line 4" (a file) or "C7" (a sheet), in English and Swedish. */
function placeOf(at: Location): { en: string; sv: string } {
  if (at.line !== undefined) return { en: `line ${at.line}`, sv: `rad ${at.line}` };
  const cell = at.cell ?? at.sheet ?? "";
  return { en: cell, sv: cell };
}

function required(name: string, spellings: string[]) {
  return { name, spellings };
}

/** `"befolkning" or "population"`, `"befolkning" eller "population"`. */
const either = (list: string[], or: string) => list.map((s) => `"${s}"`).join(` ${or} `);

const accepted = (list: string[]) => list.map((s) => `"${s}"`).join(", ");

/** Whole-number parsing for treatments and contacts, with "a count" in its messages. */
const countOf = (cell: Cell, reading?: CommaReading) => {
  const p = parseCount(cell, reading);
  return p.ok || !/is not a number/.test(p.message)
    ? p
    : { ok: false as const, message: `${p.message}; a count belongs here`, sv: p.sv };
};

const weightOf = (cell: Cell, reading?: CommaReading) => {
  const p = parseWeight(cell, reading);
  return p.ok || !/is not a number/.test(p.message)
    ? p
    : { ok: false as const, message: `${p.message}; a population figure belongs here`, sv: p.sv };
};

export interface PopulationTableOptions {
  /** Where the figures come from, e.g. the file name; it travels with the key. */
  source: string;
  /** The date the caller states (e.g. --key-date); a date column, if any, must agree with it. */
  date?: string | null;
}

/**
 * A population key: a `region` column (name, county code or short name) and a `population`
 * column (`befolkning`, `invånare`), optionally a `date` (`datum`) column, the same on every row.
 * The key's date is the date column's, else `options.date`, else null (the engine then warns).
 */
export function parsePopulationTable(
  grid: RegionGrid,
  options: PopulationTableOptions
): PopulationKey {
  const problems = new GridProblems(grid);
  const { rows, byName } = readTable(grid, problems, {
    roleOf: (k) =>
      REGION_KEYS.has(k)
        ? { kind: "region" }
        : POPULATION_KEYS.has(k)
          ? { kind: "value", name: "population" }
          : DATE_KEYS.has(k)
            ? { kind: "value", name: "date" }
            : NOTE_KEYS.has(k)
              ? { kind: "note" }
              : undefined,
    unknownHeader: (h) => ({
      en: `"${h}" is not a column of a population file; use ${accepted(["region", "befolkning", "datum"])} (or ${accepted(["region", "population", "date"])})`,
      sv: `"${h}" är ingen kolumn i en befolkningstabell; använd ${accepted(["region", "befolkning", "datum"])} (eller ${accepted(["region", "population", "date"])})`,
    }),
    required: [
      required("region", ["region"]),
      required("population", ["befolkning", "population"]),
    ],
  });

  const population = byName.get("population");
  const figures = population
    ? readValues(
        grid,
        rows,
        population,
        weightOf,
        problems,
        { en: "population", sv: (r) => `befolkningen för ${r}` },
        "problem",
        true
      )
    : new Map<string, Decimal>();

  if (population && figures.size > 0 && [...figures.values()].every((d) => d.isZero()))
    problems.add(
      "every figure is zero, so there is no share to take",
      "alla tal är noll, så det finns ingen andel att ta",
      0,
      population.index
    );

  let date: string | null = options.date ?? null;
  const dateColumn = byName.get("date");
  if (dateColumn) {
    let first: { date: string; row: number } | undefined;
    for (const r of rows) {
      const cell = r.cells[dateColumn.index];
      const text = isBlank(cell) ? "" : String(cell).trim();
      const at = [r.row, dateColumn.index] as const;
      if (!isIsoDate(text)) {
        problems.add(
          text === ""
            ? "no date; a key has one date, written YYYY-MM-DD, on every row"
            : `${showCell(cell)} is not a date written YYYY-MM-DD`,
          text === ""
            ? "datum saknas; en nyckel har ett datum, skrivet ÅÅÅÅ-MM-DD, på varje rad"
            : `${showCellSv(cell)} är inte ett datum skrivet ÅÅÅÅ-MM-DD`,
          ...at
        );
      } else if (!first) {
        first = { date: text, row: r.row };
        if (options.date && options.date !== text) {
          problems.add(
            `the figures are dated ${text} here but ${options.date} was given as their date; one key has one date`,
            `siffrorna har datumet ${text} här men ${options.date} angavs som deras datum; en nyckel har ett datum`,
            ...at
          );
        }
      } else if (text !== first.date) {
        problems.add(
          `${text} differs from ${first.date} on an earlier row; one key has one date`,
          `${text} skiljer sig från ${first.date} på en tidigare rad; en nyckel har ett datum`,
          ...at
        );
      }
    }
    if (first) date = first.date;
  }

  problems.throwIfAny();
  return {
    figures: Object.fromEntries(REGIONS.map((r) => [r.code, figures.get(r.code)!.toString()])),
    date,
    source: options.source,
  };
}

/**
 * Villkor 3 counts: a `region` column and a `contacts` (`kontakter`) column, optionally the
 * treatments per area and sex: `psykisk ohälsa kvinnor`, `psykisk ohälsa män`,
 * `långvarig smärta kvinnor`, `långvarig smärta män` (or `mental health women`, …, `pain men`).
 * A blank treatment cell means "not reported"; a blank contact cell is a problem.
 */
export function parseContactsTable(grid: RegionGrid): ContactCounts {
  const problems = new GridProblems(grid);
  const englishContactHeaders = [
    "region",
    "contacts",
    "mental health women",
    "mental health men",
    "pain women",
    "pain men",
  ];
  const treatmentHeaders = TREATMENT_COLUMNS.map((c) => TREATMENT_HEADERS[c][0]!);
  const { rows, byName } = readTable(grid, problems, {
    roleOf: (k) =>
      REGION_KEYS.has(k)
        ? { kind: "region" }
        : CONTACT_KEYS.has(k)
          ? { kind: "value", name: "contacts" }
          : TREATMENT_KEYS.has(k)
            ? { kind: "value", name: TREATMENT_KEYS.get(k)! }
            : NOTE_KEYS.has(k)
              ? { kind: "note" }
              : undefined,
    unknownHeader: (h) => ({
      en: `"${h}" is not a column of a contacts file; use ${accepted(["region", "kontakter", ...treatmentHeaders])} (or the English ${accepted(englishContactHeaders)})`,
      sv: `"${h}" är ingen kolumn i en kontakttabell; använd ${accepted(["region", "kontakter", ...treatmentHeaders])} (eller de engelska ${accepted(englishContactHeaders)})`,
    }),
    required: [required("region", ["region"]), required("contacts", ["kontakter", "contacts"])],
  });

  const contactColumn = byName.get("contacts");
  const contacts = contactColumn
    ? readValues(
        grid,
        rows,
        contactColumn,
        countOf,
        problems,
        { en: "contacts", sv: (r) => `antalet kontakter för ${r}` },
        "problem",
        true
      )
    : new Map<string, Decimal>();
  const treatments: Record<string, Partial<Record<TreatmentColumn, string>>> = {};
  let anyTreatments = false;
  for (const column of TREATMENT_COLUMNS) {
    const c = byName.get(column);
    if (!c) continue;
    anyTreatments = true;
    const what = { en: c.header, sv: (r: string) => `antalet i kolumnen "${c.header}" för ${r}` };
    for (const [code, value] of readValues(grid, rows, c, countOf, problems, what, "skip", true)) {
      (treatments[code] ??= {})[column] = value.toString();
    }
  }

  problems.throwIfAny();
  const out: ContactCounts = {
    contacts: Object.fromEntries(REGIONS.map((r) => [r.code, contacts.get(r.code)!.toString()])),
  };
  if (anyTreatments) out.treatments = treatments;
  return out;
}

/** The ids of an agreement's regional posts: the columns a fulfilment table may have. */
export function regionalPostIds(agreement: AllocationAgreement = AGREEMENT_2020): string[] {
  return agreement.posts.filter((p) => p.recipient === "regions").map((p) => p.id);
}

/**
 * Whether each region fulfils each condition: a `region` column and one yes/no column
 * (ja/nej, yes/no, TRUE/FALSE, 1/0, x) per regional post id (v1, v2, v3, v3-contacts, v4).
 * Only the posts that have a column are in the result; the engine treats the others as fulfilled.
 */
export function parseFulfilmentTable(
  grid: RegionGrid,
  agreement: AllocationAgreement = AGREEMENT_2020
): Record<string, Record<string, boolean>> {
  const problems = new GridProblems(grid);
  const ids = regionalPostIds(agreement);
  const byKey = new Map(ids.map((id) => [headerKey(id), id]));
  const { columns, rows } = readTable(grid, problems, {
    roleOf: (k) =>
      REGION_KEYS.has(k)
        ? { kind: "region" }
        : byKey.has(k)
          ? { kind: "value", name: byKey.get(k)! }
          : NOTE_KEYS.has(k)
            ? { kind: "note" }
            : undefined,
    unknownHeader: (h) => ({
      en: `"${h}" is not a regional post of ${agreement.id}; the post columns are ${ids.join(", ")}`,
      sv: `"${h}" är ingen post till regionerna i ${agreement.id}; postkolumnerna är ${ids.join(", ")}`,
    }),
    required: [required("region", ["region"])],
  });
  const postColumns = columns.filter(
    (c): c is Column & { role: { kind: "value"; name: string } } => c.role.kind === "value"
  );
  if (postColumns.length === 0 && grid.rows.length > 0 && !(grid.rows[0] ?? []).every(isBlank)) {
    problems.add(
      `no post column; add one or more of ${ids.join(", ")} with ja/nej per region`,
      `det finns ingen postkolumn; lägg till en eller flera av ${ids.join(", ")} med ja/nej per region`,
      0
    );
  }
  const out: Record<string, Record<string, boolean>> = {};
  for (const c of postColumns) {
    out[c.role.name] = Object.fromEntries(
      readValues(
        grid,
        rows,
        c,
        parseYesNo,
        problems,
        {
          en: `${c.role.name} fulfilled`,
          sv: (r) => `uppgiften om ${r} uppfyller ${c.role.name}`,
        },
        "problem"
      )
    );
  }
  problems.throwIfAny();
  return out;
}
