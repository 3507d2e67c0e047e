import type { WorkbookPort } from "../workbook/port";
import { RESULTS } from "../workbook/agreement-sheets";
import { viewPort } from "../workbook/view";

/** The SJUK cells of the add-in's results sheet (every region × post), read through one view; undefined before an insert. */
export async function resultsValues(port: WorkbookPort): Promise<unknown[][] | undefined> {
  const reader = await viewPort(port);
  const results = (await reader.listOwnedSheets()).find((s) => s.role === "results");
  if (!results || !(await reader.listSheets()).includes(results.name)) return undefined;
  return reader.readRange(
    results.name,
    `${RESULTS.cell("01", "v1")}:${RESULTS.cell("25", "total")}`
  );
}
