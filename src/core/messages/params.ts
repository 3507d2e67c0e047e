import type { AmountLike } from "../format";
import type { Texts } from "../language";

/*
 * Every message code and the parameters it takes. The catalogues (en.ts, sv.ts) must render
 * every code here: the compiler refuses a catalogue that misses one or reads a parameter that
 * is not declared.
 *
 * To add a message: (1) add its code and parameters below, in the group of the layer that makes
 * it; (2) add its text to en.ts and to sv.ts; (3) make the problem with
 * `problem("code", { …params }, where)` (src/core/errors.ts). Parameters are values (numbers,
 * dates, ids, amounts), never sentences; a parameter whose name ends in `Field` is a field path
 * (`requisitions[0]`) that a sheet may replace by its cell.
 */

/** A cell's value as a message shows it: in English ("12.5", quoted text) and in Swedish (decimal comma). */
export type Shown = { value: string; valueSv: string };

/** Where an earlier row is: a file line, a sheet cell, a range's row. */
export type Place =
  { line: number } | { cell: string } | { row: number } | { sheet: string } | null;

/** What a region table's value cell holds. */
export type TableValue =
  | { kind: "population" }
  | { kind: "contacts" }
  | { kind: "treatment"; header: string }
  /** Another key or unit column of an agreement ("elderly", "visits"). */
  | { kind: "column"; column: string }
  | { kind: "fulfilled"; post: string };

/** A Table 1 figure a scenario does not reproduce: a recipient's (or, without one, the total). */
export type Table1Difference = { recipient: Texts | null; got: AmountLike; stated: AmountLike };

/** What a requirement set makes work in the add-in (the host check, src/taskpane/host-check.ts). */
export type HostFeature =
  | "settings"
  | "calculate"
  | "events"
  | "validation"
  | "table-added"
  | "table-resize"
  | "function-errors"
  | "shared-runtime";

/** Where the advice "confirm the year" points: the ledger's field, a sheet cell, or a function's argument. */
export type ConfirmAt = { kind: "field" } | { kind: "cell"; ref: string } | { kind: "argument" };

/** A step of SJUK.EXPLAIN's table (its label in column A). */
export type ExplainStep =
  | "region"
  | "post"
  | "amount"
  | "rule"
  | "weight"
  | "total-weight"
  | "cap-exact"
  | "cap"
  | "earned"
  | "first-payment"
  | "round"
  | "unpaid"
  | "share"
  | "exact"
  | "floor"
  | "rank"
  | "rounding"
  | "paid"
  | "scenario-total"
  | "method";

/** SJUK.EXPLAIN's note beside a step (column C). */
export type ExplainNote =
  | { note: "at-most" | "rule" | "population" | "cap-formula" | "first-payment" | "unpaid" }
  | { note: "share-formula" | "exact-formula" | "whole-kronor" | "not-fulfilled" }
  | { note: "cap-rounding"; roundedUp: number; rank: number; of: number; leftover: number }
  | { note: "earned"; unitAmount: number }
  | { note: "round"; pool: number; eligible: boolean }
  | { note: "leftover"; leftover: number }
  | { note: "key"; source: string }
  /** A divisor method (SJUK.EXPLAIN names it; the largest remainder is the default, not named). */
  | { note: "divisor"; method: "sainte-lague" | "dhondt" }
  | { note: "next-in-line" };

/** Why an .xlsx file cannot be read as a workbook (the reader's own checks, or the zip library's). */
export type XlsxDamage =
  | { kind: "detail"; detail: string }
  | { kind: "no-workbook-part" }
  | { kind: "no-sheets" }
  | { kind: "sheet-unnamed"; index: number }
  | { kind: "sheet-twice"; name: string }
  | { kind: "sheet-missing"; sheet: string; part: string }
  | { kind: "table-name"; table: string; sheet: string };

export interface MessageParams {
  /** A problem whose code is still to be given (the agreement schema's zod checks, ics, xlsx); new problems must not use it. */
  text: { en: string; sv?: string };

