import { distance } from "fastest-levenshtein";
import type { AllocationAgreement, Body, Member } from "../agreements/schema";
import { SWEDISH_REGIONS } from "../agreements/model";
import { SjukError } from "../core/errors";
// The regions module keeps the 21 regions' own aliases (older names, "Skåne län").
import {
  REGIONS,
  Region,
  closestRegionNames,
  findRegion as findSwedishRegion,
  normalizeName,
} from "./regions";

/**
 * Who a table or range lists, one row each: the members in their order and how a cell names
 * one. The one recipient-set type of the engine, the input readers (src/inputs/region-rows.ts)
 * and the functions; an agreement's `Recipients` is one.
 */
export interface RecipientSet {
  members: readonly Region[];
  /** A member by code, name or short name, in any case. */
  find(cell: string | number): Region | undefined;
  /** The member names closest to `text`, for "did you mean" messages. */
  closest(text: string, count?: number): string[];
}

/** Sweden's 21 regions in county-code order, found by their aliases too (older names, "Skåne län"). */
export const REGION_SET: RecipientSet = {
  members: REGIONS,
  find: findSwedishRegion,
  closest: closestRegionNames,
};

/**
 * An agreement's recipient set resolved for computing: its members in the agreement's order
 * (the order of every payment array), with lookups by code and by name.
 */
export interface Recipients extends RecipientSet {
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

function memberOf(m: Member): Region {
  return { code: m.code, name: m.name, short: m.short ?? m.name };
}

/** The recipients of an agreement: the 21 regions for "swedish-regions", else the listed members. */
export function recipientsOf(agreement: AllocationAgreement): Recipients {
  let r = CACHE.get(agreement);
  if (!r) {
    const set = agreement.recipients;
    const listed = set.members === SWEDISH_REGIONS ? undefined : set.members.map(memberOf);
    const members = listed ?? REGION_SET.members;
    const recipients: Recipients = {
      id: set.id,
      name: set.name,
      members,
      codes: members.map((m) => m.code),
      index: new Map(members.map((m, i) => [m.code, i])),
      bodies: agreement.bodies,
      find: listed
        ? (text) => aliasesOf(recipients).get(normalizeName(String(text)))
        : REGION_SET.find,
      closest: listed ? (text, count = 3) => closestOf(members, text, count) : REGION_SET.closest,
    };
    r = recipients;
    CACHE.set(agreement, r);
  }
  return r;
}

const ALIASES = new WeakMap<Recipients, Map<string, Region>>();

function aliasesOf(r: Recipients): Map<string, Region> {
  let map = ALIASES.get(r);
  // Stryker disable next-line ConditionalExpression: a cache; rebuilding the map gives the same map
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
  return recipientsOf(agreement).find(text);
}

/** The member names closest to `text`, for "did you mean" messages. */
export function closestRecipientNames(
  agreement: AllocationAgreement,
  text: string,
  count = 3
): string[] {
  return recipientsOf(agreement).closest(text, count);
}

function closestOf(members: readonly Region[], text: string, count: number): string[] {
  const t = normalizeName(text);
  return members
    .map((m) => ({
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
