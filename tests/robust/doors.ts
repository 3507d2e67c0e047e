/*
 * The doors a bad input can come through, each run as a user meets it:
 * - cli: `sjuk compute` over a CSV file (in-process `main`, the code bin/sjuk.js runs);
 * - sheets: the add-in's sheets in the HyperFormula workbook the preview shows (validateInputs,
 *   which the task pane lists), and, in tests/e2e/robust.test.ts, the preview itself;
 * - functions: SJUK.SHARE / SJUK.CONTACTS over a range, in HyperFormula and in the Excel host.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import { formatProblem } from "../../src/core/errors";
import { REGIONS } from "../../src/engine/regions";
import {
  CONTACTS,
  CONDITIONS,
  DEFAULT_SHEET_NAMES,
  POPULATION,
} from "../../src/workbook/agreement-sheets";
import { HyperFormulaPort } from "../../src/workbook/hyperformula-port";
import { insertSheets, validateInputs } from "../../src/workbook/agreement-insert";
import { shippedPopulationKey } from "../../src/reference/population";
import { Cell } from "../../src/inputs/cells";
import * as functions from "../../src/functions/functions";
import {
  Outcome,
  evaluateInHyperFormula,
  evaluateInOffice,
  installCustomFunctionsMock,
} from "../functions/harness";

export type Table = "population" | "contacts" | "fulfilment";

/** A cell of a region table: data row 1 = Stockholm … 21 = Norrbotten (county-code order). */
export interface CellChange {
  row: number;
  value: Cell;
  /** The region's own cell (its name) instead of the figure. */
  region?: true;
}

/** The shipped key's figures in county-code order (the tables' starting point). */
export const FIGURES: number[] = REGIONS.map((r) => Number(shippedPopulationKey().figures[r.code]));
/** Villkor 3 contacts of examples/kontakter-2020.csv's first rows are not needed: a plain count per region. */
export const CONTACT_COUNTS: number[] = REGIONS.map((_, i) => 1000 + i * 37);

/** The column a case changes, per table: its CSV header and what the cell holds. */
export const COLUMN = {
  population: { header: "befolkning" },
  contacts: { header: "kontakter" },
  fulfilment: { header: "v1" },
} as const;

function baseColumn(table: Table): Cell[] {
  if (table === "population") return [...FIGURES];
  if (table === "contacts") return [...CONTACT_COUNTS];
  return REGIONS.map(() => "ja");
}

/** The table's figure column with the changes made. */
export function column(table: Table, changes: CellChange[]): Cell[] {
  const cells = baseColumn(table);
  for (const c of changes) if (!c.region) cells[c.row - 1] = c.value;
  return cells;
}

/** The region column's names with the changes made. */
export function regionColumn(changes: CellChange[]): Cell[] {
  const names: Cell[] = REGIONS.map((r) => r.name);
  for (const c of changes) if (c.region) names[c.row - 1] = c.value;
  return names;
}

/* ---------- the CLI ---------- */

const dir = mkdtempSync(join(tmpdir(), "sjuk-catalogue-"));
let files = 0;

/** A file in a fresh temporary folder; its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(dir, `${++files}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A CSV text: `region;<header>` and one row per region, cells quoted where they need it. */
export function csv(table: Table, cells: Cell[], names: Cell[] = regionColumn([])): string {
  const quote = (c: Cell) => {
    const t = c === null || c === undefined ? "" : String(c);
    return /[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [
    `region;${COLUMN[table].header}`,
    ...REGIONS.map((_, i) => `${quote(names[i])};${quote(cells[i])}`),
  ];
  return `${lines.join("\n")}\n`;
}

export interface CliOutcome {
  code: number;
  stdout: string;
  /** stderr's lines, without the trailing empty one. */
  lines: string[];
}

export async function runCli(argv: string[]): Promise<CliOutcome> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    setExitCode: () => undefined,
  });
  return { code, stdout, lines: stderr.split("\n").filter((l) => l !== "") };
}

