import { decisionReport } from "../../src/report";
import { computed } from "./helpers";

/** The report's warnings and unpaid reasons are compute()'s catalogue messages, in the report's language. */
describe("the decision report's warnings and unpaid reasons", () => {
  const mix = computed("scenario-mix-gotland.json");
  const report = (lang: "sv" | "en") => decisionReport({ ...mix, lang, reportDate: "2026-11-30" });

  it("are in Swedish in a Swedish report and in English in an English one", () => {
    expect(report("sv").unpaid).toEqual([
      { post: "v2", amount: 809_960, reason: "förfallet: villkoret är inte uppfyllt av Gotland" },
    ]);
    expect(report("en").unpaid).toEqual([
      { post: "v2", amount: 809_960, reason: "lapsed: not fulfilled by Gotland" },
    ]);
    expect(report("sv").warnings).toContain(
      "v2: 809 960 kr betalas inte ut (förfallet: villkoret är inte uppfyllt av Gotland)."
    );
    expect(report("en").warnings).toContain(
      "v2: 809 960 kr is not paid out (lapsed: not fulfilled by Gotland)."
    );
    expect(report("sv").warnings).toHaveLength(mix.result.warnings.length);
  });
});
