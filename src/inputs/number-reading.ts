import { Message, Place, message } from "../core/messages";
import { Cell, CommaReading, shown } from "./cells";

/*
 * One reading of the comma per column of figures. "2,377,081" can only group thousands and
 * "1234,5" can only be a decimal comma, but "383,713" can be either (383 713 or 383.713).
 * Reading each cell on its own gave a silent wrong number when a file mixed them; instead the
 * whole column decides, and any figure that does not fit the column's reading is refused.
 */

type Kind = "decimal" | "thousands" | "point" | "ambiguous" | "plain";
// Stryker disable next-line StringLiteral: "plain" is only ever told apart from the other kinds
const PLAIN: Kind = "plain";

/** How one cell writes its figure. */
function kindOf(cell: Cell): Kind {
  if (typeof cell !== "string") return PLAIN;
  const t = cell
    .trim()
    .replace(/[ \u00a0\u202f]/g, "")
    .replace(/^[-\u2212]/, "");
  if (/^\d{1,3},\d{3}$/.test(t)) return "ambiguous";
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return "thousands";
  if (/^\d+,\d+$/.test(t)) return "decimal";
  if (/^\d+\.\d+$/.test(t)) return "point";
  return PLAIN;
}

/** A refused figure: its index among the column's cells and what is wrong. */
export interface ReadingFault {
  index: number;
  problem: Message;
}

export interface ColumnReading {
  reading: CommaReading;
  faults: ReadingFault[];
}

/**
 * The comma reading of a column of figures (`cells` in row order), and the figures that do not
 * fit it. `placeOf(i)` names cell i's place for a message (a file's line, a sheet's cell, a
 * range's row). Decimal-comma evidence ("1234,5") against thousands evidence ("1,234,567", or a
 * decimal point, which leaves the comma only thousands to mean): the larger side decides (a tie:
 * the Swedish decimal comma) and each figure of the other side is refused. An ambiguous "383,713"
 * takes the decided reading, and is refused when nothing in the column decides.
 */
export function readColumn(cells: Cell[], placeOf: (index: number) => Place): ColumnReading {
  const kinds = cells.map(kindOf);
  const decimal = kinds.flatMap((k, i) => (k === "decimal" ? [i] : []));
  const thousands = kinds.flatMap((k, i) => (k === "thousands" || k === "point" ? [i] : []));
  const ambiguous = kinds.flatMap((k, i) => (k === "ambiguous" ? [i] : []));
  if (decimal.length === 0 && thousands.length === 0)
    return {
      reading: "decimal-comma",
      faults: ambiguous.map((index) => ({
        index,
        problem: message("figures.comma-ambiguous", shown(cells[index])),
      })),
    };
  const reading: CommaReading =
    thousands.length > decimal.length ? "thousands-comma" : "decimal-comma";
  const [minority, majority] =
    reading === "decimal-comma" ? [thousands, decimal] : [decimal, thousands];
  const at = placeOf(majority[0]!);
  const example = shown(cells[majority[0]!]);
  const code =
    reading === "decimal-comma"
      ? "figures.english-in-decimal-column"
      : "figures.decimal-in-english-column";
  return {
    reading,
    faults: minority.map((index) => ({
      index,
      problem: message(code, { ...shown(cells[index]), at, example }),
    })),
  };
}
