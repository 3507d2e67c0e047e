import {
  AGREEMENTS,
  ASSIGNMENT_2024,
  GRANT_DECISIONS,
  GrantDeadline,
  findByIdOrTitle,
} from "../agreements";
import type { GrantDecision } from "../agreements/grant-schema";
import type { AllocationAgreement } from "../agreements/schema";
import {
  CalendarEvent,
  CalendarFilter,
  fromExcelSerial,
  isIsoDate,
  paymentCalendar,
  todayIso,
} from "../engine/calendar";
import type { ComputeResult } from "../engine/compute";
import { Problem } from "../core/errors";
import { Message, message, render } from "../core/messages";
import {
  Ledger,
  LedgerEntries,
  ConfirmedEntry,
  LedgerProblem,
  RepaymentEntry,
  RequisitionEntry,
  SpentEntry,
  SubmittedEntry,
  computeLedger,
} from "../engine/ledger";
import { Cell, isBlank, parseNumber, parseYesNo, showCell, showCellSv } from "../inputs/cells";
import {
  DEADLINE_COLUMNS,
  DEFAULT_GRANT_SHEET_NAMES,
  EXTRA_REQUISITION_ROWS,
  GRANT_SHEET_ROLES,
  GRANT_TABLE_NAMES,
  GrantLedgerLayout,
  GrantSheetNames,
  GrantSheetRole,
  REQUISITION_COLUMNS,
  YEAR_COLUMNS,
  YEAR_INPUT_COLUMNS,
  YearColumn,
  calendarSheet,
  grantLedgerLayout,
  grantLedgerSheet,
  isReportDeadline,
} from "./assignment-sheets";
import { planAndWriteSheets } from "./view";
import { freeSheetName, ownedNamesByRole, renameMessage } from "./agreement-insert";
import type { Language } from "./agreement-sheets";
import {
  CellInput,
  CellValue,
  OWNED_SHEETS_SETTING,
  OwnedSheet,
  SheetSpec,
  TableData,
  WorkbookPort,
  cellAddress,
  parseCell,
} from "./port";

/*
 * The 2024 assignment's sheets (a grant decision, as laid out by assignment-sheets.ts) in a
 * workbook, written against the WorkbookPort only:
 *
 * - insertGrantSheets: the owned "Bidrag" / "Grant ledger" sheet and the "Kalender" / "Calendar"
 *   sheet, with the same ownership rules as agreement-insert.ts (recorded in OWNED_SHEETS_SETTING beside
 *   the 2020 agreement's sheets; a user's sheet of the same name is left alone and a free name
 *   used; re-inserting keeps what the officer typed unless `reset`; one writeSheets batch).
 * - readLedgerEntries / ledgerFromSheet: the officer's input cells as LedgerEntries, run through
 *   the engine's computeLedger; every ledger problem names the sheet cell it comes from
 *   (`requisitions[1]` → Bidrag!B12), so the task pane lists problems that select their cell.
 *
 * Nothing here computes money or dates: the sheet's formulas are SJUK functions, the ledger is
 * the engine's, and the calendar is the engine's paymentCalendar written as values.
 */

const DEFAULT_DECISION = ASSIGNMENT_2024;

/* ---------- ownership ---------- */

/** The grant sheets the add-in owns that still exist, by role. */
export function ownedGrantSheetNames(port: WorkbookPort): Promise<Partial<GrantSheetNames>> {
  return ownedNamesByRole<GrantSheetRole>(port, GRANT_SHEET_ROLES);
}

/* ---------- inserting ---------- */

export interface GrantCalendarOptions {
  /** The documents (default: every shipped agreement and grant decision). */
  allocations?: readonly AllocationAgreement[];
  grants?: readonly GrantDecision[];
  /** compute() results whose payouts replace the agreement's budget (e.g. a region not fulfilling a condition). */
  computed?: readonly ComputeResult[];
  filter?: CalendarFilter;
}

export interface GrantInsertOptions {
  language: Language;
  /** Which sheets to insert (default: both, the ledger first). */
  sheets?: readonly GrantSheetRole[];
  /** Default: the 2024 assignment to Socialstyrelsen. */
  decision?: GrantDecision;
  /** The as-of date written on a fresh (or reset) ledger sheet, YYYY-MM-DD; default today. */
  asOf?: string;
  /** Throw away what the officer typed on the ledger sheet (the task pane asks the user to confirm). */
  reset?: boolean;
  calendar?: GrantCalendarOptions;
}

