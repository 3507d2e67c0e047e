import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020 } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { render } from "../../src/core/messages";
import { REGION_CODES, compute } from "../../src/engine";
import { notReportedIn } from "../../src/engine/inputs";
import { recipientsOf } from "../../src/engine/recipients";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * Who is named when a post to the set leaves money unpaid: the members not reported yet (and
 * fulfilling), else why the rounds could not pay it; and which unit column's not-reported list
 * a per-unit post reads.
 */
const key = { ...shippedPopulationKey(), date: "2019-11-01" };
const counts = (n: number) => Object.fromEntries(REGION_CODES.map((c) => [c, n]));
const contactsPost = (r: ReturnType<typeof compute>) =>
  r.posts.find((p) => p.post.id === "v3-contacts")!;

describe("the members not reported yet, per unit column", () => {
  it("contacts read ContactCounts.notReported, any other column unitsNotReported; none is []", () => {
    const inputs = {
      key,
      contacts: { contacts: {}, notReported: ["09"] },
      unitsNotReported: { visits: ["K002"], contacts: ["12"] },
    };
    expect(notReportedIn(inputs, "contacts")).toEqual(["09"]);
    expect(notReportedIn(inputs, "visits")).toEqual(["K002"]);
    expect(notReportedIn(inputs, "placements")).toEqual([]);
    expect(notReportedIn({ key }, "contacts")).toEqual([]);
    expect(notReportedIn({ key, contacts: { contacts: {} } }, "contacts")).toEqual([]);
    expect(notReportedIn({ key, unitsNotReported: {} }, "visits")).toEqual([]);
  });

  it("a member of another agreement not reported in its visits is withheld from that post only", () => {
    const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
    const codes = recipientsOf(agreement).codes;
    const figures = Object.fromEntries(codes.map((c, i) => [c, 1_000 + i]));
    const k = { figures, date: agreement.keyDate, source: "test" };
    const visits = Object.fromEntries(codes.map((c) => [c, 1_000_000]));
    const inputs = { key: k, keys: { elderly: k }, units: { visits } };
    const all = compute(agreement, inputs);
    const waiting = compute(agreement, { ...inputs, unitsNotReported: { visits: ["K002"] } });
    const besok = (r: typeof all) => r.posts.find((p) => p.post.id === "besok")!;
    const k002 = codes.indexOf("K002");
    expect(besok(all).amounts![k002]).toBeGreaterThan(0);
    expect(besok(waiting).amounts![k002]).toBe(0);
    expect(besok(waiting).unpaid).toBe(besok(all).amounts![k002]);
    const placering = (r: typeof all) => r.posts.find((p) => p.post.id === "placering")!;
    expect([...placering(waiting).amounts!]).toEqual([...placering(all).amounts!]);
    expect(waiting.unpaid.map((u) => [u.post, render(u.reason)])).toEqual([
      ["besok", "counts of visits not reported yet by Syntetisk kommun 002"],
    ]);
    expect(render(waiting.unpaid[0]!.reason, "sv")).toBe(
      "antalen visits är ännu inte rapporterade av Syntetisk kommun 002"
    );
    expect(waiting.warnings.filter((w) => w.code === "contacts-not-reported")).toEqual([
      {
        code: "contacts-not-reported",
        note: {
          code: "contacts.not-reported",
          params: {
            post: "besok",
            names: ["Syntetisk kommun 002"],
            count: 1,
            total: 290,
            column: "visits",
            set: "municipalities",
          },
        },
      },
    ]);
  });

  it("two per-unit posts counting one column: one warning, from the first; both withheld", () => {
    const d = structuredClone(synthetic);
    d.posts.find((p) => p.id === "placering")!.key.column = "visits";
    const agreement = parseAllocationAgreement(d, "two-on-visits.json");
    const codes = recipientsOf(agreement).codes;
    const figures = Object.fromEntries(codes.map((c, i) => [c, 1_000 + i]));
    const k = { figures, date: agreement.keyDate, source: "test" };
    const r = compute(agreement, {
      key: k,
      keys: { elderly: k },
      unitsNotReported: { visits: ["K003", "K001"] },
    });
    const warned = r.warnings.filter((w) => w.code === "contacts-not-reported");
    expect(warned.map((w) => w.note.params)).toEqual([
      expect.objectContaining({
        post: "besok",
        names: ["Syntetisk kommun 003", "Syntetisk kommun 001"],
      }),
    ]);
    expect(r.unpaid.map((u) => [u.post, render(u.reason)])).toEqual([
      // Both posts count visits here, so both name that column.
      ["besok", "counts of visits not reported yet by Syntetisk kommun 003, Syntetisk kommun 001"],
      ["placering", "counts of visits not reported yet by Syntetisk kommun 003, Syntetisk kommun 001"],
    ]);
  });
});

