import agreement2020Data from "../../src/agreements/agreement-2020.json";
import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { problemText } from "../../src/core/errors";
import { render } from "../../src/core/messages";
import {
  Decimal,
  SjukError,
  compute,
  contactMoney,
  findRecipient,
  recipientsOf,
  resolveRecipient,
} from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

/** Agreements as data: a new or edited agreement is a data file and no code change. */

const key = shippedPopulationKey();
const copy = () => JSON.parse(JSON.stringify(agreement2020Data)) as typeof agreement2020Data;
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return (e as SjukError).problems.map((p) =>
      p.where?.field ? `${p.where.field}: ${problemText(p)}` : problemText(p)
    );
  }
  throw new Error("expected an error");
};

describe("an edited copy of the 2020 agreement", () => {
  it("villkor 1 raised to 120 000 000 kr and the total to 964 000 000 computes, villkor 1 adding up to 120 000 000", () => {
    const d = copy();
    d.posts.find((p) => p.id === "v1")!.amount = 120_000_000;
    d.total = 964_000_000;
    d.table1.regions = 860_000_000;
    const edited = parseAllocationAgreement(d, "edited.json");
    const r = compute(edited, { key });
    const v1 = r.posts.find((p) => p.post.id === "v1")!;
    expect(v1.payments).toHaveLength(21);
    expect(v1.payments.reduce((s, x) => s + x.amount, 0)).toBe(120_000_000);
    expect(r.total).toBe(964_000_000);
    expect(r.byRecipient.find((x) => x.recipient === "regions")!.amount).toBe(860_000_000);
    // Region Skåne: 120 000 000 × 1 377 827 / 10 327 589 = 16 009 471.3296… (exact fraction, outside the project).
    const skane = v1.allocation!.lines.find((l) => l.id === "12")!;
    expect(skane.floor).toBe(16_009_471);
    expect(skane.exact.toFixed(4)).toBe("16009471.3296");
  });

  it("the same copy with Table 1 left as it was computes too, warning that Table 1's regions figure no longer matches", () => {
    const d = copy();
    d.posts.find((p) => p.id === "v1")!.amount = 120_000_000;
    d.total = 964_000_000;
    const r = compute(parseAllocationAgreement(d, "draft.json"), { key });
    expect(r.total).toBe(964_000_000);
    expect(r.byRecipient.find((x) => x.recipient === "regions")!.amount).toBe(860_000_000);
    const table1 = r.warnings.filter((w) => w.code === "table1");
    expect(table1).toEqual([
      {
        code: "table1",
        note: {
          code: "compute.table1",
          params: { recipient: "regions", stated: 840_000_000, posts: 860_000_000 },
        },
      },
    ]);
    expect(render(table1[0]!.note)).toBe(
      "Table 1 states 840 000 000 kr for regions, but the agreement's posts to regions add up to 860 000 000 kr: Table 1 no longer matches the posts."
    );
    expect(render(table1[0]!.note, "sv")).toBe(
      "Tabell 1 anger 840 000 000 kr till regions, men avtalets poster till regions blir 860 000 000 kr: tabell 1 stämmer inte längre med posterna."
    );
    expect(compute(AGREEMENT_2020, { key }).warnings.some((w) => w.code === "table1")).toBe(false);
  });

  it("Table 1 is optional and may be partial", () => {
    const d = copy() as Record<string, unknown>;
    delete d.table1;
    expect(compute(parseAllocationAgreement(d), { key }).total).toBe(944_000_000);
    const partial = copy();
    (partial as { table1: Record<string, number> }).table1 = { SKR: 57_800_000 };
    expect(parseAllocationAgreement(partial).table1).toEqual({ SKR: 57_800_000 });
  });

  it("without a recipients field, the set is the 21 regions; a listed set must not repeat a code", () => {
    const d = copy() as Record<string, unknown>;
    delete d.recipients;
    const parsed = parseAllocationAgreement(d);
    expect(parsed.recipients).toEqual({
      id: "regions",
      name: { sv: "Regionerna", en: "The regions" },
      members: "swedish-regions",
    });
    expect(recipientsOf(parsed).codes).toEqual(recipientsOf(AGREEMENT_2020).codes);
    const listed = copy() as Record<string, unknown>;
    listed.recipients = {
      id: "regions",
      name: { sv: "R", en: "R" },
      members: [
        { code: "A", name: "Alfa" },
        { code: "A", name: "Beta" },
      ],
    };
    expect(problemsOf(() => parseAllocationAgreement(listed))).toEqual([
      'recipients.members[1].code: "A" is used by two members',
    ]);
  });

  it("refuses an unknown recipient, a Table 1 line for nobody and a rule that does not fit the key, naming each field", () => {
    const d = copy();
    d.posts[1]!.recipient = "Socialstyrelse";
    (d.table1 as Record<string, number>).Skolverket = 1;
    d.posts[0]!.nonFulfilment = "redistribute";
    d.posts[4]!.nonFulfilment = "lapse"; // v3-contacts, per unit
    expect(problemsOf(() => parseAllocationAgreement(d, "bad.json"))).toEqual([
      "posts[0].nonFulfilment: redistribute is for per-unit posts; a key post lapses or shares",
      "posts[4].nonFulfilment: a per-unit post redistributes what non-fulfilling members leave (redistribute)",
      'posts[1].recipient: "Socialstyrelse" is not a recipient of this agreement (regions, SKR, Försäkringskassan, Socialstyrelsen, government)',
      'table1.Skolverket: "Skolverket" is not a recipient (regions, SKR, Försäkringskassan, Socialstyrelsen, government)',
    ]);
  });
});