export interface GrantInsertPlan {
  /** The actual names of the sheets inserted. */
  names: Partial<GrantSheetNames>;
  specs: SheetSpec[];
  created: string[];
  rewritten: string[];
  /** For the user: names taken by their own sheets and the names used instead; input rows not kept. */
  messages: string[];
  /** How many non-blank input cells were carried over from the workbook. */
  keptCells: number;
  /** The calendar's events as written (when the calendar sheet is inserted). */
  events: CalendarEvent[];
}

export type GrantInsertResult = Omit<GrantInsertPlan, "specs">;

function tableBody(table: TableData): string {
  const { row, column } = parseCell(table.topLeft);
  return `${cellAddress(row + 1, column)}:${cellAddress(row + Math.max(table.rows.length, 1), column + table.headers.length - 1)}`;
}

const blankInput = (v: CellInput | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Copies the officer's input cells from the existing ledger sheet into the planned spec; returns [kept, messages]. */
async function keepLedgerInputs(
  port: WorkbookPort,
  name: string,
  spec: SheetSpec,
  at: GrantLedgerLayout,
  language: Language
): Promise<[number, string[]]> {
  let kept = 0;
  const messages: string[] = [];
  const [[asOf] = []] = await port.readFormulas(name, at.asOfCell);
  if (!blankInput(asOf)) {
    spec.cells.find((c) => c.address === at.asOfCell)!.value = asOf!;
    kept++;
  }
  const read = async (table: string) => {
    const data = await port.readTable(table);
    if (!data || data.sheet !== name) return undefined;
    return { data, formulas: await port.readFormulas(name, tableBody(data)) };
  };
  const [yearsSpec, requisitionsSpec, deadlinesSpec] = spec.tables;

  const years = await read(GRANT_TABLE_NAMES.years);
  if (years && yearsSpec) {
    for (const row of yearsSpec.rows) {
      const from = years.data.rows.findIndex((r) => r[0] === row[0]);
      if (from < 0) continue;
      for (const column of YEAR_INPUT_COLUMNS) {
        const j = YEAR_COLUMNS.indexOf(column);
        const typed = years.formulas[from]?.[j];
        if (j >= years.data.headers.length || typed === undefined) continue;
        row[j] = typed;
        if (!blankInput(typed)) kept++;
      }
    }
  }

  const requisitions = await read(GRANT_TABLE_NAMES.requisitions);
  if (requisitions && requisitionsSpec) {
    const typed = requisitions.formulas
      .filter((r) => r.some((c) => !blankInput(c)))
      .map((r) => REQUISITION_COLUMNS.map((_, j) => r[j] ?? null));
    typed.slice(0, EXTRA_REQUISITION_ROWS).forEach((r, i) => {
      requisitionsSpec.rows[i] = r;
      kept += r.filter((c) => !blankInput(c)).length;
    });
    if (typed.length > EXTRA_REQUISITION_ROWS) {
      const dropped = typed
        .slice(EXTRA_REQUISITION_ROWS)
        .map((r) => r.map((c) => (c === null ? "" : String(c))).join(" "));
      messages.push(
        render(
          message("sheet.requisitions-dropped", {
            rows: EXTRA_REQUISITION_ROWS,
            dropped: dropped.join("; "),
          }),
          language
        )
      );
    }
  }

  const deadlines = await read(GRANT_TABLE_NAMES.deadlines);
  if (deadlines && deadlinesSpec) {
    const doneOn = DEADLINE_COLUMNS.indexOf("doneOn");
    at.deadlines.forEach((d, i) => {
      if (!isReportDeadline(d)) return;
      const from = deadlines.data.rows.findIndex((r) => deadlineOfRow(at.deadlines, r) === d);
      const typed = from < 0 ? undefined : deadlines.formulas[from]?.[doneOn];
      if (typed === undefined || blankInput(typed)) return;
      deadlinesSpec.rows[i]![doneOn] = typed;
      kept++;
    });
  }
  return [kept, messages];
}

/**
 * The deadline a row of the deadlines table is for: its first cell shows the title (in the
 * sheet's language) or, in sheets inserted before titles were shown, the id.
 */
function deadlineOfRow(deadlines: readonly GrantDeadline[], row: readonly unknown[]) {
  const text = row[0];
  return typeof text === "string" ? findByIdOrTitle(deadlines, text) : undefined;
}

/** Reads and plans an insert of the grant sheets without writing anything. */
export async function planGrantInsert(
  port: WorkbookPort,
  options: GrantInsertOptions
): Promise<GrantInsertPlan> {
  const roles = GRANT_SHEET_ROLES.filter((r) => (options.sheets ?? GRANT_SHEET_ROLES).includes(r));
  const decision = options.decision ?? DEFAULT_DECISION;
  const sheets = await port.listSheets();
  const owned = await ownedGrantSheetNames(port);
  const taken = new Set(sheets);
  const names: Partial<GrantSheetNames> = {};
  const plan: GrantInsertPlan = {
    names,
    specs: [],
    created: [],
    rewritten: [],
    messages: [],
    keptCells: 0,
    events: [],
  };
  for (const role of roles) {
    const mine = owned[role];
    if (mine) {
      names[role] = mine;
      plan.rewritten.push(mine);
      continue;
    }
    const wanted = DEFAULT_GRANT_SHEET_NAMES[options.language][role];
    const name = freeSheetName(wanted, taken);
    if (name !== wanted)
      plan.messages.push(
        renameMessage(
          options.language,
          sheets.find((s) => s.toLowerCase() === wanted.toLowerCase()) ?? wanted,
          name
        )
      );
    taken.add(name);
    names[role] = name;
    plan.created.push(name);
  }

  if (names.grant) {
    const spec = grantLedgerSheet({
      language: options.language,
      name: names.grant,
      decision,
      ...(options.asOf ? { asOf: options.asOf } : {}),
    });
    if (owned.grant && !options.reset) {
      const [kept, messages] = await keepLedgerInputs(
        port,
        owned.grant,
        spec,
        grantLedgerLayout(decision),
        options.language
      );
      plan.keptCells += kept;
      plan.messages.push(...messages);
    }
    plan.specs.push(spec);
  }
  if (names.calendar) {
    const c = options.calendar ?? {};
    const allocations = c.allocations ?? AGREEMENTS;
    const grants = c.grants ?? (options.decision ? [options.decision] : GRANT_DECISIONS);
    plan.events = paymentCalendar(
      { allocations, grants, ...(c.computed ? { computed: c.computed } : {}) },
      c.filter
    );
    plan.specs.push(
      calendarSheet({
        language: options.language,
        name: names.calendar,
        events: plan.events,
        allocations,
        grants,
      })
    );
  }
  return plan;
}

/**
 * Inserts (or re-inserts) the grant ledger sheet and the calendar sheet in one batch and records
 * them as owned. Re-inserting keeps the officer's input cells unless `reset`; the calendar is
 * always regenerated from the engine.
 */
export async function insertGrantSheets(
  port: WorkbookPort,
  options: GrantInsertOptions
): Promise<GrantInsertResult> {
  // Planned on one view of the workbook and written with the ownership record: one batch in
  // Excel, and a refused write leaves the workbook as it was.
  return planAndWriteSheets(port, async (reader) => {
    const plan = await planGrantInsert(reader, options);
    const written = new Set(Object.keys(plan.names));
    const others = (await reader.listOwnedSheets()).filter((s) => !written.has(s.role));
    const record: OwnedSheet[] = [
      ...others,
      ...GRANT_SHEET_ROLES.filter((r) => plan.names[r]).map((role) => ({
        role,
        name: plan.names[role]!,
      })),
    ];
    const { specs, ...rest } = plan;
    return { specs, settings: { [OWNED_SHEETS_SETTING]: record }, result: rest };
  });
}

/** Regenerates only the calendar sheet (e.g. after the 2020 agreement's results changed). */
export async function refreshCalendarSheet(
  port: WorkbookPort,
  language: Language,
  calendar: GrantCalendarOptions = {}
): Promise<GrantInsertResult> {
  return insertGrantSheets(port, { language, sheets: ["calendar"], calendar });
}

/* ---------- reading the ledger back ---------- */

/**
 * A ledger problem (or a cell that could not be read) at the sheet cell it comes from: a message
 * code whose field-path parameters are replaced by the cells (`requisitions[0]` → `Bidrag!E6`).
 */
export type GrantSheetProblem = Problem & {
  severity: "error" | "warning";
  /** The ledger's field path, e.g. `requisitions[1]`, `spent[0].amount`. */
  field: string;
  /** The sheet and cell to select (cell missing only if the problem has no single cell). */
  where: { sheet: string; cell?: string };
};

export interface SheetLedgerEntries {
  sheet: string;
  decision: GrantDecision;
  entries: LedgerEntries;
  /** The as-of cell's date, YYYY-MM-DD, or null when it is blank or not a date. */
  asOf: string | null;
  /** Field path → A1 cell on `sheet`: `requisitions[1]` → "B12", `requisitions[1].date` → "C12". */
  cells: Record<string, string>;
  /** Cells that could not be read (not a date, blank amount, not yes/no), named by cell. */
  problems: GrantSheetProblem[];
}

export interface SheetLedger {
  sheet: string;
  ledger: Ledger;
  entries: LedgerEntries;
  /** Errors then warnings, each naming its cell. */
  problems: GrantSheetProblem[];
  errors: GrantSheetProblem[];
  warnings: GrantSheetProblem[];
  cells: Record<string, string>;
}

export interface LedgerSheetOptions {
  /** Default: the 2024 assignment to Socialstyrelsen. */
  decision?: GrantDecision;
}

/** A date as a cell holds it: an Excel date serial or text YYYY-MM-DD. */
function cellDate(
  v: CellValue | undefined
): { ok: true; value: string } | { ok: false; raw: string; blank: boolean } {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))
    return { ok: false, raw: "", blank: true };
  if (typeof v === "string" && isIsoDate(v.trim())) return { ok: true, value: v.trim() };
  if (typeof v === "number" && Number.isFinite(v) && v >= 1)
    return { ok: true, value: fromExcelSerial(v) };
  return { ok: false, raw: String(v), blank: false };
}

