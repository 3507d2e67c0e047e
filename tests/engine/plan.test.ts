import agreement2020Data from "../../src/agreements/agreement-2020.json";
import synthetic from "../../examples/agreement-synthetic-290.json";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { planOf } from "../../src/engine/plan";

/**
 * The plan compute() makes of an agreement's shape, exactly. Each test parses its own copy of the
 * agreement: planOf caches per agreement object, and a plan made in an earlier test would not be
 * made (or checked) again.
 */
const fresh = (data: unknown) => parseAllocationAgreement(structuredClone(data), "copy.json");
const shape = (data: unknown) => {
  const p = planOf(fresh(data));
  return {
    set: p.set.id,
    posts: p.posts.map((x) => [x.post.id, x.kind, x.recipient, x.date]),
    postById: [...p.postById].map(([id, post]) => [id, post.id]),
    recipients: p.recipients,
    dates: p.dates,
    keyColumns: [...p.keyColumns],
    unitColumns: [...p.unitColumns],
    setPostIds: p.setPostIds,
    conditionalBodyPostIds: p.conditionalBodyPostIds,
    setPostCount: p.setPostCount,
  };
};

describe("planOf", () => {
  it("the 2020 agreement: kinds, recipients in first-seen order, dates in date order, columns and post lists", () => {
    expect(shape(agreement2020Data)).toEqual({
      set: "regions",
      // [post, kind (0 body, 1 key, 2 per unit), recipient index, date index]
      posts: [
        ["v1", 1, 0, 1],
        ["v1-sos", 0, 1, 1],
        ["v2", 1, 0, 1],
        ["v3", 1, 0, 1],
        ["v3-contacts", 2, 0, 2],
        ["v4", 1, 0, 1],
        ["v4-skr", 0, 2, 1],
        ["v4-fk", 0, 3, 1],
        ["v4-sos", 0, 1, 1],
        ["v5-skr", 0, 2, 1],
        ["v5-sos", 0, 1, 1],
        ["dev-skr", 0, 2, 1],
        ["dev-fk", 0, 3, 1],
        ["coord-skr", 0, 2, 1],
        ["followup", 0, 4, 0],
      ],
      postById: agreement2020Data.posts.map((p) => [p.id, p.id]),
      recipients: ["regions", "Socialstyrelsen", "SKR", "Försäkringskassan", "government"],
      // A year sorts before its days: the follow-up reservation (2021) comes first.
      dates: [
        { date: "2021", reservation: true },
        { date: "2021-01-27", reservation: false },
        { date: "2021-04-29", reservation: false },
      ],
      // villkor 3's contact money is capped by population: it uses the key column too.
      keyColumns: [["population", ["v1", "v2", "v3", "v3-contacts", "v4"]]],
      unitColumns: ["contacts"],
      setPostIds: ["v1", "v2", "v3", "v3-contacts", "v4"],
      conditionalBodyPostIds: ["v4-skr", "v4-fk", "v4-sos"],
      setPostCount: 5,
    });
  });

  it("the synthetic agreement: two key columns, two unit columns, per-unit posts capped by different keys", () => {
    const s = shape(synthetic);
    expect(s.posts).toEqual([
      ["bas", 1, 0, 1],
      ["aldre", 1, 0, 1],
      ["besok", 2, 0, 2],
      ["placering", 2, 0, 2],
      ["skr-stod", 0, 1, 1],
      ["fk-adm", 0, 2, 1],
      ["uppfoljning", 0, 3, 0],
    ]);
    expect(s.recipients).toEqual(["municipalities", "SKR", "Försäkringskassan", "government"]);
    expect(s.keyColumns).toEqual([
      ["population", ["bas", "besok"]],
      ["elderly", ["aldre", "placering"]],
    ]);
    expect(s.unitColumns).toEqual(["visits", "placements"]);
    expect([s.setPostIds, s.setPostCount, s.conditionalBodyPostIds]).toEqual([
      ["bas", "aldre", "besok", "placering"],
      4,
      ["skr-stod"],
    ]);
  });

  it("a payout and a reservation on the same date are two dates, the payout first, each post on its own", () => {
    const d = structuredClone(agreement2020Data);
    const followup = d.posts.find((p) => p.id === "followup")!;
    followup.payoutDate = "2021-04-29";
    // The reservation listed before the payout of the same date: the sort, not the order, decides.
    d.posts.splice(d.posts.indexOf(followup), 1);
    d.posts.unshift(followup);
    const s = shape(d);
    expect(s.dates).toEqual([
      { date: "2021-01-27", reservation: false },
      { date: "2021-04-29", reservation: false },
      { date: "2021-04-29", reservation: true },
    ]);
    const dateOf = (id: string) => s.posts.find((p) => p[0] === id)![3];
    expect([dateOf("followup"), dateOf("v3-contacts"), dateOf("v1")]).toEqual([2, 1, 0]);
    expect(s.recipients[0]).toBe("government");
  });

  it("is made once per agreement object and kept", () => {
    const a = fresh(agreement2020Data);
    expect(planOf(a)).toBe(planOf(a));
    expect(planOf(fresh(agreement2020Data))).not.toBe(planOf(a));
  });
});
