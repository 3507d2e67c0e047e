import { AGREEMENT_2020 } from "../../src/agreements";
import { ComputeResult, REGION_CODES, compute } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";

/**
 * compute() keeps what it worked out once per agreement (its plan, Table 1's check) and cuts a
 * small call's buffer from a chunk shared with the next calls (src/engine/validate.ts). Neither
 * may leak from one call or one agreement into another.
 */
const base = shippedPopulationKey();

/** A key and contact counts that differ from call to call (i = 0: the shipped key, no counts). */
function inputs(i: number) {
  if (i === 0) return { key: base };
  const figures = Object.fromEntries(
    REGION_CODES.map((code, r) => [
      code,
      Number(base.figures[code]) + ((i * 7919 + r * 104_729) % 50_000),
    ])
  );
  const contacts = Object.fromEntries(
    REGION_CODES.map((code, r) => [code, (i * 31 + r * 97) % 4_000])
  );
  return { key: { ...base, figures }, contacts: { contacts } };
}

const amounts = (r: ComputeResult) => [
  r.posts.map((p) => p.payments.map((x) => x.amount)),
  r.byRegion.map((x) => x.amount),
];

describe("results kept alive keep their own amounts", () => {
  // 300 calls of the 2020 agreement fill several shared chunks.
  const results = Array.from({ length: 300 }, (_, i) => compute(AGREEMENT_2020, inputs(i)));
  const atOnce = results.map((r) => JSON.stringify(amounts(r)));

  it("the first result is still Table 1's after 299 later calls", () => {
    const first = results[0]!;
    expect(first.total).toBe(944_000_000);
    expect(first.byRecipient.find((x) => x.recipient === "regions")!.amount).toBe(840_000_000);
    expect(first.byRegion.reduce((s, x) => s + x.amount, 0)).toBe(840_000_000);
    for (const p of first.posts)
      expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBe(p.post.amount);
  });

  it("every result reads as a fresh call of its inputs computes it, after all the others", () => {
    const fresh = results.map((_, i) =>
      JSON.stringify(amounts(compute(AGREEMENT_2020, inputs(i))))
    );
    expect(results.map((r) => JSON.stringify(amounts(r)))).toEqual(fresh);
    expect(fresh).toEqual(atOnce);
    // The inputs differ, so the results do: a shared buffer could not pass for another's.
    expect(new Set(fresh).size).toBe(results.length);
  });

  it("each post's amounts are its own slice: writing one leaves the next post and result alone", () => {
    const [a, b] = [compute(AGREEMENT_2020, inputs(1)), compute(AGREEMENT_2020, inputs(2))];
    const before = JSON.stringify([amounts(a), amounts(b)]);
    const v1 = a.posts.find((p) => p.post.id === "v1")!.amounts!;
    expect(v1.length).toBe(REGION_CODES.length);
    expect(() => v1.set([1], REGION_CODES.length)).toThrow(RangeError);
    expect(JSON.stringify([amounts(a), amounts(b)])).toBe(before);
  });
});

describe("Table 1's check is the agreement's own", () => {
  // villkor 1 raised to 120 000 000 kr (total 964 000 000), Table 1 left as it was.
  const raised = {
    ...AGREEMENT_2020,
    total: 964_000_000,
    posts: AGREEMENT_2020.posts.map((p) => (p.id === "v1" ? { ...p, amount: 120_000_000 } : p)),
  };
  const table1 = (r: ComputeResult) => r.warnings.filter((w) => w.code === "table1");

  it("alternating the two agreements: only the edited copy warns, on every call", () => {
    for (let i = 0; i < 3; i++) {
      expect(table1(compute(AGREEMENT_2020, { key: base }))).toEqual([]);
      const warned = table1(compute(raised, { key: base }));
      expect(warned.map((w) => w.note.params)).toEqual([
        { recipient: "regions", stated: 840_000_000, posts: 860_000_000 },
      ]);
    }
  });
});
