import agreement2020Data from "../../src/agreements/agreement-2020.json";
import synthetic from "../../examples/agreement-synthetic-290.json";
import { AGREEMENT_2020, agreementById, agreementIds } from "../../src/agreements";
import { parseAllocationAgreement } from "../../src/agreements/schema";

/** agreementById: the one place that picks the agreement a workbook or the package holds. */
describe("agreementById", () => {
  const draft = (() => {
    const d = JSON.parse(JSON.stringify(agreement2020Data)) as typeof agreement2020Data;
    d.posts.find((p) => p.id === "v1")!.amount = 120_000_000;
    d.total = 964_000_000;
    return parseAllocationAgreement(d, "draft.json");
  })();
  const municipalities = parseAllocationAgreement(synthetic, "agreement-synthetic-290.json");

  it("without an id gives the 2020 agreement (944 000 000 kr)", () => {
    expect(agreementById(undefined)).toBe(AGREEMENT_2020);
    expect(agreementById("")!.total).toBe(944_000_000);
  });

  it("finds a workbook's agreement by id, the workbook's copy before the shipped one", () => {
    expect(agreementById(municipalities.id, [municipalities])!.total).toBe(municipalities.total);
    expect(agreementById("sjuk-2020", [draft])!.total).toBe(964_000_000);
    expect(agreementById("sjuk-2020")!.total).toBe(944_000_000);
  });

  it("an unknown id is undefined, and the ids on offer are the workbook's then the shipped ones", () => {
    expect(agreementById("sjuk-2019", [municipalities])).toBeUndefined();
    expect(agreementIds([municipalities])).toEqual([municipalities.id, "sjuk-2020"]);
    expect(agreementIds([draft])).toEqual(["sjuk-2020"]);
  });
});
