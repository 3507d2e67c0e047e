/*
 * Issue 12 point 6: a Swedish sheet reads in Swedish, without the add-in's technical ids, where a
 * person reads it: the key's source, the calendar's source column, the posts of Utbetalningar,
 * the deadlines of Bidrag, the options and the agreement on Resultat. The formulas still name
 * posts, deadlines and the agreement by id, and every figure stays what Table 1 says.
 */
import { AGREEMENT_2020, ASSIGNMENT_2024, grantDeadlines } from "../../src/agreements";
import { createSjukHyperFormula } from "../../src/functions/hyperformula";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets } from "../../src/workbook/agreement-insert";
import {
  insertGrantSheets,
  ledgerFromSheet,
  readLedgerEntries,
} from "../../src/workbook/assignment-insert";
import { grantLedgerLayout, DEFAULT_GRANT_SHEET_NAMES } from "../../src/workbook/assignment-sheets";
import {
  DEFAULT_SHEET_NAMES,
  PAYOUTS,
  POPULATION,
  RESULTS,
} from "../../src/workbook/agreement-sheets";
import type { CellValue } from "../../src/workbook/port";

async function sheetsIn(language: "sv" | "en") {
  // The functions' own words (a contact's status) follow the host's language, as in the preview.
  const port = new HyperFormulaPort(createSjukHyperFormula({}, { language }));
  await insertSheets(port, { language });
  await insertGrantSheets(port, { language, reset: false, asOf: "2026-11-30" });
  return port;
}

/** Every value the workbook's sheets show, with its place. */
function shownValues(port: HyperFormulaPort): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  for (const name of port.hf.getSheetNames()) {
    port.hf.getSheetValues(port.hf.getSheetId(name)!).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== "")
          out.push({ where: `${name}!R${r + 1}C${c + 1}`, value });
      })
    );
  }
  return out;
}

/** The ids of posts, deadlines and agreements, each as a whole word. */
const TECHNICAL_IDS = [
  ...AGREEMENT_2020.posts.map((p) => p.id),
  ...grantDeadlines(ASSIGNMENT_2024).map((d) => d.id),
  AGREEMENT_2020.id,
  ASSIGNMENT_2024.id,
];
const idPattern = new RegExp(
  `(^|[^\\p{L}\\d-])(${TECHNICAL_IDS.join("|")})($|[^\\p{L}\\d-])`,
  "iu"
);

function columnOf(port: HyperFormulaPort, sheet: string, header: string): unknown[] {
  const values = port.hf.getSheetValues(port.hf.getSheetId(sheet)!);
  const row = values.findIndex((r) => r.includes(header));
  const col = values[row]!.indexOf(header);
  return values.slice(row + 1).map((r) => r[col]);
}

async function value(port: HyperFormulaPort, sheet: string, cell: string): Promise<CellValue> {
  return (await port.readRange(sheet, cell))[0]![0]!;
}

test("the shipped key's source is in the sheet's language", async () => {
  const sv = await sheetsIn("sv");
  const [[source] = []] = await sv.readRange(
    DEFAULT_SHEET_NAMES.sv.population,
    POPULATION.sourceCell
  );
  expect(source).toBe(
    "Statistiska centralbyrån (SCB), folkmängd per län, slutliga siffror, 2019-12-31"
  );
  const en = await sheetsIn("en");
  const [[english] = []] = await en.readRange(
    DEFAULT_SHEET_NAMES.en.population,
    POPULATION.sourceCell
  );
  expect(english).toBe(
    "Statistics Sweden (SCB), population per county (län), final figures, 2019-12-31"
  );
});

test("the calendar names its documents by what a person knows them by, not by id", async () => {
  const port = await sheetsIn("sv");
  const sources = columnOf(port, "Kalender", "Källa").filter((v) => typeof v === "string");
  expect(new Set(sources)).toEqual(
    new Set(["Överenskommelse staten–SKR, undertecknad 2019-12-17", "Uppdrag till Socialstyrelsen"])
  );
});

describe.each(["sv", "en"] as const)("every owned sheet in %s", (language) => {
  test("shows no post, deadline or agreement id in any cell, and no cell is an error", async () => {
    const port = await sheetsIn(language);
    const shown = shownValues(port);
    expect(shown.length).toBeGreaterThan(700);
    expect(shown.filter((s) => typeof s.value === "string" && idPattern.test(s.value))).toEqual([]);
    expect(shown.filter((s) => typeof s.value === "object")).toEqual([]);
  });
});

