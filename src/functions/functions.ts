/*
 * The SJUK custom functions for Excel. Each declaration's JSDoc is its metadata
 * (CustomFunctionsMetadataPlugin writes functions.json from it; Excel adds the SJUK namespace);
 * each body hands its arguments to the shared runner, which holds the declared signature.
 * Descriptions: English, then Swedish.
 */
import { readPopulationTableForShortForm, runForExcel } from "./office-host";

/**
 * A region's payment in whole kronor for one regional post, or for all regional posts when post is empty. Without a key it reads the SJUK_Befolkning table. — Regionens utbetalning i hela kronor för en post, eller för alla regionala poster om post är tom. Utan nyckel läses tabellen SJUK_Befolkning.
 * @customfunction SHARE
 * @requiresAddress
 * @param region Region: name, short name or county code, e.g. "Region Skåne", "skåne" or 12. — Region: namn, kortnamn eller länskod.
 * @param [key] The key: 21 figures in county-code order, or region and figure columns, e.g. Befolkning[Invånare]. — Nyckeln: 21 tal i länskodsordning, eller kolumner med region och tal.
 * @param [post] A regional post id: v1, v2, v3, v3-contacts or v4; empty for all. — Regional post; tom för alla.
 * @param [fulfilment] Fulfilment flags: a row of post ids, then ja/nej per region. — Uppfyllelse: en rad med post-id, sedan ja/nej per region.
 * @param [options] Options, e.g. "share" or "v1=share, unpaid-contacts". — Alternativ, t.ex. "dela" eller "v1=share".
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns Whole kronor. — Hela kronor.
 * @example =SJUK.SHARE("Region Skåne"; Befolkning[Invånare]; "v1")
 */
export async function share(
  region: any,
  key: any[][],
  post: any,
  fulfilment: any[][],
  options: any,
  agreement: any,
  invocation: CustomFunctions.Invocation
): Promise<number> {
  const table =
    key === null ? await readPopulationTableForShortForm(invocation.address) : undefined;
  const args = [region, key, post, fulfilment, options, agreement];
  const host = { readPopulationTable: () => table };
  return runForExcel("SHARE", args, host, invocation.address) as number;
}

/**
 * Every region's payment per regional post in one call: 21 rows (county-code order) and one column per regional post (v1, v2, v3, v3-contacts, v4), or one column for the post given; another agreement's members and posts with its id. — Alla regioners utbetalning per regional post i ett anrop: 21 rader i länskodsordning och en kolumn per regional post, eller en kolumn för den post som anges; en annan överenskommelses mottagare och poster med dess id.
 * @customfunction SHARES
 * @param key The key: 21 figures in county-code order, or region and figure columns. — Nyckeln: 21 tal i länskodsordning, eller kolumner med region och tal.
 * @param [post] A regional post id; empty for every regional post. — Regional post; tom för alla.
 * @param [fulfilment] Fulfilment flags: a row of post ids, then ja/nej per region. — Uppfyllelse: en rad med post-id, sedan ja/nej per region.
 * @param [contacts] Contacts per region (21 counts, or region and count columns). — Kontakter per region.
 * @param [options] Options, e.g. "share" or "v1=share, unpaid-contacts". — Alternativ.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns Whole kronor, regions × posts; "not reported" for contact money whose contacts are blank. — Hela kronor, regioner × poster.
 * @example =SJUK.SHARES(Befolkning[Invånare])
 */
export function shares(
  key: any[][],
  post: any,
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any
): any[][] {
  return runForExcel("SHARES", [key, post, fulfilment, contacts, options, agreement]) as any[][];
}

/**
 * A saved scenario's payment to a region, for one post or for all regional posts when post is empty. Give the saved scenarios as a range (the SJUK_Scenarier table), so that the cell recalculates when a scenario changes. — Ett sparat scenarios utbetalning till en region, för en post eller för alla regionala poster om post är tom. Ange de sparade scenarierna som ett område (tabellen SJUK_Scenarier), så att cellen räknas om när ett scenario ändras.
 * @customfunction SCENARIO
 * @param name The scenario's name, e.g. "Gotland utan villkor 2". — Scenariots namn.
 * @param region Region: name, short name or county code. — Region: namn, kortnamn eller länskod.
 * @param scenarios The saved scenarios: the SJUK_Scenarier table (or its Scenario (JSON) column). — De sparade scenarierna: tabellen SJUK_Scenarier.
 * @param [post] A post id, e.g. v1 or v3-contacts; empty for every regional post. — Post-id; tom för alla regionala poster.
 * @returns Whole kronor. — Hela kronor.
 * @example =SJUK.SCENARIO("Gotland utan villkor 2"; "Gotland"; SJUK_Scenarier; "v2")
 */
