import { distance } from "fastest-levenshtein";
import { Problem, problem, SjukError } from "../core/errors";

export interface Region {
  /** SCB's two-digit county (län) code, e.g. "12". */
  code: string;
  /** The official name, e.g. "Region Skåne". */
  name: string;
  /** The short name people use, e.g. "Skåne". */
  short: string;
}

/** Sweden's 21 regions in county-code order (SCB). */
export const REGIONS: readonly Region[] = [
  { code: "01", name: "Region Stockholm", short: "Stockholm" },
  { code: "03", name: "Region Uppsala", short: "Uppsala" },
  { code: "04", name: "Region Sörmland", short: "Sörmland" },
  { code: "05", name: "Region Östergötland", short: "Östergötland" },
  { code: "06", name: "Region Jönköpings län", short: "Jönköping" },
  { code: "07", name: "Region Kronoberg", short: "Kronoberg" },
  { code: "08", name: "Region Kalmar län", short: "Kalmar" },
  { code: "09", name: "Region Gotland", short: "Gotland" },
  { code: "10", name: "Region Blekinge", short: "Blekinge" },
  { code: "12", name: "Region Skåne", short: "Skåne" },
  { code: "13", name: "Region Halland", short: "Halland" },
  { code: "14", name: "Västra Götalandsregionen", short: "Västra Götaland" },
  { code: "17", name: "Region Värmland", short: "Värmland" },
  { code: "18", name: "Region Örebro län", short: "Örebro" },
  { code: "19", name: "Region Västmanland", short: "Västmanland" },
  { code: "20", name: "Region Dalarna", short: "Dalarna" },
  { code: "21", name: "Region Gävleborg", short: "Gävleborg" },
  { code: "22", name: "Region Västernorrland", short: "Västernorrland" },
  { code: "23", name: "Region Jämtland Härjedalen", short: "Jämtland Härjedalen" },
  { code: "24", name: "Region Västerbotten", short: "Västerbotten" },
  { code: "25", name: "Region Norrbotten", short: "Norrbotten" },
];

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);
const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** Lower case, no diacritics, single spaces: "  SKÅNE " and "skane" compare equal. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const ALIASES = new Map<string, Region>();
for (const r of REGIONS) {
  for (const alias of [
    r.code,
    String(Number(r.code)),
    r.name,
    r.short,
    `${r.short} län`,
    `region ${r.short}`,
  ]) {
    ALIASES.set(normalizeName(alias), r);
  }
}
// Common older or alternative names.
for (const [alias, code] of [
  ["Västra Götalandsregionen", "14"],
  ["VGR", "14"],
  ["Södermanland", "04"],
  ["Jämtland", "23"],
  ["Region Jönköping", "06"],
  ["Region Kalmar", "08"],
  ["Region Örebro", "18"],
  // SCB's county names, as its statistical database exports them ("01 Stockholms län").
  ["Stockholms län", "01"],
  ["Uppsala län", "03"],
  ["Södermanlands län", "04"],
  ["Östergötlands län", "05"],
  ["Jönköpings län", "06"],
  ["Kronobergs län", "07"],
  ["Kalmar län", "08"],
  ["Gotlands län", "09"],
  ["Blekinge län", "10"],
  ["Skåne län", "12"],
  ["Hallands län", "13"],
  ["Västra Götalands län", "14"],
  ["Värmlands län", "17"],
  ["Örebro län", "18"],
  ["Västmanlands län", "19"],
  ["Dalarnas län", "20"],
  ["Gävleborgs län", "21"],
  ["Västernorrlands län", "22"],
  ["Jämtlands län", "23"],
  ["Västerbottens län", "24"],
  ["Norrbottens län", "25"],
] as const) {
  ALIASES.set(normalizeName(alias), BY_CODE.get(code)!);
}

export function regionByCode(code: string): Region {
  const r = BY_CODE.get(code);
  if (!r)
    throw new SjukError([
      problem("compute.unknown-code", { what: "county code", set: "regions", code }),
    ]);
  return r;
}

/** Finds a region by official name, county code (12 or "12") or short name, in any case. */
export function findRegion(text: string | number): Region | undefined {
  // Stryker disable next-line ConditionalExpression: String of a string is the same string
  const key = typeof text === "number" ? String(text) : text;
  return (
    ALIASES.get(normalizeName(key)) ??
    (/^\d$/.test(key.trim()) ? ALIASES.get(`0${key.trim()}`) : undefined)
  );
}

/** The official names closest to `text`, for "did you mean" messages. */
export function closestRegionNames(text: string, count = 3): string[] {
  const t = normalizeName(text);
  return REGIONS.map((r) => ({
    name: r.name,
    d: Math.min(distance(t, normalizeName(r.name)), distance(t, normalizeName(r.short))),
  }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, "sv"))
    .slice(0, count)
    .map((x) => x.name);
}

/** "… is not a region; closest: …" as the catalogue's code, so every layer words it alike. */
export function unknownRegionMessage(text: string | number): Problem {
  return problem("region.unknown", {
    text: String(text),
    closest: closestRegionNames(String(text)),
  });
}

/** Like findRegion, but an unknown name is an error listing the closest names. */
export function resolveRegion(text: string | number): Region {
  const r = findRegion(text);
  if (!r) throw new SjukError([unknownRegionMessage(text)]);
  return r;
}
