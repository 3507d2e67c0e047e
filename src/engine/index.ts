/** The calculation engine: pure TypeScript, no Office, no DOM, no Node-only APIs. */
export * from "./allocate";
export * from "./methods";
export * from "./mix";
export * from "./sensitivity";
export * from "./audit";
export * from "./compute";
export * from "./contacts";
export * from "../core/decimal";
export * from "../core/errors";
export * from "./inputs";
export * from "./money";
export * from "./regions";
export * from "./recipients";
export { MESSAGES as ENGINE_MESSAGES, NOTES as ENGINE_NOTES } from "./messages";
export * from "./calendar";
export * from "./ics";
export * from "./ledger";
