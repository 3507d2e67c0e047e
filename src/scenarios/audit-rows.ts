import type { Language, Texts } from "../core/language";
import type { ComputeResult, PostResult } from "../engine/compute";
import type { AllocationLine } from "../engine/allocate";

/**
 * The audit trail of a scenario's result (issue 10 point 6), as rows for a sheet: for every post
 * and recipient the weight, share, exact amount, floor, remainder rank, rounding, what the rule
 * changed, each redistribution round and the payment, with the rule and the agreement's page.
 * Sums are Excel formulas (SUM, SUMIF) with their values, so that Excel's own arithmetic over the
 * rows gives the result. Pure: the values are the engine's; this only lays them out. Used by
 * `sjuk audit` and by the workbook's audit sheet.
 */

/** A cell: a value, or a formula (A1 references, English function names) with its value. */
export type AuditCell = string | number | null | { formula: string; value: number };

export interface AuditTable {
  /** The header row's labels, in the table's language. */
  header: string[];
  /** Every row below the header, the header being on sheet row `firstRow - 1`. */
  rows: AuditCell[][];
  /** Where the sums are: the grand total's cell and each recipient's total cell. */
  totalCell: string;
}

const T = (sv: string, en: string): Texts => ({ sv, en });

const COLUMNS = {
  post: T("Post", "Post"),
  page: T("Sida", "Page"),
  code: T("Kod", "Code"),
  recipient: T("Mottagare", "Recipient"),
  rule: T("Regel", "Rule"),
  weight: T("Vikt", "Weight"),
  share: T("Andel", "Share"),
  exact: T("Exakt belopp", "Exact amount"),
  floor: T("Golv (kr)", "Floor (kr)"),
  rank: T("Restplats", "Remainder rank"),
  rounding: T("Avrundning (kr)", "Rounding (kr)"),
  allocated: T("Fördelat (kr)", "Allocated (kr)"),
  adjustment: T("Regelns ändring (kr)", "Rule's change (kr)"),
  round: T("Omfördelning, omgång", "Redistribution, round"),
  paid: T("Utbetalt (kr)", "Paid (kr)"),
};

const WORDS = {
  sum: T("Summa", "Sum"),
  total: T("Totalt", "Total"),
  byRecipient: T("Per mottagare", "Per recipient"),
  byKey: T("efter nyckeln, största rest", "by the key, largest remainder"),
  byMethod: T("efter nyckeln, metod", "by the key, method"),
  lapse: T("ej uppfyllt: andelen betalas inte ut", "not fulfilled: its share is not paid"),
  share: T(
    "ej uppfyllt: de som uppfyller delar på posten",
    "not fulfilled: the others share the post"
  ),
  perUnit: T(
    "tak = andel efter nyckeln; högst antal × belopp per enhet; det som blir över omfördelas",
    "cap = share by the key; at most units × unit amount; what is left is redistributed"
  ),
  notFulfilledUnit: T(
    "ej uppfyllt: inga pengar; taket omfördelas",
    "not fulfilled: no money; its cap is redistributed"
  ),
  fixed: T("fast belopp", "fixed amount"),
  decided: T("beslutat belopp (högst)", "decided amount (at most)"),
  bodyNotFulfilled: T("ej uppfyllt: betalas inte", "not fulfilled: not paid"),
  reservation: T("reserverat, regeringen beslutar", "reserved, the government decides"),
};

/** "A" … "Z", "AA" …: a 1-based column number as Excel's letters. */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The rule a member's row followed, in words. */
function ruleOf(p: PostResult, fulfils: boolean, lang: Language): string {
  if (p.contacts) return (fulfils ? WORDS.perUnit : WORDS.notFulfilledUnit)[lang];
  if (!fulfils) return (p.rule === "share" ? WORDS.share : WORDS.lapse)[lang];
  const method = p.allocation?.method ?? "hamilton";
  return method === "hamilton" ? WORDS.byKey[lang] : `${WORDS.byMethod[lang]} ${method}`;
}

