/**
 * The constants of the agreement model that code uses at run time, without zod (the schema in
 * schema.ts validates files with them; the functions bundle must not carry zod).
 */

/** A recipient's id within an agreement: the recipient set's id or a body's id. */
export type Recipient = string;

/** What a non-fulfilling member's share of a key post does: lapse (not paid) or share (the others share the post). */
export const NON_FULFILMENT_RULES = ["lapse", "share"] as const;
export type NonFulfilmentRule = (typeof NON_FULFILMENT_RULES)[number];
/** A post's rule: a key post's, or "redistribute" (per-unit posts: what a non-fulfilling member leaves goes to members with more units). */
export const POST_RULES = ["lapse", "share", "redistribute"] as const;
export type PostRule = (typeof POST_RULES)[number];

/** The id of the default recipient set, Sweden's 21 regions (shipped with the engine). */
export const SWEDISH_REGIONS = "swedish-regions";
