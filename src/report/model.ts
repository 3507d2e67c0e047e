import type { Language, Texts } from "../core/language";
import { groupDigits } from "../core/format";
import type { ComputeResult, PostResult } from "../engine/compute";
import { auditRows, type AuditTable, type Scenario } from "../scenarios";

/*
 * The decision report ("beslutsunderlag", issue 12 point 8) as data: what the .xlsx and the PDF
 * both show, in one language. Every amount is the engine's (a payment, a post's sum, a Table 1
 * figure); this only lays them out, and sums a recipient's payments per payout date.
 */

export interface ReportFact {
  label: string;
  value: string;
}

/** A line of the totals: a recipient group (Table 1's lines), its Table 1 figure and its payment. */
export interface TotalLine {
  label: string;
  table1: number | null;
  amount: number;
}

/** A payout date's column: a date, or a reservation's year. */
export interface DateColumn {
  key: string;
  label: string;
  amount: number;
}

/** A recipient's row: what it is paid on each payout date, and in all. */
export interface PayoutRow {
  code: string;
  name: string;
  amounts: number[];
  total: number;
}

export interface PostLine {
  id: string;
  title: string;
  recipient: string;
  budget: number;
  paid: number;
  date: string;
  rule: string;
  page: number;
}

export interface DecisionReport {
  lang: Language;
  /** The document's title and the scenario's name. */
  title: string;
  scenario: string;
  reportDate: string;
  facts: ReportFact[];
  totals: TotalLine[];
  /** The whole: Table 1's (the agreement's) total and the scenario's. */
  total: TotalLine;
  unpaid: { post: string; amount: number; reason: string }[];
  warnings: string[];
  dates: DateColumn[];
  payouts: PayoutRow[];
  posts: PostLine[];
  /** The calculation steps (auditRows) with the header on sheet row `firstRow - 1`. */
  steps(firstRow: number): AuditTable;
  /** Every heading and word the writers print, in the report's language. */
  words: Record<keyof typeof WORDS, string>;
}

const T = (sv: string, en: string): Texts => ({ sv, en });

export const WORDS = {
  title: T("Beslutsunderlag", "Decision report"),
  subtitle: T(
    "Utbetalning per mottagare och datum, med beräkningen för varje mottagare",
    "Payout per recipient and date, with the calculation for every recipient"
  ),
  summary: T("Sammanfattning", "Summary"),
  facts: T("Underlag", "Basis"),
  totals: T("Summor mot tabell 1", "Totals against Table 1"),
  recipient: T("Mottagare", "Recipient"),
  code: T("Kod", "Code"),
  table1: T("Tabell 1", "Table 1"),
  scenario: T("Scenariot", "The scenario"),
  difference: T("Skillnad", "Difference"),
  total: T("Totalt", "Total"),
  byDate: T("Per utbetalningsdag", "Per payout date"),
  date: T("Utbetalningsdag", "Payout date"),
  amount: T("Belopp", "Amount"),
  unpaid: T("Ej utbetalt", "Not paid out"),
  reason: T("Skäl", "Reason"),
  warnings: T("Varningar", "Warnings"),
  none: T("inga", "none"),
  payouts: T("Utbetalning per mottagare och datum", "Payout per recipient and date"),
  posts: T("Poster", "Posts"),
  post: T("Post", "Post"),
  postTitle: T("Benämning", "Title"),
  budget: T("Enligt överenskommelsen", "Under the agreement"),
  paid: T("Utbetalt", "Paid"),
  rule: T("Regel", "Rule"),
  page: T("Sida", "Page"),
  steps: T("Beräkning per post och mottagare", "Calculation per post and recipient"),
  stepsNote: T(
    "Vikt = nyckelns tal; andel = vikt / summan av vikterna; exakt belopp = andel × posten; golv = hela kronor under det exakta beloppet; de kronor som blir över går en i taget i restplatsordning (största rest först).",
    "Weight = the key's figure; share = weight / the sum of the weights; exact amount = share × the post; floor = the whole kronor below the exact amount; the kronor left over go one each in remainder-rank order (largest remainder first)."
  ),
  pageOf: T("Sida {n} av {m}", "Page {n} of {m}"),
};