  /** Several messages, read as one ("a; b; c"). */
  list: { items: Message[] };
  /** A message about a function's argument: "key, row 4: …" (the name in the catalogue's language). */
  argument: { name: string; row?: number; column?: number; problem: Message };

  /* ---------- day phrases: the one place they are written ---------- */
  "days.due": { days: number };
  "days.in": { days: number };
  "days.overdue": { days: number };
  "days.late": { days: number };
  "days.met": Record<string, never>;

  /* ---------- dates, files (any layer) ---------- */
  "date.not-iso": { value: string };
  "date.from-after-to": { from: string; to: string };
  "file.unreadable": { why: "not-found" | "directory" | "denied" | "other"; detail: string };
  "file.not-csv": { detail: string };
  /* The stated limits of an input file (src/inputs/limits.ts); numbers as a person reads them ("1 000"). */
  "file.too-large": { limit: string };
  "file.too-many-rows": { rows: string; limit: string };
  "file.too-many-columns": { columns: string; limit: string };
  "file.zero-byte": Record<string, never>;
  "file.bad-utf8": Shown;
  "file.not-json": { detail: string };
  "agreement.unknown-kind": { kinds: string[] };

  /* ---------- one cell's value (src/inputs/cells.ts) ---------- */
  "cell.not-finite": Shown;
  "cell.empty-not-number": Record<string, never>;
  "cell.blank": Record<string, never>;
  "cell.not-a-number": Shown;
  "cell.negative": Shown;
  "cell.negative-count": Shown;
  "cell.not-whole": Shown;
  "cell.not-yes-no": Shown;
  "cell.too-long": Shown & { chars: number; limit: number };
  "cell.too-many-digits": Shown & { digits: number; limit: number };
  "cell.count-too-large": Shown & { limit: string };

  /* ---------- one comma reading per column of figures (src/inputs/number-reading.ts) ---------- */
  "figures.comma-ambiguous": Shown;
  "figures.english-in-decimal-column": Shown & { at: Place; example: Shown };
  "figures.decimal-in-english-column": Shown & { at: Place; example: Shown };

  /* ---------- rows naming a recipient (src/inputs/region-rows.ts) ---------- */
  "region.unknown": { text: string; closest: string[] };
  "region.disagree": Shown & { name: string; column: string; other: string };
  "region.blank": Record<string, never>;
  "region.repeated": { name: string; at: Place };
  "region.missing": { name: string; code: string; count: number };
  "region.count": { expected: number; got: number; first: string; last: string };

  /* ---------- region tables: CSV files and input sheets (src/inputs/region-table.ts) ---------- */
  "table.value": { what: TableValue; region: string; problem: Message };
  "table.missing-value": { what: TableValue; region: string };
  "table.unknown-population-header": { header: string };
  "table.unknown-figure-header": { header: string; column: string };
  "table.unknown-contacts-header": { header: string; swedish: string[]; english: string[] };
  "table.unknown-post-header": { header: string; agreement: string; ids: string[] };
  "table.repeated-column": { header: string; earlier: string };
  "table.empty-header": { required: string[][] };
  "table.missing-column": { spellings: string[]; given: string };
  "table.headerless-cell": Shown;
  "table.no-date": Record<string, never>;
  "table.not-a-date": Shown;
  "table.date-not-given": { date: string; given: string };
  "table.date-differs": { date: string; first: string };
  "table.no-post-column": { ids: string[] };
  "table.all-zero": Record<string, never>;

  /* ---------- the command line (src/cli) ---------- */
  "cli.key-date-without-population": { keyDate: string };
  "cli.out-is-input": { out: string };
  "cli.in-place-and-out": { input: string; out: string };
  "cli.cannot-write": { path: string; detail: string };
  "cli.not-a-regional-post": { id: string; agreement: string; ids: string[] };
  "cli.not-a-body-condition": { id: string; agreement: string; ids: string[] };
  "cli.report-format": { out: string };
  "cli.report-format-mismatch": { out: string; format: string };
  "cli.report-out-is-scenario": { out: string };

