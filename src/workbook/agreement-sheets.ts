import { AGREEMENT_2020, RECIPIENT_NAMES } from "../agreements";
import type { Language } from "../core/language";
import type { AllocationAgreement } from "../agreements/schema";
import type {
  ContactCounts,
  PopulationKey,
  RedistributionKey,
  TreatmentColumn,
} from "../engine/inputs";
import { REGIONS } from "../engine/regions";
import { POPULATION_TABLE } from "../functions/spec";
import { shippedPopulationKey } from "../reference/population";
import {
  CellInput,
  CellSpec,
  ColumnSpec,
  SheetSpec,
  absoluteRef,
  cellAddress,
  columnLetter,
  sheetRef,
} from "./port";

/*
 * The 2020 agreement's sheets (Befolkning, Villkor, Kontakter, Resultat, Utbetalningar), the
 * sheets the add-in owns for an allocation agreement, declared as data (SheetSpec) in Swedish or
 * English. (The 2024 assignment's sheets: assignment-sheets.ts.) Every address
 * anyone else needs (task pane, preview, tests) is exported here; nobody hard-codes "C15".
 *
 * Formulas use Excel's invariant syntax ("," between arguments) and absolute A1 references into
 * the input sheets under their ACTUAL names (agreement-insert.ts may have picked "Resultat (SJUK)"), so the
 * same sheets evaluate in Excel and in HyperFormula, and Excel's dependency graph sees every input.
 * No amount is computed here: money comes from SJUK formulas; the sheets only SUM SJUK cells.
 */

/** The sheets' languages and how one is chosen live in core (one rule for sheets, pane and cells). */
export { type Language, languageFor } from "../core/language";

export const SHEET_ROLES = ["population", "conditions", "contacts", "results", "payouts"] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];
/** The actual name of each owned sheet in a workbook. */
export type SheetNames = Record<SheetRole, string>;

export const DEFAULT_SHEET_NAMES: Record<Language, SheetNames> = {
  sv: {
    population: "Befolkning",
    conditions: "Villkor",
    contacts: "Kontakter",
    results: "Resultat",
    payouts: "Utbetalningar",
  },
  en: {
    population: "Population",
    conditions: "Conditions",
    contacts: "Contacts",
    results: "Results",
    payouts: "Payouts",
  },
};

/** Table names are workbook-wide and language-independent. The population table is the one SJUK.SHARE's short form reads. */
export const TABLE_NAMES: Record<SheetRole, string> = {
  population: POPULATION_TABLE,
  conditions: "SJUK_Villkor",
  contacts: "SJUK_Kontakter",
  results: "SJUK_Resultat",
  payouts: "SJUK_Utbetalningar",
};

/** Kronor, stored invariantly; Swedish Excel shows 1 234 567 kr. */
export const KRONOR_FORMAT = '#,##0 "kr"';
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const COUNT_FORMAT = "#,##0";

const agreement: AllocationAgreement = AGREEMENT_2020;
/** Regional posts, in the agreement's order: v1, v2, v3, v3-contacts, v4. */
export const REGIONAL_POSTS: readonly string[] = agreement.posts
  .filter((p) => p.recipient === "regions")
  .map((p) => p.id);
const CONTACT_POST = agreement.posts.find((p) => p.key.type === "per-unit")!.id;

/* ---------- where things are (rows are 1-based as in A1) ---------- */

/** Every input table's header row; its body is the 21 regions in county-code order below it. */
export const HEADER_ROW = 5;
export const FIRST_REGION_ROW = HEADER_ROW + 1; // 6
export const LAST_REGION_ROW = HEADER_ROW + REGIONS.length; // 26

function regionIndex(code: string): number {
  const i = REGIONS.findIndex((r) => r.code === code || r.name === code);
  if (i < 0) throw new Error(`no region ${code}`);
  return i;
}

export const POPULATION = {
  /** The key's date (text YYYY-MM-DD) and source, written above the table. */
  dateCell: "B2",
  sourceCell: "B3",
  /** The prompt to paste the 1 November 2019 figures. */
  promptCell: "A4",
  tableTopLeft: `A${HEADER_ROW}`,
  /** Columns: A code, B region, C figure. */
  figureColumn: "C",
  /** Code…figure of the 21 regions, the range every SJUK formula takes as its key. */
  keyRange: `A${FIRST_REGION_ROW}:C${LAST_REGION_ROW}`,
  /** The population cell of a region (county code or official name): Skåne → "C15". */
  cell: (region: string) => `C${FIRST_REGION_ROW + regionIndex(region)}`,
  /** Beside the table (not in it: the short form reads its last column): a warning for a figure of 0. */
  noteCell: (region: string) => `E${FIRST_REGION_ROW + regionIndex(region)}`,
} as const;

