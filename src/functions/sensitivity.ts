import { agreement, postIds, regionalPosts } from "./agreement";
import { Message, message, render } from "../core/messages";
import { impact, sensitivity } from "../engine/sensitivity";
import type { ComputeInputs } from "../engine/inputs";
import { Cell, isBlank } from "../inputs/cells";
import {
  contactsArg,
  fulfilmentArg,
  keyArg,
  numberArg,
  optionalText,
  optionsArg,
  regionArg,
} from "./arguments";
import type { Argument, FunctionSpec } from "./spec";
import { Scalar, badArgument, notAvailable } from "./values";
import { pendingContacts } from "./scenario";
import { REGIONS } from "../engine/regions";

/*
 * SJUK.SENSITIVITY and SJUK.IMPACT: how a region's payment moves when its own key figure does,
 * and who gains and loses when a region does not fulfil a post. Both spill a small table whose
 * size follows from the agreement alone (a spill's size must be known before computing); the
 * labels are Swedish / English, from the message catalogues.
 */

const MEMBERS = 21;

/** SENSITIVITY: a header, one row per regional post, the total; six columns. */
export const SENSITIVITY_ROWS = regionalPosts.length + 2;
export const SENSITIVITY_COLUMNS = 6;
/** IMPACT: a header, the 21 regions, the money not paid out, the total; four columns. */
export const IMPACT_ROWS = MEMBERS + 3;
export const IMPACT_COLUMNS = 4;

/** A label in both languages, as SJUK.EXPLAIN's: "Summa / Total". */
function label(m: Message): string {
  const sv = render(m, "sv");
  const en = render(m, "en");
  return sv === en ? sv : `${sv} / ${en}`;
}

function isEmpty(value: Argument): boolean {
  return value === null || (!Array.isArray(value) && isBlank(value));
}

function inputsOf(key: Argument, fulfilment: Argument, contacts: Argument): ComputeInputs {
  const inputs: ComputeInputs = { key: keyArg(key) };
  if (!isEmpty(fulfilment)) inputs.fulfilment = fulfilmentArg(fulfilment, regionalPosts);
  if (!isEmpty(contacts)) inputs.contacts = contactsArg(contacts);
  return inputs;
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
    run: ([region, key, delta, fulfilment, contacts, options]) => {
      const r = regionArg(region as Cell);
      const d = deltaArg(delta!);
      const inputs = inputsOf(key!, fulfilment!, contacts!);
      // A region whose contacts are not reported has no contact money to move yet.
      waitForContacts(inputs, [r.code]);
      const s = sensitivity(agreement, inputs, optionsArg(options as Cell, postIds), r.code, d);
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
    run: ([region, post, key, fulfilment, contacts, options]) => {
      const r = regionArg(region as Cell);
      const p = postArg(post!);
      const inputs = inputsOf(key!, fulfilment!, contacts!);
      // The contact post's table shows every region: it waits until all have reported.
      if (p === contactPost)
        waitForContacts(
          inputs,
          REGIONS.map((x) => x.code)
        );
      const i = impact(agreement, inputs, optionsArg(options as Cell, postIds), r.code, p);
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
