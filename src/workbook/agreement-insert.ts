import { planAndWriteSheets } from "./view";
import { isIsoDate } from "../engine/calendar";
import { Location, Problem, SjukError, problem } from "../core/errors";
import { message, render } from "../core/messages";
import { AGREEMENT_2020, findPost } from "../agreements";
import type { AllocationAgreement } from "../agreements/schema";
import { recipientsOf } from "../engine/recipients";
import { Cell } from "../inputs/cells";
import {
  RegionGrid,
  parseContactsTable,
  parseFigureTable,
  parseUnitTable,
  parseFulfilmentTable,
  parsePopulationTable,
} from "../inputs/region-table";
import {
  DEFAULT_OPTIONS,
  DEFAULT_SHEET_NAMES,
  Language,
  LayoutInputs,
  POPULATION,
  RESULTS,
  SHEET_ROLES,
  SheetNames,
  SheetRole,
  TABLE_NAMES,
  WorkbookOptions,
  buildSheets,
  layoutOf,
  optionCellValues,
  optionCellsLanguage,
  optionsFromCells,
  populationPrompt,
} from "./agreement-sheets";
import {
  CellValue,
  OPTIONS_SETTING,
  OWNED_SHEETS_SETTING,
  OwnedSheet,
  SheetSpec,
  TableData,
  WorkbookPort,
  cellAddress,
  isFormula,
  parseCell,
} from "./port";

/*
 * The 2020 agreement's sheets in a workbook (as laid out by agreement-sheets.ts): inserting them,
 * setting the options, and reading the inputs back with their problems, written against the
 * WorkbookPort only. (The 2024 assignment's: assignment-insert.ts.)
 *
 * - The add-in records the sheets it owns (settings: OWNED_SHEETS_SETTING) and never writes to
 *   any other sheet: a name taken by a user's sheet gets a free name ("Resultat (SJUK)") and a
 *   message, and every formula points at the actual names.
 * - Re-inserting keeps what the user typed into the input columns, the key's date and source,
 *   and the option cells, unless `reset: true` (which the task pane asks the user to confirm).
 * - All or nothing: everything is read and planned first, then written in one writeSheets batch.
 */

/** The id of the agreement whose sheets the workbook holds (absent: the 2020 agreement). */
export const AGREEMENT_SETTING = "sjuk.agreement";

export interface InsertOptions {
  language: Language;
  /** The agreement to lay the sheets out for (default: the 2020 agreement). */
  agreement?: AllocationAgreement;
  /** Values for a fresh insert (default: shipped SCB 31 Dec 2019 figures, all fulfilled, no contacts). */
  inputs?: LayoutInputs;
  /** Options for a fresh insert or a reset (default: the agreement's rules, population redistribution). */
  options?: WorkbookOptions;
  /** Throw away what the user typed into the owned sheets (confirmed by the user). */
  reset?: boolean;
}

export interface InsertPlan {
  names: SheetNames;
  specs: SheetSpec[];
  /** Sheets to create (new names). */
  created: string[];
  /** Owned sheets to rewrite. */
  rewritten: string[];
  /** For the user: names taken by their own sheets and the names used instead. */
  messages: string[];
  /** How many input cells (table cells, date, source, options) were carried over from the workbook. */
  keptCells: number;
}

const DEFAULT_SUFFIX = " (SJUK)";

/** The message for a name taken by a user's sheet (shared with assignment-insert.ts). */
export function renameMessage(language: Language, taken: string, used: string): string {
  return render(message("sheet.renamed", { taken, used }), language);
}

/** A name no sheet has (case-insensitively): "Resultat (SJUK)", then "Resultat 2", "Resultat 3", … */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const candidates = [wanted, `${wanted}${DEFAULT_SUFFIX}`];
  for (let i = 2; i < 1000; i++) candidates.push(`${wanted} ${i}`);
  const found = candidates.find((c) => !used.has(c.toLowerCase()) && c.length <= 31);
  if (!found) throw new Error(`no free sheet name for "${wanted}"`);
  return found;
}

/** The owned sheets of the given roles that still exist, by role. */
export async function ownedNamesByRole<R extends string>(
  port: WorkbookPort,
  roles: readonly R[]
): Promise<Partial<Record<R, string>>> {
  const sheets = new Set(await port.listSheets());
  const out: Partial<Record<R, string>> = {};
  for (const s of await port.listOwnedSheets()) {
    if ((roles as readonly string[]).includes(s.role) && sheets.has(s.name))
      out[s.role as R] = s.name;
  }
  return out;
}

/** The 2020 agreement's owned sheets that still exist, by role. */
export function ownedSheetNames(port: WorkbookPort): Promise<Partial<SheetNames>> {
  return ownedNamesByRole<SheetRole>(port, SHEET_ROLES);
}

