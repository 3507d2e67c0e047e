import { checkedSum, unitPayments } from "../../src/engine/integer";

describe("checkedSum", () => {
  it("adds the first n figures, and says -1 past the safe integers", () => {
    expect(checkedSum([1, 2, 3], 3)).toBe(6);
    expect(checkedSum(Float64Array.from([840_000_000, 57_800_000, 46_200_000]), 2)).toBe(
      897_800_000
    );
    expect(checkedSum([], 0)).toBe(0);
    expect(checkedSum([Number.MAX_SAFE_INTEGER, 0], 2)).toBe(Number.MAX_SAFE_INTEGER);
    expect(checkedSum([Number.MAX_SAFE_INTEGER, 1], 2)).toBe(-1);
  });
});

describe("unitPayments: members with no key figure but units owed", () => {
  const run = (counts: number[], redistribution: "population" | "unpaid-contacts") => {
    const paid = new Float64Array(3);
    const ok = unitPayments(
      100,
      10,
      Float64Array.from([0, 0, 5]),
      5,
      Float64Array.from(counts),
      ["a", "b", "c"],
      redistribution,
      paid
    );
    return { ok, paid: Array.from(paid) };
  };

  it("share what is left by what they are owed when their key figures are all zero", () => {
    // Caps: c takes all 100 kr but has no units; a and b are owed 30 and 20 kr.
    expect(run([3, 2, 0], "population")).toEqual({ ok: true, paid: [30, 20, 0] });
    expect(run([3, 2, 0], "unpaid-contacts")).toEqual({ ok: true, paid: [30, 20, 0] });
  });

  it("share it equally when they have units enough (no counts given)", () => {
    expect(run([Infinity, Infinity, 0], "population")).toEqual({ ok: true, paid: [50, 50, 0] });
  });

  it("leaves the decision to the decimal reference past 2^53", () => {
    expect(run([2 ** 52, 0, 0], "population").ok).toBe(false);
  });
});
