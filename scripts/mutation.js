#!/usr/bin/env node
/*
 * Mutation testing some files at a time, keeping one committed incremental file.
 *
 *   node scripts/mutation.js src/engine/ledger.ts [more files…]   (npm run mutation:file -- FILE…)
 *                                                      (all the files in one Stryker run)
 *   node scripts/mutation.js --report                              (the scores only)
 *   node scripts/mutation.js --add REPORT.json                     (fold in a run's incremental file)
 *   node scripts/mutation.js --survivors src/engine/compute.ts     (each survivor: line, code, mutant)
 *   node scripts/mutation.js --export OUT.json FILE…               (those files' results, for --add
 *                                                                   in another checkout)
 *
 * StrykerJS writes its incremental file with only the files of the run it just made, so a run
 * with `--mutate SOME_FILES` would drop every other file's results. This script hands Stryker
 * those files' part of reports/mutation/stryker-incremental.json (so only mutants
 * whose code or covering tests changed are run again), then puts the new part back in. Last it
 * prints the score per file and per directory from the merged file.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const MERGED = path.join(ROOT, "reports/mutation/stryker-incremental.json");
// One part file per run, so that two runs (on different files) cannot mix their parts.
const PART = path.join(ROOT, `reports/mutation/part-incremental-${process.pid}.json`);

function readReport(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
}

/** The report narrowed to some source files (and every test file: Stryker checks them itself). */
function partOf(report, files) {
  const kept = files.filter((file) => report && report.files && report.files[file]);
  if (!kept.length) return null;
  return Object.assign({}, report, {
    files: Object.fromEntries(kept.map((f) => [f, report.files[f]])),
  });
}

/** `part`'s files replace the merged report's; its test files (newer) replace theirs. */
function merge(merged, part) {
  if (!merged) return part;
  return Object.assign({}, part, {
    files: Object.assign({}, merged.files, part.files),
    testFiles: Object.assign({}, merged.testFiles, part.testFiles),
  });
}

/** One Stryker run over `files` (one dry run and one sandbox for all of them). */
function runFiles(files) {
  const part = partOf(readReport(MERGED), files);
  if (part) fs.writeFileSync(PART, JSON.stringify(part));
  else fs.rmSync(PART, { force: true });
  const started = Date.now();
  const args = ["stryker", "run", "--mutate", files.join(","), "--incrementalFile", PART];
  args.push("--concurrency", process.env.MUTATION_CONCURRENCY || "1");
  const run = spawnSync("npx", args, { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0)
    throw new Error(`stryker failed on ${files.join(", ")} (exit ${run.status})`);
  const result = readReport(PART);
  const seconds = (Date.now() - started) / 1000;
  for (const file of files) {
    const mutants = result.files[file] ? result.files[file].mutants.length : 0;
    console.log(`${file}: ${mutants} mutants`);
  }
  console.log(`${files.length} file(s) in ${seconds.toFixed(0)} s`);
  fs.writeFileSync(MERGED, JSON.stringify(merge(readReport(MERGED), result), null, 2));
  fs.rmSync(PART, { force: true });
}

const COUNTED = ["Killed", "Timeout", "Survived", "NoCoverage"];

function counts(mutants) {
  const c = { mutants: mutants.length };
  for (const m of mutants) c[m.status] = (c[m.status] || 0) + 1;
  const valid = COUNTED.reduce((s, k) => s + (c[k] || 0), 0);
  c.score = valid ? (100 * ((c.Killed || 0) + (c.Timeout || 0))) / valid : NaN;
  return c;
}

/** Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker's. */
function printScores(report) {
  const rows = [];
  const byDir = new Map();
  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    rows.push([file, counts(mutants)]);
    const dir = path.dirname(file);
    byDir.set(dir, (byDir.get(dir) || []).concat(mutants));
  }
  for (const [dir, mutants] of byDir) rows.push([`${dir}/ (files run)`, counts(mutants)]);
  rows.push(["all files run", counts(Object.values(report.files).flatMap((f) => f.mutants))]);
  console.log(
    "| file | mutants | killed | timed out | survived | no coverage | ignored | errors | score |"
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const [name, c] of rows) {
    const errors = (c.RuntimeError || 0) + (c.CompileError || 0);
    const cells = [c.mutants, c.Killed, c.Timeout, c.Survived, c.NoCoverage, c.Ignored, errors];
    const score = Number.isNaN(c.score) ? "–" : `**${c.score.toFixed(1)} %**`;
    console.log(`| \`${name}\` | ${cells.map((x) => x || 0).join(" | ")} | ${score} |`);
  }
}

/** Each mutant no test killed in `file`: where it is, the line it changes and what it puts there. */
function printSurvivors(report, file) {
  const entry = report && report.files[file];
  if (!entry) throw new Error(`${file} has no mutation results yet`);
  const lines = entry.source.split("\n");
  const open = entry.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage");
  open.sort((a, b) => a.location.start.line - b.location.start.line);
  for (const m of open) {
    const { start } = m.location;
    console.log(`${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}`);
    console.log(`    ${lines[start.line - 1].trim()}`);
    console.log(`    → ${m.replacement.split("\n").join(" ").slice(0, 160)}`);
  }
  console.log(`${open.length} mutant(s) not killed in ${file}`);
}

const args = process.argv.slice(2);
const exporting = args.indexOf("--export");
if (exporting >= 0) {
  const [out, ...chosen] = args.slice(exporting + 1);
  fs.writeFileSync(path.resolve(out), JSON.stringify(partOf(readReport(MERGED), chosen)));
  process.exit(0);
}
const surviving = args.indexOf("--survivors");
if (surviving >= 0) {
  for (const file of args.slice(surviving + 1)) printSurvivors(readReport(MERGED), file);
  process.exit(0);
}
const adding = args.indexOf("--add"); // --add REPORT.json: fold in a report made by `stryker run` itself
if (adding >= 0) {
  const part = readReport(path.resolve(args[adding + 1]));
  fs.writeFileSync(MERGED, JSON.stringify(merge(readReport(MERGED), part), null, 2));
  args.splice(adding, 2);
}
const files = args.filter((a) => a !== "--report");
if (files.length) runFiles(files);
const merged = readReport(MERGED);
if (merged) printScores(merged);