  /* ---------- the SJUK functions (src/functions) ---------- */
  "function.unknown": { name: string };
  "function.too-many-arguments": { name: string; names: string[] };
  "function.required": { names: string[] };
  "function.internal": { detail: string };
  "function.empty": { name: string };
  "function.all-zero": Record<string, never>;
  "function.fulfilment-count": { expected: number; got: number };
  "function.not-regional-post": { header: string; ids: string[] };
  "function.not-a-post": { post: string; ids: string[] };
  "function.not-a-rule": { word: string; rules: string[] };
  "function.not-an-option": { word: string; rules: string[]; keys: string[] };
  "function.not-a-redistribution": Shown & { keys: string[] };
  "function.not-a-method": { value: string };
  "function.unknown-post": { post: string; agreement: string; ids: string[] };
  "function.not-regional": { post: string; recipient: Texts };
  "function.unknown-recipient": { text: string; recipients: string[] };
  "function.unknown-agreement": { id: string; ids: string[] };
  "function.too-few-columns": { columns: string[]; width: number };
  "function.not-a-decision": { post: string; value: string };
  "function.no-population-table": { table: string };
  "function.range-too-large": {
    rows: number;
    columns: number;
    rowLimit: number;
    columnLimit: number;
  };
  "function.more-problems": { count: number };
  "function.short-form-circular": { table: string };
  "function.too-large": { value: string };
  "function.weights-zero": Record<string, never>;
  "function.year-only": { post: string; year: string };
  "function.table1-differs": { differences: Table1Difference[] };
  "function.no-money-for-year": { year: number; years: string };
  "function.unknown-deadline": { item: string; items: string };
  "function.not-a-date": { value: string; valueSv: string };
  "function.not-whole-kronor": { value: string };
  "function.not-a-language": { value: string };
  "function.planned-not-confirmed": { year: number; planned: AmountLike };
  /* SJUK.SCENARIO (src/functions/scenario-function.ts) */
  "function.no-scenario": { name: string; names: string[] };
  "function.scenario-not-json": { detail: string };
  "function.scenario-field": { scenario: string; field: string | null; problem: Message };
  "function.scenarios-unavailable": Record<string, never>;
  "ledger.appropriation-yes-no": { year: number; planned: AmountLike };

