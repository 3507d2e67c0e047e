import { z } from "zod";
import { Decimal } from "../core/decimal";
import { kr } from "../core/format";
import { IsoDate, LocalText, WholeKronor, parseDefinition } from "./common";
import { POST_RULES, SWEDISH_REGIONS } from "./model";

/**
 * An allocation agreement as data: who may receive money (one recipient set split by keys, and
 * named bodies), the posts with their keys, conditions and dates, and optionally the sums per
 * recipient that the agreement's own summary table (Table 1) states.
 */

export * from "./model";

const Id = z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes");
/** Key and unit column names: "population", "contacts", "patients-2020". */
const Column = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a lower-case column name");

/** Some dates in the documents are only a year ("2021"). */
const DateOrYear = z.union([
  IsoDate,
  z.string().regex(/^\d{4}$/, "must be YYYY-MM-DD or a year YYYY"),
]);

const Member = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** The short name people use; defaults to the name. */
  short: z.string().min(1).optional(),
});
export type Member = z.infer<typeof Member>;

const RecipientSet = z.object({
  /** What posts name as their recipient: "regions", "municipalities". */
  id: z.string().min(1),
  name: LocalText,
  /** The members, or "swedish-regions" for the 21 regions shipped with the engine. */
  members: z.union([z.literal(SWEDISH_REGIONS), z.array(Member).min(1)]),
});
export type RecipientSet = z.infer<typeof RecipientSet>;

const Body = z.object({
  /** What posts name as their recipient: "SKR", "Försäkringskassan", "government". */
  id: z.string().min(1),
  name: LocalText,
});
export type Body = z.infer<typeof Body>;

const Key = z.discriminatedUnion("type", [
  /** Split by a key column (population): each member's share of the column's total. */
  z.object({ type: z.literal("key"), column: Column }),
  /** The whole amount to one body. */
  z.object({ type: z.literal("fixed") }),
  /**
   * `unitAmount` per unit counted in `column`; each member capped at its share of the post by
   * the cap's key column; what members under their cap leave goes to members with more units.
   */
  z.object({
    type: z.literal("per-unit"),
    unitAmount: WholeKronor.positive(),
    unit: LocalText,
    column: Column,
    cap: z.object({ type: z.literal("key-share"), column: Column }),
  }),
]);
export type PostKey = z.infer<typeof Key>;

const Post = z
  .object({
    id: Id,
    condition: z.number().int().positive().nullable(),
    title: LocalText,
    recipient: z.string().min(1),
    amount: WholeKronor,
    /** "högst": the amount is a ceiling; a decided amount below it may be given as an input. */
    atMost: z.boolean(),
    key: Key,
    /** Regional posts: what a non-fulfilling member's money does. */
    nonFulfilment: z.enum(POST_RULES).optional(),
    /** Body posts: paid only once the body has fulfilled the condition ("vidtagit insatser"). */
    requiresFulfilment: z.boolean().optional(),
    /** Money reserved for a use the government decides, not a payout to a recipient. */
    reservation: z.boolean().optional(),
    /** The payout date, or for a reservation the year it is reserved for. */
    payoutDate: DateOrYear,
    reportDue: z.array(z.object({ date: IsoDate, what: LocalText })),
    page: z.number().int().positive(),
  })
  .superRefine((post, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (post.key.type === "per-unit" && post.nonFulfilment && post.nonFulfilment !== "redistribute")
      issue(
        "nonFulfilment",
        "a per-unit post redistributes what non-fulfilling members leave (redistribute)"
      );
    if (post.key.type === "key" && post.nonFulfilment === "redistribute")
      issue("nonFulfilment", "redistribute is for per-unit posts; a key post lapses or shares");
  });