describe("the reason for a per-unit post's unpaid money", () => {
  it("names only the members not reported that fulfil the post, in the order given", () => {
    const r = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts: counts(1_000_000), notReported: ["25", "12", "09"] },
      fulfilment: { "v3-contacts": { "12": false } },
    });
    expect(r.unpaid.map((u) => [u.post, render(u.reason)])).toEqual([
      ["v3-contacts", "contacts not reported yet by Region Norrbotten, Region Gotland"],
    ]);
    expect(contactsPost(r).amounts![REGION_CODES.indexOf("12")]).toBe(0);
  });

  it("too few contacts while some region does not fulfil: not enough units, not nobody fulfils", () => {
    const r = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts: counts(10) },
      fulfilment: { "v3-contacts": { "01": false } },
    });
    // 20 regions × 10 patients × 3 000 kr = 600 000 kr paid of the 50 MSEK.
    expect(contactsPost(r).paid).toBe(600_000);
    expect(r.unpaid).toEqual([
      {
        post: "v3-contacts",
        amount: 49_400_000,
        reason: {
          code: "compute.not-enough-units",
          params: { set: "regions", column: "contacts" },
        },
      },
    ]);
  });

  it("a decided amount equal to its ceiling is no reason of its own", () => {
    const r = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts: counts(10) },
      decided: { "v3-contacts": 50_000_000 },
    });
    expect(contactsPost(r).decided).toBe(50_000_000);
    expect(r.unpaid).toEqual([
      {
        post: "v3-contacts",
        amount: 50_000_000 - 630_000,
        reason: {
          code: "compute.not-enough-units",
          params: { set: "regions", column: "contacts" },
        },
      },
    ]);
  });

  it("a key post's reasons never read a unit column's not-reported list", () => {
    const r = compute(AGREEMENT_2020, {
      key,
      contacts: { contacts: counts(1_000_000), notReported: ["01"] },
      fulfilment: { v1: { "01": false } },
    });
    expect(r.unpaid.map((u) => [u.post, render(u.reason)])).toEqual([
      ["v1", "lapsed: not fulfilled by Stockholm"],
      ["v3-contacts", "contacts not reported yet by Region Stockholm"],
    ]);
  });
});

describe("treatments beside the contacts", () => {
  it("no treatments: no warning of them", () => {
    const r = compute(AGREEMENT_2020, { key, contacts: { contacts: counts(1_000_000) } });
    expect(r.warnings).toEqual([]);
  });

  it("an agreement without a contacts column: its treatments are not compared", () => {
    const agreement = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");
    const codes = recipientsOf(agreement).codes;
    const figures = Object.fromEntries(codes.map((c) => [c, 1_000]));
    const k = { figures, date: agreement.keyDate, source: "test" };
    const many = Object.fromEntries(codes.map((c) => [c, 1_000_000]));
    const r = compute(agreement, {
      key: k,
      keys: { elderly: k },
      units: { visits: many, placements: many },
      contacts: {
        contacts: Object.fromEntries(codes.map((c) => [c, 5])),
        treatments: { K001: { painMen: 1 } },
      },
    });
    expect(r.warnings).toEqual([]);
  });
});
