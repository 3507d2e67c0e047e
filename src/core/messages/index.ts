import type { Language } from "../language";
import { en } from "./en";
import type { Catalogue, Message, MessageCode, MessageParams } from "./params";
import { sv } from "./sv";

/*
 * One message catalogue per language, as HyperFormula's i18n/languages: a problem or a note
 * carries a code and its parameters (params.ts); `render` turns it into text in a language.
 * No code anywhere reads a message's words back: compare codes and parameters instead.
 */

export type {
  Catalogue,
  ConfirmAt,
  ContactStatus,
  ExplainNote,
  ExplainStep,
  Message,
  MessageCode,
  MessageParams,
  Place,
  Shown,
  Table1Difference,
  TableValue,
} from "./params";

export const CATALOGUES: Record<Language, Catalogue> = { en, sv };

/** A message (code + parameters) in a language. */
export function render(message: Message, lang: Language = "en"): string {
  const text = CATALOGUES[lang][message.code] as
    undefined | ((params: MessageParams[MessageCode], nested: (m: Message) => string) => string);
  // Only a message made around the compiler's checks (from untyped data) can get here.
  if (!text) throw new Error(`unknown message code ${JSON.stringify(message.code)}`);
  return text(message.params, (m) => render(m, lang));
}

/** Makes a message; the compiler checks the parameters against the code. */
export function message<C extends MessageCode>(code: C, params: MessageParams[C]): Message {
  return { code, params } as Message;
}
