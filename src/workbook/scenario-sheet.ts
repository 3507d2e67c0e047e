/*
 * The Scenarier sheet (issue 10 point 1): the workbook's scenarios, saved with the file.
 *
 * One row per scenario in the table SJUK_Scenarier. An Excel table grows by rows, so a new
 * scenario is a new row, and a person reads a scenario across one row: its name, agreement, key,
 * fulfilment, contacts and options in words, then the whole scenario as JSON (the format of
 * schemas/scenario.schema.json). The JSON column is what is read back: the summary columns are
 * written from it and never parsed, so nothing of a key mix or a figure list is lost.
 */
import { SjukError, problem, type Problem } from "../core/errors";
import type { Language } from "../core/language";
import { ScenarioSchema, type Scenario, type ScenarioKey } from "../scenarios";
import { agreementById } from "../agreements";
import { parseDefinition } from "../agreements/common";
import { workbookAgreements } from "../agreements/held";
import type { AllocationAgreement } from "../agreements/schema";
import { recipientsOf } from "../engine/recipients";
import type { SheetSpec, TableData, WorkbookPort } from "./port";
import { writeOwnedSheet } from "./owned-sheet";

export const SCENARIO_ROLE = "scenarios";
export const SCENARIO_TABLE = "SJUK_Scenarier";
export const SCENARIO_SHEET_NAMES: Record<Language, string> = { sv: "Scenarier", en: "Scenarios" };
const TABLE_TOP_LEFT = "A4";
/** The column (letter) holding each scenario's JSON: the seventh. */
const JSON_COLUMN = "G";

const HEADERS: Record<Language, string[]> = {
  sv: [
    "Namn",
    "Överenskommelse",
    "Nyckel",
    "Uppfyllelse",
    "Kontakter",
    "Alternativ",
    "Scenario (JSON)",
  ],
  en: ["Name", "Agreement", "Key", "Fulfilment", "Contacts", "Options", "Scenario (JSON)"],
};

const WORDS = {
  sv: {
    shipped: "SCB (levererad)",
    file: "fil",
    figures: (n: number) => `${n} tal`,
    equal: "lika",
    allMet: "alla uppfyllda",
    notMet: "ej uppfyllt",
    counts: (n: number) => `antal för ${n}`,
    rules: { lapse: "förfaller", share: "dela", redistribute: "omfördelas" } as Record<
      string,
      string
    >,
    redistribution: { population: "befolkning", "unpaid-contacts": "obetalda kontakter" },
    methods: {
      hamilton: "största rest",
      "sainte-lague": "jämkade uddatalsmetoden",
      dhondt: "d'Hondts metod",
    },
  },
  en: {
    shipped: "SCB (shipped)",
    file: "file",
    figures: (n: number) => `${n} figures`,
    equal: "equal",
    allMet: "all met",
    notMet: "not met",
    counts: (n: number) => `counts for ${n}`,
    rules: { lapse: "lapse", share: "share", redistribute: "redistribute" } as Record<
      string,
      string
    >,
    redistribution: { population: "population", "unpaid-contacts": "unpaid contacts" },
    methods: { hamilton: "largest remainder", "sainte-lague": "Sainte-Laguë", dhondt: "D'Hondt" },
  },
};

/** A key in words: "SCB 2019-12-31", "fil scb.csv", "21 tal", "lika", "mix 50% … + 50% …". */
export function describeKey(key: ScenarioKey | undefined, language: Language = "en"): string {
  const w = WORDS[language];
  if (!key) return w.shipped;
  if ("shipped" in key) return `SCB ${key.shipped}`;
  if ("file" in key) return `${w.file} ${key.file}`;
  if ("figures" in key) return w.figures(Object.keys(key.figures).length);
  if ("equal" in key) return w.equal;
  const total = key.mix.reduce((s, p) => s + p.weight, 0) || 1;
  return key.mix
    .map((p) => `${Math.round((100 * p.weight) / total)}% ${describeKey(p.key, language)}`)
    .join(" + ");
}

/** The scenario's agreement, when the workbook holds it or it is shipped (else its id is shown). */
function agreementOf(s: Scenario): AllocationAgreement | undefined {
  return agreementById(s.agreement, workbookAgreements());
}

/** A post by its title and a member by its name, in the sheet's language, as the other sheets show them. */
function namer(s: Scenario, language: Language) {
  const agreement = agreementOf(s);
  const members = agreement && recipientsOf(agreement);
  return {
    post: (id: string) => agreement?.posts.find((p) => p.id === id)?.title[language] ?? id,
    member: (code: string) => members?.find(code)?.name ?? code,
  };
}

function describeFulfilment(s: Scenario, language: Language): string {
  const w = WORDS[language];
  const name = namer(s, language);
  const not = Object.entries(s.fulfilment ?? {}).flatMap(([post, byCode]) =>
    Object.entries(byCode)
      .filter(([, met]) => !met)
      .map(([code]) => `${name.member(code)}: ${name.post(post)}`)
  );
  return not.length ? `${w.notMet}: ${not.join("; ")}` : w.allMet;
}

function describeOptions(s: Scenario, language: Language): string {
  const w = WORDS[language];
  const name = namer(s, language);
  const o = s.options ?? {};
  const rule =
    typeof o.nonFulfilment === "object"
      ? Object.entries(o.nonFulfilment)
          .map(([post, r]) => `${name.post(post)}: ${w.rules[r] ?? r}`)
          .join("; ")
      : o.nonFulfilment && (w.rules[o.nonFulfilment] ?? o.nonFulfilment);
  const redistribution = o.redistribution && w.redistribution[o.redistribution];
  const method = o.method && w.methods[o.method];
  return [rule, redistribution, method].filter(Boolean).join(", ");
}