/** An amount as a cell holds it: parsed like the other input sheets ("430 000" too), else the raw text for the engine to refuse. */
function cellAmount(v: CellValue | undefined): string {
  const n = parseNumber(v as Cell);
  return n.ok ? n.value.toString() : v === null || v === undefined ? "" : String(v);
}

/** The sheet's own problems (a cell that cannot be read). */
const MESSAGES = {
  missingAmount: message("sheet.missing-amount", {}),
  missingDate: message("sheet.missing-date", {}),
  notDate: (value: string) => message("sheet.not-a-date", { value }),
  notYear: (v: Cell) =>
    message("sheet.not-a-year", { value: showCell(v), valueSv: showCellSv(v), blank: isBlank(v) }),
};

/**
 * Reads the ledger sheet's input cells into LedgerEntries, recording which cell each entry
 * came from. Undefined when the ledger sheet has not been inserted (or was deleted).
 *
 * Entries in order: each year row's requisition (amount + date), then each filled row of the
 * further-requisitions table; spending and repayment per year row; reports handed in from the
 * deadlines table; the planned years whose "Riksdag confirmed" cell says yes.
 */
export async function readLedgerEntries(
  port: WorkbookPort,
  options: LedgerSheetOptions = {}
): Promise<SheetLedgerEntries | undefined> {
  const decision = options.decision ?? DEFAULT_DECISION;
  const sheet = (await ownedGrantSheetNames(port)).grant;
  if (!sheet) return undefined;
  const m = MESSAGES;
  const at = grantLedgerLayout(decision);
  const cells: Record<string, string> = {};
  const problems: GrantSheetProblem[] = [];
  const problem = (field: string, cell: string, m: Message) =>
    problems.push({ ...m, severity: "error", field, where: { sheet, cell } });

  const requisitions: RequisitionEntry[] = [];
  const spent: SpentEntry[] = [];
  const repayments: RepaymentEntry[] = [];
  const submitted: SubmittedEntry[] = [];
  const confirmed: ConfirmedEntry[] = [];

  /** Registers an entry's cells and reads its amount and date (reporting blanks and non-dates by cell). */
  const entry = (
    field: string,
    amount: { value: CellValue | undefined; cell: string } | null,
    date: { value: CellValue | undefined; cell: string } | null,
    yearCell: string
  ) => {
    cells[field] = amount?.cell ?? date?.cell ?? yearCell;
    cells[`${field}.year`] = yearCell;
    let amountText = "";
    let dateText = "";
    if (amount) {
      cells[`${field}.amount`] = amount.cell;
      amountText = cellAmount(amount.value);
      if (isBlank(amount.value as Cell)) problem(`${field}.amount`, amount.cell, m.missingAmount);
    }
    if (date) {
      cells[`${field}.date`] = date.cell;
      const d = cellDate(date.value);
      if (d.ok) dateText = d.value;
      else {
        dateText = d.raw;
        problem(`${field}.date`, date.cell, d.blank ? m.missingDate : m.notDate(d.raw));
      }
    }
    return { amount: amountText, date: dateText };
  };

  const years = await port.readTable(GRANT_TABLE_NAMES.years);
  if (years && years.sheet === sheet) {
    const top = parseCell(years.topLeft);
    const col = (name: YearColumn) => YEAR_COLUMNS.indexOf(name);
    const address = (i: number, name: YearColumn) =>
      cellAddress(top.row + 1 + i, top.column + col(name));
    const rows = years.rows
      .map((r, i) => ({ r, i, y: decision.years.find((y) => y.year === r[col("year")]) }))
      .filter((x) => x.y);
    for (const { r, i, y } of rows) {
      const year = y!.year;
      const value = (name: YearColumn) => r[col(name)];
      const given = (...names: YearColumn[]) => names.some((n) => !isBlank(value(n) as Cell));
      if (y!.status === "planned-conditional") {
        // The amount the Riksdag appropriated; blank (or "nej") while the year is not confirmed.
        const c = value("confirmed");
        const field = `confirmed[${confirmed.length}]`;
        const no = parseYesNo(c as Cell);
        if (typeof c === "string" && no.ok && !no.value) {
          // "nej": not confirmed (a sheet made before appropriations were amounts).
        } else if (typeof c !== "number" && no.ok) {
          problem(
            `${field}.amount`,
            address(i, "confirmed"),
            message("ledger.appropriation-yes-no", { year, planned: y!.amount })
          );
        } else if (!isBlank(c as Cell)) {
          const cell = address(i, "confirmed");
          cells[field] = cells[`${field}.amount`] = cells[`${field}.year`] = cell;
          if (parseNumber(c as Cell).ok) confirmed.push({ year, amount: cellAmount(c) });
          else
            problem(
              `${field}.amount`,
              cell,
              message("sheet.not-an-amount", {
                value: showCell(c as Cell),
                valueSv: showCellSv(c as Cell),
              })
            );
        }
      }
      cells[`confirmed(${year})`] = address(i, "confirmed");
      cells[`repaid(${year})`] = address(i, "repaid");
      if (given("requisitioned", "requisitionDate")) {
        const e = entry(
          `requisitions[${requisitions.length}]`,
          { value: value("requisitioned"), cell: address(i, "requisitioned") },
          { value: value("requisitionDate"), cell: address(i, "requisitionDate") },
          address(i, "requisitioned")
        );
        requisitions.push({ year, amount: e.amount, date: e.date });
      }
      if (given("spent")) {
        const e = entry(
          `spent[${spent.length}]`,
          { value: value("spent"), cell: address(i, "spent") },
          null,
          address(i, "spent")
        );
        spent.push({ year, amount: e.amount });
      }
      if (given("repaid", "repaidDate")) {
        const e = entry(
          `repayments[${repayments.length}]`,
          { value: value("repaid"), cell: address(i, "repaid") },
          { value: value("repaidDate"), cell: address(i, "repaidDate") },
          address(i, "repaid")
        );
        repayments.push({ year, amount: e.amount, date: e.date });
      }
    }
  }

  const further = await port.readTable(GRANT_TABLE_NAMES.requisitions);
  if (further && further.sheet === sheet) {
    const top = parseCell(further.topLeft);
    const address = (i: number, j: number) => cellAddress(top.row + 1 + i, top.column + j);
    further.rows.forEach((r, i) => {
      if (r.slice(0, 3).every((c) => isBlank(c as Cell))) return;
      const field = `requisitions[${requisitions.length}]`;
      const y = parseNumber(r[0] as Cell);
      let year = Number.NaN;
      if (y.ok && y.value.isInteger()) year = y.value.toNumber();
      else problem(`${field}.year`, address(i, 0), m.notYear(r[0] as Cell));
      const e = entry(
        field,
        { value: r[1], cell: address(i, 1) },
        { value: r[2], cell: address(i, 2) },
        address(i, 0)
      );
      requisitions.push({ year, amount: e.amount, date: e.date });
    });
  }

  const deadlines = await port.readTable(GRANT_TABLE_NAMES.deadlines);
  if (deadlines && deadlines.sheet === sheet) {
    const top = parseCell(deadlines.topLeft);
    const doneOn = DEADLINE_COLUMNS.indexOf("doneOn");
    deadlines.rows.forEach((r, i) => {
      const d = deadlineOfRow(at.deadlines, r);
      if (!d || !isReportDeadline(d) || isBlank(r[doneOn] as Cell)) return;
      const field = `submitted[${submitted.length}]`;
      const cell = cellAddress(top.row + 1 + i, top.column + doneOn);
      cells[field] = cell;
      cells[`${field}.item`] = cellAddress(top.row + 1 + i, top.column);
      cells[`${field}.date`] = cell;
      const date = cellDate(r[doneOn]);
      if (!date.ok) problem(`${field}.date`, cell, m.notDate(date.raw));
      submitted.push({ item: d.id, date: date.ok ? date.value : date.raw });
    });
  }

  cells.asOf = at.asOfCell;
  const [[asOfValue] = []] = await port.readRange(sheet, at.asOfCell);
  const asOfDate = cellDate(asOfValue);
  if (!asOfDate.ok && !asOfDate.blank) problem("asOf", at.asOfCell, m.notDate(asOfDate.raw));

  return {
    sheet,
    decision,
    entries: { requisitions, spent, repayments, submitted, confirmed },
    asOf: asOfDate.ok ? asOfDate.value : null,
    cells,
    problems,
  };
}