  /* ---------- compute()'s inputs (src/engine/validate.ts, texts in src/engine/messages.ts) ---------- */
  /* `what` names the input (key, keys.elderly, contacts, fulfilment, v1); `set` the recipient set's id. */
  "compute.unknown-code": { what: string; set: string; code: string };
  "compute.missing": { what: string; name: string; code: string };
  "compute.not-a-number": { what: string; value: string };
  "compute.not-finite": { what: string; value: string };
  "compute.negative": { what: string; value: string };
  "compute.not-whole": { what: string; value: string };
  "compute.all-zero": { what: string };
  "compute.key-not-given": { column: string; posts: string[] };
  "compute.key-twice": { column: string };
  "compute.unknown-key": { column: string; agreement: string; known: string[] };
  "compute.unknown-units": { column: string; agreement: string; known: string[] };
  "compute.units-twice": { column: string };
  "compute.not-conditional-post": {
    post: string;
    agreement: string;
    setPosts: string[];
    bodyPosts: string[];
  };
  "compute.not-the-body": { post: string; body: string; given: string };
  "compute.not-a-post": { what: string; post: string; agreement: string };
  "compute.not-at-most": { post: string };
  "compute.above-ceiling": { post: string; decided: AmountLike; ceiling: AmountLike };
  "compute.not-kronor": { post: string; value: string };
  "compute.bad-redistribution": { value: string; keys: string[] };
  "compute.bad-rule": { rule: string };
  "compute.bad-method": { value: string; methods: string[] };
  /* compute()'s warnings and unpaid reasons (src/engine/compute.ts, made in src/engine/messages.ts) */
  /* `key` is the agreement's key description in both languages; `set` the recipient set's id. */
  "compute.key-date-unknown": { key: Texts };
  "compute.key-dates-mixed": { dates: string; key: Texts };
  "compute.key-date": { date: string; source: string; keyDate: string; key: Texts };
  "compute.table1": { recipient: string; stated: AmountLike; posts: AmountLike };
  "compute.units-assumed": {
    post: string;
    column: string;
    amount: AmountLike;
    set: string;
    byPopulation: boolean;
  };
  "compute.contacts-exceed-treatments": { name: string; contacts: string; treatments: string };
  "compute.unpaid": { post: string; amount: AmountLike; reason: Message };
  "compute.decided-below": { decided: AmountLike; ceiling: AmountLike };
  "compute.not-fulfilled-by": { who: string };
  "compute.nobody-fulfils": { set: string };
  "compute.not-enough-units": { set: string; column: string };
  "compute.lapsed": { names: string[] };
  "compute.not-reported": { column: string; names: string[] };
  /* allocate() and whole kronor (src/engine/allocate.ts, money.ts); weights' values use compute.* above */
  "allocate.bad-amount": { value: string };
  "allocate.no-weights": { what: string };
  "allocate.repeated": { what: string; id: string };
  "allocate.weights-zero": { what: string };
  "amount.not-whole": { what: string; value: string };
  "amount.too-large": { what: string; value: string };
  /* key mixes (src/engine/mix.ts); `path` is the field, e.g. mix[1].figures.09 */
  "mix.no-keys": Record<string, never>;
  "mix.weights-zero": Record<string, never>;
  "mix.key-zero": { path: string };
  "mix.not-a-figure": { path: string; value: string };
  "mix.no-figures": { path: string };
  "mix.unknown-code": { path: string; code: string };
  "mix.missing": { path: string; code: string };
  /* sensitivity (src/engine/sensitivity.ts) */
  "sensitivity.unknown-member": { code: string; set: string };
  "sensitivity.not-a-set-post": { post: string; set: string };
  "sensitivity.bad-delta": { value: string };
  "sensitivity.negative": { column: string; code: string; figure: string; delta: string };
  "sensitivity.no-column": { column: string };
  /* labels of SJUK.SENSITIVITY's and SJUK.IMPACT's tables (src/functions/sensitivity.ts) */
  "label.post": Record<string, never>;
  "label.region": Record<string, never>;
  "label.total": Record<string, never>;
  "label.payment": Record<string, never>;
  "label.key-minus": { delta: string };
  "label.key-plus": { delta: string };
  "label.change-minus": { delta: string };
  "label.change-plus": { delta: string };
  "label.fulfils": { region: string; post: string };
  "label.does-not-fulfil": { region: string; post: string };
  "label.difference": Record<string, never>;
  "label.not-paid": Record<string, never>;

