import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { ScenarioSchema, auditRows, type Scenario } from "../../src/scenarios";
import { scenarioResult } from "../../src/workbook/scenario-reports";
import {
  Harness,
  cellText,
  eventually,
  kronor,
  openPreview,
  openSheet,
  screenshot,
  startHarness,
  stopHarness,
} from "./harness";

jest.setTimeout(90_000);

/*
 * Issue 10 in the preview: three scenarios (the shipped key; a user's key column; a 50/50 key mix
 * with Gotland not fulfilling villkor 2 and the unpaid-contacts redistribution) imported through
 * the pane, saved on the Scenarier sheet, compared, and one audit sheet written.
 */
const example = (file: string) =>
  readFileSync(join(__dirname, "..", "..", "examples", file), "utf8");
const figures = shippedPopulationKey().figures;
const userKey: Scenario = {
  name: "Egen nyckel",
  key: {
    figures: Object.fromEntries(
      REGIONS.map((r) => [r.code, Number(figures[r.code]) + (r.code === "01" ? 100_000 : 0)])
    ),
  },
};
const FILES = [
  { name: "shipped.json", text: example("scenario-shipped-key.json") },
  { name: "egen.json", text: JSON.stringify(userKey) },
  { name: "mix.json", text: example("scenario-mix-gotland.json") },
];
const mix = ScenarioSchema.parse(JSON.parse(FILES[2]!.text));

let h: Harness | undefined;
let page: Page;
let errors: string[];
let external: string[];

beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(async () => stopHarness(h));
beforeEach(async () => {
  ({ page, external, errors } = await openPreview(h!));
});
afterEach(async () => {
  await page?.close();
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
});

test("three scenarios imported and saved, compared against the first, and the mix's audit sheet adds up", async () => {
  for (const file of FILES) {
    await page
      .getByTestId("scenario-import-file")
      .setInputFiles({
        name: file.name,
        mimeType: "application/json",
        buffer: Buffer.from(file.text),
      });
    await page.getByTestId("scenario-message-success").waitFor();
  }
  await openSheet(page, "Scenarier");
  expect(await cellText(page, "Scenarier", "A5")).toBe("Medföljande nyckel");
  expect(await cellText(page, "Scenarier", "A6")).toBe("Egen nyckel");
  expect(await cellText(page, "Scenarier", "A7")).toBe(mix.name);

  await page.getByTestId("scenario-compare").click();
  await page.getByRole("tab", { name: "Jämförelse", exact: true }).waitFor();
  await openSheet(page, "Jämförelse");
  // v1's sum row (row 26): every scenario pays 100 000 000 kr; the differences add up to 0.
  expect(await cellText(page, "Jämförelse", "B26")).toBe("Summa");
  for (const c of ["C26", "D26", "E26"])
    expect(kronor(await cellText(page, "Jämförelse", c))).toBe(100_000_000);
  expect(kronor(await cellText(page, "Jämförelse", "F26"))).toBe(0);
  await screenshot(page, "10-scenarios-compared");

  await page.getByTestId("scenario-choice").click();
  await page.getByRole("option", { name: mix.name }).click();
  await page.getByTestId("scenario-audit").click();
  await page.getByRole("tab", { name: "Revision", exact: true }).waitFor();
  await openSheet(page, "Revision");
  const result = scenarioResult(mix);
  const table = auditRows(result, "sv", 4, 1);
  await eventually(async () =>
    expect(kronor(await cellText(page, "Revision", table.totalCell))).toBe(result.total)
  );
});
