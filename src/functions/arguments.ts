import { NON_FULFILMENT_RULES, NonFulfilmentRule } from "../agreements/schema";
import { Decimal } from "../engine/decimal";
import {
  ComputeOptions,
  PopulationKey,
  REDISTRIBUTION_KEYS,
  RedistributionKey,
} from "../engine/inputs";
import {
  REGIONS,
  Region,
  closestRegionNames,
  findRegion,
  unknownRegionMessage,
} from "../engine/regions";
import {
  Cell,
  CommaReading,
  Parsed,
  isBlank,
  printable,
  parseCount,
  parseNumber,
  parseWeight,
  parseYesNo,
  showCell,
  showCellSv,
} from "../inputs/cells";
import { LIMITS } from "../inputs/limits";
import { readColumn } from "../inputs/number-reading";
import { Grid, badValue, svName } from "./values";

/*
 * Turning spreadsheet arguments into engine inputs. Every message names the argument and, for a
 * range, the row within it (1 = the range's first row), e.g. `key, row 4: "tolv" is not a number`,
 * and in Swedish `nyckel, rad 4: "tolv" är inte ett tal` (argument names: svName in values.ts).
 */

/** One problem in English and Swedish; a range's problems are reported together. */
interface Message {
  en: string;
  sv: string;
}

/** The most problems one cell's message lists; the rest are counted. */
const LISTED = 10;

function failIfAny(problems: Message[]): void {
  if (!problems.length) return;
  const rest = problems.length - LISTED;
  const listed = problems.slice(0, LISTED);
  badValue(
    listed.map((p) => p.en).join("; ") + (rest > 0 ? `; and ${rest} more` : ""),
    listed.map((p) => p.sv).join("; ") + (rest > 0 ? `; och ${rest} till` : "")
  );
}

/** A range of regions larger than any table may be (LIMITS) is refused before it is read. */
function refuseLargeRange(grid: Grid, name: string): void {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  if (grid.length > LIMITS.rows || width > LIMITS.columns)
    badValue(
      `${name}: the range has ${grid.length} rows and ${width} columns; a range of regions may have at most ${LIMITS.rows} rows and ${LIMITS.columns} columns`,
      `${svName(name)}: området har ${grid.length} rader och ${width} kolumner; ett område med regioner får ha högst ${LIMITS.rows} rader och ${LIMITS.columns} kolumner`
    );
}

/** "Skåningen" is not a region, in Swedish: the same closest names. */
function unknownRegionSv(text: string): string {
  return `"${printable(text)}" är ingen region; närmast: ${closestRegionNames(text).join(", ")}`;
}

function emptyArg(name: string): never {
  return badValue(`${name} is empty`, `${svName(name)} är tom`);
}

export function textArg(value: Cell, name: string): string {
  if (isBlank(value)) emptyArg(name);
  return String(value).trim();
}

export function optionalText(value: Cell): string | null {
  return isBlank(value) ? null : String(value).trim();
}

export function numberArg(value: Cell, name: string): Decimal {
  const n = parseNumber(value);
  if (!n.ok) badValue(`${name}: ${n.message}`, `${svName(name)}: ${n.sv}`);
  return n.value;
}

export function regionArg(value: Cell, name = "region"): Region {
  if (isBlank(value)) emptyArg(name);
  const region = findRegion(typeof value === "number" ? value : String(value));
  if (!region)
    badValue(
      `${name}: ${unknownRegionMessage(String(value))}`,
      `${svName(name)}: ${unknownRegionSv(String(value))}`
    );
  return region;
}

/** A range as a grid; a single value becomes a 1 × 1 grid. */
export function gridArg(value: Cell | Grid): Grid {
  return Array.isArray(value) ? value : [[value]];
}

/**
 * One figure per region from a range, in one of two layouts:
 * - one column (or row) of 21 figures in county-code order (Stockholm 01 … Norrbotten 25), as the
 *   add-in's own sheets lay them out;
 * - two or more columns: a region (name, short name or county code) in the first column and the
 *   figure in the last, any order.
 * A first row of headings (text where the figures are) is skipped.
 */
