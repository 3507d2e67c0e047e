import { AGREEMENT_2020, SWEDISH_REGIONS, recipientName } from "../agreements";
import type { DecimalInput } from "../core/decimal";
import type { Language } from "../core/language";
import type { AllocationAgreement, Post } from "../agreements/schema";
import type {
  ContactCounts,
  PopulationKey,
  RedistributionKey,
  TreatmentColumn,
} from "../engine/inputs";
import { viewOf } from "../functions/agreement";
import { POPULATION_TABLE } from "../functions/spec";
import { shippedPopulationKey, sourceInLanguage } from "../reference/population";
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
 * An allocation agreement's sheets (Befolkning, Villkor, Kontakter, Resultat, Utbetalningar), the
 * sheets the add-in owns for it, laid out from the agreement's recipients and posts (the 2020
 * agreement's by default) and declared as data (SheetSpec) in Swedish or English. (The 2024 assignment's sheets: assignment-sheets.ts.) Every address
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

/* ---------- where things are (rows are 1-based as in A1) ---------- */

/** Every input table's header row; its body is the members (21 regions in county-code order) below it. */
export const HEADER_ROW = 5;
export const FIRST_REGION_ROW = HEADER_ROW + 1; // 6
const RESULTS_HEADER_ROW = 6;
const RESULTS_FIRST = RESULTS_HEADER_ROW + 1; // 7
const PAYOUTS_HEADER_ROW = 5;
const PAYOUTS_FIRST = PAYOUTS_HEADER_ROW + 1;

/**
 * Where everything of an agreement's sheets is, from its posts and recipients: the members'
 * rows, a key column per key the posts use, a units column per per-unit post, a column per
 * posts to the members, a payouts row per post. The 2020 agreement's is exported below as the
 * constants the pane and the tests read (POPULATION, RESULTS, …).
 */
export function layoutOf(agreement: AllocationAgreement = AGREEMENT_2020) {
  let layout = LAYOUTS.get(agreement);
  if (!layout) LAYOUTS.set(agreement, (layout = makeLayout(agreement)));
  return layout;
}
export type AgreementLayout = ReturnType<typeof makeLayout>;
const LAYOUTS = new WeakMap<AllocationAgreement, AgreementLayout>();

