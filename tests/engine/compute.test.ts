import { AGREEMENT_2020 } from "../../src/agreements";
import { problemText } from "../../src/core/errors";
import { render } from "../../src/core/messages";
import { ComputeResult, REGION_CODES, SjukError, compute } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

const key = shippedPopulationKey();

function post(result: ComputeResult, id: string) {
  const p = result.posts.find((x) => x.post.id === id);
  if (!p) throw new Error(`no post ${id}`);
  return p;
}
function paidTo(result: ComputeResult, id: string, region: string): number {
  return post(result, id).payments.find((x) => x.recipient === region)!.amount;
}
const nobody = (): Record<string, boolean> =>
  Object.fromEntries(REGION_CODES.map((c) => [c, false]));

describe("compute: non-fulfilment", () => {
  // Computed in each test that needs it, not here (see tests/engine/table1.test.ts).
  const fulfilled = () => compute(AGREEMENT_2020, { key });

  it("lapses Stockholm's share of villkor 1 by default and reports it unpaid", () => {
    const all = fulfilled();
    const r = compute(AGREEMENT_2020, { key, fulfilment: { v1: { "01": false } } });
    const stockholm = paidTo(all, "v1", "01");
    expect(stockholm).toBeGreaterThan(0);
    expect(paidTo(r, "v1", "01")).toBe(0);
    // Everyone else keeps exactly the share they had.
    for (const code of REGION_CODES.filter((c) => c !== "01"))
      expect(paidTo(r, "v1", code)).toBe(paidTo(all, "v1", code));
    expect(post(r, "v1").unpaid).toBe(stockholm);
    expect(r.total).toBe(944_000_000 - stockholm);
    expect(r.unpaid.map((u) => [u.post, u.amount, render(u.reason)])).toEqual([
      ["v1", stockholm, "lapsed: not fulfilled by Stockholm"],
    ]);
    expect(render(r.unpaid[0]!.reason, "sv")).toBe(
      "förfallet: villkoret är inte uppfyllt av Stockholm"
    );
    const unpaid = r.warnings.filter((w) => w.code === "unpaid").map((w) => render(w.note));
    expect(unpaid).toEqual([
      `v1: ${stockholm.toLocaleString("en").replace(/,/g, " ")} kr is not paid out (lapsed: not fulfilled by Stockholm).`,
    ]);
  });

  it("shares villkor 4 among the fulfilling regions by default (the agreement's own rule)", () => {
    const all = fulfilled();
    const r = compute(AGREEMENT_2020, { key, fulfilment: { v4: { "01": false, "12": false } } });
    expect(paidTo(r, "v4", "01")).toBe(0);
    expect(paidTo(r, "v4", "12")).toBe(0);
    expect(post(r, "v4").paid).toBe(50_000_000);
    expect(paidTo(r, "v4", "03")).toBeGreaterThan(paidTo(all, "v4", "03"));
    expect(r.total).toBe(944_000_000);
  });

  it("applies a global option or a per-post option over the agreement's rules", () => {
    const all = fulfilled();
    const f = { v1: { "01": false }, v4: { "01": false } };
    const share = compute(AGREEMENT_2020, { key, fulfilment: f }, { nonFulfilment: "share" });
    expect(post(share, "v1").paid).toBe(100_000_000);
    const lapse = compute(AGREEMENT_2020, { key, fulfilment: f }, { nonFulfilment: "lapse" });
    expect(post(lapse, "v4").paid).toBe(50_000_000 - paidTo(all, "v4", "01"));
    const mixed = compute(
      AGREEMENT_2020,
      { key, fulfilment: f },
      { nonFulfilment: { v1: "share" } }
    );
    expect(post(mixed, "v1").paid).toBe(100_000_000);
    expect(post(mixed, "v4").paid).toBe(50_000_000); // v4 keeps its own rule, share
  });

  it("pays nothing of a shared post when nobody fulfils it, without throwing", () => {
    const r = compute(AGREEMENT_2020, { key, fulfilment: { v4: nobody() } });
    expect(post(r, "v4").paid).toBe(0);
    expect(r.unpaid).toEqual([
      {
        post: "v4",
        amount: 50_000_000,
        reason: { code: "compute.nobody-fulfils", params: { set: "regions" } },
      },
    ]);
    expect(render(r.unpaid[0]!.reason)).toBe("no region fulfils the condition");
    expect(render(r.unpaid[0]!.reason, "sv")).toBe("ingen region uppfyller villkoret");
  });

  it("without contact counts, redistributes a non-fulfilling region's contact cap to the others (the text's rule), with a warning", () => {
    const all = fulfilled();
    // Without counts every fulfilling region is assumed to have patients enough to take all it
    // can be given: Stockholm's cap goes to the other 20 by population, and the post pays 50 MSEK.
    const r = compute(AGREEMENT_2020, { key, fulfilment: { "v3-contacts": { "01": false } } });
    const cap = (code: string) => paidTo(all, "v3-contacts", code);
    expect(paidTo(r, "v3-contacts", "01")).toBe(0);
    for (const code of REGION_CODES.filter((c) => c !== "01"))
      expect(paidTo(r, "v3-contacts", code)).toBeGreaterThan(cap(code));
    expect(post(r, "v3-contacts").paid).toBe(50_000_000);
    expect(post(r, "v3-contacts").unpaid).toBe(0);
    expect(post(r, "v3-contacts").rule).toBe("redistribute");
    expect(r.total).toBe(944_000_000);
    const assumed = r.warnings.find((w) => w.code === "contacts-assumed")!.note;
    expect(render(assumed)).toContain("50 000 000 kr among the fulfilling regions");
    expect(render(assumed, "sv")).toContain(
      "hela 50 000 000 kr till de regioner som uppfyller det"
    );
  });

  it("without contact counts and nobody fulfilling villkor 3's contacts, pays nothing (no error)", () => {
    const r = compute(AGREEMENT_2020, { key, fulfilment: { "v3-contacts": nobody() } });
    expect(post(r, "v3-contacts").paid).toBe(0);
    expect(post(r, "v3-contacts").unpaid).toBe(50_000_000);
    expect(r.unpaid).toEqual([
      {
        post: "v3-contacts",
        amount: 50_000_000,
        reason: { code: "compute.nobody-fulfils", params: { set: "regions" } },
      },
    ]);
    expect(r.total).toBe(894_000_000);
  });

  it("with contact counts, a non-fulfilling region's contacts earn nothing", () => {
    const contacts = Object.fromEntries(REGION_CODES.map((c) => [c, 100_000]));
    const r = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts },
      fulfilment: { "v3-contacts": { "12": false } },
    });
    expect(paidTo(r, "v3-contacts", "12")).toBe(0);
    // Everybody else has more contacts than their cap pays for, so Skåne's cap is redistributed.
    expect(post(r, "v3-contacts").paid).toBe(50_000_000);
  });
});

describe("compute: refuses bad inputs with every problem named", () => {
  it("names a missing region, a negative figure and an unknown post", () => {
    const figures: Record<string, number | string> = { ...(key.figures as Record<string, number>) };
    delete figures["09"];
    figures["12"] = -1;
    let error: unknown;
    try {
      compute(AGREEMENT_2020, { key: { ...key, figures }, fulfilment: { v9: { "01": false } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SjukError);
    expect((error as SjukError).problems.map((p) => problemText(p))).toEqual([
      "key: Region Gotland (09) is missing",
      "key, Region Skåne: -1 is negative",
      'fulfilment: "v9" is not a regional post of sjuk-2020 (v1, v2, v3, v3-contacts, v4) nor a body\'s post with a condition (v4-skr, v4-fk, v4-sos)',
    ]);
  });

  it("refuses a key that is zero everywhere", () => {
    const figures = Object.fromEntries(REGION_CODES.map((c) => [c, 0]));
    expect(() => compute(AGREEMENT_2020, { key: { ...key, figures } })).toThrow(
      "key: every figure is zero, so there is no share to take"
    );
  });
});
