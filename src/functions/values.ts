import { Cell } from "../inputs/cells";

/** A value as a spreadsheet hands it to a function, or as a function returns it. */
export type Scalar = string | number | boolean | null;
export type Grid = Cell[][];
export type FunctionValue = Scalar | Scalar[][];

/**
 * A failure the user must see in the cell. Excel shows a message only with #VALUE! and #N/A,
 * so these are the only two kinds: `value` for bad input, `na` for something that does not exist.
 */
export class FunctionFailure extends Error {
  constructor(
    readonly kind: "value" | "na",
    message: string
  ) {
    super(message);
    this.name = "FunctionFailure";
  }
}

export function badValue(message: string): never {
  throw new FunctionFailure("value", message);
}

export function notAvailable(message: string): never {
  throw new FunctionFailure("na", message);
}
