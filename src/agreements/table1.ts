import { Decimal } from "../core/decimal";
import type { AllocationAgreement } from "./schema";

/**
 * Table 1 is a check the agreement states, not part of its definition: an edited draft whose
 * posts no longer match a Table 1 figure is still an agreement (the posts and the total decide
 * the money). Its mismatches are warnings (compute's "table1" warning, `sjuk agreement check`).
 * A Table 1 line naming no recipient of the agreement stays a schema error (schema.ts).
 */
export interface Table1Mismatch {
  recipient: string;
  /** What Table 1 states for the recipient. */
  stated: number;
  /** What the agreement's posts to the recipient add up to. */
  posts: number;
}

/** Every Table 1 line (of a known recipient) that the agreement's posts do not add up to. */
export function table1Mismatches(agreement: AllocationAgreement): Table1Mismatch[] {
  const known = new Set([agreement.recipients.id, ...agreement.bodies.map((b) => b.id)]);
  const out: Table1Mismatch[] = [];
  for (const [recipient, stated] of Object.entries(agreement.table1 ?? {})) {
    if (!known.has(recipient)) continue;
    // Exact whatever the size of the amounts (the schema bounds them only to whole numbers).
    const posts = agreement.posts
      .filter((p) => p.recipient === recipient)
      .reduce((s, p) => s.plus(p.amount), new Decimal(0));
    if (!posts.equals(stated)) out.push({ recipient, stated, posts: posts.toNumber() });
  }
  return out;
}
