import { AGREEMENT_2020 } from "../agreements";
import type { AllocationAgreement } from "../agreements/schema";
import { Decimal } from "../core/decimal";
import { Location, Problem, SjukError } from "../core/errors";
import { Message, Place, TableValue, message } from "../core/messages";
import { isIsoDate } from "../engine/calendar";
import { ContactCounts, PopulationKey, TREATMENT_COLUMNS, TreatmentColumn } from "../engine/inputs";
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
  shown,
} from "./cells";
import {
  Figure,
  REGION_SET,
  Recipient,
  RecipientRows,
  RecipientSet,
  Report,
  figure,
  readFigure,
} from "./region-rows";

/**
 * Region tables: a grid of cells with a header row and one row per region, as a CSV file or a
 * worksheet gives it, turned into engine inputs. Pure (no Node, no Office): the CLI and the
 * workbook adapters share it, and each decides how a place in the grid is named.
 *
 * Every fault is collected, one problem per fault, each naming where it is; a table with any
 * fault gives no result at all (SjukError with every problem), never a partial one. Each problem
 * is a message code (src/core/messages); the rows' recipients and the blank rule are
 * region-rows.ts's, the same as for the functions' ranges.
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
/**
 * The Kontakter sheet's computed columns (SJUK.CONTACTS: cap, paid, moved, status): read as
 * notes, so a contacts table copied from the sheet, results and all, is read as input.
 */
export const CONTACT_RESULT_HEADERS = [
  "tak",
  "cap",
  "utbetalt",
  "paid",
  "omfördelat",
  "moved",
  "status",
];
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
const CONTACT_RESULT_KEYS = keys(CONTACT_RESULT_HEADERS);
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
  private readonly entries: { row: number; column: number; problem: Problem }[] = [];

  constructor(private readonly grid: RegionGrid) {}

  /** `sortRow` places the problem elsewhere in the order than its location (e.g. last). */
  add(m: Message, row: number, column?: number, sortRow = row): void {
    this.entries.push({
      row: sortRow,
      column: column ?? -1,
      problem: { ...m, where: this.grid.locate(row, column) },
    });
  }

  throwIfAny(): void {
    if (this.entries.length === 0) return;
    // A stable sort: problems at one place stay in the order they were found.
    const sorted = [...this.entries].sort((a, b) => a.row - b.row || a.column - b.column);
    throw new SjukError(sorted.map((e) => e.problem));
  }
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
  region: Recipient;
  cells: Cell[];
}

