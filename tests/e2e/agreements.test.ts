import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { parseAllocationAgreement } from "../../src/agreements/schema";
import { compute } from "../../src/engine/compute";
import { recipientsOf } from "../../src/engine/recipients";
import type { ComputeInputs } from "../../src/engine/inputs";
import { impact, sensitivity } from "../../src/engine/sensitivity";
import {
  cellText,
  chooseAgreement,
  eventually,
  insertSheets,
  kronor,
  norm,
  openSheet,
  paneCheck,
  paneTotal,
  typeInto,
  usePreview,
  writeCells,
} from "./harness";

jest.setTimeout(120_000);

/*
 * Issue 9 point 3 in the preview: agreements imported into the workbook through the pane, chosen
 * in its list and their sheets inserted: the 2020 agreement with villkor 1 raised to
 * 120 000 000 kr, the synthetic 290-member agreement, and a copy whose posts do not add up.
 */
const root = join(__dirname, "..", "..");
const agreement2020 = JSON.parse(
  readFileSync(join(root, "src/agreements/agreement-2020.json"), "utf8")
);
const raised = {
  ...agreement2020,
  id: "sjuk-2020-v1-120",
  total: 964_000_000,
  posts: agreement2020.posts.map((p: { id: string }) =>
    p.id === "v1" ? { ...p, amount: 120_000_000 } : p
  ),
};
const synthetic = readFileSync(join(root, "examples/agreement-synthetic-290.json"), "utf8");

let page: Page;
const preview = usePreview();

beforeEach(async () => {
  page = await preview.open();
});