function makeLayout(agreement: AllocationAgreement) {
  const view = viewOf(agreement);
  const members = view.recipients.members;
  const lastRow = HEADER_ROW + members.length;
  const memberIndex = (code: string): number => {
    const i = members.findIndex((r) => r.code === code || r.name === code);
    if (i < 0) throw new Error(`no member ${code}`);
    return i;
  };
  const regionalPosts = view.regionalPosts;
  const postColumn = (post: string, offset: number) => {
    const p = regionalPosts.indexOf(post);
    if (p < 0) throw new Error(`${post} is not a regional post`);
    return columnLetter(offset + p);
  };
  // Units: treatments (villkor 3's, when a post counts "contacts") before the unit columns.
  const treatments = view.unitColumns.includes("contacts") ? TREATMENTS : [];
  const unitColumn = (column: string) => 1 + treatments.length + view.unitColumns.indexOf(column);
  const lastUnitColumn = treatments.length + view.unitColumns.length;
  const lastKeyColumn = columnLetter(1 + view.keyColumns.length);
  // The population note column: one empty column after the key columns (2020: E).
  const noteColumn = 3 + view.keyColumns.length;
  // The computed contact columns (SJUK.CONTACTS) after the unit columns, when a post counts contacts.
  const contactsPost = agreement.posts.find(
    (p) =>
      p.recipient === agreement.recipients.id &&
      p.key.type === "per-unit" &&
      p.key.column === "contacts"
  )?.id;

  const resultsLast = RESULTS_HEADER_ROW + members.length;
  const resultsSumRow = resultsLast + 1;
  const totalColumn = columnLetter(2 + regionalPosts.length);

  const posts = agreement.posts;
  const payoutsLast = PAYOUTS_HEADER_ROW + posts.length;
  const recipients = [...new Set(posts.map((p) => p.recipient))];
  const dates = [...new Set(posts.map((p) => p.payoutDate))].filter((d) => d.length === 10).sort();
  const recipientFirst = payoutsLast + 4;
  const dateFirst = recipientFirst + recipients.length + 3;
  const postRow = (post: string) => {
    const i = posts.findIndex((p) => p.id === post);
    if (i < 0) throw new Error(`${post} is not a post`);
    return PAYOUTS_FIRST + i;
  };

  return {
    agreement,
    members,
    lastRow,
    regionalPosts,
    keyColumns: view.keyColumns,
    unitColumns: view.unitColumns,
    treatments,
    POPULATION: {
      /** The key's date (text YYYY-MM-DD) and source, written above the table. */
      dateCell: "B2",
      sourceCell: "B3",
      /** The prompt to paste the figures of the agreement's key date. */
      promptCell: "A4",
      tableTopLeft: `A${HEADER_ROW}`,
      /** Columns: A code, B name, C the default key figure, then the other key columns. */
      figureColumn: "C",
      /** Code…key figures of every member, the range every SJUK formula takes as its key. */
      keyRange: `A${FIRST_REGION_ROW}:${lastKeyColumn}${lastRow}`,
      /** The default key cell of a member (code or official name): Skåne → "C15". */
      cell: (region: string) => `C${FIRST_REGION_ROW + memberIndex(region)}`,
      /** Beside the table (not in it: the short form reads its last column): a warning for a figure of 0. */
      noteColumn: columnLetter(noteColumn),
      noteCell: (region: string) =>
        cellAddress(FIRST_REGION_ROW - 1 + memberIndex(region), noteColumn),
      /** A key column's cell of a member. */
      keyCell: (region: string, column: string) =>
        cellAddress(
          FIRST_REGION_ROW - 1 + memberIndex(region),
          2 + view.keyColumns.indexOf(column)
        ),
    },
    CONDITIONS: {
      tableTopLeft: `A${HEADER_ROW}`,
      /** Member, then one ja/nej column per regional post (headers are the post ids, as SJUK reads them). */
      range: `A${HEADER_ROW}:${columnLetter(regionalPosts.length)}${lastRow}`,
      /** The flag cell of a member and a regional post: ("12", "v1") → "B15". */
      cell: (region: string, post: string) => {
        const p = regionalPosts.indexOf(post);
        if (p < 0) throw new Error(`${post} is not a regional post`);
        return cellAddress(FIRST_REGION_ROW - 1 + memberIndex(region), 1 + p);
      },
    },
    CONTACTS: {
      tableTopLeft: `A${HEADER_ROW}`,
      /** Member, treatments (villkor 3), the unit columns last (SJUK reads them from the end). */
      range: `A${FIRST_REGION_ROW}:${columnLetter(lastUnitColumn)}${lastRow}`,
      /** The last unit column (2020: the contacts). */
      contactsRange: `${columnLetter(lastUnitColumn)}${FIRST_REGION_ROW}:${columnLetter(lastUnitColumn)}${lastRow}`,
      /** The contacts column's index in the table (0-based: member, four treatments, contacts); -1: none. */
      contactsColumnIndex: view.unitColumns.includes("contacts") ? unitColumn("contacts") : -1,
      /** The per-unit post whose contacts the computed columns show; undefined: no such columns. */
      contactsPost,
      /**
       * The computed columns beside the input (SJUK.CONTACTS): the member's cap, what it is paid,
       * what redistribution moved (paid − cap) and its status (over / under the cap, not reported).
       */
      resultColumns: contactsPost ? CONTACT_RESULT_PARTS : ([] as readonly ContactResultPart[]),
      /** A member's computed cell: ("12", "cap") → "G15". */
      resultCell: (region: string, part: ContactResultPart) =>
        cellAddress(
          FIRST_REGION_ROW - 1 + memberIndex(region),
          lastUnitColumn + 1 + CONTACT_RESULT_PARTS.indexOf(part)
        ),
      /** A member's count cell of the (first) unit column: Skåne → "F15". */
      cell: (region: string, column: string = view.unitColumns[0] ?? "contacts") =>
        cellAddress(FIRST_REGION_ROW - 1 + memberIndex(region), unitColumn(column)),
      treatmentCell: (region: string, treatment: TreatmentColumn) =>
        cellAddress(FIRST_REGION_ROW - 1 + memberIndex(region), 1 + TREATMENTS.indexOf(treatment)),
    },
    RESULTS: {
      /** Non-fulfilment rule: the agreement's rules, lapse (förfaller) or share (dela) for every regional post. */
      ruleCell: "C2",
      /** Redistribution key for per-unit money: population (befolkning) or unpaid contacts (obetalda-kontakter). */
      redistributionCell: "C3",
      /** The options as the SJUK functions read them, a formula over the option cells and the decisions. */
      optionsTextCell: "C4",
      /** The agreement's title (its id is a literal in every SJUK formula of the sheets). */
      agreementCell: "C5",
      tableTopLeft: `A${RESULTS_HEADER_ROW}`,
      /** A member's payment for a regional post, or "total" for its sum: ("12", "v1") → "C16". */
      cell: (region: string, post: string | "total") =>
        `${post === "total" ? totalColumn : postColumn(post, 2)}${RESULTS_FIRST + memberIndex(region)}`,
      /** The sum of a post over the members, or "total" for all regional posts: "v1" → "C28". */
      sumCell: (post: string | "total") =>
        `${post === "total" ? totalColumn : postColumn(post, 2)}${resultsSumRow}`,
      /** Every member × post payment cell (no sums). */
      paymentsRange: `C${RESULTS_FIRST}:${columnLetter(1 + regionalPosts.length)}${resultsLast}`,
      /** The whole body: code, member, posts, total per member. */
      bodyRange: `A${RESULTS_FIRST}:${totalColumn}${resultsLast}`,
      /** =SJUK.CHECK(...): TRUE when the scenario reproduces Table 1, else #VALUE! with the difference. */
      checkCell: `C${resultsSumRow + 2}`,
      first: RESULTS_FIRST,
      last: resultsLast,
      sumRow: resultsSumRow,
      totalColumn,
      postColumn: (post: string) => postColumn(post, 2),
    },
    PAYOUTS: {
      tableTopLeft: `A${PAYOUTS_HEADER_ROW}`,
      /** Columns: A post (its title), B its page in the agreement, C recipient, D payout date, E amount, F decided, G fulfilled. */
      amountCell: (post: string) => `E${postRow(post)}`,
      /** A "högst" post's decided amount (blank: its ceiling). */
      decidedCell: (post: string) => `F${postRow(post)}`,
      /** Whether a body has fulfilled the condition its post requires (blank or ja: fulfilled). */
      fulfilledCell: (post: string) => `G${postRow(post)}`,
      /** The sum of every post: the agreement's total (944 000 000 kr in 2020). */
      totalCell: `E${payoutsLast + 1}`,
      /** Per recipient (agreement id: "regions", "SKR", …): the amount (SUMIF) in C and Table 1's figure (SJUK.TOTAL) in D. */
      recipientCell: (recipient: string) => {
        const i = recipients.indexOf(recipient);
        if (i < 0) throw new Error(`${recipient} is not a recipient`);
        return `C${recipientFirst + i}`;
      },
      /** Per payout date (YYYY-MM-DD): the amount due that day. */
      dateCell: (isoDate: string) => {
        const i = dates.indexOf(isoDate);
        if (i < 0) throw new Error(`${isoDate} is not a payout date`);
        return `C${dateFirst + i}`;
      },
      dates,
      recipients,
      last: payoutsLast,
      recipientFirst,
      dateFirst,
    },
  };
}

