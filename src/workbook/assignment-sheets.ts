import { AGREEMENTS, ASSIGNMENT_2024, GRANT_DECISIONS, RECIPIENT_NAMES } from "../agreements";
import type { GrantDecision } from "../agreements/grant-schema";
import { GrantDeadline, grantDeadlines } from "../agreements/grant-deadlines";
import type { AllocationAgreement } from "../agreements/schema";
import { CalendarEvent, EventKind, toExcelSerial, todayIso } from "../engine/calendar";
import { formatKronor } from "../engine/money";
import { DATE_FORMAT, KRONOR_FORMAT, Language } from "./agreement-sheets";
import { CellInput, CellSpec, ColumnSpec, SheetSpec, columnLetter } from "./port";

/*
 * The owned sheets of a grant decision (the 2024 assignment to Socialstyrelsen), declared as
 * data like agreement-sheets.ts does for the 2020 agreement:
 *
 * - "Bidrag" / "Grant ledger": a row per year of the decision with the officer's input cells
 *   (the amount the Riksdag appropriated for a planned year, requisitioned amount and date, spent, repaid amount and date) and SJUK
 *   formula cells (granted: SJUK.GRANT, to repay: SJUK.REPAY); a small table for further
 *   requisitions (the decision allows one per year: a second one is entered there and is an
 *   error); and the deadlines (SJUK.DEADLINE, SJUK.STATUS against the as-of cell).
 * - "Kalender" / "Calendar": the one payment calendar of both documents, written as values
 *   from the engine's paymentCalendar (assignment-insert.ts regenerates it).
 *
 * No amount or date is computed here: money and deadlines come from SJUK formulas (and, for the
 * calendar, from the engine). Every address anyone needs is exported (GRANT_LEDGER, CALENDAR).
 */

export const GRANT_SHEET_ROLES = ["grant", "calendar"] as const;
export type GrantSheetRole = (typeof GRANT_SHEET_ROLES)[number];
export type GrantSheetNames = Record<GrantSheetRole, string>;

export const DEFAULT_GRANT_SHEET_NAMES: Record<Language, GrantSheetNames> = {
  sv: { grant: "Bidrag", calendar: "Kalender" },
  en: { grant: "Grant ledger", calendar: "Calendar" },
};

/** Workbook-wide, language-independent table names. */
export const GRANT_TABLE_NAMES = {
  years: "SJUK_Bidrag",
  requisitions: "SJUK_Rekvisitioner",
  deadlines: "SJUK_Frister",
  calendar: "SJUK_Kalender",
} as const;

/** Rows of the further-requisitions table on a fresh sheet (a user may add more in Excel). */
export const EXTRA_REQUISITION_ROWS = 3;

/** The columns of the year table, in order (A, B, …). */
export const YEAR_COLUMNS = [
  "year",
  "decision",
  "confirmed",
  "granted",
  "requisitioned",
  "requisitionDate",
  "spent",
  "toRepay",
  "repaid",
  "repaidDate",
] as const;
export type YearColumn = (typeof YEAR_COLUMNS)[number];
/** The officer's input columns of the year table (kept on re-insert). */
export const YEAR_INPUT_COLUMNS: readonly YearColumn[] = [
  "confirmed",
  "requisitioned",
  "requisitionDate",
  "spent",
  "repaid",
  "repaidDate",
];

export const REQUISITION_COLUMNS = ["year", "amount", "date"] as const;
export type RequisitionColumn = (typeof REQUISITION_COLUMNS)[number];

/** `item` shows the deadline's title (what SJUK.DEADLINE and a re-insert also read), `kind` its kind. */
export const DEADLINE_COLUMNS = ["item", "kind", "to", "date", "doneOn", "status"] as const;
export type DeadlineColumn = (typeof DEADLINE_COLUMNS)[number];

const column = <T extends string>(list: readonly T[], name: T) => columnLetter(list.indexOf(name));

