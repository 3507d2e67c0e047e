import { RECIPIENTS, Recipient, RECIPIENT_NAMES } from "../agreements";
import { agreement, postIds, regionalPosts } from "./agreement";
import { allocate } from "../engine/allocate";
import { Decimal } from "../core/decimal";
import type { ComputeInputs, ComputeOptions } from "../engine/inputs";
import { toExcelSerial } from "../engine/calendar";
import { Cell } from "../inputs/cells";
import { REGIONS } from "../engine/regions";
import {
  contactsArg,
  fulfilmentArg,
  keyArg,
  methodArg,
  numberArg,
  optionalText,
  optionsArg,
  redistributionArg,
  regionArg,
  textArg,
  weightsArg,
} from "./arguments";
import { EXPLAIN_COLUMNS, EXPLAIN_ROWS, explainRows } from "./explain";
import { GRANT_FUNCTIONS } from "./grant-catalog";
import { SENSITIVITY_FUNCTIONS } from "./sensitivity";
import { LruCache } from "./cache";
import {
  ScenarioPayments,
  paymentsCache,
  pendingContacts,
  scenario,
  scenarioCache,
  scenarioPayments,
  SCENARIOS_KEPT,
} from "./scenario";
import { Argument, FunctionSpec, HostContext, POPULATION_TABLE } from "./spec";
import { Scalar, badArgument, badValue, notAvailable } from "./values";
import { ContactStatus, Table1Difference, message, render } from "../core/messages";

const contactsPost = agreement.posts.find((p) => p.key.type === "per-unit")!;

export { EXPLAIN_COLUMNS, EXPLAIN_ROWS } from "./explain";

