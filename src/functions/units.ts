import type { AgreementView } from "./agreement";

/**
 * The "not reported" message's unit column and recipient set, for a post whose units are not the
 * regions' contacts (the 2020 wording stays as it was).
 */
export function unitsOf(view: AgreementView, postId: string): { column?: string; set?: string } {
  const post = view.agreement.posts.find((p) => p.id === postId);
  const column = post?.key.type === "per-unit" ? post.key.column : undefined;
  if (column === undefined || (column === "contacts" && view.recipients.id === "regions"))
    return {};
  return { column, set: view.recipients.id };
}
