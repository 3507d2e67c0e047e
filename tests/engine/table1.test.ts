import { AGREEMENT_2020 } from "../../src/agreements";
import { compute } from "../../src/engine";
import { render } from "../../src/core/messages";
import { shippedPopulationKey } from "../../src/reference/population";

describe("the 2020 agreement with every condition fulfilled reproduces Table 1", () => {
  // Computed in each test, not here: a result computed while the file loads is credited to no
  // test, so mutation testing would have to run every test of every file for it.
  const table1 = () => compute(AGREEMENT_2020, { key: shippedPopulationKey() });

  it("pays 944 000 000 kr in all", () => {
    const result = table1();
    expect(result.total).toBe(944_000_000);
    expect(result.budget).toBe(944_000_000);
    expect(result.unpaid).toEqual([]);
  });

  it("pays Table 1's sums per recipient exactly", () => {
    const byRecipient = Object.fromEntries(
      table1().byRecipient.map((r) => [r.recipient, r.amount])
    );
    expect(byRecipient).toEqual({
      regions: 840_000_000,
      SKR: 57_800_000,
      Försäkringskassan: 22_000_000,
      Socialstyrelsen: 14_200_000,
      government: 10_000_000,
    });
  });

  it("pays Table 1's sums per payout date exactly", () => {
    const result = table1();
    // 210127: everything but the contact money (50 MSEK, 210429) and follow-up (10 MSEK, "2021").
    // The follow-up money is a reservation for 2021 (the government decides its use), not a payout.
    expect(result.byPayoutDate).toEqual([
      { date: "2021", amount: 10_000_000, reservation: true },
      { date: "2021-01-27", amount: 884_000_000 },
      { date: "2021-04-29", amount: 50_000_000 },
    ]);
  });

  it("adds every regional post up to its budget, per region in whole kronor", () => {
    const result = table1();
    for (const p of result.posts) {
      expect(p.payments.reduce((s, x) => s + x.amount, 0)).toBe(p.post.amount);
      for (const x of p.payments) expect(Number.isInteger(x.amount)).toBe(true);
    }
    expect(result.byRegion.reduce((s, r) => s + r.amount, 0)).toBe(840_000_000);
  });

  it("warns that the shipped key is from 31 Dec 2019, not 1 Nov 2019", () => {
    const result = table1();
    const w = result.warnings.find((x) => x.code === "key-date");
    expect(w?.note).toEqual({
      code: "compute.key-date",
      params: {
        date: "2019-12-31",
        source: expect.any(String),
        keyDate: "2019-11-01",
        key: AGREEMENT_2020.keyDescription,
      },
    });
    expect(render(w!.note)).toContain("The key is from 2019-12-31");
    expect(render(w!.note)).toContain("not from 2019-11-01 as the agreement requires");
    expect(render(w!.note, "sv")).toContain("Nyckeln är från 2019-12-31");
    expect(render(w!.note, "sv")).toContain("inte från 2019-11-01 som avtalet kräver");
    expect(result.warnings.some((x) => x.code === "contacts-assumed")).toBe(true);
  });

  it("gives Region Skåne its population share of villkor 1, checked by hand", () => {
    const result = table1();
    // 100 000 000 × 1 377 827 / 10 327 589 = 13 341 226.1080… The floors leave 9 kronor, which go
    // to the 9 largest remainders (Östergötland .943, Sörmland .924, …); Skåne's .108 ranks 15th,
    // so Skåne gets the floor and Östergötland its floor plus one.
    const v1 = result.posts.find((p) => p.post.id === "v1")!;
    const skane = v1.allocation!.lines.find((l) => l.id === "12")!;
    expect(skane.floor).toBe(13_341_226);
    expect(skane.exact.toFixed(4)).toBe("13341226.1080");
    expect(skane.roundedUp).toBe(0);
    expect(v1.payments.find((p) => p.recipient === "12")!.amount).toBe(13_341_226);
    // The nine winners, recomputed with exact fractions outside this project.
    expect(
      v1
        .allocation!.lines.filter((l) => l.roundedUp === 1)
        .map((l) => l.id)
        .sort()
    ).toEqual(["01", "04", "05", "09", "17", "18", "19", "20", "24"]);
  });
});