/** Where a grid's row is, for "already on line 11" / "already on A11". */
function placeOf(grid: RegionGrid, row: number, column?: number): Place {
  const at = grid.locate(row, column);
  if (at.line !== undefined) return { line: at.line };
  if (at.cell) return { cell: at.cell };
  return at.sheet ? { sheet: at.sheet } : null;
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
    unknownHeader: (header: string) => Message;
    required: { name: string; spellings: string[] }[];
    recipients: RecipientSet;
  }
): { columns: Column[]; rows: RegionRow[]; byName: Map<string, Column> } {
  const header = grid.rows[0] ?? [];
  const columns: Column[] = [];
  const byName = new Map<string, Column>();
  // Stryker disable next-line UnaryOperator: read only past the empty-header return, so always set
  let lastNonBlankHeader = -1;
  header.forEach((cell, index) => {
    if (isBlank(cell)) return;
    lastNonBlankHeader = index;
    // The header as messages show it: one line, control characters escaped, long text cut.
    const text = printable(String(cell).trim());
    const role = spec.roleOf(headerKey(cell));
    if (!role) {
      problems.add(spec.unknownHeader(text), 0, index);
      return;
    }
    const column = { index, header: text, role };
    if (role.kind !== "note") {
      // A value column appears once; several region columns (a code, a name) must agree per row.
      const name = role.kind === "value" ? role.name : "region";
      const earlier = byName.get(name);
      if (earlier && role.kind === "value") {
        problems.add(
          message("table.repeated-column", { header: text, earlier: earlier.header }),
          0,
          index
        );
        return;
      }
      byName.set(name, column);
    }
    columns.push(column);
  });

  const regionColumns = columns.filter((c) => c.role.kind === "region");
  if (header.every(isBlank)) {
    problems.add(
      message("table.empty-header", { required: spec.required.map((r) => r.spellings) }),
      0
    );
    // Stryker disable next-line ArrayDeclaration: a table without a header has no column to read
    return { columns, rows: [], byName };
  }
  const missing = spec.required.filter((r) => !byName.has(r.name));
  const given = header
    .filter((c) => !isBlank(c))
    .map(showCell)
    .join(", ");
  for (const r of missing) {
    problems.add(message("table.missing-column", { spellings: r.spellings, given }), 0);
  }

  const rows: RegionRow[] = [];
  const report: Report = (row, column, m, sortRow) => problems.add(m, row, column, sortRow);
  const recipients = new RecipientRows(spec.recipients, report, (row) => placeOf(grid, row));
  // Stryker disable next-line EqualityOperator: rows[length] is undefined, a blank row, skipped
  for (let row = 1; row < grid.rows.length; row++) {
    const cells = grid.rows[row] ?? [];
    if (cells.every(isBlank)) continue;
    const extra = cells.findIndex((c, i) => i > lastNonBlankHeader && !isBlank(c));
    if (extra !== -1)
      problems.add(message("table.headerless-cell", shown(cells[extra])), row, extra);
    if (regionColumns.length === 0) continue;
    const region = recipients.recipient(
      row,
      regionColumns.map((c) => ({ column: c.index, header: c.header, cell: cells[c.index] }))
    );
    if (region) rows.push({ row, region, cells });
  }
  if (regionColumns.length > 0) recipients.reportMissing(0, regionColumns[0]!.index);
  return { columns, rows, byName };
}

/** A value column under the blank rule (region-rows.ts): blank is a problem unless `optional`. */
function readValues<T>(
  rows: RegionRow[],
  column: Column,
  parse: (cell: Cell, reading?: CommaReading) => Parsed<T>,
  problems: GridProblems,
  what: TableValue,
  optional = false,
  /** Figures: one comma reading for the whole column (number-reading.ts), its misfits refused. */
  figures?: (row: number, column: number) => Place
): Map<string, T> {
  const out = new Map<string, T>();
  const decided = figures
    ? readColumn(
        rows.map((r) => r.cells[column.index]),
        (i) => figures(rows[i]!.row, column.index)
      )
    : undefined;
  const refused = new Map(decided?.faults.map((f) => [f.index, f.problem]));
  for (const [i, r] of rows.entries()) {
    const misfit = refused.get(i);
    const read: ReturnType<typeof readFigure<T>> = misfit
      ? { ok: false, problem: misfit }
      : readFigure(r.cells[column.index], (c) => parse(c, decided?.reading));
    const region = r.region.name;
    if (read.ok) out.set(r.region.code, read.value);
    else if ("problem" in read)
      problems.add(
        message("table.value", { what, region, problem: read.problem }),
        r.row,
        column.index
      );
    else if (!optional)
      problems.add(message("table.missing-value", { what, region }), r.row, column.index);
  }
  return out;
}

function required(name: string, spellings: string[]) {
  return { name, spellings };
}

