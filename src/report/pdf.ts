import { jsPDF } from "jspdf";
import { autoTable, type RowInput, type UserOptions } from "jspdf-autotable";
import { groupDigits } from "../core/format";
import type { AuditCell } from "../scenarios";
import { decimal, money, type DecisionReport } from "./model";

/*
 * The decision report as a printable PDF (jsPDF with jspdf-autotable: tables that break across
 * pages with their header repeated). A4 landscape, so that the calculation's columns fit. The
 * standard Helvetica font needs no font file (nothing fetched, nothing embedded) and writes
 * Windows-1252 text: å, ä, ö, é, –, … as they are; any other character is written as its base
 * letter (Č → C) or "?" (pdfText), never as the garbage jsPDF would print.
 */

/** Everything Helvetica's WinAnsiEncoding has beyond Latin-1's printable characters. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "−": "-", "≤": "<=", "≥": ">=", Σ: "Sum " };

const isWinAnsi = (c: string) => {
  const n = c.charCodeAt(0);
  return (
    c === "\n" || (n >= 0x20 && n <= 0x7e) || (n >= 0xa0 && n <= 0xff) || WIN_ANSI_EXTRA.has(c)
  );
};

/** A text Helvetica can write: characters outside Windows-1252 as their base letter, or "?". */
export function pdfText(text: string): string {
  let out = "";
  for (const c of text) {
    if (isWinAnsi(c)) out += c;
    else if (REPLACEMENTS[c]) out += REPLACEMENTS[c];
    else {
      const base = c.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base !== "" && [...base].every(isWinAnsi) ? base : "?";
    }
  }
  return out;
}

const MARGIN = 14;
const FONT = "helvetica";
const GREY: [number, number, number] = [96, 94, 92];
const HEAD: Partial<UserOptions["headStyles"]> = { fillColor: [0, 90, 158], textColor: 255 };

type Doc = jsPDF & { lastAutoTable?: { finalY: number } };

/** A table that continues on the next pages with its header repeated. */
function table(doc: Doc, options: UserOptions): void {
  const clean = (rows?: RowInput[]) =>
    rows?.map((r) =>
      Array.isArray(r) ? r.map((c) => (typeof c === "string" ? pdfText(c) : c)) : r
    );
  autoTable(doc, {
    theme: "grid",
    showHead: "everyPage",
    rowPageBreak: "avoid",
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 6 },
    styles: { font: FONT, fontSize: 9, cellPadding: 1.2, overflow: "linebreak" },
    headStyles: HEAD,
    ...options,
    head: clean(options.head),
    body: clean(options.body),
  });
}

/** Where the next thing goes below the last table; a heading that would end a page starts the next. */
function below(doc: Doc, gap = 8, needs = 30): number {
  const y = (doc.lastAutoTable?.finalY ?? MARGIN) + gap;
  if (y + needs < doc.internal.pageSize.getHeight() - MARGIN) return y;
  doc.addPage();
  return MARGIN + 4;
}

/** The height a heading and a short table of `rows` rows (header included) need: they stay together. */
const rowsHeight = (rows: number) => 10 + rows * 6.5;

function heading(doc: Doc, text: string, y: number, size = 13): number {
  doc.setFont(FONT, "bold").setFontSize(size).setTextColor(0);
  doc.text(pdfText(text), MARGIN, y);
  return y + 3;
}

const right = (...columns: number[]): UserOptions["columnStyles"] =>
  Object.fromEntries(columns.map((c) => [c, { halign: "right" }]));