type RowKey = (row: CellValue[]) => string | undefined;

/** The member of a table row (first cell that names one), for matching rows across inserts. */
function memberOfRow(agreement: AllocationAgreement): RowKey {
  const recipients = recipientsOf(agreement);
  return (row) => {
    for (const c of row.slice(0, 2)) {
      if (c === null || c === "") continue;
      const r = recipients.find(typeof c === "number" ? c : String(c));
      if (r) return r.code;
    }
    return undefined;
  };
}

/** The post of a payouts row: its first cell shows the post's title (before: its id), in either language. */
function postOfRow(agreement: AllocationAgreement): RowKey {
  return (row) => (typeof row[0] === "string" ? findPost(agreement, row[0])?.id : undefined);
}

/** Copies the user's input-column values from an existing table into a planned one; returns the count kept. */
function keepTable(
  spec: SheetSpec,
  existing: TableData | undefined,
  existingFormulas: (string | number | boolean | null)[][] | undefined,
  keyOf: RowKey
): number {
  const table = spec.tables[0];
  if (!table || !existing || existing.headers.length !== table.columns.length) return 0;
  const byRegion = new Map<string, number>();
  existing.rows.forEach((r, i) => {
    const code = keyOf(r);
    if (code && !byRegion.has(code)) byRegion.set(code, i);
  });
  let kept = 0;
  for (const row of table.rows) {
    const code = keyOf(row as CellValue[]);
    const from = code === undefined ? undefined : byRegion.get(code);
    if (from === undefined) continue;
    table.columns.forEach((col, j) => {
      if (!col.input) return;
      // A formula the user typed stays a formula.
      const typed = existingFormulas?.[from]?.[j];
      row[j] = isFormula(typed) ? typed : (existing.rows[from]![j] ?? null);
      kept++;
    });
  }
  return kept;
}

function setCell(spec: SheetSpec, address: string, value: CellValue): void {
  const cell = spec.cells.find((c) => c.address === address);
  if (cell) cell.value = value;
}

/** Reads and plans an insert without writing anything. */
export async function planInsert(port: WorkbookPort, options: InsertOptions): Promise<InsertPlan> {
  const sheets = await port.listSheets();
  const owned = await ownedSheetNames(port);
  const taken = new Set(sheets);
  const names = {} as SheetNames;
  const messages: string[] = [];
  const created: string[] = [];
  const rewritten: string[] = [];
  for (const role of SHEET_ROLES) {
    const mine = owned[role];
    if (mine) {
      names[role] = mine;
      rewritten.push(mine);
      continue;
    }
    const wanted = DEFAULT_SHEET_NAMES[options.language][role];
    const name = freeSheetName(wanted, taken);
    if (name !== wanted) {
      const clash = sheets.find((s) => s.toLowerCase() === wanted.toLowerCase()) ?? wanted;
      messages.push(renameMessage(options.language, clash, name));
    }
    taken.add(name);
    names[role] = name;
    created.push(name);
  }

  const keep = !options.reset;
  const stored = keep ? await port.readSetting<WorkbookOptions>(OPTIONS_SETTING) : undefined;
  let chosen = options.options ?? stored ?? DEFAULT_OPTIONS;
  let keptCells = 0;
  // The option cells as the user left them win over the stored setting.
  if (keep && owned.results) {
    const [rule] = (await port.readRange(owned.results, RESULTS.ruleCell))[0] ?? [];
    const [redistribution] =
      (await port.readRange(owned.results, RESULTS.redistributionCell))[0] ?? [];
    const fromCells = optionsFromCells(rule, redistribution);
    if (fromCells && !options.options) {
      chosen = fromCells;
      keptCells += 2;
    }
  }
  const agreement = options.agreement ?? AGREEMENT_2020;
  const specs = buildSheets({
    language: options.language,
    agreement,
    names,
    inputs: options.inputs,
    options: chosen,
  });

  if (keep) {
    for (const role of ["population", "conditions", "contacts", "payouts"] as const) {
      const name = owned[role];
      if (!name) continue;
      const spec = specs.find((s) => s.role === role)!;
      const existing = await port.readTable(TABLE_NAMES[role]);
      if (!existing || existing.sheet !== name) continue;
      const { row, column } = parseCell(existing.topLeft);
      const body = `${cellAddress(row + 1, column)}:${cellAddress(row + Math.max(existing.rows.length, 1), column + existing.headers.length - 1)}`;
      const formulas = await port.readFormulas(name, body);
      const keyOf = role === "payouts" ? postOfRow(agreement) : memberOfRow(agreement);
      keptCells += keepTable(spec, existing, formulas, keyOf);
      if (role === "population") {
        const [[date] = []] = await port.readRange(name, POPULATION.dateCell);
        const [[source] = []] = await port.readRange(name, POPULATION.sourceCell);
        const dateText = date === null || date === undefined ? "" : String(date);
        setCell(spec, POPULATION.dateCell, dateText);
        setCell(spec, POPULATION.sourceCell, source ?? "");
        setCell(
          spec,
          POPULATION.promptCell,
          populationPrompt(options.language, dateText || null, agreement)
        );
        keptCells += 2;
      }
    }
  }
  return { names, specs, created, rewritten, messages, keptCells };
}