export interface PopulationTableOptions {
  /** Who the rows are (default: the 21 regions). */
  recipients?: RecipientSet;
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
  const figuresAt = (row: number, column: number) => placeOf(grid, row, column);
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
    unknownHeader: (header) => message("table.unknown-population-header", { header }),
    recipients: options.recipients ?? REGION_SET,
    required: [
      required("region", ["region"]),
      required("population", ["befolkning", "population"]),
    ],
  });

  const population = byName.get("population");
  let figures = new Map<string, Decimal>();
  if (population) {
    const what = { kind: "population" } as const;
    figures = readValues(rows, population, parseWeight, problems, what, false, figuresAt);
    if (figures.size > 0 && [...figures.values()].every((d) => d.isZero()))
      problems.add(message("table.all-zero", {}), 0, population.index);
  }

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
          text === "" ? message("table.no-date", {}) : message("table.not-a-date", shown(cell)),
          ...at
        );
      } else if (!first) {
        first = { date: text, row: r.row };
        if (options.date && options.date !== text) {
          problems.add(message("table.date-not-given", { date: text, given: options.date }), ...at);
        }
      } else if (text !== first.date) {
        problems.add(message("table.date-differs", { date: text, first: first.date }), ...at);
      }
    }
    if (first) date = first.date;
  }

  problems.throwIfAny();
  const members = (options.recipients ?? REGION_SET).members;
  return {
    figures: Object.fromEntries(members.map((r) => [r.code, figure(figures.get(r.code)!)])),
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
export function parseContactsTable(
  grid: RegionGrid,
  recipients: RecipientSet = REGION_SET
): ContactCounts {
  const problems = new GridProblems(grid);
  const figuresAt = (row: number, column: number) => placeOf(grid, row, column);
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
            : NOTE_KEYS.has(k) || CONTACT_RESULT_KEYS.has(k)
              ? { kind: "note" }
              : undefined,
    unknownHeader: (header) =>
      message("table.unknown-contacts-header", {
        header,
        swedish: ["region", "kontakter", ...treatmentHeaders],
        english: englishContactHeaders,
      }),
    recipients,
    required: [required("region", ["region"]), required("contacts", ["kontakter", "contacts"])],
  });

  const contactColumn = byName.get("contacts");
  // A blank contact count is "not reported yet": contacts come in one region at a time.
  const contacts = contactColumn
    ? readValues(rows, contactColumn, parseCount, problems, { kind: "contacts" }, true, figuresAt)
    : new Map<string, Decimal>();
  const treatments: Record<string, Partial<Record<TreatmentColumn, Figure>>> = {};
  let anyTreatments = false;
  for (const column of TREATMENT_COLUMNS) {
    const c = byName.get(column);
    if (!c) continue;
    anyTreatments = true;
    const what = { kind: "treatment" as const, header: c.header };
    // A blank treatment cell means "not reported".
    for (const [code, value] of readValues(rows, c, parseCount, problems, what, true, figuresAt)) {
      (treatments[code] ??= {})[column] = figure(value);
    }
  }

  problems.throwIfAny();
  const reported = recipients.members.filter((r) => contacts.has(r.code));
  const out: ContactCounts = {
    contacts: Object.fromEntries(reported.map((r) => [r.code, figure(contacts.get(r.code)!)])),
  };
  if (reported.length < recipients.members.length)
    out.notReported = recipients.members.filter((r) => !contacts.has(r.code)).map((r) => r.code);
  if (anyTreatments) out.treatments = treatments;
  return out;
}

/**
 * Another key or unit column of an agreement (`keys.elderly`, `units.visits`): a `region` column
 * and one column headed by the column's name, a figure per member (whole counts for units).
 */
export function parseFigureTable(
  grid: RegionGrid,
  options: { column: string; counts: boolean; recipients?: RecipientSet }
): Record<string, Figure> {
  const recipients = options.recipients ?? REGION_SET;
  const figures = readFigureColumn(grid, options, false);
  return Object.fromEntries(recipients.members.map((r) => [r.code, figure(figures.get(r.code)!)]));
}

/**
 * A unit column of a per-unit post (`units.visits`), read as the contacts are: a blank count is
 * "not reported yet" (counts come in one member at a time), its member listed in `notReported`.
 */
export function parseUnitTable(
  grid: RegionGrid,
  options: { column: string; recipients?: RecipientSet }
): { counts: Record<string, Figure>; notReported?: string[] } {
  const recipients = options.recipients ?? REGION_SET;
  const counts = readFigureColumn(grid, { ...options, counts: true }, true);
  const reported = recipients.members.filter((r) => counts.has(r.code));
  const out: { counts: Record<string, Figure>; notReported?: string[] } = {
    counts: Object.fromEntries(reported.map((r) => [r.code, figure(counts.get(r.code)!)])),
  };
  if (reported.length < recipients.members.length)
    out.notReported = recipients.members.filter((r) => !counts.has(r.code)).map((r) => r.code);
  return out;
}

