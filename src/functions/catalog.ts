import { findPost, recipientName } from "../agreements";
import {
  AgreementView,
  agreementArg,
  agreementLabel,
  defaultView,
  spillAgreement,
} from "./agreement";
import { allocate } from "../engine/allocate";
import { Decimal } from "../core/decimal";
import type { ComputeOptions } from "../engine/inputs";
import { toExcelSerial } from "../engine/calendar";
import { Cell } from "../inputs/cells";
import {
  memberArg,
  methodArg,
  numberArg,
  optionalText,
  redistributionArg,
  textArg,
  weightsArg,
} from "./arguments";
import { EXPLAIN_COLUMNS, explainRows, explainRowsFor } from "./explain";
import { GRANT_FUNCTIONS } from "./grant-catalog";
import { SENSITIVITY_FUNCTIONS } from "./sensitivity";
import { unitsOf } from "./units";
import { SCENARIO_FUNCTION } from "./scenario-function";
import { LruCache } from "./cache";
import {
  ScenarioPayments,
  paymentsCache,
  pendingUnits,
  scenario,
  scenarioCache,
  scenarioPayments,
  SCENARIOS_KEPT,
  SCENARIOS_KEPT_IN_ONE_RUN,
} from "./scenario";
import { isEmptyArg, optionsOf, scenarioOf } from "./scenario-args";
import { Argument, FunctionSpec, HostContext, POPULATION_TABLE } from "./spec";
import { Scalar, badArgument, badValue, notAvailable } from "./values";
import { ContactStatus, Table1Difference, message, render } from "../core/messages";

export { EXPLAIN_COLUMNS, EXPLAIN_ROWS } from "./explain";

/** A post by its id or its title in either language (the sheets show titles). */
function postArg(value: Argument, view: AgreementView = defaultView, name = "post") {
  const id = textArg(value as Cell, name);
  const post = findPost(view.agreement, id);
  if (!post)
    badArgument(
      name,
      message("function.unknown-post", {
        post: id,
        agreement: agreementLabel(view),
        ids: [...view.postIds],
      }),
      "na"
    );
  return post;
}

/** A region's place against its contact cap, as a cell shows it (the sheet's language). */
function statusLabel(status: ContactStatus, host: HostContext): string {
  return render(message("contacts.status", { status }), host.language ?? "en");
}

/** SJUK.CONTACTS's part: what it pays (default), the cap, what redistribution moved, or the status. */
const CONTACT_PARTS: Record<string, "paid" | "cap" | "moved" | "status"> = {
  paid: "paid",
  utbetalt: "paid",
  cap: "cap",
  tak: "cap",
  moved: "moved",
  omfördelat: "moved",
  status: "status",
};

function contactsPartArg(value: Argument): "paid" | "cap" | "moved" | "status" {
  const text = optionalText(value as Cell);
  if (text === null) return "paid";
  const part = CONTACT_PARTS[text.toLowerCase()];
  if (!part)
    badArgument(
      "part",
      message("function.contacts-part", { value: text, parts: Object.keys(CONTACT_PARTS) })
    );
  return part;
}

function regionalPostArg(value: Argument, view: AgreementView = defaultView) {
  const post = postArg(value, view);
  if (post.recipient !== view.agreement.recipients.id)
    badArgument(
      "post",
      message("function.not-regional", {
        post: post.id,
        // English: the recipient's id, as the functions take it (SKR, government); Swedish: its name.
        recipient: {
          en: post.recipient,
          sv: recipientName(view.agreement, post.recipient, "sv"),
        },
      })
    );
  return post;
}

/** The 2020 agreement's words for its recipients (Swedish and English). */
const RECIPIENT_ALIASES: Record<string, string> = {
  regionerna: "regions",
  region: "regions",
  fk: "Försäkringskassan",
  regeringen: "government",
  uppföljning: "government",
  followup: "government",
  "follow-up": "government",
};

function recipientArg(value: Argument, view: AgreementView): string | null {
  const text = optionalText(value as Cell);
  if (text === null) return null;
  const t = text.toLowerCase();
  const a = view.agreement;
  const recipients = [a.recipients.id, ...a.bodies.map((b) => b.id)];
  const byName = [a.recipients, ...a.bodies].find(
    (r) => r.name.sv.toLowerCase() === t || r.name.en.toLowerCase() === t
  );
  const alias = RECIPIENT_ALIASES[t];
  const found =
    recipients.find((r) => r.toLowerCase() === t) ??
    byName?.id ??
    (alias && recipients.includes(alias) ? alias : undefined);
  if (!found)
    badArgument("recipient", message("function.unknown-recipient", { text, recipients }), "na");
  return found;
}

