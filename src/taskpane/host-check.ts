import type { Language } from "../core/language";
import { message, render } from "../core/messages";
import type { HostFeature } from "../core/messages/params";

/*
 * Honest about the host: at start-up the pane asks Office, with isSetSupported, for every
 * requirement set the add-in's code uses, and says in the user's language what will not work
 * on this Excel. A health check says whether the shared runtime and the SJUK functions are
 * there (on a Mac whose shared runtime fails to start, cells show #NAME? and _xldudf_SJUK_…).
 * The words are the catalogue's (host.* codes in src/core/messages).
 */

/** A requirement set the code uses, and what needs it. */
export interface Requirement {
  set: string;
  version: string;
  feature: HostFeature;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { set: "ExcelApi", version: "1.4", feature: "settings" },
  { set: "ExcelApi", version: "1.6", feature: "calculate" },
  { set: "ExcelApi", version: "1.7", feature: "events" },
  { set: "ExcelApi", version: "1.8", feature: "validation" },
  { set: "ExcelApi", version: "1.9", feature: "table-added" },
  { set: "ExcelApi", version: "1.13", feature: "table-resize" },
  { set: "CustomFunctionsRuntime", version: "1.2", feature: "function-errors" },
  { set: "SharedRuntime", version: "1.1", feature: "shared-runtime" },
];

/** What the checks need from Office; tests pass a mock. */
export interface OfficeLike {
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
  addin?: { setStartupBehavior?: unknown };
}

export interface HostReport {
  /** Requirements this Excel lacks, with what will not work. */
  missing: Requirement[];
  /** The shared runtime is running this page (Office.addin is there and SharedRuntime 1.1). */
  sharedRuntime: boolean;
  /** The SJUK custom functions are registered in this runtime. */
  functions: boolean;
}

/**
 * Asks Office for each requirement set; a host that cannot answer supports nothing we can rely
 * on. `nameErrors`: the add-in's result cells show #NAME? (Excel does not know the functions).
 */
export function checkHost(
  office: OfficeLike | undefined,
  customFunctions: unknown,
  nameErrors = false
): HostReport {
  const supported = (set: string, version: string): boolean => {
    try {
      return office?.context?.requirements?.isSetSupported(set, version) === true;
    } catch {
      return false;
    }
  };
  const missing = REQUIREMENTS.filter((r) => !supported(r.set, r.version));
  const sharedRuntime = Boolean(office?.addin) && supported("SharedRuntime", "1.1");
  const functions =
    !nameErrors &&
    typeof customFunctions === "object" &&
    customFunctions !== null &&
    typeof (customFunctions as { associate?: unknown }).associate === "function";
  return { missing, sharedRuntime, functions };
}

export type HostMessage = { intent: "warning" | "success" | "error"; text: string };

/** The lines the pane shows: each missing feature, then the health check. */
export function hostMessages(report: HostReport, lang: Language): HostMessage[] {
  const out: HostMessage[] = report.missing.map((r) => ({
    intent: "warning",
    text: render(message("host.missing-set", { ...r }), lang),
  }));
  const healthy = report.sharedRuntime && report.functions;
  out.push({
    intent: healthy ? "success" : "error",
    text: render(
      healthy
        ? message("host.healthy", {})
        : message("host.unhealthy", { runtime: report.sharedRuntime, functions: report.functions }),
      lang
    ),
  });
  return out;
}

/** True when any cell of the given values is Excel's #NAME? (in any display language). */
export function hasNameErrors(values: unknown[][]): boolean {
  return values.some((row) => row.some((v) => v === "#NAME?" || v === "#NAMN?"));
}
