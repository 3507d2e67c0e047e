/**
 * The constants of the agreement model that code uses at run time, without zod (the schema in
 * schema.ts validates files with them; the functions bundle must not carry zod).
 */

/** Recipients named in the agreements; "regions" means the 21 regions by a key. */
export const RECIPIENTS = [
  "regions",
  "SKR",
  "Försäkringskassan",
  "Socialstyrelsen",
  "government",
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const NON_FULFILMENT_RULES = ["lapse", "share"] as const;
export type NonFulfilmentRule = (typeof NON_FULFILMENT_RULES)[number];
