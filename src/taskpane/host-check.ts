import type { Problem } from "../engine/errors";

/*
 * Honest about the host: at start-up the pane asks Office, with isSetSupported, for every
 * requirement set the add-in's code uses, and says in the user's language what will not work
 * on this Excel. A health check says whether the shared runtime and the SJUK functions are
 * there (on a Mac whose shared runtime fails to start, cells show #NAME? and _xldudf_SJUK_…).
 * Messages: Problem {message, sv}, all in this one place.
 */

/** A requirement set the code uses, and what needs it. */
export interface Requirement {
  set: string;
  version: string;
  needs: Problem;
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: "ExcelApi",
    version: "1.4",
    needs: {
      message: "the add-in's settings and its sheets' tables (all of the task pane)",
      sv: "tilläggets inställningar och bladens tabeller (hela åtgärdsfönstret)",
    },
  },
  {
    set: "ExcelApi",
    version: "1.6",
    needs: {
      message:
        "recalculating =SJUK.SHARE(region) cells when the population table changes (Range.calculate)",
      sv: "omräkning av =SJUK.SHARE(region) när befolkningstabellen ändras (Range.calculate)",
    },
  },
  {
    set: "ExcelApi",
    version: "1.7",
    needs: {
      message:
        "following edits in the sheets (worksheet and table onChanged) and frozen header rows",
      sv: "att följa ändringar i bladen (onChanged för blad och tabeller) och låsta rubrikrader",
    },
  },
  {
    set: "ExcelApi",
    version: "1.8",
    needs: {
      message:
        "the ja/nej drop-downs (data validation) and following recalculations (onCalculated)",
      sv: "rullistorna ja/nej (dataverifiering) och att följa omräkningar (onCalculated)",
    },
  },
  {
    set: "ExcelApi",
    version: "1.9",
    needs: {
      message: "noticing that Infoga bladen recreated the population table (tables.onAdded)",
      sv: "att märka att Infoga bladen skapat om befolkningstabellen (tables.onAdded)",
    },
  },
  {
    set: "ExcelApi",
    version: "1.13",
    needs: {
      message: "resizing the input tables when rows are written (Table.resize)",
      sv: "att ändra storlek på indatatabellerna när rader skrivs (Table.resize)",
    },
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.2",
    needs: {
      message: "the SJUK functions' error messages in cells (CustomFunctions.Error)",
      sv: "SJUK-funktionernas felmeddelanden i cellerna (CustomFunctions.Error)",
    },
  },
  {
    set: "SharedRuntime",
    version: "1.1",
    needs: {
      message:
        "the task pane and the SJUK functions sharing one runtime, and starting with the workbook",
      sv: "att åtgärdsfönstret och SJUK-funktionerna delar en körmiljö och startar med arbetsboken",
    },
  },
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

/** The lines the pane shows: each missing feature, then the health check. */
export function hostMessages(
  report: HostReport,
  lang: "sv" | "en"
): { intent: "warning" | "success" | "error"; text: string }[] {
  const pick = (p: Problem) => (lang === "sv" ? (p.sv ?? p.message) : p.message);
  const out: { intent: "warning" | "success" | "error"; text: string }[] = report.missing.map(
    (r) => ({
      intent: "warning" as const,
      text: pick({
        message: `This Excel lacks ${r.set} ${r.version}: ${r.needs.message} will not work.`,
        sv: `Den här versionen av Excel saknar ${r.set} ${r.version}: ${r.needs.sv} fungerar inte.`,
      }),
    })
  );
  if (report.sharedRuntime && report.functions)
    out.push({
      intent: "success",
      text: pick({
        message:
          "Health check: the shared runtime is running and the SJUK functions are registered.",
        sv: "Hälsokontroll: den delade körmiljön är igång och SJUK-funktionerna är registrerade.",
      }),
    });
  else
    out.push({
      intent: "error",
      text: pick({
        message: `Health check: ${report.sharedRuntime ? "" : "the shared runtime is not running; "}${report.functions ? "" : "the SJUK functions are not registered; "}cells will show #NAME? (or _xldudf_SJUK_… in the file). Close and reopen the workbook; on a Mac, update Excel.`,
        sv: `Hälsokontroll: ${report.sharedRuntime ? "" : "den delade körmiljön är inte igång; "}${report.functions ? "" : "SJUK-funktionerna är inte registrerade; "}cellerna visar #NAMN? (eller _xldudf_SJUK_… i filen). Stäng och öppna arbetsboken igen; uppdatera Excel på Mac.`,
      }),
    });
  return out;
}

/** True when any cell of the given values is Excel's #NAME? (in any display language). */
export function hasNameErrors(values: unknown[][]): boolean {
  return values.some((row) => row.some((v) => v === "#NAME?" || v === "#NAMN?"));
}
