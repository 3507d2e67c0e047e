import { SWEDISH_REGIONS, isSetPost, recipientName } from "../agreements";
import { render } from "../core/messages";
import type { ComputeResult, PostResult } from "../engine/compute";
import { formatKronor, sumKronor } from "../engine/money";
import { recipientsOf } from "../engine/recipients";

/**
 * `sjuk compute`'s three output formats (table, csv, json). Each returns the whole text; nothing
 * is written here. Names, members and Table 1 figures are the computed agreement's own.
 */

// ---------------------------------------------------------------------------------------------
// JSON

export interface JsonPayment {
  region?: string;
  code?: string;
  recipient?: string;
  amount: number;
}

export interface JsonResult {
  agreement: string;
  agreementTitle: string;
  /** The date of the key used (null when not stated). */
  keyDate: string | null;
  keySource: string;
  /** The key date the agreement requires (2019-11-01). */
  agreementKeyDate: string;
  redistribution: string;
  /** The apportionment method of every split by a key: hamilton, sainte-lague or dhondt. */
  method: string;
  budget: number;
  total: number;
  posts: {
    id: string;
    title: string;
    recipient: string;
    budget: number;
    amount: number;
    payoutDate: string;
    rule?: string;
    payments: JsonPayment[];
  }[];
  unpaid: { post: string; amount: number; reason: string }[];
  byRecipient: { recipient: string; amount: number; table1: number | null }[];
  byPayoutDate: { date: string; amount: number; reservation?: true; label?: string }[];
  byRegion: { region: string; code: string; amount: number }[];
  warnings: { code: string; message: string }[];
}

export function toJson(result: ComputeResult): JsonResult {
  const table1 = result.agreement.table1 as Record<string, number> | undefined;
  return {
    agreement: result.agreement.id,
    agreementTitle: result.agreement.title.sv,
    keyDate: result.key.date,
    keySource: result.key.source,
    agreementKeyDate: result.agreement.keyDate,
    redistribution: result.redistribution,
    method: result.method,
    budget: result.budget,
    total: result.total,
    posts: result.posts.map((p) => ({
      id: p.post.id,
      title: p.post.title.sv,
      recipient: p.post.recipient,
      budget: p.budget,
      amount: p.paid,
      payoutDate: p.post.payoutDate,
      ...(p.reservation
        ? { reservation: true as const, label: reservedLabel(p.post.payoutDate) }
        : {}),
      ...(p.rule ? { rule: p.rule } : {}),
      payments: p.payments.map((x): JsonPayment =>
        isSetPost(result.agreement, p.post)
          ? { region: x.name, code: x.recipient, amount: x.amount }
          : { recipient: x.recipient, amount: x.amount }
      ),
    })),
    unpaid: result.unpaid.map((u) => ({
      post: u.post,
      amount: u.amount,
      reason: render(u.reason),
    })),
    byRecipient: inTable1Order(result).map((r) => ({
      recipient: r.recipient,
      amount: r.amount,
      table1: table1?.[r.recipient] ?? null,
    })),
    byPayoutDate: result.byPayoutDate.map((d) =>
      d.reservation
        ? { date: d.date, amount: d.amount, reservation: true, label: reservedLabel(d.date) }
        : { date: d.date, amount: d.amount }
    ),
    byRegion: result.byRegion.map((r) => ({ region: r.name, code: r.recipient, amount: r.amount })),
    warnings: result.warnings.map((w) => ({ code: w.code, message: render(w.note) })),
  };
}

/** Money the agreement reserves (the follow-up) is not a payout: "Reserverat för regeringen under 2021". */
function reservedLabel(date: string): string {
  return `Reserverat för regeringen ${/^\d{4}$/.test(date) ? "under" : "den"} ${date}`;
}

