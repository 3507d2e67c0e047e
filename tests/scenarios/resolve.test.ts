import { join } from "node:path";
import { formatProblem } from "../../src/core/errors";
import { compute } from "../../src/engine/compute";
import { SjukError } from "../../src/engine";
import { shippedPopulationKey } from "../../src/reference/population";
import { resolveScenario } from "../../src/scenarios";
import { EXAMPLES, FIXTURES, contextFor, readJson } from "./helpers";

function problemsOf(data: unknown, file = join(FIXTURES, "s.json")): string[] {
  try {
    resolveScenario(data, contextFor(file));
  } catch (e) {
    expect(e).toBeInstanceOf(SjukError);
    return (e as SjukError).problems.map((p) => formatProblem(p).replace(FIXTURES + "/", ""));
  }
  throw new Error("expected the scenario to be refused");
}

describe("resolveScenario", () => {
  it("takes the agreement's defaults for every omitted field: Table 1 to the krona", () => {
    const { agreement, inputs, options } = resolveScenario(
      { name: "bara namnet" },
      contextFor("s.json")
    );
    expect(agreement.id).toBe("sjuk-2020");
    expect(inputs.key).toEqual(shippedPopulationKey("2019-12-31"));
    expect(options).toEqual({});
    const result = compute(agreement, inputs, options);
    expect(result.total).toBe(944_000_000);
    const by = Object.fromEntries(result.byRecipient.map((r) => [r.recipient, r.amount]));
    expect(by).toMatchObject({
      regions: 840_000_000,
      SKR: 57_800_000,
      Försäkringskassan: 22_000_000,
      Socialstyrelsen: 14_200_000,
    });
  });

  it("reads the three example scenarios", () => {
    for (const name of [
      "scenario-shipped-key.json",
      "scenario-key-file.json",
      "scenario-mix-gotland.json",
    ]) {
      const file = join(EXAMPLES, name);
      const r = resolveScenario(readJson(file), contextFor(file));
      expect(r.agreement.id).toBe("sjuk-2020");
    }
    const file = join(EXAMPLES, "scenario-key-file.json");
    const { inputs } = resolveScenario(readJson(file), contextFor(file));
    expect(inputs.key.date).toBe("2018-12-31");
    expect(Number(inputs.key.figures["01"])).toBe(2_344_124);
  });

  it("mixes the two shipped keys by their shares; Gotland not fulfilling v2 loses exactly its share", () => {
    const file = join(EXAMPLES, "scenario-mix-gotland.json");
    const { agreement, inputs, options } = resolveScenario(readJson(file), contextFor(file));
    expect(options).toEqual({ redistribution: "unpaid-contacts" });
    expect(inputs.key.date).toBeNull(); // two dates: the mix has none, and the result says so
    const result = compute(agreement, inputs, options);
    const v2 = result.posts.find((p) => p.post.id === "v2")!;
    const gotland = v2.payments.find((p) => p.recipient === "09")!.amount;
    expect(gotland).toBe(0);
    // Gotland's exact mixed share of 140 MSEK, independently: 70e6 × (g18/T18 + g19/T19).
    const k18 = shippedPopulationKey("2018-12-31").figures as Record<string, number>;
    const k19 = shippedPopulationKey("2019-12-31").figures as Record<string, number>;
    const total = (k: Record<string, number>) => Object.values(k).reduce((s, x) => s + x, 0);
    const exact = 70e6 * (k18["09"]! / total(k18) + k19["09"]! / total(k19));
    expect(v2.unpaid).toBeGreaterThanOrEqual(Math.floor(exact));
    expect(v2.unpaid).toBeLessThanOrEqual(Math.ceil(exact));
    expect(result.total + v2.unpaid).toBe(944_000_000);
    expect(result.warnings).toContainEqual({
      code: "key-dates-mixed",
      message:
        "The key mixes figures of different dates (2018-12-31, 2019-12-31), so it has no one date; the agreement's key is Population on 1 November 2019 (SCB, BE0101A/FolkmangdNov).",
    });
    expect(result.warnings.map((w) => w.code)).not.toContain("key-date-unknown");
  });

  it("reads SCB's semicolon export and JSON-stat2 with county names and the date from the table", () => {
    for (const file of ["scb-folkmangdnov.csv", "scb-folkmangdnov.json"]) {
      const { inputs } = resolveScenario(
        { name: file, key: { file } },
        contextFor(join(FIXTURES, "s.json"))
      );
      expect(inputs.key.date).toBe("2019-11-01");
      // The fixtures are the shipped 2019-12-31 figures relabelled as test data.
      expect(inputs.key.figures).toEqual(shippedPopulationKey("2019-12-31").figures);
      expect(inputs.key.source).toContain("TESTDATA");
    }
  });

  it("names the field of everything wrong, all at once", () => {
    expect(
      problemsOf({
        name: "fel",
        key: { figures: { "01": 5, "99": 3 } },
        fulfilment: { v9: { "01": false }, v2: { SKR: false } },
        decided: { v1x: 3 },
        options: { nonFulfilment: { v7: "share" } },
      })
    ).toEqual(
      expect.arrayContaining([
        "s.json, key.figures.99: 99 is not a member of the agreement's recipient set",
        "s.json, key.figures.03: no figure for 03; every member needs one",
        expect.stringMatching(/^s\.json, fulfilment\.v9: "v9" is not a post of the agreement/),
        's.json, fulfilment.v2.SKR: "SKR" is neither a member nor a body that post v2 pays',
        expect.stringMatching(/^s\.json, decided\.v1x: /),
        expect.stringMatching(/^s\.json, options\.nonFulfilment\.v7: /),
      ])
    );
  });

  it("refuses an unknown shipped date, an unknown agreement and a bad mix weight by field", () => {
    expect(problemsOf({ name: "x", key: { shipped: "2019-11-01" } })).toEqual([
      "s.json, key.shipped: no shipped key for 2019-11-01; shipped dates: 2018-12-31, 2019-12-31",
    ]);
    expect(problemsOf({ name: "x", agreement: "sjuk-2030" })).toEqual([
      's.json, agreement: "sjuk-2030" is neither a shipped agreement (sjuk-2020) nor an agreement file',
    ]);
    expect(
      problemsOf({ name: "x", key: { mix: [{ key: { shipped: "2019-12-31" }, weight: -1 }] } })
    ).toEqual([expect.stringMatching(/^s\.json, key\.mix\[0\]\.weight: /)]);
    expect(problemsOf({ name: "", key: { population: 3 } }).length).toBe(2);
  });

  it("names the SCB file and line of a county it does not know", () => {
    const bad = join(FIXTURES, "scb-bad.csv");
    require("node:fs").writeFileSync(
      bad,
      '"Folkmängden den 1 november"\n"region";"2019M11"\n"01 Stockholms län";12\n"99 Atlantis län";5\n'
    );
    try {
      expect(problemsOf({ name: "x", key: { file: "scb-bad.csv" } })).toEqual([
        expect.stringMatching(
          /^scb-bad\.csv, line 4: "99 Atlantis län" is not a county; closest: /
        ),
        expect.stringMatching(/^scb-bad\.csv: no figure for the counties 03, 04, /),
      ]);
    } finally {
      require("node:fs").unlinkSync(bad);
    }
  });

  it('passes a decided amount for a "högst" post and the equal key on to compute', () => {
    const { agreement, inputs, options } = resolveScenario(
      { name: "beslut", key: { equal: true }, decided: { "v5-skr": 9_000_000 } },
      contextFor("s.json")
    );
    const result = compute(agreement, inputs, options);
    expect(result.posts.find((p) => p.post.id === "v5-skr")!.paid).toBe(9_000_000);
    expect(result.total).toBe(944_000_000 - 500_000);
    // The equal key: 100 MSEK over 21 regions, 4 761 904 or 4 761 905 kr each.
    const v1 = result.posts.find((p) => p.post.id === "v1")!.payments.map((p) => p.amount);
    expect(new Set(v1)).toEqual(new Set([4_761_904, 4_761_905]));
    expect(v1.reduce((a, b) => a + b, 0)).toBe(100_000_000);
  });
});