  /* ---------- the 2024 grant ledger (src/engine/ledger.ts) ---------- */
  "ledger.not-a-number": { value: string };
  "ledger.not-whole-kronor": { value: string };
  "ledger.negative": { value: string };
  "ledger.unknown-year": { year: string; years: string };
  "ledger.confirmed-not-planned": {
    year: number;
    status: string;
    atMost: boolean;
    amount: AmountLike;
  };
  "ledger.confirmed-twice": { year: number; firstField: string };
  "ledger.unknown-report": { item: string; reports: string };
  "ledger.not-a-report": { item: string; kind: "requisition" | "repayment" };
  "ledger.duplicate-spent": { year: number; firstField: string };
  "ledger.unconfirmed-requisition": {
    amount: AmountLike;
    year: number;
    planned: AmountLike;
    condition: Texts | null;
    confirm: ConfirmAt;
  };
  "ledger.unconfirmed-spent": {
    amount: AmountLike;
    year: number;
    planned: AmountLike;
    condition: Texts | null;
    confirm: ConfirmAt;
  };
  "ledger.second-requisition": {
    year: number;
    firstField: string;
    firstAmount: AmountLike;
    firstDate: string;
  };
  "ledger.requisition-above-grant": {
    requisitioned: AmountLike;
    year: number;
    atMost: boolean;
    granted: AmountLike;
    over: AmountLike;
  };
  "ledger.requisition-late": { date: string; days: number; deadline: string; to: string };
  "ledger.spent-above-grant": {
    spent: AmountLike;
    year: number;
    atMost: boolean;
    granted: AmountLike;
    requisitioned: AmountLike;
  };
  "ledger.spent-above-requisition": {
    spent: AmountLike;
    year: number;
    requisitioned: AmountLike;
    over: AmountLike;
  };
  "ledger.repayment-above-unused": {
    repaid: AmountLike;
    year: number;
    toRepay: AmountLike;
    requisitioned: AmountLike;
    spent: AmountLike;
  };
  "ledger.repayment-short": {
    toRepay: AmountLike;
    year: number;
    to: string;
    date: string;
    repaid: AmountLike;
    short: AmountLike;
  };
  "ledger.appropriated-above-plan": { year: number; appropriated: AmountLike; planned: AmountLike };

  /* ---------- a deadline's note: what (ledger.note.*) and when (ledger.when.*) ---------- */
  "ledger.note.not-confirmed": { year: number };
  "ledger.note.requisitioned": { amount: AmountLike; date: string };
  "ledger.note.may-requisition": { atMost: boolean; amount: AmountLike; date: string };
  "ledger.note.nothing-requisitioned": Record<string, never>;
  "ledger.note.all-spent": Record<string, never>;
  "ledger.note.to-repay": { amount: AmountLike; date: string; repaid: AmountLike };
  "ledger.note.report": { title: Texts; date: string };
  "ledger.note.by": { date: string };
  "ledger.when.done": { date: string };
  "ledger.when.done-late": { date: string; days: number };

  /* ---------- the grant ledger sheet (src/workbook/assignment-insert.ts) ---------- */
  "sheet.missing-amount": Record<string, never>;
  "sheet.missing-date": Record<string, never>;
  "sheet.not-a-date": { value: string };
  "sheet.not-a-year": { value: string; valueSv: string; blank: boolean };
  "sheet.not-an-amount": { value: string; valueSv: string };
  "sheet.requisitions-dropped": { rows: number; dropped: string };

  /* ---------- the 2020 agreement's sheets (src/workbook/agreement-insert.ts) ---------- */
  "sheet.owned-missing": { role: string; name: Texts };
  "sheet.renamed": { taken: string; used: string };
  "sheet.not-a-rule": { value: string };
  "sheet.not-a-redistribution": { value: string };
  "sheet.cell-error": { text: string };
  "sheet.cell-error-message": { text: string; message: string };

  /* ---------- workbooks as Excel saves them (src/workbook/xlsx-package.ts, excel-formula.ts) ---------- */
  "xlsx.beyond-rows": { limit: number };
  "xlsx.beyond-columns": { limit: number };
  "xlsx.too-many-cells": { limit: number };
  "xlsx.part-too-big": { part: string; megabytes: number; limit: number };
  "xlsx.not-a-cell": { value: string };
  "xlsx.shared-string-missing": { index: string };
  "xlsx.shared-formula-no-master": { si: string };
  "xlsx.table-no-column": { table: string; column: string; columns: string[] };
  "xlsx.table-no-part": { table: string; part: string };
  "xlsx.table-this-row-outside": { table: string };
  "xlsx.table-no-rows": { table: string; spec: string };
  "xlsx.damaged": { file: string; why: XlsxDamage };
  "file.failed": { detail: string };
  /** The task pane failed while drawing itself (its error boundary). */
  "pane.failed": { why: string };
  "snapshot.not-ours": Record<string, never>;
  "snapshot.field-missing": { field: string };
  "snapshot.not-a-sheet": { index: number };
  "workbook.sheet-not-ours": { name: string };

