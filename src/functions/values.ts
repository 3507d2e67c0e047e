import type { Language } from "../core/language";
import { Message, MessageCode, MessageParams, message, render } from "../core/messages";
import { Cell } from "../inputs/cells";

/**
 * A number a cell shows as per cent (a share: 0.1334 shows as 13,34 %). Each host gives it its
 * own per-cent type: HyperFormula's NUMBER_PERCENT, Excel's formatted number.
 */
export class Percent {
  constructor(readonly value: number) {}
}

/** A value as a spreadsheet hands it to a function, or as a function returns it. */
export type Scalar = string | number | boolean | null | Percent;
export type Grid = Cell[][];
export type FunctionValue = Scalar | Scalar[][];

/** The languages a cell's error message may be shown in. */
export type MessageLanguage = Language;

/**
 * A failure the user must see in the cell. Excel shows a message only with #VALUE! and #N/A,
 * so these are the only two kinds: `value` for bad input, `na` for something that does not exist.
 * It carries a message code and its parameters; the host renders it in the user's language
 * from the catalogues (src/core/messages), which hold every code in English and Swedish.
 */
export class FunctionFailure extends Error {
  constructor(
    readonly kind: "value" | "na",
    readonly problem: Message
  ) {
    super(render(problem, "en"));
    this.name = "FunctionFailure";
  }
}

/** #VALUE!: bad input. */
export function badValue<C extends MessageCode>(code: C, params: MessageParams[C]): never {
  throw new FunctionFailure("value", message(code, params));
}

/** #N/A: no such thing. */
export function notAvailable<C extends MessageCode>(code: C, params: MessageParams[C]): never {
  throw new FunctionFailure("na", message(code, params));
}

/** #VALUE! (or #N/A) naming an argument: "year: …", in Swedish "år: …". */
export function badArgument(name: string, problem: Message, kind: "value" | "na" = "value"): never {
  throw new FunctionFailure(kind, message("argument", { name, problem }));
}

/** An argument's name in a Swedish message (the catalogue's table). */
export { argumentName as svName } from "../core/messages/sv";
