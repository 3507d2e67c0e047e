import type { LocalText } from "./common";

/*
 * Finding a post or a deadline by what a sheet shows: its id, or its title in Swedish or
 * English. The add-in's Swedish sheets show titles, not ids, and a colleague whose Office speaks
 * the other language must still get the same thing, so either language's title is read.
 */

/** Text as names are compared: case, accents and runs of spaces (also no-break) do not matter. */
export function nameKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/**
 * The item whose id, or whose title in either language, is `text`. An id wins; a title must
 * name exactly one item (two items with the same title are found by id only).
 */
export function findByIdOrTitle<T extends { id: string; title: LocalText }>(
  items: readonly T[],
  text: string
): T | undefined {
  const key = nameKey(text);
  if (key === "") return undefined;
  const byId = items.find((x) => nameKey(x.id) === key);
  if (byId) return byId;
  const byTitle = items.filter((x) => nameKey(x.title.sv) === key || nameKey(x.title.en) === key);
  return byTitle.length === 1 ? byTitle[0] : undefined;
}

/** An agreement's post by id or title. */
export function findPost<P extends { id: string; title: LocalText }>(
  agreement: { posts: readonly P[] },
  text: string
): P | undefined {
  return findByIdOrTitle(agreement.posts, text);
}
