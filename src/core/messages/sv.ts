import { decimalComma, groupDigits, isZeroAmount as isZero, kr, printable } from "../format";
import type {
  Catalogue,
  ConfirmAt,
  ContactStatus,
  HostFeature,
  Place,
  TableValue,
  XlsxDamage,
} from "./params";

const hostFeature: Record<HostFeature, string> = {
  settings: "tilläggets inställningar och bladens tabeller (hela åtgärdsfönstret)",
  calculate: "omräkning av =SJUK.SHARE(region) när befolkningstabellen ändras (Range.calculate)",
  events: "att följa ändringar i bladen (onChanged för blad och tabeller) och låsta rubrikrader",
  validation: "rullistorna ja/nej (dataverifiering) och att följa omräkningar (onCalculated)",
  "table-added": "att märka att Infoga bladen skapat om befolkningstabellen (tables.onAdded)",
  "table-resize": "att ändra storlek på indatatabellerna när rader skrivs (Table.resize)",
  "function-errors": "SJUK-funktionernas felmeddelanden i cellerna (CustomFunctions.Error)",
  "shared-runtime":
    "att åtgärdsfönstret och SJUK-funktionerna delar en körmiljö och startar med arbetsboken",
};

/** "1 dag", "3 dagar". */
const dagar = (n: number) => `${n} ${n === 1 ? "dag" : "dagar"}`;

/*
 * Argument names in Swedish messages are Swedish words (nyckel, uppfyllelse, …), not the English
 * parameter names. Chosen because the message is read as a Swedish sentence, and because the
 * functions' descriptions, which Excel shows beside each parameter, already name them in Swedish
 * ("Nyckeln: 21 tal …", "Uppfyllelse: …", "Alternativ, …"); the words map one to one, in the
 * parameters' order. Every Swedish message takes its argument names from this one table.
 */
export const SWEDISH_ARGUMENT_NAMES: Record<string, string> = {
  region: "region",
  key: "nyckel",
  post: "post",
  fulfilment: "uppfyllelse",
  options: "alternativ",
  contacts: "kontakter",
  redistribution: "omfördelning",
  method: "metod",
  delta: "ändring",
  amount: "belopp",
  weights: "vikter",
  recipient: "mottagare",
  year: "år",
  requisitioned: "rekvirerat",
  spent: "förbrukat",
  confirmed: "bekräftat",
  item: "frist",
  as_of: "per_datum",
  done_on: "klart_den",
  name: "namn",
  scenarios: "scenarier",
  language: "språk",
};

/** An argument's name in a Swedish message; a name not in the table (SJUK_Befolkning) as it is. */
export function argumentName(name: string): string {
  return SWEDISH_ARGUMENT_NAMES[name] ?? name;
}

function skada(why: XlsxDamage): string {
  switch (why.kind) {
    case "detail":
      return why.detail;
    case "no-workbook-part":
      return "den saknar arbetsboksdelen";
    case "no-sheets":
      return "den har inga blad";
    case "sheet-unnamed":
      return `blad ${why.index} saknar namn`;
    case "sheet-twice":
      return `två blad heter ${why.name}`;
    case "sheet-missing":
      return `bladet ${why.sheet} (${why.part}) saknas`;
    case "table-name":
      return `tabellnamnet ${why.table} på ${why.sheet} är inget giltigt namn`;
  }
}

const quoted = (list: string[]) => list.map((s) => `"${s}"`).join(", ");
const either = (list: string[], or: string) => list.map((s) => `"${s}"`).join(` ${or} `);

function plats(at: Place): string {
  if (at === null) return "en tidigare rad";
  if ("line" in at) return `rad ${at.line}`;
  if ("row" in at) return `rad ${at.row}`;
  return "cell" in at ? at.cell : at.sheet;
}

/** "befolkningen för Region Skåne", "antalet kontakter för …", "uppgiften om … uppfyller v1". */
function tabellvärde(what: TableValue, region: string): string {
  switch (what.kind) {
    case "population":
      return `befolkningen för ${region}`;
    case "contacts":
      return `antalet kontakter för ${region}`;
    case "treatment":
      return `antalet i kolumnen "${what.header}" för ${region}`;
    case "column":
      return `värdet i kolumnen "${what.column}" för ${region}`;
    default:
      return `uppgiften om ${region} uppfyller ${what.post}`;
  }
}

/** "region" för de 21 regionerna, "medlem i municipalities" för en annan mottagarmängd. */
function medlem(set: string): string {
  return set === "regions" ? "region" : `medlem i ${set}`;
}

/** "regioner" för de 21 regionerna, "medlemmar i municipalities" för en annan mottagarmängd. */
function medlemmar(set: string): string {
  return set === "regions" ? "regioner" : `medlemmar i ${set}`;
}

