import type { AllocationAgreement, Post } from "../agreements/schema";
import { Table1Mismatch, table1Mismatches } from "../agreements/table1";
import { Recipients, recipientsOf } from "./recipients";

/**
 * What compute() needs to know about an agreement's shape, worked out once per agreement (the
 * agreement is immutable data) rather than on every call: which posts go to the set, which key
 * and unit columns they use, and where each post's money is summed.
 */
export interface PostPlan {
  post: Post;
  /** 0: a body's post; 1: split by a key column; 2: per unit. */
  kind: 0 | 1 | 2;
  /** Position in `recipients` and in `dates`. */
  recipient: number;
  date: number;
}

export interface Plan {
  set: Recipients;
  posts: PostPlan[];
  postById: ReadonlyMap<string, Post>;
  /** Recipient ids in first-seen order (the set first when it has posts). */
  recipients: string[];
  /** Payout dates (and reservation years), in date order; payouts before reservations. */
  dates: { date: string; reservation: boolean }[];
  /** Key columns the set's posts use, with the posts that use each. */
  keyColumns: ReadonlyMap<string, string[]>;
  unitColumns: ReadonlySet<string>;
  setPostIds: string[];
  conditionalBodyPostIds: string[];
  setPostCount: number;
  /** Table 1's figures the posts do not add up to (a warning of every result). */
  table1: Table1Mismatch[];
}

const PLANS = new WeakMap<AllocationAgreement, Plan>();

export function planOf(agreement: AllocationAgreement): Plan {
  let plan = PLANS.get(agreement);
  if (!plan) {
    plan = makePlan(agreement);
    PLANS.set(agreement, plan);
  }
  return plan;
}

function makePlan(agreement: AllocationAgreement): Plan {
  const set = recipientsOf(agreement);
  const recipients: string[] = [];
  const dateKeys = new Map<string, { date: string; reservation: boolean }>();
  const keyColumns = new Map<string, string[]>();
  const unitColumns = new Set<string>();
  for (const post of agreement.posts) {
    if (!recipients.includes(post.recipient)) recipients.push(post.recipient);
    const reservation = post.reservation === true;
    dateKeys.set(`${post.payoutDate}|${reservation}`, { date: post.payoutDate, reservation });
    // The schema gives a body's post a fixed key and a set's post a key or a per-unit key, so
    // skipping bodies and testing for a fixed key below change nothing: those mutants are equivalent.
    // Stryker disable next-line ConditionalExpression: a body's post has no column anyway
    if (post.recipient !== set.id) continue;
    const column =
      post.key.type === "key"
        ? post.key.column
        : // Stryker disable next-line ConditionalExpression: a set's post that is not "key" is "per-unit"
          post.key.type === "per-unit"
          ? post.key.cap.column
          : null;
    // Stryker disable next-line ConditionalExpression: a set's post always has a column
    if (column) keyColumns.set(column, [...(keyColumns.get(column) ?? []), post.id]);
    if (post.key.type === "per-unit") unitColumns.add(post.key.column);
  }
  const dates = [...dateKeys.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || Number(a.reservation) - Number(b.reservation)
  );
  const posts = agreement.posts.map((post): PostPlan => ({
    post,
    kind: post.recipient !== set.id ? 0 : post.key.type === "per-unit" ? 2 : 1,
    recipient: recipients.indexOf(post.recipient),
    date: dates.findIndex(
      (d) => d.date === post.payoutDate && d.reservation === (post.reservation === true)
    ),
  }));
  const setPostIds = posts.filter((p) => p.kind !== 0).map((p) => p.post.id);
  return {
    set,
    posts,
    postById: new Map(agreement.posts.map((p) => [p.id, p])),
    recipients,
    dates,
    keyColumns,
    unitColumns,
    setPostIds,
    conditionalBodyPostIds: agreement.posts.filter((p) => p.requiresFulfilment).map((p) => p.id),
    setPostCount: setPostIds.length,
    table1: table1Mismatches(agreement),
  };
}