/** Deadlines whose "done on" the officer types (reports); the others follow the year table. */
export function isReportDeadline(d: Pick<GrantDeadline, "kind">): boolean {
  return d.kind === "report" || d.kind === "final-report";
}

/** Where everything is on a decision's ledger sheet (rows are 1-based as in A1). */
export function grantLedgerLayout(decision: GrantDecision = ASSIGNMENT_2024) {
  const yearHeaderRow = 5;
  const firstYearRow = yearHeaderRow + 1;
  const lastYearRow = yearHeaderRow + decision.years.length;
  const requisitionsHeaderRow = lastYearRow + 3;
  const firstRequisitionRow = requisitionsHeaderRow + 1;
  const lastRequisitionRow = requisitionsHeaderRow + EXTRA_REQUISITION_ROWS;
  const deadlines = grantDeadlines(decision);
  const deadlinesHeaderRow = lastRequisitionRow + 3;
  const firstDeadlineRow = deadlinesHeaderRow + 1;
  const lastDeadlineRow = deadlinesHeaderRow + deadlines.length;

  const yearRow = (year: number) => {
    const i = decision.years.findIndex((y) => y.year === year);
    if (i < 0) throw new Error(`the decision has no year ${year}`);
    return firstYearRow + i;
  };
  const deadlineRow = (id: string) => {
    const i = deadlines.findIndex((d) => d.id === id);
    if (i < 0) throw new Error(`the decision has no deadline ${id}`);
    return firstDeadlineRow + i;
  };
  return {
    decision,
    /** The as-of date every status is judged on (an Excel date; =TODAY() works too). */
    asOfCell: "B2",
    yearsTopLeft: `A${yearHeaderRow}`,
    yearHeaderRow,
    firstYearRow,
    lastYearRow,
    /** A cell of a year's row: (2024, "toRepay") → "H6". */
    cell: (year: number, name: YearColumn) => `${column(YEAR_COLUMNS, name)}${yearRow(year)}`,
    /** The further-requisitions table (year, amount, date); its header row and first body row. */
    requisitionsTopLeft: `A${requisitionsHeaderRow}`,
    firstRequisitionRow,
    lastRequisitionRow,
    /** A cell of the i-th (0-based) further requisition: (0, "amount") → "B12". */
    requisitionCell: (index: number, name: RequisitionColumn) =>
      `${column(REQUISITION_COLUMNS, name)}${firstRequisitionRow + index}`,
    deadlinesTopLeft: `A${deadlinesHeaderRow}`,
    firstDeadlineRow,
    lastDeadlineRow,
    deadlines,
    /** A cell of a deadline's row: ("final-report", "status") → "F21". */
    deadlineCell: (id: string, name: DeadlineColumn) =>
      `${column(DEADLINE_COLUMNS, name)}${deadlineRow(id)}`,
  };
}
export type GrantLedgerLayout = ReturnType<typeof grantLedgerLayout>;

/** The ledger sheet of the 2024 assignment: every address (GRANT_LEDGER.cell(2024, "toRepay") → "H6"). */
export const GRANT_LEDGER: GrantLedgerLayout = grantLedgerLayout(ASSIGNMENT_2024);

/** The calendar sheet: the table's header row, first body row and columns. */
export const CALENDAR = {
  tableTopLeft: "A4",
  firstRow: 5,
  columns: ["date", "kind", "what", "amount", "party", "source", "note"] as const,
  /** The i-th (0-based) event's cell: (0, "date") → "A5". */
  cell: (index: number, name: "date" | "kind" | "what" | "amount" | "party" | "source" | "note") =>
    `${columnLetter(CALENDAR.columns.indexOf(name))}${CALENDAR.firstRow + index}`,
} as const;

/* ---------- labels ---------- */