function bodyRule(p: PostResult, lang: Language): string {
  if (p.reservation) return WORDS.reservation[lang];
  if (p.paid === 0 && p.budget > 0 && p.post.requiresFulfilment)
    return WORDS.bodyNotFulfilled[lang];
  return (p.decided !== undefined ? WORDS.decided : WORDS.fixed)[lang];
}

/**
 * Builds the table. `firstRow` is the sheet row of the first row below the header (the header is
 * on the row above), `firstColumn` the column of "Post" (1 = A), so formulas point at the cells.
 */
export function auditRows(
  result: ComputeResult,
  lang: Language,
  firstRow = 2,
  firstColumn = 1
): AuditTable {
  const rounds = Math.max(0, ...result.posts.map((p) => p.contacts?.rounds.length ?? 0));
  const keys = Object.keys(COLUMNS).filter((k) => k !== "round") as (keyof typeof COLUMNS)[];
  const header = [
    ...keys.slice(0, keys.indexOf("paid")).map((k) => COLUMNS[k][lang]),
    ...Array.from({ length: rounds }, (_, i) => `${COLUMNS.round[lang]} ${i + 1}`),
    COLUMNS.paid[lang],
  ];
  const col = (name: keyof typeof COLUMNS | number): string => {
    const index =
      typeof name === "number"
        ? keys.indexOf("adjustment") + 1 + name
        : name === "paid"
          ? header.length - 1
          : keys.indexOf(name);
    return columnLetter(firstColumn + index);
  };
  const rows: AuditCell[][] = [];
  const at = () => firstRow + rows.length; // the sheet row the next row lands on
  const sumRows: number[] = [];
  const rowsOf = new Map<string, number[]>(); // each recipient's payment rows

  for (const p of result.posts) {
    const start = at();
    if (p.post.recipient === result.agreement.recipients.id) {
      p.payments.forEach((pay, i) =>
        rows.push(memberRow(p, pay.recipient, pay.name, i, rounds, lang, at(), col))
      );
    } else {
      rows.push(bodyRow(p, rounds, lang, at(), col));
    }
    const end = at() - 1;
    for (let r = start; r <= end; r++) {
      const code = rows[r - firstRow]![2] as string;
      rowsOf.set(code, [...(rowsOf.get(code) ?? []), r]);
    }
    // The post's sums: Excel's SUM over its rows gives what the post pays.
    const sum = (c: string, value: number) => ({ formula: `SUM(${c}${start}:${c}${end})`, value });
    const colSum = (k: number) =>
      rows.slice(rows.length - (end - start + 1)).reduce((s, r) => s + (valueOf(r[k]) ?? 0), 0);
    const idx = (name: keyof typeof COLUMNS | number) => header.indexOf(headerAt(name));
    const headerAt = (name: keyof typeof COLUMNS | number) =>
      typeof name === "number"
        ? header[keys.indexOf("adjustment") + 1 + name]!
        : name === "paid"
          ? COLUMNS.paid[lang]
          : COLUMNS[name][lang];
    const summed: (keyof typeof COLUMNS | number)[] = [
      "floor",
      "rounding",
      "allocated",
      "adjustment",
      ...Array.from({ length: rounds }, (_, i) => i),
      "paid",
    ];
    const row: AuditCell[] = header.map(() => null);
    row[0] = p.post.id;
    row[1] = p.post.page;
    row[3] = `${WORDS.sum[lang]} ${p.post.id}`;
    for (const name of summed) row[idx(name)] = sum(col(name), colSum(idx(name)));
    sumRows.push(at());
    rows.push(row);
  }

  // The grand total: Excel's SUM over the posts' sums.
  const total = header.map((): AuditCell => null);
  total[3] = WORDS.total[lang];
  const paidCol = col("paid");
  total[header.length - 1] = {
    formula: `SUM(${sumRows.map((r) => `${paidCol}${r}`).join(",")})`,
    value: result.total,
  };
  const totalCell = `${paidCol}${at()}`;
  rows.push(total);

  // Per recipient: Excel's SUM over that recipient's payment rows.
  rows.push(header.map(() => null));
  const heading = header.map((): AuditCell => null);
  heading[3] = WORDS.byRecipient[lang];
  rows.push(heading);
  for (const r of result.byRecipient) {
    const members =
      r.recipient === result.agreement.recipients.id
        ? result.byRegion
        : [{ recipient: r.recipient, name: r.recipient, amount: r.amount }];
    for (const m of members) {
      const row = header.map((): AuditCell => null);
      row[2] = m.recipient;
      row[3] = m.name;
      const cells = (rowsOf.get(m.recipient) ?? []).map((n) => `${paidCol}${n}`);
      row[header.length - 1] = { formula: `SUM(${cells.join(",")})`, value: m.amount };
      rows.push(row);
    }
  }
  return { header, rows, totalCell };
}