/** The figures of a key or unit column by member code; blank cells are skipped when `blankAllowed`. */
function readFigureColumn(
  grid: RegionGrid,
  options: { column: string; counts: boolean; recipients?: RecipientSet },
  blankAllowed: boolean
): Map<string, Decimal> {
  const problems = new GridProblems(grid);
  const recipients = options.recipients ?? REGION_SET;
  const name = headerKey(options.column);
  const { rows, byName } = readTable(grid, problems, {
    roleOf: (k) =>
      REGION_KEYS.has(k)
        ? { kind: "region" }
        : k === name
          ? { kind: "value", name: "figure" }
          : NOTE_KEYS.has(k)
            ? { kind: "note" }
            : undefined,
    unknownHeader: (header) =>
      message("table.unknown-figure-header", { header, column: options.column }),
    recipients,
    required: [required("region", ["region"]), required("figure", [options.column])],
  });
  const column = byName.get("figure");
  const what = { kind: "column" as const, column: options.column };
  const parse = options.counts ? parseCount : parseWeight;
  // One comma reading for the whole column, as for the population and the contacts.
  const figuresAt = (row: number, index: number) => placeOf(grid, row, index);
  const figures = column
    ? readValues(rows, column, parse, problems, what, blankAllowed, figuresAt)
    : new Map<string, Decimal>();
  problems.throwIfAny();
  return figures;
}

/** The ids of an agreement's regional posts: the columns a fulfilment table may have. */
export function regionalPostIds(agreement: AllocationAgreement = AGREEMENT_2020): string[] {
  return agreement.posts.filter((p) => p.recipient === agreement.recipients.id).map((p) => p.id);
}

/**
 * Whether each region fulfils each condition: a `region` column and one yes/no column
 * (ja/nej, yes/no, TRUE/FALSE, 1/0, x) per regional post id (v1, v2, v3, v3-contacts, v4).
 * Only the posts that have a column are in the result; the engine treats the others as fulfilled.
 */
export function parseFulfilmentTable(
  grid: RegionGrid,
  agreement: AllocationAgreement = AGREEMENT_2020,
  recipients: RecipientSet = REGION_SET
): Record<string, Record<string, boolean>> {
  const problems = new GridProblems(grid);
  const ids = regionalPostIds(agreement);
  // A column is headed by the post's id or by its title (the add-in's sheets: no ids on a sheet).
  const byKey = new Map(ids.map((id) => [headerKey(id), id]));
  for (const p of agreement.posts)
    if (ids.includes(p.id))
      for (const title of [p.title.sv, p.title.en]) byKey.set(headerKey(title), p.id);
  const { columns, rows } = readTable(grid, problems, {
    roleOf: (k) =>
      REGION_KEYS.has(k)
        ? { kind: "region" }
        : byKey.has(k)
          ? { kind: "value", name: byKey.get(k)! }
          : NOTE_KEYS.has(k)
            ? { kind: "note" }
            : undefined,
    unknownHeader: (header) =>
      message("table.unknown-post-header", { header, agreement: agreement.id, ids }),
    recipients,
    required: [required("region", ["region"])],
  });
  const postColumns = columns.filter(
    (c): c is Column & { role: { kind: "value"; name: string } } => c.role.kind === "value"
  );
  if (postColumns.length === 0 && !(grid.rows[0] ?? []).every(isBlank)) {
    problems.add(message("table.no-post-column", { ids }), 0);
  }
  const out: Record<string, Record<string, boolean>> = {};
  for (const c of postColumns) {
    out[c.role.name] = Object.fromEntries(
      readValues(rows, c, parseYesNo, problems, { kind: "fulfilled", post: c.role.name })
    );
  }
  problems.throwIfAny();
  return out;
}