const LABELS = {
  sv: {
    yes: "ja",
    no: "nej",
    title: (d: GrantDecision) =>
      `Bidrag – ${d.recipient}: beviljat, rekvirerat, använt, att återbetala och frister`,
    asOf: "Per dag",
    asOfNote:
      "Datumet då bladet infogades, skrivet som ett värde. Skriv =IDAG() (i engelsk Excel =TODAY()) för att alltid räkna på dagens datum.",
    decision: (d: GrantDecision) =>
      `Anslag ${d.appropriation.code} ${d.appropriation.name}${d.appropriation.item ? `, anslagspost ${d.appropriation.item.number} ${d.appropriation.item.name}` : ""}. Diarienummer: ${d.reference ?? "fyll i från det undertecknade beslutet"}.`,
    year: "År",
    decisionColumn: "Enligt beslutet",
    confirmed: "Anvisat av riksdagen (kr)",
    granted: "Beviljat",
    requisitioned: "Rekvirerat",
    requisitionDate: "Rekvirerat den",
    spent: "Använt",
    toRepay: "Att återbetala",
    repaid: "Återbetalt",
    repaidDate: "Återbetalt den",
    atMost: (a: number) => `högst ${formatKronor(a)}`,
    fixed: (a: number) => `${formatKronor(a)}`,
    planned: (a: number) => `planerat ${formatKronor(a)}, om riksdagen anvisar medel`,
    requisitionsHeading: "Fler rekvisitioner",
    requisitionsNote:
      "Medlen betalas ut engångsvis: en rekvisition per år. Fyll bara i här om fler rekvisitioner har gjorts; tillägget visar det som ett fel.",
    amount: "Belopp",
    date: "Datum",
    deadlinesHeading: "Frister",
    deadlinesNote:
      "Status räknas mot datumet i B2. Skriv in datumet då en redovisning lämnades i kolumnen ”Klart den”; rekvisition och återbetalning hämtas från tabellen ovan.",
    item: "Frist",
    what: "Vad",
    to: "Till",
    deadline: "Senast",
    doneOn: "Klart den",
    status: "Status",
    calendarTitle:
      "Kalender – alla utbetalningar och frister i överenskommelsen 2020 och uppdraget 2024",
    calendarNote:
      "Skapas av tillägget från avtalet och beslutet (värden, inga formler) och skrivs om när kalendern skapas igen: skriv inte här.",
    when: "Datum",
    kind: "Typ",
    party: "Mottagare / till",
    source: "Källa",
    note: "Anmärkning",
    kinds: {
      payout: "Utbetalning",
      report: "Redovisning",
      requisition: "Rekvisition",
      repayment: "Återbetalning",
      "final-report": "Slutredovisning",
    } as Record<EventKind, string>,
    during: (year: string) => `under ${year}`,
    atMostNote: "högst",
    conditionalNote: "villkorat: om riksdagen anvisar medel",
    allocation: (a: AllocationAgreement) => `Överenskommelse staten–SKR, undertecknad ${a.signed}`,
    grant: (g: GrantDecision) =>
      `Uppdrag till ${g.recipient}${g.reference ? `, ${g.reference}` : ""}`,
  },
  en: {
    yes: "yes",
    no: "no",
    title: (d: GrantDecision) =>
      `Grant – ${d.recipient}: granted, requisitioned, spent, to repay, and deadlines`,
    asOf: "As of",
    asOfNote:
      "The date the sheet was inserted, written as a value. Type =TODAY() to always judge on today's date.",
    decision: (d: GrantDecision) =>
      `Appropriation ${d.appropriation.code} ${d.appropriation.name}${d.appropriation.item ? `, item ${d.appropriation.item.number} ${d.appropriation.item.name}` : ""}. Reference: ${d.reference ?? "take it from the signed decision"}.`,
    year: "Year",
    decisionColumn: "Decision",
    confirmed: "Appropriated by the Riksdag (kr)",
    granted: "Granted",
    requisitioned: "Requisitioned",
    requisitionDate: "Requisitioned on",
    spent: "Spent",
    toRepay: "To repay",
    repaid: "Repaid",
    repaidDate: "Repaid on",
    atMost: (a: number) => `at most ${formatKronor(a)}`,
    fixed: (a: number) => `${formatKronor(a)}`,
    planned: (a: number) => `planned ${formatKronor(a)}, if the Riksdag appropriates it`,
    requisitionsHeading: "Further requisitions",
    requisitionsNote:
      "The funds are paid out once: one requisition per year. Fill this in only if more requisitions were made; the add-in shows it as an error.",
    amount: "Amount",
    date: "Date",
    deadlinesHeading: "Deadlines",
    deadlinesNote:
      'Statuses are judged on the date in B2. Type the day a report was handed in under "Done on"; the requisition and the repayment come from the table above.',
    item: "Deadline",
    what: "What",
    to: "To",
    deadline: "At the latest",
    doneOn: "Done on",
    status: "Status",
    calendarTitle:
      "Calendar – every payment and deadline of the 2020 agreement and the 2024 assignment",
    calendarNote:
      "Generated by the add-in from the agreement and the decision (values, no formulas) and rewritten when the calendar is generated again: do not type here.",
    when: "Date",
    kind: "Kind",
    party: "Recipient / to",
    source: "Source",
    note: "Note",
    kinds: {
      payout: "Payout",
      report: "Report",
      requisition: "Requisition",
      repayment: "Repayment",
      "final-report": "Final report",
    } as Record<EventKind, string>,
    during: (year: string) => `during ${year}`,
    atMostNote: "at most",
    conditionalNote: "conditional: if the Riksdag appropriates the funds",
    allocation: (a: AllocationAgreement) => `Agreement state–SKR, signed ${a.signed}`,
    grant: (g: GrantDecision) =>
      `Assignment to ${g.recipient}${g.reference ? `, ${g.reference}` : ""}`,
  },
} as const;

