import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { render } from "../../src/core/messages";
import { ComputeInputs, ComputeOptions, REGION_CODES, compute } from "../../src/engine";
import { recipientsOf } from "../../src/engine/recipients";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * compute()'s warnings and unpaid reasons are catalogue messages: each kind with its exact code,
 * parameters and text in both languages, and exactly when it is given (not otherwise).
 */
const shipped = shippedPopulationKey();
const onDate = { ...shipped, date: "2019-11-01" };
const contacts = (n: number) => Object.fromEntries(REGION_CODES.map((c) => [c, n]));
const run = (inputs: ComputeInputs, options?: ComputeOptions) =>
  compute(AGREEMENT_2020, inputs, options);
const both = (m: Parameters<typeof render>[0]) => [render(m, "en"), render(m, "sv")];

describe("compute()'s warnings", () => {
  it("none at all with the key of 1 November 2019 and counts over every cap", () => {
    const r = run({ key: onDate, contacts: { contacts: contacts(1_000_000) } });
    expect(r.warnings).toEqual([]);
    expect(r.unpaid).toEqual([]);
    expect(r.total).toBe(944_000_000);
  });

  it("the key's date when it is not the agreement's, first, then the counts assumed", () => {
    const r = run({ key: shipped });
    expect(r.warnings.map((w) => w.code)).toEqual(["key-date", "contacts-assumed"]);
    expect(both(r.warnings[0]!.note)).toEqual([
      `The key is from 2019-12-31 (${shipped.source}), not from 2019-11-01 as the agreement requires (${AGREEMENT_2020.keyDescription.en}).`,
      `Nyckeln är från 2019-12-31 (${shipped.source}), inte från 2019-11-01 som avtalet kräver (${AGREEMENT_2020.keyDescription.sv}).`,
    ]);
  });

  it("a key without a date says the agreement's key, in each language", () => {
    const r = run({ key: { ...shipped, date: null }, contacts: { contacts: contacts(1_000_000) } });
    expect(r.warnings).toEqual([
      {
        code: "key-date-unknown",
        note: { code: "compute.key-date-unknown", params: { key: AGREEMENT_2020.keyDescription } },
      },
    ]);
    expect(both(r.warnings[0]!.note)).toEqual([
      `The key's date is not stated; the agreement's key is ${AGREEMENT_2020.keyDescription.en}.`,
      `Nyckelns datum är inte angivet; avtalets nyckel är ${AGREEMENT_2020.keyDescription.sv}.`,
    ]);
  });

  it("a key whose rows carry different dates says which, and one date among blanks is no mix", () => {
    const contactsGiven = { contacts: contacts(1_000_000) };
    const mixed = run({
      key: { ...shipped, date: null, dates: ["2019-11-01", "2019-12-31"] },
      contacts: contactsGiven,
    });
    expect(mixed.warnings.map((w) => w.code)).toEqual(["key-dates-mixed"]);
    expect(mixed.warnings[0]!.note).toEqual({
      code: "compute.key-dates-mixed",
      params: { dates: "2019-11-01, 2019-12-31", key: AGREEMENT_2020.keyDescription },
    });
    const one = run({
      key: { ...shipped, date: null, dates: ["2019-11-01"] },
      contacts: contactsGiven,
    });
    expect(one.warnings.map((w) => w.code)).toEqual(["key-date-unknown"]);
  });

  it("counts assumed: the post, its column and the amount it pays, by population only under unpaid-contacts", () => {
    const byPopulation = run({ key: onDate });
    expect(byPopulation.warnings).toEqual([
      {
        code: "contacts-assumed",
        note: {
          code: "compute.units-assumed",
          params: {
            post: "v3-contacts",
            column: "contacts",
            amount: 50_000_000,
            set: "regions",
            byPopulation: false,
          },
        },
      },
    ]);
    expect(both(byPopulation.warnings[0]!.note)).toEqual([
      "No counts given for v3-contacts (contacts): every fulfilling region is assumed to have enough to take all it can be given, so the post pays its whole 50 000 000 kr among the fulfilling regions, as Table 1 budgets.",
      "Inga antal angivna för v3-contacts (contacts): varje region som uppfyller villkoret antas ha tillräckligt många för att ta allt den kan få, så posten betalar hela 50 000 000 kr till de regioner som uppfyller det, som tabell 1 budgeterar.",
    ]);
    const byUnpaid = run(
      { key: onDate, decided: { "v3-contacts": 40_000_000 } },
      {
        redistribution: "unpaid-contacts",
      }
    );
    const note = byUnpaid.warnings.find((w) => w.code === "contacts-assumed")!.note;
    expect(note.params).toEqual({
      post: "v3-contacts",
      column: "contacts",
      amount: 40_000_000,
      set: "regions",
      byPopulation: true,
    });
    expect(render(note)).toMatch(
      /its whole 40 000 000 kr among the fulfilling regions, as Table 1 budgets\. Without counts nobody's unpaid units are known, so what is left is redistributed by population \(the cap's key\), not by unpaid contacts\.$/
    );
  });

  it("more contacts than treatments: the region and both counts, only where contacts exceed their sum", () => {
    const treatments = {
      "01": { mentalHealthWomen: 10, mentalHealthMen: 5, painWomen: 3, painMen: 2 }, // 20 < 21
      "03": { mentalHealthWomen: 21 }, // 21 = 21: not more
      "12": { painMen: 100 },
    };
    const r = run({ key: onDate, contacts: { contacts: contacts(21), treatments } });
    const exceed = r.warnings.filter((w) => w.code === "contacts-exceed-treatments");
    expect(exceed.map((w) => w.note)).toEqual([
      {
        code: "compute.contacts-exceed-treatments",
        params: { name: "Region Stockholm", contacts: "21", treatments: "20" },
      },
    ]);
    expect(both(exceed[0]!.note)).toEqual([
      "Region Stockholm: 21 contacts but only 20 treatments reported.",
      "Region Stockholm: 21 kontakter men bara 20 behandlingar rapporterade.",
    ]);
  });

  it("a Table 1 figure the posts no longer match names the recipient and both amounts", () => {
    const d = structuredClone(AGREEMENT_2020) as unknown as {
      posts: { id: string; amount: number }[];
      total: number;
    };
    d.posts.find((p) => p.id === "v5-skr")!.amount += 1;
    d.total += 1;
    const r = compute(parseAllocationAgreement(d, "draft.json"), {
      key: onDate,
      contacts: { contacts: contacts(1_000_000) },
    });
    expect(r.warnings).toEqual([
      {
        code: "table1",
        note: {
          code: "compute.table1",
          params: { recipient: "SKR", stated: 57_800_000, posts: 57_800_001 },
        },
      },
    ]);
  });
});

