import { z } from "zod";
import { Problem, SjukError, textProblem } from "../core/errors";

/** Building blocks shared by every kind of agreement definition (allocation, grant). */

export const LocalText = z.object({ sv: z.string().min(1), en: z.string().min(1) });
export type LocalText = z.infer<typeof LocalText>;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    { message: "is not a calendar date" }
  );

export const WholeKronor = z
  .number()
  .int("must be whole kronor")
  .nonnegative("must not be negative");

/** "posts[4].key.unitAmount" rather than zod's raw path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, part) =>
      typeof part === "number" ? `${s}[${part}]` : s ? `${s}.${String(part)}` : String(part),
    ""
  );
}

/** Validates a definition; every problem names its file and field path. */
export function parseDefinition<T>(schema: z.ZodType<T>, data: unknown, name: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  // The schema's own words (English) until the agreement model gives its checks codes.
  const problems: Problem[] = parsed.error.issues.map((issue) =>
    textProblem(issue.message, { file: name, field: formatPath(issue.path) || "(root)" })
  );
  throw new SjukError(problems);
}
