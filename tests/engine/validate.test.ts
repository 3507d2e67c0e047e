import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { problemText } from "../../src/core/errors";
import { ComputeInputs, ComputeOptions, REGION_CODES, compute } from "../../src/engine";
import { recipientsOf } from "../../src/engine/recipients";
import { shippedPopulationKey } from "../../src/reference/population";
import { thrownProblems as problemsOf } from "../problems";

const key = shippedPopulationKey();
const SET_POSTS = ["v1", "v2", "v3", "v3-contacts", "v4"];
const BODY_POSTS = ["v4-skr", "v4-fk", "v4-sos"];

describe("compute() refuses bad input with every problem at once", () => {
  it("the 2020 agreement: one call with something wrong in every input", () => {
    const figures: Record<string, unknown> = { ...key.figures };
    delete figures["21"];
    Object.assign(figures, { "99": 5, "01": "abc", "03": -5, "04": "1.5", "05": Infinity });
    Object.assign(figures, { "06": true, "07": "", "08": null });
    const counts: Record<string, unknown> = Object.fromEntries(REGION_CODES.map((c) => [c, 10]));
    Object.assign(counts, { "10": 2.5, "12": "7" });
    const inputs = {
      key: { ...key, figures },
      contacts: {
        contacts: counts,
        treatments: {
          "01": { painMen: 1.5 },
          "03": { painWomen: -1, painMen: 3 },
          "04": { painMen: "x" },
        },
      },
      units: { contacts: counts, visits: {} },
      keys: { population: key, elderly: key },
      fulfilment: {
        v1: { "01": false, "77": false },
        "v4-skr": { SKR: false, FK: false },
        "v5-skr": { SKR: false },
        nope: {},
      },
      decided: { v1: 1, "v5-skr": 9_600_000, "v5-sos": "1,5", "v3-contacts": -1, zz: 3 },
    } as unknown as ComputeInputs;
    const options = {
      redistribution: "by-magic",
      method: "dice",
      nonFulfilment: { v1: "share", v9: "lapse", v2: "maybe" },
    } as unknown as ComputeOptions;
    const conditional = (post: string) => ({
      code: "compute.not-conditional-post",
      params: { post, agreement: "sjuk-2020", setPosts: SET_POSTS, bodyPosts: BODY_POSTS },
    });
    expect(problemsOf(() => compute(AGREEMENT_2020, inputs, options))).toEqual([
      { code: "compute.unknown-code", params: { what: "key", set: "regions", code: "99" } },
      { code: "compute.not-a-number", params: { what: "key, Region Stockholm", value: '"abc"' } },
      { code: "compute.negative", params: { what: "key, Region Uppsala", value: "-5" } },
      {
        code: "compute.not-finite",
        params: { what: "key, Region Östergötland", value: "Infinity" },
      },
      {
        code: "compute.not-a-number",
        params: { what: "key, Region Jönköpings län", value: "true" },
      },
      { code: "compute.missing", params: { what: "key", name: "Region Kronoberg", code: "07" } },
      { code: "compute.missing", params: { what: "key", name: "Region Kalmar län", code: "08" } },
      { code: "compute.missing", params: { what: "key", name: "Region Gävleborg", code: "21" } },
      { code: "compute.key-twice", params: { column: "population" } },
      {
        code: "compute.unknown-key",
        params: { column: "elderly", agreement: "sjuk-2020", known: ["population"] },
      },
      { code: "compute.not-whole", params: { what: "contacts, Region Blekinge", value: "2.5" } },
      { code: "compute.units-twice", params: { column: "contacts" } },
      {
        code: "compute.unknown-units",
        params: { column: "visits", agreement: "sjuk-2020", known: ["contacts"] },
      },
      { code: "compute.not-whole", params: { what: "treatments, 01, painMen", value: "1.5" } },
      { code: "compute.negative", params: { what: "treatments, 03, painWomen", value: "-1" } },
      { code: "compute.not-a-number", params: { what: "treatments, 04, painMen", value: '"x"' } },
      {
        code: "compute.unknown-code",
        params: { what: "fulfilment, v1", set: "regions", code: "77" },
      },
      { code: "compute.not-the-body", params: { post: "v4-skr", body: "SKR", given: "FK" } },
      conditional("v5-skr"),
      conditional("nope"),
      { code: "compute.not-at-most", params: { post: "v1" } },
      {
        code: "compute.above-ceiling",
        params: { post: "v5-skr", decided: 9_600_000, ceiling: 9_500_000 },
      },
      { code: "compute.not-kronor", params: { post: "v5-sos", value: '"1,5"' } },
      { code: "compute.not-kronor", params: { post: "v3-contacts", value: "-1" } },
      {
        code: "compute.not-a-post",
        params: { what: "decided", post: "zz", agreement: "sjuk-2020" },
      },
      {
        code: "compute.bad-redistribution",
        params: { value: "by-magic", keys: ["population", "unpaid-contacts"] },
      },
      {
        code: "compute.bad-method",
        params: { value: "dice", methods: ["hamilton", "sainte-lague", "dhondt"] },
      },
      {
        code: "compute.not-a-post",
        params: { what: "non-fulfilment", post: "v9", agreement: "sjuk-2020" },
      },
      { code: "compute.bad-rule", params: { rule: "maybe" } },
    ]);
  });

  it("one rule for every post that is neither lapse nor share", () => {
    const problems = problemsOf(() =>
      compute(AGREEMENT_2020, { key }, { nonFulfilment: "keep" as never })
    );
    expect(problems.map((p) => problemText(p))).toEqual([
      'non-fulfilment: "keep" is not lapse or share',
    ]);
  });

  it("a figure that is not a number is shown as it was given, a bigint or an object with a cycle too", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const figures = { ...key.figures, "01": 5n, "03": cycle, "04": Symbol("x") } as never;
    expect(problemsOf(() => compute(AGREEMENT_2020, { key: { ...key, figures } }))).toEqual([
      { code: "compute.not-a-number", params: { what: "key, Region Stockholm", value: "5n" } },
      {
        code: "compute.not-a-number",
        params: { what: "key, Region Uppsala", value: "[object Object]" },
      },
      {
        code: "compute.not-a-number",
        params: { what: "key, Region Sörmland", value: "Symbol(x)" },
      },
    ]);
  });

  it("a decided amount that is not kronor is shown as it was given, an object with a cycle too", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const decided = { "v5-sos": cycle } as never;
    expect(problemsOf(() => compute(AGREEMENT_2020, { key, decided }))).toEqual([
      { code: "compute.not-kronor", params: { post: "v5-sos", value: "[object Object]" } },
    ]);
  });

  it("a key of zeros, whole or written with decimals, has no shares to take", () => {
    for (const zero of [0, "0.0"]) {
      const figures = Object.fromEntries(REGION_CODES.map((c) => [c, zero]));
      expect(problemsOf(() => compute(AGREEMENT_2020, { key: { ...key, figures } }))).toEqual([
        { code: "compute.all-zero", params: { what: "key" } },
      ]);
    }
  });

  it("a key of whole figures written as text or with a decimal point is read as those figures", () => {
    const asText = Object.fromEntries(
      Object.entries(key.figures).map(([c, v]) => [c, `${String(v)}.0`])
    );
    const a = compute(AGREEMENT_2020, { key: { ...key, figures: asText } });
    const b = compute(AGREEMENT_2020, { key });
    expect(a.byRegion).toEqual(b.byRegion);
    expect(a.key.total.toString()).toBe(b.key.total.toString());
  });
});