/** Swedish texts: one per message code (see params.ts for how to add one). */
export const sv: Catalogue = {
  text: (p) => p.sv ?? p.en,

  list: (p, render) => p.items.map(render).join("; "),
  argument: (p, render) =>
    `${argumentName(p.name)}${p.row === undefined ? "" : `, rad ${p.row}`}${p.column === undefined ? "" : `, kolumn ${p.column}`}: ${render(p.problem)}`,

  "days.due": (p) => (p.days === 0 ? "sista dag i dag" : `${dagar(p.days)} kvar`),
  "days.in": (p) => (p.days === 0 ? "i dag" : `om ${dagar(p.days)}`),
  "days.overdue": (p) => `försenad ${dagar(p.days)}`,
  "days.late": (p) => `${dagar(p.days)} för sent`,
  "days.met": () => "klart",

  "date.not-iso": (p) => `"${p.value}" är inte ett datum skrivet ÅÅÅÅ-MM-DD`,
  "date.from-after-to": (p) => `från (${p.from}) är efter till (${p.to})`,
  "file.unreadable": (p) =>
    `filen kan inte läsas: ${{ "not-found": "filen finns inte", directory: "det är en mapp", denied: "åtkomst nekad", other: p.detail }[p.why]}`,
  "file.not-csv": (p) => `ingen läsbar CSV-fil: ${p.detail}`,
  "file.too-large": (p) =>
    `filen är större än ${p.limit}, det mesta en indatatabell får vara; är det rätt fil?`,
  "file.too-many-rows": (p) => `filen har ${p.rows} rader; en indatatabell får ha högst ${p.limit}`,
  "file.too-many-columns": (p) =>
    `raden har ${p.columns} kolumner; en indatatabell får ha högst ${p.limit}`,
  "file.zero-byte": () => "är ingen textfil (CSV): den har en nollbyte; spara den som CSV (UTF-8)",
  "file.bad-utf8": (p) =>
    `${p.valueSv} innehåller en byte som inte är UTF-8 (visas som \uFFFD), medan resten av filen är UTF-8; spara filen som UTF-8`,
  "file.not-json": (p) => `ingen giltig JSON: ${p.detail}`,
  "agreement.unknown-kind": (p) => `kind måste vara ${either(p.kinds, "eller")}`,

  "cell.not-finite": (p) => `${p.valueSv} är inte ett ändligt tal`,
  "cell.empty-not-number": () => "en tom cell är inte ett tal",
  "cell.blank": () => "cellen är tom",
  "cell.not-a-number": (p) => `${p.valueSv} är inte ett tal`,
  "cell.negative": (p) => `${p.valueSv} är negativt`,
  "cell.negative-count": (p) => `${p.valueSv} är negativt; ett antal kan inte vara negativt`,
  "cell.too-long": (p) => `${p.valueSv} har ${p.chars} tecken; en cell får ha högst ${p.limit}`,
  "cell.too-many-digits": (p) =>
    `${p.valueSv} har ${p.digits} siffror; ett tal får ha högst ${p.limit}`,
  "cell.count-too-large": (p) => `${p.valueSv} är för stort; ett antal får vara högst ${p.limit}`,
  "figures.comma-ambiguous": (p) =>
    `${p.valueSv} kan vara ett heltal med tusentalskomma eller ett tal med decimalkomma, och inget annat tal i kolumnen visar vilket; skriv det utan komma (eller med mellanslag: 383 713) eller med fler decimaler (383,7130)`,
  "figures.english-in-decimal-column": (p) =>
    `${p.valueSv} skriver talet på engelskt sätt (komma för tusental eller decimalpunkt), men kolumnen använder decimalkomma (${plats(p.at)}: ${p.example.valueSv}); skriv alla tal i en kolumn på samma sätt`,
  "figures.decimal-in-english-column": (p) =>
    `${p.valueSv} har decimalkomma, men kolumnen använder kommatecknet för tusental (${plats(p.at)}: ${p.example.valueSv}); skriv alla tal i en kolumn på samma sätt`,
  "cell.not-whole": (p) => `${p.valueSv} är inte ett heltal`,
  "cell.not-yes-no": (p) =>
    `${p.valueSv} är varken ja eller nej (skriv ja/nej, SANT/FALSKT eller 1/0)`,

  "region.unknown": (p) =>
    `"${printable(p.text)}" är ingen region; närmast: ${p.closest.join(", ")}`,
  "region.disagree": (p) => `${p.valueSv} är ${p.name}, men kolumnen ${p.column} säger ${p.other}`,
  "region.blank": () => "raden saknar region",
  "region.repeated": (p) => `${p.name} förekommer igen; regionen står redan på ${plats(p.at)}`,
  "region.missing": (p) => `${p.name} (${p.code}) saknas; alla ${p.count} regioner ska ha en rad`,
  "region.count": (p) =>
    `väntade ${p.expected} tal i länskodsordning (${p.first} … ${p.last}), fick ${p.got}; eller ange två kolumner, region och tal`,

  "table.value": (p, render) =>
    p.problem.code === "cell.not-a-number"
      ? `${render(p.problem)}; här ska ${tabellvärde(p.what, p.region)} stå`
      : `${render(p.problem)} (${tabellvärde(p.what, p.region)})`,
  "table.missing-value": (p) => `${tabellvärde(p.what, p.region)} saknas`,
  "table.unknown-population-header": (p) =>
    `"${printable(p.header)}" är ingen kolumn i en befolkningstabell; använd "region", "befolkning", "datum" (eller "region", "population", "date")`,
  "table.unknown-figure-header": (p) =>
    `"${printable(p.header)}" är ingen kolumn i en ${p.column}-tabell; använd "region" och "${p.column}"`,
  "table.unknown-contacts-header": (p) =>
    `"${printable(p.header)}" är ingen kolumn i en kontakttabell; använd ${quoted(p.swedish)} (eller de engelska ${quoted(p.english)})`,
  "table.unknown-post-header": (p) =>
    `"${printable(p.header)}" är ingen post till regionerna i ${p.agreement}; postkolumnerna är ${p.ids.join(", ")}`,
  "table.repeated-column": (p) =>
    `"${printable(p.header)}" upprepar kolumnen "${p.earlier}"; varje kolumn får finnas en gång`,
  "table.empty-header": (p) =>
    `rubrikraden är tom; den behöver kolumnerna ${p.required.map((r) => either(r, "eller")).join(" och ")}`,
  "table.missing-column": (p) =>
    `kolumnen ${either(p.spellings, "eller")} saknas; rubrikraden har ${p.given}`,
  "table.headerless-cell": (p) => `${p.valueSv} står i en kolumn utan rubrik`,
  "table.no-date": () => "datum saknas; en nyckel har ett datum, skrivet ÅÅÅÅ-MM-DD, på varje rad",
  "table.not-a-date": (p) => `${p.valueSv} är inte ett datum skrivet ÅÅÅÅ-MM-DD`,
  "table.date-not-given": (p) =>
    `siffrorna har datumet ${p.date} här men ${p.given} angavs som deras datum; en nyckel har ett datum`,
  "table.date-differs": (p) =>
    `${p.date} skiljer sig från ${p.first} på en tidigare rad; en nyckel har ett datum`,
  "table.all-zero": () => "alla tal är noll, så det finns ingen andel att ta",
  "table.no-post-column": (p) =>
    `det finns ingen postkolumn; lägg till en eller flera av ${p.ids.join(", ")} med ja/nej per region`,

  "cli.out-is-input": (p) =>
    `${p.out}: --out är själva indataboken; ange --in-place för att skriva över den, eller en annan fil`,
  "cli.in-place-and-out": (p) =>
    `--in-place skriver över ${p.input}; --out ${p.out} anger en annan fil; ange en av dem`,
  "cli.cannot-write": (p) => `${p.path}: kan inte skriva arbetsboken: ${p.detail}`,
  "cli.not-a-regional-post": (p) =>
    `--non-fulfilment: "${p.id}" är ingen regional post i ${p.agreement} (${p.ids.join(", ")})`,
  "cli.not-a-body-condition": (p) =>
    `--body-not-fulfilled: "${p.id}" är ingen post med villkor till en myndighet eller organisation i ${p.agreement} (${p.ids.join(", ")})`,
  "cli.report-format": (p) =>
    `${p.out}: en rapport är .xlsx eller .pdf; namnge filen så, eller ange --format xlsx|pdf`,
  "cli.report-format-mismatch": (p) =>
    `${p.out}: --format ${p.format} skriver en .${p.format}-fil, men namnet slutar på annat sätt; ge filen ändelsen .${p.format}`,
  "cli.report-out-is-scenario": (p) => `${p.out}: --out är själva scenariofilen; ange en annan fil`,
  "cli.key-date-without-population": (p) =>
    `--key-date ${p.keyDate} anger datumet för siffrorna i --population FIL; utan --population används SCB:s siffror per 31 dec 2019 som följer med, med sitt eget datum`,

  "function.unknown": (p) => `SJUK.${p.name} finns inte`,
  "function.too-many-arguments": (p) =>
    `SJUK.${p.name} tar högst ${p.names.length} argument (${p.names.map(argumentName).join(", ")})`,
  "function.required": (p) => `${p.names.map(argumentName).join(", ")} måste anges`,
  "function.internal": (p) => `internt fel: ${p.detail}`,
  "function.empty": (p) => `${argumentName(p.name)} är tom`,
  "function.range-too-large": (p) =>
    `området har ${p.rows} rader och ${p.columns} kolumner; ett område med regioner får ha högst ${p.rowLimit} rader och ${p.columnLimit} kolumner`,
  "function.more-problems": (p) => `och ${p.count} till`,
  "function.short-form-circular": (p) =>
    `${p.table} beror på den här cellen (en cirkelreferens): kortformen kan inte läsa en tabell som innehåller den eller räknas fram ur den`,
  "function.all-zero": () => "alla tal är noll, så det finns ingen andel att ta",
  "function.fulfilment-count": (p) =>
    `väntade en rad med post-id och ${p.expected} rader i länskodsordning, fick ${p.got} rader`,
  "function.not-regional-post": (p) =>
    `"${printable(p.header)}" är ingen regional post (${p.ids.join(", ")})`,
  "function.not-a-post": (p) => `"${p.post}" är ingen post (${p.ids.join(", ")})`,
  "function.not-a-rule": (p) => `"${p.word}" är varken förfaller eller dela`,
  "function.not-an-option": (p) =>
    `"${p.word}" är inget alternativ; använd förfaller, dela, befolkning, obetalda-kontakter, en metod (största-rest, sainte-lague, dhondt) eller post=regel`,
  "function.unknown-post": (p) =>
    `"${p.post}" är ingen post i ${p.agreement} års överenskommelse (${p.ids.join(", ")})`,
  "function.not-regional": (p) =>
    `${p.post} går till ${p.recipient.sv}, inte till regionerna; använd SJUK.POST("${p.post}")`,
  // Words the aliases accept, so that a Swedish user may type any of them.
  "function.unknown-recipient": (p) =>
    `"${p.text}" är ingen mottagare (regionerna, SKR, Försäkringskassan, Socialstyrelsen, regeringen)`,
  "function.unknown-agreement": (p) =>
    `"${p.id}" är ingen överenskommelse i arbetsboken eller i SJUK (${p.ids.join(", ")})`,
  "function.too-few-columns": (p) =>
    `har ${p.width} kolumner; först behövs mottagaren (regionen), sedan ${p.columns.join(", ")}`,
  "function.not-a-decision": (p) =>
    `${p.post}=${p.value}: ett beslut är ett helt belopp i kronor (en "högst"-post) eller ja/nej (en myndighets villkor)`,
  "function.no-population-table": (p) =>
    `nyckel är tom och arbetsboken har ingen tabell ${p.table}; ange ett nyckelområde eller infoga bladet Befolkning`,
  "function.too-large": (p) => `${p.value} är för stort`,
  "function.weights-zero": () => "vikterna summerar till noll, så det finns ingen andel att ta",
  "function.year-only": (p) => `överenskommelsen anger bara året ${p.year}, inget datum`,
  "function.table1-differs": (p) =>
    `skiljer sig från tabell 1: ${p.differences
      .map((d) => `${d.recipient?.sv ?? "summa"}: ${kr(d.got)}, tabell 1 anger ${kr(d.stated)}`)
      .join("; ")}`,
  "function.not-a-redistribution": (p) =>
    `${p.valueSv} är varken befolkning eller obetalda-kontakter`,
  "function.not-a-method": (p) =>
    `"${p.value}" är ingen fördelningsmetod; använd största rest, jämkade uddatalsmetoden (sainte-lague) eller d'hondt`,
  "function.no-money-for-year": (p) => `beslutet har inga medel för ${p.year} (år: ${p.years})`,
  "function.unknown-deadline": (p) => `"${p.item}" är ingen frist i uppdraget (${p.items})`,
  "function.not-a-date": (p) => `${p.valueSv} är inget datum (ett Excel-datum eller ÅÅÅÅ-MM-DD)`,
  "function.not-whole-kronor": (p) =>
    `${decimalComma(p.value)} är inte ett helt, icke-negativt antal kronor`,
  "function.not-a-language": (p) =>
    `"${p.value}" är inget språk; skriv "sv" för svenska eller "en" (eller utelämna det) för engelska`,
  "function.planned-not-confirmed": (p) =>
    `${p.year}: ${kr(p.planned)} är planerade, under förutsättning att riksdagen anvisar medlen; inte beviljade förrän året är bekräftat (ange det anvisade beloppet som bekräftat)`,
  "function.no-scenario": (p) =>
    p.names.length
      ? `inget sparat scenario heter "${p.name}" (sparade: ${quoted(p.names)})`
      : `inget sparat scenario heter "${p.name}": området innehåller inga scenarier; ange tabellen SJUK_Scenarier`,
  "function.scenario-not-json": (p) => `cellen Scenario (JSON) är inte JSON: ${p.detail}`,
  "function.scenario-field": (p, render) =>
    `scenariot "${p.scenario}"${p.field ? `, ${p.field}` : ""}: ${render(p.problem)}`,
  "function.scenarios-unavailable": () =>
    "sparade scenarier kan inte läsas här; öppna arbetsboken med SJUK-tillägget",
  "ledger.appropriation-yes-no": (p) =>
    `ange beloppet som riksdagen anvisat för ${p.year}, inte ja: regeringen beräknade bara ${kr(p.planned)}`,

  "ledger.not-a-number": (p) => `${p.value} är inte ett tal`,
  "ledger.not-whole-kronor": (p) => `${decimalComma(p.value)} är inte ett helt antal kronor`,
  "ledger.negative": (p) => `${p.value} är negativt`,
  "ledger.unknown-year": (p) => `${p.year} är inget år i beslutet (${p.years})`,
  "ledger.confirmed-not-planned": (p) =>
    `${p.year} är redan beviljat (${p.atMost ? "högst " : ""}${kr(p.amount)}) och behöver ingen bekräftelse`,
  "ledger.confirmed-twice": (p) =>
    `${p.year} är redan bekräftat i ${p.firstField}: för in ett anvisat belopp per år`,
  "ledger.unknown-report": (p) => `"${p.item}" är ingen rapport i beslutet (${p.reports})`,
  "ledger.not-a-report": (p) =>
    `"${p.item}" är ingen rapport: för in den bland ${p.kind === "requisition" ? "rekvisitionerna" : "återbetalningarna"}`,
  "ledger.duplicate-spent": (p) =>
    `det som använts ${p.year} är redan infört i ${p.firstField}: för in en summa per år`,
  "ledger.unconfirmed-requisition": (p) =>
    `${kr(p.amount)} rekvirerat för ${p.year}, vars ${kr(p.planned)} bara är planerade (${p.condition?.sv ?? "villkorat"}); ${confirm(p.confirm)} när riksdagen har anvisat medlen`,
  "ledger.unconfirmed-spent": (p) =>
    `${kr(p.amount)} använt för ${p.year}, vars ${kr(p.planned)} bara är planerade (${p.condition?.sv ?? "villkorat"}); ${confirm(p.confirm)} när riksdagen har anvisat medlen`,
  "ledger.second-requisition": (p) =>
    `andra rekvisitionen för ${p.year}: medlen rekvireras engångsvis, och ${kr(p.firstAmount)} rekvirerades redan ${p.firstDate} (${p.firstField})`,
  "ledger.requisition-above-grant": (p) =>
    `${kr(p.requisitioned)} rekvirerat för ${p.year} är mer än de ${p.atMost ? "högst " : ""}${kr(p.granted)} som beviljats (${kr(p.over)} för mycket)`,
  "ledger.requisition-late": (p) =>
    `rekvirerat ${p.date}, ${dagar(p.days)} efter sista dagen ${p.deadline} (till ${p.to})`,
  "ledger.spent-above-grant": (p) =>
    `${kr(p.spent)} använt ${p.year} är mer än de ${p.atMost ? "högst " : ""}${kr(p.granted)} som beviljats (och de ${kr(p.requisitioned)} som rekvirerats)`,
  "ledger.spent-above-requisition": (p) =>
    `${kr(p.spent)} använt ${p.year} är mer än de ${kr(p.requisitioned)} som rekvirerats (${kr(p.over)} för mycket)`,
  "ledger.repayment-above-unused": (p) =>
    `${kr(p.repaid)} återbetalt för ${p.year} är mer än de ${kr(p.toRepay)} som inte använts (rekvirerat ${kr(p.requisitioned)} − använt ${kr(p.spent)})`,
  "ledger.repayment-short": (p) =>
    `${kr(p.toRepay)} som inte använts ${p.year} skulle ha återbetalats till ${p.to} senast ${p.date}; ${kr(p.repaid)} återbetalt, ${kr(p.short)} återstår`,
  "ledger.appropriated-above-plan": (p) =>
    `${kr(p.appropriated)} anvisat för ${p.year} är mer än de ${kr(p.planned)} som regeringen beräknade; kontrollera beloppet`,

  "ledger.note.not-confirmed": (p) => `${p.year} är inte bekräftat av riksdagen`,
  "ledger.note.requisitioned": (p) => `${kr(p.amount)} rekvirerat ${p.date}`,
  "ledger.note.may-requisition": (p) =>
    `${p.atMost ? "högst " : ""}${kr(p.amount)} kan rekvireras till ${p.date}`,
  "ledger.note.nothing-requisitioned": () => "inget rekvirerat, inget att återbetala",
  "ledger.note.all-spent": () => "allt rekvirerat är använt, inget att återbetala",
  "ledger.note.to-repay": (p) =>
    `${kr(p.amount)} att återbetala senast ${p.date}${isZero(p.repaid) ? "" : `, ${kr(p.repaid)} återbetalt`}`,
  "ledger.note.report": (p) => `${p.title.sv}, senast ${p.date}`,
  "ledger.note.by": (p) => `senast ${p.date}`,
  "ledger.when.done": (p) => `klart ${p.date}`,
  "ledger.when.done-late": (p) => `klart ${p.date}, ${dagar(p.days)} för sent`,

  "sheet.missing-amount": () => "beloppet saknas",
  "sheet.missing-date": () => "datumet saknas (skriv ÅÅÅÅ-MM-DD)",
  "sheet.not-a-date": (p) => `"${p.value}" är inte ett datum (skriv ÅÅÅÅ-MM-DD)`,
  "sheet.not-a-year": (p) => (p.blank ? "året saknas" : `${p.valueSv} är inte ett år`),
  "sheet.not-an-amount": (p) => `${p.valueSv} är inget belopp i kronor`,
  "sheet.requisitions-dropped": (p) =>
    `Tabellen för fler rekvisitioner har ${p.rows} rader; dessa rader kom inte med: ${p.dropped}`,

  "sheet.owned-missing": (p) => `tilläggets blad ${p.name.sv} saknas; infoga bladen igen`,
  "sheet.renamed": (p) =>
    `Bladet "${p.taken}" finns redan och är ditt eget; det lämnas orört. Tilläggets blad heter "${p.used}".`,
  "sheet.not-a-rule": (p) => `"${p.value}" är ingen regel; välj en i listan`,
  "sheet.not-a-redistribution": (p) =>
    `"${p.value}" är ingen omfördelningsnyckel; välj en i listan`,
  "sheet.cell-error": (p) => `${p.text} (fel i cellen)`,
  "sheet.cell-error-message": (p) => `${p.text}: ${p.message}`,

  "compute.unknown-code": (p) => `${p.what}: ingen ${medlem(p.set)} har koden ${p.code}`,
  "compute.missing": (p) => `${p.what}: ${p.name} (${p.code}) saknas`,
  "compute.not-a-number": (p) => `${p.what}: ${p.value} är inte ett tal`,
  "compute.not-finite": (p) => `${p.what}: ${p.value} är inte ett ändligt tal`,
  "compute.negative": (p) => `${p.what}: ${p.value} är negativt`,
  "compute.not-whole": (p) => `${p.what}: ${p.value} är inte ett heltal`,
  "compute.all-zero": (p) => `${p.what}: alla tal är noll, så det finns ingen andel att ta`,
  "compute.key-not-given": (p) =>
    `keys: nyckelkolumnen "${p.column}" saknas (posterna ${p.posts.join(", ")} behöver den)`,
  "compute.key-twice": (p) =>
    `keys.${p.column}: "${p.column}" är överenskommelsens nyckel och redan angiven som key`,
  "compute.unknown-key": (p) =>
    `keys: "${p.column}" är ingen nyckelkolumn i ${p.agreement} (${p.known.join(", ") || "inga"})`,
  "compute.unknown-units": (p) =>
    `units: "${p.column}" är ingen antalskolumn i ${p.agreement} (${p.known.join(", ") || "inga"})`,
  "compute.units-twice": (p) => `units.${p.column}: antalen är redan angivna som contacts`,
  "compute.not-conditional-post": (p) =>
    `fulfilment: "${p.post}" är ingen post till regionerna i ${p.agreement} (${p.setPosts.join(", ")})` +
    (p.bodyPosts.length
      ? ` och ingen post med villkor till en organisation (${p.bodyPosts.join(", ")})`
      : ""),
  "compute.not-the-body": (p) =>
    `fulfilment, ${p.post}: posten betalas till ${p.body}, inte till "${p.given}"`,
  "compute.not-a-post": (p) => `${p.what}: "${p.post}" är ingen post i ${p.agreement}`,
  "compute.not-at-most": (p) =>
    `decided, ${p.post}: postens belopp är fast, inte ett tak ("högst"), så inget annat belopp kan beslutas`,
  "compute.above-ceiling": (p) =>
    `decided, ${p.post}: ${kr(p.decided)} är mer än postens tak på ${kr(p.ceiling)}`,
  "compute.not-kronor": (p) =>
    `decided, ${p.post}: ${p.value} är inte ett helt, icke-negativt antal kronor`,
  "compute.bad-redistribution": (p) =>
    `redistribution: "${p.value}" är inte ${p.keys.join(" eller ")}`,
  "compute.bad-rule": (p) => `non-fulfilment: "${p.rule}" är varken lapse eller share`,
  "compute.bad-method": (p) => `method: "${p.value}" är inte ${p.methods.join(", ")}`,
  "compute.key-date-unknown": (p) =>
    `Nyckelns datum är inte angivet; avtalets nyckel är ${p.key.sv}.`,
  "compute.key-dates-mixed": (p) =>
    `Nyckeln blandar siffror från olika datum (${p.dates}) och har därför inget enskilt datum; avtalets nyckel är ${p.key.sv}.`,
  "compute.key-date": (p) =>
    `Nyckeln är från ${p.date} (${p.source}), inte från ${p.keyDate} som avtalet kräver (${p.key.sv}).`,
  "compute.table1": (p) =>
    `Tabell 1 anger ${kr(p.stated)} till ${p.recipient}, men avtalets poster till ${p.recipient} blir ${kr(p.posts)}: tabell 1 stämmer inte längre med posterna.`,
  "compute.units-assumed": (p) =>
    `Inga antal angivna för ${p.post} (${p.column}): varje ${medlem(p.set)} som uppfyller villkoret antas ha tillräckligt många för att ta allt den kan få, så posten betalar hela ${kr(p.amount)} till de ${medlemmar(p.set)} som uppfyller det, som tabell 1 budgeterar.` +
    (p.byPopulation
      ? " Utan antal vet ingen vad som är obetalt, så det som blir över omfördelas efter befolkning (takets nyckel), inte efter obetalda kontakter."
      : ""),
  "compute.contacts-exceed-treatments": (p) =>
    `${p.name}: ${decimalComma(p.contacts)} kontakter men bara ${decimalComma(p.treatments)} behandlingar rapporterade.`,
  "compute.unpaid": (p, render) =>
    `${p.post}: ${kr(p.amount)} betalas inte ut (${render(p.reason)}).`,
  "compute.decided-below": (p) => `beslutat till ${kr(p.decided)}, under taket på ${kr(p.ceiling)}`,
  "compute.not-fulfilled-by": (p) => `villkoret är inte uppfyllt av ${p.who}`,
  "compute.nobody-fulfils": (p) => `ingen ${medlem(p.set)} uppfyller villkoret`,
  "compute.not-enough-units": (p) =>
    `ingen ${medlem(p.set)} hade tillräckligt med ${p.column} för att ta det`,
  "compute.lapsed": (p) => `förfallet: villkoret är inte uppfyllt av ${p.names.join(", ")}`,
  "compute.not-reported": (p) =>
    `${p.column === "contacts" ? "kontakterna" : `antalen ${p.column}`} är ännu inte rapporterade av ${p.names.join(", ")}`,
  "allocate.bad-amount": (p) =>
    `beloppet att fördela ska vara hela, icke-negativa kronor, inte ${p.value}`,
  "allocate.no-weights": (p) => `${p.what}: det finns inget att fördela på (inga vikter)`,
  "allocate.repeated": (p) => `${p.what}: ${p.id} förekommer två gånger`,
  "allocate.weights-zero": (p) =>
    `${p.what}: vikterna blir noll tillsammans, så det finns ingen andel att ta`,
  "amount.not-whole": (p) => `${p.what}: ${p.value} är inte ett helt antal kronor`,
  "amount.too-large": (p) => `${p.what}: ${p.value} är för stort`,
  "mix.no-keys": () => "mix: en nyckelmix behöver minst en nyckel",
  "mix.weights-zero": () => "mix: nycklarnas vikter blir noll tillsammans",
  "mix.key-zero": (p) =>
    `${p.path}: talen blir noll tillsammans, så nyckeln har inga andelar att blanda`,
  "mix.not-a-figure": (p) => `${p.path}: "${p.value}" är inte ett icke-negativt tal`,
  "mix.no-figures": (p) => `${p.path}: ange tal (ett per mottagare) eller equal: true`,
  "mix.unknown-code": (p) => `${p.path}: ${p.code} ingår inte i mottagarna`,
  "mix.missing": (p) => `${p.path}: inget tal för ${p.code}; varje mottagare behöver ett`,
  "sensitivity.unknown-member": (p) => `${p.code} ingår inte i ${p.set}`,
  "sensitivity.not-a-set-post": (p) => `${p.post} är ingen post till ${p.set}`,
  "sensitivity.bad-delta": (p) => `ändring: ${p.value} är inte ett positivt tal`,
  "sensitivity.negative": (p) =>
    `${p.column}, ${p.code}: ${p.figure} minus ${p.delta} blir negativt; välj en mindre ändring`,
  "sensitivity.no-column": (p) => `nyckelkolumnen ${p.column} har inga tal i indata`,
  "label.post": () => "Post",
  "label.region": () => "Region",
  "label.total": () => "Summa",
  "label.payment": () => "Utbetalning",
  "label.key-minus": (p) => `Nyckel − ${p.delta}`,
  "label.key-plus": (p) => `Nyckel + ${p.delta}`,
  "label.change-minus": (p) => `Ändring vid − ${p.delta}`,
  "label.change-plus": (p) => `Ändring vid + ${p.delta}`,
  "label.fulfils": (p) => `${p.region} uppfyller ${p.post}`,
  "label.does-not-fulfil": (p) => `${p.region} uppfyller inte ${p.post}`,
  "label.difference": () => "Skillnad",
  "label.not-paid": () => "Ej utbetalt",
  "xlsx.beyond-rows": (p) =>
    `bortom rad ${p.limit.toLocaleString("sv-SE")}, den sista rad sjuk evaluate läser (HyperFormulas bladstorlek)`,
  "xlsx.beyond-columns": (p) =>
    `bortom kolumn ${p.limit.toLocaleString("sv-SE")} (ZZZ), den sista kolumn sjuk evaluate läser (HyperFormulas bladstorlek)`,
  "xlsx.too-many-cells": (p) =>
    `arbetsboken har fler än ${p.limit.toLocaleString("sv-SE")} ifyllda celler, det mesta sjuk evaluate läser`,
  "xlsx.part-too-big": (p) =>
    `delen ${p.part} är ${p.megabytes} MB okomprimerad; sjuk evaluate läser delar upp till ${p.limit} MB`,
  "xlsx.not-a-cell": (p) => `"${p.value}" är ingen celladress`,
  "xlsx.shared-string-missing": (p) => `den delade strängen ${p.index} finns inte`,
  "xlsx.shared-formula-no-master": (p) => `den delade formeln ${p.si} har ingen huvudcell`,
  "xlsx.table-no-column": (p) =>
    `tabellen ${p.table} har ingen kolumn "${p.column}" (den har ${p.columns.join(", ")})`,
  "xlsx.table-no-part": (p) => `tabellen ${p.table} har ingen del ${p.part}`,
  "xlsx.table-this-row-outside": (p) =>
    `[#This Row] i tabellen ${p.table} används utanför tabellens rader`,
  "xlsx.table-no-rows": (p) => `tabellen ${p.table} har inga sådana rader (${p.spec})`,
  "xlsx.damaged": (p) =>
    `${p.file} är ingen Excel-arbetsbok (.xlsx) eller är skadad: ${skada(p.why)}`,
  "file.failed": (p) => `kunde inte slutföras: ${p.detail}`,
  "pane.failed": (p) =>
    `Panelen kunde inte visa den här delen: ${p.why}. Inget skrevs till arbetsboken.`,
  "snapshot.not-ours": () =>
    "ingen arbetsbok sparad av SJUK:s förhandsvisning (format sjuk-preview-workbook, version 1)",
  "snapshot.field-missing": (p) => `${p.field} saknas`,
  "snapshot.not-a-sheet": (p) => `sheets[${p.index}] är inget blad`,
  "workbook.sheet-not-ours": (p) =>
    `arbetsboken har redan ett blad "${p.name}" som SJUK inte skapat; byt namn på det först`,

  "explain.step": (p) =>
    ({
      region: "Region",
      post: "Post",
      amount: "Belopp",
      rule: "Regel",
      weight: "Vikt",
      "total-weight": "Summa vikter",
      "cap-exact": "Tak, exakt",
      cap: "Tak",
      earned: "Intjänat",
      "first-payment": "Första betalning",
      round: `Omgång ${p.round ?? ""}`,
      unpaid: "Ej utbetalt i posten",
      share: "Andel",
      exact: "Exakt belopp",
      floor: "Golv",
      rank: "Restplats",
      rounding: "Avrundning",
      paid: "Utbetalt",
      "scenario-total": "Scenariots summa",
      method: "Metod",
    })[p.step],
  "explain.note": (p) => {
    switch (p.note) {
      case "at-most":
        return "högst";
      case "rule":
        return "förfaller: andelen betalas inte; dela: de som uppfyller delar";
      case "population":
        return "befolkning";
      case "cap-formula":
        return "belopp × vikt / summa";
      case "first-payment":
        return "min(intjänat, tak)";
      case "unpaid":
        return "ingen region kan ta emot";
      case "share-formula":
        return "vikt / summa";
      case "exact-formula":
        return "belopp × andel";
      case "whole-kronor":
        return "hela kronor";
      case "not-fulfilled":
        return "regionen uppfyller inte villkoret";
      case "cap-rounding":
        return `avrundning +${p.roundedUp} (plats ${p.rank} av ${p.of}, ${p.leftover} kr över)`;
      case "earned":
        return `kontakter × ${groupDigits(p.unitAmount)} kr`;
      case "round":
        return p.eligible
          ? `pott ${groupDigits(p.pool)} kr`
          : `ej med; pott ${groupDigits(p.pool)} kr`;
      case "leftover":
        return `${p.leftover} kr över delas ut efter störst rest`;
      case "key":
        return `nyckel: ${p.source}`;
      case "divisor":
        return p.method === "dhondt"
          ? "d'Hondts metod, en uddatalsmetod: varje krona till den högsta kvoten vikt / (kronor hittills + 1), inte efter störst rest"
          : "Sainte-Laguës metod (ren, ej jämkad), en uddatalsmetod: varje krona till den högsta kvoten vikt / (kronor hittills + ½), inte efter störst rest";
      case "next-in-line":
        return "plats i kön för nästa krona (uddatalsmetod)";
    }
  },
  "scenario.unknown-agreement": (p) =>
    `"${p.id}" är varken en medföljande överenskommelse (${p.known.join(", ")}) eller en överenskommelsefil`,
  "scenario.not-a-member": (p) => `${p.code} ingår inte i överenskommelsens mottagare`,
  "scenario.missing-member": (p) => `inget tal för ${p.code}; varje mottagare behöver ett`,
  "scenario.not-a-post": (p) => `"${p.id}" är ingen post i överenskommelsen (${p.ids.join(", ")})`,
  "scenario.not-a-recipient": (p) =>
    `"${p.id}" är varken en mottagare eller en organisation som post ${p.post} betalar`,
  "scenario.shipped-date": (p) =>
    `ingen medföljande nyckel för ${p.date}; medföljande datum: ${p.dates.join(", ")}`,
  "scenario.key-file-type": (p) =>
    `${p.file}: en nyckelfil är en .csv (region;befolkning, eller SCB:s semikolonexport) eller SCB:s JSON-stat2 .json`,
  "scenario.no-scenarios": () => "ange minst en scenariofil",
  "scenario.same-name": (p) =>
    `två scenarier heter "${p.name}"; vart och ett behöver ett eget namn`,
  "scenario.no-base": (p) =>
    `inget scenario heter "${p.name}"; scenarierna är ${p.names.join(", ")}`,
  "scenario.unknown-name": (p) => `inget scenario heter "${p.name}"`,
  "scenario.no-json-in-cell": () => "ingen scenario-JSON i cellen",
  "scenario.reads-file-in-workbook": (p) =>
    `ett scenario i arbetsboken kan inte läsa filen ${p.path}; importera scenariot med dess tal`,
  "scb.no-region": () => "tabellen har ingen regionkolumn (län)",
  "scb.no-time": () => "tabellen har ingen tidskolumn (t.ex. 2019M11 eller 2019)",
  "scb.several": (p) =>
    `tabellen har ${p.count} värden för ${p.dimension}; exportera ett (en nyckel är ett tal per län)`,
  "scb.not-a-county": (p) => `"${p.text}" är inget län; närmast: ${p.closest.join(", ")}`,
  "scb.not-a-number": (p) => `"${p.value}" är inget antal invånare`,
  "scb.missing-county": (p) => `inget tal för länen ${p.codes.join(", ")}`,
  "scb.not-json-stat": (p) => `inte en JSON-stat 2.0-datamängd: ${p.detail}`,
  "scb.no-date": (p) => `kan inte avgöra referensdatum ur "${p.time}"; ange nyckelns datum`,
  "host.missing-set": (p) =>
    `Den här versionen av Excel saknar ${p.set} ${p.version}: ${hostFeature[p.feature]} fungerar inte.`,
  "host.healthy": () =>
    "Hälsokontroll: den delade körmiljön är igång och SJUK-funktionerna är registrerade.",
  "host.unhealthy": (p) =>
    `Hälsokontroll: ${p.runtime ? "" : "den delade körmiljön är inte igång; "}${p.functions ? "" : "SJUK-funktionerna är inte registrerade; "}cellerna visar #NAMN? (eller _xldudf_SJUK_… i filen). Stäng och öppna arbetsboken igen; uppdatera Excel på Mac.`,
  "contacts.not-reported": (p) =>
    p.column === undefined
      ? `${p.count} av ${p.total} regioner har ännu inte rapporterat kontakter för ${p.post}: ${p.names.join(", ")}. Deras kontaktpengar väntar på deras rapport; de andras räknas som om de saknade tar hela sitt tak, så de kan bara öka när de rapporterar.`
      : `${p.count} av ${p.total} mottagare i ${p.set} har ännu inte rapporterat ${p.column} för ${p.post}: ${p.names.join(", ")}. Deras pengar väntar på deras rapport; de andras räknas som om de saknade tar hela sitt tak, så de kan bara öka när de rapporterar.`,
  "contacts.status": (p) => contactStatus[p.status],
  "function.contacts-not-reported": (p) =>
    `kontakter ännu inte rapporterade för ${p.names.join(", ")}: tabell 1 kan kontrolleras när alla regioner har rapporterat`,
  "function.contacts-part": (p) =>
    `"${p.value}" är ingen del av kontaktpengarna; delarna är ${p.parts.join(", ")}`,
  "key.zero": (p) =>
    `nyckeln (${p.what === "population" ? "befolkning" : p.what}) är 0 för ${p.names.join(", ")}: den får inget av posterna som fördelas efter befolkning. Kontrollera siffran.`,
  "ics.bad-reminder": (p) => `påminnelse: "${p.value}" är inget antal dagar från 1 till ${p.max}`,
  "ics.bad-stamp": (p) => `tidsstämpel: "${p.value}" är ingen tidpunkt`,
  "ics.write-failed": (p) => `kunde inte skriva .ics-filen: ${p.why}`,
  "ics.not-a-date": (p) => `"${p.value}" är inget iCalendar-datum`,
  "ics.last-day": (p) =>
    `händelsens datum ${p.date}: en heldagshändelse i iCalendar slutar nästa dag, och ${p.date} är den sista dag formatet kan skriva`,
  "ics.empty": (p) =>
    `inga utbetalningar eller deadlines från ${p.from} till ${p.to}: filen är en giltig kalender utan händelser`,
  "function.spill-size": (p) =>
    `SJUK.${p.name} ger ${p.rows} × ${p.columns} celler, men kalkylbladet reserverade ${p.reservedRows} × ${p.reservedColumns} utifrån formeln: skriv överenskommelsens id som text i formeln (t.ex. "synthetic-290"), inte i en cell, och skriv in formeln igen`,
};

const contactStatus: Record<ContactStatus, string> = {
  over: "över taket",
  under: "under taket",
  at: "på taket",
  "not-reported": "ej rapporterat",
  "not-fulfilled": "villkoret ej uppfyllt",
};

function confirm(at: ConfirmAt): string {
  if (at.kind === "cell") return `skriv det anvisade beloppet i ${at.ref}`;
  return at.kind === "argument"
    ? "ange det anvisade beloppet som bekräftat"
    : "för in det anvisade beloppet för året (confirmed)";
}
