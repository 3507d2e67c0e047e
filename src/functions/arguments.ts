import { NON_FULFILMENT_RULES, NonFulfilmentRule } from "../agreements/model";
import { Decimal } from "../core/decimal";
import { Message, message } from "../core/messages";
import {
  ComputeOptions,
  ContactCounts,
  PopulationKey,
  REDISTRIBUTION_KEYS,
  RedistributionKey,
} from "../engine/inputs";
import { Method, methodOf } from "../engine/methods";
import { Region, closestRegionNames, findRegion } from "../engine/regions";
import { LIMITS } from "../inputs/limits";
import { readColumn } from "../inputs/number-reading";
import {
  Cell,
  CommaReading,
  Parsed,
  isBlank,
  parseCount,
  parseNumber,
  parseWeight,
  parseYesNo,
  shown,
} from "../inputs/cells";
import {
  REGION_SET,
  Recipient,
  RecipientRows,
  RecipientSet,
  Report,
  figure,
  readFigure,
} from "../inputs/region-rows";
import { FunctionFailure, Grid, badArgument, badValue } from "./values";

/*
 * Turning spreadsheet arguments into engine inputs. Every message names the argument and, for a
 * range, the row within it (1 = the range's first row), e.g. `key, row 4: "tolv" is not a number`,
 * and in Swedish `nyckel, rad 4: "tolv" är inte ett tal`: the `argument` code around the problem.
 * A range of one figure per region is read by region-rows.ts, as the input tables are.
 */

/** A problem at a place in a range: its row and column within the range, 1-based. */
interface RangeProblem {
  row?: number;
  column?: number;
  problem: Message;
}

/** Every problem of a range as one #VALUE!, each naming the argument (and row). */
function failIfAny(name: string, problems: RangeProblem[]): void {
  if (problems.length === 0) return;
  // At most LISTED problems in one cell's message; the rest are counted.
  const items = problems.slice(0, LISTED).map((p) => message("argument", { name, ...p }));
  if (problems.length > LISTED)
    items.push(message("function.more-problems", { count: problems.length - LISTED }));
  throw new FunctionFailure("value", items.length === 1 ? items[0]! : message("list", { items }));
}

/** The most problems one cell's message lists. */
const LISTED = 10;

/** A range of regions larger than any table may be (LIMITS) is refused before it is read. */
function refuseLargeRange(grid: Grid, name: string): number {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  if (grid.length > LIMITS.rows || width > LIMITS.columns)
    badArgument(
      name,
      message("function.range-too-large", {
        rows: grid.length,
        columns: width,
        rowLimit: LIMITS.rows,
        columnLimit: LIMITS.columns,
      })
    );
  return width;
}

function emptyArg(name: string): never {
  return badValue("function.empty", { name });
}

export function textArg(value: Cell, name: string): string {
  if (isBlank(value)) emptyArg(name);
  return String(value).trim();
}

export function optionalText(value: Cell): string | null {
  return isBlank(value) ? null : String(value).trim();
}

export function numberArg(value: Cell, name: string): Decimal {
  const n = parseNumber(value);
  if (!n.ok) badArgument(name, n.problem);
  return n.value;
}

export function regionArg(value: Cell, name = "region"): Region {
  if (isBlank(value)) emptyArg(name);
  const region = findRegion(typeof value === "number" ? value : String(value));
  if (!region) {
    const text = String(value);
    badArgument(name, message("region.unknown", { text, closest: closestRegionNames(text) }));
  }
  return region;
}

/** A member of an agreement's recipient set (a region, a municipality) by code, name or short name. */
export function memberArg(value: Cell, recipients: RecipientSet, name = "region"): Recipient {
  if (recipients === REGION_SET) return regionArg(value, name);
  if (isBlank(value)) emptyArg(name);
  const member = recipients.find(typeof value === "number" ? value : String(value));
  if (!member) {
    const text = String(value);
    badArgument(name, message("region.unknown", { text, closest: recipients.closest(text) }));
  }
  return member;
}

/** A range as a grid; a single value becomes a 1 × 1 grid. */
export function gridArg(value: Cell | Grid): Grid {
  return Array.isArray(value) ? value : [[value]];
}

/**
 * One figure per recipient (default: the 21 regions) from a range, in one of two layouts:
 * - one column (or row) of figures in the set's order (county-code order, Stockholm 01 …
 *   Norrbotten 25), as the add-in's own sheets lay them out;
 * - two or more columns: a recipient (name, short name or code) in the first column and the
 *   figure in the last, any order.
 * A first row of headings (text where the figures are) is skipped. Recipients and blank cells
 * follow region-rows.ts, as the input tables do.
 */