describe("unpaid money: each reason as a message", () => {
  it("a region that does not fulfil a lapsing post: the post, the amount and who, in one warning per post", () => {
    const r = run({
      key: onDate,
      contacts: { contacts: contacts(1_000_000) },
      fulfilment: { v1: { "01": false, "09": false }, v2: { "25": false } },
    });
    expect(r.unpaid.map((u) => [u.post, both(u.reason)])).toEqual([
      [
        "v1",
        [
          "lapsed: not fulfilled by Stockholm, Gotland",
          "förfallet: villkoret är inte uppfyllt av Stockholm, Gotland",
        ],
      ],
      [
        "v2",
        [
          "lapsed: not fulfilled by Norrbotten",
          "förfallet: villkoret är inte uppfyllt av Norrbotten",
        ],
      ],
    ]);
    const warned = r.warnings.filter((w) => w.code === "unpaid");
    expect(warned).toHaveLength(2);
    expect(warned[0]!.note).toEqual({
      code: "compute.unpaid",
      params: { post: "v1", amount: r.unpaid[0]!.amount, reason: r.unpaid[0]!.reason },
    });
    const amount = r.unpaid[1]!.amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
    expect(both(warned[1]!.note)).toEqual([
      `v2: ${amount} kr is not paid out (lapsed: not fulfilled by Norrbotten).`,
      `v2: ${amount} kr betalas inte ut (förfallet: villkoret är inte uppfyllt av Norrbotten).`,
    ]);
  });

  it("a decided amount below the ceiling and too few contacts: both reasons, joined", () => {
    const r = run({
      key: onDate,
      contacts: { contacts: contacts(10) },
      decided: { "v3-contacts": 40_000_000 },
    });
    const u = r.unpaid.find((x) => x.post === "v3-contacts")!;
    // 21 regions × 10 patients × 3 000 kr = 630 000 kr paid; the rest of the 50 MSEK budget is unpaid.
    expect(u.amount).toBe(50_000_000 - 630_000);
    expect(u.reason).toEqual({
      code: "list",
      params: {
        items: [
          { code: "compute.decided-below", params: { decided: 40_000_000, ceiling: 50_000_000 } },
          { code: "compute.not-enough-units", params: { set: "regions", column: "contacts" } },
        ],
      },
    });
    expect(both(u.reason)).toEqual([
      "decided at 40 000 000 kr, below its ceiling of 50 000 000 kr; no region had contacts enough to take it",
      "beslutat till 40 000 000 kr, under taket på 50 000 000 kr; ingen region hade tillräckligt med contacts för att ta det",
    ]);
  });

  it("a decided amount below the ceiling alone is the one reason, not a list", () => {
    const r = run({
      key: onDate,
      contacts: { contacts: contacts(1_000_000) },
      decided: { "v5-skr": 9_000_000 },
    });
    expect(r.unpaid).toEqual([
      {
        post: "v5-skr",
        amount: 500_000,
        reason: {
          code: "compute.decided-below",
          params: { decided: 9_000_000, ceiling: 9_500_000 },
        },
      },
    ]);
  });

  it("a body that has not fulfilled its post's condition is named", () => {
    const r = run({
      key: onDate,
      contacts: { contacts: contacts(1_000_000) },
      fulfilment: { "v4-fk": { Försäkringskassan: false } },
    });
    expect(r.unpaid.map((u) => [u.post, u.amount, u.reason])).toEqual([
      [
        "v4-fk",
        r.posts.find((p) => p.post.id === "v4-fk")!.budget,
        { code: "compute.not-fulfilled-by", params: { who: "Försäkringskassan" } },
      ],
    ]);
  });
});