/** The key range, or, in the short form only, the add-in's population table. */
function keyOrTable(value: Argument, host: HostContext): { key: Argument; name: string } {
  if (!isEmptyArg(value)) return { key: value, name: "key" };
  const table = host.readPopulationTable?.();
  if (!table) badValue("function.no-population-table", { table: POPULATION_TABLE });
  return { key: table, name: POPULATION_TABLE };
}

/**
 * Payments by the arguments' raw values. The cells of one scenario differ only by region (and
 * post), so the ranges are parsed once per scenario, not once per cell: that is most of what a
 * recalculation costs. Keyed by the agreement object too (an edited copy keeps its id).
 */
const paymentsByArguments = new LruCache<ScenarioPayments>(
  SCENARIOS_KEPT,
  SCENARIOS_KEPT_IN_ONE_RUN
);

/** Forgets every cached scenario (tests use it so that each host computes for itself). */
export function clearScenarioCaches(): void {
  paymentsByArguments.clear();
  paymentsCache.clear();
  scenarioCache.clear();
}

type ParseOptions = (raw: Argument, view: AgreementView) => ReturnType<typeof optionsOf>;

function paymentsOf(
  view: AgreementView,
  key: { key: Argument; name: string },
  fulfilment: Argument,
  units: Argument,
  options: { raw: Argument; parse: ParseOptions }
): ScenarioPayments {
  const id = JSON.stringify([
    view.serial,
    key.name,
    key.key,
    fulfilment,
    units,
    options.parse.name,
    options.raw,
  ]);
  return paymentsByArguments.getOrCompute(id, () => {
    const s = scenarioOf(view, key, fulfilment, units, options.raw, options.parse);
    return scenarioPayments(s.inputs, s.options, view.agreement);
  });
}

const computeOptions: ParseOptions = (raw, view) => optionsOf(raw, view);
/** CONTACTS' fourth argument: a redistribution word, as ever, or a whole options text. */
const redistributionOrOptions: ParseOptions = (raw, view) => {
  const text = optionalText(raw as Cell);
  if (text !== null && /[=,;\s]/.test(text)) return optionsOf(raw, view, "redistribution");
  const options: ComputeOptions = { redistribution: redistributionArg(raw as Cell) };
  return { options, decisions: { decided: {}, notFulfilled: [] } };
};

/** What differs from the agreement's Table 1 (any part of it it states), in English and in Swedish. */
function table1Differences(view: AgreementView, result: ScenarioPayments): Table1Difference[] {
  const a = view.agreement;
  const paid = new Map(result.byRecipient.map((r) => [r.recipient, r.amount]));
  const out: Table1Difference[] = [];
  for (const [recipient, stated] of Object.entries(a.table1 ?? {})) {
    const got = paid.get(recipient) ?? 0;
    const names = { en: recipientName(a, recipient, "en"), sv: recipientName(a, recipient, "sv") };
    if (got !== stated) out.push({ recipient: names, got, stated });
  }
  if (result.total !== a.total) out.push({ recipient: null, got: result.total, stated: a.total });
  return out;
}

/** Rows filled up to the spill's size with blanks; never cut (the size holds every row explain gives). */
function pad(rows: Scalar[][], height: number, width: number): Scalar[][] {
  const out = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  while (out.length < height) out.push(Array.from({ length: width }, () => ""));
  return out;
}

