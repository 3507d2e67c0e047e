import { Decimal } from "./decimal";
import { REDISTRIBUTION_KEYS } from "./inputs";
import { Kronor, formatKronor } from "./money";

/*
 * Every text the engine's compute() writes — the problems it refuses inputs with, its warnings
 * and the reasons money is not paid — in one place, so that they can move onto a catalogue of
 * message codes without touching the computation.
 */

/** The problems compute() refuses its inputs with (validate.ts). */
export const MESSAGES = {
  unknownCode: (what: string, member: string, code: string) =>
    `${what}: no ${member} has the code ${code}`,
  missing: (what: string, name: string, code: string) => `${what}: ${name} (${code}) is missing`,
  notNumber: (what: string, value: unknown) => `${what}: ${JSON.stringify(value)} is not a number`,
  notFinite: (what: string, d: Decimal) => `${what}: ${d.toString()} is not a finite number`,
  negative: (what: string, d: Decimal) => `${what}: ${d.toString()} is negative`,
  notWhole: (what: string, d: Decimal) => `${what}: ${d.toString()} is not a whole number`,
  allZero: (what: string) => `${what}: every figure is zero, so there is no share to take`,
  keyNotGiven: (column: string, posts: string[]) =>
    `keys: the key column "${column}" is not given (posts ${posts.join(", ")} need it)`,
  keyTwice: (column: string) =>
    `keys.${column}: "${column}" is the agreement's default key, already given as key`,
  unknownKey: (column: string, agreement: string, known: string[]) =>
    `keys: "${column}" is not a key column of ${agreement} (${known.join(", ") || "none"})`,
  unknownUnits: (column: string, agreement: string, known: string[]) =>
    `units: "${column}" is not a unit column of ${agreement} (${known.join(", ") || "none"})`,
  unitsTwice: (column: string) => `units.${column}: the counts are already given as contacts`,
  notConditionalPost: (post: string, agreement: string, setPosts: string[], bodyPosts: string[]) =>
    `fulfilment: "${post}" is not a regional post of ${agreement} (${setPosts.join(", ")})` +
    (bodyPosts.length ? ` nor a body's post with a condition (${bodyPosts.join(", ")})` : ""),
  notTheBody: (post: string, body: string, given: string) =>
    `fulfilment, ${post}: the post is paid to ${body}, not to "${given}"`,
  notAPost: (what: string, post: string, agreement: string) =>
    `${what}: "${post}" is not a post of ${agreement}`,
  notAtMost: (post: string) =>
    `decided, ${post}: the post's amount is fixed, not a ceiling ("högst"), so no other amount can be decided`,
  aboveCeiling: (post: string, decided: Kronor, ceiling: Kronor) =>
    `decided, ${post}: ${formatKronor(decided)} is above the post's ceiling of ${formatKronor(ceiling)}`,
  notKronor: (post: string, value: unknown) =>
    `decided, ${post}: ${JSON.stringify(value)} is not whole, non-negative kronor`,
  badRedistribution: (value: unknown) =>
    `redistribution: "${String(value)}" is not one of ${REDISTRIBUTION_KEYS.join(", ")}`,
  badRule: (rule: unknown) => `non-fulfilment: "${String(rule)}" is not lapse or share`,
} as const;

/** The warnings and unpaid reasons of a compute() result (compute.ts). */
export const NOTES = {
  keyDateUnknown: (keyDescription: string) =>
    `The key's date is not stated; the agreement's key is ${keyDescription}.`,
  keyDate: (date: string, source: string, keyDate: string, keyDescription: string) =>
    `The key is from ${date} (${source}), not from ${keyDate} as the agreement requires (${keyDescription}).`,
  unpaid: (post: string, amount: Kronor, reason: string) =>
    `${post}: ${formatKronor(amount)} is not paid out (${reason}).`,
  unitsAssumed: (
    post: string,
    column: string,
    amount: Kronor,
    member: string,
    members: string,
    byPopulation: boolean
  ) =>
    `No counts given for ${post} (${column}): every fulfilling ${member} is assumed to have enough to take all it can be given, so the post pays its whole ${formatKronor(amount)} among the fulfilling ${members}, as Table 1 budgets.` +
    (byPopulation
      ? " Without counts nobody's unpaid units are known, so what is left is redistributed by population (the cap's key), not by unpaid contacts."
      : ""),
  contactsExceedTreatments: (name: string, contacts: string, treatments: string) =>
    `${name}: ${contacts} contacts but only ${treatments} treatments reported.`,
  decidedBelow: (decided: Kronor, ceiling: Kronor) =>
    `decided at ${formatKronor(decided)}, below its ceiling of ${formatKronor(ceiling)}`,
  notFulfilledBy: (who: string) => `not fulfilled by ${who}`,
  nobodyFulfils: (member: string) => `no ${member} fulfils the condition`,
  notEnoughUnits: (member: string, column: string) =>
    `no ${member} had ${column} enough to take it`,
  lapsed: (names: string[]) => `lapsed: not fulfilled by ${names.join(", ")}`,
} as const;
