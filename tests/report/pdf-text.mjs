/*
 * Prints the text of a PDF's pages as JSON (an array, one string per page), read with unpdf
 * (Mozilla's pdf.js). An ES module run as a child process, because pdf.js is ES modules only and
 * jest runs the tests as CommonJS. Usage: node tests/report/pdf-text.mjs FILE.pdf
 */
import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";

async function main() {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
  const { text } = await extractText(pdf, { mergePages: false });
  process.stdout.write(JSON.stringify(text));
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
