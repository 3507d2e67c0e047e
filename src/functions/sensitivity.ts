import { AgreementView, agreementArg, defaultView, spillAgreement } from "./agreement";
import { scenarioOf } from "./scenario-args";
import type { ComputeInputs } from "../engine/inputs";
import type { Language } from "../core/language";
import { Message, message, render } from "../core/messages";
import { impact, sensitivity } from "../engine/sensitivity";
import { Cell, isBlank } from "../inputs/cells";
import { memberArg, numberArg, optionalText } from "./arguments";
import type { Argument, FunctionSpec } from "./spec";
import { Scalar, badArgument, notAvailable } from "./values";
import { pendingUnits } from "./scenario";
import { unitsOf } from "./units";

/*
 * SJUK.SENSITIVITY and SJUK.IMPACT: how a member's payment moves when its own key figure does,
 * and who gains and loses when a member does not fulfil a post. Both spill a small table whose
 * size follows from the agreement the formula names (a spill's size must be known before
 * computing); the labels are in the sheet's language, from the message catalogues.
 */

/** SENSITIVITY: a header, one row per regional post, the total; six columns. */
export const SENSITIVITY_ROWS = defaultView.regionalPosts.length + 2;
export const SENSITIVITY_COLUMNS = 6;
/** IMPACT: a header, the 21 regions, the money not paid out, the total; four columns. */
export const IMPACT_ROWS = defaultView.recipients.members.length + 3;
export const IMPACT_COLUMNS = 4;

/** A label in the sheet's language (as SJUK.EXPLAIN's): one language per cell, no "Summa / Total". */
function labeller(lang: Language): (m: Message) => string {
  return (m) => render(m, lang);
}

function isEmpty(value: Argument): boolean {
  return value === null || (!Array.isArray(value) && isBlank(value));
}

/** The scenario's inputs and options (with its decisions), for the agreement. */
function scenarioArgs(
  view: AgreementView,
  key: Argument,
  fulfilment: Argument,
  contacts: Argument,
  options: Argument
) {
  return scenarioOf(view, { key, name: "key" }, fulfilment, contacts, options);
}

/** #N/A naming the members among `codes` whose units of `post` are not reported yet, if any. */
function waitForUnits(
  view: AgreementView,
  inputs: ComputeInputs,
  codes: readonly string[],
  posts: readonly string[]
): void {
  const pending = pendingUnits(inputs, view.agreement);
  for (const post of posts) {
    const missing = pending.get(post);
    if (!missing) continue;
    const names = view.recipients.members
      .filter((m) => codes.includes(m.code) && missing.has(m.code))
      .map((m) => m.name);
    if (names.length)
      notAvailable("contacts.not-reported", {
        post,
        names,
        count: names.length,
        total: view.recipients.members.length,
        ...unitsOf(view, post),
      });
  }
}

/** A positive change of the key figure; blank: 1 000. */
function deltaArg(value: Argument): number {
  if (isEmpty(value)) return 1000;
  const d = numberArg(value as Cell, "delta");
  if (!d.isPositive() || d.isZero())
    badArgument("delta", message("sensitivity.bad-delta", { value: d.toString() }));
  return d.toNumber();
}

function postArg(value: Argument, view: AgreementView): string {
  const id = (optionalText(value as Cell) ?? "").toLowerCase();
  if (!view.regionalPosts.includes(id))
    badArgument(
      "post",
      message("function.not-regional-post", { header: id, ids: [...view.regionalPosts] }),
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
      { name: "agreement", kind: "scalar", optional: true },
    ],
    resultSize: ([, , , , , , agreement]) => {
      const view = spillAgreement(agreement);
      return view ? [view.regionalPosts.length + 2, SENSITIVITY_COLUMNS] : [1, 1];
    },
    run: ([region, key, delta, fulfilment, contacts, options, agreement], host) => {
      const label = labeller(host.language ?? "en");
      const view = agreementArg(agreement as Cell);
      const r = memberArg(region as Cell, view.recipients);
      const d = deltaArg(delta!);
      const args = scenarioArgs(view, key!, fulfilment!, contacts!, options!);
      // A member whose units are not reported has no money of that post to move yet.
      waitForUnits(view, args.inputs, [r.code], view.regionalPosts);
      const s = sensitivity(view.agreement, args.inputs, args.options, r.code, d);
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
      { name: "agreement", kind: "scalar", optional: true },
    ],
    resultSize: ([, , , , , , agreement]) => {
      const view = spillAgreement(agreement);
      return view ? [view.recipients.members.length + 3, IMPACT_COLUMNS] : [1, 1];
    },
    run: ([region, post, key, fulfilment, contacts, options, agreement], host) => {
      const label = labeller(host.language ?? "en");
      const view = agreementArg(agreement as Cell);
      const r = memberArg(region as Cell, view.recipients);
      const p = postArg(post!, view);
      const args = scenarioArgs(view, key!, fulfilment!, contacts!, options!);
      // A per-unit post's table shows every member: it waits until all have reported.
      waitForUnits(view, args.inputs, view.recipients.codes, [p]);
      const i = impact(view.agreement, args.inputs, args.options, r.code, p);
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
