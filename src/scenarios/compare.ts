import { SjukError, problem } from "../core/errors";
import type { ComputeResult } from "../engine/compute";

/**
 * Scenarios side by side (issue 10 point 5): per post and recipient, each scenario's payment
 * against a base scenario's, in whole kronor and per cent. Pure: it compares results, it never
 * computes money. Rows with `post` "total" sum a recipient's posts, rows with `code` "total" sum a
 * post's recipients, so the differences add up both ways.
 */

export interface NamedResult {
  name: string;
  result: ComputeResult;
}

export interface Difference {
  scenario: string;
  /** A post id, or "total" (the recipient's sum over every post). */
  post: string;
  /** A member's code or a body's id, or "total" (the post's sum over every recipient). */
  code: string;
  /** The base scenario's payment. */
  base: number;
  /** This scenario's payment. */
  amount: number;
  /** amount − base, in kronor. */
  difference: number;
  /** The difference in per cent of the base, two decimals; null when the base pays nothing. */
  percent: number | null;
}

export interface Comparison {
  base: string;
  scenarios: NamedResult[];
  differences: Difference[];
}

export const TOTAL = "total";

/** Every payment of a result by post id and recipient code, with the sums both ways. */
export function paymentTable(result: ComputeResult): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  const add = (post: string, code: string, amount: number) => {
    const row = table.get(post) ?? new Map<string, number>();
    table.set(post, row.set(code, (row.get(code) ?? 0) + amount));
  };
  for (const post of result.posts)
    for (const p of post.payments) {
      add(post.post.id, p.recipient, p.amount);
      add(post.post.id, TOTAL, p.amount);
      add(TOTAL, p.recipient, p.amount);
      add(TOTAL, TOTAL, p.amount);
    }
  return table;
}

/** Union of keys in first-seen order, so that scenarios of different agreements line up. */
function union<T>(lists: Iterable<T>[]): T[] {
  const seen = new Set<T>();
  for (const list of lists) for (const x of list) seen.add(x);
  return [...seen];
}

function percentOf(difference: number, base: number): number | null {
  return base === 0 ? null : Math.round((difference / base) * 10_000) / 100;
}

export function compareScenarios(results: readonly NamedResult[], baseName?: string): Comparison {
  if (results.length === 0) throw new SjukError([problem("scenario.no-scenarios", {})]);
  const names = results.map((r) => r.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new SjukError([problem("scenario.same-name", { name: twice })]);
  const base = results.find((r) => r.name === (baseName ?? names[0]));
  if (!base) throw new SjukError([problem("scenario.no-base", { name: baseName!, names })]);

  const tables = results.map((r) => paymentTable(r.result));
  const baseTable = tables[results.indexOf(base)]!;
  // Totals last: posts in order, then "total"; recipients in order, then "total".
  const posts = union(tables.map((t) => t.keys()))
    .filter((p) => p !== TOTAL)
    .concat(TOTAL);
  const differences: Difference[] = [];
  results.forEach((r, i) => {
    if (r === base) return;
    for (const post of posts) {
      const codes = union([baseTable.get(post)?.keys() ?? [], tables[i]!.get(post)?.keys() ?? []])
        .filter((c) => c !== TOTAL)
        .concat(TOTAL);
      for (const code of codes) {
        const before = baseTable.get(post)?.get(code) ?? 0;
        const amount = tables[i]!.get(post)?.get(code) ?? 0;
        const difference = amount - before;
        differences.push({
          scenario: r.name,
          post,
          code,
          base: before,
          amount,
          difference,
          percent: percentOf(difference, before),
        });
      }
    }
  });
  return { base: base.name, scenarios: [...results], differences };
}
