/**
 * Every subcommand of `sjuk`, one line each: `export { register as <name> } from "./<name>";`
 * Each module's `register(program, io)` adds its command to the program.
 */
export { register as compute } from "./compute";
export { register as calendar } from "./calendar";
export { register as evaluate } from "./evaluate";
export { register as compare } from "./compare";
export { register as audit } from "./audit";