export function perRegionArg<T>(
  value: Cell | Grid,
  name: string,
  parse: (cell: Cell, reading?: CommaReading) => Parsed<T>,
  recipients: RecipientSet = REGION_SET,
  /** `skip`: a blank figure is left out (not reported yet), not a problem. */
  blanks: "problem" | "skip" = "problem"
): Record<string, T> {
  let grid = gridArg(value);
  refuseLargeRange(grid, name);
  const names = (cell: Cell) =>
    !isBlank(cell) && recipients.find(typeof cell === "number" ? cell : String(cell));
  if (grid.length === 1 && (grid[0]?.length ?? 0) > 1 && !names(grid[0]![0]))
    grid = grid[0]!.map((c) => [c]);
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const lastColumn = (row: Cell[]) => row[row.length - 1];
  const head = grid[0] ?? [];
  const first =
    typeof lastColumn(head) === "string" &&
    !parseNumber(lastColumn(head)).ok &&
    (width === 1 || !names(head[0]))
      ? 1
      : 0;

  const out: Record<string, T> = {};
  const problems: RangeProblem[] = [];
  // One comma reading for the whole range of figures (number-reading.ts); a misfit is refused.
  const figureCells = grid.slice(first).map((row) => (width === 1 ? row[0] : lastColumn(row)));
  const decided = readColumn(figureCells, (i) => ({ row: i + first + 1 }));
  const misfits = new Map(decided.faults.map((f) => [f.index + first + 1, f.problem]));
  const figureAt = (row: number, cell: Cell, code: string) => {
    const misfit = misfits.get(row);
    const read: ReturnType<typeof readFigure<T>> = misfit
      ? { ok: false, problem: misfit }
      : readFigure(cell, (c) => parse(c, decided.reading));
    if (read.ok) out[code] = read.value;
    else if ("problem" in read) problems.push({ row, problem: read.problem });
    else if (blanks === "problem") problems.push({ row, problem: message("cell.blank", {}) });
  };
  const members = recipients.members;
  if (width === 1) {
    const rows = grid.slice(first);
    if (rows.length !== members.length) {
      const [a, z] = [members[0]!, members[members.length - 1]!];
      const count = {
        expected: members.length,
        got: rows.length,
        first: a.short ?? a.name,
        last: z.short ?? z.name,
      };
      badArgument(name, message("region.count", count));
    }
    rows.forEach((row, i) => figureAt(i + first + 1, row[0], members[i]!.code));
  } else {
    const report: Report = (row, _column, problem) => problems.push({ row, problem });
    const reader = new RecipientRows(recipients, report, (row) => ({ row }));
    grid.slice(first).forEach((row, i) => {
      const rowNo = i + first + 1;
      if (row.every(isBlank)) return;
      const r = reader.recipient(rowNo, [{ column: 0, header: "1", cell: row[0] }]);
      if (r) figureAt(rowNo, lastColumn(row), r.code);
    });
    if (problems.length === 0) reader.reportMissing(0, undefined);
  }
  failIfAny(
    name,
    problems.map((p) => (p.row === 0 ? { problem: p.problem } : p))
  );
  return out;
}

/** A key range (population or any other weight), labelled as coming from the sheet; whole figures stay numbers. */
export function keyArg(
  value: Cell | Grid,
  name = "key",
  recipients: RecipientSet = REGION_SET
): PopulationKey {
  const decimals = perRegionArg(value, name, parseWeight, recipients);
  if (Object.values(decimals).every((d) => d.isZero()))
    badArgument(name, message("function.all-zero", {}));
  const figures = Object.fromEntries(
    Object.entries(decimals).map(([code, d]) => [code, figure(d)])
  );
  return { figures, date: null, source: `the ${name} range` };
}

/**
 * Counts of a unit column (contacts, or another per-unit post's units); a blank count is "not
 * reported yet" (counts come in one member at a time): its member is listed in `notReported`,
 * which compute() treats as taking its whole cap.
 */
export function contactsArg(
  value: Cell | Grid,
  name = "contacts",
  recipients: RecipientSet = REGION_SET
): ContactCounts {
  const counts = perRegionArg(value, name, parseCount, recipients, "skip");
  const contacts = Object.fromEntries(Object.entries(counts).map(([code, d]) => [code, figure(d)]));
  const notReported = recipients.members.filter((m) => !(m.code in counts)).map((m) => m.code);
  return notReported.length ? { contacts, notReported } : { contacts };
}