export function perRegionArg(
  value: Cell | Grid,
  name: string,
  parse: (cell: Cell, reading?: CommaReading) => Parsed<Decimal>
): Record<string, Decimal> {
  let grid = gridArg(value);
  refuseLargeRange(grid, name);
  if (grid.length === 1 && (grid[0]?.length ?? 0) > 1 && !findRegion(String(grid[0]![0] ?? "")))
    grid = grid[0]!.map((c) => [c]);
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const lastColumn = (row: Cell[]) => row[row.length - 1];
  let first = 0;
  const head = grid[0] ?? [];
  if (
    typeof lastColumn(head) === "string" &&
    !parseNumber(lastColumn(head)).ok &&
    (width === 1 || !findRegion(String(head[0] ?? "")))
  )
    first = 1;

  const out: Record<string, Decimal> = {};
  const problems: Message[] = [];
  const sv = svName(name);
  // One comma reading for the whole range of figures (number-reading.ts); a figure that does not fit is refused.
  const figureCells = grid.slice(first).map((row) => (width === 1 ? row[0] : lastColumn(row)));
  const column = readColumn(figureCells, (i) => ({
    en: `row ${i + first + 1}`,
    sv: `rad ${i + first + 1}`,
  }));
  const refused = new Map(column.faults.map((f) => [f.index, f]));
  const read = (cell: Cell, i: number): Parsed<Decimal> => {
    const fault = refused.get(i);
    return fault
      ? { ok: false, message: fault.message, sv: fault.sv }
      : parse(cell, column.reading);
  };
  if (width === 1) {
    const rows = grid.slice(first);
    if (rows.length !== REGIONS.length) {
      badValue(
        `${name}: expected ${REGIONS.length} figures in county-code order (Stockholm … Norrbotten), got ${rows.length}; or give two columns, region and figure`,
        `${sv}: väntade ${REGIONS.length} tal i länskodsordning (Stockholm … Norrbotten), fick ${rows.length}; eller ange två kolumner, region och tal`
      );
    }
    rows.forEach((row, i) => {
      const p = read(row[0], i);
      if (p.ok) out[REGIONS[i]!.code] = p.value;
      else
        problems.push({
          en: `${name}, row ${i + first + 1}: ${p.message}`,
          sv: `${sv}, rad ${i + first + 1}: ${p.sv}`,
        });
    });
  } else {
    grid.slice(first).forEach((row, i) => {
      const rowNo = i + first + 1;
      if (row.every(isBlank)) return;
      const region = isBlank(row[0])
        ? undefined
        : findRegion(typeof row[0] === "number" ? row[0] : String(row[0]));
      if (!region) {
        problems.push({
          en: `${name}, row ${rowNo}: ${isBlank(row[0]) ? "the region is empty" : unknownRegionMessage(String(row[0]))}`,
          sv: `${sv}, rad ${rowNo}: ${isBlank(row[0]) ? "regionen är tom" : unknownRegionSv(String(row[0]))}`,
        });
        return;
      }
      if (out[region.code]) {
        problems.push({
          en: `${name}, row ${rowNo}: ${region.name} appears twice`,
          sv: `${sv}, rad ${rowNo}: ${region.name} finns två gånger`,
        });
        return;
      }
      const p = read(lastColumn(row), i);
      if (p.ok) out[region.code] = p.value;
      else
        problems.push({
          en: `${name}, row ${rowNo}: ${p.message}`,
          sv: `${sv}, rad ${rowNo}: ${p.sv}`,
        });
    });
    if (problems.length === 0) {
      const missing = REGIONS.filter((r) => !out[r.code]).map((r) => r.name);
      if (missing.length)
        problems.push({
          en: `${name}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`,
          sv: `${sv}: ${missing.join(", ")} saknas`,
        });
    }
  }
  failIfAny(problems);
  return out;
}