export const CONDITIONS = {
  tableTopLeft: `A${HEADER_ROW}`,
  /** Region, then one ja/nej column per regional post (headers are the post ids, as SJUK reads them). */
  range: `A${HEADER_ROW}:${columnLetter(REGIONAL_POSTS.length)}${LAST_REGION_ROW}`,
  /** The flag cell of a region and a regional post: ("12", "v1") → "B15". */
  cell: (region: string, post: string) => {
    const p = REGIONAL_POSTS.indexOf(post);
    if (p < 0) throw new Error(`${post} is not a regional post`);
    return cellAddress(FIRST_REGION_ROW - 1 + regionIndex(region), 1 + p);
  },
} as const;

/** SJUK.CONTACTS's parts, in the Kontakter sheet's column order (G, H, I, J). */
export const CONTACT_RESULT_PARTS = ["cap", "paid", "moved", "status"] as const;
export type ContactResultPart = (typeof CONTACT_RESULT_PARTS)[number];

const TREATMENTS: TreatmentColumn[] = [
  "mentalHealthWomen",
  "mentalHealthMen",
  "painWomen",
  "painMen",
];
export const CONTACTS = {
  tableTopLeft: `A${HEADER_ROW}`,
  /** Region, four treatment columns, contacts last (SJUK reads region in the first column, the figure in the last). */
  range: `A${FIRST_REGION_ROW}:F${LAST_REGION_ROW}`,
  contactsRange: `F${FIRST_REGION_ROW}:F${LAST_REGION_ROW}`,
  /** The contacts column's index in the table (0-based: region, four treatments, contacts). */
  contactsColumnIndex: 5,
  /** A region's contact count cell: Skåne → "F15". */
  cell: (region: string) => `F${FIRST_REGION_ROW + regionIndex(region)}`,
  /**
   * The computed columns beside the input (SJUK.CONTACTS): the region's cap, what it is paid,
   * what redistribution moved (paid − cap) and its status (over / under the cap, not reported).
   */
  resultColumns: CONTACT_RESULT_PARTS,
  /** A region's computed cell: ("12", "cap") → "G15". */
  resultCell: (region: string, part: ContactResultPart) =>
    cellAddress(FIRST_REGION_ROW - 1 + regionIndex(region), 6 + CONTACT_RESULT_PARTS.indexOf(part)),
  treatmentCell: (region: string, treatment: TreatmentColumn) =>
    cellAddress(FIRST_REGION_ROW - 1 + regionIndex(region), 1 + TREATMENTS.indexOf(treatment)),
} as const;

const RESULTS_HEADER_ROW = 6;
const RESULTS_FIRST = RESULTS_HEADER_ROW + 1; // 7
const RESULTS_LAST = RESULTS_HEADER_ROW + REGIONS.length; // 27
const RESULTS_SUM_ROW = RESULTS_LAST + 1; // 28
const RESULTS_POST_COLUMN = (post: string) => {
  const p = REGIONAL_POSTS.indexOf(post);
  if (p < 0) throw new Error(`${post} is not a regional post`);
  return columnLetter(2 + p);
};
const RESULTS_TOTAL_COLUMN = columnLetter(2 + REGIONAL_POSTS.length); // H

export const RESULTS = {
  /** Non-fulfilment rule: the agreement's rules, lapse (förfaller) or share (dela) for every regional post. */
  ruleCell: "C2",
  /** Redistribution key for villkor 3 contact money: population (befolkning) or unpaid contacts (obetalda-kontakter). */
  redistributionCell: "C3",
  /** The options as the SJUK functions read them, a formula over the two option cells. */
  optionsTextCell: "C4",
  tableTopLeft: `A${RESULTS_HEADER_ROW}`,
  /** A region's payment for a regional post, or "total" for its sum: ("12", "v1") → "C16". */
  cell: (region: string, post: string | "total") =>
    `${post === "total" ? RESULTS_TOTAL_COLUMN : RESULTS_POST_COLUMN(post)}${RESULTS_FIRST + regionIndex(region)}`,
  /** The sum of a post over the regions, or "total" for all regional posts: "v1" → "C28". */
  sumCell: (post: string | "total") =>
    `${post === "total" ? RESULTS_TOTAL_COLUMN : RESULTS_POST_COLUMN(post)}${RESULTS_SUM_ROW}`,
  /** Every region × post payment cell (no sums). */
  paymentsRange: `C${RESULTS_FIRST}:${columnLetter(1 + REGIONAL_POSTS.length)}${RESULTS_LAST}`,
  /** The whole body: code, region, posts, total per region. */
  bodyRange: `A${RESULTS_FIRST}:${RESULTS_TOTAL_COLUMN}${RESULTS_LAST}`,
  /** =SJUK.CHECK(...): TRUE when the scenario reproduces Table 1, else #VALUE! with the difference. */
  checkCell: `C${RESULTS_SUM_ROW + 2}`,
} as const;