export interface InsertResult extends Omit<InsertPlan, "specs"> {
  options: WorkbookOptions;
}

/** Plans, then records ownership and options and writes every owned sheet in one batch (all or nothing). */
export async function insertSheets(
  port: WorkbookPort,
  options: InsertOptions
): Promise<InsertResult> {
  // Planned on one view of the workbook and written with the settings: one batch in Excel.
  return planAndWriteSheets(port, async (reader) => {
    const plan = await planInsert(reader, options);
    // Sheets of other roles (the grant ledger and calendar, assignment-insert.ts) stay recorded.
    const others = (await reader.listOwnedSheets()).filter(
      (s) => !(SHEET_ROLES as readonly string[]).includes(s.role)
    );
    const record: OwnedSheet[] = [
      ...SHEET_ROLES.map((role) => ({ role, name: plan.names[role] })),
      ...others,
    ];
    const results = plan.specs.find((s) => s.role === "results")!;
    const chosen =
      optionsFromCells(
        results.cells.find((c) => c.address === RESULTS.ruleCell)?.value,
        results.cells.find((c) => c.address === RESULTS.redistributionCell)?.value
      ) ?? DEFAULT_OPTIONS;
    const { specs, ...rest } = plan;
    return {
      specs,
      settings: {
        [OWNED_SHEETS_SETTING]: record,
        [OPTIONS_SETTING]: chosen,
        [AGREEMENT_SETTING]: (options.agreement ?? AGREEMENT_2020).id,
      },
      result: { ...rest, options: chosen },
    };
  });
}

/** Writes the chosen options into the option cells (the SJUK formulas recalculate) and the settings. */
export async function setOptions(
  port: WorkbookPort,
  language: Language,
  options: WorkbookOptions,
  /** The results sheet's name when the caller has just read it (the task pane's view). */
  resultsSheet?: string,
  /** The option cells' language when the caller has just read them (saves a round trip). */
  cellsLanguage?: Language
): Promise<void> {
  const results = resultsSheet ?? (await ownedSheetNames(port)).results;
  if (!results) throw new Error("the results sheet has not been inserted");
  // Written in the sheet's language, not the pane's: the sheet's drop-downs and its readers keep working.
  const values = optionCellValues(
    cellsLanguage ?? (await optionCellsLanguageOf(port, results, language)),
    options
  );
  // Cells and setting in one write (one batch and sync in Excel).
  await port.writeCells(
    results,
    Object.entries(values).map(([address, value]) => ({ address, value })),
    { [OPTIONS_SETTING]: options }
  );
}

async function optionCellsLanguageOf(
  port: WorkbookPort,
  results: string,
  fallback: Language
): Promise<Language> {
  const [[rule] = [], [redistribution] = []] = await port.readRange(
    results,
    `${RESULTS.ruleCell}:${RESULTS.redistributionCell}`
  );
  return optionCellsLanguage(rule, redistribution, fallback);
}

/** The options as the option cells hold them now (undefined if a cell holds a word neither language uses). */
export async function readOptions(port: WorkbookPort): Promise<WorkbookOptions | undefined> {
  const results = (await ownedSheetNames(port)).results;
  if (!results) return undefined;
  const [[rule] = []] = await port.readRange(results, RESULTS.ruleCell);
  const [[redistribution] = []] = await port.readRange(results, RESULTS.redistributionCell);
  return optionsFromCells(rule, redistribution);
}

/* ---------- validation ---------- */

/** A table read from a sheet as the region-row reader takes it, each cell located on its sheet. */
export function gridOf(table: TableData): RegionGrid {
  const { row, column } = parseCell(table.topLeft);
  return {
    rows: [table.headers, ...table.rows] as Cell[][],
    locate: (r, c): Location => ({
      sheet: table.sheet,
      cell: cellAddress(row + r, column + (c ?? 0)),
    }),
  };
}

/** Some columns of a grid (the first row's heading of the last one replaced), with their places. */
function columnsOf(grid: RegionGrid, columns: number[], heading?: string): RegionGrid {
  return {
    rows: grid.rows.map((row, r) =>
      columns.map((c, i) =>
        r === 0 && heading !== undefined && i === columns.length - 1 ? heading : (row[c] ?? null)
      )
    ),
    locate: (r, c) => grid.locate(r, c === undefined ? undefined : columns[c]),
  };
}

