import { z } from "zod";
import { Decimal } from "../core/decimal";
import { IsoDate, LocalText, WholeKronor, parseDefinition } from "./common";

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

/** Some dates in the documents are only a year ("2021"). */
const DateOrYear = z.union([
  IsoDate,
  z.string().regex(/^\d{4}$/, "must be YYYY-MM-DD or a year YYYY"),
]);

const Key = z.discriminatedUnion("type", [
  z.object({ type: z.literal("population") }),
  z.object({ type: z.literal("fixed") }),
  z.object({
    type: z.literal("per-unit"),
    unitAmount: WholeKronor.positive(),
    unit: LocalText,
    cap: z.literal("population-share"),
  }),
]);

const Post = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
    condition: z.number().int().positive().nullable(),
    title: LocalText,
    recipient: z.enum(RECIPIENTS),
    amount: WholeKronor,
    atMost: z.boolean(),
    key: Key,
    nonFulfilment: z.enum(NON_FULFILMENT_RULES).optional(),
    payoutDate: DateOrYear,
    reportDue: z.array(z.object({ date: IsoDate, what: LocalText })),
    page: z.number().int().positive(),
  })
  .superRefine((post, ctx) => {
    if (post.recipient === "regions") {
      if (post.key.type === "fixed")
        ctx.addIssue({
          code: "custom",
          path: ["key"],
          message: "a regional post needs a key that splits it",
        });
      if (!post.nonFulfilment)
        ctx.addIssue({
          code: "custom",
          path: ["nonFulfilment"],
          message: "a regional post needs a rule for non-fulfilment (lapse or share)",
        });
    } else if (post.key.type !== "fixed") {
      ctx.addIssue({
        code: "custom",
        path: ["key"],
        message: `a post to ${post.recipient} must have a fixed key`,
      });
    }
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
    keyDate: IsoDate,
    keyDescription: LocalText,
    /** The sums per recipient that the agreement's own summary table states. */
    table1: z.record(z.enum(RECIPIENTS), WholeKronor),
    posts: z.array(Post).min(1),
  })
  .superRefine((a, ctx) => {
    const ids = new Set<string>();
    a.posts.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({
          code: "custom",
          path: ["posts", i, "id"],
          message: `"${p.id}" is used by two posts`,
        });
      ids.add(p.id);
    });
    const sum = a.posts.reduce((s, p) => s.plus(p.amount), new Decimal(0));
    if (!sum.equals(a.total)) {
      ctx.addIssue({
        code: "custom",
        path: ["total"],
        message: `the posts add up to ${sum.toFixed(0)} kr, not the stated total ${a.total} kr`,
      });
    }
    for (const [recipient, stated] of Object.entries(a.table1)) {
      const byRecipient = a.posts
        .filter((p) => p.recipient === recipient)
        .reduce((s, p) => s.plus(p.amount), new Decimal(0));
      if (!byRecipient.equals(stated)) {
        ctx.addIssue({
          code: "custom",
          path: ["table1", recipient],
          message: `the posts to ${recipient} add up to ${byRecipient.toFixed(0)} kr, not ${stated} kr`,
        });
      }
    }
  });

export type AllocationAgreement = z.infer<typeof AllocationAgreementSchema>;
export type Post = AllocationAgreement["posts"][number];

/** Validates a definition; every problem names its field path. */
export function parseAllocationAgreement(data: unknown, name = "agreement"): AllocationAgreement {
  return parseDefinition(AllocationAgreementSchema, data, name);
}
