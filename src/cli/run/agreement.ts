import { AGREEMENTS, type AllocationAgreement } from "../../agreements";
import { formatKronor } from "../../engine/money";
import { readAgreementFile } from "../agreement-file";

/** The work of `sjuk agreement check|list`, loaded only when it runs (see ../commands/agreement). */

function summary(a: AllocationAgreement): string {
  return `${a.id}: ${a.posts.length} posts, total ${formatKronor(a.total)}, "${a.title.sv}"`;
}

/** One line when the file is a valid agreement; a SjukError (exit 2) listing every problem when not. */
export function checkAgreement(file: string): string {
  return `${file}: valid agreement ${summary(readAgreementFile(file))}\n`;
}

export function listAgreements(): string {
  return AGREEMENTS.map((a) => `${summary(a)}\n`).join("");
}
