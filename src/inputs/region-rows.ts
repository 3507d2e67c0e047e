import { Decimal } from "../core/decimal";
import { Message, Place, message } from "../core/messages";
import type { RecipientSet } from "../engine/recipients";
import type { Region } from "../engine/regions";
import { Cell, Parsed, isBlank, shown } from "./cells";

/*
 * The one reader of rows that name a recipient, shared by the input tables (CSV files and the
 * add-in's sheets, region-table.ts) and the functions' ranges (functions/arguments.ts). Each
 * caller says where a row is; the rules and the problems (message codes) are the same:
 *
 * - a row whose cells are all blank is skipped;
 * - a blank recipient cell in any other row is a problem (`region.blank`);
 * - a recipient named twice, or not at all, is a problem; a name that is none lists the closest;
 * - a blank figure is a problem, unless its column is optional (then it is not given);
 * - a whole figure stays a plain number (see `figure`).
 */

/** A member of a recipient set (a region, a municipality …). */
export type Recipient = Region;
// The one recipient-set type (engine/recipients.ts): an agreement's Recipients is one.
export { REGION_SET, type RecipientSet } from "../engine/recipients";

/**
 * A figure as the engine takes it: a plain number when it is a safe whole number (the engine's
 * integer path, no Decimal on the way), else the exact Decimal.
 */
export type Figure = number | Decimal;

export function figure(d: Decimal): Figure {
  if (!d.isInteger()) return d;
  const n = d.toNumber();
  return Number.isSafeInteger(n) && !Object.is(n, -0) ? n : d;
}

/** A figure cell under the blank rule: blank is `{ blank: true }` for the caller to report or skip. */
export function readFigure<T>(
  cell: Cell,
  parse: (cell: Cell) => Parsed<T>
): Parsed<T> | { ok: false; blank: true } {
  return isBlank(cell) ? { ok: false, blank: true } : parse(cell);
}

/** Reports a problem at a row (and column) of the rows being read; `sortRow` orders it elsewhere. */
export type Report = (
  row: number,
  column: number | undefined,
  problem: Message,
  sortRow?: number
) => void;

/** A recipient cell of a row, with its column's index and header. */
export interface RecipientCell {
  column: number;
  header: string;
  cell: Cell;
}

/** Reads the recipient of each row, once each, and reports who has no row. */
export class RecipientRows {
  private readonly seen = new Map<string, number>();
  /** Who a faulty row may have meant: a missing row for one of them is that fault, not another. */
  private readonly guesses = new Set<string>();

  constructor(
    readonly recipients: RecipientSet,
    private readonly report: Report,
    /** Where an earlier row is, for "already on line 11". */
    private readonly placeOf: (row: number) => Place
  ) {}

  /** The recipient a row names; with several recipient cells (a name and a code) they must agree. */
  recipient(row: number, cells: readonly RecipientCell[]): Recipient | undefined {
    let found: { recipient: Recipient; at: RecipientCell } | undefined;
    let faulty = false;
    for (const at of cells) {
      if (isBlank(at.cell)) continue;
      const r = this.recipients.find(typeof at.cell === "number" ? at.cell : String(at.cell));
      if (!r) {
        const text = String(at.cell).trim();
        this.report(
          row,
          at.column,
          message("region.unknown", { text, closest: this.recipients.closest(text) })
        );
        this.guesses.add(this.recipients.closest(text, 1)[0]!);
        faulty = true;
      } else if (found && found.recipient.code !== r.code) {
        const other = found.recipient.name;
        this.report(
          row,
          at.column,
          message("region.disagree", {
            ...shown(at.cell),
            name: r.name,
            column: found.at.header,
            other,
          })
        );
        this.guesses.add(r.name).add(other);
        faulty = true;
      } else if (!found) found = { recipient: r, at };
    }
    if (!found && !faulty) this.report(row, cells[0]?.column, message("region.blank", {}));
    if (faulty || !found) return undefined;
    const first = this.seen.get(found.recipient.code);
    if (first !== undefined) {
      const at = this.placeOf(first);
      this.report(
        row,
        cells[0]!.column, // found: a cell named the recipient
        message("region.repeated", { name: found.recipient.name, at })
      );
      return undefined;
    }
    this.seen.set(found.recipient.code, row);
    return found.recipient;
  }

  /** A problem for every member without a row (at `row`, `column`; ordered by `sortRow`). */
  reportMissing(row: number, column: number | undefined, sortRow = Number.MAX_SAFE_INTEGER): void {
    const count = this.recipients.members.length;
    for (const r of this.recipients.members)
      if (!this.seen.has(r.code) && !this.guesses.has(r.name))
        this.report(
          row,
          column,
          message("region.missing", { name: r.name, code: r.code, count }),
          sortRow
        );
  }
}