export async function scenario(
  name: any,
  region: any,
  scenarios: any[][],
  post: any
): Promise<number> {
  // The scenario schema (zod) is a chunk of its own, loaded the first time a cell needs it.
  const { resolveSavedScenario } = await import(
    /* webpackChunkName: "scenarios" */ "../scenarios/resolve"
  );
  return runForExcel("SCENARIO", [name, region, scenarios, post], {
    resolveScenario: resolveSavedScenario,
  }) as number;
}

/**
 * Splits whole kronor over weights by the largest remainder (or a divisor method); the parts spill beside the weights and add up exactly to the amount. — Fördelar hela kronor efter vikter med största rest (eller en uddatalsmetod); delarna summerar exakt till beloppet.
 * @customfunction ALLOCATE
 * @requiresAddress
 * @param amount Whole kronor to split, e.g. 100000000. — Hela kronor att fördela.
 * @param weights The weights (non-negative). — Vikterna (icke-negativa).
 * @param [method] hamilton (largest remainder, default), sainte-lague or dhondt. — största rest (standard), jämkade uddatalsmetoden eller d'hondt.
 * @returns Whole kronor per weight. — Hela kronor per vikt.
 * @example =SJUK.ALLOCATE(100000000; Befolkning[Invånare])
 */
export function allocate(
  amount: any,
  weights: any[][],
  method: any,
  invocation: CustomFunctions.Invocation
): number[][] {
  return runForExcel("ALLOCATE", [amount, weights, method], {}, invocation.address) as number[][];
}

/**
 * A post's amount in the 2020 agreement, in kronor. — Postens belopp i 2020 års överenskommelse, i kronor.
 * @customfunction POST
 * @requiresAddress
 * @param post A post: its id, e.g. "v1" or "v4-skr", or its title. — Post: id eller titel.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns Kronor. — Kronor.
 * @example =SJUK.POST("v3")
 */
export function post(post: any, agreement: any, invocation: CustomFunctions.Invocation): number {
  return runForExcel("POST", [post, agreement], {}, invocation.address) as number;
}

/**
 * What a post pays in a scenario: a regional post's sum over the members; a body's post after its condition and a decided amount given in options (v4-skr=nej, dev-fk=8000000). — Vad en post betalar ut i ett scenario.
 * @customfunction PAID
 * @requiresAddress
 * @param post A post: its id, e.g. "v4-skr", or its title. — Post: id eller titel.
 * @param key The key range. — Nyckeln.
 * @param [fulfilment] Fulfilment flags. — Uppfyllelse.
 * @param [contacts] Unit counts per region (contacts). — Enheter per region (kontakter).
 * @param [options] Options and decisions, e.g. "v4-skr=nej, dev-fk=8000000". — Alternativ och beslut.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns Kronor. — Kronor.
 * @example =SJUK.PAID("v4-skr"; Befolkning[Invånare]; ; ; "v4-skr=nej")
 */
export function paid(
  post: any,
  key: any[][],
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any,
  invocation: CustomFunctions.Invocation
): number {
  const args = [post, key, fulfilment, contacts, options, agreement];
  return runForExcel("PAID", args, {}, invocation.address) as number;
}

/**
 * The agreement's total for a recipient (regions, SKR, Försäkringskassan, Socialstyrelsen, government), or the whole agreement when empty. — Överenskommelsens summa för en mottagare, eller hela summan om tom.
 * @customfunction TOTAL
 * @requiresAddress
 * @param [recipient] regions, SKR, Försäkringskassan, Socialstyrelsen or government. — Mottagare.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns Kronor. — Kronor.
 * @example =SJUK.TOTAL("SKR")
 */
export function total(
  recipient: any,
  agreement: any,
  invocation: CustomFunctions.Invocation
): number {
  return runForExcel("TOTAL", [recipient, agreement], {}, invocation.address) as number;
}

/**
 * A post's payout date (latest), as an Excel date. — Postens sista utbetalningsdag, som Excel-datum.
 * @customfunction PAYDATE
 * @requiresAddress
 * @param post A post: its id, e.g. "v3-contacts", or its title. — Post: id eller titel.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns An Excel date serial. — Ett Excel-datum.
 * @example =SJUK.PAYDATE("v3-contacts")
 */
export function paydate(post: any, agreement: any, invocation: CustomFunctions.Invocation): number {
  return runForExcel("PAYDATE", [post, agreement], {}, invocation.address) as number;
}

