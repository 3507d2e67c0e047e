/**
 * Every subcommand of `sjuk`, one line each: `export { register as <name> } from "./<name>";`
 * Each module's `register(program, io)` adds its command and options to the program; the
 * command's work (src/cli/run/<name>) is imported only when that command runs, so that each
 * command starts without loading what only the others need.
 */
export { register as compute } from "./compute";
export { register as calendar } from "./calendar";
export { register as evaluate } from "./evaluate";
export { register as agreement } from "./agreement";
export { register as compare } from "./compare";
export { register as audit } from "./audit";
export { register as report } from "./report";
