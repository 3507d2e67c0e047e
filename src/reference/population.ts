import data from "../../assets/data/population-scb.json";
import { PopulationKey } from "../engine/inputs";
import { SjukError } from "../core/errors";

/** Dates for which the project ships SCB's final per-region population. */
export const SHIPPED_POPULATION_DATES: readonly string[] = data.series.map((s) => s.date);
export const DEFAULT_SHIPPED_DATE = "2019-12-31";

/**
 * SCB's final population per region on a shipped date, labelled with that date and source.
 * These are never the agreement's 1 November 2019 key, and the key says so.
 */
export function shippedPopulationKey(date: string = DEFAULT_SHIPPED_DATE): PopulationKey {
  const series = data.series.find((s) => s.date === date);
  if (!series)
    throw new SjukError(
      `no shipped population for ${date}; shipped dates: ${SHIPPED_POPULATION_DATES.join(", ")}`
    );
  return {
    figures: { ...series.figures },
    date: series.date,
    source: `${data.source}, ${series.date}`,
  };
}

export const SHIPPED_POPULATION_SOURCE = data.source;

/** A key source as a Swedish sheet shows it: the shipped figures' source in Swedish, any other as given. */
export function sourceInLanguage(source: string, language: "sv" | "en"): string {
  return language === "sv" && source.startsWith(data.source)
    ? data.sourceSv + source.slice(data.source.length)
    : source;
}
export const SHIPPED_POPULATION_NOTE = data.note;