describe("the 2020 agreement's data: villkor 3's unit, the follow-up reservation, the bodies' condition", () => {
  it("villkor 3's contact money is 3 000 kr per patient (the text's word) in the contacts column, capped by the population share", () => {
    const v3 = AGREEMENT_2020.posts.find((p) => p.id === "v3-contacts")!;
    expect(v3.key).toEqual({
      type: "per-unit",
      unitAmount: 3000,
      unit: { sv: "patient", en: "patient" },
      column: "contacts",
      cap: { type: "key-share", column: "population" },
    });
    expect(v3.nonFulfilment).toBe("redistribute");
  });

  it("the follow-up 10 000 000 kr is a reservation for 2021 that stays in the total", () => {
    const r = compute(AGREEMENT_2020, { key });
    const followup = r.posts.find((p) => p.post.id === "followup")!;
    expect(followup.reservation).toBe(true);
    expect(r.posts.filter((p) => p.reservation).map((p) => p.post.id)).toEqual(["followup"]);
    expect(r.byPayoutDate.filter((d) => d.reservation)).toEqual([
      { date: "2021", amount: 10_000_000, reservation: true },
    ]);
    expect(r.total).toBe(944_000_000);
  });

  it("SKR's villkor 4 money is not paid when SKR has not 'vidtagit insatser'; villkor 5's may not be made conditional", () => {
    const r = compute(AGREEMENT_2020, { key, fulfilment: { "v4-skr": { SKR: false } } });
    const post = r.posts.find((p) => p.post.id === "v4-skr")!;
    expect(post.paid).toBe(0);
    expect(post.payments).toEqual([{ recipient: "SKR", name: "SKR", amount: 0 }]);
    expect(
      r.unpaid.map((u) => [u.post, u.amount, render(u.reason), render(u.reason, "sv")])
    ).toEqual([
      ["v4-skr", 39_000_000, "not fulfilled by SKR", "villkoret är inte uppfyllt av SKR"],
    ]);
    expect(r.total).toBe(905_000_000);
    expect(
      problemsOf(() =>
        compute(AGREEMENT_2020, {
          key,
          fulfilment: { "v5-skr": { SKR: false }, "v4-fk": { SKR: false } },
        })
      )
    ).toEqual([
      'fulfilment: "v5-skr" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4) nor a body\'s post with a condition (v4-skr, v4-fk, v4-sos)',
      'fulfilment, v4-fk: the post is paid to Försäkringskassan, not to "SKR"',
    ]);
  });

  it("a 'högst' post pays a decided amount below its ceiling; above the ceiling or on a fixed post it is an error naming the post", () => {
    const r = compute(AGREEMENT_2020, {
      key,
      decided: { "v5-skr": 9_000_000, "v3-contacts": 40_000_000 },
    });
    const v5 = r.posts.find((p) => p.post.id === "v5-skr")!;
    expect([v5.budget, v5.decided, v5.paid, v5.unpaid]).toEqual([
      9_500_000, 9_000_000, 9_000_000, 500_000,
    ]);
    const contacts = r.posts.find((p) => p.post.id === "v3-contacts")!;
    expect(contacts.paid).toBe(40_000_000);
    expect(render(r.unpaid.find((u) => u.post === "v5-skr")!.reason)).toBe(
      "decided at 9 000 000 kr, below its ceiling of 9 500 000 kr"
    );
    expect(r.total).toBe(944_000_000 - 500_000 - 10_000_000);
    expect(
      problemsOf(() =>
        compute(AGREEMENT_2020, {
          key,
          decided: { "v5-skr": 9_600_000, v1: 1, "v5-sos": "1,5", v9: 1 },
        })
      )
    ).toEqual([
      "decided, v5-skr: 9 600 000 kr is above the post's ceiling of 9 500 000 kr",
      'decided, v1: the post\'s amount is fixed, not a ceiling ("högst"), so no other amount can be decided',
      'decided, v5-sos: "1,5" is not whole, non-negative kronor',
      'decided: "v9" is not a post of sjuk-2020',
    ]);
  });

  it("its problems are catalogue codes, in English and Swedish", () => {
    let error: SjukError | undefined;
    try {
      compute(AGREEMENT_2020, {
        key,
        decided: { "v5-skr": 9_600_000 },
        fulfilment: { v1: { "99": false } },
      });
    } catch (e) {
      error = e as SjukError;
    }
    expect(error!.problems.map((p) => p.code)).toEqual([
      "compute.unknown-code",
      "compute.above-ceiling",
    ]);
    expect(error!.problems.map((p) => problemText(p, "sv"))).toEqual([
      "fulfilment, v1: ingen region har koden 99",
      "decided, v5-skr: 9 600 000 kr är mer än postens tak på 9 500 000 kr",
    ]);
  });

  it("finds recipients within an agreement's set by code or name", () => {
    expect(recipientsOf(AGREEMENT_2020).members).toHaveLength(21);
    expect(findRecipient(AGREEMENT_2020, "skåne")?.code).toBe("12");
    expect(findRecipient(AGREEMENT_2020, 1)?.code).toBe("01");
  });
});