describe("another recipient set: the member word follows the set", () => {
  const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
  const codes = recipientsOf(agreement).codes;
  const figures = Object.fromEntries(codes.map((c, i) => [c, 1_000 + i]));
  const key = { figures, date: agreement.keyDate, source: "test" };

  it("counts assumed for both per-unit posts, each with its own column, said of members of municipalities", () => {
    const r = compute(agreement, { key, keys: { elderly: key } });
    const assumed = r.warnings.filter((w) => w.code === "contacts-assumed");
    expect(assumed.map((w) => [w.note.params])).toEqual([
      [expect.objectContaining({ post: "besok", column: "visits", set: "municipalities" })],
      [expect.objectContaining({ post: "placering", column: "placements", set: "municipalities" })],
    ]);
    expect(render(assumed[0]!.note)).toContain(
      "every fulfilling member of municipalities is assumed to have enough to take all it can be given"
    );
    expect(render(assumed[0]!.note)).toContain("among the fulfilling members of municipalities");
    expect(render(assumed[0]!.note, "sv")).toContain("varje medlem i municipalities som uppfyller");
    expect(render(assumed[0]!.note, "sv")).toContain(
      "till de medlemmar i municipalities som uppfyller det"
    );
  });

  it("nobody fulfilling a per-unit post: no member of the set fulfils it", () => {
    const nobody = Object.fromEntries(codes.map((c) => [c, false]));
    const none = compute(agreement, { key, keys: { elderly: key }, fulfilment: { besok: nobody } });
    const u = none.unpaid.find((x) => x.post === "besok")!;
    expect(both(u.reason)).toEqual([
      "no member of municipalities fulfils the condition",
      "ingen medlem i municipalities uppfyller villkoret",
    ]);
  });
});