/**
 * A region's villkor 3 contact money after redistribution: 3 000 kr per contact, capped at its population share of 50 MSEK. — Regionens kontaktersättning i villkor 3 efter omfördelning.
 * @customfunction CONTACTS
 * @requiresAddress
 * @param region Region: name, short name or county code. — Region.
 * @param key The population key (21 figures, or region and figure columns). — Befolkningsnyckeln.
 * @param contacts Contacts per region (21 counts, or region and count columns). — Kontakter per region.
 * @param [redistribution] population (default) or unpaid-contacts. — befolkning eller obetalda-kontakter.
 * @param [fulfilment] Fulfilment flags; a region not fulfilling v3-contacts gets no contact money. — Uppfyllelse.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @param [post] A per-unit post; empty for the agreement's first (v3-contacts). — En post per enhet; tom för den första.
 * @param [part] paid (default), cap, moved (paid − cap: + received, − left to others) or status (over/under the cap, not reported). — utbetalt, tak, omfördelat eller status.
 * @returns Whole kronor, or "not reported" for a region whose contacts are blank. — Hela kronor, eller "ej rapporterat".
 * @example =SJUK.CONTACTS("Skåne"; Befolkning[Invånare]; Kontakter[Kontakter]; "unpaid-contacts")
 */
export function contacts(
  region: any,
  key: any[][],
  contacts: any[][],
  redistribution: any,
  fulfilment: any[][],
  agreement: any,
  post: any,
  part: any,
  invocation: CustomFunctions.Invocation
): any {
  const args = [region, key, contacts, redistribution, fulfilment, agreement, post, part];
  return runForExcel("CONTACTS", args, {}, invocation.address);
}

/**
 * How a region's payment moves, per regional post and in total, when its own key figure changes by delta (default 1 000): a table of 7 rows and 6 columns. — Hur regionens utbetalning ändras, per regional post och totalt, när dess eget nyckeltal ändras med ändringen (standard 1 000).
 * @customfunction SENSITIVITY
 * @param region Region: name, short name or county code. — Region: namn, kortnamn eller länskod.
 * @param key The key range. — Nyckeln.
 * @param [delta] The change of the region's key figure, e.g. 1000. — Ändringen av regionens nyckeltal, t.ex. 1000.
 * @param [fulfilment] Fulfilment flags. — Uppfyllelse.
 * @param [contacts] Contacts per region. — Kontakter per region.
 * @param [options] Options, e.g. "share" or "sainte-lague". — Alternativ.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns A table: post, payment, payment at key − delta and + delta, and the changes. — En tabell: post, utbetalning, utbetalning vid nyckel − ändring och + ändring, och ändringarna.
 * @example =SJUK.SENSITIVITY("Gotland"; Befolkning[Invånare]; 1000)
 */
export function sensitivity(
  region: any,
  key: any[][],
  delta: any,
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any
): any[][] {
  const args = [region, key, delta, fulfilment, contacts, options, agreement];
  return runForExcel("SENSITIVITY", args) as any[][];
}

/**
 * Who gains and who loses, region by region, when a region does not fulfil a regional post: a table of 24 rows and 4 columns (the 21 regions, the money not paid out, the total; another agreement's members with its id). — Vilka regioner som vinner och förlorar när en region inte uppfyller en regional post.
 * @customfunction IMPACT
 * @param region The region that does not fulfil. — Regionen som inte uppfyller.
 * @param post A regional post id: v1, v2, v3, v3-contacts or v4. — Regional post.
 * @param key The key range. — Nyckeln.
 * @param [fulfilment] Other fulfilment flags. — Övrig uppfyllelse.
 * @param [contacts] Contacts per region. — Kontakter per region.
 * @param [options] Options. — Alternativ.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns A table: region, payment when it fulfils, when it does not, difference. — En tabell: region, utbetalning om den uppfyller, om den inte gör det, skillnad.
 * @example =SJUK.IMPACT("Gotland"; "v4"; Befolkning[Invånare])
 */
export function impact(
  region: any,
  post: any,
  key: any[][],
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any
): any[][] {
  const args = [region, post, key, fulfilment, contacts, options, agreement];
  return runForExcel("IMPACT", args) as any[][];
}

/**
 * The steps behind a region's payment for a post, as a table: weight, share, exact amount, rounding and redistribution rounds. — Stegen bakom en regions utbetalning: vikt, andel, exakt belopp, avrundning och omfördelning.
 * @customfunction EXPLAIN
 * @param region Region. — Region.
 * @param post A regional post id. — Regional post.
 * @param key The key range. — Nyckeln.
 * @param [fulfilment] Fulfilment flags. — Uppfyllelse.
 * @param [contacts] Contacts per region. — Kontakter per region.
 * @param [options] Options. — Alternativ.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns A table of 36 rows and 3 columns (more for an agreement of more than 22 members with per-unit posts); the share as a per-cent number. — En tabell med 36 rader och 3 kolumner; andelen som ett tal i procent.
 * @example =SJUK.EXPLAIN("Skåne"; "v1"; Befolkning[Invånare])
 */
export function explain(
  region: any,
  post: any,
  key: any[][],
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any
): any[][] {
  const args = [region, post, key, fulfilment, contacts, options, agreement];
  return runForExcel("EXPLAIN", args) as any[][];
}