const PAYOUTS_HEADER_ROW = 5;
const PAYOUT_POSTS = agreement.posts;
const PAYOUTS_FIRST = PAYOUTS_HEADER_ROW + 1;
const PAYOUTS_LAST = PAYOUTS_HEADER_ROW + PAYOUT_POSTS.length;
const PAYOUT_RECIPIENTS = [...new Set(PAYOUT_POSTS.map((p) => p.recipient))];
const PAYOUT_DATES = [...new Set(PAYOUT_POSTS.map((p) => p.payoutDate))]
  .filter((d) => d.length === 10)
  .sort();
const RECIPIENT_FIRST = PAYOUTS_LAST + 4;
const DATE_FIRST = RECIPIENT_FIRST + PAYOUT_RECIPIENTS.length + 3;

export const PAYOUTS = {
  tableTopLeft: `A${PAYOUTS_HEADER_ROW}`,
  /** Columns: A post, B description, C recipient, D payout date, E amount. One row per post of the agreement. */
  amountCell: (post: string) => {
    const i = PAYOUT_POSTS.findIndex((p) => p.id === post);
    if (i < 0) throw new Error(`${post} is not a post`);
    return `E${PAYOUTS_FIRST + i}`;
  },
  /** The sum of every post: must be 944 000 000 kr. */
  totalCell: `E${PAYOUTS_LAST + 1}`,
  /** Per recipient (agreement id: "regions", "SKR", …): the amount (SUMIF) in C and Table 1's figure (SJUK.TOTAL) in D. */
  recipientCell: (recipient: string) => {
    const i = (PAYOUT_RECIPIENTS as string[]).indexOf(recipient);
    if (i < 0) throw new Error(`${recipient} is not a recipient`);
    return `C${RECIPIENT_FIRST + i}`;
  },
  /** Per payout date (YYYY-MM-DD): the amount due that day. */
  dateCell: (isoDate: string) => {
    const i = PAYOUT_DATES.indexOf(isoDate);
    if (i < 0) throw new Error(`${isoDate} is not a payout date`);
    return `C${DATE_FIRST + i}`;
  },
  dates: PAYOUT_DATES,
  recipients: PAYOUT_RECIPIENTS,
} as const;

/* ---------- options ---------- */

/** The options a planner chooses; stored in settings (OPTIONS_SETTING) and written to the option cells. */
export interface WorkbookOptions {
  /** "agreement": each post's own rule (v1, v2, v3, v3-contacts lapse; v4 share). */
  nonFulfilment: "agreement" | "lapse" | "share";
  redistribution: RedistributionKey;
}
export const DEFAULT_OPTIONS: WorkbookOptions = {
  nonFulfilment: "agreement",
  redistribution: "population",
};

/** The words written into the option cells (and offered in their drop-downs). The SJUK functions read both languages. */
export const OPTION_WORDS: Record<
  Language,
  {
    nonFulfilment: Record<WorkbookOptions["nonFulfilment"], string>;
    redistribution: Record<RedistributionKey, string>;
  }
> = {
  sv: {
    nonFulfilment: { agreement: "avtalets regler", lapse: "förfaller", share: "dela" },
    redistribution: { population: "befolkning", "unpaid-contacts": "obetalda-kontakter" },
  },
  en: {
    nonFulfilment: { agreement: "agreement's rules", lapse: "lapse", share: "share" },
    redistribution: { population: "population", "unpaid-contacts": "unpaid-contacts" },
  },
};

/** The option cells' values for the chosen options: write them with port.writeSheets or readRange/… */
export function optionCellValues(
  language: Language,
  options: WorkbookOptions
): { [cell: string]: string } {
  const w = OPTION_WORDS[language];
  return {
    [RESULTS.ruleCell]: w.nonFulfilment[options.nonFulfilment],
    [RESULTS.redistributionCell]: w.redistribution[options.redistribution],
  };
}

/**
 * The language the option cells are written in (the sheet's language, whatever the pane's): the
 * language whose word the rule cell holds now, else the one whose word the redistribution cell
 * holds, else `fallback`. Options are written in it so that the drop-downs keep matching.
 */
