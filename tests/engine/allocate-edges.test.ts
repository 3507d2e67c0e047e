import { Decimal } from "../../src/core/decimal";
import { allocate } from "../../src/engine/allocate";

const amounts = (a: ReturnType<typeof allocate>) => a.lines.map((l) => l.amount);

describe("allocate: the method, the total weight and the paths for any weights", () => {
  it("names its method and adds decimal weights exactly", () => {
    const a = allocate(10, [
      { id: "a", weight: "0.5" },
      { id: "b", weight: "1.5" },
    ]);
    expect(a.method).toBe("hamilton");
    expect(a.totalWeight.toString()).toBe("2");
    expect(amounts(a)).toEqual([2, 8]); // 2,5 and 7,5: the tie goes to the larger weight
    const d = allocate(
      10,
      [
        { id: "a", weight: "0.5" },
        { id: "b", weight: "1.5" },
      ],
      "weights",
      "dhondt"
    );
    expect(d.method).toBe("dhondt");
    expect(d.totalWeight.toString()).toBe("2");
    expect(amounts(d)).toEqual([2, 8]);
    expect(allocate(7, [{ id: "a", weight: 3 }], "w", "sainte-lague").totalWeight.toNumber()).toBe(
      3
    );
  });

  it("refuses weights adding up to zero on every path, naming them", () => {
    const zero = [
      { id: "a", weight: "0.0" },
      { id: "b", weight: 0 },
    ];
    const text = "population: the weights add up to zero, so there is no share to take";
    expect(() => allocate(10, zero, "population")).toThrow(text);
    expect(() => allocate(10, zero, "population", "dhondt")).toThrow(text);
    expect(() => allocate(10, [{ id: "a", weight: 0 }], "population")).toThrow(text);
  });

  it("keeps an assigned share and exact quota in place of the computed ones", () => {
    const a = allocate(100, [
      { id: "a", weight: 1 },
      { id: "b", weight: 3 },
    ]);
    const [first] = a.lines;
    expect(first!.share.toString()).toBe("0.25");
    expect(first!.exact.toString()).toBe("25");
    first!.share = new Decimal("0.5");
    first!.exact = new Decimal("50");
    expect(first!.share.toString()).toBe("0.5");
    expect(first!.exact.toString()).toBe("50");
    expect(a.lines[1]!.share.toString()).toBe("0.75");
  });

  it("adds whole weights past 2^53 exactly (the plain-number path would round the sum)", () => {
    const a = allocate(10, [
      { id: "a", weight: Number.MAX_SAFE_INTEGER },
      { id: "b", weight: 2 },
    ]);
    expect(a.totalWeight.toString()).toBe("9007199254740993");
    expect(amounts(a)).toEqual([10, 0]);
  });
});
