import { unitPayments } from "../../src/engine/integer";
import type { RedistributionKey } from "../../src/engine/inputs";

/** unitPayments over two or three members; false hands the post to the decimal reference. */
function run(cap: number[], counts: number[], unitAmount: number, r: RedistributionKey) {
  const paid = new Float64Array(cap.length);
  const capSum = cap.reduce((s, c) => s + c, 0);
  const codes = cap.map((_, i) => `m${i}`);
  const ok = unitPayments(
    30,
    unitAmount,
    Float64Array.from(cap),
    capSum,
    Float64Array.from(counts),
    codes,
    r,
    paid
  );
  return { ok, paid: Array.from(paid) };
}

describe("unitPayments: the integer path's range", () => {
  it("gives up when a member's units times the unit amount pass 2^53, even with a key to share by", () => {
    expect(run([1, 1], [4, 0], 2 ** 52, "population").ok).toBe(false);
  });

  it("gives up when what the members are still owed adds up past 2^53", () => {
    // Caps 8, 8, 7 and 7 kr; m0 has no units, so its 8 kr are left for the other three, who are
    // each owed about 2^52 kr more: together past 2^53.
    expect(run([1, 1, 1, 1], [0, 1, 1, 1], 2 ** 52, "unpaid-contacts").ok).toBe(false);
  });

  it("stays on the integer path below, sharing what is left by what is owed", () => {
    // Owed 2^50 − 8, 2^50 − 7 and 2^50 − 7 kr: the 8 kr left go 2, 3 and 3 (quotas just under
    // and just over 8/3), so each is paid 10 kr.
    expect(run([1, 1, 1, 1], [0, 1, 1, 1], 2 ** 50, "unpaid-contacts")).toEqual({
      ok: true,
      paid: [0, 10, 10, 10],
    });
  });
});
