/**
 * The Decimal constructor lives in src/core/decimal.ts (the bottom layer). This re-export keeps
 * engine modules written against "./decimal" working; new code imports "../core/decimal".
 */
export * from "../core/decimal";
