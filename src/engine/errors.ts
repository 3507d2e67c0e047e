/**
 * Errors live in src/core/errors.ts (the bottom layer, so that agreements need not import the
 * engine). This re-export keeps engine modules written against "./errors" working; new code
 * imports "../core/errors".
 */
export * from "../core/errors";
