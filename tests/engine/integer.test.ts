import { checkedSum } from "../../src/engine/integer";

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