export const AllocationAgreementSchema = z
  .object({
    id: z.string().min(1),
    kind: z.literal("allocation"),
    title: LocalText,
    parties: z.string().min(1),
    signed: IsoDate,
    source: z.string().min(1),
    total: WholeKronor,
    /** The key column that `ComputeInputs.key` fills, and its date and description. */
    keyColumn: Column.default("population"),
    keyDate: IsoDate,
    keyDescription: LocalText,
    recipients: RecipientSet.default({
      id: "regions",
      name: { sv: "Regionerna", en: "The regions" },
      members: SWEDISH_REGIONS,
    }),
    bodies: z.array(Body),
    /** The sums per recipient that the agreement's own summary table states; any of them. */
    table1: z.record(z.string(), WholeKronor).optional(),
    posts: z.array(Post).min(1),
  })
  .superRefine((a, ctx) => checkAgreement(a, ctx));

function checkAgreement(a: z.infer<typeof AllocationAgreementSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  const recipientIds = new Set([a.recipients.id]);
  a.bodies.forEach((b, i) => {
    if (recipientIds.has(b.id)) issue(["bodies", i, "id"], `"${b.id}" names two recipients`);
    recipientIds.add(b.id);
  });
  if (Array.isArray(a.recipients.members)) {
    const codes = new Set<string>();
    a.recipients.members.forEach((m, i) => {
      if (codes.has(m.code))
        issue(["recipients", "members", i, "code"], `"${m.code}" is used by two members`);
      codes.add(m.code);
    });
  }
  const ids = new Set<string>();
  a.posts.forEach((p, i) => {
    if (ids.has(p.id)) issue(["posts", i, "id"], `"${p.id}" is used by two posts`);
    ids.add(p.id);
    checkPostRecipient(a, p, (path, message) => issue(["posts", i, path], message));
  });
  const sum = a.posts.reduce((s, p) => s.plus(p.amount), new Decimal(0));
  if (!sum.equals(a.total))
    issue(["total"], `the posts add up to ${kr(sum)}, not the stated total ${kr(a.total)}`);
  // A Table 1 figure the posts do not match is a warning (table1.ts), not a refusal: Table 1 is
  // a check the agreement states, and an edited draft keeps its old figures until updated.
  for (const recipient of Object.keys(a.table1 ?? {})) {
    if (!recipientIds.has(recipient))
      issue(
        ["table1", recipient],
        `"${recipient}" is not a recipient (${[...recipientIds].join(", ")})`
      );
  }
}

type RawAgreement = z.infer<typeof AllocationAgreementSchema>;

function checkPostRecipient(
  a: RawAgreement,
  post: RawAgreement["posts"][number],
  issue: (path: string, message: string) => void
): void {
  if (post.recipient === a.recipients.id) {
    if (post.key.type === "fixed")
      issue("key", `a post to ${post.recipient} needs a key that splits it`);
    if (!post.nonFulfilment)
      issue(
        "nonFulfilment",
        `a post to ${post.recipient} needs a rule for non-fulfilment (lapse or share; redistribute for per-unit posts)`
      );
    if (post.requiresFulfilment !== undefined)
      issue(
        "requiresFulfilment",
        `is for posts to bodies; a post to ${post.recipient} has nonFulfilment`
      );
    if (post.reservation)
      issue(
        "reservation",
        "a reservation is money for a body (the government), not for the members"
      );
    return;
  }
  if (!a.bodies.some((b) => b.id === post.recipient)) {
    const known = [a.recipients.id, ...a.bodies.map((b) => b.id)].join(", ");
    issue("recipient", `"${post.recipient}" is not a recipient of this agreement (${known})`);
  }
  if (post.key.type !== "fixed") issue("key", `a post to ${post.recipient} must have a fixed key`);
  if (post.nonFulfilment)
    issue(
      "nonFulfilment",
      `is for posts to ${a.recipients.id}; a body's post has requiresFulfilment`
    );
}

export type AllocationAgreement = RawAgreement;
export type Post = AllocationAgreement["posts"][number];

/** Validates a definition; every problem names its field path. */
export function parseAllocationAgreement(data: unknown, name = "agreement"): AllocationAgreement {
  return parseDefinition(AllocationAgreementSchema, data, name);
}