/**
 * Every SJUK function: its declared signature and a body of a few lines. Both hosts (Excel's
 * custom functions and the HyperFormula plugin) run these through the same runner.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: "SHARE",
    parameters: [
      { name: "region", kind: "scalar" },
      { name: "key", kind: "range", optional: true },
      { name: "post", kind: "scalar", optional: true },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    run: ([region, key, post, fulfilment, options, agreement], host) => {
      const view = agreementArg(agreement as Cell);
      const r = memberArg(region as Cell, view.recipients);
      const result = paymentsOf(view, keyOrTable(key!, host), fulfilment!, null, {
        raw: options!,
        parse: computeOptions,
      });
      if (isEmptyArg(post!)) return result.byRegion.get(r.code)!;
      return result.byPost.get(regionalPostArg(post!, view).id)!.get(r.code)!;
    },
  },
  {
    // The whole block in one call: a member per row (the recipient set's order), a regional
    // post per column (the one post asked for, or all of them). One parse and one cache
    // look-up per scenario instead of one per cell. Its size follows from the formula: the
    // agreement named in it (see spillAgreement).
    name: "SHARES",
    parameters: [
      { name: "key", kind: "range" },
      { name: "post", kind: "scalar", optional: true },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    resultSize: ([, post, , , , agreement]) => {
      const view = spillAgreement(agreement);
      if (!view) return [1, 1]; // no such agreement: the cell's #N/A says so
      return [view.recipients.members.length, post ? 1 : view.regionalPosts.length];
    },
    run: ([key, post, fulfilment, contacts, options, agreement], host) => {
      const view = agreementArg(agreement as Cell);
      const result = paymentsOf(view, { key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: options!,
        parse: computeOptions,
      });
      const posts = isEmptyArg(post!) ? view.regionalPosts : [regionalPostArg(post!, view).id];
      const pending = statusLabel("not-reported", host);
      return view.recipients.members.map((m) =>
        posts.map((id) =>
          result.notReported.get(id)?.has(m.code) ? pending : result.byPost.get(id)!.get(m.code)!
        )
      );
    },
  },
  {
    name: "ALLOCATE",
    parameters: [
      { name: "amount", kind: "scalar" },
      { name: "weights", kind: "range" },
      { name: "method", kind: "scalar", optional: true },
    ],
    resultSize: ([, weights]) => weights?.size ?? [1, 1],
    run: ([amount, weights, method]) => {
      const a = numberArg(amount as Cell, "amount");
      if (!a.isInteger() || a.isNegative())
        badArgument("amount", message("function.not-whole-kronor", { value: a.toString() }));
      if (a.greaterThan(Number.MAX_SAFE_INTEGER))
        badArgument("amount", message("function.too-large", { value: a.toString() }));
      const grid = Array.isArray(weights) ? weights : [[weights as Cell]];
      const parsed = weightsArg(grid);
      // Checked here, not left to the engine, so that the message has its Swedish text.
      if (parsed.every((w) => w.weight.isZero()))
        badArgument("weights", message("function.weights-zero", {}));
      const m = methodArg(method as Cell);
      const amounts = allocate(a, parsed, "weights", m).lines.map((l) => l.amount);
      const width = grid[0]?.length ?? 1;
      return grid.map((row, r) => row.map((_, c) => amounts[r * width + c]!));
    },
  },
  {
    name: "POST",
    parameters: [
      { name: "post", kind: "scalar" },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    run: ([post, agreement]) => postArg(post!, agreementArg(agreement as Cell)).amount,
  },
  {
    // What a post pays in a scenario: a regional post's sum over the members, a body's post
    // after its condition and a decided amount (options: `v4-skr=nej`, `dev-fk=8000000`).
    name: "PAID",
    parameters: [
      { name: "post", kind: "scalar" },
      { name: "key", kind: "range" },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    run: ([post, key, fulfilment, contacts, options, agreement]) => {
      const view = agreementArg(agreement as Cell);
      const p = postArg(post!, view);
      const result = paymentsOf(view, { key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: options!,
        parse: computeOptions,
      });
      return result.paidByPost.get(p.id)!;
    },
  },
  {
    name: "TOTAL",
    parameters: [
      { name: "recipient", kind: "scalar", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    run: ([recipient, agreement]) => {
      const view = agreementArg(agreement as Cell);
      const r = recipientArg(recipient!, view);
      return view.agreement.posts
        .filter((p) => r === null || p.recipient === r)
        .reduce((s, p) => s.plus(p.amount), new Decimal(0))
        .toNumber();
    },
  },
  {
    name: "PAYDATE",
    parameters: [
      { name: "post", kind: "scalar" },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    returnsDate: true,
    run: ([post, agreement]) => {
      const p = postArg(post!, agreementArg(agreement as Cell));
      if (p.payoutDate.length === 4)
        badArgument(
          `post ${p.id}`,
          message("function.year-only", { post: p.id, year: p.payoutDate }),
          "na"
        );
      return toExcelSerial(p.payoutDate);
    },
  },
  {
    name: "CONTACTS",
    parameters: [
      { name: "region", kind: "scalar" },
      { name: "key", kind: "range" },
      { name: "contacts", kind: "range" },
      { name: "redistribution", kind: "scalar", optional: true },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
      { name: "post", kind: "scalar", optional: true },
      { name: "part", kind: "scalar", optional: true },
    ],
    run: ([region, key, contacts, redistribution, fulfilment, agreement, post, part], host) => {
      const view = agreementArg(agreement as Cell);
      const r = memberArg(region as Cell, view.recipients);
      const p = perUnitPostArg(post!, view);
      const which = contactsPartArg(part!);
      const keyRange = { key: key!, name: "key" };
      const result = paymentsOf(view, keyRange, fulfilment!, contacts!, {
        raw: redistribution!,
        parse: redistributionOrOptions,
      });
      const pending = result.notReported.get(p)?.has(r.code) === true;
      if (which === "paid")
        return pending ? statusLabel("not-reported", host) : result.byPost.get(p)!.get(r.code)!;
      if (which === "moved" && pending) return statusLabel("not-reported", host);
      // The cap, the status and what redistribution moved: the engine's audit of the post.
      const s = scenarioOf(
        view,
        keyRange,
        fulfilment!,
        contacts!,
        redistribution!,
        redistributionOrOptions
      );
      const full = scenario(s.inputs, s.options, view.agreement);
      const money = full.posts.find((x) => x.post.id === p)!.contacts!;
      const cap = money.caps.lines.find((l) => l.id === r.code)!.amount;
      if (which === "cap") return cap;
      if (which === "moved") return money.paid[r.code]! - cap;
      const fulfils = s.inputs.fulfilment?.[p]?.[r.code] !== false;
      return statusLabel(contactStatus(fulfils, pending, money.earned[r.code], cap), host);
    },
  },
  {
    name: "EXPLAIN",
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
      return view ? [explainRowsFor(view), EXPLAIN_COLUMNS] : [1, 1];
    },
    run: ([region, post, key, fulfilment, contacts, options, agreement], host) => {
      const view = agreementArg(agreement as Cell);
      const r = memberArg(region as Cell, view.recipients);
      const p = regionalPostArg(post!, view);
      const keyRange = { key: key!, name: "key" };
      const s = scenarioOf(view, keyRange, fulfilment!, contacts!, options!);
      if (pendingUnits(s.inputs, view.agreement).get(p.id)?.has(r.code))
        notAvailable("contacts.not-reported", {
          post: p.id,
          names: [r.name],
          count: 1,
          total: view.recipients.members.length,
          ...unitsOf(view, p.id),
        });
      const result = scenario(s.inputs, s.options, view.agreement);
      const rows = explainRows(
        r,
        result.posts.find((x) => x.post.id === p.id)!,
        result,
        host.language ?? "en"
      );
      return pad(rows, explainRowsFor(view), EXPLAIN_COLUMNS);
    },
  },
  {
    name: "CHECK",
    parameters: [
      { name: "key", kind: "range" },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
      { name: "agreement", kind: "scalar", optional: true },
    ],
    run: ([key, fulfilment, contacts, options, agreement]) => {
      const view = agreementArg(agreement as Cell);
      const result = paymentsOf(view, { key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: options!,
        parse: computeOptions,
      });
      if (result.notReported.size) {
        const missing = new Set([...result.notReported.values()].flatMap((codes) => [...codes]));
        notAvailable("function.contacts-not-reported", {
          names: view.recipients.members.filter((m) => missing.has(m.code)).map((m) => m.name),
        });
      }
      const differences = table1Differences(view, result);
      if (differences.length) badValue("function.table1-differs", { differences });
      return true;
    },
  },
];

/** CONTACTS' post: a per-unit post of the agreement; blank: its first (villkor 3's contacts in 2020). */
function perUnitPostArg(value: Argument, view: AgreementView): string {
  const perUnit = view.agreement.posts.filter(
    (p) => p.recipient === view.agreement.recipients.id && p.key.type === "per-unit"
  );
  if (isEmptyArg(value)) {
    if (!perUnit[0])
      badArgument("post", message("function.not-a-post", { post: "", ids: [] }), "na");
    return perUnit[0].id;
  }
  const text = textArg(value as Cell, "post");
  const post = findPost({ posts: perUnit }, text);
  if (!post)
    badArgument(
      "post",
      message("function.not-a-post", { post: text, ids: perUnit.map((p) => p.id) }),
      "na"
    );
  return post.id;
}

/** A member's place against its cap: over, at or under it, or why it has no place yet. */
function contactStatus(
  fulfils: boolean,
  pending: boolean,
  earned: number | undefined,
  cap: number
): ContactStatus {
  if (!fulfils) return "not-fulfilled";
  if (pending || earned === undefined) return "not-reported";
  return earned > cap ? "over" : earned < cap ? "under" : "at";
}

/** Every SJUK function: the 2020 agreement's and the grant ledger's. */
export const ALL_FUNCTIONS: readonly FunctionSpec[] = [
  ...FUNCTIONS,
  ...SENSITIVITY_FUNCTIONS,
  SCENARIO_FUNCTION,
  ...GRANT_FUNCTIONS,
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(
  ALL_FUNCTIONS.map((f) => [f.name, f])
);
