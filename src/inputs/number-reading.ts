import { Cell, CommaReading, showCell, showCellSv } from "./cells";

/*
 * One reading of the comma per column of figures. "2,377,081" can only group thousands and
 * "1234,5" can only be a decimal comma, but "383,713" can be either (383 713 or 383.713).
 * Reading each cell on its own gave a silent wrong number when a file mixed them; instead the
 * whole column decides, and any figure that does not fit the column's reading is refused.
 */

type Kind = "decimal" | "thousands" | "point" | "ambiguous" | "plain";

/** How one cell writes its figure. */
function kindOf(cell: Cell): Kind {
  if (typeof cell !== "string") return "plain";
  const t = cell
    .trim()
    .replace(/[ \u00a0\u202f]/g, "")
    .replace(/^[-\u2212]/, "");
  if (/^\d{1,3},\d{3}$/.test(t)) return "ambiguous";
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return "thousands";
  if (/^\d+,\d+$/.test(t)) return "decimal";
  if (/^\d+\.\d+$/.test(t)) return "point";
  return "plain";
}

/** A refused figure: its index among the column's cells and the message. */
export interface ReadingFault {
  index: number;
  message: string;
  sv: string;
}

export interface ColumnReading {
  reading: CommaReading;
  faults: ReadingFault[];
}

/**
 * The comma reading of a column of figures (`cells` in row order), and the figures that do not
 * fit it. `where(i)` names cell i's row for a message ("line 4", "row 4", "C7").
 * Decimal-comma evidence ("1234,5") against thousands evidence ("1,234,567", or a decimal point,
 * which leaves the comma only thousands to mean): the larger side decides (a tie: the Swedish
 * decimal comma) and each figure of the other side is refused. An ambiguous "383,713" takes the
 * decided reading, and is refused when nothing in the column decides.
 */
export function readColumn(
  cells: Cell[],
  where: (index: number) => { en: string; sv: string }
): ColumnReading {
  const kinds = cells.map(kindOf);
  const decimal = kinds.flatMap((k, i) => (k === "decimal" ? [i] : []));
  const thousands = kinds.flatMap((k, i) => (k === "thousands" || k === "point" ? [i] : []));
  const ambiguous = kinds.flatMap((k, i) => (k === "ambiguous" ? [i] : []));
  const faults: ReadingFault[] = [];
  if (decimal.length === 0 && thousands.length === 0) {
    for (const i of ambiguous) {
      const c = cells[i];
      faults.push({
        index: i,
        message: `${showCell(c)} could be a whole number with a thousands comma or a decimal comma, and no other figure in the column shows which; write it without the comma (or with a space: 383 713), or with more decimals (383,7130)`,
        sv: `${showCellSv(c)} kan vara ett heltal med tusentalskomma eller ett tal med decimalkomma, och inget annat tal i kolumnen visar vilket; skriv det utan komma (eller med mellanslag: 383 713) eller med fler decimaler (383,7130)`,
      });
    }
    return { reading: "decimal-comma", faults };
  }
  const reading: CommaReading =
    thousands.length > decimal.length ? "thousands-comma" : "decimal-comma";
  const [minority, majority] =
    reading === "decimal-comma" ? [thousands, decimal] : [decimal, thousands];
  const example = cells[majority[0]!];
  const at = where(majority[0]!);
  for (const i of minority) {
    const c = cells[i];
    faults.push(
      reading === "decimal-comma"
        ? {
            index: i,
            message: `${showCell(c)} writes its figure in the English way (a comma for thousands or a decimal point), but this column uses a decimal comma (${at.en}: ${showCell(example)}); write every figure of a column the same way`,
            sv: `${showCellSv(c)} skriver talet på engelskt sätt (komma för tusental eller decimalpunkt), men kolumnen använder decimalkomma (${at.sv}: ${showCellSv(example)}); skriv alla tal i en kolumn på samma sätt`,
          }
        : {
            index: i,
            message: `${showCell(c)} has a decimal comma, but this column uses the comma for thousands (${at.en}: ${showCell(example)}); write every figure of a column the same way`,
            sv: `${showCellSv(c)} har decimalkomma, men kolumnen använder kommatecknet för tusental (${at.sv}: ${showCellSv(example)}); skriv alla tal i en kolumn på samma sätt`,
          }
    );
  }
  return { reading, faults };
}