function valueOf(cell: AuditCell | undefined): number | undefined {
  if (typeof cell === "number") return cell;
  if (cell && typeof cell === "object") return cell.value;
  return undefined;
}

type Col = (name: keyof typeof COLUMNS | number) => string;

/** A member's row of a post to the recipient set. */
function memberRow(
  p: PostResult,
  code: string,
  name: string,
  i: number,
  rounds: number,
  lang: Language,
  row: number,
  col: Col
): AuditCell[] {
  const paid = p.amounts ? p.amounts[i]! : p.payments[i]!.amount;
  const c = p.contacts;
  const line: AllocationLine | undefined = (c ? c.caps : p.allocation)?.lines.find(
    (l) => l.id === code
  );
  const allocated = line?.amount ?? 0;
  const fulfils = c
    ? c.firstPayment[code] !== undefined || paid > 0
    : !(allocated > 0 && paid === 0) && line !== undefined;
  // Per-unit posts: the first payment is min(earned, cap); the change is what the cap lost to it.
  const first = c ? (c.firstPayment[code] ?? 0) : paid;
  const taken = Array.from({ length: rounds }, (_, k) => c?.rounds[k]?.taken[code] ?? 0);
  const adjustment = first - allocated;
  const roundCells = taken.map((t) => t);
  const paidFormula = `${col("allocated")}${row}+${col("adjustment")}${row}${rounds ? `+SUM(${col(0)}${row}:${col(rounds - 1)}${row})` : ""}`;
  return [
    p.post.id,
    p.post.page,
    code,
    name,
    ruleOf(p, fulfils, lang),
    line ? line.weight.toNumber() : 0,
    line ? line.share.toNumber() : 0,
    line ? line.exact.toNumber() : 0,
    line ? line.floor : 0,
    line ? line.rank : null,
    line ? line.roundedUp : 0,
    {
      formula: `${col("floor")}${row}+${col("rounding")}${row}`,
      value: line ? line.floor + line.roundedUp : 0,
    },
    adjustment,
    ...roundCells,
    { formula: paidFormula, value: paid },
  ];
}

/** A body's row: its amount, or nothing when it has not fulfilled the condition. */
function bodyRow(
  p: PostResult,
  rounds: number,
  lang: Language,
  row: number,
  col: Col
): AuditCell[] {
  const budget = p.decided ?? p.budget;
  return [
    p.post.id,
    p.post.page,
    p.post.recipient,
    p.post.recipient,
    bodyRule(p, lang),
    null,
    null,
    budget,
    budget,
    null,
    0,
    { formula: `${col("floor")}${row}+${col("rounding")}${row}`, value: budget },
    p.paid - budget,
    ...Array.from({ length: rounds }, () => 0),
    {
      formula: `${col("allocated")}${row}+${col("adjustment")}${row}${rounds ? `+SUM(${col(0)}${row}:${col(rounds - 1)}${row})` : ""}`,
      value: p.paid,
    },
  ];
}
