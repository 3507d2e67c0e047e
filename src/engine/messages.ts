import { METHODS } from "./methods";
import { problem } from "../core/errors";
import { Decimal } from "../core/decimal";
import { REDISTRIBUTION_KEYS } from "./inputs";
import { Kronor } from "./money";
import type { Texts } from "../core/language";
import { Message, message } from "../core/messages";

/*
 * Every message the engine's compute() makes, in one place, as catalogue codes with parameters
 * (src/core/messages: English and Swedish texts): the problems it refuses inputs with, and its
 * warnings and unpaid reasons. Nothing here is prose; nothing anywhere reads a message's words.
 */

/**
 * The problems compute() refuses its inputs with (validate.ts), as the catalogue's codes
 * (src/core/messages: English and Swedish texts). `what` names the input, `set` the recipient set.
 */
export const MESSAGES = {
  unknownCode: (what: string, set: string, code: string) =>
    problem("compute.unknown-code", { what, set, code }),
  missing: (what: string, name: string, code: string) =>
    problem("compute.missing", { what, name, code }),
  notNumber: (what: string, value: unknown) =>
    problem("compute.not-a-number", { what, value: shown(value) }),
  notFinite: (what: string, d: Decimal) =>
    problem("compute.not-finite", { what, value: d.toString() }),
  negative: (what: string, d: Decimal) =>
    problem("compute.negative", { what, value: d.toString() }),
  notWhole: (what: string, d: Decimal) =>
    problem("compute.not-whole", { what, value: d.toString() }),
  allZero: (what: string) => problem("compute.all-zero", { what }),
  keyNotGiven: (column: string, posts: string[]) =>
    problem("compute.key-not-given", { column, posts }),
  keyTwice: (column: string) => problem("compute.key-twice", { column }),
  unknownKey: (column: string, agreement: string, known: string[]) =>
    problem("compute.unknown-key", { column, agreement, known }),
  unknownUnits: (column: string, agreement: string, known: string[]) =>
    problem("compute.unknown-units", { column, agreement, known }),
  unitsTwice: (column: string) => problem("compute.units-twice", { column }),
  notConditionalPost: (post: string, agreement: string, setPosts: string[], bodyPosts: string[]) =>
    problem("compute.not-conditional-post", { post, agreement, setPosts, bodyPosts }),
  notTheBody: (post: string, body: string, given: string) =>
    problem("compute.not-the-body", { post, body, given }),
  notAPost: (what: string, post: string, agreement: string) =>
    problem("compute.not-a-post", { what, post, agreement }),
  notAtMost: (post: string) => problem("compute.not-at-most", { post }),
  aboveCeiling: (post: string, decided: Kronor, ceiling: Kronor) =>
    problem("compute.above-ceiling", { post, decided, ceiling }),
  notKronor: (post: string, value: unknown) =>
    problem("compute.not-kronor", { post, value: shown(value) }),
  badRedistribution: (value: unknown) =>
    problem("compute.bad-redistribution", { value: String(value), keys: [...REDISTRIBUTION_KEYS] }),
  badRule: (rule: unknown) => problem("compute.bad-rule", { rule: String(rule) }),
  badMethod: (value: unknown) =>
    problem("compute.bad-method", { value: String(value), methods: [...METHODS] }),
} as const;

/**
 * The warnings and unpaid reasons of a compute() result (compute.ts), as catalogue messages
 * (code + parameters): hosts render them in the user's language with `render` (src/core/messages).
 * `set` is the recipient set's id: the catalogues say "region" for the 21 regions.
 */
export const NOTES = {
  keyDateUnknown: (key: Texts) => message("compute.key-date-unknown", { key }),
  keyDatesMixed: (dates: string[], key: Texts) =>
    message("compute.key-dates-mixed", { dates: dates.join(", "), key }),
  keyDate: (date: string, source: string, keyDate: string, key: Texts) =>
    message("compute.key-date", { date, source, keyDate, key }),
  unpaid: (post: string, amount: Kronor, reason: Message) =>
    message("compute.unpaid", { post, amount, reason }),
  unitsAssumed: (
    post: string,
    column: string,
    amount: Kronor,
    set: string,
    byPopulation: boolean
  ) => message("compute.units-assumed", { post, column, amount, set, byPopulation }),
  table1Mismatch: (recipient: string, stated: Kronor, posts: Kronor) =>
    message("compute.table1", { recipient, stated, posts }),
  contactsExceedTreatments: (name: string, contacts: string, treatments: string) =>
    message("compute.contacts-exceed-treatments", { name, contacts, treatments }),
  /** The one reason, or several rendered joined by "; ". */
  reasons: (items: Message[]) => (items.length === 1 ? items[0]! : message("list", { items })),
  decidedBelow: (decided: Kronor, ceiling: Kronor) =>
    message("compute.decided-below", { decided, ceiling }),
  notFulfilledBy: (who: string) => message("compute.not-fulfilled-by", { who }),
  nobodyFulfils: (set: string) => message("compute.nobody-fulfils", { set }),
  notEnoughUnits: (set: string, column: string) =>
    message("compute.not-enough-units", { set, column }),
  lapsed: (names: string[]) => message("compute.lapsed", { names }),
  notReported: (column: string, names: string[]) =>
    message("compute.not-reported", { column, names }),
} as const;

/** A value as a problem shows it: its JSON where it has one, else its own text (a bigint, a cycle). */
function shown(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // A cycle: its own text below.
  }
  return String(value);
}
