import { agreement, defaultView, regionalPosts } from "./agreement";
import { scenarioOf } from "./scenario-args";
import type { ComputeInputs } from "../engine/inputs";
import type { Language } from "../core/language";
import { Message, message, render } from "../core/messages";
import { impact, sensitivity } from "../engine/sensitivity";
import { Cell, isBlank } from "../inputs/cells";
import { numberArg, optionalText, regionArg } from "./arguments";
import type { Argument, FunctionSpec } from "./spec";
import { Scalar, badArgument, notAvailable } from "./values";
import { pendingContacts } from "./scenario";
import { REGIONS } from "../engine/regions";

/*
 * SJUK.SENSITIVITY and SJUK.IMPACT: how a region's payment moves when its own key figure does,
 * and who gains and loses when a region does not fulfil a post. Both spill a small table whose
 * size follows from the agreement alone (a spill's size must be known before computing); the
 * labels are in the sheet's language, from the message catalogues.
 */

const MEMBERS = 21;

/** SENSITIVITY: a header, one row per regional post, the total; six columns. */
export const SENSITIVITY_ROWS = regionalPosts.length + 2;
export const SENSITIVITY_COLUMNS = 6;
/** IMPACT: a header, the 21 regions, the money not paid out, the total; four columns. */
export const IMPACT_ROWS = MEMBERS + 3;
export const IMPACT_COLUMNS = 4;

/** A label in the sheet's language (as SJUK.EXPLAIN's): one language per cell, no "Summa / Total". */
function labeller(lang: Language): (m: Message) => string {
  return (m) => render(m, lang);
}

function isEmpty(value: Argument): boolean {
  return value === null || (!Array.isArray(value) && isBlank(value));
}

/** The scenario's inputs and options (with its decisions), for the 2020 agreement. */
function scenarioArgs(key: Argument, fulfilment: Argument, contacts: Argument, options: Argument) {
  return scenarioOf(defaultView, { key, name: "key" }, fulfilment, contacts, options);
}

/** The per-unit post whose units are the contacts (villkor 3's v3-contacts). */
const contactPost = agreement.posts.find(
  (p) => p.key.type === "per-unit" && p.key.column === "contacts"
)?.id;

/** #N/A naming the regions among `codes` whose contacts are not reported yet, if any. */
function waitForContacts(inputs: ComputeInputs, codes: readonly string[]): void {
  const pending = pendingContacts(inputs);
  const names = REGIONS.filter((r) => codes.includes(r.code) && pending.has(r.code)).map(
    (r) => r.name
  );
  if (names.length && contactPost)
    notAvailable("contacts.not-reported", {
      post: contactPost,
      names,
      count: names.length,
      total: REGIONS.length,
    });
}

/** A positive change of the key figure; blank: 1 000. */
function deltaArg(value: Argument): number {
  if (isEmpty(value)) return 1000;
  const d = numberArg(value as Cell, "delta");
  if (!d.isPositive() || d.isZero())
    badArgument("delta", message("sensitivity.bad-delta", { value: d.toString() }));
  return d.toNumber();
}

function postArg(value: Argument): string {
  const id = (optionalText(value as Cell) ?? "").toLowerCase();
  if (!regionalPosts.includes(id))
    badArgument(
      "post",
      message("function.not-regional-post", { header: id, ids: [...regionalPosts] }),
      "na"
    );
  return id;
}

const spaced = (n: number) => n.toLocaleString("sv-SE").replace(/\s/g, " ");

export const SENSITIVITY_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: "SENSITIVITY",
    parameters: [
      { name: "region", kind: "scalar" },
      { name: "key", kind: "range" },
      { name: "delta", kind: "scalar", optional: true },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
    ],
    resultSize: () => [SENSITIVITY_ROWS, SENSITIVITY_COLUMNS],
    run: ([region, key, delta, fulfilment, contacts, options], host) => {
      const label = labeller(host.language ?? "en");
      const r = regionArg(region as Cell);
      const d = deltaArg(delta!);
      const args = scenarioArgs(key!, fulfilment!, contacts!, options!);
      // A region whose contacts are not reported has no contact money to move yet.
      waitForContacts(args.inputs, [r.code]);
      const s = sensitivity(agreement, args.inputs, args.options, r.code, d);
      const shown = { delta: spaced(d) };
      const rows: Scalar[][] = [
        [
          label(message("label.post", {})),
          label(message("label.payment", {})),
          label(message("label.key-minus", shown)),
          label(message("label.key-plus", shown)),
          label(message("label.change-minus", shown)),
          label(message("label.change-plus", shown)),
        ],
      ];
      for (const l of s.lines)
        rows.push([
          l.post ?? label(message("label.total", {})),
          l.base,
          l.minus,
          l.plus,
          l.minus - l.base,
          l.plus - l.base,
        ]);
      return rows;
    },
  },
  {
    name: "IMPACT",
    parameters: [
      { name: "region", kind: "scalar" },
      { name: "post", kind: "scalar" },
      { name: "key", kind: "range" },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
    ],
    resultSize: () => [IMPACT_ROWS, IMPACT_COLUMNS],
    run: ([region, post, key, fulfilment, contacts, options], host) => {
      const label = labeller(host.language ?? "en");
      const r = regionArg(region as Cell);
      const p = postArg(post!);
      const args = scenarioArgs(key!, fulfilment!, contacts!, options!);
      // The contact post's table shows every region: it waits until all have reported.
      if (p === contactPost)
        waitForContacts(
          args.inputs,
          REGIONS.map((x) => x.code)
        );
      const i = impact(agreement, args.inputs, args.options, r.code, p);
      const rows: Scalar[][] = [
        [
          label(message("label.region", {})),
          label(message("label.fulfils", { region: r.short, post: p })),
          label(message("label.does-not-fulfil", { region: r.short, post: p })),
          label(message("label.difference", {})),
        ],
      ];
      for (const l of i.lines) rows.push([l.name, l.fulfils, l.doesNot, l.difference]);
      rows.push([
        label(message("label.not-paid", {})),
        i.unpaid.fulfils,
        i.unpaid.doesNot,
        i.unpaid.difference,
      ]);
      const sum = (pick: (l: (typeof i.lines)[number]) => number) =>
        i.lines.reduce((s, l) => s + pick(l), 0);
      rows.push([
        label(message("label.total", {})),
        sum((l) => l.fulfils) + i.unpaid.fulfils,
        sum((l) => l.doesNot) + i.unpaid.doesNot,
        sum((l) => l.difference) + i.unpaid.difference,
      ]);
      return rows;
    },
  },
];