/**
 * Fulfilment flags: a first row of post ids (v1, v2, v3, v3-contacts, v4), then one row per region:
 * 21 rows in county-code order, or with the region in a first column. Posts without a column
 * count as fulfilled by all (the agreement's default); a blank flag is a problem, as in the
 * input tables.
 */
export function fulfilmentArg(
  value: Cell | Grid,
  regionalPosts: readonly string[],
  name = "fulfilment",
  recipients: RecipientSet = REGION_SET,
  /** Post titles (lower case) a column may be headed by instead of the id, as the add-in's sheets do. */
  titles: ReadonlyMap<string, string> = new Map()
): Record<string, Record<string, boolean>> {
  const grid = gridArg(value);
  refuseLargeRange(grid, name);
  const header = (grid[0] ?? []).map((c) => {
    const text = isBlank(c) ? "" : String(c).trim().toLowerCase();
    return titles.get(text) ?? text;
  });
  const hasRegionColumn =
    header[0] === "" ||
    ["region", "kod", "code", "län", "lan"].includes(header[0]!) ||
    !regionalPosts.includes(header[0]!);
  const postColumns = header
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => !(hasRegionColumn && i === 0));
  const problems: RangeProblem[] = [];
  const ids = [...regionalPosts];
  for (const { h, i } of postColumns)
    if (!regionalPosts.includes(h))
      problems.push({
        row: 1,
        column: i + 1,
        problem: message("function.not-regional-post", { header: h, ids }),
      });
  failIfAny(name, problems);
  const rows = grid.slice(1);
  const members = recipients.members;
  if (!hasRegionColumn && rows.length !== members.length)
    badArgument(
      name,
      message("function.fulfilment-count", { expected: members.length, got: rows.length })
    );
  const out: Record<string, Record<string, boolean>> = {};
  const report: Report = (row, _column, problem) => problems.push({ row, problem });
  const reader = new RecipientRows(recipients, report, (row) => ({ row }));
  rows.forEach((row, r) => {
    const rowNo = r + 2;
    let region: Recipient | undefined = members[r];
    if (hasRegionColumn) {
      if (row.every(isBlank)) return;
      region = reader.recipient(rowNo, [{ column: 0, header: "1", cell: row[0] }]);
      if (!region) return;
    }
    for (const { h, i } of postColumns) {
      // A blank flag is a problem, as in the input tables (region-rows.ts's one rule).
      const flag = readFigure(row[i], parseYesNo);
      if (flag.ok) (out[h] ??= {})[region!.code] = flag.value;
      else {
        const problem = "problem" in flag ? flag.problem : message("cell.blank", {});
        problems.push({ row: rowNo, column: i + 1, problem });
      }
    }
  });
  failIfAny(name, problems);
  return out;
}

const RULE_WORDS: Record<string, NonFulfilmentRule> = {
  lapse: "lapse",
  förfaller: "lapse",
  forfaller: "lapse",
  share: "share",
  dela: "share",
};
const REDISTRIBUTION_WORDS: Record<string, RedistributionKey> = {
  population: "population",
  befolkning: "population",
  "unpaid-contacts": "unpaid-contacts",
  "obetalda-kontakter": "unpaid-contacts",
};

/** What an options text decides beyond the rules: "högst" amounts and bodies' conditions. */
export interface Decisions {
  /** Per post id: the decided amount of a "högst" post (`v3-contacts=40000000`). */
  decided: Record<string, number>;
  /** Post ids whose body has not fulfilled the post's condition (`v4-skr=nej`). */
  notFulfilled: string[];
}

/**
 * Options as text: words separated by commas, semicolons or spaces. `lapse`/`förfaller` or
 * `share`/`dela` sets the non-fulfilment rule for every regional post, `v1=share` for one post;
 * `population`/`befolkning` or `unpaid-contacts`/`obetalda-kontakter` sets the contact redistribution.
 * A post may also be named by its title, as the add-in's sheets write it (`postByName`): then
 * the term stands alone between semicolons, since titles hold spaces and commas
 * (`befolkning; Villkor 4 …, SKR=nej`).
 */
