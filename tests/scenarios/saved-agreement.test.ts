/*
 * A saved scenario may name an agreement the workbook holds (an edited copy imported in the task
 * pane), as a scenario file may name an agreement file (issue 10, point 1).
 */
import agreement2020 from "../../src/agreements/agreement-2020.json";
import { holdWorkbookAgreements } from "../../src/agreements/held";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { compareSaved, scenarioResult } from "../../src/workbook/scenario-reports";
import { SjukError } from "../../src/core/errors";

const RAISED = parseAllocationAgreement(
  {
    ...agreement2020,
    id: "sjuk-2020-v1-120",
    total: 964_000_000,
    posts: agreement2020.posts.map((p) => (p.id === "v1" ? { ...p, amount: 120_000_000 } : p)),
  },
  "raised.json"
);

afterEach(() => holdWorkbookAgreements([]));

const v1Total = (r: ReturnType<typeof scenarioResult>) =>
  r.posts.find((p) => p.post.id === "v1")!.payments.reduce((s, p) => s + Number(p.amount), 0);

test("a saved scenario computes the workbook's edited agreement, to the krona", () => {
  holdWorkbookAgreements([RAISED]);
  const raised = scenarioResult({ name: "Villkor 1 höjt", agreement: "sjuk-2020-v1-120" });
  expect(v1Total(raised)).toBe(120_000_000);
  expect(Number(raised.total)).toBe(964_000_000);
  const comparison = compareSaved([
    { name: "Avtalet", agreement: "sjuk-2020" },
    { name: "Villkor 1 höjt", agreement: "sjuk-2020-v1-120" },
  ]);
  const v1 = comparison.differences.filter((d) => d.post === "v1");
  const sum = v1.find((d) => d.code === "total")!;
  expect(sum.difference).toBe(20_000_000);
  expect(v1.filter((d) => d.code !== "total").reduce((s, d) => s + Number(d.difference), 0)).toBe(
    20_000_000
  );
});

test("without the workbook's agreement the scenario is refused, naming the id", () => {
  expect(() => scenarioResult({ name: "Villkor 1 höjt", agreement: "sjuk-2020-v1-120" })).toThrow(
    SjukError
  );
  expect(() => scenarioResult({ name: "Villkor 1 höjt", agreement: "sjuk-2020-v1-120" })).toThrow(
    /sjuk-2020-v1-120/
  );
});