describe("an agreement with a second key column and other unit columns", () => {
  const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
  const codes = recipientsOf(agreement).codes;
  const ones = Object.fromEntries(codes.map((c) => [c, 1]));
  const k = (figures: Record<string, unknown>) =>
    ({ figures, date: null, source: "test" }) as never;

  it("needs its second key column, naming the posts that use it", () => {
    expect(problemsOf(() => compute(agreement, { key: k(ones) }))).toEqual([
      {
        code: "compute.key-not-given",
        params: { column: "elderly", posts: ["aldre", "placering"] },
      },
    ]);
  });

  it("a second key column of zeros is named by its column", () => {
    const zeros = Object.fromEntries(codes.map((c) => [c, 0]));
    expect(
      problemsOf(() => compute(agreement, { key: k(ones), keys: { elderly: k(zeros) } }))
    ).toEqual([{ code: "compute.all-zero", params: { what: "keys.elderly" } }]);
  });

  it("counts of its own unit columns must be whole; the contacts column is not one of them", () => {
    const visits = { ...ones, K001: 1.5 };
    const inputs = { key: k(ones), keys: { elderly: k(ones) }, units: { visits, contacts: ones } };
    expect(problemsOf(() => compute(agreement, inputs))).toEqual([
      {
        code: "compute.not-whole",
        params: { what: "units.visits, Syntetisk kommun 001", value: "1.5" },
      },
      {
        code: "compute.unknown-units",
        params: { column: "contacts", agreement: "synthetic-290", known: ["visits", "placements"] },
      },
    ]);
  });

  it("a not-reported list without counts still names only known columns and members", () => {
    const inputs = {
      key: k(ones),
      keys: { elderly: k(ones) },
      unitsNotReported: { visits: ["K001", "K999"], beds: ["K002"] },
    };
    expect(problemsOf(() => compute(agreement, inputs))).toEqual([
      {
        code: "compute.unknown-code",
        params: { what: "notReported", set: "municipalities", code: "K999" },
      },
      {
        code: "compute.unknown-units",
        params: { column: "beds", agreement: "synthetic-290", known: ["visits", "placements"] },
      },
    ]);
    const known = { ...inputs, unitsNotReported: { visits: ["K001"] } };
    // Computed: K001 waits, unpaid, for its visits; nothing else is held back.
    const r = compute(agreement, known);
    const besok = r.posts.find((p) => p.post.id === "besok")!;
    expect(besok.payments.find((x) => x.recipient === "K001")!.amount).toBe(0);
    expect(Number(r.total) + r.unpaid.reduce((s, u) => s + Number(u.amount), 0)).toBe(
      Number(r.budget)
    );
    expect(Number(r.total)).toBeLessThan(Number(r.budget));
  });

  it("with both key columns and counts it computes, and each per-unit post uses its own counts", () => {
    const visits = Object.fromEntries(codes.map((c, i) => [c, i % 3]));
    const r = compute(agreement, {
      key: k(ones),
      keys: { elderly: k(ones) },
      units: { visits, placements: ones },
    });
    const besok = r.posts.find((p) => p.post.id === "besok")!;
    const placering = r.posts.find((p) => p.post.id === "placering")!;
    expect(besok.payments.map((x) => x.amount)).not.toEqual(
      placering.payments.map((x) => x.amount)
    );
    expect(r.warnings.filter((w) => w.code === "contacts-assumed")).toEqual([]);
  });
});