/** Title, the basis (agreement, scenario, key, options, date), totals against Table 1, dates. */
function summary(doc: Doc, r: DecisionReport): void {
  const w = r.words;
  const kr = (n: number | null) => (n === null ? "" : money(n, r.lang));
  doc
    .setFont(FONT, "bold")
    .setFontSize(20)
    .text(pdfText(r.title), MARGIN, MARGIN + 6);
  doc.setFontSize(13).text(pdfText(r.scenario), MARGIN, MARGIN + 14);
  doc
    .setFont(FONT, "normal")
    .setFontSize(10)
    .setTextColor(...GREY);
  doc.text(pdfText(w.subtitle), MARGIN, MARGIN + 21);
  table(doc, {
    startY: MARGIN + 26,
    theme: "plain",
    body: r.facts.map((f) => [f.label, f.value]),
    columnStyles: { 0: { fontStyle: "bold", cellWidth: 70 } },
  });
  table(doc, {
    startY: heading(doc, w.totals, below(doc, 8, rowsHeight(r.totals.length + 2))),
    head: [[w.recipient, w.table1, w.scenario, w.difference]],
    body: [
      ...r.totals.map((t) => [
        t.label,
        kr(t.table1),
        kr(t.amount),
        t.table1 === null ? "" : kr(t.amount - t.table1),
      ]),
      [
        r.total.label,
        kr(r.total.table1),
        kr(r.total.amount),
        kr(r.total.amount - (r.total.table1 ?? 0)),
      ],
    ],
    columnStyles: right(1, 2, 3),
    didParseCell: (d) => {
      if (d.section === "body" && d.row.index === r.totals.length) d.cell.styles.fontStyle = "bold";
    },
  });
  table(doc, {
    startY: heading(doc, w.byDate, below(doc, 8, rowsHeight(r.dates.length + 2))),
    head: [[w.date, w.amount]],
    body: [...r.dates.map((d) => [d.label, kr(d.amount)]), [w.total, kr(r.total.amount)]],
    columnStyles: right(1),
    tableWidth: 140,
  });
  table(doc, {
    startY: heading(doc, w.unpaid, below(doc)),
    head: [[w.post, w.amount, w.reason]],
    body:
      r.unpaid.length > 0
        ? r.unpaid.map((u) => [u.post, kr(u.amount), u.reason])
        : [[w.none, "", ""]],
    columnStyles: { ...right(1), 0: { cellWidth: 30 }, 1: { halign: "right", cellWidth: 40 } },
  });
  table(doc, {
    startY: heading(doc, w.warnings, below(doc)),
    body: (r.warnings.length > 0 ? r.warnings : [w.none]).map((t) => [t]),
    theme: "plain",
  });
}

function payouts(doc: Doc, r: DecisionReport): void {
  const w = r.words;
  doc.addPage();
  table(doc, {
    startY: heading(doc, `${w.payouts}: ${r.scenario}`, MARGIN + 4),
    head: [[w.code, w.recipient, ...r.dates.map((d) => d.label), w.total]],
    body: [
      ...r.payouts.map((p) => [
        p.code,
        p.name,
        ...[...p.amounts, p.total].map((n) => money(n, r.lang)),
      ]),
      [
        "",
        w.total,
        ...[...r.dates.map((d) => d.amount), r.total.amount].map((n) => money(n, r.lang)),
      ],
    ],
    columnStyles: right(...r.dates.map((_, i) => i + 2), r.dates.length + 2),
    didParseCell: (d) => {
      if (d.section === "body" && d.row.index === r.payouts.length)
        d.cell.styles.fontStyle = "bold";
    },
  });
}

function posts(doc: Doc, r: DecisionReport): void {
  const w = r.words;
  table(doc, {
    startY: heading(doc, w.posts, below(doc, 10, 40)),
    head: [[w.post, w.postTitle, w.recipient, w.budget, w.paid, w.date, w.rule, w.page]],
    body: [
      ...r.posts.map((p) => [
        p.id,
        p.title,
        p.recipient,
        money(p.budget, r.lang),
        money(p.paid, r.lang),
        p.date,
        p.rule,
        String(p.page),
      ]),
      [w.total, "", "", "", money(r.total.amount, r.lang), "", "", ""],
    ],
    styles: { font: FONT, fontSize: 8, cellPadding: 1, overflow: "linebreak" },
    columnStyles: { ...right(3, 4, 7), 1: { cellWidth: 70 } },
  });
}