/** A key range (population or any other weight), labelled as coming from the sheet. */
export function keyArg(value: Cell | Grid, name = "key"): PopulationKey {
  const figures = perRegionArg(value, name, parseWeight);
  if (Object.values(figures).every((d) => d.isZero()))
    badValue(
      `${name}: every figure is zero, so there is no share to take`,
      `${svName(name)}: alla tal är noll, så det finns ingen andel att ta`
    );
  return { figures, date: null, source: `the ${name} range` };
}

export function contactsArg(value: Cell | Grid, name = "contacts"): Record<string, Decimal> {
  return perRegionArg(value, name, parseCount);
}

/**
 * Fulfilment flags: a first row of post ids (v1, v2, v3, v3-contacts, v4), then one row per region:
 * 21 rows in county-code order, or with the region in a first column. A blank flag means
 * fulfilled, the agreement's default.
 */
export function fulfilmentArg(
  value: Cell | Grid,
  regionalPosts: readonly string[],
  name = "fulfilment"
): Record<string, Record<string, boolean>> {
  const grid = gridArg(value);
  refuseLargeRange(grid, name);
  const header = (grid[0] ?? []).map((c) => (isBlank(c) ? "" : String(c).trim().toLowerCase()));
  const hasRegionColumn =
    header[0] === "" ||
    ["region", "kod", "code", "län", "lan"].includes(header[0]!) ||
    !regionalPosts.includes(header[0]!);
  const postColumns = header
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => !(hasRegionColumn && i === 0));
  const problems: Message[] = [];
  const sv = svName(name);
  for (const { h, i } of postColumns) {
    if (!regionalPosts.includes(h))
      problems.push({
        en: `${name}, row 1, column ${i + 1}: "${printable(h)}" is not a regional post (${regionalPosts.join(", ")})`,
        sv: `${sv}, rad 1, kolumn ${i + 1}: "${printable(h)}" är ingen regional post (${regionalPosts.join(", ")})`,
      });
  }
  failIfAny(problems);
  const rows = grid.slice(1);
  if (!hasRegionColumn && rows.length !== REGIONS.length) {
    badValue(
      `${name}: expected a row of post ids and ${REGIONS.length} rows in county-code order, got ${rows.length} rows`,
      `${sv}: väntade en rad med post-id och ${REGIONS.length} rader i länskodsordning, fick ${rows.length} rader`
    );
  }
  const out: Record<string, Record<string, boolean>> = {};
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    const rowNo = r + 2;
    let region: Region | undefined = REGIONS[r];
    if (hasRegionColumn) {
      if (row.every(isBlank)) return;
      region = findRegion(typeof row[0] === "number" ? row[0] : String(row[0] ?? ""));
      if (!region)
        return problems.push({
          en: `${name}, row ${rowNo}: ${unknownRegionMessage(String(row[0] ?? ""))}`,
          sv: `${sv}, rad ${rowNo}: ${unknownRegionSv(String(row[0] ?? ""))}`,
        });
      if (seen.has(region.code))
        return problems.push({
          en: `${name}, row ${rowNo}: ${region.name} appears twice`,
          sv: `${sv}, rad ${rowNo}: ${region.name} finns två gånger`,
        });
      seen.add(region.code);
    }
    for (const { h, i } of postColumns) {
      if (isBlank(row[i])) continue;
      const flag = parseYesNo(row[i]);
      if (!flag.ok)
        problems.push({
          en: `${name}, row ${rowNo}, column ${i + 1}: ${flag.message}`,
          sv: `${sv}, rad ${rowNo}, kolumn ${i + 1}: ${flag.sv}`,
        });
      else (out[h] ??= {})[region!.code] = flag.value;
    }
    return undefined;
  });
  failIfAny(problems);
  return out;
}

const RULE_WORDS: Record<string, NonFulfilmentRule> = {
  lapse: "lapse",
  förfaller: "lapse",
  forfaller: "lapse",
  share: "share",
  dela: "share",
};
/** The rules as a Swedish user writes them (either word works). */
const SV_RULES = "förfaller eller dela";
const REDISTRIBUTION_WORDS: Record<string, RedistributionKey> = {
  population: "population",
  befolkning: "population",
  "unpaid-contacts": "unpaid-contacts",
  "obetalda-kontakter": "unpaid-contacts",
};