export function optionCellsLanguage(
  rule: unknown,
  redistribution: unknown,
  fallback: Language
): Language {
  const text = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  const uses = (words: Record<string, string>, v: unknown) =>
    Object.values(words).some((w) => w.toLowerCase() === text(v));
  // "population"-like words may be the same in both languages: the fallback wins a tie.
  const order: Language[] = fallback === "sv" ? ["sv", "en"] : ["en", "sv"];
  return (
    order.find((l) => uses(OPTION_WORDS[l].nonFulfilment, rule)) ??
    order.find((l) => uses(OPTION_WORDS[l].redistribution, redistribution)) ??
    fallback
  );
}

/** Reads the option cells' words back (either language); undefined for a word neither language uses. */
export function optionsFromCells(
  rule: unknown,
  redistribution: unknown
): WorkbookOptions | undefined {
  const find = <K extends string>(
    pick: (l: Language) => Record<K, string>,
    value: unknown
  ): K | undefined => {
    const text = String(value ?? "")
      .trim()
      .toLowerCase();
    for (const l of ["sv", "en"] as Language[]) {
      const hit = (Object.entries(pick(l)) as [K, string][]).find(
        ([, word]) => word.toLowerCase() === text
      );
      if (hit) return hit[0];
    }
    return undefined;
  };
  const n = find((l) => OPTION_WORDS[l].nonFulfilment, rule);
  const r = find((l) => OPTION_WORDS[l].redistribution, redistribution);
  return n && r ? { nonFulfilment: n, redistribution: r } : undefined;
}

/* ---------- labels ---------- */

const LABELS = {
  sv: {
    yes: "ja",
    no: "nej",
    code: "Kod",
    region: "Region",
    population: "Befolkning",
    total: "Summa",
    populationTitle: "Befolkning – fördelningsnyckel för regionernas andelar",
    keyDate: "Nyckelns datum",
    keySource: "Källa",
    prompt: (date: string) =>
      `Avtalet fördelar efter folkmängden den 1 november 2019. Siffrorna nedan är SCB:s för ${date}, inte den 1 november 2019: klistra in SCB:s siffror för 1 november 2019 (BE0101A/FolkmangdNov) i kolumn C och skriv 2019-11-01 i B2.`,
    conditionsTitle: "Villkor – uppfyller regionen villkoret?",
    conditionsNote: "ja = uppfyllt, nej = inte uppfyllt; en tom cell räknas som uppfyllt.",
    contactsTitle: "Kontakter – villkor 3",
    contactsNote:
      "Behandlingar under 2020 (16–67 år) per område och kön, och kontakter med arbetsgivare eller Arbetsförmedlingen (3 000 kr per kontakt, högst regionens andel av 50 mnkr).",
    contactsEmpty:
      "Utan kontakter fördelas kontaktpengarna som en befolkningspost (som tabell 1 budgeterar).",
    treatments: {
      mentalHealthWomen: "Psykisk ohälsa kvinnor",
      mentalHealthMen: "Psykisk ohälsa män",
      painWomen: "Långvarig smärta kvinnor",
      painMen: "Långvarig smärta män",
    },
    contacts: "Kontakter",
    contactResults: { cap: "Tak", paid: "Utbetalt", moved: "Omfördelat", status: "Status" },
    contactsPartial:
      "En tom kontaktcell betyder ej rapporterat än: de andra regionernas belopp räknas som om den tar hela sitt tak. Tak, Utbetalt, Omfördelat (utbetalt − tak) och Status kommer från SJUK.CONTACTS.",
    populationNote: "Anmärkning",
    populationZero:
      "Befolkning 0: regionen får inget av posterna som fördelas efter befolkning. Kontrollera siffran.",
    resultsTitle:
      "Resultat – utbetalning per region och post (hela kronor, från SJUK-funktionerna)",
    rule: "Regel när ett villkor inte uppfylls",
    redistribution: "Omfördelning av kontaktpengar",
    optionsText: "Alternativ som SJUK-funktionerna läser",
    check: "Kontroll mot avtalets tabell 1",
    payoutsTitle: "Utbetalningar – per post, mottagare och dag",
    post: "Post",
    description: "Beskrivning",
    recipient: "Mottagare",
    payoutDate: "Utbetalas senast",
    yearOnly: (year: string) => `under ${year}`,
    reserved: (year: string) => `Reserverat under ${year}`,
    amount: "Belopp",
    table1: "Tabell 1",
    byRecipient: "Per mottagare",
    byDate: "Per utbetalningsdag",
    date: "Dag",
  },
  en: {
    yes: "yes",
    no: "no",
    code: "Code",
    region: "Region",
    population: "Population",
    total: "Total",
    populationTitle: "Population – the key for the regions' shares",
    keyDate: "Date of the key",
    keySource: "Source",
    prompt: (date: string) =>
      `The agreement splits by population on 1 November 2019. The figures below are SCB's for ${date}, not 1 November 2019: paste SCB's 1 November 2019 figures (BE0101A/FolkmangdNov) into column C and write 2019-11-01 in B2.`,
    conditionsTitle: "Conditions – does the region fulfil the condition?",
    conditionsNote: "yes = fulfilled, no = not fulfilled; a blank cell counts as fulfilled.",
    contactsTitle: "Contacts – condition 3",
    contactsNote:
      "Treatments in 2020 (ages 16–67) per area and sex, and contacts with employers or Arbetsförmedlingen (3 000 kr per contact, at most the region's share of 50 MSEK).",
    contactsEmpty:
      "Without contacts, the contact money is split like a population post (as Table 1 budgets it).",
    treatments: {
      mentalHealthWomen: "Mental health women",
      mentalHealthMen: "Mental health men",
      painWomen: "Pain women",
      painMen: "Pain men",
    },
    contacts: "Contacts",
    contactResults: { cap: "Cap", paid: "Paid", moved: "Moved", status: "Status" },
    contactsPartial:
      "A blank contact cell means not reported yet: the other regions are computed as if it takes its whole cap. Cap, Paid, Moved (paid − cap) and Status come from SJUK.CONTACTS.",
    populationNote: "Note",
    populationZero:
      "Population 0: the region gets nothing of the posts split by population. Check the figure.",
    resultsTitle: "Results – payment per region and post (whole kronor, from the SJUK functions)",
    rule: "Rule when a condition is not fulfilled",
    redistribution: "Redistribution of contact money",
    optionsText: "Options as the SJUK functions read them",
    check: "Check against the agreement's Table 1",
    payoutsTitle: "Payouts – per post, recipient and date",
    post: "Post",
    description: "Description",
    recipient: "Recipient",
    payoutDate: "Paid at the latest",
    yearOnly: (year: string) => `during ${year}`,
    reserved: (year: string) => `Reserved during ${year}`,
    amount: "Amount",
    table1: "Table 1",
    byRecipient: "By recipient",
    byDate: "By payout date",
    date: "Date",
  },
} as const;

