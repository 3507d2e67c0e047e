import { join } from "node:path";
import { compute } from "../../src/engine/compute";
import { SjukError } from "../../src/engine";
import { compareScenarios, resolveScenario, type NamedResult } from "../../src/scenarios";
import { EXAMPLES, contextFor, readJson } from "./helpers";

function example(name: string): NamedResult {
  const file = join(EXAMPLES, name);
  const r = resolveScenario(readJson(file), contextFor(file));
  return { name: r.scenario.name, result: compute(r.agreement, r.inputs, r.options) };
}

describe("compareScenarios", () => {
  const shipped = example("scenario-shipped-key.json");
  const own = example("scenario-key-file.json");
  const mix = example("scenario-mix-gotland.json");
  const comparison = compareScenarios([shipped, own, mix]);
  const rows = (scenario: string) => comparison.differences.filter((d) => d.scenario === scenario);

  it("takes the first scenario as the base unless told; every other scenario gets a row per post and recipient", () => {
    expect(comparison.base).toBe("Medföljande nyckel");
    expect(new Set(comparison.differences.map((d) => d.scenario))).toEqual(
      new Set([own.name, mix.name])
    );
    expect(compareScenarios([shipped, own, mix], own.name).base).toBe(own.name);
  });

  it("gives each payment, the difference in kronor and per cent, and sums that add up both ways", () => {
    for (const s of [own, mix]) {
      const list = rows(s.name);
      for (const d of list) {
        expect(d.difference).toBe(d.amount - d.base);
        expect(Number.isInteger(d.amount) && Number.isInteger(d.base)).toBe(true);
      }
      const cell = (post: string, code: string) =>
        list.find((d) => d.post === post && d.code === code)!;
      expect(cell("total", "total").base).toBe(944_000_000);
      expect(cell("total", "total").amount).toBe(s.result.total);
      const posts = [...new Set(list.map((d) => d.post))].filter((p) => p !== "total");
      const codes = [...new Set(list.map((d) => d.code))].filter((c) => c !== "total");
      for (const post of posts) {
        const parts = list.filter((d) => d.post === post && d.code !== "total");
        expect(parts.reduce((x, d) => x + d.difference, 0)).toBe(cell(post, "total").difference);
      }
      for (const code of codes) {
        const parts = list.filter((d) => d.code === code && d.post !== "total");
        expect(parts.reduce((x, d) => x + d.difference, 0)).toBe(cell("total", code).difference);
      }
    }
  });

  it("with every condition fulfilled the total does not move; Gotland's v2 is -100 % in the mix", () => {
    const total = rows(own.name).find((d) => d.post === "total" && d.code === "total")!;
    expect(total).toMatchObject({
      base: 944_000_000,
      amount: 944_000_000,
      difference: 0,
      percent: 0,
    });
    const gotland = rows(mix.name).find((d) => d.post === "v2" && d.code === "09")!;
    expect(gotland.amount).toBe(0);
    expect(gotland.percent).toBe(-100);
    const skane = rows(own.name).find((d) => d.post === "v1" && d.code === "12")!;
    expect(skane.base).toBe(13_341_226); // the README's figure for Skåne's v1 with the shipped key
    expect(skane.percent).toBe(Math.round((skane.difference / skane.base) * 10_000) / 100);
  });

  it("refuses two scenarios of one name and a base that is not among them", () => {
    expect(() => compareScenarios([shipped, shipped])).toThrow(SjukError);
    expect(() => compareScenarios([shipped, own], "Ingen")).toThrow(/no scenario is named "Ingen"/);
    expect(() => compareScenarios([])).toThrow(/at least one scenario/);
  });
});