/**
 * Options as text: words separated by commas, semicolons or spaces. `lapse`/`förfaller` or
 * `share`/`dela` sets the non-fulfilment rule for every regional post, `v1=share` for one post;
 * `population`/`befolkning` or `unpaid-contacts`/`obetalda-kontakter` sets the contact redistribution.
 */
export function optionsArg(
  value: Cell,
  postIds: readonly string[],
  name = "options"
): ComputeOptions {
  const options: ComputeOptions = {};
  if (isBlank(value)) return options;
  const perPost: Record<string, NonFulfilmentRule> = {};
  for (const word of String(value)
    .toLowerCase()
    .split(/[,;\s]+/)
    .filter(Boolean)) {
    const [left, right] = word.split("=");
    if (right !== undefined) {
      if (!postIds.includes(left!))
        badValue(
          `${name}: "${left}" is not a post (${postIds.join(", ")})`,
          `${svName(name)}: "${left}" är ingen post (${postIds.join(", ")})`
        );
      const rule = RULE_WORDS[right];
      if (!rule)
        badValue(
          `${name}: "${right}" is not ${NON_FULFILMENT_RULES.join(" or ")}`,
          `${svName(name)}: "${right}" är varken ${SV_RULES}`
        );
      perPost[left!] = rule;
    } else if (RULE_WORDS[word]) {
      options.nonFulfilment = RULE_WORDS[word];
    } else if (REDISTRIBUTION_WORDS[word]) {
      options.redistribution = REDISTRIBUTION_WORDS[word];
    } else {
      badValue(
        `${name}: "${word}" is not an option; use ${NON_FULFILMENT_RULES.join(", ")}, ${REDISTRIBUTION_KEYS.join(", ")} or post=rule`,
        `${svName(name)}: "${word}" är inget alternativ; använd förfaller, dela, befolkning, obetalda-kontakter eller post=regel`
      );
    }
  }
  if (Object.keys(perPost).length) {
    if (typeof options.nonFulfilment === "string") {
      const all = options.nonFulfilment;
      options.nonFulfilment = Object.fromEntries(postIds.map((id) => [id, perPost[id] ?? all]));
    } else options.nonFulfilment = perPost;
  }
  return options;
}

export function redistributionArg(value: Cell, name = "redistribution"): RedistributionKey {
  if (isBlank(value)) return "population";
  const key = REDISTRIBUTION_WORDS[String(value).trim().toLowerCase()];
  if (!key)
    badValue(
      `${name}: ${showCell(value)} is not ${REDISTRIBUTION_KEYS.join(" or ")}`,
      `${svName(name)}: ${showCellSv(value)} är varken befolkning eller obetalda-kontakter`
    );
  return key;
}

/** A weights range for SJUK.ALLOCATE: every cell a non-negative number, ids by position. */
export function weightsArg(
  value: Cell | Grid,
  name = "weights"
): { id: string; weight: Decimal }[] {
  const grid = gridArg(value);
  const width = grid[0]?.length ?? 0;
  const problems: Message[] = [];
  const weights: { id: string; weight: Decimal }[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const p = parseWeight(cell);
      const where =
        width === 1
          ? `row ${r + 1}`
          : grid.length === 1
            ? `column ${c + 1}`
            : `row ${r + 1}, column ${c + 1}`;
      if (!p.ok)
        problems.push({
          en: `${name}, ${where}: ${isBlank(cell) ? "the cell is empty" : p.message}`,
          sv: `${svName(name)}, ${where.replace("row", "rad").replace("column", "kolumn")}: ${isBlank(cell) ? "cellen är tom" : p.sv}`,
        });
      // Zero-padded positions, so the tie-break "then the recipient's code" follows the range's order.
      else weights.push({ id: String(r * width + c).padStart(8, "0"), weight: p.value });
    })
  );
  failIfAny(problems);
  return weights;
}
