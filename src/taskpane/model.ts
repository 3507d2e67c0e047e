/*
 * What the task pane shows, read from the workbook through the WorkbookPort. No money is
 * computed here: every amount is a value of a cell the SJUK functions fill (Resultat,
 * Utbetalningar), or a figure of the agreement itself (Table 1). Dates come back as Excel
 * serials and are turned into YYYY-MM-DD with the engine's calendar helpers.
 */
import type { AllocationAgreement } from "../agreements/schema";
import { fromExcelSerial } from "../engine/calendar";
import { CellValue, OwnedSheet, WorkbookPort } from "../workbook/port";
import {
  AgreementLayout,
  SheetNames,
  SheetRole,
  TABLE_NAMES,
  WorkbookOptions,
  optionsFromCells,
  optionCellsLanguage,
  layoutOf,
} from "../workbook/agreement-sheets";
import { recipientName } from "../agreements/recipients";
import { findPost } from "../agreements/names";
import type { Lang } from "./i18n";

/** An amount as a cell holds it: whole kronor, or the cell's error text (#VALUE!, …). */
export type Amount = number | string;

export interface RegionPayment {
  code: string;
  name: string;
  /** The region's total over the regional posts (Resultat, column "Summa"). */
  amount: Amount;
  /** The sheet and cell that holds it. */
  sheet: string;
  cell: string;
}

export interface TotalLine {
  /** Table 1 recipient id: regions, SKR, Försäkringskassan, Socialstyrelsen, government; "total" for the sum. */
  recipient: string;
  label: string;
  computed: Amount;
  /** Table 1's figure, where the agreement states one (Table 1 may be partial or absent). */
  table1?: number;
  /** computed − Table 1, when both are numbers and they differ. */
  difference?: number;
}

export interface CalendarLine {
  /** YYYY-MM-DD, or a year (YYYY) when the agreement names only the year. */
  date: string;
  post: string;
  description: string;
  recipient: string;
  amount: Amount;
  /** Money the agreement reserves for the government's decision (the follow-up), not a payout. */
  reservation?: true;
}

export interface Snapshot {
  owned: OwnedSheet[];
  names: Partial<SheetNames>;
  /** True when the results and payouts sheets exist. */
  ready: boolean;
  options?: WorkbookOptions;
  /** The population key's date as the Befolkning sheet states it ("" when blank or unreadable). */
  keyDate?: string;
  /** The language the option cells are written in (the sheet's, which may differ from the pane's). */
  optionsLanguage?: Lang;
  regions: RegionPayment[];
  totals: TotalLine[];
  calendar: CalendarLine[];
  /** The amount due on each payout date (Utbetalningar, per payout date). */
  days: { date: string; amount: Amount }[];
  /** Result cells that show an error, with the cell's text. */
  errorCells: { sheet: string; cell: string; text: string }[];
  /**
   * Regions whose contact count is blank while others' are filled: not reported yet (all blank
   * is "no counts", the population split Table 1 budgets, and lists nobody).
   */
  missingContacts: InputCell[];
  /** Regions whose population figure is 0: they get nothing of the population posts. */
  zeroPopulation: InputCell[];
}

/** A region and the input cell that concerns it. */
export interface InputCell {
  code: string;
  name: string;
  sheet: string;
  cell: string;
}

export function namesOf(owned: OwnedSheet[]): Partial<SheetNames> {
  const names: Partial<SheetNames> = {};
  for (const s of owned) names[s.role as SheetRole] = s.name;
  return names;
}

