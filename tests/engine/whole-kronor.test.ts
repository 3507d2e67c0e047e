import { isWholeKronor } from "../../src/engine/validate";

describe("isWholeKronor", () => {
  it("takes non-negative safe integers, 0 included, and nothing else", () => {
    expect([0, 1, 57_800_000, Number.MAX_SAFE_INTEGER].map(isWholeKronor)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const not = [-0, -1, 0.5, 2 ** 53, Number.NaN, Infinity, "5", null, undefined, 5n];
    expect(not.map(isWholeKronor)).toEqual(not.map(() => false));
  });
});