/** The yes/no words of a language (the confirmed cells' drop-down). */
export function yesNoWords(language: Language): [string, string] {
  return [LABELS[language].yes, LABELS[language].no];
}

/* ---------- the ledger sheet ---------- */

export interface GrantLedgerParams {
  language: Language;
  /** The sheet's actual name (default: DEFAULT_GRANT_SHEET_NAMES[language].grant). */
  name?: string;
  decision?: GrantDecision;
  /** The as-of date written into the as-of cell, YYYY-MM-DD (default: today). */
  asOf?: string;
}

/** A cell reference with the row fixed: "B2" → "$B$2". */
const abs = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

export function grantLedgerSheet(p: GrantLedgerParams): SheetSpec {
  const l = LABELS[p.language];
  const decision = p.decision ?? ASSIGNMENT_2024;
  const at = grantLedgerLayout(decision);
  const name = p.name ?? DEFAULT_GRANT_SHEET_NAMES[p.language].grant;

  const reqYears = `$A$${at.firstRequisitionRow}:$A$${at.lastRequisitionRow}`;
  const reqAmounts = `$B$${at.firstRequisitionRow}:$B$${at.lastRequisitionRow}`;

  const yearColumns: ColumnSpec[] = [
    { header: l.year, width: 22 },
    { header: l.decisionColumn, width: 44 },
    { header: l.confirmed, numberFormat: KRONOR_FORMAT, input: true, width: 16 },
    { header: l.granted, numberFormat: KRONOR_FORMAT, width: 15 },
    { header: l.requisitioned, numberFormat: KRONOR_FORMAT, input: true, width: 15 },
    { header: l.requisitionDate, numberFormat: DATE_FORMAT, input: true, width: 15 },
    { header: l.spent, numberFormat: KRONOR_FORMAT, input: true, width: 15 },
    { header: l.toRepay, numberFormat: KRONOR_FORMAT, width: 15 },
    { header: l.repaid, numberFormat: KRONOR_FORMAT, input: true, width: 15 },
    { header: l.repaidDate, numberFormat: DATE_FORMAT, input: true, width: 15 },
  ];
  const yearRows: CellInput[][] = decision.years.map((y) => {
    const c = (n: YearColumn) => at.cell(y.year, n);
    const what =
      y.status === "at-most"
        ? l.atMost(y.amount)
        : y.status === "fixed"
          ? l.fixed(y.amount)
          : l.planned(y.amount);
    // The whole requisitioned amount of the year: its own cell plus any further requisition.
    const requisitioned = `SUM(${c("requisitioned")},SUMIF(${reqYears},${c("year")},${reqAmounts}))`;
    const nothingEntered = `COUNT(${c("requisitioned")},${c("spent")})+COUNTIF(${reqYears},${c("year")})=0`;
    return [
      y.year,
      what,
      // A planned year is granted what the Riksdag appropriates, entered here once it has;
      // a granted year (at most / fixed) needs none.
      null,
      `=IFNA(SJUK.GRANT(${c("year")},${c("confirmed")}),0)`,
      null,
      null,
      null,
      `=IF(${nothingEntered},0,SJUK.REPAY(${c("year")},${requisitioned},SUM(${c("spent")}),${c("confirmed")}))`,
      null,
      null,
    ];
  });

  const requisitionColumns: ColumnSpec[] = [
    { header: l.year, input: true },
    { header: l.amount, numberFormat: KRONOR_FORMAT, input: true },
    { header: l.date, numberFormat: DATE_FORMAT, input: true },
  ];
  const requisitionRows: CellInput[][] = Array.from({ length: EXTRA_REQUISITION_ROWS }, () => [
    null,
    null,
    null,
  ]);

  const deadlineColumns: ColumnSpec[] = [
    { header: l.item },
    { header: l.kind },
    { header: l.to },
    { header: l.deadline, numberFormat: DATE_FORMAT },
    { header: l.doneOn, numberFormat: DATE_FORMAT },
    { header: l.status },
  ];
  const asOf = abs(at.asOfCell);
  const deadlineRows: CellInput[][] = at.deadlines.map((d) => {
    // The row shows the deadline's title; its formulas name it by id, which no edit of the text breaks.
    const item = `"${d.id}"`;
    // The requisition is done on the (first) requisition's date, the repayment on the repayment's date; reports are typed in.
    const source =
      d.kind === "requisition" && d.year !== null
        ? at.cell(d.year, "requisitionDate")
        : d.kind === "repayment" && d.year !== null
          ? at.cell(d.year, "repaidDate")
          : null;
    return [
      d.title[p.language],
      l.kinds[d.kind],
      d.to,
      `=SJUK.DEADLINE(${item})`,
      source ? `=IF(${source}="","",${source})` : null,
      // In the sheet's language (English is the function's default, kept for formulas that compare).
      `=SJUK.STATUS(${item},${asOf},${at.deadlineCell(d.id, "doneOn")}${p.language === "sv" ? ',"sv"' : ""})`,
    ];
  });

  const cells: CellSpec[] = [
    { address: "A1", value: l.title(decision), style: "title" },
    { address: "A2", value: l.asOf, style: "heading" },
    {
      address: at.asOfCell,
      value: toExcelSerial(p.asOf ?? todayIso()),
      numberFormat: DATE_FORMAT,
      style: "option",
    },
    { address: "C2", value: l.asOfNote, style: "note" },
    { address: "A3", value: l.decision(decision), style: "note" },
    { address: `A${at.firstRequisitionRow - 2}`, value: l.requisitionsHeading, style: "heading" },
    { address: `B${at.firstRequisitionRow - 2}`, value: l.requisitionsNote, style: "note" },
    { address: `A${at.firstDeadlineRow - 2}`, value: l.deadlinesHeading, style: "heading" },
    { address: `B${at.firstDeadlineRow - 2}`, value: l.deadlinesNote, style: "note" },
  ];
  return {
    role: "grant",
    name,
    cells,
    tables: [
      {
        name: GRANT_TABLE_NAMES.years,
        topLeft: at.yearsTopLeft,
        columns: yearColumns,
        rows: yearRows,
      },
      {
        name: GRANT_TABLE_NAMES.requisitions,
        topLeft: at.requisitionsTopLeft,
        columns: requisitionColumns,
        rows: requisitionRows,
      },
      {
        name: GRANT_TABLE_NAMES.deadlines,
        topLeft: at.deadlinesTopLeft,
        columns: deadlineColumns,
        rows: deadlineRows,
      },
    ],
    frozenRows: at.yearHeaderRow,
    columnWidths: yearColumns.map((c) => c.width ?? 15),
  };
}

