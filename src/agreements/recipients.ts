import type { AllocationAgreement, Post } from "./schema";

/** Who an agreement's posts go to, for code that runs without zod (see index.ts). */

/** Whether a post goes to the agreement's recipient set (split by a key) rather than to a body. */
export function isSetPost(agreement: AllocationAgreement, post: Post): boolean {
  return post.recipient === agreement.recipients.id;
}

/** A recipient's display name (set or body) in a language; the id when unknown. */
export function recipientName(
  agreement: AllocationAgreement,
  id: string,
  lang: "sv" | "en"
): string {
  if (id === agreement.recipients.id) return agreement.recipients.name[lang];
  return agreement.bodies.find((b) => b.id === id)?.name[lang] ?? id;
}
