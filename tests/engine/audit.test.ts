import { AGREEMENT_2020 } from "../../src/agreements";
import { SetPostResult } from "../../src/engine/audit";
import { compute } from "../../src/engine/compute";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * A result's posts build their payments and audits when read (audit.ts); what a caller assigns
 * to them replaces what they would build, as on a plain object.
 */
function postsOf() {
  const r = compute(AGREEMENT_2020, { key: shippedPopulationKey() });
  const post = (id: string) => r.posts.find((p) => p.post.id === id)!;
  return { r, post };
}

describe("a result's posts, read and written", () => {
  it("a body's one payment is its paid amount, kept once read, replaceable", () => {
    const { post } = postsOf();
    const skr = post("v4-skr");
    expect(skr.payments).toEqual([{ recipient: "SKR", name: "SKR", amount: 39_000_000 }]);
    expect(skr.payments).toBe(skr.payments);
    expect(Object.keys(skr)).toContain("payments");
    const mine = [{ recipient: "SKR", name: "SKR", amount: 1 }];
    skr.payments = mine;
    expect(skr.payments).toBe(mine);
    expect(JSON.parse(JSON.stringify(skr)).payments).toEqual(mine);
  });

  it("a key post's payments follow the set's order, kept once read, replaceable", () => {
    const { post } = postsOf();
    const v1 = post("v1");
    expect(v1.payments).toHaveLength(21);
    expect(v1.payments[0]).toMatchObject({ recipient: "01", name: "Region Stockholm" });
    expect(v1.payments[20]).toMatchObject({ recipient: "25", name: "Region Norrbotten" });
    expect(v1.payments.reduce((s, p) => s + p.amount, 0)).toBe(100_000_000);
    expect(v1.payments).toBe(v1.payments);
    const none: typeof v1.payments = [];
    v1.payments = none;
    expect(v1.payments).toBe(none);
  });

  it("a key post's allocation is built once, and an assigned one replaces it", () => {
    const { post } = postsOf();
    const v2 = post("v2");
    const built = v2.allocation!;
    expect(built.lines.map((l) => l.amount)).toEqual(v2.payments.map((p) => p.amount));
    expect(v2.allocation).toBe(built);
    expect(v2.contacts).toBeUndefined();
    v2.allocation = undefined;
    expect(v2.allocation).toBeUndefined();
    v2.contacts = undefined;
    expect(v2.contacts).toBeUndefined();
  });

  it("a per-unit post's allocation is its caps until one is assigned; its contact money is kept", () => {
    const { post } = postsOf();
    const contacts = post("v3-contacts");
    const money = contacts.contacts!;
    expect(contacts.contacts).toBe(money);
    expect(contacts.allocation).toBe(money.caps);
    expect(money.caps.lines.reduce((s, l) => s + l.amount, 0)).toBe(50_000_000);
    const other = post("v1").allocation;
    contacts.allocation = other;
    expect(contacts.allocation).toBe(other);
    expect(contacts.contacts).toBe(money);
    contacts.contacts = undefined;
    expect(contacts.contacts).toBeUndefined();
    expect(contacts.allocation).toBe(other);
  });

  it("a result's sums per region are built once read, and an assigned list replaces them", () => {
    const { r } = postsOf();
    const byRegion = r.byRegion;
    expect(byRegion).toHaveLength(21);
    expect(byRegion.reduce((s, x) => s + x.amount, 0)).toBe(840_000_000);
    expect(r.byRegion).toBe(byRegion);
    expect(Object.keys(r)).toContain("byRegion");
    r.byRegion = [];
    expect(r.byRegion).toEqual([]);
  });
});

describe("what a result's posts and sums keep, as plain properties", () => {
  const onlyValue = (value: unknown) => ({
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

  it("a payments list read once is an own, enumerable, writable, configurable value", () => {
    const { post } = postsOf();
    const skr = post("v4-skr");
    const payments = skr.payments;
    expect(Object.getOwnPropertyDescriptor(skr, "payments")).toEqual(onlyValue(payments));
    delete (skr as { payments?: unknown }).payments; // configurable: the getter is back
    expect(skr.payments).toEqual(payments);
    expect(skr.payments).not.toBe(payments);
  });

  it("a body's payments or a result's sums per region assigned before any read replace them", () => {
    const { r, post } = postsOf();
    const skr = post("v4-skr");
    const mine = [{ recipient: "SKR", name: "SKR", amount: 7 }];
    skr.payments = mine;
    expect(Object.getOwnPropertyDescriptor(skr, "payments")).toEqual(onlyValue(mine));
    const regions = [{ recipient: "01", name: "Region Stockholm", amount: 1 }];
    r.byRegion = regions;
    expect(Object.getOwnPropertyDescriptor(r, "byRegion")).toEqual(onlyValue(regions));
    expect(r.byRegion).toBe(regions);
  });

  it("a post has a decided amount only when one was given", () => {
    const decided = { "v5-skr": 9_000_000, "v3-contacts": 40_000_000 };
    const r = compute(AGREEMENT_2020, { key: shippedPopulationKey(), decided });
    const post = (id: string) => r.posts.find((p) => p.post.id === id)!;
    expect(post("v5-skr").decided).toBe(9_000_000);
    expect(post("v3-contacts").decided).toBe(40_000_000);
    for (const id of ["v5-sos", "v1"]) expect(post(id).decided).toBeUndefined();
  });
});

describe("a post to the set built without an audit", () => {
  it("has no allocation and no contact money, and its payments are its amounts", () => {
    const { post } = postsOf();
    const v1 = post("v1");
    const block = new Float64Array([5, 3, 2]);
    const members = [
      { code: "A", name: "Alpha", short: "A" },
      { code: "B", name: "Beta", short: "B" },
    ];
    const keyPost = new SetPostResult(
      v1.post,
      8,
      undefined,
      8,
      0,
      "lapse",
      false,
      block,
      1,
      members,
      undefined,
      false
    );
    expect(keyPost.allocation).toBeUndefined();
    expect(keyPost.contacts).toBeUndefined();
    expect(keyPost.payments).toEqual([
      { recipient: "A", name: "Alpha", amount: 3 },
      { recipient: "B", name: "Beta", amount: 2 },
    ]);
    expect([...keyPost.amounts]).toEqual([3, 2]);
    const unitPost = new SetPostResult(
      v1.post,
      8,
      undefined,
      8,
      0,
      "redistribute",
      false,
      block,
      0,
      members,
      undefined,
      true
    );
    expect(unitPost.contacts).toBeUndefined();
  });
});