/** The prompt above the population table for a key of the given date ("" once it is the agreement's 1 November 2019). */
export function populationPrompt(language: Language, date: string | null): string {
  return date === agreement.keyDate ? "" : LABELS[language].prompt(date || "?");
}

/** The column headers of each input table, as validateInputs and region-table.ts read them. */
export function headersOf(
  role: "population" | "conditions" | "contacts",
  language: Language
): string[] {
  const l = LABELS[language];
  if (role === "population") return [l.code, l.region, l.population];
  if (role === "conditions") return [l.region, ...REGIONAL_POSTS];
  return [l.region, ...TREATMENTS.map((t) => l.treatments[t]), l.contacts];
}

/* ---------- the sheets ---------- */

export interface LayoutInputs {
  /** Default: SCB's 31 December 2019 figures, labelled with that date. */
  population?: PopulationKey;
  /** Per post id, per region code; missing = fulfilled ("ja"). */
  fulfilment?: Record<string, Record<string, boolean>>;
  /** Villkor 3 counts; missing = blank cells (the contact money is then split like a population post). */
  contacts?: ContactCounts;
}

export interface LayoutParams {
  language: Language;
  /** Actual sheet names (default: DEFAULT_SHEET_NAMES[language]). */
  names?: SheetNames;
  inputs?: LayoutInputs;
  options?: WorkbookOptions;
}

const title = (value: string): CellSpec => ({ address: "A1", value, style: "title" });

