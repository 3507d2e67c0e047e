import agreement2020Data from "../../src/agreements/agreement-2020.json";
import { problemText } from "../../src/core/errors";
import { AGREEMENT_2020, table1Mismatches } from "../../src/agreements";
import { formatPath } from "../../src/agreements/common";
import { AllocationAgreementSchema, parseAllocationAgreement } from "../../src/agreements/schema";
import { SjukError } from "../../src/engine";

/** A deep copy of the shipped definition to break. */
function definition(): Record<string, unknown> & {
  posts: Record<string, unknown>[];
  table1: Record<string, number>;
  total: number;
} {
  return JSON.parse(JSON.stringify(agreement2020Data));
}

function problemsOf(data: unknown): { message: string; field: string | undefined }[] {
  try {
    parseAllocationAgreement(data, "test.json");
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return (e as SjukError).problems.map((p) => {
      expect(p.where?.file).toBe("test.json");
      return { message: problemText(p), field: p.where?.field };
    });
  }
  throw new Error("expected the definition to be rejected");
}

describe("agreement schema", () => {
  it("accepts the shipped 2020 agreement, 15 posts adding up to 944 000 000 kr", () => {
    expect(AllocationAgreementSchema.safeParse(agreement2020Data).success).toBe(true);
    expect(AGREEMENT_2020.total).toBe(944_000_000);
    expect(AGREEMENT_2020.posts).toHaveLength(15);
    expect(AGREEMENT_2020.posts.reduce((s, p) => s + p.amount, 0)).toBe(944_000_000);
  });

  it("rejects posts that do not add up to the stated total, naming `total`", () => {
    const d = definition();
    d.total = 945_000_000;
    expect(problemsOf(d)).toEqual([
      {
        field: "total",
        message: "the posts add up to 944 000 000 kr, not the stated total 945 000 000 kr",
      },
    ]);
  });

  it("rejects a changed post amount against the total only: Table 1 is a check, not the definition", () => {
    const d = definition();
    d.posts[0]!.amount = 100_000_001; // v1, to the regions
    expect(problemsOf(d)).toEqual([
      {
        field: "total",
        message: "the posts add up to 944 000 001 kr, not the stated total 944 000 000 kr",
      },
    ]);
  });

  it("accepts a Table 1 sum that the posts do not reproduce, and says which figure no longer matches", () => {
    const d = definition();
    d.table1.SKR = 57_900_000;
    const parsed = parseAllocationAgreement(d, "test.json");
    expect(table1Mismatches(parsed)).toEqual([
      { recipient: "SKR", stated: 57_900_000, posts: 57_800_000 },
    ]);
    expect(table1Mismatches(AGREEMENT_2020)).toEqual([]);
  });

  it("names the path of a wrong field: posts[3].amount", () => {
    const d = definition();
    d.posts[3]!.amount = "500000000";
    const problems = problemsOf(d);
    expect(problems.map((p) => p.field)).toEqual(["posts[3].amount"]);
    expect(problems[0]!.message).toMatch(/number/i);
  });

  it("names nested paths and says what is wrong with each", () => {
    const d = definition();
    (d.posts[4]!.key as Record<string, unknown>).unitAmount = 2999.5;
    (d.posts[5]!.reportDue as { date: string }[])[0]!.date = "2020-02-30";
    d.posts[6]!.amount = -1;
    d.posts[7]!.payoutDate = "27/1 2021";
    const problems = problemsOf(d);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: "posts[4].key.unitAmount", message: "must be whole kronor" },
        { field: "posts[5].reportDue[0].date", message: "is not a calendar date" },
        { field: "posts[6].amount", message: "must not be negative" },
      ])
    );
    // A date-or-year field names its path (zod's message for a failed union is generic).
    expect(problems.map((p) => p.field)).toContain("posts[7].payoutDate");
  });

  it("rejects a regional post without a non-fulfilment rule and a body with a splitting key", () => {
    const d = definition();
    delete d.posts[0]!.nonFulfilment;
    d.posts[1]!.key = { type: "key", column: "population" }; // v1-sos, to Socialstyrelsen
    expect(problemsOf(d)).toEqual([
      {
        field: "posts[0].nonFulfilment",
        message:
          "a post to regions needs a rule for non-fulfilment (lapse or share; redistribute for per-unit posts)",
      },
      { field: "posts[1].key", message: "a post to Socialstyrelsen must have a fixed key" },
    ]);
  });

  it("rejects two posts with the same id", () => {
    const d = definition();
    d.posts[1]!.id = "v1";
    expect(problemsOf(d)).toEqual([{ field: "posts[1].id", message: '"v1" is used by two posts' }]);
  });

  it("reports a wrong root as (root)", () => {
    expect(problemsOf(42).map((p) => p.field)).toEqual(["(root)"]);
  });

  it("formats zod paths the way the messages show them", () => {
    expect(formatPath(["posts", 4, "key", "unitAmount"])).toBe("posts[4].key.unitAmount");
    expect(formatPath(["total"])).toBe("total");
    expect(formatPath([])).toBe("");
  });
});