/** The done-on cells the officer types (reports), for keeping on re-insert. */
export function reportDoneOnCells(at: GrantLedgerLayout): { id: string; address: string }[] {
  return at.deadlines
    .filter(isReportDeadline)
    .map((d) => ({ id: d.id, address: at.deadlineCell(d.id, "doneOn") }));
}

/* ---------- the calendar sheet ---------- */

export interface CalendarSheetParams {
  language: Language;
  name?: string;
  /** paymentCalendar's events, in order. */
  events: readonly CalendarEvent[];
  allocations?: readonly AllocationAgreement[];
  grants?: readonly GrantDecision[];
}

/** One calendar event as a row of values: date (Excel date, or "during 2021"), kind, what, amount, party, source, note. */
export function calendarRow(
  e: CalendarEvent,
  language: Language,
  sources: { allocations?: readonly AllocationAgreement[]; grants?: readonly GrantDecision[] } = {}
): CellInput[] {
  const l = LABELS[language];
  const allocation = (sources.allocations ?? AGREEMENTS).find((a) => a.id === e.source);
  const grant = (sources.grants ?? GRANT_DECISIONS).find((g) => g.id === e.source);
  const source = allocation ? l.allocation(allocation) : grant ? l.grant(grant) : e.source;
  const who = e.recipient
    ? (RECIPIENT_NAMES[e.recipient]?.[language] ?? e.recipient)
    : (e.to ?? null);
  const note = [e.atMost ? l.atMostNote : null, e.conditional ? l.conditionalNote : null]
    .filter(Boolean)
    .join("; ");
  return [
    e.yearOnly ? l.during(e.date) : toExcelSerial(e.date),
    l.kinds[e.kind],
    e.title[language],
    e.amount ?? null,
    who,
    source,
    note || null,
  ];
}

