import type { Language } from "../core/language";
import type { Cell } from "../inputs/cells";
import type { ResolvedScenario } from "../scenarios/resolve";
import type { FunctionValue, Grid } from "./values";

/*
 * What a SJUK function is, as data: its parameters and a body. The catalogues (catalog.ts,
 * grant-catalog.ts) declare functions; the runner and both hosts read the declarations.
 */

/** A parameter as both hosts declare it: Excel's metadata (from JSDoc) and HyperFormula's plugin. */
export interface ParameterSpec {
  name: string;
  /** `range`: a 2-D block of cells; `scalar`: one value. */
  kind: "scalar" | "range";
  optional?: boolean;
}

/** The Excel table (and HyperFormula named expression) the short form of SHARE reads. */
export const POPULATION_TABLE = "SJUK_Befolkning";

/** What a function may need from the workbook beyond its arguments: only the short form of SHARE does. */
export interface HostContext {
  /** The add-in's population table (SJUK_Befolkning), for `=SJUK.SHARE("Region Skåne")`. */
  readPopulationTable?: () => Grid | undefined;
  /** The sheet's language, for the labels a function writes (SJUK.EXPLAIN); default English. */
  language?: Language;
  /**
   * Checks and resolves a saved scenario's JSON (SJUK.SCENARIO). The host gives it: it carries the
   * scenario schema (zod), which the functions bundle leaves out; `sheet` names it in problems.
   */
  resolveScenario?: (data: unknown, sheet: string) => ResolvedScenario;
}

export type Argument = Cell | Grid;

/**
 * An argument as the formula writes it, before any value is known: its size (rows, columns) and,
 * when it is a text or number written in the formula itself, that value. A spill's size may
 * follow from such a literal (an agreement's id), never from a cell's value.
 */
export interface ArgumentShape {
  size: [number, number];
  literal?: string | number;
}

export interface FunctionSpec {
  /** The name after the namespace: SHARE for =SJUK.SHARE. */
  name: string;
  parameters: ParameterSpec[];
  /**
   * Rows × columns of an array result, from the arguments as the formula writes them (null: left
   * out). HyperFormula must know it before computing; Excel takes any size.
   */
  resultSize?: (args: (ArgumentShape | null)[]) => [number, number];
  /** True only for a result that is an Excel date serial. */
  returnsDate?: boolean;
  run: (args: Argument[], host: HostContext) => FunctionValue;
}