test("a Swedish sheet carries no English word the add-in writes (options, statuses, yes/no)", async () => {
  const port = await sheetsIn("sv");
  // Contacts left blank: every Kontakter status is "ej rapporterat", not "not reported".
  const english =
    /\b(not reported|population|agreement's rules|lapse|share|yes|no|due in|overdue|Weight|Source|Total)\b/;
  const owned = [
    ...Object.values(DEFAULT_SHEET_NAMES.sv),
    ...Object.values(DEFAULT_GRANT_SHEET_NAMES.sv),
  ];
  const hits = shownValues(port).filter(
    (s) =>
      owned.some((n) => s.where.startsWith(`${n}!`)) &&
      typeof s.value === "string" &&
      english.test(s.value)
  );
  expect(hits).toEqual([]);
  expect(columnOf(port, "Kontakter", "Status").slice(0, 21)).toEqual(
    Array(21).fill("ej rapporterat")
  );
});

test("the Swedish sheets show titles where they showed ids, and compute Table 1 to the krona", async () => {
  const port = await sheetsIn("sv");
  const sv = DEFAULT_SHEET_NAMES.sv;
  expect(await value(port, sv.payouts, "A6")).toBe(
    "Villkor 1 Ledning och styrning i försäkringsmedicin"
  );
  expect(await value(port, sv.payouts, "B6")).toBe(5); // the agreement's page
  expect(await value(port, sv.results, RESULTS.agreementCell)).toBe(AGREEMENT_2020.title.sv);
  expect(await value(port, sv.results, RESULTS.optionsTextCell)).toBe("befolkning");
  expect(await value(port, "Bidrag", "A18")).toBe(
    "Rekvisition av medel för 2024 till Kammarkollegiet (engångsvis)"
  );
  expect(await value(port, "Bidrag", "B18")).toBe("Rekvisition");
  expect(await value(port, sv.results, RESULTS.sumCell("total"))).toBe(840_000_000);
  expect(await value(port, sv.payouts, PAYOUTS.recipientCell("SKR"))).toBe(57_800_000);
  expect(await value(port, sv.payouts, PAYOUTS.recipientCell("Försäkringskassan"))).toBe(
    22_000_000
  );
  expect(await value(port, sv.payouts, PAYOUTS.recipientCell("Socialstyrelsen"))).toBe(14_200_000);
  expect(await value(port, sv.payouts, PAYOUTS.recipientCell("government"))).toBe(10_000_000);
  expect(await value(port, sv.payouts, PAYOUTS.totalCell)).toBe(944_000_000);
  expect(await value(port, sv.results, RESULTS.checkCell)).toBe(true);
});

test("decisions typed on Utbetalningar reach every SJUK cell through the options text, by the posts' titles", async () => {
  const port = await sheetsIn("sv");
  const sv = DEFAULT_SHEET_NAMES.sv;
  await port.writeCells(sv.payouts, [
    { address: PAYOUTS.decidedCell("v3-contacts"), value: 40_000_000 },
    { address: PAYOUTS.fulfilledCell("v4-skr"), value: "nej" },
  ]);
  expect(await value(port, sv.results, RESULTS.optionsTextCell)).toBe(
    "befolkning; Villkor 3 Kontakter med arbetsgivare eller Arbetsförmedlingen=40000000; Villkor 4 Utökat elektroniskt informationsutbyte, nationellt, SKR=nej"
  );
  expect(await value(port, sv.results, RESULTS.sumCell("v3-contacts"))).toBe(40_000_000);
  expect(await value(port, sv.payouts, PAYOUTS.amountCell("v4-skr"))).toBe(0);
  expect(await value(port, sv.payouts, PAYOUTS.totalCell)).toBe(
    944_000_000 - 10_000_000 - 39_000_000
  );
});

test("a re-insert keeps the decisions typed beside the posts, matched by title, also into the other language", async () => {
  const port = await sheetsIn("sv");
  const sv = DEFAULT_SHEET_NAMES.sv;
  await port.writeCells(sv.payouts, [
    { address: PAYOUTS.decidedCell("dev-fk"), value: 8_000_000 },
    { address: PAYOUTS.fulfilledCell("v4-fk"), value: "nej" },
  ]);
  await insertSheets(port, { language: "en" });
  expect(await value(port, sv.payouts, "A18")).toBe(
    "Development work, cooperation between health care and Försäkringskassan"
  );
  expect(await value(port, sv.payouts, PAYOUTS.decidedCell("dev-fk"))).toBe(8_000_000);
  expect(await value(port, sv.payouts, PAYOUTS.fulfilledCell("v4-fk"))).toBe("nej");
  expect(await value(port, sv.payouts, PAYOUTS.amountCell("v4-fk"))).toBe(0);
  expect(await value(port, sv.payouts, PAYOUTS.totalCell)).toBe(
    944_000_000 - 2_000_000 - 12_000_000
  );
});

test("a sheet inserted before titles were shown (ids in column A) keeps its decisions on re-insert", async () => {
  const port = await sheetsIn("sv");
  const sv = DEFAULT_SHEET_NAMES.sv;
  // The older layout: the post's id in column A.
  await port.writeCells(sv.payouts, [
    { address: "A18", value: "dev-fk" },
    { address: PAYOUTS.decidedCell("dev-fk"), value: 7_000_000 },
  ]);
  await insertSheets(port, { language: "sv" });
  expect(await value(port, sv.payouts, "A18")).toBe(
    "Utvecklingsinsatser, samarbete hälso- och sjukvården och Försäkringskassan"
  );
  expect(await value(port, sv.payouts, PAYOUTS.decidedCell("dev-fk"))).toBe(7_000_000);
});

test("Bidrag's deadlines are matched by title: a report's date typed in is kept and read", async () => {
  const port = await sheetsIn("sv");
  const at = grantLedgerLayout();
  await port.writeCells("Bidrag", [
    { address: at.deadlineCell("final-report", "doneOn"), value: "2026-11-20" },
  ]);
  const read = await readLedgerEntries(port);
  expect(read!.entries.submitted).toEqual([{ item: "final-report", date: "2026-11-20" }]);
  await insertGrantSheets(port, { language: "sv", reset: false, asOf: "2026-11-30" });
  expect(await value(port, "Bidrag", at.deadlineCell("final-report", "doneOn"))).toBe("2026-11-20");
  expect(await value(port, "Bidrag", at.deadlineCell("final-report", "status"))).toBe("klart");
  expect((await ledgerFromSheet(port))!.problems).toEqual([]);
});