export function calendarSheet(p: CalendarSheetParams): SheetSpec {
  const l = LABELS[p.language];
  const columns: ColumnSpec[] = [
    { header: l.when, numberFormat: DATE_FORMAT, width: 13 },
    { header: l.kind, width: 16 },
    { header: l.what, width: 60 },
    { header: l.amount, numberFormat: KRONOR_FORMAT, width: 16 },
    { header: l.party, width: 30 },
    { header: l.source, width: 40 },
    { header: l.note, width: 30 },
  ];
  return {
    role: "calendar",
    name: p.name ?? DEFAULT_GRANT_SHEET_NAMES[p.language].calendar,
    cells: [
      { address: "A1", value: l.calendarTitle, style: "title" },
      { address: "A2", value: l.calendarNote, style: "note" },
    ],
    tables: [
      {
        name: GRANT_TABLE_NAMES.calendar,
        topLeft: CALENDAR.tableTopLeft,
        columns,
        rows: p.events.map((e) => calendarRow(e, p.language, p)),
      },
    ],
    frozenRows: CALENDAR.firstRow - 1,
    columnWidths: columns.map((c) => c.width ?? 15),
  };
}

/** The kind labels, e.g. for a legend. */
export function eventKindLabel(kind: EventKind, language: Language): string {
  return LABELS[language].kinds[kind];
}