/** SJUK.CONTACTS's parts, in the Kontakter sheet's column order (G, H, I, J in 2020). */
export const CONTACT_RESULT_PARTS = ["cap", "paid", "moved", "status"] as const;
export type ContactResultPart = (typeof CONTACT_RESULT_PARTS)[number];

const TREATMENTS: readonly TreatmentColumn[] = [
  "mentalHealthWomen",
  "mentalHealthMen",
  "painWomen",
  "painMen",
];

const LAYOUT_2020 = layoutOf(AGREEMENT_2020);
/** The 2020 agreement's regional posts, in its order: v1, v2, v3, v3-contacts, v4. */
export const REGIONAL_POSTS: readonly string[] = LAYOUT_2020.regionalPosts;
export const LAST_REGION_ROW = LAYOUT_2020.lastRow; // 26
export const POPULATION = LAYOUT_2020.POPULATION;
export const CONDITIONS = LAYOUT_2020.CONDITIONS;
export const CONTACTS = LAYOUT_2020.CONTACTS;
export const RESULTS = LAYOUT_2020.RESULTS;
export const PAYOUTS = LAYOUT_2020.PAYOUTS;

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
    page: "Sida i överenskommelsen",
    recipient: "Mottagare",
    payoutDate: "Utbetalas senast",
    yearOnly: (year: string) => `under ${year}`,
    reserved: (year: string) => `Reserverat under ${year}`,
    amount: "Belopp",
    table1: "Tabell 1",
    byRecipient: "Per mottagare",
    byDate: "Per utbetalningsdag",
    date: "Dag",
    agreement: "Överenskommelse",
    decided: "Beslutat belopp (högst-poster)",
    fulfilled: "Villkoret uppfyllt (ja/nej)",
    keysTitle: (set: string) => `Nycklar – fördelningsnycklar för ${set.toLowerCase()}`,
    keysPrompt: (description: string) =>
      `Skriv in nycklarna: ${description}. Skriv nyckelns datum i B2 och dess källa i B3.`,
    unitsTitle: "Enheter – antal per mottagare för posterna som betalar per enhet",
    unitsNote: (units: string) =>
      `Antal ${units}. En kolumn som lämnas helt tom räknas som tillräckligt många enheter för att ta hela posten; en tom cell bland ifyllda betyder ej rapporterat än (mottagaren räknas som om den tar hela sitt tak och får inget förrän den rapporterat).`,
    unitCount: (unit: string) => `Antal (${unit})`,
    resultsTitleFor: (set: string) =>
      `Resultat – utbetalning per mottagare och post (${set.toLowerCase()}; hela kronor, från SJUK-funktionerna)`,
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
    page: "Page in the agreement",
    recipient: "Recipient",
    payoutDate: "Paid at the latest",
    yearOnly: (year: string) => `during ${year}`,
    reserved: (year: string) => `Reserved during ${year}`,
    amount: "Amount",
    table1: "Table 1",
    byRecipient: "By recipient",
    byDate: "By payout date",
    date: "Date",
    agreement: "Agreement",
    decided: "Decided amount (at-most posts)",
    fulfilled: "Condition fulfilled (yes/no)",
    keysTitle: (set: string) => `Keys – the keys for ${set.toLowerCase()}`,
    keysPrompt: (description: string) =>
      `Enter the keys: ${description}. Write the key's date in B2 and its source in B3.`,
    unitsTitle: "Units – counts per recipient for the posts paid per unit",
    unitsNote: (units: string) =>
      `Counts of ${units}. A column left wholly blank counts as units enough to take the whole post; a blank cell among filled ones means not reported yet (the recipient counts as taking its whole cap and is paid nothing until it reports).`,
    unitCount: (unit: string) => `Count (${unit})`,
    resultsTitleFor: (set: string) =>
      `Results – payment per recipient and post (${set.toLowerCase()}; whole kronor, from the SJUK functions)`,
  },
} as const;

