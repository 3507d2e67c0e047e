/** The two languages everything a user reads is written in: sheets, task pane, messages. */
export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages. */
export type Texts = Record<Language, string>;

/**
 * The language for a host's display language: "sv-SE", "sv" → sv; anything else (or nothing) → en.
 * One rule for Office's display language, the preview's switch and HyperFormula's option, so the
 * pane, the sheets and the cells' messages always agree.
 */
export function languageFor(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("sv") ? "sv" : "en";
}
