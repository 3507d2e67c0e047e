import { parse } from "csv-parse/sync";
import { Problem, SjukError, problem } from "../core/errors";
import type { PopulationKey } from "../engine/inputs";
import { REGIONS, closestRegionNames, findRegion } from "../engine/regions";

/**
 * Keys as SCB's statistical database exports them (BE0101A/FolkmangdNov and its kin): the
 * semicolon CSV ("Semikolonavgränsad med rubrik") and JSON-stat 2.0. Counties are named as SCB
 * names them ("01 Stockholms län", "Västra Götalands län"); the riket row is skipped. The key's
 * date is read from the table: its title's day ("den 1 november") with the time code's year
 * ("2019", "2019M11"), or a time label that is itself a date ("1 november 2019").
 */

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  februari: 2,
  february: 2,
  mars: 3,
  march: 3,
  april: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  augusti: 8,
  august: 8,
  september: 9,
  oktober: 10,
  october: 10,
  november: 11,
  december: 12,
};
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\s+(${Object.keys(MONTHS).join("|")})\\b`, "i");

/** "2019-11-01" from a title's day and a time code's year; null when the table does not say. */
export function scbDate(title: string, time: string): string | null {
  const inTime = DAY_MONTH.exec(time);
  const dayMonth = inTime ?? DAY_MONTH.exec(title);
  const year = /\b(\d{4})/.exec(time)?.[1];
  if (!dayMonth || !year) return null;
  const month = MONTHS[dayMonth[2]!.toLowerCase()]!;
  const coded = /^\d{4}M(\d{2})$/.exec(time.trim());
  if (coded && Number(coded[1]) !== month) return null; // the title's month is not the column's
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(Number(dayMonth[1]))}`;
}

const TIME = /^(\d{4}(M\d{2})?|\d{1,2}\s+\p{L}+\s+\d{4})$/u;
const COUNTRY = /^(00\s+)?riket$|^sweden$/i;

/** A county cell: "01 Stockholms län", "Stockholms län" or "01"; null for the whole country. */
function countyOf(text: string): string | null | undefined {
  const t = text.trim();
  if (COUNTRY.test(t)) return null;
  const coded = /^(\d{2})\s+(.+)$/.exec(t);
  const region = coded ? (findRegion(coded[2]!) ?? findRegion(coded[1]!)) : findRegion(t);
  return region?.code;
}

function wholeNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, "");
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Every county's figure, or a problem naming the counties without one. */
function complete(figures: Map<string, number>, problems: Problem[], where: { file: string }) {
  const missing = REGIONS.map((r) => r.code).filter((c) => !figures.has(c));
  if (missing.length > 0) problems.push(problem("scb.missing-county", { codes: missing }, where));
  if (problems.length > 0) throw new SjukError(problems);
  return Object.fromEntries(REGIONS.map((r) => [r.code, figures.get(r.code)!]));
}