export function populationSheet(p: LayoutParams): SheetSpec {
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const key = p.inputs?.population ?? shippedPopulationKey();
  const date = key.date ?? "";
  const columns: ColumnSpec[] = [
    { header: l.code, numberFormat: TEXT_FORMAT, width: 6 },
    { header: l.region, width: 28 },
    { header: l.population, numberFormat: COUNT_FORMAT, input: true, width: 14 },
  ];
  return {
    role: "population",
    name: names.population,
    cells: [
      title(l.populationTitle),
      { address: "A2", value: l.keyDate, style: "heading" },
      { address: POPULATION.dateCell, value: date, numberFormat: TEXT_FORMAT, style: "option" },
      { address: "A3", value: l.keySource, style: "heading" },
      { address: POPULATION.sourceCell, value: key.source, style: "note" },
      {
        address: POPULATION.promptCell,
        value: populationPrompt(p.language, key.date),
        style: "prompt",
      },
      { address: `E${HEADER_ROW}`, value: l.populationNote, style: "heading" },
      // A figure of 0 is allowed but worth a look: the engine warns, and so does the sheet.
      ...REGIONS.map((r): CellSpec => {
        const c = POPULATION.cell(r.code);
        return {
          address: POPULATION.noteCell(r.code),
          value: `=IF(AND(ISNUMBER(${c}),${c}=0),"${l.populationZero}","")`,
          style: "note",
        };
      }),
    ],
    tables: [
      {
        name: TABLE_NAMES.population,
        topLeft: POPULATION.tableTopLeft,
        columns,
        rows: REGIONS.map((r) => [r.code, r.name, Number(key.figures[r.code] ?? 0)]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 2,
    columnWidths: [...columns.map((c) => c.width ?? 12), 2, 40],
  };
}

export function conditionsSheet(p: LayoutParams): SheetSpec {
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const flags = p.inputs?.fulfilment ?? {};
  const columns: ColumnSpec[] = [
    { header: l.region, width: 28 },
    ...REGIONAL_POSTS.map((id): ColumnSpec => ({
      header: id,
      validation: [l.yes, l.no],
      input: true,
      width: 12,
    })),
  ];
  const legendColumn = columns.length + 1;
  return {
    role: "conditions",
    name: names.conditions,
    cells: [
      title(l.conditionsTitle),
      { address: "A2", value: l.conditionsNote, style: "note" },
      ...REGIONAL_POSTS.map((id, i): CellSpec => ({
        address: cellAddress(HEADER_ROW - 1 + i, legendColumn),
        value: `${id}: ${agreement.posts.find((x) => x.id === id)!.title[p.language]}`,
        style: "note",
      })),
    ],
    tables: [
      {
        name: TABLE_NAMES.conditions,
        topLeft: CONDITIONS.tableTopLeft,
        columns,
        rows: REGIONS.map((r) => [
          r.name,
          ...REGIONAL_POSTS.map((id) => (flags[id]?.[r.code] === false ? l.no : l.yes)),
        ]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

export function contactsSheet(p: LayoutParams): SheetSpec {
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const counts = p.inputs?.contacts;
  const columns: ColumnSpec[] = [
    { header: l.region, width: 28 },
    ...TREATMENTS.map((t): ColumnSpec => ({
      header: l.treatments[t],
      numberFormat: COUNT_FORMAT,
      input: true,
      width: 16,
    })),
    { header: l.contacts, numberFormat: COUNT_FORMAT, input: true, width: 12 },
    ...CONTACT_RESULT_PARTS.map((part): ColumnSpec => ({
      header: l.contactResults[part],
      ...(part === "status" ? {} : { numberFormat: KRONOR_FORMAT }),
      width: part === "status" ? 16 : 15,
    })),
  ];
  const num = (v: unknown): CellInput =>
    v === undefined || v === null || v === "" ? null : Number(v);
  // Money comes from SJUK.CONTACTS (the engine), over the same ranges and options as Resultat.
  const refs = formulaRefs(names);
  const redistribution = absoluteRef(names.results, RESULTS.redistributionCell);
  const contactPart = (row: number, part: ContactResultPart) =>
    `=SJUK.CONTACTS($A${row},${refs.key},${refs.contacts},${redistribution},${refs.fulfilment},"${part}")`;
  return {
    role: "contacts",
    name: names.contacts,
    cells: [
      title(l.contactsTitle),
      { address: "A2", value: l.contactsNote, style: "note" },
      { address: "A3", value: l.contactsEmpty, style: "note" },
      { address: "A4", value: l.contactsPartial, style: "note" },
    ],
    tables: [
      {
        name: TABLE_NAMES.contacts,
        topLeft: CONTACTS.tableTopLeft,
        columns,
        rows: REGIONS.map((r, i) => [
          r.name,
          ...TREATMENTS.map((t) => num(counts?.treatments?.[r.code]?.[t])),
          num(counts?.contacts[r.code]),
          ...CONTACT_RESULT_PARTS.map((part) => contactPart(FIRST_REGION_ROW + i, part)),
        ]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

/** The references every SJUK formula of the results sheet takes, under the sheets' actual names. */
export function formulaRefs(names: SheetNames) {
  return {
    key: absoluteRef(names.population, POPULATION.keyRange),
    fulfilment: absoluteRef(names.conditions, CONDITIONS.range),
    contacts: absoluteRef(names.contacts, CONTACTS.range),
    contactCounts: absoluteRef(names.contacts, CONTACTS.contactsRange),
    options: `$${RESULTS.optionsTextCell.replace(/(\d)/, "$$$1")}`,
    redistribution: `$${RESULTS.redistributionCell.replace(/(\d)/, "$$$1")}`,
  };
}

export function resultsSheet(p: LayoutParams): SheetSpec {
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const options = p.options ?? DEFAULT_OPTIONS;
  const words = OPTION_WORDS[p.language];
  const refs = formulaRefs(names);
  const ruleAbs = `$${RESULTS.ruleCell.replace(/(\d)/, "$$$1")}`;
  // Either language's "agreement's rules" means no rule word: a colleague's Office language may differ.
  const agreementWords = (["sv", "en"] as Language[])
    .map((lang) => `${ruleAbs}="${OPTION_WORDS[lang].nonFulfilment.agreement.replace(/"/g, '""')}"`)
    .join(",");
  const noContacts = `COUNT(${refs.contactCounts})=0`;

  const rows: CellInput[][] = REGIONS.map((r, i) => {
    const row = RESULTS_FIRST + i;
    const region = `$B${row}`;
    const posts = REGIONAL_POSTS.map((id) => {
      const post = `${RESULTS_POST_COLUMN(id)}$${RESULTS_HEADER_ROW}`;
      const share = `SJUK.SHARE(${region},${refs.key},${post},${refs.fulfilment},${refs.options})`;
      if (id !== CONTACT_POST) return `=${share}`;
      // With counts, villkor 3 contact money follows the contacts; without, it is split like a population post.
      return `=IF(${noContacts},${share},SJUK.CONTACTS(${region},${refs.key},${refs.contacts},${refs.redistribution},${refs.fulfilment}))`;
    });
    return [
      r.code,
      r.name,
      ...posts,
      `=SUM(C${row}:${columnLetter(1 + REGIONAL_POSTS.length)}${row})`,
    ];
  });

  const columns: ColumnSpec[] = [
    { header: l.code, numberFormat: TEXT_FORMAT, width: 6 },
    { header: l.region, width: 28 },
    ...REGIONAL_POSTS.map((id): ColumnSpec => ({
      header: id,
      numberFormat: KRONOR_FORMAT,
      width: 16,
    })),
    { header: l.total, numberFormat: KRONOR_FORMAT, width: 17 },
  ];
  const sumCells: CellSpec[] = [
    { address: `B${RESULTS_SUM_ROW}`, value: l.total, style: "total" },
    ...[...REGIONAL_POSTS, "total"].map((id): CellSpec => {
      const col = id === "total" ? RESULTS_TOTAL_COLUMN : RESULTS_POST_COLUMN(id);
      return {
        address: `${col}${RESULTS_SUM_ROW}`,
        value: `=SUM(${col}${RESULTS_FIRST}:${col}${RESULTS_LAST})`,
        numberFormat: KRONOR_FORMAT,
        style: "total",
      };
    }),
  ];
  // A range cannot pass through IF in HyperFormula, so the two cases are two calls.
  const check = `IF(${noContacts},SJUK.CHECK(${refs.key},${refs.fulfilment},"",${refs.options}),SJUK.CHECK(${refs.key},${refs.fulfilment},${refs.contacts},${refs.options}))`;
  const values = optionCellValues(p.language, options);
  return {
    role: "results",
    name: names.results,
    cells: [
      title(l.resultsTitle),
      { address: "A2", value: l.rule, style: "heading" },
      {
        address: RESULTS.ruleCell,
        value: values[RESULTS.ruleCell]!,
        style: "option",
        validation: Object.values(words.nonFulfilment),
      },
      { address: "A3", value: l.redistribution, style: "heading" },
      {
        address: RESULTS.redistributionCell,
        value: values[RESULTS.redistributionCell]!,
        style: "option",
        validation: Object.values(words.redistribution),
      },
      { address: "A4", value: l.optionsText, style: "note" },
      // "avtalets regler" / "agreement's rules" means no rule word: each post keeps its own rule.
      {
        address: RESULTS.optionsTextCell,
        value: `=TRIM(IF(OR(${agreementWords}),"",${ruleAbs})&" "&${refs.redistribution})`,
        style: "note",
      },
      ...sumCells,
      { address: `A${RESULTS_SUM_ROW + 2}`, value: l.check, style: "heading" },
      { address: RESULTS.checkCell, value: `=${check}`, style: "total" },
    ],
    tables: [{ name: TABLE_NAMES.results, topLeft: RESULTS.tableTopLeft, columns, rows }],
    frozenRows: RESULTS_HEADER_ROW,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

export function payoutsSheet(p: LayoutParams): SheetSpec {
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const recipientName = (id: string) => RECIPIENT_NAMES[id]?.[p.language] ?? id;
  const results = sheetRef(names.results);
  const rows: CellInput[][] = PAYOUT_POSTS.map((post) => [
    post.id,
    post.title[p.language],
    recipientName(post.recipient),
    // A year-only date ("2021") is written as text: as a number it would read as date serial 2021.
    // Money the agreement reserves (the follow-up) is not a payout: it says so.
    post.payoutDate.length === 10
      ? `=SJUK.PAYDATE("${post.id}")`
      : post.reservation
        ? l.reserved(post.payoutDate)
        : l.yearOnly(post.payoutDate),
    post.recipient === "regions"
      ? `=${results}!$${RESULTS.sumCell(post.id).replace(/(\d+)/, "$$$1")}`
      : `=SJUK.POST("${post.id}")`,
  ]);
  const columns: ColumnSpec[] = [
    { header: l.post, width: 12 },
    { header: l.description, width: 60 },
    { header: l.recipient, width: 30 },
    { header: l.payoutDate, numberFormat: DATE_FORMAT, width: 16 },
    { header: l.amount, numberFormat: KRONOR_FORMAT, width: 17 },
  ];
  const amounts = `$E$${PAYOUTS_FIRST}:$E$${PAYOUTS_LAST}`;
  const recipients = `$C$${PAYOUTS_FIRST}:$C$${PAYOUTS_LAST}`;
  const dates = `$D$${PAYOUTS_FIRST}:$D$${PAYOUTS_LAST}`;
  const cells: CellSpec[] = [
    title(l.payoutsTitle),
    { address: `D${PAYOUTS_LAST + 1}`, value: l.total, style: "total" },
    {
      address: PAYOUTS.totalCell,
      value: `=SUM(${amounts})`,
      numberFormat: KRONOR_FORMAT,
      style: "total",
    },
    {
      address: `F${PAYOUTS_LAST + 1}`,
      value: `=SJUK.TOTAL()`,
      numberFormat: KRONOR_FORMAT,
      style: "note",
    },
    { address: `A${RECIPIENT_FIRST - 1}`, value: l.byRecipient, style: "heading" },
    { address: `C${RECIPIENT_FIRST - 1}`, value: l.amount, style: "heading" },
    { address: `D${RECIPIENT_FIRST - 1}`, value: l.table1, style: "heading" },
    ...PAYOUT_RECIPIENTS.flatMap((id, i): CellSpec[] => {
      const row = RECIPIENT_FIRST + i;
      return [
        { address: `A${row}`, value: recipientName(id) },
        {
          address: `C${row}`,
          value: `=SUMIF(${recipients},A${row},${amounts})`,
          numberFormat: KRONOR_FORMAT,
        },
        { address: `D${row}`, value: `=SJUK.TOTAL("${id}")`, numberFormat: KRONOR_FORMAT },
      ];
    }),
    { address: `A${DATE_FIRST - 1}`, value: l.byDate, style: "heading" },
    { address: `B${DATE_FIRST - 1}`, value: l.date, style: "heading" },
    { address: `C${DATE_FIRST - 1}`, value: l.amount, style: "heading" },
    ...PAYOUT_DATES.flatMap((d, i): CellSpec[] => {
      const row = DATE_FIRST + i;
      const first = PAYOUT_POSTS.find((x) => x.payoutDate === d)!;
      return [
        { address: `B${row}`, value: `=SJUK.PAYDATE("${first.id}")`, numberFormat: DATE_FORMAT },
        {
          address: `C${row}`,
          value: `=SUMIF(${dates},B${row},${amounts})`,
          numberFormat: KRONOR_FORMAT,
        },
      ];
    }),
  ];
  return {
    role: "payouts",
    name: names.payouts,
    cells,
    tables: [{ name: TABLE_NAMES.payouts, topLeft: PAYOUTS.tableTopLeft, columns, rows }],
    frozenRows: PAYOUTS_HEADER_ROW,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

/** Every owned sheet of the 2020 agreement, inputs first (the order the tabs get). */
export function buildSheets(p: LayoutParams): SheetSpec[] {
  return [
    populationSheet(p),
    conditionsSheet(p),
    contactsSheet(p),
    resultsSheet(p),
    payoutsSheet(p),
  ];
}