type Labels = (typeof LABELS)[Language];

function postTitle(agreement: AllocationAgreement, id: string, lang: Language): string {
  return agreement.posts.find((x) => x.id === id)!.title[lang];
}

/** The prompt above the key table ("" once the key is dated the agreement's key date). */
export function populationPrompt(
  language: Language,
  date: string | null,
  agreement: AllocationAgreement = AGREEMENT_2020
): string {
  if (date === agreement.keyDate) return "";
  if (agreement === AGREEMENT_2020) return LABELS[language].prompt(date || "?");
  return LABELS[language].keysPrompt(
    `${agreement.keyDescription[language]} (${agreement.keyDate})`
  );
}

/** A key column's heading: the population, else the title of the first post keyed or capped by it. */
function keyHeader(l: Labels, agreement: AllocationAgreement, column: string, lang: Language) {
  if (column === "population") return l.population;
  const post = agreement.posts.find(
    (p) =>
      (p.key.type === "key" && p.key.column === column) ||
      (p.key.type === "per-unit" && p.key.cap.column === column)
  );
  return post ? post.title[lang] : column;
}

/** A unit column's heading: villkor 3's contacts, else the count of the post's unit ("hembesök"). */
function unitHeader(l: Labels, agreement: AllocationAgreement, column: string, lang: Language) {
  if (column === "contacts") return l.contacts;
  const post = agreement.posts.find((p) => p.key.type === "per-unit" && p.key.column === column);
  return post && post.key.type === "per-unit" ? l.unitCount(post.key.unit[lang]) : column;
}

/** The column headers of each input table, as validateInputs and region-table.ts read them. */
export function headersOf(
  role: "population" | "conditions" | "contacts",
  language: Language,
  agreement: AllocationAgreement = AGREEMENT_2020
): string[] {
  const l = LABELS[language];
  const layout = layoutOf(agreement);
  if (role === "population")
    return [
      l.code,
      l.region,
      ...layout.keyColumns.map((c) => keyHeader(l, agreement, c, language)),
    ];
  if (role === "conditions")
    return [l.region, ...layout.regionalPosts.map((id) => postTitle(agreement, id, language))];
  return [
    l.region,
    ...layout.treatments.map((t) => l.treatments[t]),
    ...layout.unitColumns.map((c) => unitHeader(l, agreement, c, language)),
  ];
}

/* ---------- the sheets ---------- */

export interface LayoutInputs {
  /** Default: SCB's 31 December 2019 figures for the 21 regions (another set: blank cells). */
  population?: PopulationKey;
  /** Other key columns by name (blank when not given). */
  keys?: Record<string, PopulationKey>;
  /** Per post id, per member code; missing = fulfilled ("ja"). */
  fulfilment?: Record<string, Record<string, boolean>>;
  /** Villkor 3 counts; missing = blank cells (the contact money is then split like a population post). */
  contacts?: ContactCounts;
  /** Other unit columns by name (blank when not given). */
  units?: Record<string, Record<string, DecimalInput>>;
  /** Per post id: a "högst" post's decided amount, a body's condition not fulfilled. */
  decisions?: Record<string, { decided?: number; fulfilled?: boolean }>;
}

export interface LayoutParams {
  language: Language;
  /** The agreement the sheets are for (default: the 2020 agreement). */
  agreement?: AllocationAgreement;
  /** Actual sheet names (default: DEFAULT_SHEET_NAMES[language]). */
  names?: SheetNames;
  inputs?: LayoutInputs;
  options?: WorkbookOptions;
}

const title = (value: string): CellSpec => ({ address: "A1", value, style: "title" });
const num = (v: unknown): CellInput =>
  v === undefined || v === null || v === "" ? null : Number(v);

function isSwedishRegions(agreement: AllocationAgreement): boolean {
  return agreement.recipients.members === SWEDISH_REGIONS;
}