export function optionsArg(
  value: Cell,
  postIds: readonly string[],
  name = "options",
  /** Where `post=amount` and `post=ja/nej` go; without it such a word is refused. */
  decisions?: Decisions,
  /** A post's id from its id or title; without it, posts are named by id only. */
  postByName?: (text: string) => string | undefined
): ComputeOptions {
  const options: ComputeOptions = {};
  if (isBlank(value)) return options;
  const perPost: Record<string, NonFulfilmentRule> = {};
  const postTerm = (post: string, right: string) => {
    if (!postIds.includes(post))
      badArgument(name, message("function.not-a-post", { post, ids: [...postIds] }));
    if (decisions && decide(decisions, post, right, name)) return;
    const rule = RULE_WORDS[right];
    if (!rule)
      badArgument(
        name,
        message("function.not-a-rule", { word: right, rules: [...NON_FULFILMENT_RULES] })
      );
    perPost[post] = rule;
  };
  const word = (w: string) => {
    const [left, right] = w.split("=");
    if (right !== undefined) postTerm(left!, right);
    else if (RULE_WORDS[w]) options.nonFulfilment = RULE_WORDS[w];
    else if (REDISTRIBUTION_WORDS[w]) options.redistribution = REDISTRIBUTION_WORDS[w];
    else if (methodOf(w)) options.method = methodOf(w);
    else
      badArgument(
        name,
        message("function.not-an-option", {
          word: w,
          rules: [...NON_FULFILMENT_RULES],
          keys: [...REDISTRIBUTION_KEYS],
        })
      );
  };
  for (const segment of String(value).split(";")) {
    const at = segment.lastIndexOf("=");
    const titled = at > 0 ? postByName?.(segment.slice(0, at)) : undefined;
    if (titled)
      postTerm(
        titled,
        segment
          .slice(at + 1)
          .trim()
          .toLowerCase()
      );
    else
      segment
        .toLowerCase()
        .split(/[,\s]+/)
        .filter(Boolean)
        .forEach(word);
  }
  if (Object.keys(perPost).length) {
    if (typeof options.nonFulfilment === "string") {
      const all = options.nonFulfilment;
      options.nonFulfilment = Object.fromEntries(postIds.map((id) => [id, perPost[id] ?? all]));
    } else options.nonFulfilment = perPost;
  }
  return options;
}

/** `post=40000000` (a decided amount) or `post=ja|nej` (a body's condition): true when it is one. */
function decide(decisions: Decisions, post: string, right: string, name: string): boolean {
  if (/^\d+$/.test(right)) {
    const amount = Number(right);
    if (!Number.isSafeInteger(amount))
      badArgument(name, message("function.not-a-decision", { post, value: right }));
    decisions.decided[post] = amount;
    return true;
  }
  const flag = parseYesNo(right);
  if (!flag.ok) return false;
  if (!flag.value) decisions.notFulfilled.push(post);
  return true;
}

export function redistributionArg(value: Cell, name = "redistribution"): RedistributionKey {
  if (isBlank(value)) return "population";
  const key = REDISTRIBUTION_WORDS[String(value).trim().toLowerCase()];
  if (!key)
    badArgument(
      name,
      message("function.not-a-redistribution", { ...shown(value), keys: [...REDISTRIBUTION_KEYS] })
    );
  return key;
}

/** An apportionment method by name, English or Swedish; blank: the largest remainder. */
export function methodArg(value: Cell, name = "method"): Method {
  if (isBlank(value)) return "hamilton";
  const method = methodOf(String(value));
  if (!method) badArgument(name, message("function.not-a-method", { value: String(value) }));
  return method;
}

/** A weights range for SJUK.ALLOCATE: every cell a non-negative number, ids by position. */
export function weightsArg(
  value: Cell | Grid,
  name = "weights"
): { id: string; weight: Decimal }[] {
  const grid = gridArg(value);
  const width = grid[0]?.length ?? 0;
  const problems: RangeProblem[] = [];
  const weights: { id: string; weight: Decimal }[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const p = readFigure(cell, parseWeight);
      const where =
        width === 1
          ? { row: r + 1 }
          : grid.length === 1
            ? { column: c + 1 }
            : { row: r + 1, column: c + 1 };
      if (!p.ok)
        problems.push({
          ...where,
          problem: "problem" in p ? p.problem : message("cell.blank", {}),
        });
      // Zero-padded positions, so the tie-break "then the recipient's code" follows the range's order.
      else weights.push({ id: String(r * width + c).padStart(8, "0"), weight: p.value });
    })
  );
  failIfAny(name, problems);
  return weights;
}
