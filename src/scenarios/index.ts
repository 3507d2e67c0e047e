export * from "./schema";
export * from "./resolve";
export * from "./scb";
export * from "./compare";
export * from "./audit-rows";