// ---------------------------------------------------------------------------------------------

describe("a synthetic agreement: 290 municipalities, two per-unit posts on different count columns, bodies with conditions", () => {
  const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
  const set = recipientsOf(agreement);
  const codes = set.codes;
  /** Deterministic figures: populations 2 000–900 000, the elderly ~5 %, counts around the caps. */
  const population = Object.fromEntries(codes.map((c, i) => [c, 2_000 + ((i * 7_919) % 898_000)]));
  const elderly = Object.fromEntries(
    codes.map((c, i) => [c, Math.floor(population[c]! / 20) + (i % 7)])
  );
  const visits = Object.fromEntries(codes.map((c, i) => [c, (i * 37) % 250]));
  const placements = Object.fromEntries(codes.map((c, i) => [c, i % 5 === 0 ? 0 : (i * 13) % 40]));
  const notFulfilling = new Set(["K007", "K100", "K200"]);
  const flags = Object.fromEntries(codes.map((c) => [c, !notFulfilling.has(c)]));
  const inputs = {
    key: { figures: population, date: "2024-01-01", source: "synthetic" },
    keys: { elderly: { figures: elderly, date: "2024-01-01", source: "synthetic" } },
    units: { visits, placements },
    fulfilment: {
      bas: flags,
      aldre: flags,
      besok: flags,
      placering: flags,
      "skr-stod": { SKR: false },
    },
    decided: { "fk-adm": 2_500_000 },
  };
  // Computed in each test that needs it, not here (see tests/engine/table1.test.ts).
  const run = () => {
    const r = compute(agreement, inputs);
    return { r, post: (id: string) => r.posts.find((p) => p.post.id === id)! };
  };
  const dec = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, new Decimal(v)]));

  it("pays every member of the set, in the set's order, and every post adds up to its budget with what is unpaid", () => {
    const { r, post } = run();
    expect(set.members).toHaveLength(290);
    for (const p of r.posts) {
      expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBe(p.paid);
      expect(p.paid + p.unpaid).toBe(p.budget);
    }
    expect(post("bas").payments.map((x) => x.recipient)).toEqual(codes);
    expect(r.byRegion).toHaveLength(290);
    expect(r.byRegion.reduce((s, x) => s + x.amount, 0)).toBe(
      r.byRecipient.find((x) => x.recipient === "municipalities")!.amount
    );
    expect(r.total + r.unpaid.reduce((s, u) => s + u.amount, 0)).toBe(310_000_000);
  });

  it("the key posts: 'bas' lapses the three non-fulfilling shares, 'aldre' (by the elderly column) is shared in full", () => {
    const { post } = run();
    for (const c of notFulfilling) {
      expect(post("bas").payments[set.index.get(c)!]!.amount).toBe(0);
      expect(post("aldre").payments[set.index.get(c)!]!.amount).toBe(0);
    }
    const lapsed = [...notFulfilling].reduce(
      (s, c) => s + post("bas").allocation!.lines.find((l) => l.id === c)!.amount,
      0
    );
    expect(post("bas").paid).toBe(200_000_000 - lapsed);
    expect(post("aldre").paid).toBe(50_000_000);
    expect(post("aldre").allocation!.totalWeight.toNumber()).toBe(
      codes.filter((c) => !notFulfilling.has(c)).reduce((s, c) => s + elderly[c]!, 0)
    );
  });

  it("the two per-unit posts take their own count columns and caps, never above count × unit amount, as the decimal reference computes", () => {
    const { post } = run();
    for (const [id, counts, unit, capKey] of [
      ["besok", visits, 1_500, population],
      ["placering", placements, 5_000, elderly],
    ] as const) {
      const p = post(id);
      const counted = Object.fromEntries(
        codes.map((c) => [c, notFulfilling.has(c) ? 0 : counts[c]!])
      );
      const reference = contactMoney(p.budget, unit, dec(capKey), dec(counted), "population");
      expect(Object.fromEntries(p.payments.map((x) => [x.recipient, x.amount]))).toEqual(
        reference.paid
      );
      for (const x of p.payments)
        expect(x.amount).toBeLessThanOrEqual(counted[x.recipient]! * unit);
      expect(p.contacts!.caps.lines.reduce((s, l) => s + l.amount, 0)).toBe(p.budget);
    }
    // 'placering' earns less than its 20 MSEK (9 of 10 members have < 40 placements × 5 000 kr).
    const placering = post("placering");
    const earned = codes.reduce(
      (s, c) => s + (notFulfilling.has(c) ? 0 : placements[c]! * 5_000),
      0
    );
    expect(placering.paid).toBe(Math.min(earned, 20_000_000));
  });

  it("bodies: SKR not fulfilling is not paid; Försäkringskassan's decided amount; the reservation stays in the total", () => {
    const { r, post } = run();
    expect(post("skr-stod").paid).toBe(0);
    expect(post("fk-adm").paid).toBe(2_500_000);
    expect(post("uppfoljning").reservation).toBe(true);
    expect(r.byRecipient.map((x) => x.recipient)).toEqual([
      "municipalities",
      "SKR",
      "Försäkringskassan",
      "government",
    ]);
    expect(r.byPayoutDate.find((d) => d.reservation)).toEqual({
      date: "2025",
      amount: 2_000_000,
      reservation: true,
    });
  });

  it("finds a member by name or code and names the closest ones for a typo", () => {
    expect(findRecipient(agreement, "kommun 012")?.code).toBe("K012");
    expect(findRecipient(agreement, "k290")?.name).toBe("Syntetisk kommun 290");
    expect(() => resolveRecipient(agreement, "Kommun 0x12")).toThrow(
      /"Kommun 0x12" is not one of the municipalities; closest: Syntetisk kommun 012/
    );
  });

  it("names a missing key column and an unknown unit column", () => {
    expect(
      problemsOf(() => compute(agreement, { key: inputs.key, units: { visit: visits } }))
    ).toEqual([
      'keys: the key column "elderly" is not given (posts aldre, placering need it)',
      'units: "visit" is not a unit column of synthetic-290 (visits, placements)',
    ]);
  });
});