  /* ---------- SJUK.EXPLAIN's labels (src/functions/explain.ts) ---------- */
  "explain.step": { step: ExplainStep; round?: number };
  "explain.note": ExplainNote;

  /* ---------- scenarios (src/scenarios/); the field path is the problem's location ---------- */
  "scenario.unknown-agreement": { id: string; known: string[] };
  "scenario.not-a-member": { code: string };
  "scenario.missing-member": { code: string };
  "scenario.not-a-post": { id: string; ids: string[] };
  "scenario.not-a-recipient": { id: string; post: string };
  "scenario.shipped-date": { date: string; dates: string[] };
  "scenario.key-file-type": { file: string };
  "scenario.no-scenarios": Record<string, never>;
  "scenario.same-name": { name: string };
  "scenario.no-base": { name: string; names: string[] };
  "scenario.unknown-name": { name: string };
  "scenario.no-json-in-cell": Record<string, never>;
  "scenario.reads-file-in-workbook": { path: string };

  /* ---------- SCB's table exports (src/scenarios/scb.ts) ---------- */
  "scb.no-region": Record<string, never>;
  "scb.no-time": Record<string, never>;
  "scb.several": { dimension: string; count: number };
  "scb.not-a-county": { text: string; closest: string[] };
  "scb.not-a-number": { value: string };
  "scb.missing-county": { codes: string[] };
  "scb.not-json-stat": { detail: string };
  "scb.no-date": { time: string };

  /* ---------- the host check at start-up (src/taskpane/host-check.ts) ---------- */
  "host.missing-set": { set: string; version: string; feature: HostFeature };
  "host.healthy": Record<string, never>;
  "host.unhealthy": { runtime: boolean; functions: boolean };

  /* ---------- input as it arrives; the .ics file (issue 12 points 4 and 7) ---------- */
  /** Members whose count of a per-unit post is blank: not reported yet. */
  "contacts.not-reported": {
    post: string;
    names: string[];
    count: number;
    total: number;
    /** Another unit column than the regions' contacts, and its recipient set. */
    column?: string;
    set?: string;
  };
  /** A region's place against its villkor 3 cap, as the Kontakter sheet shows it. */
  "contacts.status": { status: ContactStatus };
  /** SJUK.CHECK cannot check Table 1 while contacts are missing. */
  "function.contacts-not-reported": { names: string[] };
  /** SJUK.CONTACTS's part argument: paid, cap, moved or status. */
  "function.contacts-part": { value: string; parts: string[] };
  /** Members with a key figure of 0: they get nothing of the posts split by that key. */
  "key.zero": { what: string; names: string[] };
  "ics.bad-reminder": { value: string; max: number };
  "ics.bad-stamp": { value: string };
  /** The ics package refused the events (its own words in `why`). */
  "ics.write-failed": { why: string };
  "ics.not-a-date": { value: string };
  /** 9999-12-31: an all-day event ends the next day, which a DATE of four-digit years cannot name. */
  "ics.last-day": { date: string };
  /** A calendar with no events (e.g. a range with none in it): still a valid file. */
  "ics.empty": { from: string; to: string };

  /* ---------- any agreement in the spilled functions (issue 9 point 3) ---------- */
  /** A spill whose result is not the size HyperFormula reserved from the formula. */
  "function.spill-size": {
    name: string;
    rows: number;
    columns: number;
    reservedRows: number;
    reservedColumns: number;
  };
}

/** Where a region's contacts put it against its cap (the Kontakter sheet's status column). */
export type ContactStatus = "over" | "under" | "at" | "not-reported" | "not-fulfilled";

export type MessageCode = keyof MessageParams;

/** Something to say to a user: a code and its parameters, rendered by a language's catalogue. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams[C] } }[MessageCode];

/** A language's texts: one renderer per code; `render` renders a nested message in the same language. */
export type Catalogue = {
  [C in MessageCode]: (params: MessageParams[C], render: (m: Message) => string) => string;
};
