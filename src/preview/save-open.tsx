/*
 * The preview's "save" and "reopen" (issue 10 point 8): the workbook is saved as a file (a
 * snapshot of its cells, tables, formats and the add-in's settings, hyperformula-port.ts) and
 * reopened from one: the page loads afresh and builds a new workbook from the file, as Excel
 * opens a saved workbook, so nothing of the session before survives but what the file holds.
 */
import * as React from "react";
import { Button, Caption1 } from "@fluentui/react-components";
import { SjukError, problemText } from "../core/errors";
import { HyperFormulaPort, WorkbookSnapshot, parseSnapshot } from "../workbook/hyperformula-port";
import { downloadText } from "../taskpane/grant-model";
import type { Lang } from "../taskpane/i18n";

/* global window, sessionStorage */

/** Where the file to reopen waits while the page loads again. */
const REOPEN_KEY = "sjuk-preview-reopen";
export const SAVED_FILE_NAME = "arbetsbok.sjuk.json";

let reopenError: string | undefined;

/** The workbook to reopen as the page loads, if the user chose one (taken once). */
export function takeReopened(): WorkbookSnapshot | undefined {
  const pending = sessionStorage.getItem(REOPEN_KEY);
  if (pending === null) return undefined;
  sessionStorage.removeItem(REOPEN_KEY);
  const { name, text } = JSON.parse(pending) as { name: string; text: string };
  try {
    return parseSnapshot(text, name);
  } catch (e) {
    reopenError =
      e instanceof SjukError ? e.problems.map((p) => problemText(p)).join("; ") : String(e);
    return undefined;
  }
}

const W = {
  save: { sv: "Spara arbetsboken", en: "Save the workbook" },
  open: { sv: "Öppna arbetsbok…", en: "Open a workbook…" },
} as const;

export const SaveAndOpen: React.FC<{ port: HyperFormulaPort; lang: Lang }> = ({ port, lang }) => {
  const input = React.useRef<HTMLInputElement>(null);
  const [error, setError] = React.useState(reopenError);
  const open = async (file: File) => {
    const text = await file.text();
    try {
      parseSnapshot(text, file.name); // refused here, before the page reloads
    } catch (e) {
      const problems = e instanceof SjukError ? e.problems : [];
      setError(problems.map((p) => problemText(p, lang)).join("; ") || String(e));
      return;
    }
    sessionStorage.setItem(REOPEN_KEY, JSON.stringify({ name: file.name, text }));
    window.location.reload();
  };
  return (
    <>
      <Button
        size="small"
        onClick={() =>
          downloadText(
            `${JSON.stringify(port.snapshot())}\n`,
            SAVED_FILE_NAME,
            "application/json;charset=utf-8"
          )
        }
        data-testid="workbook-save"
      >
        {W.save[lang]}
      </Button>
      <Button size="small" onClick={() => input.current?.click()} data-testid="workbook-open">
        {W.open[lang]}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="workbook-open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void open(file);
        }}
      />
      {error ? (
        <Caption1 role="alert" style={{ color: "white" }} data-testid="workbook-open-error">
          {error}
        </Caption1>
      ) : null}
    </>
  );
};
