import { Cell } from "../inputs/cells";

/** A value as a spreadsheet hands it to a function, or as a function returns it. */
export type Scalar = string | number | boolean | null;
export type Grid = Cell[][];
export type FunctionValue = Scalar | Scalar[][];

/** The languages a cell's error message may be shown in (as the engine's ProblemLanguage). */
export type MessageLanguage = "sv" | "en";

/**
 * A failure the user must see in the cell. Excel shows a message only with #VALUE! and #N/A,
 * so these are the only two kinds: `value` for bad input, `na` for something that does not exist.
 * `message` is English (the CLI, logs); `sv` the same in Swedish, for a Swedish Excel or preview.
 * The Swedish text is a required parameter, so the compiler refuses a failure without one.
 */
export class FunctionFailure extends Error {
  constructor(
    readonly kind: "value" | "na",
    message: string,
    readonly sv: string
  ) {
    super(message);
    this.name = "FunctionFailure";
  }
}

export function badValue(message: string, sv: string): never {
  throw new FunctionFailure("value", message, sv);
}

export function notAvailable(message: string, sv: string): never {
  throw new FunctionFailure("na", message, sv);
}

/*
 * Argument names in Swedish messages are Swedish words (nyckel, uppfyllelse, …), not the English
 * parameter names. Chosen because the message is read as a Swedish sentence, and because the
 * functions' descriptions, which Excel shows beside each parameter, already name them in Swedish
 * ("Nyckeln: 21 tal …", "Uppfyllelse: …", "Alternativ, …"); the words map one to one, in the
 * parameters' order. Every Swedish message takes its argument names from this one table.
 */
const SWEDISH_NAMES: Record<string, string> = {
  region: "region",
  key: "nyckel",
  post: "post",
  fulfilment: "uppfyllelse",
  options: "alternativ",
  contacts: "kontakter",
  redistribution: "omfördelning",
  amount: "belopp",
  weights: "vikter",
  recipient: "mottagare",
  year: "år",
  requisitioned: "rekvirerat",
  spent: "förbrukat",
  confirmed: "bekräftat",
  item: "frist",
  as_of: "per_datum",
  done_on: "klart_den",
};

/** An argument's name in a Swedish message; a name not in the table (SJUK_Befolkning) as it is. */
export function svName(name: string): string {
  return SWEDISH_NAMES[name] ?? name;
}
