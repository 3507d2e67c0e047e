import ExcelJS from "exceljs";
import { columnLetter } from "../scenarios";
import type { DecisionReport } from "./model";

/*
 * The decision report as an .xlsx workbook (ExcelJS; in the browser its own bundle, loaded only
 * when a report is made). Sums are Excel formulas stored with their values, so that Excel's own
 * SUM shows the report adds up, and a reader without a formula engine still sees every figure.
 */

const KR = '#,##0 "kr"';
const SHEETS = {
  summary: { sv: "Beslutsunderlag", en: "Decision report" },
  payouts: { sv: "Utbetalningar", en: "Payouts" },
  posts: { sv: "Poster", en: "Posts" },
  steps: { sv: "Beräkning", en: "Calculation" },
} as const;

type Cell = ExcelJS.CellValue;
const sum = (range: string, value: number): Cell => ({ formula: `SUM(${range})`, result: value });

/** Writes `cells` on row `row` from column A; formats the numbers as kronor unless told not to. */
function put(ws: ExcelJS.Worksheet, row: number, cells: Cell[], bold = false, kr = true): void {
  const r = ws.getRow(row);
  cells.forEach((value, i) => {
    if (value === null || value === undefined) return;
    const c = r.getCell(i + 1);
    c.value = value;
    if (kr && (typeof value === "number" || (typeof value === "object" && "formula" in value)))
      c.numFmt = KR;
    if (bold) c.font = { bold: true };
  });
}

function heading(ws: ExcelJS.Worksheet, row: number, text: string, size = 12): void {
  const c = ws.getCell(`A${row}`);
  c.value = text;
  c.font = { bold: true, size };
}

/** The first sheet: the title block (agreement, scenario, key, options, date) and the totals. */
function summarySheet(wb: ExcelJS.Workbook, r: DecisionReport): void {
  const w = r.words;
  const ws = wb.addWorksheet(SHEETS.summary[r.lang]);
  ws.columns = [{ width: 34 }, { width: 22 }, { width: 22 }, { width: 18 }];
  heading(ws, 1, `${r.title}: ${r.scenario}`, 14);
  ws.getCell("A2").value = w.subtitle;
  let row = 4;
  heading(ws, row++, w.facts);
  for (const f of r.facts) {
    put(ws, row, [f.label, f.value], false, false);
    ws.getCell(`A${row++}`).font = { bold: true };
  }
  row++;
  heading(ws, row++, w.totals);
  put(ws, row++, [w.recipient, w.table1, w.scenario, w.difference], true, false);
  const first = row;
  for (const t of r.totals) {
    put(ws, row, [
      t.label,
      t.table1,
      t.amount,
      t.table1 === null ? null : { formula: `C${row}-B${row}`, result: t.amount - t.table1 },
    ]);
    row++;
  }
  const last = row - 1;
  const t1 = r.totals.reduce((s, t) => s + (t.table1 ?? 0), 0);
  put(
    ws,
    row,
    [
      r.total.label,
      sum(`B${first}:B${last}`, t1),
      sum(`C${first}:C${last}`, r.total.amount),
      { formula: `C${row}-B${row}`, result: r.total.amount - t1 },
    ],
    true
  );
  row += 2;
  heading(ws, row++, w.byDate);
  put(ws, row++, [w.date, w.amount], true, false);
  const dateFirst = row;
  for (const d of r.dates) put(ws, row++, [d.label, d.amount]);
  put(ws, row, [w.total, sum(`B${dateFirst}:B${row - 1}`, r.total.amount)], true);
  row += 2;
  heading(ws, row++, w.unpaid);
  if (r.unpaid.length === 0) put(ws, row++, [w.none], false, false);
  else {
    put(ws, row++, [w.post, w.amount, w.reason], true, false);
    for (const u of r.unpaid) put(ws, row++, [u.post, u.amount, u.reason]);
  }
  row++;
  heading(ws, row++, w.warnings);
  for (const text of r.warnings.length > 0 ? r.warnings : [w.none])
    put(ws, row++, [text], false, false);
}