/** The sheet as data: a title, a note on what is read back, and the table. */
export function scenarioSheetSpec(
  scenarios: readonly Scenario[],
  language: Language,
  name = SCENARIO_SHEET_NAMES[language]
): SheetSpec {
  checkNames(scenarios);
  const note =
    language === "sv"
      ? "Sparade scenarier. Skapa, kopiera, byt namn och ta bort i SJUK-panelen; kolumnen Scenario (JSON) är det som läses."
      : "Saved scenarios. Create, copy, rename and delete them in the SJUK pane; the Scenario (JSON) column is what is read.";
  return {
    role: SCENARIO_ROLE,
    name,
    cells: [
      { address: "A1", value: language === "sv" ? "Scenarier" : "Scenarios", style: "title" },
      { address: "A2", value: note, style: "note" },
    ],
    tables: [
      {
        name: SCENARIO_TABLE,
        topLeft: TABLE_TOP_LEFT,
        columns: HEADERS[language].map((header, i) => ({
          header,
          numberFormat: "@",
          width: i === 6 ? 80 : i === 0 ? 24 : 18,
        })),
        rows: scenarios.map((s) => [
          s.name,
          agreementOf(s)?.title[language] ?? s.agreement ?? "",
          describeKey(s.key, language),
          describeFulfilment(s, language),
          s.contacts ? WORDS[language].counts(Object.keys(s.contacts).length) : "",
          describeOptions(s, language),
          JSON.stringify(s),
        ]),
      },
    ],
    frozenRows: 4,
  };
}

/** The scenarios of the table as read back; every bad row named by sheet, cell and field. */
export function scenariosFromTable(table: TableData): Scenario[] {
  const problems: Problem[] = [];
  const jsonIndex = table.headers.indexOf("Scenario (JSON)");
  const firstRow = Number(/\d+/.exec(table.topLeft)![0]) + 1;
  const scenarios: Scenario[] = [];
  table.rows.forEach((row, i) => {
    const cell = `${JSON_COLUMN}${firstRow + i}`;
    const where = { sheet: table.sheet, cell };
    const text = jsonIndex < 0 ? null : row[jsonIndex];
    if (typeof text !== "string" || text.trim() === "") {
      problems.push(problem("scenario.no-json-in-cell", {}, where));
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const detail = (e as Error).message;
      problems.push(problem("file.not-json", { detail }, where));
      return;
    }
    try {
      scenarios.push(parseDefinition(ScenarioSchema, data, table.sheet));
    } catch (e) {
      if (!(e instanceof SjukError)) throw e;
      problems.push(
        ...e.problems.map((p) => ({ ...p, where: { ...where, field: p.where?.field } }))
      );
    }
  });
  if (problems.length) throw new SjukError(problems);
  checkNames(scenarios);
  return scenarios;
}

function checkNames(scenarios: readonly Scenario[]): void {
  const seen = new Set<string>();
  for (const s of scenarios) {
    const k = s.name.trim().toLowerCase();
    if (seen.has(k)) throw new SjukError([problem("scenario.same-name", { name: s.name })]);
    seen.add(k);
  }
}

/* The pane's operations on the list: each returns a new list, checked, or throws. */

const indexOf = (list: readonly Scenario[], name: string): number => {
  const i = list.findIndex((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  if (i < 0) throw new SjukError([problem("scenario.unknown-name", { name })]);
  return i;
};

function checked(list: Scenario[]): Scenario[] {
  list.forEach((s) => parseDefinition(ScenarioSchema, s, s.name));
  checkNames(list);
  return list;
}

export const addScenario = (list: readonly Scenario[], s: Scenario): Scenario[] =>
  checked([...list, s]);

export function copyScenario(list: readonly Scenario[], from: string, name: string): Scenario[] {
  const original = list[indexOf(list, from)]!;
  return checked([...list, { ...structuredClone(original), name }]);
}

export function renameScenario(list: readonly Scenario[], from: string, name: string): Scenario[] {
  const i = indexOf(list, from);
  return checked(list.map((s, j) => (j === i ? { ...s, name } : s)));
}

export function deleteScenario(list: readonly Scenario[], name: string): Scenario[] {
  const i = indexOf(list, name);
  return list.filter((_, j) => j !== i);
}

/** The workbook's scenarios ([] when it has no Scenarier sheet yet). */
export async function loadScenarios(port: WorkbookPort): Promise<Scenario[]> {
  const table = await port.readTable(SCENARIO_TABLE);
  return table ? scenariosFromTable(table) : [];
}

/** Writes the whole list in one batch with the ownership record; never over a user's sheet. */
export function saveScenarios(
  port: WorkbookPort,
  scenarios: readonly Scenario[],
  language: Language
): Promise<string> {
  return writeOwnedSheet(port, SCENARIO_ROLE, SCENARIO_SHEET_NAMES[language], (name) =>
    scenarioSheetSpec(scenarios, language, name)
  );
}

/** A scenario as the JSON file the pane exports (the format of schemas/scenario.schema.json). */
export function exportScenarioJson(scenario: Scenario): string {
  const { $schema: _schema, ...rest } = scenario;
  return `${JSON.stringify({ $schema: "https://sjuk.example.org/schemas/scenario.schema.json", ...rest }, null, 2)}\n`;
}

/** A scenario file the user picked, checked; every problem names the file and the field. */
export function importScenarioJson(text: string, file: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    throw new SjukError([problem("file.not-json", { detail }, { file })]);
  }
  return parseDefinition(ScenarioSchema, data, file);
}