const OPTION: Record<Table, string> = {
  population: "--population",
  contacts: "--contacts",
  fulfilment: "--fulfilment",
};

/** `sjuk compute --<table> FILE --format json` over the table with the changes. */
export async function cliDoor(
  table: Table,
  changes: CellChange[]
): Promise<CliOutcome & { file: string }> {
  const file = tempFile(`${table}.csv`, csv(table, column(table, changes), regionColumn(changes)));
  return { file, ...(await runCli(["compute", OPTION[table], file, "--format", "json"])) };
}

/* ---------- the sheets ---------- */

export const SHEETS = DEFAULT_SHEET_NAMES.en;

/** The sheet and cell a change lands on in the add-in's sheets. */
export function sheetCell(
  table: Table,
  row: number,
  region = false
): { sheet: string; cell: string } {
  const code = REGIONS[row - 1]!.code;
  if (region) {
    const cell =
      table === "population"
        ? POPULATION.cell(code).replace("C", "B")
        : table === "contacts"
          ? CONTACTS.cell(code).replace("F", "A")
          : CONDITIONS.cell(code, "v1").replace("B", "A");
    return { sheet: sheetCell(table, row).sheet, cell };
  }
  if (table === "population") return { sheet: SHEETS.population, cell: POPULATION.cell(code) };
  if (table === "contacts") return { sheet: SHEETS.contacts, cell: CONTACTS.cell(code) };
  return { sheet: SHEETS.conditions, cell: CONDITIONS.cell(code, "v1") };
}

/** The add-in's sheets with the changes typed in: every problem validateInputs finds, formatted. */
export async function sheetsDoor(table: Table, changes: CellChange[]): Promise<string[]> {
  const port = new HyperFormulaPort();
  await insertSheets(port, { language: "en" });
  const all = column(table, changes);
  if (table === "contacts")
    await port.writeCells(
      SHEETS.contacts,
      all.map((value, i) => ({
        address: sheetCell(table, i + 1).cell,
        value: value as string | number,
      }))
    );
  for (const c of changes) {
    const { sheet, cell } = sheetCell(table, c.row, c.region === true);
    await port.writeCells(sheet, [
      { address: cell, value: (c.value ?? null) as string | number | null },
    ]);
  }
  return (await validateInputs(port)).map((p) => formatProblem(p));
}

/* ---------- the functions ---------- */

installCustomFunctionsMock();

/** A text cell stays text in HyperFormula (as a cell formatted as text, or pasted as text, does in Excel). */
const asText = (c: Cell) => (typeof c === "string" && c !== "" ? `'${c}` : c);

/** SJUK.SHARE / SJUK.CONTACTS over a one-column range with the changes: [HyperFormula, Excel]. */
export async function functionDoors(
  table: Table,
  changes: CellChange[]
): Promise<[Outcome, Outcome]> {
  const cells = column(table, changes);
  const range = (cs: Cell[], text: boolean) => ({ range: cs.map((c) => [text ? asText(c) : c]) });
  const key = (text: boolean) => range(table === "population" ? cells : FIGURES, text);
  if (table === "contacts") {
    const args = (text: boolean) => ["Region Skåne", key(text), range(cells, text)];
    return [
      evaluateInHyperFormula("CONTACTS", args(true)),
      await evaluateInOffice(functions.contacts as (...a: unknown[]) => unknown, 9, args(false)),
    ];
  }
  if (table === "fulfilment") {
    const flags = (text: boolean) => ({
      range: [["v1"], ...cells.map((c) => [text ? asText(c) : c])],
    });
    const args = (text: boolean) => ["Region Skåne", key(text), "v1", flags(text)];
    return [
      evaluateInHyperFormula("SHARE", args(true)),
      await evaluateInOffice(functions.share as (...a: unknown[]) => unknown, 6, args(false)),
    ];
  }
  const args = (text: boolean) => ["Region Skåne", key(text), "v1"];
  return [
    evaluateInHyperFormula("SHARE", args(true)),
    await evaluateInOffice(functions.share as (...a: unknown[]) => unknown, 6, args(false)),
  ];
}