/** Per recipient and payout date, with SUMs across (per recipient) and down (per date). */
function payoutSheet(wb: ExcelJS.Workbook, r: DecisionReport): void {
  const w = r.words;
  const ws = wb.addWorksheet(SHEETS.payouts[r.lang], {
    views: [{ state: "frozen", xSplit: 2, ySplit: 3 }],
  });
  ws.columns = [{ width: 8 }, { width: 30 }, ...r.dates.map(() => ({ width: 22 })), { width: 20 }];
  heading(ws, 1, `${w.payouts}: ${r.scenario}`);
  const header = 3;
  put(ws, header, [w.code, w.recipient, ...r.dates.map((d) => d.label), w.total], true, false);
  const last = columnLetter(2 + r.dates.length); // the last date's column
  const totalCol = columnLetter(3 + r.dates.length);
  r.payouts.forEach((p, i) => {
    const row = header + 1 + i;
    put(ws, row, [p.code || null, p.name, ...p.amounts, sum(`C${row}:${last}${row}`, p.total)]);
  });
  const end = header + r.payouts.length;
  const row = end + 1;
  put(
    ws,
    row,
    [
      null,
      w.total,
      ...r.dates.map((d, i) =>
        sum(`${columnLetter(3 + i)}${header + 1}:${columnLetter(3 + i)}${end}`, d.amount)
      ),
      sum(`${totalCol}${header + 1}:${totalCol}${end}`, r.total.amount),
    ],
    true
  );
}

function postSheet(wb: ExcelJS.Workbook, r: DecisionReport): void {
  const w = r.words;
  const ws = wb.addWorksheet(SHEETS.posts[r.lang], { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [8, 60, 28, 22, 20, 22, 34, 8].map((width) => ({ width }));
  put(
    ws,
    1,
    [w.post, w.postTitle, w.recipient, w.budget, w.paid, w.date, w.rule, w.page],
    true,
    false
  );
  r.posts.forEach((p, i) => {
    put(ws, i + 2, [p.id, p.title, p.recipient, p.budget, p.paid, p.date, p.rule]);
    ws.getCell(`H${i + 2}`).value = p.page;
  });
  const end = r.posts.length + 1;
  put(ws, end + 1, [w.total, null, null, null, sum(`E2:E${end}`, r.total.amount)], true);
}

/** The calculation steps: auditRows' cells, its SUM formulas stored as formulas. */
function stepsSheet(wb: ExcelJS.Workbook, r: DecisionReport): void {
  const HEADER = 4;
  const table = r.steps(HEADER + 1);
  const ws = wb.addWorksheet(SHEETS.steps[r.lang], {
    views: [{ state: "frozen", xSplit: 4, ySplit: HEADER }],
  });
  heading(ws, 1, `${r.words.steps}: ${r.scenario}`);
  ws.getCell("A2").value = r.words.stepsNote;
  put(ws, HEADER, table.header, true, false);
  // By auditRows' column: page, weight, share, exact amount, remainder rank; the rest are kronor.
  const format = (k: number, v: number): string =>
    k === 1 || k === 9
      ? "0"
      : k === 5
        ? Number.isInteger(v)
          ? "#,##0"
          : "#,##0.######"
        : k === 6
          ? "0.000000%"
          : k === 7
            ? "#,##0.0000"
            : KR;
  table.rows.forEach((cells, i) => {
    const row = ws.getRow(HEADER + 1 + i);
    cells.forEach((c, k) => {
      if (c === null) return;
      const cell = row.getCell(k + 1);
      cell.value = typeof c === "object" ? { formula: c.formula, result: c.value } : c;
      if (typeof c !== "string") cell.numFmt = format(k, typeof c === "number" ? c : c.value);
    });
    if (cells[4] === null && cells[3] !== null) row.font = { bold: true };
  });
  ws.columns = table.header.map((_, k) => ({ width: k === 3 || k === 4 ? 32 : 14 }));
}

/** The report as the bytes of an .xlsx file. */
export async function reportXlsx(r: DecisionReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SJUK";
  wb.title = `${r.title}: ${r.scenario}`;
  wb.created = wb.modified = new Date(`${r.reportDate}T00:00:00Z`);
  summarySheet(wb, r);
  payoutSheet(wb, r);
  postSheet(wb, r);
  stepsSheet(wb, r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
