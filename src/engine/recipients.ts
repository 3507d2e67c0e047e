import { distance } from "fastest-levenshtein";
import type { AllocationAgreement, Body, Member } from "../agreements/schema";
import { SWEDISH_REGIONS } from "../agreements/model";
import { SjukError } from "./errors";
// The regions module keeps the 21 regions' own aliases (older names, "Skåne län").
import { REGIONS, Region, findRegion as findSwedishRegion, normalizeName } from "./regions";

/**
 * An agreement's recipient set resolved for computing: its members in the agreement's order
 * (the order of every payment array), with lookups by code and by name.
 */
export interface Recipients {
  /** What posts name as their recipient ("regions"). */
  id: string;
  name: { sv: string; en: string };
  members: readonly Region[];
  codes: readonly string[];
  /** Member code → position in `members`. */
  index: ReadonlyMap<string, number>;
  bodies: readonly Body[];
}

const CACHE = new WeakMap<AllocationAgreement, Recipients>();
const REGION_SET = REGIONS;

function memberOf(m: Member): Region {
  return { code: m.code, name: m.name, short: m.short ?? m.name };
}

/** The recipients of an agreement: the 21 regions for "swedish-regions", else the listed members. */
export function recipientsOf(agreement: AllocationAgreement): Recipients {
  let r = CACHE.get(agreement);
  if (!r) {
    const set = agreement.recipients;
    const members = set.members === SWEDISH_REGIONS ? REGION_SET : set.members.map(memberOf);
    r = {
      id: set.id,
      name: set.name,
      members,
      codes: members.map((m) => m.code),
      index: new Map(members.map((m, i) => [m.code, i])),
      bodies: agreement.bodies,
    };
    CACHE.set(agreement, r);
  }
  return r;
}

const ALIASES = new WeakMap<Recipients, Map<string, Region>>();

function aliasesOf(r: Recipients): Map<string, Region> {
  let map = ALIASES.get(r);
  if (!map) {
    map = new Map();
    for (const m of r.members)
      for (const alias of [m.code, m.name, m.short]) map.set(normalizeName(alias), m);
    ALIASES.set(r, map);
  }
  return map;
}

/** A member of the agreement's recipient set by code, name or short name, in any case. */
export function findRecipient(
  agreement: AllocationAgreement,
  text: string | number
): Region | undefined {
  const set = recipientsOf(agreement);
  if (set.members === REGION_SET) return findSwedishRegion(text);
  return aliasesOf(set).get(normalizeName(String(text)));
}

/** The member names closest to `text`, for "did you mean" messages. */
export function closestRecipientNames(
  agreement: AllocationAgreement,
  text: string,
  count = 3
): string[] {
  const t = normalizeName(text);
  return recipientsOf(agreement)
    .members.map((m) => ({
      name: m.name,
      d: Math.min(distance(t, normalizeName(m.name)), distance(t, normalizeName(m.short))),
    }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, "sv"))
    .slice(0, count)
    .map((x) => x.name);
}

/** Like findRecipient, but an unknown name is an error listing the closest names. */
export function resolveRecipient(agreement: AllocationAgreement, text: string | number): Region {
  const m = findRecipient(agreement, text);
  if (!m) {
    const closest = closestRecipientNames(agreement, String(text)).join(", ");
    throw new SjukError(
      `"${text}" is not one of ${recipientsOf(agreement).name.en.toLowerCase()}; closest: ${closest}`
    );
  }
  return m;
}