/** auditRows' cells as text: kronor grouped, the share in per cent, the exact amount to 4 decimals. */
function stepText(c: AuditCell | undefined, column: number, lang: DecisionReport["lang"]): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  const v = typeof c === "number" ? c : c.value;
  if (column === 1 || column === 9) return String(v);
  if (column === 5) return decimal(v, Number.isInteger(v) ? 0 : 6, lang);
  if (column === 6) return `${decimal(v * 100, 6, lang)} %`;
  if (column === 7) return decimal(v, 4, lang);
  return groupDigits(v);
}

function steps(doc: Doc, r: DecisionReport): void {
  doc.addPage();
  const y = heading(doc, `${r.words.steps}: ${r.scenario}`, MARGIN + 4);
  doc
    .setFont(FONT, "normal")
    .setFontSize(8)
    .setTextColor(...GREY);
  const note = doc.splitTextToSize(
    pdfText(r.words.stepsNote),
    doc.internal.pageSize.getWidth() - 2 * MARGIN
  );
  doc.text(note, MARGIN, y + 2);
  const t = r.steps(2);
  const rows = t.rows.filter((cells) => cells.some((c) => c !== null));
  const body = rows.map((cells) => t.header.map((_, k) => stepText(cells[k], k, r.lang)));
  // Figures never wrap: each figure column is as wide as its widest figure; headers wrap instead.
  const SIZE = 6.5;
  const PAD = 0.8;
  doc.setFont(FONT, "bold").setFontSize(SIZE);
  const widestWord = (text: string) =>
    Math.max(...text.split(/\s+/).map((w) => doc.getTextWidth(w)));
  const figures = Object.fromEntries(
    t.header.flatMap((_, k) =>
      k === 1 || k >= 5
        ? [
            [
              k,
              {
                halign: "right" as const,
                cellWidth:
                  Math.max(...body.map((b) => doc.getTextWidth(b[k]!)), widestWord(t.header[k]!)) +
                  2 * PAD +
                  0.5,
              },
            ],
          ]
        : []
    )
  );
  table(doc, {
    startY: y + 4 + note.length * 3.5,
    head: [t.header],
    body,
    styles: { font: FONT, fontSize: SIZE, cellPadding: PAD, overflow: "linebreak" },
    headStyles: { ...HEAD, fontSize: SIZE },
    columnStyles: { ...figures, 0: { cellWidth: 14 } },
    didParseCell: (d) => {
      const cells = rows[d.row.index];
      // Sum rows (a post's, the total, the per-recipient section's heading) have no rule.
      if (d.section === "body" && cells && cells[4] === null) d.cell.styles.fontStyle = "bold";
    },
  });
}

/** The report and scenario, the date and "Sida n av m" at the foot of every page. */
function footers(doc: Doc, r: DecisionReport): void {
  const pages = doc.getNumberOfPages();
  const { width, height } = {
    width: doc.internal.pageSize.getWidth(),
    height: doc.internal.pageSize.getHeight(),
  };
  for (let n = 1; n <= pages; n++) {
    doc.setPage(n);
    doc
      .setFont(FONT, "normal")
      .setFontSize(8)
      .setTextColor(...GREY);
    doc.text(pdfText(`${r.title} · ${r.scenario} · ${r.reportDate}`), MARGIN, height - MARGIN / 2);
    const page = r.words.pageOf.replace("{n}", String(n)).replace("{m}", String(pages));
    doc.text(pdfText(page), width - MARGIN, height - MARGIN / 2, { align: "right" });
  }
}

/** The report as the bytes of a PDF file. */
export function reportPdf(r: DecisionReport): Uint8Array {
  const doc: Doc = new jsPDF({
    orientation: "landscape",
    unit: "mm",
    format: "a4",
    compress: true,
  });
  doc.setProperties({
    title: pdfText(`${r.title}: ${r.scenario}`),
    subject: pdfText(r.words.subtitle),
    creator: "SJUK",
  });
  doc.setCreationDate(new Date(`${r.reportDate}T00:00:00Z`));
  summary(doc, r);
  payouts(doc, r);
  posts(doc, r);
  steps(doc, r);
  footers(doc, r);
  return new Uint8Array(doc.output("arraybuffer"));
}