export function formatJson(result: ComputeResult): string {
  return `${JSON.stringify(toJson(result), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV: one row per payment, semicolon-separated with a BOM, for Swedish Excel.

export const CSV_HEADER = [
  "post",
  "mottagarkod",
  "mottagare",
  "belopp_kr",
  "utbetalningsdatum",
] as const;

function csvField(value: string | number): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per payment: post id; recipient code (county code, or the body: SKR,
 * Försäkringskassan, Socialstyrelsen, government); recipient name; amount in whole kronor
 * (no separators); payout date. Regional posts list all 21 regions, including 0 kr, so the rows
 * of a post add up to what it pays. Starts with a UTF-8 byte-order mark so that Excel reads å, ä, ö.
 */
export function formatCsv(result: ComputeResult): string {
  const lines = [CSV_HEADER.join(";")];
  for (const p of result.posts) {
    for (const x of p.payments) {
      const name = isSetPost(result.agreement, p.post)
        ? x.name
        : recipientName(result.agreement, x.recipient, "sv");
      lines.push(
        [p.post.id, x.recipient, name, x.amount, p.post.payoutDate].map(csvField).join(";")
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Table: fits a 100-column terminal.

const WIDTH = 100;

function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === "left" ? t.padEnd(width) : t.padStart(width);
}

/** Amounts without " kr", for columns headed "(kr)". */
function grouped(amount: number): string {
  return formatKronor(amount).replace(/ kr$/, "");
}

function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

function heading(title: string): string[] {
  return ["", title, "─".repeat(Math.min(WIDTH, Math.max(title.length, 40)))];
}

export function formatTable(result: ComputeResult): string {
  const out: string[] = [];
  const a = result.agreement;
  out.push(...wrap(`${a.title.sv} (${a.id})`, ""));
  out.push(...wrap(`Key:            ${result.key.source}`, " ".repeat(16)));
  out.push(
    ...wrap(
      `Key date:       ${result.key.date ?? "not stated"} (the agreement's key: ${a.keyDescription.en})`,
      " ".repeat(16)
    )
  );
  out.push(
    `Redistribution: ${result.redistribution} (of villkor 3 contact money left under the caps)`
  );
  if (result.method !== "hamilton")
    out.push(`Method:         ${result.method} (instead of the largest remainder)`);

  // Posts
  out.push(...heading("Posts"));
  const post = (id: string, title: string, recipient: string, date: string, amount: string) =>
    [pad(id, 11), pad(title, 36), pad(recipient, 17), pad(date, 10), pad(amount, 19, "right")]
      .join(" ")
      .trimEnd();
  out.push(post("post", "title", "recipient", "payout", "amount"));
  for (const p of result.posts) {
    out.push(
      post(
        p.post.id,
        p.post.title.sv,
        p.reservation ? "Reserverat" : recipientName(a, p.post.recipient, "sv"),
        p.post.payoutDate,
        formatKronor(p.paid)
      )
    );
    if (p.unpaid > 0)
      out.push(
        post(
          "",
          `  of a budget of ${formatKronor(p.budget)}`,
          "",
          "",
          `(${formatKronor(p.unpaid)} unpaid)`
        )
      );
  }
  out.push(post("", "Total", "", "", formatKronor(result.total)));

  // Regional payments
  const regional = result.posts.filter((p) => isSetPost(a, p.post));
  if (regional.length > 0) {
    out.push(...heading(`Payments to ${a.recipients.name.en.replace(/^The /, "the ")} (kr)`));
    const row = (label: string, cells: string[]) =>
      [pad(label, 22), ...cells.map((c) => pad(c, 11, "right"))].join(" ");
    const memberWord = a.recipients.members === SWEDISH_REGIONS ? "region" : "member";
    out.push(row(memberWord, [...regional.map((p) => p.post.id), "total"]));
    const byPost = regional.map((p) => new Map(p.payments.map((x) => [x.recipient, x.amount])));
    for (const r of recipientsOf(a).members) {
      const total = result.byRegion.find((x) => x.recipient === r.code)?.amount ?? 0;
      out.push(
        row(`${r.code} ${r.short}`, [
          ...byPost.map((m) => grouped(m.get(r.code) ?? 0)),
          grouped(total),
        ])
      );
    }
    out.push(
      row(`all ${a.recipients.id}`, [
        ...regional.map((p) => grouped(p.paid)),
        grouped(sum(regional)),
      ])
    );
  }

  // Table 1 groups
  out.push(...heading("Sums per recipient (Table 1)"));
  const table1 = a.table1 as Record<string, number> | undefined;
  const sumRow = (label: string, amount: string, note: string) =>
    [pad(label, 40), pad(amount, 19, "right"), note].join(" ").trimEnd();
  for (const r of inTable1Order(result)) {
    const budget = table1?.[r.recipient];
    const note =
      budget === undefined
        ? ""
        : budget === r.amount
          ? "= Table 1"
          : `Table 1: ${formatKronor(budget)}`;
    out.push(sumRow(recipientName(a, r.recipient, "sv"), formatKronor(r.amount), note));
  }
  out.push(
    sumRow(
      "Total",
      formatKronor(result.total),
      result.total === result.budget
        ? "= the agreement's total"
        : `of ${formatKronor(result.budget)}`
    )
  );

  out.push(...heading("Sums per payout date"));
  for (const d of result.byPayoutDate) {
    const label = d.reservation
      ? reservedLabel(d.date)
      : /^\d{4}$/.test(d.date)
        ? `${d.date} (year only)`
        : d.date;
    out.push(sumRow(label, formatKronor(d.amount), ""));
  }

  out.push(...heading("Unpaid"));
  if (result.unpaid.length === 0) out.push("Nothing: every post is paid in full.");
  for (const u of result.unpaid)
    out.push(
      ...wrap(`${pad(u.post, 11)} ${formatKronor(u.amount)}: ${render(u.reason)}`, " ".repeat(12))
    );

  if (result.warnings.length > 0) {
    out.push(...heading(`Warnings (${result.warnings.length})`));
    for (const w of result.warnings) out.push(...wrap(`! ${render(w.note)}`, "  "));
  }
  return `${out.join("\n")}\n`;
}

function sum(posts: PostResult[]): number {
  return sumKronor(posts.map((p) => p.paid));
}

/** Sums per recipient in Table 1's order (regions, SKR, Försäkringskassan, Socialstyrelsen, follow-up). */
function inTable1Order(result: ComputeResult): ComputeResult["byRecipient"] {
  const order = Object.keys((result.agreement.table1 as Record<string, number> | undefined) ?? {});
  const rank = (r: string) => (order.includes(r) ? order.indexOf(r) : order.length);
  return [...result.byRecipient].sort((x, y) => rank(x.recipient) - rank(y.recipient));
}
