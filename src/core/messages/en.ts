import { groupDigits, isZeroAmount as isZero, kr, printable, sek } from "../format";
import type {
  Catalogue,
  ConfirmAt,
  ContactStatus,
  HostFeature,
  Place,
  TableValue,
  XlsxDamage,
} from "./params";

/** "1 day", "3 days". */
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

const confirmAdvice = {
  field: () => "enter the amount appropriated for the year (confirmed)",
  cell: (ref: string) => `write the amount appropriated in ${ref}`,
  argument: () => "give the amount appropriated as confirmed",
};

const hostFeature: Record<HostFeature, string> = {
  settings: "the add-in's settings and its sheets' tables (all of the task pane)",
  calculate:
    "recalculating =SJUK.SHARE(region) cells when the population table changes (Range.calculate)",
  events: "following edits in the sheets (worksheet and table onChanged) and frozen header rows",
  validation: "the ja/nej drop-downs (data validation) and following recalculations (onCalculated)",
  "table-added": "noticing that Infoga bladen recreated the population table (tables.onAdded)",
  "table-resize": "resizing the input tables when rows are written (Table.resize)",
  "function-errors": "the SJUK functions' error messages in cells (CustomFunctions.Error)",
  "shared-runtime":
    "the task pane and the SJUK functions sharing one runtime, and starting with the workbook",
};

function damage(why: XlsxDamage): string {
  switch (why.kind) {
    case "detail":
      return why.detail;
    case "no-workbook-part":
      return "it has no workbook part";
    case "no-sheets":
      return "it has no sheets";
    case "sheet-unnamed":
      return `sheet ${why.index} has no name`;
    case "sheet-twice":
      return `two sheets are named ${why.name}`;
    case "sheet-missing":
      return `the sheet ${why.sheet} (${why.part}) is missing`;
    case "table-name":
      return `the table name ${why.table} on ${why.sheet} is not a valid name`;
  }
}

const quoted = (list: string[]) => list.map((s) => `"${s}"`).join(", ");
const either = (list: string[], or: string) => list.map((s) => `"${s}"`).join(` ${or} `);

function place(at: Place): string {
  if (at === null) return "an earlier row";
  if ("line" in at) return `line ${at.line}`;
  if ("row" in at) return `row ${at.row}`;
  return "cell" in at ? at.cell : at.sheet;
}

function tableValue(what: TableValue): string {
  if (what.kind === "treatment") return what.header;
  if (what.kind === "column") return what.column;
  return what.kind === "fulfilled" ? `${what.post} fulfilled` : what.kind;
}

/** "; a count belongs here": after "… is not a number" in a table's figure column. */
function belongs(what: TableValue): string {
  if (what.kind === "population") return "; a population figure belongs here";
  if (what.kind === "column") return `; a figure of ${what.column} belongs here`;
  return what.kind === "fulfilled" ? "" : "; a count belongs here";
}

