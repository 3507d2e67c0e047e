/*
 * The task pane's words in Swedish and English. In Excel the language follows Office's display
 * language (Office.context.displayLanguage); in the browser preview a switch chooses it.
 */

import { type Language, languageFor } from "../core/language";

/** The same two languages as the sheets'. */
export type Lang = Language;

/** "sv-SE", "sv" → "sv"; everything else → "en": the sheets' rule, so pane and sheets agree. */
export const langFromLocale = languageFor;

const STRINGS = {
  title: { sv: "SJUK – sjukskrivningsmiljarden", en: "SJUK – the sick-leave billion" },
  subtitle: {
    sv: "Överenskommelsen mellan staten och SKR: vad varje region får, när och enligt vilken regel.",
    en: "The agreement between the state and SKR: what each region gets, when and by which rule.",
  },
  agreement: { sv: "Överenskommelse", en: "Agreement" },
  importAgreement: {
    sv: "Importera överenskommelse (JSON)",
    en: "Import an agreement (JSON)",
  },
  agreementImported: {
    sv: "Överenskommelsen finns nu i arbetsboken.",
    en: "The agreement is now held by the workbook.",
  },
  agreementRefused: {
    sv: "Överenskommelsen kunde inte läsas",
    en: "The agreement could not be read",
  },
  heldByWorkbook: { sv: "i arbetsboken", en: "in the workbook" },
  sheets: { sv: "Blad", en: "Sheets" },
  insertSheets: { sv: "Infoga bladen", en: "Insert the sheets" },
  reinsertSheets: { sv: "Infoga bladen igen", en: "Insert the sheets again" },
  insertHint: {
    sv: "Skapar Befolkning, Villkor, Kontakter, Resultat och Utbetalningar. Dina egna blad och det du skrivit i indatacellerna lämnas orörda.",
    en: "Creates Population, Conditions, Contacts, Results and Payouts. Your own sheets and what you typed into the input cells are left alone.",
  },
  resetInputs: { sv: "Återställ indata till standardvärden", en: "Reset inputs to their defaults" },
  inserting: { sv: "Infogar…", en: "Inserting…" },
  inserted: { sv: "Bladen är infogade.", en: "The sheets are inserted." },
  insertFailed: { sv: "Bladen kunde inte infogas", en: "The sheets could not be inserted" },
  paneAgain: { sv: "Visa panelen igen", en: "Show the pane again" },
  ownedSheets: { sv: "Tilläggets blad", en: "The add-in's sheets" },
  noSheetsYet: {
    sv: "Inga blad ännu. Infoga bladen för att börja.",
    en: "No sheets yet. Insert the sheets to begin.",
  },
  options: { sv: "Alternativ", en: "Options" },
  nonFulfilment: {
    sv: "När en region inte uppfyller villkor 1 eller 2",
    en: "When a region does not fulfil condition 1 or 2",
  },
  lapse: { sv: "Andelen förfaller (betalas inte ut)", en: "Its share lapses (is not paid out)" },
  share: {
    sv: "De som uppfyller delar på beloppet",
    en: "The fulfilling regions share the amount",
  },
  redistribution: {
    sv: "Omfördelning av kontaktpengar (villkor 3)",
    en: "Redistribution of contact money (condition 3)",
  },
  redistPopulation: { sv: "Efter befolkning", en: "By population" },
  redistUnpaid: { sv: "Efter obetalda kontakter", en: "By unpaid contacts" },
  optionsSaved: {
    sv: "Alternativen är skrivna till Resultat.",
    en: "The options are written to Results.",
  },
  problems: { sv: "Fel i indata", en: "Problems in the inputs" },
  noProblems: { sv: "Inga fel i indata.", en: "No problems in the inputs." },
  goToCell: { sv: "Gå till cellen", en: "Go to the cell" },
  totals: { sv: "Summor mot tabell 1", en: "Totals against Table 1" },
  recipient: { sv: "Mottagare", en: "Recipient" },
  computed: { sv: "Beräknat", en: "Computed" },
  table1: { sv: "Tabell 1", en: "Table 1" },
  check: { sv: "Kontroll", en: "Check" },
  matches: { sv: "stämmer", en: "matches" },
  differs: { sv: "skiljer", en: "differs" },
  total: { sv: "Totalt", en: "Total" },
  chart: { sv: "Utbetalning per region", en: "Payment per region" },
  chartLabel: {
    sv: "Stapeldiagram: utbetalning per region i kronor",
    en: "Bar chart: payment per region in kronor",
  },
  region: { sv: "Region", en: "Region" },
  payment: { sv: "Utbetalning", en: "Payment" },
  calendar: { sv: "Utbetalningskalender", en: "Payout calendar" },
  date: { sv: "Datum (senast)", en: "Date (at the latest)" },
  amount: { sv: "Belopp", en: "Amount" },
  duringYear: { sv: "under", en: "during" },
  reservedDuring: { sv: "Reserverat under", en: "Reserved during" },
  refresh: { sv: "Uppdatera", en: "Refresh" },
  language: { sv: "Språk", en: "Language" },
  source: {
    sv: "Belopp från arbetsbokens SJUK-celler.",
    en: "Amounts from the workbook's SJUK cells.",
  },
  noResults: {
    sv: "Infoga bladen för att se resultatet.",
    en: "Insert the sheets to see the result.",
  },
  cellError: { sv: "fel i cellen", en: "error in the cell" },
  // The 2024 assignment (grant ledger) mode.
  assignmentSubtitle: {
    sv: "Regeringsuppdraget till Socialstyrelsen: beviljat, rekvirerat, använt, att återbetala och nästa frist.",
    en: "The government assignment to Socialstyrelsen: granted, requisitioned, spent, to repay and the next deadline.",
  },
  grantInsertHint: {
    sv: "Skapar Bidrag (reskontra per år och frister) och Kalender. Dina egna blad och det du skrivit i Bidrag lämnas orörda.",
    en: "Creates Grant ledger (per year, and the deadlines) and Calendar. Your own sheets and what you typed into the ledger are left alone.",
  },
  grantResetConfirm: {
    sv: "Allt du skrivit i Bidrag (rekvisitioner, använt, återbetalt, datum, per dag) ersätts av ett tomt blad. Dina egna blad rörs inte.",
    en: "Everything you typed into the ledger (requisitions, spent, repaid, dates, as-of date) is replaced by an empty sheet. Your own sheets are not touched.",
  },
  ledger: { sv: "Reskontra per år", en: "Ledger per year" },
  granted: { sv: "Beviljat", en: "Granted" },
  requisitioned: { sv: "Rekvirerat", en: "Requisitioned" },
  spent: { sv: "Använt", en: "Spent" },
  toRepay: { sv: "Att återbetala", en: "To repay" },
  repaid: { sv: "Återbetalt", en: "Repaid" },
  repayBy: { sv: "Återbetalas senast", en: "Repay by" },
  plannedNotConfirmed: { sv: "planerat, ej anvisat", en: "planned, not appropriated" },
  plannedConfirmed: { sv: "anvisat", en: "appropriated" },
  decision: { sv: "Enligt beslutet", en: "Decision" },
  asOf: { sv: "Per dag", en: "As of" },
  nextDeadline: { sv: "Nästa frist", en: "Next deadline" },
  noNextDeadline: { sv: "Inga fler frister.", en: "No deadlines left." },
  overdue: { sv: "Försenat", en: "Overdue" },
  deadlines: { sv: "Frister", en: "Deadlines" },
  stateMet: { sv: "klart", en: "met" },
  stateNotApplicable: { sv: "ej aktuellt", en: "not applicable" },
  ledgerProblems: { sv: "Fel och varningar i reskontran", en: "Errors and warnings in the ledger" },
  noLedgerProblems: { sv: "Inga fel i reskontran.", en: "No problems in the ledger." },
  warning: { sv: "Varning", en: "Warning" },
  error: { sv: "Fel", en: "Error" },
  combinedCalendar: {
    sv: "Kalender: överenskommelsen 2020 och uppdraget 2024",
    en: "Calendar: the 2020 agreement and the 2024 assignment",
  },
  combinedCalendarHint: {
    sv: "Alla utbetalningar och frister i båda dokumenten, i datumordning.",
    en: "Every payment and deadline of both documents, by date.",
  },
  downloadIcs: { sv: "Ladda ner kalender (.ics)", en: "Download calendar (.ics)" },
  downloaded: {
    sv: "Kalendern är nedladdad: importera filen i Outlook, Google eller Apple Kalender.",
    en: "The calendar is downloaded: import the file into Outlook, Google or Apple Calendar.",
  },
  refreshCalendarSheet: { sv: "Uppdatera kalenderbladet", en: "Refresh the calendar sheet" },
  calendarSheetRefreshed: {
    sv: "Kalenderbladet är uppdaterat.",
    en: "The calendar sheet is refreshed.",
  },
  noLedgerYet: {
    sv: "Infoga bladen för att föra reskontran.",
    en: "Insert the sheets to keep the ledger.",
  },
  atMost: { sv: "högst", en: "at most" },
  conditional: { sv: "villkorat", en: "conditional" },
} as const;

export type StringKey = keyof typeof STRINGS;

export type Translate = (key: StringKey) => string;

export function translator(lang: Lang): Translate {
  return (key) => STRINGS[key][lang];
}