/**
 * TRUE when the scenario's sums match Table 1 of the agreement; otherwise an error saying what differs. — SANT när summorna stämmer med tabell 1; annars ett fel som säger vad som skiljer.
 * @customfunction CHECK
 * @requiresAddress
 * @param key The key range. — Nyckeln.
 * @param [fulfilment] Fulfilment flags. — Uppfyllelse.
 * @param [contacts] Contacts per region. — Kontakter per region.
 * @param [options] Options. — Alternativ.
 * @param [agreement] The agreement's id, e.g. "sjuk-2020" (default) or one the workbook holds. — Överenskommelsens id; tom för 2020 års.
 * @returns TRUE or an error. — SANT eller ett fel.
 * @example =SJUK.CHECK(Befolkning[Invånare])
 */
export function check(
  key: any[][],
  fulfilment: any[][],
  contacts: any[][],
  options: any,
  agreement: any,
  invocation: CustomFunctions.Invocation
): boolean {
  const args = [key, fulfilment, contacts, options, agreement];
  return runForExcel("CHECK", args, {}, invocation.address) as boolean;
}

/**
 * The grant of the 2024 assignment to Socialstyrelsen for a year, in kronor. Planned years (2025, 2026) count only once the Riksdag has appropriated the money, with the amount appropriated. — Bidraget för ett år i 2024 års uppdrag till Socialstyrelsen; planerade år räknas först när riksdagen anvisat medlen.
 * @customfunction GRANT
 * @requiresAddress
 * @param year The year, e.g. 2024. — Året.
 * @param [confirmed] For a planned year: the amount the Riksdag appropriated, once it has (blank until then). — För ett planerat år: beloppet riksdagen anvisat.
 * @returns Kronor. — Kronor.
 * @example =SJUK.GRANT(2024)
 */
export function grant(year: any, confirmed: any, invocation: CustomFunctions.Invocation): number {
  return runForExcel("GRANT", [year, confirmed], {}, invocation.address) as number;
}

/**
 * Unused funds to repay for a year: requisitioned minus spent, never below zero; an error when the entries break the decision's rules. — Oanvända medel att återbetala: rekvirerat minus förbrukat; fel om reglerna bryts.
 * @customfunction REPAY
 * @requiresAddress
 * @param year The year, e.g. 2024. — Året.
 * @param requisitioned Requisitioned kronor. — Rekvirerade kronor.
 * @param spent Spent kronor. — Förbrukade kronor.
 * @param [confirmed] For a planned year: the amount the Riksdag appropriated, once it has (blank until then). — För ett planerat år: beloppet riksdagen anvisat.
 * @returns Kronor. — Kronor.
 * @example =SJUK.REPAY(2024; 500000; 430000)
 */
export function repay(
  year: any,
  requisitioned: any,
  spent: any,
  confirmed: any,
  invocation: CustomFunctions.Invocation
): number {
  const args = [year, requisitioned, spent, confirmed];
  return runForExcel("REPAY", args, {}, invocation.address) as number;
}

/**
 * A deadline of the 2024 assignment as an Excel date: requisition-2024, repayment-2024, financial-report-2024 or final-report. — En tidsgräns i uppdraget som Excel-datum.
 * @customfunction DEADLINE
 * @requiresAddress
 * @param item The deadline: its id, e.g. "final-report", or its title. — Tidsgränsen: id eller titel.
 * @returns An Excel date serial. — Ett Excel-datum.
 * @example =SJUK.DEADLINE("repayment-2024")
 */
export function deadline(item: any, invocation: CustomFunctions.Invocation): number {
  return runForExcel("DEADLINE", [item], {}, invocation.address) as number;
}

/**
 * Where a deadline stands on a date: "met", "late by N days", "due in N days" or "overdue by N days". Without as_of: the day of calculation; pass TODAY() for a live status. — Läget för en tidsgräns ett visst datum.
 * @customfunction STATUS
 * @requiresAddress
 * @param item The deadline: its id, e.g. "final-report", or its title. — Tidsgränsen: id eller titel.
 * @param [as_of] The date to judge on (an Excel date or YYYY-MM-DD). — Datum att bedöma per.
 * @param [done_on] When it was done, if it was. — När det gjordes, om det gjorts.
 * @param [language] "sv" for the words in Swedish; without it, English. — "sv" för svenska ord.
 * @returns The status as text. — Läget som text.
 * @example =SJUK.STATUS("final-report"; DATE(2026;12;1); ; "sv")
 */
export function status(
  item: any,
  as_of: any,
  done_on: any,
  language: any,
  invocation: CustomFunctions.Invocation
): string {
  const args = [item, as_of, done_on, language];
  return runForExcel("STATUS", args, {}, invocation.address) as string;
}