export function populationSheet(p: LayoutParams): SheetSpec {
  const agreement = p.agreement ?? AGREEMENT_2020;
  const layout = layoutOf(agreement);
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  // The 21 regions' key defaults to SCB's shipped figures; another set's is for the user to enter.
  const shipped = isSwedishRegions(agreement) && agreement.keyColumn === "population";
  const key = p.inputs?.population ?? (shipped ? shippedPopulationKey() : undefined);
  const date = key?.date ?? "";
  const keyOf = (column: string) =>
    column === agreement.keyColumn ? key : p.inputs?.keys?.[column];
  const columns: ColumnSpec[] = [
    { header: l.code, numberFormat: TEXT_FORMAT, width: 6 },
    { header: l.region, width: 28 },
    ...layout.keyColumns.map((c): ColumnSpec => ({
      header: keyHeader(l, agreement, c, p.language),
      numberFormat: COUNT_FORMAT,
      input: true,
      width: 14,
    })),
  ];
  const titleText =
    agreement === AGREEMENT_2020
      ? l.populationTitle
      : l.keysTitle(agreement.recipients.name[p.language]);
  return {
    role: "population",
    name: names.population,
    cells: [
      title(titleText),
      { address: "A2", value: l.keyDate, style: "heading" },
      {
        address: layout.POPULATION.dateCell,
        value: date,
        numberFormat: TEXT_FORMAT,
        style: "option",
      },
      { address: "A3", value: l.keySource, style: "heading" },
      {
        address: layout.POPULATION.sourceCell,
        value: sourceInLanguage(key?.source ?? "", p.language),
        style: "note",
      },
      {
        address: layout.POPULATION.promptCell,
        value: populationPrompt(p.language, key?.date ?? null, agreement),
        style: "prompt",
      },
      {
        address: `${layout.POPULATION.noteColumn}${HEADER_ROW}`,
        value: l.populationNote,
        style: "heading",
      },
      // A figure of 0 is allowed but worth a look: the engine warns, and so does the sheet.
      ...layout.members.map((r): CellSpec => {
        const c = layout.POPULATION.cell(r.code);
        return {
          address: layout.POPULATION.noteCell(r.code),
          value: `=IF(AND(ISNUMBER(${c}),${c}=0),"${l.populationZero}","")`,
          style: "note",
        };
      }),
    ],
    tables: [
      {
        name: TABLE_NAMES.population,
        topLeft: layout.POPULATION.tableTopLeft,
        columns,
        rows: layout.members.map((r) => [
          r.code,
          r.name,
          ...layout.keyColumns.map((c) => {
            const figures = keyOf(c)?.figures;
            return shipped && c === agreement.keyColumn
              ? Number(figures?.[r.code] ?? 0)
              : num(figures?.[r.code]);
          }),
        ]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 2,
    columnWidths: [...columns.map((c) => c.width ?? 12), 2, 40],
  };
}

export function conditionsSheet(p: LayoutParams): SheetSpec {
  const agreement = p.agreement ?? AGREEMENT_2020;
  const layout = layoutOf(agreement);
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const flags = p.inputs?.fulfilment ?? {};
  const posts = layout.regionalPosts;
  // Headed by the posts' titles, not their ids: the readers and SJUK take either.
  const columns: ColumnSpec[] = [
    { header: l.region, width: 28 },
    ...posts.map((id): ColumnSpec => ({
      header: postTitle(agreement, id, p.language),
      validation: [l.yes, l.no],
      input: true,
      width: 24,
    })),
  ];
  return {
    role: "conditions",
    name: names.conditions,
    cells: [title(l.conditionsTitle), { address: "A2", value: l.conditionsNote, style: "note" }],
    tables: [
      {
        name: TABLE_NAMES.conditions,
        topLeft: layout.CONDITIONS.tableTopLeft,
        columns,
        rows: layout.members.map((r) => [
          r.name,
          ...posts.map((id) => (flags[id]?.[r.code] === false ? l.no : l.yes)),
        ]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

export function contactsSheet(p: LayoutParams): SheetSpec {
  const agreement = p.agreement ?? AGREEMENT_2020;
  const layout = layoutOf(agreement);
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const counts = p.inputs?.contacts;
  const columns: ColumnSpec[] = [
    { header: l.region, width: 28 },
    ...layout.treatments.map((t): ColumnSpec => ({
      header: l.treatments[t],
      numberFormat: COUNT_FORMAT,
      input: true,
      width: 16,
    })),
    ...layout.unitColumns.map((c): ColumnSpec => ({
      header: unitHeader(l, agreement, c, p.language),
      numberFormat: COUNT_FORMAT,
      input: true,
      width: c === "contacts" ? 12 : 16,
    })),
    ...layout.CONTACTS.resultColumns.map((part): ColumnSpec => ({
      header: l.contactResults[part],
      ...(part === "status" ? {} : { numberFormat: KRONOR_FORMAT }),
      width: part === "status" ? 16 : 15,
    })),
  ];
  const unitsOf = (column: string) =>
    column === "contacts" ? counts?.contacts : p.inputs?.units?.[column];
  // Money comes from SJUK.CONTACTS (the engine), over the same ranges and options as Resultat.
  const contactPart = contactPartFormula(names, agreement);
  const notes: CellSpec[] =
    agreement === AGREEMENT_2020
      ? [
          title(l.contactsTitle),
          { address: "A2", value: l.contactsNote, style: "note" },
          { address: "A3", value: l.contactsEmpty, style: "note" },
          { address: "A4", value: l.contactsPartial, style: "note" },
        ]
      : [
          title(l.unitsTitle),
          {
            address: "A2",
            value: l.unitsNote(
              agreement.posts
                .flatMap((x) => (x.key.type === "per-unit" ? [x.key.unit[p.language]] : []))
                .join(", ")
            ),
            style: "note",
          },
          ...(layout.CONTACTS.contactsPost
            ? [{ address: "A3", value: l.contactsPartial, style: "note" } as CellSpec]
            : []),
        ];
  return {
    role: "contacts",
    name: names.contacts,
    cells: notes,
    tables: [
      {
        name: TABLE_NAMES.contacts,
        topLeft: layout.CONTACTS.tableTopLeft,
        columns,
        rows: layout.members.map((r, i) => [
          r.name,
          ...layout.treatments.map((t) => num(counts?.treatments?.[r.code]?.[t])),
          ...layout.unitColumns.map((c) => num(unitsOf(c)?.[r.code])),
          ...layout.CONTACTS.resultColumns.map((part) => contactPart(FIRST_REGION_ROW + i, part)),
        ]),
      },
    ],
    frozenRows: HEADER_ROW,
    frozenColumns: 1,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

/** A Kontakter row's SJUK.CONTACTS formula for a part, over Resultat's ranges, options and agreement. */
function contactPartFormula(names: SheetNames, agreement: AllocationAgreement) {
  const layout = layoutOf(agreement);
  const refs = formulaRefs(names, agreement);
  const results = (cell: string) => absoluteRef(names.results, cell);
  // The whole options text (rule, redistribution, decisions): the paid column is Resultat's.
  const options = results(layout.RESULTS.optionsTextCell);
  const agreementId = agreementLiteral(agreement);
  const post = layout.CONTACTS.contactsPost;
  return (row: number, part: ContactResultPart) =>
    `=SJUK.CONTACTS($A${row},${refs.key},${refs.contacts},${options},${refs.fulfilment},${agreementId},"${post}","${part}")`;
}

const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** Text as a formula's string literal. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
const agreementLiteral = (agreement: AllocationAgreement) => literal(agreement.id);

/** The references every SJUK formula of the sheets takes, under the sheets' actual names. */
export function formulaRefs(names: SheetNames, agreement: AllocationAgreement = AGREEMENT_2020) {
  const layout = layoutOf(agreement);
  const results = sheetRef(names.results);
  return {
    key: absoluteRef(names.population, layout.POPULATION.keyRange),
    fulfilment: absoluteRef(names.conditions, layout.CONDITIONS.range),
    contacts: absoluteRef(names.contacts, layout.CONTACTS.range),
    contactCounts: absoluteRef(names.contacts, layout.CONTACTS.contactsRange),
    options: absolute(layout.RESULTS.optionsTextCell),
    redistribution: absolute(layout.RESULTS.redistributionCell),
    /** The agreement's id as a literal: the sheet shows its title, and no edit of a cell can switch it. */
    agreement: agreementLiteral(agreement),
    /** The same from another sheet (the payouts). */
    optionsFrom: `${results}!${absolute(layout.RESULTS.optionsTextCell)}`,
    agreementFrom: agreementLiteral(agreement),
  };
}

/**
 * The decisions the payouts sheet holds, as terms of the options text, each naming its post by
 * its title in the sheet's language (SJUK reads either language's): `; Villkor 3 Kontakter …=40000000`.
 * A condition left fulfilled (blank, ja, yes) adds nothing: it is the default.
 */
function decisionTerms(agreement: AllocationAgreement, names: SheetNames, lang: Language): string {
  const layout = layoutOf(agreement);
  const payouts = sheetRef(names.payouts);
  const term = (post: Post, cell: string, defaults: string[]) => {
    const ref = `${payouts}!${absolute(cell)}`;
    const unset = [`${ref}=""`, ...defaults.map((d) => `${ref}="${d}"`)].join(",");
    // A title with ; or = could not be read back as one term: such a post is named by its id.
    const title = /[;=]/.test(post.title[lang]) ? post.id : post.title[lang];
    return `&IF(OR(${unset}),"",${literal(`; ${title}=`)}&${ref})`;
  };
  const yes = [LABELS.sv.yes, LABELS.en.yes];
  return agreement.posts
    .flatMap((post) => [
      ...(post.atMost ? [term(post, layout.PAYOUTS.decidedCell(post.id), [])] : []),
      ...(post.requiresFulfilment ? [term(post, layout.PAYOUTS.fulfilledCell(post.id), yes)] : []),
    ])
    .join("");
}

export function resultsSheet(p: LayoutParams): SheetSpec {
  const agreement = p.agreement ?? AGREEMENT_2020;
  const layout = layoutOf(agreement);
  const { RESULTS: R, regionalPosts } = layout;
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const options = p.options ?? DEFAULT_OPTIONS;
  const words = OPTION_WORDS[p.language];
  const refs = formulaRefs(names, agreement);
  const ruleAbs = absolute(R.ruleCell);
  // Either language's "agreement's rules" means no rule word: a colleague's Office language may differ.
  const agreementWords = (["sv", "en"] as Language[])
    .map((lang) => `${ruleAbs}="${OPTION_WORDS[lang].nonFulfilment.agreement.replace(/"/g, '""')}"`)
    .join(",");

  const rows: CellInput[][] = layout.members.map((r, i) => {
    const row = R.first + i;
    const region = `$B${row}`;
    const posts = regionalPosts.map((id) => {
      const post = agreement.posts.find((x) => x.id === id)!;
      // A per-unit post reads the units (a blank units column: units enough for the whole post).
      if (post.key.type === "per-unit")
        return `=SJUK.CONTACTS(${region},${refs.key},${refs.contacts},${refs.options},${refs.fulfilment},${refs.agreement},"${id}")`;
      return `=SJUK.SHARE(${region},${refs.key},"${id}",${refs.fulfilment},${refs.options},${refs.agreement})`;
    });
    return [
      r.code,
      r.name,
      ...posts,
      `=SUM(C${row}:${columnLetter(1 + regionalPosts.length)}${row})`,
    ];
  });

  const columns: ColumnSpec[] = [
    { header: l.code, numberFormat: TEXT_FORMAT, width: 6 },
    { header: l.region, width: 28 },
    ...regionalPosts.map((id): ColumnSpec => ({
      header: agreement.posts.find((x) => x.id === id)!.title[p.language],
      numberFormat: KRONOR_FORMAT,
      width: 16,
    })),
    { header: l.total, numberFormat: KRONOR_FORMAT, width: 17 },
  ];
  const sumCells: CellSpec[] = [
    { address: `B${R.sumRow}`, value: l.total, style: "total" },
    ...[...regionalPosts, "total"].map((id): CellSpec => {
      const col = id === "total" ? R.totalColumn : R.postColumn(id);
      return {
        address: `${col}${R.sumRow}`,
        value: `=SUM(${col}${R.first}:${col}${R.last})`,
        numberFormat: KRONOR_FORMAT,
        style: "total",
      };
    }),
  ];
  const check = `SJUK.CHECK(${refs.key},${refs.fulfilment},${refs.contacts},${refs.options},${refs.agreement})`;
  const values = optionCellValues(p.language, options);
  const resultsTitle =
    agreement === AGREEMENT_2020
      ? l.resultsTitle
      : l.resultsTitleFor(agreement.recipients.name[p.language]);
  return {
    role: "results",
    name: names.results,
    cells: [
      title(resultsTitle),
      { address: "A2", value: l.rule, style: "heading" },
      {
        address: R.ruleCell,
        value: values[R.ruleCell]!,
        style: "option",
        validation: Object.values(words.nonFulfilment),
      },
      { address: "A3", value: l.redistribution, style: "heading" },
      {
        address: R.redistributionCell,
        value: values[R.redistributionCell]!,
        style: "option",
        validation: Object.values(words.redistribution),
      },
      { address: "A4", value: l.optionsText, style: "note" },
      // "avtalets regler" / "agreement's rules" means no rule word: each post keeps its own rule.
      // The payouts sheet's decisions (decided amounts, bodies' conditions) follow as post=value.
      {
        address: R.optionsTextCell,
        value: `=TRIM(IF(OR(${agreementWords}),"",${ruleAbs})&" "&${refs.redistribution}${decisionTerms(agreement, names, p.language)})`,
        style: "note",
      },
      { address: "A5", value: l.agreement, style: "heading" },
      { address: R.agreementCell, value: agreement.title[p.language], style: "note" },
      ...sumCells,
      { address: `A${R.sumRow + 2}`, value: l.check, style: "heading" },
      { address: R.checkCell, value: `=${check}`, style: "total" },
    ],
    tables: [{ name: TABLE_NAMES.results, topLeft: R.tableTopLeft, columns, rows }],
    frozenRows: RESULTS_HEADER_ROW,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

export function payoutsSheet(p: LayoutParams): SheetSpec {
  const agreement = p.agreement ?? AGREEMENT_2020;
  const layout = layoutOf(agreement);
  const P = layout.PAYOUTS;
  const l = LABELS[p.language];
  const names = p.names ?? DEFAULT_SHEET_NAMES[p.language];
  const name = (id: string) => recipientName(agreement, id, p.language);
  const results = sheetRef(names.results);
  const refs = formulaRefs(names, agreement);
  const ag = refs.agreementFrom;
  const decisions = p.inputs?.decisions ?? {};
  // A row shows its post's title (a re-insert reads it back); formulas name the post by id.
  const rows: CellInput[][] = agreement.posts.map((post) => [
    post.title[p.language],
    post.page,
    name(post.recipient),
    // A year-only date ("2021") is written as text: as a number it would read as date serial 2021.
    // Money the agreement reserves (the follow-up) is not a payout: it says so.
    post.payoutDate.length === 10
      ? `=SJUK.PAYDATE("${post.id}",${ag})`
      : post.reservation
        ? l.reserved(post.payoutDate)
        : l.yearOnly(post.payoutDate),
    post.recipient === agreement.recipients.id
      ? `=${results}!${absolute(layout.RESULTS.sumCell(post.id))}`
      : `=SJUK.PAID("${post.id}",${refs.key},${refs.fulfilment},${refs.contacts},${refs.optionsFrom},${ag})`,
    post.atMost ? num(decisions[post.id]?.decided) : null,
    post.requiresFulfilment ? (decisions[post.id]?.fulfilled === false ? l.no : l.yes) : null,
  ]);
  const columns: ColumnSpec[] = [
    { header: l.post, width: 60 },
    { header: l.page, width: 10 },
    { header: l.recipient, width: 30 },
    { header: l.payoutDate, numberFormat: DATE_FORMAT, width: 16 },
    { header: l.amount, numberFormat: KRONOR_FORMAT, width: 17 },
    { header: l.decided, numberFormat: KRONOR_FORMAT, input: true, width: 17 },
    { header: l.fulfilled, input: true, width: 14 },
  ];
  const last = P.last;
  const amounts = `$E$${PAYOUTS_FIRST}:$E$${last}`;
  const recipients = `$C$${PAYOUTS_FIRST}:$C$${last}`;
  const dates = `$D$${PAYOUTS_FIRST}:$D$${last}`;
  const cells: CellSpec[] = [
    title(l.payoutsTitle),
    { address: `D${last + 1}`, value: l.total, style: "total" },
    {
      address: P.totalCell,
      value: `=SUM(${amounts})`,
      numberFormat: KRONOR_FORMAT,
      style: "total",
    },
    {
      address: `F${last + 1}`,
      value: `=SJUK.TOTAL(,${ag})`,
      numberFormat: KRONOR_FORMAT,
      style: "note",
    },
    { address: `A${P.recipientFirst - 1}`, value: l.byRecipient, style: "heading" },
    { address: `C${P.recipientFirst - 1}`, value: l.amount, style: "heading" },
    { address: `D${P.recipientFirst - 1}`, value: l.table1, style: "heading" },
    ...P.recipients.flatMap((id, i): CellSpec[] => {
      const row = P.recipientFirst + i;
      const stated = agreement.table1?.[id];
      return [
        { address: `A${row}`, value: name(id) },
        {
          address: `C${row}`,
          value: `=SUMIF(${recipients},A${row},${amounts})`,
          numberFormat: KRONOR_FORMAT,
        },
        // Table 1's figure where the agreement states one (Table 1 may be partial).
        ...(stated === undefined && agreement.table1 !== undefined
          ? []
          : [
              {
                address: `D${row}`,
                value: `=SJUK.TOTAL("${id}",${ag})`,
                numberFormat: KRONOR_FORMAT,
              },
            ]),
      ];
    }),
    { address: `A${P.dateFirst - 1}`, value: l.byDate, style: "heading" },
    { address: `B${P.dateFirst - 1}`, value: l.date, style: "heading" },
    { address: `C${P.dateFirst - 1}`, value: l.amount, style: "heading" },
    ...P.dates.flatMap((d, i): CellSpec[] => {
      const row = P.dateFirst + i;
      const first = agreement.posts.find((x) => x.payoutDate === d)!;
      return [
        {
          address: `B${row}`,
          value: `=SJUK.PAYDATE("${first.id}",${ag})`,
          numberFormat: DATE_FORMAT,
        },
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
    tables: [{ name: TABLE_NAMES.payouts, topLeft: P.tableTopLeft, columns, rows }],
    frozenRows: PAYOUTS_HEADER_ROW,
    columnWidths: columns.map((c) => c.width ?? 12),
  };
}

/** Every owned sheet of an agreement (default: the 2020 agreement), inputs first (the order the tabs get). */
export function buildSheets(p: LayoutParams): SheetSpec[] {
  return [
    populationSheet(p),
    conditionsSheet(p),
    contactsSheet(p),
    resultsSheet(p),
    payoutsSheet(p),
  ];
}