async function importFile(name: string, text: string): Promise<void> {
  await page
    .getByTestId("import-agreement-file")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

test("two agreements imported, the 120 MSEK copy chosen in the list and its sheets inserted: v1 pays 120 000 000, the total is 964 000 000", async () => {
  await importFile("syntetisk.json", synthetic);
  await page.getByTestId("agreement-imported").waitFor();
  await importFile("v1-120.json", JSON.stringify(raised));
  await page.getByTestId("agreement-imported").waitFor();
  // Both are on offer beside the shipped 2020 agreement; pick the copy as a user does.
  await chooseAgreement(page, /Syntetisk/);
  await chooseAgreement(page, /964\s000\s000/);
  await insertSheets(page);
  await eventually(async () => expect(await paneTotal(page, "total")).toBe(964_000_000));
  expect(await paneTotal(page, "regions")).toBe(860_000_000);
  // Table 1 of the copy still says 840 000 000 for the regions: the pane shows the difference.
  expect(await paneCheck(page, "regions")).toMatch(/^\+20\s000\s000/);
  await openSheet(page, "Resultat");
  // The sheet shows the agreement's title (the copy keeps the 2020 title); its formulas name the copy's id.
  expect(await cellText(page, "Resultat", "C5")).toBe(
    "En kvalitetssäker och effektiv sjukskrivnings- och rehabiliteringsprocess 2020"
  );
  expect(kronor(await cellText(page, "Resultat", "C28"))).toBe(120_000_000);
});

test("the synthetic agreement's sheets: 290 members, its own key and unit columns; blank keys are named as problems", async () => {
  await importFile("syntetisk.json", synthetic);
  await page.getByTestId("agreement-imported").waitFor();
  await insertSheets(page);
  await openSheet(page, "Befolkning");
  expect(await cellText(page, "Befolkning", "A295")).toBe("K290");
  expect(await cellText(page, "Befolkning", "D5")).toBe(
    "Insatser för äldre, efter antal invånare 80+"
  );
  await openSheet(page, "Kontakter");
  expect(await cellText(page, "Kontakter", "B5")).toBe("Antal (hembesök)");
  await eventually(async () =>
    expect(await page.getByTestId("problem-text").textContent()).toMatch(/Befolkning!C6/)
  );
});

test("the synthetic agreement with its keys filled: the pane's chart shows its members by name", async () => {
  await importFile("syntetisk.json", synthetic);
  await page.getByTestId("agreement-imported").waitFor();
  await insertSheets(page);
  // Population (C) and people 80+ (D) for the 290 members, rows 6–295, as a user pastes them.
  const cells = Array.from({ length: 290 }, (_, i) => [
    { address: `C${6 + i}`, value: 2_000 + i },
    { address: `D${6 + i}`, value: 100 + (i % 50) },
  ]).flat();
  await writeCells(page, "Befolkning", cells);
  await page.getByTestId("chart-section-toggle").click();
  const chart = page.getByTestId("region-chart");
  await eventually(async () => expect(await chart.textContent()).toMatch(/Syntetisk kommun 001/));
});

test("an agreement whose posts do not add up is refused, naming the file and the field", async () => {
  await importFile("fel.json", JSON.stringify({ ...raised, total: 944_000_000 }));
  const problems = page.getByTestId("agreement-problems");
  await problems.waitFor();
  expect(await problems.textContent()).toMatch(/fel\.json.*total/);
  await page.getByTestId("agreement").click();
  expect(await page.getByRole("option").allTextContents()).not.toContainEqual(
    expect.stringMatching(/964/)
  );
});

test("a scenario of the synthetic 290-member agreement: SJUK.SCENARIO reads a member's payment, and the sensitivity view offers its members and posts", async () => {
  const agreement = parseAllocationAgreement(JSON.parse(synthetic), "syntetisk.json");
  const codes = recipientsOf(agreement).codes;
  const figures = (f: (i: number) => number) => Object.fromEntries(codes.map((c, i) => [c, f(i)]));
  const population = figures((i) => 2_000 + ((i * 7_919) % 898_000));
  const elderly = figures((i) => 100 + (i % 50));
  const saved = {
    name: "Kommuner",
    agreement: agreement.id,
    key: { figures: population },
    keys: { elderly: { figures: elderly } },
    units: { visits: figures((i) => (i * 37) % 250), placements: figures((i) => i % 40) },
  };
  const inputs: ComputeInputs = {
    key: { figures: population, date: null, source: "x" },
    keys: { elderly: { figures: elderly, date: null, source: "x" } },
    units: saved.units,
  };
  const paid = (code: string, post: string) =>
    compute(agreement, inputs)
      .posts.find((p) => p.post.id === post)!
      .payments.find((x) => x.recipient === code)!.amount;

  await importFile("syntetisk.json", synthetic);
  await page.getByTestId("agreement-imported").waitFor();
  await page.getByTestId("scenario-import-file").setInputFiles({
    name: "kommuner.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(saved)),
  });
  await page.getByTestId("scenario-message-success").waitFor();
  await typeInto(
    page,
    "Blad1",
    "A1",
    `=SJUK.SCENARIO("Kommuner"; "K008"; SJUK_Scenarier; "aldre")`
  );
  await eventually(async () =>
    expect(kronor((await cellText(page, "Blad1", "A1")).replace(/ kr$/, ""))).toBe(
      paid("K008", "aldre")
    )
  );

  const view = page.getByTestId("scenario-sensitivity");
  await view.waitFor();
  await view.getByTestId("sensitivity-region").click();
  await page.getByRole("option", { name: "Syntetisk kommun 008", exact: true }).click();
  const moves = sensitivity(agreement, inputs, {}, "K008", 1000);
  const bas = moves.lines.find((l) => l.post === "bas")!;
  const row = view.getByTestId("sensitivity-bas");
  await eventually(async () =>
    expect(kronor(await row.getByTestId("base").textContent())).toBe(bas.base)
  );
  const signed = (text: string | null) => kronor(norm(text).replace(/^\+/, ""));
  expect(signed(await row.getByTestId("minus").textContent())).toBe(bas.minus - bas.base);
  expect(signed(await row.getByTestId("plus").textContent())).toBe(bas.plus - bas.base);

  await view.getByTestId("sensitivity-post").click();
  await page.getByRole("option", { name: "aldre", exact: true }).click();
  const shift = impact(agreement, inputs, {}, "K008", "aldre");
  const line = (code: string) => shift.lines.find((l) => l.code === code)!.difference;
  await eventually(async () =>
    expect(
      signed(await view.getByTestId("impact-K008").getByTestId("difference").textContent())
    ).toBe(line("K008"))
  );
  expect(line("K008")).toBeLessThan(0);
  expect(
    signed(await view.getByTestId("impact-K001").getByTestId("difference").textContent())
  ).toBe(line("K001"));
});
