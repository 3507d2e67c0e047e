/*
 * Issue 12 point 1 in Excel: the task pane shows an error cell's own message, not only
 * "#VALUE!". Excel's API gives the pane an error's kind only, so each SJUK function remembers
 * its cell's last outcome (its address comes with @requiresAddress) in the shared runtime, and
 * the Excel port reads it back in the pane's language, without a round trip to Excel.
 */
import { REGIONS } from "../../src/engine/regions";
import { shippedPopulationKey } from "../../src/reference/population";
import { clearScenarioCaches } from "../../src/functions/catalog";
import {
  REMEMBERED_CELLS,
  cellErrorMessage,
  forgetCellErrors,
  rememberOutcome,
} from "../../src/functions/cell-errors";
import { ExcelPort } from "../../src/workbook/excel-port";
import {
  evaluateInHyperFormula,
  installCustomFunctionsMock,
  officeFunctions,
  withOfficeDisplayLanguage,
} from "../functions/harness";

installCustomFunctionsMock();
const office = officeFunctions();
const key = shippedPopulationKey();
const keyGrid = REGIONS.map((r) => [Number(key.figures[r.code])]);

/** An Excel port that fails the test if it goes to Excel at all. */
const port = new ExcelPort(() => {
  throw new Error("no round trip to Excel expected");
});

beforeEach(() => {
  clearScenarioCaches();
  forgetCellErrors();
});

/** Excel evaluating =SJUK.SHARE(…) in `address` with a word no option has: the cell shows #VALUE!. */
async function badShare(address: string, officeLanguage = "en-US") {
  await withOfficeDisplayLanguage(officeLanguage, async () => {
    await expect(
      office.share!("Skåne", keyGrid, "v1", null, "xyz", null, { address })
    ).rejects.toMatchObject({ code: "#VALUE!" });
  });
}

test("the pane reads the message of the cell's last error, in its own language, as the preview shows it", async () => {
  // The colleague's Office is English; the pane is Swedish: the pane's language wins.
  await badShare("Resultat!C16");
  const preview = (lang: "sv" | "en") => {
    const o = evaluateInHyperFormula(
      "SHARE",
      ["Skåne", { range: keyGrid }, "v1", null, "xyz"],
      lang
    );
    return "message" in o ? o.message : undefined;
  };
  const sv = await port.readErrorMessage("Resultat", "C16", { language: "sv", shows: "#VALUE!" });
  expect(sv).toBe(preview("sv"));
  expect(sv).toContain('"xyz"');
  expect(sv).toMatch(/inget alternativ/);
  const en = await port.readErrorMessage("Resultat", "C16", { language: "en", shows: "#VALUE!" });
  expect(en).toBe(preview("en"));
  expect(en).toMatch(/not an option/);
});

test("a cell is found whatever the case, $ signs or the sheet's quotes", async () => {
  await badShare("'Mitt blad'!$C$16");
  expect(await port.readErrorMessage("mitt BLAD", "c16", { language: "en" })).toMatch(/"xyz"/);
  await badShare("[Bok1]Resultat!D7");
  expect(await port.readErrorMessage("Resultat", "$D$7", { language: "en" })).toMatch(/"xyz"/);
});

test("nothing is shown once the cell computes again, or when it shows another error than SJUK's", async () => {
  await badShare("Resultat!C16");
  expect(cellErrorMessage("Resultat", "C16", "#DIV/0!", "en")).toBeUndefined();
  expect(cellErrorMessage("Resultat", "C16", "#N/A", "en")).toBeUndefined();
  expect(cellErrorMessage("Resultat", "C16", "#VALUE!", "en")).toBeDefined();
  // Fixed: the same cell computes, and its old message is forgotten.
  const ok = office.share!("Skåne", keyGrid, "v1", null, "share", null, {
    address: "Resultat!C16",
  });
  await expect(ok).resolves.toBe(13_341_226);
  expect(await port.readErrorMessage("Resultat", "C16", { language: "en" })).toBeUndefined();
  // A cell no SJUK function ever failed in.
  expect(await port.readErrorMessage("Resultat", "C17", { language: "en" })).toBeUndefined();
});

test("#N/A messages too: a deadline no one has, in the grant sheet", async () => {
  expect(() => office.deadline!("slutrapport", { address: "Bidrag!D18" })).toThrow();
  expect(cellErrorMessage("Bidrag", "D18", "#N/A", "sv")).toMatch(
    /"slutrapport" är ingen frist i uppdraget/
  );
});

test("the memory is bounded: the oldest cells are forgotten first", () => {
  const failure = { ok: false as const, kind: "value" as const, problems: [] };
  for (let i = 0; i <= REMEMBERED_CELLS; i++) rememberOutcome(`Blad!A${i + 1}`, failure);
  expect(cellErrorMessage("Blad", "A1", undefined, "en")).toBeUndefined();
  expect(cellErrorMessage("Blad", "A2", undefined, "en")).toBe("");
  expect(cellErrorMessage("Blad", `A${REMEMBERED_CELLS + 1}`, undefined, "en")).toBe("");
});

/*
 * The spilling functions and SCENARIO remember their error too; a spill's address is its anchor
 * cell (Excel may give the spill's range: its first cell is the key). Each call gets a word no
 * option has, or a scenario no one saved, so each must fail with its own message.
 */
test("SHARES, SCENARIO, SENSITIVITY, IMPACT and EXPLAIN remember their cell's error", async () => {
  const calls: [string, string, () => unknown][] = [
    [
      "D3",
      "xyz",
      () => office.shares!(keyGrid, null, null, null, "xyz", null, { address: "Resultat!D3:K24" }),
    ],
    [
      "D30",
      "Ingen sådan",
      () =>
        office.scenario!("Ingen sådan", "Gotland", [["Namn", "Scenario (JSON)"]], null, {
          address: "Resultat!D30",
        }),
    ],
    [
      "D40",
      "xyz",
      () =>
        office.sensitivity!("Gotland", keyGrid, 1000, null, null, "xyz", null, {
          address: "Resultat!D40",
        }),
    ],
    [
      "D50",
      "xyz",
      () =>
        office.impact!("Gotland", "v4", keyGrid, null, null, "xyz", null, {
          address: "Resultat!D50",
        }),
    ],
    [
      "D60",
      "xyz",
      () =>
        office.explain!("Skåne", "v1", keyGrid, null, null, "xyz", null, null, {
          address: "Resultat!D60",
        }),
    ],
  ];
  for (const [cell, quoted, call] of calls) {
    await expect(Promise.resolve().then(call)).rejects.toMatchObject({
      code: expect.stringMatching(/^#(VALUE!|N\/A)$/),
    });
    const message = await port.readErrorMessage("Resultat", cell, { language: "en" });
    expect(message).toContain(`"${quoted}"`);
  }
  // Fixed: SHARES spills again and its anchor's message is forgotten.
  const ok = office.shares!(keyGrid, null, null, null, "share", null, { address: "Resultat!D3" });
  expect(Array.isArray(ok)).toBe(true);
  expect(await port.readErrorMessage("Resultat", "D3", { language: "en" })).toBeUndefined();
});