/** SCB's semicolon CSV: an optional title line, a header with one time column, a row per county. */
export function readScbCsv(text: string, file: string, date?: string): PopulationKey {
  const rows = parse(text.replace(/^\uFEFF/, ""), {
    delimiter: ";",
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  const headerAt = rows.findIndex((r) => r.some((c) => TIME.test(c.trim())));
  const problems: Problem[] = [];
  if (headerAt < 0) throw new SjukError([problem("scb.no-time", {}, { file })]);
  const title = rows.slice(0, headerAt).flat().join(" ");
  const header = rows[headerAt]!.map((c) => c.trim());
  const times = header.map((c, i) => (TIME.test(c) ? i : -1)).filter((i) => i >= 0);
  if (times.length > 1)
    throw new SjukError([
      problem(
        "scb.several",
        { dimension: "tid", count: times.length },
        { file, line: headerAt + 1 }
      ),
    ]);
  const valueAt = times[0]!;
  const figures = new Map<string, number>();
  let regionAt = -1;
  rows.slice(headerAt + 1).forEach((row, i) => {
    const line = headerAt + i + 2;
    if (regionAt < 0)
      regionAt = row.findIndex((c, j) => j !== valueAt && countyOf(c) !== undefined);
    const cell = row[regionAt] ?? "";
    const code = countyOf(cell);
    if (regionAt < 0 || code === undefined) {
      const closest = closestRegionNames(cell.replace(/^\d{2}\s+/, ""));
      problems.push(problem("scb.not-a-county", { text: cell, closest }, { file, line }));
      return;
    }
    if (code === null) return;
    const value = wholeNumber(row[valueAt] ?? "");
    if (value === undefined) {
      const where = { file, line, column: header[valueAt]! };
      problems.push(problem("scb.not-a-number", { value: row[valueAt] ?? "" }, where));
    } else figures.set(code, value);
  });
  const found = date ?? scbDate(title, header[valueAt]!);
  if (!found) problems.push(problem("scb.no-date", { time: header[valueAt]! }, { file }));
  const byCode = complete(figures, problems, { file });
  return { figures: byCode, date: found!, source: `${file}: ${title || header[valueAt]!}`.trim() };
}

interface JsonStatDimension {
  label?: string;
  category?: { index?: string[] | Record<string, number>; label?: Record<string, string> };
}

/** The category ids of a JSON-stat dimension in their order. */
function categoryIds(d: JsonStatDimension): string[] {
  const index = d.category?.index;
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
  return Object.keys(d.category?.label ?? {});
}

/** SCB's JSON-stat 2.0 dataset: a region and a time dimension; any other has one category. */
export function readScbJsonStat(data: unknown, file: string, date?: string): PopulationKey {
  const ds = data as {
    class?: string;
    version?: string;
    label?: string;
    id?: string[];
    size?: number[];
    dimension?: Record<string, JsonStatDimension>;
    value?: (number | null)[] | Record<string, number>;
    role?: { time?: string[] };
  };
  const fail = (detail: string) =>
    new SjukError([problem("scb.not-json-stat", { detail }, { file })]);
  if (typeof ds !== "object" || ds === null || ds.class !== "dataset")
    throw fail('class is not "dataset"');
  if (
    !Array.isArray(ds.id) ||
    !Array.isArray(ds.size) ||
    ds.id.length !== ds.size.length ||
    !ds.dimension ||
    !ds.value
  )
    throw fail("id, size, dimension and value are required");
  const dims = ds.id.map((id) => ({ id, ids: categoryIds(ds.dimension![id] ?? {}) }));
  const timeId = ds.role?.time?.[0] ?? dims.find((d) => /^(tid|time|år)$/i.test(d.id))?.id;
  const region = dims.find(
    (d) =>
      d.id !== timeId && d.ids.some((c) => countyOf(labelOf(ds.dimension![d.id]!, c)) !== undefined)
  );
  if (!region) throw new SjukError([problem("scb.no-region", {}, { file })]);
  if (!timeId) throw new SjukError([problem("scb.no-time", {}, { file })]);
  for (const d of dims)
    if (d.id !== region.id && d.ids.length !== 1)
      throw new SjukError([
        problem(
          "scb.several",
          { dimension: d.id, count: d.ids.length },
          { file, field: `dimension.${d.id}` }
        ),
      ]);

  const problems: Problem[] = [];
  const figures = new Map<string, number>();
  const stride = ds.size.slice(ds.id.indexOf(region.id) + 1).reduce((a, b) => a * b, 1);
  region.ids.forEach((id, i) => {
    const label = labelOf(ds.dimension![region.id]!, id);
    const field = `dimension.${region.id}.category.label.${id}`;
    const byLabel = countyOf(label);
    const code = byLabel === undefined ? countyOf(id) : byLabel;
    if (code === undefined)
      problems.push(
        problem(
          "scb.not-a-county",
          { text: label, closest: closestRegionNames(label) },
          { file, field }
        )
      );
    if (!code) return;
    const at = i * stride;
    const value = Array.isArray(ds.value) ? ds.value[at] : ds.value![String(at)];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
      problems.push(
        problem("scb.not-a-number", { value: String(value) }, { file, field: `value[${at}]` })
      );
    else figures.set(code, value);
  });
  const timeDim = ds.dimension[timeId]!;
  const time = labelOf(timeDim, categoryIds(timeDim)[0] ?? "");
  const found = date ?? scbDate(ds.label ?? "", time);
  if (!found) problems.push(problem("scb.no-date", { time }, { file }));
  const byCode = complete(figures, problems, { file });
  return { figures: byCode, date: found!, source: `${file}: ${ds.label ?? "SCB"}` };
}

function labelOf(d: JsonStatDimension, id: string): string {
  return d.category?.label?.[id] ?? id;
}
