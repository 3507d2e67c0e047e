import { SjukError, problem } from "../core/errors";
import { OWNED_SHEETS_SETTING, type OwnedSheet, type SheetSpec, type WorkbookPort } from "./port";

/**
 * Writes one owned sheet in one batch with its ownership record: all or nothing. The sheet keeps
 * the name it was recorded under; a sheet of the default name that the add-in does not own is
 * the user's, and is never overwritten. Returns the sheet's name.
 */
export async function writeOwnedSheet(
  port: WorkbookPort,
  role: string,
  defaultName: string,
  specFor: (name: string) => SheetSpec
): Promise<string> {
  const owned = await port.listOwnedSheets();
  const mine = owned.find((s) => s.role === role);
  const name = mine?.name ?? defaultName;
  if (!mine && (await port.listSheets()).includes(name))
    throw new SjukError([problem("workbook.sheet-not-ours", { name }, { sheet: name })]);
  const spec = specFor(name); // built (and checked) before anything is written
  const record: OwnedSheet[] = [...owned.filter((s) => s.role !== role), { role, name }];
  await port.writeSheets([spec], { [OWNED_SHEETS_SETTING]: record });
  return name;
}