function isNumber(v: CellValue | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function amountOf(v: CellValue | undefined): Amount {
  if (isNumber(v)) return v;
  if (v === null || v === undefined || v === "") return "";
  return String(v);
}

/** The A1 range between two cells of the same layout helper. */
function span(first: string, last: string): string {
  return `${first}:${last}`;
}

export async function readSnapshot(
  port: WorkbookPort,
  agreement: AllocationAgreement,
  lang: Lang
): Promise<Snapshot> {
  const owned = await port.listOwnedSheets();
  const names = namesOf(owned);
  const sheets = new Set(await port.listSheets());
  const empty: Snapshot = {
    owned,
    names,
    ready: false,
    regions: [],
    totals: [],
    calendar: [],
    days: [],
    errorCells: [],
    missingContacts: [],
    zeroPopulation: [],
  };
  if (!names.results || !names.payouts || !sheets.has(names.results) || !sheets.has(names.payouts))
    return empty;
  const { PAYOUTS, POPULATION, RESULTS, regionalPosts: REGIONAL_POSTS } = layoutOf(agreement);

  const errorCells: Snapshot["errorCells"] = [];

  // Options as the option cells hold them.
  const [[rule] = [], [redistribution] = []] = await port.readRange(
    names.results,
    span(RESULTS.ruleCell, RESULTS.redistributionCell)
  );
  const options = optionsFromCells(rule, redistribution);
  const optionsLanguage = optionCellsLanguage(rule, redistribution, lang);
  const [[date] = []] =
    names.population && sheets.has(names.population)
      ? await port.readRange(names.population, POPULATION.dateCell)
      : [];
  const keyDate = typeof date === "number" ? fromExcelSerial(date) : String(date ?? "").trim();

  // Every region's payment: the Resultat table, column "Summa" (last).
  const table = await port.readTable(TABLE_NAMES.results);
  const regions: RegionPayment[] = [];
  if (table) {
    const totalColumn = 2 + REGIONAL_POSTS.length;
    for (const row of table.rows) {
      const code = String(row[0] ?? "");
      if (!code) continue;
      const cell = RESULTS.cell(code, "total");
      regions.push({
        code,
        name: String(row[1] ?? code),
        amount: amountOf(row[totalColumn]),
        sheet: names.results,
        cell,
      });
      row.slice(2, totalColumn + 1).forEach((v, i) => {
        if (typeof v === "string" && v.startsWith("#")) {
          const post = i < REGIONAL_POSTS.length ? REGIONAL_POSTS[i]! : "total";
          errorCells.push({ sheet: names.results!, cell: RESULTS.cell(code, post), text: v });
        }
      });
    }
  }

  // Totals against Table 1: the payouts sheet sums per recipient (SUMIF over SJUK cells).
  const recipients = PAYOUTS.recipients;
  const firstCell = PAYOUTS.recipientCell(recipients[0]!);
  const lastCell = PAYOUTS.recipientCell(recipients[recipients.length - 1]!);
  const perRecipient = await port.readRange(names.payouts, span(firstCell, lastCell));
  const totals: TotalLine[] = recipients.map((id, i) => {
    const computed = amountOf(perRecipient[i]?.[0]);
    const table1 = agreement.table1?.[id];
    return line(id, recipientName(agreement, id, lang), computed, table1);
  });
  const [[grand] = []] = await port.readRange(names.payouts, PAYOUTS.totalCell);
  totals.push(line("total", lang === "sv" ? "Totalt" : "Total", amountOf(grand), agreement.total));

  // The payout calendar: one line per post of the Utbetalningar table (date, recipient, amount),
  // under each payout date with the day's sum (the sheet's SUMIF per date).
  const payouts = await port.readTable(TABLE_NAMES.payouts);
  const calendar: CalendarLine[] = [];
  if (payouts) {
    for (const row of payouts.rows) {
      // Column A shows the post's title (in the sheet's language; an older sheet: its id).
      const [post, , recipient, date, amount] = row;
      if (post === null || post === undefined || post === "") continue;
      const agreed = findPost(agreement, String(post));
      // A post the agreement dates only by year ("2021") holds the year, not a date serial.
      const yearOnly = agreed?.payoutDate;
      calendar.push({
        ...(agreed?.reservation ? { reservation: true as const } : {}),
        date:
          yearOnly?.length === 4
            ? yearOnly
            : isNumber(date)
              ? fromExcelSerial(date)
              : String(date ?? ""),
        post: agreed?.id ?? String(post),
        description: agreed?.title[lang] ?? String(post),
        recipient: String(recipient ?? ""),
        amount: amountOf(amount),
      });
    }
    calendar.sort((a, b) =>
      (a.date.length === 4 ? `${a.date}-12-31~` : a.date).localeCompare(
        b.date.length === 4 ? `${b.date}-12-31~` : b.date
      )
    );
  }

  const days: Snapshot["days"] = [];
  for (const date of PAYOUTS.dates) {
    const [[amount] = []] = await port.readRange(names.payouts, PAYOUTS.dateCell(date));
    days.push({ date, amount: amountOf(amount) });
  }

  const { missingContacts, zeroPopulation } = await readArrivals(port, names, layoutOf(agreement));

  return {
    owned,
    names,
    ready: true,
    missingContacts,
    zeroPopulation,
    options,
    optionsLanguage,
    keyDate,
    regions,
    totals,
    calendar,
    days,
    errorCells,
  };
}

const isBlank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Input as it arrives: blank contact counts among filled ones, and population figures of 0. */
async function readArrivals(
  port: WorkbookPort,
  names: Partial<SheetNames>,
  layout: AgreementLayout
): Promise<Pick<Snapshot, "missingContacts" | "zeroPopulation">> {
  const { CONTACTS, POPULATION, members } = layout;
  const regionAt = (cells: CellValue[]) =>
    members.find((r) => r.name === cells[0] || r.code === cells[0]);
  const contacts =
    names.contacts && CONTACTS.contactsColumnIndex >= 0
      ? await port.readTable(TABLE_NAMES.contacts)
      : undefined;
  const column = contacts?.headers.length ? CONTACTS.contactsColumnIndex : -1;
  const rows = (contacts?.rows ?? []).filter((row) => regionAt(row));
  const blank = rows.filter((row) => isBlank(row[column]));
  const missingContacts =
    blank.length === rows.length
      ? []
      : blank.map((row) => {
          const r = regionAt(row)!;
          return {
            code: r.code,
            name: r.name,
            sheet: names.contacts!,
            cell: CONTACTS.cell(r.code),
          };
        });
  const population = names.population ? await port.readTable(TABLE_NAMES.population) : undefined;
  const zeroPopulation: InputCell[] = [];
  for (const row of population?.rows ?? []) {
    const r = members.find((x) => x.code === String(row[0] ?? ""));
    if (r && row[2] === 0)
      zeroPopulation.push({
        code: r.code,
        name: r.name,
        sheet: names.population!,
        cell: POPULATION.cell(r.code),
      });
  }
  return { missingContacts, zeroPopulation };
}

function line(
  recipient: string,
  label: string,
  computed: Amount,
  table1: number | undefined
): TotalLine {
  const result: TotalLine = { recipient, label, computed };
  if (table1 === undefined) return result;
  result.table1 = table1;
  // Both are whole kronor well inside the safe-integer range; the difference is exact.
  if (typeof computed === "number" && Number.isSafeInteger(computed) && computed !== table1)
    result.difference = computed - table1;
  return result;
}