const FACT = {
  agreement: T("Överenskommelse", "Agreement"),
  parties: T("Parter", "Parties"),
  signed: T("Undertecknad", "Signed"),
  agreementTotal: T("Överenskommelsens belopp", "The agreement's amount"),
  scenario: T("Scenario", "Scenario"),
  key: T("Fördelningsnyckel", "Key"),
  keyDate: T("Nyckelns datum", "The key's date"),
  keyTotal: T("Nyckelns summa", "The key's total"),
  agreementKey: T("Överenskommelsens nyckel", "The agreement's key"),
  rules: T("Regel när ett villkor inte uppfylls", "Rule when a condition is not met"),
  notMet: T("Villkor som inte uppfylls", "Conditions not met"),
  redistribution: T("Omfördelning av kontaktmedel", "Redistribution of contact money"),
  method: T("Avrundning", "Rounding"),
  contacts: T("Kontakter (villkor 3)", "Contacts (condition 3)"),
  decided: T("Beslutade belopp (högst-poster)", "Decided amounts (at-most posts)"),
  reportDate: T("Rapportens datum", "Date of the report"),
};

const OPTION = {
  lapse: T("andelen betalas inte ut", "the share is not paid"),
  share: T("de som uppfyller delar på posten", "those who fulfil share the post"),
  redistribute: T("taket omfördelas", "the cap is redistributed"),
  population: T("efter befolkning", "by population"),
  "unpaid-contacts": T("efter obetalda kontakter", "by unpaid contacts"),
  hamilton: T("största rest (Hamilton)", "largest remainder (Hamilton)"),
  "sainte-lague": T("Sainte-Laguë (divisormetod)", "Sainte-Laguë (divisor method)"),
  dhondt: T("D'Hondt (divisormetod)", "D'Hondt (divisor method)"),
  unknownDate: T("okänt", "unknown"),
  notAgreementDate: T("inte överenskommelsens datum {date}", "not the agreement's date {date}"),
  allMet: T("alla villkor uppfylls", "every condition is met"),
  contactsGiven: T("angivna för {n} mottagare", "given for {n} recipients"),
  contactsAssumed: T(
    "ej angivna: varje mottagare som uppfyller antas ta hela sitt tak",
    "not given: every fulfilling recipient is assumed to take its whole cap"
  ),
  ceilings: T("taken (inga beslut angivna)", "the ceilings (no decisions given)"),
  reserved: T("Reserverat under {year}", "Reserved during {year}"),
};

/** `1 234 567 kr` in Swedish, `SEK 1 234 567` in English. */
export function money(amount: number, lang: Language): string {
  return lang === "sv" ? `${groupDigits(amount)} kr` : `SEK ${groupDigits(amount)}`;
}