/** The cell of a ledger field path: exact, else its entry (`requisitions[1].amount` → `requisitions[1]`). */
export function cellOfField(cells: Record<string, string>, field: string): string | undefined {
  if (cells[field]) return cells[field];
  const entry = /^([a-zA-Z]+\[\d+\])/.exec(field)?.[1];
  return entry ? cells[entry] : undefined;
}

/**
 * The ledger of the sheet: its input cells through the engine's computeLedger, as of `asOf`
 * (default: the sheet's as-of cell, else today). Every problem names its cell and is in English
 * (`message`) and Swedish (`sv`); in both, field paths are replaced by the cells
 * (`requisitions[0]` → `Bidrag!E6`). Undefined when the ledger sheet has not been inserted.
 */
export async function ledgerFromSheet(
  port: WorkbookPort,
  asOf?: string,
  options: LedgerSheetOptions = {}
): Promise<SheetLedger | undefined> {
  const decision = options.decision ?? DEFAULT_DECISION;
  const read = await readLedgerEntries(port, options);
  if (!read) return undefined;
  const { sheet, cells, entries } = read;
  const ledger = computeLedger(decision, entries, { asOf: asOf ?? read.asOf ?? todayIso() });
  const at = grantLedgerLayout(decision);
  const ref = (cell: string) => `${sheet}!${cell}`;

  /** Field-path parameters (`firstField`) become the cells; the advice to confirm points at the year's cell. */
  const onSheet = (p: LedgerProblem): Message => {
    const params: Record<string, unknown> = { ...p.params };
    for (const [name, value] of Object.entries(params)) {
      const cell = name.endsWith("Field") ? cellOfField(cells, String(value)) : undefined;
      if (cell) params[name] = ref(cell);
    }
    if ("confirm" in params && "year" in params) {
      const year = Number(params.year);
      const cell = cells[`confirmed(${year})`] ?? at.cell(year, "confirmed");
      params.confirm = { kind: "cell", ref: ref(cell) };
    }
    return { code: p.code, params } as Message;
  };
  const cellFor = (p: LedgerProblem): string | undefined => {
    const cell = cellOfField(cells, p.where.field);
    if (cell) return cell;
    // An overdue repayment with nothing repaid yet: the year's repaid cell.
    if (p.code === "ledger.repayment-short")
      return cells[`repaid(${p.params.year})`] ?? at.cell(p.params.year, "repaid");
    return undefined;
  };

  // A cell already reported as unreadable is not reported again in the engine's words.
  const unreadable = new Set(read.problems.map((p) => p.field));
  const fromLedger = [...ledger.errors, ...ledger.warnings]
    .filter((p) => !unreadable.has(p.where.field))
    .map((p): GrantSheetProblem => {
      const cell = cellFor(p);
      return {
        ...onSheet(p),
        severity: p.severity,
        field: p.where.field,
        where: cell ? { sheet, cell } : { sheet },
      };
    });
  const all = [...read.problems, ...fromLedger];
  const errors = all.filter((p) => p.severity === "error");
  const warnings = all.filter((p) => p.severity === "warning");
  return { sheet, ledger, entries, problems: [...errors, ...warnings], errors, warnings, cells };
}
