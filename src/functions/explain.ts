import type { Language } from "../core/language";
import { render, type ExplainNote, type ExplainStep, type MessageParams } from "../core/messages";
import type { ComputeResult, PostResult } from "../engine/compute";
import type { AgreementView } from "./agreement";
import { Percent, type Scalar } from "./values";

/**
 * SJUK.EXPLAIN's table: the steps an auditor follows from a region's weight to its payment of a
 * post. Labels and notes come from the message catalogues in the sheet's language, so a Swedish
 * sheet reads Swedish and each cell holds one language (the columns stay narrow).
 */

/** Rows of SJUK.EXPLAIN's table for the 2020 agreement (and any without per-unit posts). */
export const EXPLAIN_ROWS = 36;
export const EXPLAIN_COLUMNS = 3;

/** The rows around a per-unit post's redistribution rounds (region … total, method included). */
const ROWS_BESIDE_ROUNDS = 14;

/**
 * The table's rows for an agreement, known before computing (a spill's size must follow from the
 * formula): a per-unit post has at most one redistribution round per member, since every round
 * but the last fills at least one member's claim; 36 rows hold the 2020 agreement's 21 regions.
 */
export function explainRowsFor(view: AgreementView): number {
  const a = view.agreement;
  const perUnit = a.posts.some((p) => p.recipient === a.recipients.id && p.key.type === "per-unit");
  if (!perUnit) return EXPLAIN_ROWS;
  return Math.max(EXPLAIN_ROWS, ROWS_BESIDE_ROUNDS + view.recipients.members.length);
}

export function explainRows(
  region: { code: string; name: string },
  postResult: PostResult,
  result: ComputeResult,
  lang: Language
): Scalar[][] {
  const step = (s: ExplainStep, round?: number) =>
    render(
      { code: "explain.step", params: round === undefined ? { step: s } : { step: s, round } },
      lang
    );
  const note = (n: ExplainNote) =>
    render({ code: "explain.note", params: n as MessageParams["explain.note"] }, lang);
  const { post } = postResult;
  const rows: Scalar[][] = [
    [step("region"), region.name, region.code],
    [step("post"), post.id, post.title[lang]],
    [step("amount"), post.amount, post.atMost ? note({ note: "at-most" }) : ""],
    [step("rule"), postResult.rule ?? "", note({ note: "rule" })],
  ];
  // A divisor method hands out whole kronor otherwise than the default largest remainder: named.
  const divisor = result.method === "hamilton" ? undefined : result.method;
  if (divisor) rows.push([step("method"), divisor, note({ note: "divisor", method: divisor })]);
  const line = postResult.allocation?.lines.find((l) => l.id === region.code);
  const alloc = postResult.allocation;
  if (postResult.contacts) {
    const c = postResult.contacts;
    const cap = c.caps.lines.find((l) => l.id === region.code)!;
    const unitAmount = post.key.type === "per-unit" ? post.key.unitAmount : 0;
    rows.push(
      [step("weight"), cap.weight.toNumber(), note({ note: "population" })],
      [step("total-weight"), c.caps.totalWeight.toNumber(), ""],
      [step("cap-exact"), cap.exact.toFixed(6), note({ note: "cap-formula" })],
      [
        step("cap"),
        cap.amount,
        note({
          note: "cap-rounding",
          roundedUp: cap.roundedUp,
          rank: cap.rank,
          of: c.caps.lines.length,
          leftover: c.caps.leftover,
        }),
      ],
      [step("earned"), c.earned[region.code] ?? 0, note({ note: "earned", unitAmount })],
      [step("first-payment"), c.firstPayment[region.code] ?? 0, note({ note: "first-payment" })]
    );
    for (const round of c.rounds) {
      const got = round.taken[region.code];
      rows.push([
        step("round", round.round),
        got ?? 0,
        note({ note: "round", pool: round.pool, eligible: got !== undefined }),
      ]);
    }
    rows.push([step("unpaid"), c.unpaid, note({ note: "unpaid" })]);
  } else if (line && alloc) {
    rows.push(
      [step("weight"), line.weight.toNumber(), ""],
      [step("total-weight"), alloc.totalWeight.toNumber(), ""],
      // A number shown as per cent (the exact share to double precision), not text.
      [step("share"), new Percent(line.share.toNumber()), note({ note: "share-formula" })],
      [step("exact"), line.exact.toFixed(6), note({ note: "exact-formula" })],
      [step("floor"), line.floor, note({ note: "whole-kronor" })],
      [
        step("rank"),
        line.rank,
        note(divisor ? { note: "next-in-line" } : { note: "leftover", leftover: alloc.leftover }),
      ],
      [step("rounding"), line.roundedUp, ""]
    );
  } else {
    rows.push([step("share"), new Percent(0), note({ note: "not-fulfilled" })]);
  }
  const paid = postResult.payments.find((p) => p.recipient === region.code)?.amount ?? 0;
  rows.push([step("paid"), paid, post.payoutDate]);
  rows.push([
    step("scenario-total"),
    result.total,
    note({ note: "key", source: result.key.source }),
  ]);
  return rows;
}