/** A decimal figure with its language's decimal mark and grouped whole part. */
export function decimal(value: number, places: number, lang: Language): string {
  const [whole, frac] = value.toFixed(places).split(".");
  return frac ? `${groupDigits(whole!)}${lang === "sv" ? "," : "."}${frac}` : groupDigits(whole!);
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** A payout date's label: the date, or "Reserverat under 2021" for a reservation's year. */
function dateLabel(post: PostResult, lang: Language): string {
  return post.reservation
    ? fill(OPTION.reserved[lang], { year: post.post.payoutDate })
    : post.post.payoutDate;
}

export interface ReportSource {
  scenario: Scenario;
  result: ComputeResult;
  lang: Language;
  /** The report's date, YYYY-MM-DD. */
  reportDate: string;
}

/** The decision report of a scenario's computed result. */
export function decisionReport({
  scenario,
  result,
  lang,
  reportDate,
}: ReportSource): DecisionReport {
  const words = Object.fromEntries(
    Object.entries(WORDS).map(([k, t]) => [k, t[lang]])
  ) as DecisionReport["words"];
  const a = result.agreement;
  const bodyName = (id: string) => a.bodies.find((b) => b.id === id)?.name[lang] ?? id;
  const groupName = (id: string) =>
    id === a.recipients.id ? a.recipients.name[lang] : bodyName(id);

  const totals = result.byRecipient.map((r) => ({
    label: groupName(r.recipient),
    table1: a.table1?.[r.recipient] ?? null,
    amount: r.amount,
  }));
  return {
    lang,
    title: words.title,
    scenario: scenario.name,
    reportDate,
    facts: facts(scenario, result, lang, reportDate),
    totals,
    total: { label: words.total, table1: a.total, amount: result.total },
    unpaid: result.unpaid.map((u) => ({ post: u.post, amount: u.amount, reason: u.reason })),
    // compute()'s warnings are English text until they become catalogue codes (README, Messages).
    warnings: result.warnings.map((w) => w.message),
    ...payoutTable(result, lang, bodyName),
    posts: result.posts.map((p) => ({
      id: p.post.id,
      title: p.post.title[lang],
      recipient: groupName(p.post.recipient),
      budget: p.decided ?? p.budget,
      paid: p.paid,
      date: dateLabel(p, lang),
      rule: p.rule ? OPTION[p.rule][lang] : "",
      page: p.post.page,
    })),
    steps: (firstRow) => withBodyNames(auditRows(result, lang, firstRow, 1), bodyName),
    words,
  };
}

/** auditRows names a body by its id (`government`): the report gives its name in words, no id. */
function withBodyNames(table: AuditTable, bodyName: (id: string) => string): AuditTable {
  for (const row of table.rows)
    if (typeof row[2] === "string" && row[3] === row[2])
      [row[2], row[3]] = [null, bodyName(row[2])];
  return table;
}

/** Per recipient (the set's members, then the bodies) and payout date: the sum of its payments. */
function payoutTable(
  result: ComputeResult,
  lang: Language,
  bodyName: (id: string) => string
): { dates: DateColumn[]; payouts: PayoutRow[] } {
  const dates: DateColumn[] = [];
  const rows = new Map<string, PayoutRow>();
  for (const m of result.byRegion)
    rows.set(m.recipient, { code: m.recipient, name: m.name, amounts: [], total: 0 });
  for (const p of result.posts) {
    let column = dates.findIndex((d) => d.key === p.post.payoutDate);
    if (column < 0) {
      dates.push({ key: p.post.payoutDate, label: dateLabel(p, lang), amount: 0 });
      column = dates.length - 1;
    }
    for (const pay of p.payments) {
      // A body has no code: its name (no technical id such as `government`) says who it is.
      const row = rows.get(pay.recipient) ?? {
        code: "",
        name: bodyName(pay.recipient),
        amounts: [],
        total: 0,
      };
      rows.set(pay.recipient, row);
      row.amounts[column] = (row.amounts[column] ?? 0) + pay.amount;
      row.total += pay.amount;
      dates[column]!.amount += pay.amount;
    }
  }
  // Dates in order (a reservation's year "2021" before "2021-…" dates of that year is fine).
  const order = dates.map((_, i) => i).sort((x, y) => dates[x]!.key.localeCompare(dates[y]!.key));
  const payouts = [...rows.values()].map((r) => ({
    ...r,
    amounts: order.map((i) => r.amounts[i] ?? 0),
  }));
  return { dates: order.map((i) => dates[i]!), payouts };
}

function facts(
  scenario: Scenario,
  result: ComputeResult,
  lang: Language,
  reportDate: string
): ReportFact[] {
  const a = result.agreement;
  const f = (k: keyof typeof FACT, value: string) => ({ label: FACT[k][lang], value });
  const o = (k: keyof typeof OPTION) => OPTION[k][lang];
  const memberName = new Map(result.byRegion.map((m) => [m.recipient, m.name]));
  const notMet = Object.entries(scenario.fulfilment ?? {})
    .map(([post, who]) => [post, Object.keys(who).filter((code) => who[code] === false)] as const)
    .filter(([, codes]) => codes.length > 0)
    .map(([post, codes]) => `${post}: ${codes.map((c) => memberName.get(c) ?? c).join(", ")}`);
  const rules = result.posts
    .filter((p) => p.rule)
    .map((p) => `${p.post.id}: ${o(p.rule!)}`)
    .join("; ");
  const decided = Object.entries(scenario.decided ?? {}).map(
    ([post, amount]) => `${post}: ${money(amount, lang)}`
  );
  const contacts = Object.keys(scenario.contacts ?? {}).length;
  const keyDate = result.key.date;
  return [
    f("agreement", `${a.title[lang]} (${a.id})`),
    f("parties", a.parties),
    f("signed", a.signed),
    f("agreementTotal", money(a.total, lang)),
    f("scenario", scenario.name),
    f("key", result.key.source),
    f(
      "keyDate",
      keyDate === null
        ? o("unknownDate")
        : keyDate === a.keyDate
          ? keyDate
          : `${keyDate} (${fill(o("notAgreementDate"), { date: a.keyDate })})`
    ),
    // A mix's figures are whole numbers in the mixed proportion, not people: no total to show.
    ...(scenario.key && "mix" in scenario.key
      ? []
      : [f("keyTotal", groupDigits(result.key.total))]),
    f("agreementKey", a.keyDescription[lang]),
    f("rules", rules),
    f("notMet", notMet.length > 0 ? notMet.join("; ") : o("allMet")),
    f("redistribution", o(result.redistribution)),
    f("method", o(result.method)),
    f("contacts", contacts > 0 ? fill(o("contactsGiven"), { n: contacts }) : o("contactsAssumed")),
    f("decided", decided.length > 0 ? decided.join("; ") : o("ceilings")),
    f("reportDate", reportDate),
  ];
}
