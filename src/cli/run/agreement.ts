import { AGREEMENTS, table1Mismatches, type AllocationAgreement } from "../../agreements";
import { formatKronor } from "../../engine/money";
import { render } from "../../core/messages";
import { NOTES } from "../../engine/messages";
import { readAgreementFile } from "../agreement-file";
import type { CommandOutput } from "../io";

/** The work of `sjuk agreement check|list`, loaded only when it runs (see ../commands/agreement). */

function summary(a: AllocationAgreement): string {
  return `${a.id}: ${a.posts.length} posts, total ${formatKronor(a.total)}, "${a.title.sv}"`;
}

/**
 * One line when the file is a valid agreement, and a warning on stderr for each Table 1 figure
 * its posts no longer match (exit 0: Table 1 is a check, not the definition); a SjukError
 * (exit 2) listing every problem when the file is not valid.
 */
export function checkAgreement(file: string): CommandOutput {
  const agreement = readAgreementFile(file);
  const warnings = table1Mismatches(agreement).map(
    (m) =>
      `sjuk: warning: ${file}, table1.${m.recipient}: ${render(NOTES.table1Mismatch(m.recipient, m.stated, m.posts))}\n`
  );
  return { stdout: `${file}: valid agreement ${summary(agreement)}\n`, stderr: warnings.join("") };
}

export function listAgreements(): string {
  return AGREEMENTS.map((a) => `${summary(a)}\n`).join("");
}
