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

/** Where the advice "confirm the year" points: the ledger's field, a sheet cell, or a function's argument. */
export type ConfirmAt = { kind: "field" } | { kind: "cell"; ref: string } | { kind: "argument" };

export interface MessageParams {
  /** A problem whose code is still to be given (the engine's compute validation); new problems must not use it. */
  text: { en: string; sv?: string };

  /** Several messages, read as one ("a; b; c"). */
  list: { items: Message[] };
  /** A message about a function's argument: "key, row 4: …" (the name in the catalogue's language). */
  argument: { name: string; row?: number; problem: Message };

  /* ---------- day phrases: the one place they are written ---------- */
  "days.due": { days: number };
  "days.in": { days: number };
  "days.overdue": { days: number };
  "days.late": { days: number };

  /* ---------- dates, files (any layer) ---------- */
  "date.not-iso": { value: string };
  "date.from-after-to": { from: string; to: string };
  "file.unreadable": { why: "not-found" | "directory" | "denied" | "other"; detail: string };
  "file.not-csv": { detail: string };

  /* ---------- the command line (src/cli) ---------- */
  "cli.key-date-without-population": { keyDate: string };

  /* ---------- the SJUK functions (src/functions) ---------- */
  "function.unknown": { name: string };
  "function.too-many-arguments": { name: string; names: string[] };
  "function.required": { names: string[] };
  "function.internal": { detail: string };
  "function.empty": Record<string, never>;
  "function.no-money-for-year": { year: number; years: string };
  "function.unknown-deadline": { item: string; items: string };
  "function.not-a-date": { value: string; valueSv: string };
  "function.not-whole-kronor": { value: string };
  "function.planned-not-confirmed": { year: number; planned: AmountLike };
  "ledger.appropriation-yes-no": { year: number; planned: AmountLike };

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

  /* ---------- the grant ledger sheet (src/workbook/grant.ts) ---------- */
  "sheet.missing-amount": Record<string, never>;
  "sheet.missing-date": Record<string, never>;
  "sheet.not-a-date": { value: string };
  "sheet.not-a-year": { value: string; valueSv: string; blank: boolean };
  "sheet.not-yes-no": { value: string; valueSv: string };
  "sheet.not-an-amount": { value: string; valueSv: string };
  "sheet.requisitions-dropped": { rows: number; dropped: string };

  /* ---------- the 2020 agreement's sheets (src/workbook/insert.ts) ---------- */
  "sheet.owned-missing": { role: string; name: Texts };
  "sheet.not-a-rule": { value: string };
  "sheet.not-a-redistribution": { value: string };
  "sheet.cell-error": { text: string };
}

export type MessageCode = keyof MessageParams;

/** Something to say to a user: a code and its parameters, rendered by a language's catalogue. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams[C] } }[MessageCode];

/** A language's texts: one renderer per code; `render` renders a nested message in the same language. */
export type Catalogue = {
  [C in MessageCode]: (params: MessageParams[C], render: (m: Message) => string) => string;
};
