import { divisorOrder, divisorSeats, methodOf } from "../../src/engine/methods";

const seatsOf = (r: { seats: bigint[] }) => r.seats.map(Number);

describe("divisor methods: equal quotients", () => {
  it("give the next unit to the lower id when weights are equal, whatever the lines' order", () => {
    // Sainte-Laguë, 1 seat over 1, 1, 1: every first quotient is 2; "a" is the last line.
    expect(seatsOf(divisorSeats("sainte-lague", 1n, [1n, 1n, 1n], ["c", "b", "a"]))).toEqual([
      0, 0, 1,
    ]);
    expect(seatsOf(divisorSeats("dhondt", 2n, [1n, 1n, 1n], ["b", "c", "a"]))).toEqual([1, 0, 1]);
  });

  it("take back the last unit handed out: the higher id's, when all are alike", () => {
    // Sainte-Laguë, 2 seats over four equal weights: each quota 0.5 first rounds up to 1 (4
    // seats), two come back. The units went to a, b, c, d in turn, so d's and c's come back.
    expect(
      seatsOf(divisorSeats("sainte-lague", 2n, [1n, 1n, 1n, 1n], ["a", "b", "c", "d"]))
    ).toEqual([1, 1, 0, 0]);
    expect(
      seatsOf(divisorSeats("sainte-lague", 2n, [1n, 1n, 1n, 1n], ["d", "c", "b", "a"]))
    ).toEqual([0, 0, 1, 1]);
    // Three seats over six equal weights: each 0.5 rounds up to 1; f, e and d give theirs back.
    const six = ["f", "e", "d", "c", "b", "a"];
    expect(seatsOf(divisorSeats("sainte-lague", 3n, [1n, 1n, 1n, 1n, 1n, 1n], six))).toEqual([
      0, 0, 0, 1, 1, 1,
    ]);
  });

  it("fall to the earlier line when ids repeat", () => {
    expect(seatsOf(divisorSeats("dhondt", 1n, [1n, 1n], ["x", "x"]))).toEqual([1, 0]);
    // Both quotas 0.5 round up (2 seats for 1): the later line's unit comes back.
    expect(seatsOf(divisorSeats("sainte-lague", 1n, [1n, 1n], ["x", "x"]))).toEqual([1, 0]);
    expect(
      seatsOf(divisorSeats("sainte-lague", 1n, [1n, 1n, 1n, 1n], ["x", "x", "x", "x"]))
    ).toEqual([1, 0, 0, 0]);
  });

  it("take two units back from one line where the first rounding gave it two too many", () => {
    // Sainte-Laguë, 270 seats: the first estimate gives the large line 259 (quota 258.6);
    // the exact divisor leaves it 257 and the small lines their estimates.
    const w = [3401n, 10n, 25n, 25n, 27n, 20n, 11n, 12n, 9n, 12n];
    const ids = w.map((_, i) => `m${i}`);
    expect(seatsOf(divisorSeats("sainte-lague", 270n, w, ids))).toEqual([
      257, 1, 2, 2, 2, 2, 1, 1, 1, 1,
    ]);
  });
});

describe("divisorOrder: the next units' order", () => {
  it("puts the larger weight first on equal quotients", () => {
    // D'Hondt after 0, 1 and 2 seats over 1, 2, 3: every next quotient is 1.
    expect(Array.from(divisorOrder([1n, 2n, 3n], [2n, 4n, 6n], ["a", "b", "c"]))).toEqual([
      2, 1, 0,
    ]);
  });

  it("then the lower id, then the earlier line", () => {
    expect(
      Array.from(divisorOrder([1n, 1n, 1n, 1n], [2n, 2n, 2n, 2n], ["d", "b", "c", "a"]))
    ).toEqual([3, 1, 2, 0]);
    expect(
      Array.from(divisorOrder([1n, 1n, 1n, 1n], [2n, 2n, 2n, 2n], ["x", "x", "x", "x"]))
    ).toEqual([0, 1, 2, 3]);
  });
});

describe("methodOf", () => {
  it("reads a typographic or grave apostrophe as a straight one", () => {
    expect(methodOf("D’Hondt")).toBe("dhondt");
    expect(methodOf("d`hondt")).toBe("dhondt");
  });
});