/** English texts: one per message code (see params.ts for how to add one). */
export const en: Catalogue = {
  text: (p) => p.en,

  list: (p, render) => p.items.map(render).join("; "),
  argument: (p, render) =>
    `${p.name}${p.row === undefined ? "" : `, row ${p.row}`}${p.column === undefined ? "" : `, column ${p.column}`}: ${render(p.problem)}`,

  "days.due": (p) => (p.days === 0 ? "due today" : `due in ${days(p.days)}`),
  "days.in": (p) => (p.days === 0 ? "today" : `in ${days(p.days)}`),
  "days.overdue": (p) => `overdue by ${days(p.days)}`,
  "days.late": (p) => `late by ${days(p.days)}`,
  "days.met": () => "met",

  "date.not-iso": (p) => `"${p.value}" is not a date written YYYY-MM-DD`,
  "date.from-after-to": (p) => `from (${p.from}) is after to (${p.to})`,
  "file.unreadable": (p) =>
    `cannot read the file: ${{ "not-found": "no such file", directory: "is a directory", denied: "permission denied", other: p.detail }[p.why]}`,
  "file.not-csv": (p) => `not a readable CSV file: ${p.detail}`,
  "file.too-large": (p) =>
    `the file is larger than ${p.limit}, the most an input table may be; is it the right file?`,
  "file.too-many-rows": (p) =>
    `the file has ${p.rows} rows; an input table may have at most ${p.limit}`,
  "file.too-many-columns": (p) =>
    `this row has ${p.columns} columns; an input table may have at most ${p.limit}`,
  "file.zero-byte": () => "is not a text (CSV) file: it has a zero byte; save it as CSV (UTF-8)",
  "file.bad-utf8": (p) =>
    `${p.value} holds a byte that is not UTF-8 (shown as \uFFFD), while the rest of the file is UTF-8; save the file as UTF-8`,
  "file.not-json": (p) => `not valid JSON: ${p.detail}`,
  "agreement.unknown-kind": (p) => `kind must be ${either(p.kinds, "or")}`,

  "cell.not-finite": (p) => `${p.value} is not a finite number`,
  "cell.empty-not-number": () => "an empty cell is not a number",
  "cell.blank": () => "the cell is empty",
  "cell.not-a-number": (p) => `${p.value} is not a number`,
  "cell.negative": (p) => `${p.value} is negative`,
  "cell.negative-count": (p) => `${p.value} is negative; a count cannot be`,
  "cell.not-whole": (p) => `${p.value} is not a whole number`,
  "cell.not-yes-no": (p) => `${p.value} is not yes or no (ja/nej, yes/no, TRUE/FALSE)`,
  "cell.too-long": (p) =>
    `${p.value} has ${p.chars} characters; a cell may have at most ${p.limit}`,
  "cell.too-many-digits": (p) =>
    `${p.value} has ${p.digits} digits; a figure may have at most ${p.limit}`,
  "cell.count-too-large": (p) => `${p.value} is too large; a count may be at most ${p.limit}`,

  "figures.comma-ambiguous": (p) =>
    `${p.value} could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130)`,
  "figures.english-in-decimal-column": (p) =>
    `${p.value} writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (${place(p.at)}: ${p.example.value}); write every figure of a column the same way`,
  "figures.decimal-in-english-column": (p) =>
    `${p.value} has a decimal comma, but this column uses the comma for thousands (${place(p.at)}: ${p.example.value}); write every figure of a column the same way`,

  "region.unknown": (p) =>
    `"${printable(p.text)}" is not a region; closest: ${p.closest.join(", ")}`,
  "region.disagree": (p) => `${p.value} is ${p.name}, but column ${p.column} says ${p.other}`,
  "region.blank": () => "no region on this row",
  "region.repeated": (p) => `${p.name} appears again; it is already on ${place(p.at)}`,
  "region.missing": (p) =>
    `${p.name} (${p.code}) has no row; every one of the ${p.count} regions needs one`,
  "region.count": (p) =>
    `expected ${p.expected} figures in county-code order (${p.first} … ${p.last}), got ${p.got}; or give two columns, region and figure`,

  "table.value": (p, render) =>
    `${render(p.problem)}${p.problem.code === "cell.not-a-number" ? belongs(p.what) : ""} (${tableValue(p.what)} for ${p.region})`,
  "table.missing-value": (p) => `no ${tableValue(p.what)} for ${p.region}`,
  "table.unknown-population-header": (p) =>
    `"${printable(p.header)}" is not a column of a population file; use "region", "befolkning", "datum" (or "region", "population", "date")`,
  "table.unknown-figure-header": (p) =>
    `"${printable(p.header)}" is not a column of a ${p.column} file; use "region" and "${p.column}"`,
  "table.unknown-contacts-header": (p) =>
    `"${printable(p.header)}" is not a column of a contacts file; use ${quoted(p.swedish)} (or the English ${quoted(p.english)})`,
  "table.unknown-post-header": (p) =>
    `"${printable(p.header)}" is not a regional post of ${p.agreement}; the post columns are ${p.ids.join(", ")}`,
  "table.repeated-column": (p) =>
    `"${printable(p.header)}" repeats the column "${p.earlier}"; each column may appear once`,
  "table.empty-header": (p) =>
    `the header row is empty; it needs the columns ${p.required.map((r) => either(r, "or")).join(" and ")}`,
  "table.missing-column": (p) =>
    `no column ${either(p.spellings, "or")}; the header has ${p.given}`,
  "table.headerless-cell": (p) => `${p.value} is in a column without a header`,
  "table.no-date": () => "no date; a key has one date, written YYYY-MM-DD, on every row",
  "table.not-a-date": (p) => `${p.value} is not a date written YYYY-MM-DD`,
  "table.date-not-given": (p) =>
    `the figures are dated ${p.date} here but ${p.given} was given as their date; one key has one date`,
  "table.date-differs": (p) =>
    `${p.date} differs from ${p.first} on an earlier row; one key has one date`,
  "table.all-zero": () => "every figure is zero, so there is no share to take",
  "table.no-post-column": (p) =>
    `no post column; add one or more of ${p.ids.join(", ")} with ja/nej per region`,

  "cli.out-is-input": (p) =>
    `${p.out}: --out is the input workbook itself; give --in-place to write over it, or another file`,
  "cli.in-place-and-out": (p) =>
    `--in-place writes over ${p.input}; --out ${p.out} names another file; give one of them`,
  "cli.cannot-write": (p) => `${p.path}: cannot write the workbook: ${p.detail}`,
  "cli.not-a-regional-post": (p) =>
    `--non-fulfilment: "${p.id}" is not a regional post of ${p.agreement} (${p.ids.join(", ")})`,
  "cli.not-a-body-condition": (p) =>
    `--body-not-fulfilled: "${p.id}" is not a body's post with a condition in ${p.agreement} (${p.ids.join(", ")})`,
  "cli.report-format": (p) =>
    `${p.out}: a report is .xlsx or .pdf; name the file so, or give --format xlsx|pdf`,
  "cli.report-format-mismatch": (p) =>
    `${p.out}: --format ${p.format} writes a .${p.format} file, but the name ends otherwise; give the file the .${p.format} ending`,
  "cli.report-out-is-scenario": (p) =>
    `${p.out}: --out is the scenario file itself; give another file`,
  "cli.key-date-without-population": (p) =>
    `--key-date ${p.keyDate} dates the figures of --population FILE; without --population the shipped SCB figures of 31 Dec 2019 are used, with their own date`,

  "function.unknown": (p) => `SJUK.${p.name} does not exist`,
  "function.too-many-arguments": (p) =>
    `SJUK.${p.name} takes at most ${p.names.length} arguments (${p.names.join(", ")})`,
  "function.required": (p) => `${p.names.join(", ")} is required`,
  "function.internal": (p) => `internal error: ${p.detail}`,
  "function.empty": (p) => `${p.name} is empty`,
  "function.all-zero": () => "every figure is zero, so there is no share to take",
  "function.range-too-large": (p) =>
    `the range has ${p.rows} rows and ${p.columns} columns; a range of regions may have at most ${p.rowLimit} rows and ${p.columnLimit} columns`,
  "function.more-problems": (p) => `and ${p.count} more`,
  "function.short-form-circular": (p) =>
    `${p.table} depends on this cell (a circular reference): the short form cannot read a table that holds it or is computed from it`,
  "function.fulfilment-count": (p) =>
    `expected a row of post ids and ${p.expected} rows in county-code order, got ${p.got} rows`,
  "function.not-regional-post": (p) =>
    `"${printable(p.header)}" is not a regional post (${p.ids.join(", ")})`,
  "function.not-a-post": (p) => `"${p.post}" is not a post (${p.ids.join(", ")})`,
  "function.not-a-rule": (p) => `"${p.word}" is not ${p.rules.join(" or ")}`,
  "function.not-an-option": (p) =>
    `"${p.word}" is not an option; use ${p.rules.join(", ")}, ${p.keys.join(", ")}, a method (hamilton, sainte-lague, dhondt) or post=rule`,
  "function.not-a-redistribution": (p) => `${p.value} is not ${p.keys.join(" or ")}`,
  "function.not-a-method": (p) =>
    `"${p.value}" is not an apportionment method; use hamilton (largest remainder), sainte-lague or dhondt`,
  "function.unknown-post": (p) =>
    `"${p.post}" is not a post of the ${p.agreement} agreement (${p.ids.join(", ")})`,
  "function.not-regional": (p) =>
    `${p.post} goes to ${p.recipient.en}, not to the regions; use SJUK.POST("${p.post}")`,
  "function.unknown-recipient": (p) => `"${p.text}" is not one of ${p.recipients.join(", ")}`,
  "function.unknown-agreement": (p) =>
    `"${p.id}" is not an agreement of this workbook or of SJUK (${p.ids.join(", ")})`,
  "function.too-few-columns": (p) =>
    `has ${p.width} columns; it needs the member (region) first, then ${p.columns.join(", ")}`,
  "function.not-a-decision": (p) =>
    `${p.post}=${p.value}: a decision is a whole amount in kronor (a "högst" post) or yes/no (a body's condition)`,
  "function.no-population-table": (p) =>
    `key is empty and the workbook has no ${p.table} table; give a key range or insert the Befolkning sheet`,
  "function.too-large": (p) => `${p.value} is too large`,
  "function.weights-zero": () => "the weights add up to zero, so there is no share to take",
  "function.year-only": (p) => `the agreement gives only the year ${p.year}, no date`,
  "function.table1-differs": (p) =>
    `differs from Table 1: ${p.differences
      .map((d) => `${d.recipient?.en ?? "total"}: ${kr(d.got)}, Table 1 says ${kr(d.stated)}`)
      .join("; ")}`,
  "function.no-money-for-year": (p) =>
    `the decision has no money for ${p.year} (years: ${p.years})`,
  "function.unknown-deadline": (p) =>
    `"${p.item}" is not a deadline of the assignment (${p.items})`,
  "function.not-a-date": (p) => `${p.value} is not a date (an Excel date or YYYY-MM-DD)`,
  "function.not-whole-kronor": (p) => `${p.value} is not whole, non-negative kronor`,
  "function.not-a-language": (p) =>
    `"${p.value}" is not a language; write "sv" for Swedish or "en" (or leave it out) for English`,
  "function.planned-not-confirmed": (p) =>
    `${p.year}: ${kr(p.planned)} is planned, on condition that the Riksdag appropriates it; not granted until confirmed (give the amount appropriated as confirmed)`,
  "function.no-scenario": (p) =>
    p.names.length
      ? `no saved scenario is named "${p.name}" (saved: ${quoted(p.names)})`
      : `no saved scenario is named "${p.name}": the range holds no scenarios; give the SJUK_Scenarier table`,
  "function.scenario-not-json": (p) => `the Scenario (JSON) cell is not JSON: ${p.detail}`,
  "function.scenario-field": (p, render) =>
    `scenario "${p.scenario}"${p.field ? `, ${p.field}` : ""}: ${render(p.problem)}`,
  "function.scenarios-unavailable": () =>
    "saved scenarios cannot be read in this host; open the workbook with the SJUK add-in",
  "ledger.appropriation-yes-no": (p) =>
    `give the amount the Riksdag appropriated for ${p.year}, not yes: the government only estimated ${kr(p.planned)}`,

  "ledger.not-a-number": (p) => `${p.value} is not a number`,
  "ledger.not-whole-kronor": (p) => `${p.value} is not a whole number of kronor`,
  "ledger.negative": (p) => `${p.value} is negative`,
  "ledger.unknown-year": (p) => `${p.year} is not a year of the decision (${p.years})`,
  "ledger.confirmed-not-planned": (p) =>
    `${p.year} is already granted (${p.status}); it needs no confirmation`,
  "ledger.confirmed-twice": (p) =>
    `${p.year} is already confirmed in ${p.firstField}: enter one appropriation per year`,
  "ledger.unknown-report": (p) => `"${p.item}" is not a report of the decision (${p.reports})`,
  "ledger.not-a-report": (p) =>
    `"${p.item}" is not a report: enter it under ${p.kind === "requisition" ? "requisitions" : "repayments"}`,
  "ledger.duplicate-spent": (p) =>
    `spending for ${p.year} is already entered in ${p.firstField}: enter one total per year`,
  "ledger.unconfirmed-requisition": (p) =>
    `${kr(p.amount)} requisitioned against ${p.year}, whose ${kr(p.planned)} is only planned (${p.condition?.en ?? "conditional"}); ${confirm(p.confirm)} once the Riksdag has appropriated the money`,
  "ledger.unconfirmed-spent": (p) =>
    `${kr(p.amount)} spent against ${p.year}, whose ${kr(p.planned)} is only planned (${p.condition?.en ?? "conditional"}); ${confirm(p.confirm)} once the Riksdag has appropriated the money`,
  "ledger.second-requisition": (p) =>
    `a second requisition for ${p.year}: the funds are paid out "engångsvis" (once), and ${p.firstField} already requisitioned ${kr(p.firstAmount)} on ${p.firstDate}`,
  "ledger.requisition-above-grant": (p) =>
    `${kr(p.requisitioned)} requisitioned for ${p.year} is more than the ${p.atMost ? "högst " : ""}${kr(p.granted)} granted (${kr(p.over)} too much)`,
  "ledger.requisition-late": (p) =>
    `requisitioned on ${p.date}, ${days(p.days)} after the deadline ${p.deadline} (to ${p.to})`,
  "ledger.spent-above-grant": (p) =>
    `${kr(p.spent)} spent in ${p.year} is more than the ${p.atMost ? "högst " : ""}${kr(p.granted)} granted (and the ${kr(p.requisitioned)} requisitioned)`,
  "ledger.spent-above-requisition": (p) =>
    `${kr(p.spent)} spent in ${p.year} is more than the ${kr(p.requisitioned)} requisitioned (${kr(p.over)} over)`,
  "ledger.repayment-above-unused": (p) =>
    `${kr(p.repaid)} repaid for ${p.year} is more than the ${kr(p.toRepay)} unused (requisitioned ${kr(p.requisitioned)} − spent ${kr(p.spent)})`,
  "ledger.repayment-short": (p) =>
    `${kr(p.toRepay)} unused in ${p.year} should have been repaid to ${p.to} by ${p.date}; ${kr(p.repaid)} repaid, ${kr(p.short)} outstanding`,
  "ledger.appropriated-above-plan": (p) =>
    `${kr(p.appropriated)} appropriated for ${p.year} is more than the ${kr(p.planned)} the government planned; check the amount`,

  "ledger.note.not-confirmed": (p) => `${p.year} is not confirmed by the Riksdag`,
  "ledger.note.requisitioned": (p) => `${sek(p.amount)} requisitioned on ${p.date}`,
  "ledger.note.may-requisition": (p) =>
    `${p.atMost ? "at most " : ""}${sek(p.amount)} may be requisitioned until ${p.date}`,
  "ledger.note.nothing-requisitioned": () => "nothing requisitioned, nothing to repay",
  "ledger.note.all-spent": () => "everything requisitioned is spent, nothing to repay",
  "ledger.note.to-repay": (p) =>
    `${sek(p.amount)} to repay by ${p.date}${isZero(p.repaid) ? "" : `, ${sek(p.repaid)} repaid`}`,
  "ledger.note.report": (p) => `${p.title.en}, by ${p.date}`,
  "ledger.note.by": (p) => `by ${p.date}`,
  "ledger.when.done": (p) => `done ${p.date}`,
  "ledger.when.done-late": (p) => `done ${p.date}, ${days(p.days)} late`,

  "sheet.missing-amount": () => "the amount is missing",
  "sheet.missing-date": () => "the date is missing (write YYYY-MM-DD)",
  "sheet.not-a-date": (p) => `"${p.value}" is not a date (write YYYY-MM-DD)`,
  "sheet.not-a-year": (p) => (p.blank ? "(blank) is not a year" : `${p.value} is not a year`),
  "sheet.not-an-amount": (p) => `${p.value} is not an amount in kronor`,
  "sheet.requisitions-dropped": (p) =>
    `The further-requisitions table has ${p.rows} rows; these rows were not kept: ${p.dropped}`,

  "sheet.owned-missing": (p) =>
    `the add-in's ${p.name.en} sheet is missing; insert the sheets again`,
  "sheet.renamed": (p) =>
    `A sheet named "${p.taken}" already exists and is yours; it is left as it is. The add-in's sheet is named "${p.used}".`,
  "sheet.not-a-rule": (p) => `"${p.value}" is not a rule; choose one from the list`,
  "sheet.not-a-redistribution": (p) =>
    `"${p.value}" is not a redistribution key; choose one from the list`,
  "sheet.cell-error": (p) => `${p.text} (error in the cell)`,
  "sheet.cell-error-message": (p) => `${p.text}: ${p.message}`,

  "compute.unknown-code": (p) => `${p.what}: no ${member(p.set)} has the code ${p.code}`,
  "compute.missing": (p) => `${p.what}: ${p.name} (${p.code}) is missing`,
  "compute.not-a-number": (p) => `${p.what}: ${p.value} is not a number`,
  "compute.not-finite": (p) => `${p.what}: ${p.value} is not a finite number`,
  "compute.negative": (p) => `${p.what}: ${p.value} is negative`,
  "compute.not-whole": (p) => `${p.what}: ${p.value} is not a whole number`,
  "compute.all-zero": (p) => `${p.what}: every figure is zero, so there is no share to take`,
  "compute.key-not-given": (p) =>
    `keys: the key column "${p.column}" is not given (posts ${p.posts.join(", ")} need it)`,
  "compute.key-twice": (p) =>
    `keys.${p.column}: "${p.column}" is the agreement's default key, already given as key`,
  "compute.unknown-key": (p) =>
    `keys: "${p.column}" is not a key column of ${p.agreement} (${p.known.join(", ") || "none"})`,
  "compute.unknown-units": (p) =>
    `units: "${p.column}" is not a unit column of ${p.agreement} (${p.known.join(", ") || "none"})`,
  "compute.units-twice": (p) => `units.${p.column}: the counts are already given as contacts`,
  "compute.not-conditional-post": (p) =>
    `fulfilment: "${p.post}" is not a regional post of ${p.agreement} (${p.setPosts.join(", ")})` +
    (p.bodyPosts.length ? ` nor a body's post with a condition (${p.bodyPosts.join(", ")})` : ""),
  "compute.not-the-body": (p) =>
    `fulfilment, ${p.post}: the post is paid to ${p.body}, not to "${p.given}"`,
  "compute.not-a-post": (p) => `${p.what}: "${p.post}" is not a post of ${p.agreement}`,
  "compute.not-at-most": (p) =>
    `decided, ${p.post}: the post's amount is fixed, not a ceiling ("högst"), so no other amount can be decided`,
  "compute.above-ceiling": (p) =>
    `decided, ${p.post}: ${kr(p.decided)} is above the post's ceiling of ${kr(p.ceiling)}`,
  "compute.not-kronor": (p) => `decided, ${p.post}: ${p.value} is not whole, non-negative kronor`,
  "compute.bad-redistribution": (p) =>
    `redistribution: "${p.value}" is not one of ${p.keys.join(", ")}`,
  "compute.bad-rule": (p) => `non-fulfilment: "${p.rule}" is not lapse or share`,
  "compute.bad-method": (p) => `method: "${p.value}" is not one of ${p.methods.join(", ")}`,
  "compute.key-date-unknown": (p) =>
    `The key's date is not stated; the agreement's key is ${p.key.en}.`,
  "compute.key-dates-mixed": (p) =>
    `The key mixes figures of different dates (${p.dates}), so it has no one date; the agreement's key is ${p.key.en}.`,
  "compute.key-date": (p) =>
    `The key is from ${p.date} (${p.source}), not from ${p.keyDate} as the agreement requires (${p.key.en}).`,
  "compute.table1": (p) =>
    `Table 1 states ${kr(p.stated)} for ${p.recipient}, but the agreement's posts to ${p.recipient} add up to ${kr(p.posts)}: Table 1 no longer matches the posts.`,
  "compute.units-assumed": (p) =>
    `No counts given for ${p.post} (${p.column}): every fulfilling ${member(p.set)} is assumed to have enough to take all it can be given, so the post pays its whole ${kr(p.amount)} among the fulfilling ${members(p.set)}, as Table 1 budgets.` +
    (p.byPopulation
      ? " Without counts nobody's unpaid units are known, so what is left is redistributed by population (the cap's key), not by unpaid contacts."
      : ""),
  "compute.contacts-exceed-treatments": (p) =>
    `${p.name}: ${p.contacts} contacts but only ${p.treatments} treatments reported.`,
  "compute.unpaid": (p, render) =>
    `${p.post}: ${kr(p.amount)} is not paid out (${render(p.reason)}).`,
  "compute.decided-below": (p) =>
    `decided at ${kr(p.decided)}, below its ceiling of ${kr(p.ceiling)}`,
  "compute.not-fulfilled-by": (p) => `not fulfilled by ${p.who}`,
  "compute.nobody-fulfils": (p) => `no ${member(p.set)} fulfils the condition`,
  "compute.not-enough-units": (p) => `no ${member(p.set)} had ${p.column} enough to take it`,
  "compute.lapsed": (p) => `lapsed: not fulfilled by ${p.names.join(", ")}`,
  "compute.not-reported": (p) =>
    `${p.column === "contacts" ? "contacts" : `counts of ${p.column}`} not reported yet by ${p.names.join(", ")}`,
  "allocate.bad-amount": (p) =>
    `the amount to allocate must be whole, non-negative kronor, not ${p.value}`,
  "allocate.no-weights": (p) => `${p.what}: there is nothing to allocate to (no weights)`,
  "allocate.repeated": (p) => `${p.what}: ${p.id} appears twice`,
  "allocate.weights-zero": (p) =>
    `${p.what}: the weights add up to zero, so there is no share to take`,
  "amount.not-whole": (p) => `${p.what}: ${p.value} is not a whole number of kronor`,
  "amount.too-large": (p) => `${p.what}: ${p.value} is too large`,
  "mix.no-keys": () => "mix: a key mix needs at least one key",
  "mix.weights-zero": () => "mix: the keys' weights add up to zero",
  "mix.key-zero": (p) => `${p.path}: the figures add up to zero, so the key has no shares to mix`,
  "mix.not-a-figure": (p) => `${p.path}: "${p.value}" is not a non-negative number`,
  "mix.no-figures": (p) => `${p.path}: give figures (one per member) or equal: true`,
  "mix.unknown-code": (p) => `${p.path}: ${p.code} is not a member of the recipient set`,
  "mix.missing": (p) => `${p.path}: no figure for ${p.code}; every member needs one`,
  "sensitivity.unknown-member": (p) => `${p.code} is not a member of ${p.set}`,
  "sensitivity.not-a-set-post": (p) => `${p.post} is not a post to ${p.set}`,
  "sensitivity.bad-delta": (p) => `delta: ${p.value} is not a positive number`,
  "sensitivity.negative": (p) =>
    `${p.column}, ${p.code}: ${p.figure} less ${p.delta} would be negative; choose a smaller delta`,
  "sensitivity.no-column": (p) => `the key column ${p.column} has no figures in the inputs`,
  "label.post": () => "Post",
  "label.region": () => "Region",
  "label.total": () => "Total",
  "label.payment": () => "Payment",
  "label.key-minus": (p) => `Key − ${p.delta}`,
  "label.key-plus": (p) => `Key + ${p.delta}`,
  "label.change-minus": (p) => `Change at − ${p.delta}`,
  "label.change-plus": (p) => `Change at + ${p.delta}`,
  "label.fulfils": (p) => `${p.region} fulfils ${p.post}`,
  "label.does-not-fulfil": (p) => `${p.region} does not fulfil ${p.post}`,
  "label.difference": () => "Difference",
  "label.not-paid": () => "Not paid out",
  "xlsx.beyond-rows": (p) =>
    `beyond row ${p.limit.toLocaleString("en-US")}, the last row sjuk evaluate reads (HyperFormula's sheet size)`,
  "xlsx.beyond-columns": (p) =>
    `beyond column ${p.limit.toLocaleString("en-US")} (ZZZ), the last column sjuk evaluate reads (HyperFormula's sheet size)`,
  "xlsx.too-many-cells": (p) =>
    `the workbook has more than ${p.limit.toLocaleString("en-US")} filled cells, the most sjuk evaluate reads`,
  "xlsx.part-too-big": (p) =>
    `the part ${p.part} is ${p.megabytes} MB uncompressed; sjuk evaluate reads parts up to ${p.limit} MB`,
  "xlsx.not-a-cell": (p) => `"${p.value}" is not a cell address`,
  "xlsx.shared-string-missing": (p) => `shared string ${p.index} does not exist`,
  "xlsx.shared-formula-no-master": (p) => `shared formula ${p.si} has no master cell`,
  "xlsx.table-no-column": (p) =>
    `the table ${p.table} has no column "${p.column}" (it has ${p.columns.join(", ")})`,
  "xlsx.table-no-part": (p) => `the table ${p.table} has no part ${p.part}`,
  "xlsx.table-this-row-outside": (p) => `[#This Row] of table ${p.table} used outside its rows`,
  "xlsx.table-no-rows": (p) => `the table ${p.table} has no such rows (${p.spec})`,
  "xlsx.damaged": (p) =>
    `${p.file} is not an Excel workbook (.xlsx) or is damaged: ${damage(p.why)}`,
  "file.failed": (p) => `could not finish: ${p.detail}`,
  "pane.failed": (p) =>
    `The pane could not show this part: ${p.why}. Nothing was written to the workbook.`,
  "snapshot.not-ours": () =>
    "not a workbook saved by the SJUK preview (format sjuk-preview-workbook, version 1)",
  "snapshot.field-missing": (p) => `${p.field} is missing`,
  "snapshot.not-a-sheet": (p) => `sheets[${p.index}] is not a sheet`,
  "workbook.sheet-not-ours": (p) =>
    `the workbook already has a sheet named "${p.name}" that SJUK did not create; rename it first`,

  "explain.step": (p) =>
    ({
      region: "Region",
      post: "Post",
      amount: "Post amount",
      rule: "Rule",
      weight: "Weight",
      "total-weight": "Total weight",
      "cap-exact": "Cap, exact",
      cap: "Cap",
      earned: "Earned",
      "first-payment": "First payment",
      round: `Round ${p.round ?? ""}`,
      unpaid: "Unpaid in post",
      share: "Share",
      exact: "Exact amount",
      floor: "Floor",
      rank: "Remainder rank",
      rounding: "Rounding",
      paid: "Paid",
      "scenario-total": "Scenario total",
      method: "Method",
    })[p.step],
  "explain.note": (p) => {
    switch (p.note) {
      case "at-most":
        return "at most";
      case "rule":
        return "lapse: the share is not paid; share: the fulfilling share the post";
      case "population":
        return "population";
      case "cap-formula":
        return "amount × weight / total";
      case "first-payment":
        return "min(earned, cap)";
      case "unpaid":
        return "no region can take it";
      case "share-formula":
        return "weight / total";
      case "exact-formula":
        return "amount × share";
      case "whole-kronor":
        return "whole kronor";
      case "not-fulfilled":
        return "the region does not fulfil the condition";
      case "cap-rounding":
        return `rounding +${p.roundedUp} (rank ${p.rank} of ${p.of}, ${p.leftover} kr left over)`;
      case "earned":
        return `contacts × ${groupDigits(p.unitAmount)} kr`;
      case "round":
        return p.eligible
          ? `pool ${groupDigits(p.pool)} kr`
          : `not eligible; pool ${groupDigits(p.pool)} kr`;
      case "leftover":
        return `${p.leftover} kr left over, by largest remainder`;
      case "key":
        return `key: ${p.source}`;
      case "divisor":
        return p.method === "dhondt"
          ? "D'Hondt, a divisor method: each krona to the highest weight / (kronor so far + 1), not by largest remainder"
          : "Sainte-Laguë, a divisor method: each krona to the highest weight / (kronor so far + ½), not by largest remainder";
      case "next-in-line":
        return "place in line for the next krona (divisor method)";
    }
  },
  "scenario.unknown-agreement": (p) =>
    `"${p.id}" is neither a shipped agreement (${p.known.join(", ")}) nor an agreement file`,
  "scenario.not-a-member": (p) => `${p.code} is not a member of the agreement's recipient set`,
  "scenario.missing-member": (p) => `no figure for ${p.code}; every member needs one`,
  "scenario.not-a-post": (p) => `"${p.id}" is not a post of the agreement (${p.ids.join(", ")})`,
  "scenario.not-a-recipient": (p) =>
    `"${p.id}" is neither a member nor a body that post ${p.post} pays`,
  "scenario.shipped-date": (p) =>
    `no shipped key for ${p.date}; shipped dates: ${p.dates.join(", ")}`,
  "scenario.key-file-type": (p) =>
    `${p.file}: a key file is a .csv (region;befolkning, or SCB's semicolon export) or SCB's JSON-stat2 .json`,
  "scenario.no-scenarios": () => "give at least one scenario file",
  "scenario.same-name": (p) => `two scenarios are named "${p.name}"; each needs its own name`,
  "scenario.no-base": (p) =>
    `no scenario is named "${p.name}"; the scenarios are ${p.names.join(", ")}`,
  "scenario.unknown-name": (p) => `no scenario is named "${p.name}"`,
  "scenario.no-json-in-cell": () => "no scenario JSON in this cell",
  "scenario.reads-file-in-workbook": (p) =>
    `a scenario in the workbook cannot read the file ${p.path}; import the scenario with its figures`,
  "scb.no-region": () => "the table has no region (county) column or dimension",
  "scb.no-time": () => "the table has no time column or dimension (e.g. 2019M11 or 2019)",
  "scb.several": (p) =>
    `the table has ${p.count} values of ${p.dimension}; export one (a key is one figure per county)`,
  "scb.not-a-county": (p) => `"${p.text}" is not a county; closest: ${p.closest.join(", ")}`,
  "scb.not-a-number": (p) => `"${p.value}" is not a number of inhabitants`,
  "scb.missing-county": (p) => `no figure for the counties ${p.codes.join(", ")}`,
  "scb.not-json-stat": (p) => `not a JSON-stat 2.0 dataset: ${p.detail}`,
  "scb.no-date": (p) => `cannot tell the reference date from "${p.time}"; give the key's date`,
  "host.missing-set": (p) =>
    `This Excel lacks ${p.set} ${p.version}: ${hostFeature[p.feature]} will not work.`,
  "host.healthy": () =>
    "Health check: the shared runtime is running and the SJUK functions are registered.",
  "host.unhealthy": (p) =>
    `Health check: ${p.runtime ? "" : "the shared runtime is not running; "}${p.functions ? "" : "the SJUK functions are not registered; "}cells will show #NAME? (or _xldudf_SJUK_… in the file). Close and reopen the workbook; on a Mac, update Excel.`,
  "contacts.not-reported": (p) =>
    p.column === undefined
      ? `${p.count} of ${p.total} regions have not reported ${p.post} contacts yet: ${p.names.join(", ")}. Their contact money waits for their report; the others' is computed as if the missing regions take their whole cap, so it can only grow when they report.`
      : `${p.count} of ${p.total} ${members(p.set ?? "")} have not reported their ${p.column} for ${p.post} yet: ${p.names.join(", ")}. Their money waits for their report; the others' is computed as if the missing ones take their whole cap, so it can only grow when they report.`,
  "contacts.status": (p) => contactStatus[p.status],
  "function.contacts-not-reported": (p) =>
    `contacts not reported yet for ${p.names.join(", ")}: Table 1 can be checked when every region has reported`,
  "function.contacts-part": (p) =>
    `"${p.value}" is not a part of the contact money; the parts are ${p.parts.join(", ")}`,
  "key.zero": (p) =>
    `the key (${p.what}) is 0 for ${p.names.join(", ")}: it gets nothing of the posts split by population. Check the figure.`,
  "ics.bad-reminder": (p) => `reminder: "${p.value}" is not a number of days from 1 to ${p.max}`,
  "ics.bad-stamp": (p) => `stamp: "${p.value}" is not a date-time`,
  "ics.write-failed": (p) => `could not write the .ics file: ${p.why}`,
  "ics.not-a-date": (p) => `"${p.value}" is not an iCalendar date`,
  "ics.last-day": (p) =>
    `event date ${p.date}: an all-day event in iCalendar ends on the next day, and ${p.date} is the last day the format can write`,
  "ics.empty": (p) =>
    `no payouts or deadlines from ${p.from} to ${p.to}: the file is a valid calendar without events`,
  "function.spill-size": (p) =>
    `SJUK.${p.name} gives ${p.rows} × ${p.columns} cells, but this spreadsheet reserved ${p.reservedRows} × ${p.reservedColumns} from the formula: write the agreement's id in the formula as text (e.g. "synthetic-290"), not in a cell, and enter the formula again`,
};

const contactStatus: Record<ContactStatus, string> = {
  over: "over the cap",
  under: "under the cap",
  at: "at the cap",
  "not-reported": "not reported",
  "not-fulfilled": "condition not fulfilled",
};

/** "region" for the 21 regions, "member of municipalities" for another recipient set. */
function member(set: string): string {
  return set === "regions" ? "region" : `member of ${set}`;
}

/** "regions" for the 21 regions, "members of municipalities" for another recipient set. */
function members(set: string): string {
  return set === "regions" ? "regions" : `members of ${set}`;
}

function confirm(at: ConfirmAt): string {
  return at.kind === "cell" ? confirmAdvice.cell(at.ref) : confirmAdvice[at.kind]();
}
