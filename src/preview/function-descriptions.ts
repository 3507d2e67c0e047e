/*
 * The SJUK functions' descriptions ("English — Swedish"), taken at build time from the JSDoc
 * that functions.json is generated from (scripts/function-descriptions-loader.js): one source.
 */
import descriptions from "../functions/functions.ts?descriptions";
import type { FunctionDescription } from "./formula-help";

export const FUNCTION_DESCRIPTIONS: readonly FunctionDescription[] = descriptions;
