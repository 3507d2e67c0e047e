import { METHODS } from "./methods";
import { problem } from "../core/errors";
import { Decimal } from "../core/decimal";
import { REDISTRIBUTION_KEYS } from "./inputs";
import { Kronor, formatKronor } from "./money";

/*
 * Every message the engine's compute() makes, in one place: the problems it refuses inputs with
 * (catalogue codes, in English and Swedish) and its warnings and unpaid reasons (English text
 * still: a Warning carries a message, which the command line and the pane print as it is).
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
    problem("compute.not-a-number", { what, value: String(JSON.stringify(value)) }),
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
    problem("compute.not-kronor", { post, value: String(JSON.stringify(value)) }),
  badRedistribution: (value: unknown) =>
    problem("compute.bad-redistribution", { value: String(value), keys: [...REDISTRIBUTION_KEYS] }),
  badRule: (rule: unknown) => problem("compute.bad-rule", { rule: String(rule) }),
  badMethod: (value: unknown) =>
    problem("compute.bad-method", { value: String(value), methods: [...METHODS] }),
} as const;

/** The warnings and unpaid reasons of a compute() result (compute.ts). */
export const NOTES = {
  keyDateUnknown: (keyDescription: string) =>
    `The key's date is not stated; the agreement's key is ${keyDescription}.`,
  keyDatesMixed: (dates: string[], keyDescription: string) =>
    `The key mixes figures of different dates (${dates.join(", ")}), so it has no one date; the agreement's key is ${keyDescription}.`,
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
  table1Mismatch: (recipient: string, stated: Kronor, posts: Kronor) =>
    `Table 1 states ${formatKronor(stated)} for ${recipient}, but the agreement's posts to ${recipient} add up to ${formatKronor(posts)}: Table 1 no longer matches the posts.`,
  contactsExceedTreatments: (name: string, contacts: string, treatments: string) =>
    `${name}: ${contacts} contacts but only ${treatments} treatments reported.`,
  decidedBelow: (decided: Kronor, ceiling: Kronor) =>
    `decided at ${formatKronor(decided)}, below its ceiling of ${formatKronor(ceiling)}`,
  notFulfilledBy: (who: string) => `not fulfilled by ${who}`,
  nobodyFulfils: (member: string) => `no ${member} fulfils the condition`,
  notEnoughUnits: (member: string, column: string) =>
    `no ${member} had ${column} enough to take it`,
  lapsed: (names: string[]) => `lapsed: not fulfilled by ${names.join(", ")}`,
  notReported: (names: string[]) => `contacts not reported yet by ${names.join(", ")}`,
} as const;