function postArg(value: Argument, name = "post") {
  const id = textArg(value as Cell, name).toLowerCase();
  const post = agreement.posts.find((p) => p.id === id);
  if (!post)
    badArgument(
      name,
      message("function.unknown-post", { post: id, agreement: "2020", ids: postIds }),
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

function regionalPostArg(value: Argument) {
  const post = postArg(value);
  if (post.recipient !== "regions")
    badArgument(
      "post",
      message("function.not-regional", {
        post: post.id,
        // English: the recipient's id, as the functions take it (SKR, government); Swedish: its name.
        recipient: {
          en: post.recipient,
          sv: RECIPIENT_NAMES[post.recipient]?.sv ?? post.recipient,
        },
      })
    );
  return post;
}

function recipientArg(value: Argument): Recipient | null {
  const text = optionalText(value as Cell);
  if (text === null) return null;
  const t = text.toLowerCase();
  const aliases: Record<string, Recipient> = {
    regionerna: "regions",
    region: "regions",
    fk: "Försäkringskassan",
    regeringen: "government",
    uppföljning: "government",
    followup: "government",
    "follow-up": "government",
  };
  const found = RECIPIENTS.find((r) => r.toLowerCase() === t) ?? aliases[t];
  if (!found)
    badArgument(
      "recipient",
      message("function.unknown-recipient", { text, recipients: [...RECIPIENTS] }),
      "na"
    );
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
 * recalculation costs.
 */
const paymentsByArguments = new LruCache<ScenarioPayments>(SCENARIOS_KEPT);

/** Forgets every cached scenario (tests use it so that each host computes for itself). */
export function clearScenarioCaches(): void {
  paymentsByArguments.clear();
  paymentsCache.clear();
  scenarioCache.clear();
}

function paymentsOf(
  key: { key: Argument; name: string },
  fulfilment: Argument,
  contacts: Argument,
  options: { raw: Argument; parse: (raw: Argument) => ComputeOptions }
): ScenarioPayments {
  const id = JSON.stringify([
    key.name,
    key.key,
    fulfilment,
    contacts,
    options.parse.name,
    options.raw,
  ]);
  return paymentsByArguments.getOrCompute(id, () =>
    scenarioPayments(
      inputsFrom(keyArg(key.key, key.name), fulfilment, contacts),
      options.parse(options.raw)
    )
  );
}

const computeOptions = (raw: Argument) => optionsArg(raw as Cell, postIds);
const redistributionOnly = (raw: Argument): ComputeOptions => ({
  redistribution: redistributionArg(raw as Cell),
});

function inputsFrom(
  key: ComputeInputs["key"],
  fulfilment: Argument,
  contacts: Argument
): ComputeInputs {
  const inputs: ComputeInputs = { key };
  if (!isEmptyArg(fulfilment)) inputs.fulfilment = fulfilmentArg(fulfilment, regionalPosts);
  if (!isEmptyArg(contacts)) inputs.contacts = contactsArg(contacts);
  return inputs;
}

function isEmptyArg(value: Argument): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** What differs from the agreement's Table 1, in English and in Swedish. */
function table1Differences(result: ScenarioPayments): Table1Difference[] {
  const paid = new Map(result.byRecipient.map((r) => [r.recipient, r.amount]));
  const out: Table1Difference[] = [];
  for (const [recipient, stated] of Object.entries(agreement.table1 ?? {})) {
    const got = paid.get(recipient as Recipient) ?? 0;
    const names = RECIPIENT_NAMES[recipient] ?? { en: recipient, sv: recipient };
    if (got !== stated) out.push({ recipient: names, got, stated });
  }
  if (result.total !== agreement.total)
    out.push({ recipient: null, got: result.total, stated: agreement.total });
  return out;
}

function pad(rows: Scalar[][], height: number, width: number): Scalar[][] {
  const out = rows.slice(0, height).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
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
    ],
    run: ([region, key, post, fulfilment, options], host) => {
      const r = regionArg(region as Cell);
      const result = paymentsOf(keyOrTable(key!, host), fulfilment!, null, {
        raw: options!,
        parse: computeOptions,
      });
      if (isEmptyArg(post!)) return result.byRegion.get(r.code)!;
      return result.byPost.get(regionalPostArg(post!).id)!.get(r.code)!;
    },
  },
  {
    // The whole block in one call: a region per row (county-code order), a regional post per
    // column (the one post asked for, or all of them). One parse and one cache look-up per
    // scenario instead of one per cell.
    name: "SHARES",
    parameters: [
      { name: "key", kind: "range" },
      { name: "post", kind: "scalar", optional: true },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
    ],
    resultSize: ([, post]) => [REGIONS.length, post ? 1 : regionalPosts.length],
    run: ([key, post, fulfilment, contacts, options], host) => {
      const result = paymentsOf({ key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: options!,
        parse: computeOptions,
      });
      const posts = isEmptyArg(post!) ? regionalPosts : [regionalPostArg(post!).id];
      const pending = statusLabel("not-reported", host);
      return REGIONS.map((r) =>
        posts.map((id) =>
          id === contactsPost.id && result.notReported.has(r.code)
            ? pending
            : result.byPost.get(id)!.get(r.code)!
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
    resultSize: ([, weights]) => weights ?? [1, 1],
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
    parameters: [{ name: "post", kind: "scalar" }],
    run: ([post]) => postArg(post!).amount,
  },
  {
    name: "TOTAL",
    parameters: [{ name: "recipient", kind: "scalar", optional: true }],
    run: ([recipient]) => {
      const r = recipientArg(recipient!);
      return agreement.posts
        .filter((p) => r === null || p.recipient === r)
        .reduce((s, p) => s.plus(p.amount), new Decimal(0))
        .toNumber();
    },
  },
  {
    name: "PAYDATE",
    parameters: [{ name: "post", kind: "scalar" }],
    returnsDate: true,
    run: ([post]) => {
      const p = postArg(post!);
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
      { name: "part", kind: "scalar", optional: true },
    ],
    run: ([region, key, contacts, redistribution, fulfilment, part], host) => {
      const r = regionArg(region as Cell);
      const which = contactsPartArg(part!);
      const result = paymentsOf({ key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: redistribution!,
        parse: redistributionOnly,
      });
      const pending = result.notReported.has(r.code);
      if (which === "paid")
        return pending
          ? statusLabel("not-reported", host)
          : result.byPost.get(contactsPost.id)!.get(r.code)!;
      // The cap, the status and what redistribution moved: the engine's audit of the post.
      const inputs = inputsFrom(keyArg(key!), fulfilment!, contacts!);
      const full = scenario(inputs, redistributionOnly(redistribution!));
      const money = full.posts.find((p) => p.post.id === contactsPost.id)!.contacts!;
      const cap = money.caps.lines.find((l) => l.id === r.code)!.amount;
      if (which === "cap") return cap;
      const fulfils = inputs.fulfilment?.[contactsPost.id]?.[r.code] !== false;
      if (which === "moved")
        return pending ? statusLabel("not-reported", host) : money.paid[r.code]! - cap;
      const earned = money.earned[r.code];
      return statusLabel(
        !fulfils
          ? "not-fulfilled"
          : pending || earned === undefined
            ? "not-reported"
            : earned > cap
              ? "over"
              : earned < cap
                ? "under"
                : "at",
        host
      );
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
    ],
    resultSize: () => [EXPLAIN_ROWS, EXPLAIN_COLUMNS],
    run: ([region, post, key, fulfilment, contacts, options], host) => {
      const r = regionArg(region as Cell);
      const p = regionalPostArg(post!);
      const inputs = inputsFrom(keyArg(key!), fulfilment!, contacts!);
      if (p.id === contactsPost.id && pendingContacts(inputs).has(r.code))
        notAvailable("contacts.not-reported", {
          post: p.id,
          names: [r.name],
          count: 1,
          total: REGIONS.length,
        });
      const result = scenario(inputs, optionsArg(options as Cell, postIds));
      return pad(
        explainRows(
          r,
          result.posts.find((x) => x.post.id === p.id)!,
          result,
          host.language ?? "en"
        ),
        EXPLAIN_ROWS,
        EXPLAIN_COLUMNS
      );
    },
  },
  {
    name: "CHECK",
    parameters: [
      { name: "key", kind: "range" },
      { name: "fulfilment", kind: "range", optional: true },
      { name: "contacts", kind: "range", optional: true },
      { name: "options", kind: "scalar", optional: true },
    ],
    run: ([key, fulfilment, contacts, options]) => {
      const result = paymentsOf({ key: key!, name: "key" }, fulfilment!, contacts!, {
        raw: options!,
        parse: computeOptions,
      });
      if (result.notReported.size)
        notAvailable("function.contacts-not-reported", {
          names: REGIONS.filter((r) => result.notReported.has(r.code)).map((r) => r.name),
        });
      const differences = table1Differences(result);
      if (differences.length) badValue("function.table1-differs", { differences });
      return true;
    },
  },
];

/** Every SJUK function: the 2020 agreement's and the grant ledger's. */
export const ALL_FUNCTIONS: readonly FunctionSpec[] = [
  ...FUNCTIONS,
  ...SENSITIVITY_FUNCTIONS,
  ...GRANT_FUNCTIONS,
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(
  ALL_FUNCTIONS.map((f) => [f.name, f])
);