/**
 * The units table: villkor 3's contacts with their treatments (region-table.ts's reader), and
 * any other unit column as a figure column. A unit column left wholly blank is not given (the
 * engine then assumes units enough), as the functions read it.
 */
function validateUnits(
  grid: RegionGrid,
  layout: ReturnType<typeof layoutOf>,
  recipients: ReturnType<typeof recipientsOf>,
  problems: Problem[]
): void {
  const first = 1 + layout.treatments.length;
  layout.unitColumns.forEach((column, k) => {
    const index = first + k;
    const given = grid.rows.slice(1).some((r) => r[index] !== null && r[index] !== "");
    if (column === "contacts") {
      // All contact cells blank (treatments or not) is allowed, as before.
      const any = grid.rows.slice(1).some((r) => r.slice(1).some((c) => c !== null && c !== ""));
      if (any) {
        const cols = [0, ...layout.treatments.map((_, t) => 1 + t), index];
        collect(problems, () => parseContactsTable(columnsOf(grid, cols), recipients));
      }
    } else if (given)
      // A blank count among given ones is "not reported yet", as in the contacts column.
      collect(problems, () =>
        parseUnitTable(columnsOf(grid, [0, index], column), { column, recipients })
      );
  });
}

function collect(problems: Problem[], run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof SjukError)) throw e;
    for (const p of e.problems) problems.push(p); // no spread: a table may have very many problems
  }
}

/**
 * Reads the owned input sheets and returns every problem, each naming its sheet and cell
 * (e.g. Befolkning!C7: "tolv" is not a number…), through the same parsers as the CLI, in
 * English (`message`) and Swedish (`sv`). Empty = fine.
 */
export async function validateInputs(
  port: WorkbookPort,
  agreement: AllocationAgreement = AGREEMENT_2020
): Promise<Problem[]> {
  const layout = layoutOf(agreement);
  const recipients = recipientsOf(agreement);
  const problems: Problem[] = [];
  const owned = await ownedSheetNames(port);
  const missing = (["population", "conditions", "contacts", "results"] as const).filter(
    (r) => !owned[r]
  );
  for (const role of missing)
    problems.push(
      problem("sheet.owned-missing", { role, name: { en: role, sv: DEFAULT_SHEET_NAMES.sv[role] } })
    );

  const population = owned.population ? await port.readTable(TABLE_NAMES.population) : undefined;
  if (population && owned.population) {
    const [[date] = []] = await port.readRange(owned.population, POPULATION.dateCell);
    const dateText = date === null || date === undefined ? "" : String(date).trim();
    if (dateText !== "" && !isIsoDate(dateText)) {
      problems.push(
        problem(
          "date.not-iso",
          { value: dateText },
          { sheet: owned.population, cell: POPULATION.dateCell }
        )
      );
    }
    // Code, name, the default key (read as the population), then the other key columns.
    const keyGrid = gridOf(population);
    collect(problems, () =>
      parsePopulationTable(columnsOf(keyGrid, [0, 1, 2]), {
        source: population.sheet,
        date: isIsoDate(dateText) ? dateText : null,
        recipients,
      })
    );
    layout.keyColumns.slice(1).forEach((column, k) =>
      collect(problems, () =>
        parseFigureTable(columnsOf(keyGrid, [0, 3 + k], column), {
          column,
          counts: false,
          recipients,
        })
      )
    );
  }
  const conditions = owned.conditions ? await port.readTable(TABLE_NAMES.conditions) : undefined;
  if (conditions)
    collect(problems, () => parseFulfilmentTable(gridOf(conditions), agreement, recipients));
  const contacts = owned.contacts ? await port.readTable(TABLE_NAMES.contacts) : undefined;
  if (contacts) validateUnits(gridOf(contacts), layout, recipients, problems);
  if (owned.results) {
    const [[rule] = []] = await port.readRange(owned.results, RESULTS.ruleCell);
    const [[redistribution] = []] = await port.readRange(owned.results, RESULTS.redistributionCell);
    if (!optionsFromCells(rule, "population"))
      problems.push(
        problem(
          "sheet.not-a-rule",
          { value: String(rule ?? "") },
          { sheet: owned.results, cell: RESULTS.ruleCell }
        )
      );
    if (!optionsFromCells("lapse", redistribution)) {
      problems.push(
        problem(
          "sheet.not-a-redistribution",
          { value: String(redistribution ?? "") },
          { sheet: owned.results, cell: RESULTS.redistributionCell }
        )
      );
    }
  }
  return problems;
}
