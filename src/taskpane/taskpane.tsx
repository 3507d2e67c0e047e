/*
 * Task pane entry in Excel. In the shared runtime this page also hosts the custom functions
 * (see webpack.config.js, chunks of taskpane.html): keep it free of work at load time.
 *
 * The same App as in the browser preview, given the Excel WorkbookPort; its language follows
 * Office's display language; worksheet changes (a typed population figure, a recalculation)
 * refresh it.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import { ExcelPort } from "../workbook/excel-port";
import { langFromLocale } from "./i18n";
import { shortForm } from "../functions/short-form-excel";
import HostStatus from "./components/HostStatus";
import { checkHost, hasNameErrors } from "./host-check";
import { resultsValues } from "./host-results";

/* global document, Office, Excel */

/** Calls `listener` when any worksheet changes or the workbook recalculates; returns an unsubscribe. */
function subscribeToExcel(listener: () => void): () => void {
  let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let cancelled = false;
  void Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const added = [
      sheets.onChanged.add(async () => listener()),
      sheets.onCalculated.add(async () => listener()),
      sheets.onAdded.add(async () => listener()),
      sheets.onDeleted.add(async () => listener()),
    ];
    await context.sync();
    handlers = added as OfficeExtension.EventHandlerResult<unknown>[];
    if (cancelled) await unsubscribe();
  }).catch(() => {
    // Events are a convenience: without them the pane refreshes after its own actions.
  });
  const unsubscribe = async () => {
    const list = handlers;
    handlers = [];
    if (!list.length) return;
    await Excel.run(list[0]!.context, async (context) => {
      for (const h of list) h.remove();
      await context.sync();
    }).catch(() => undefined);
  };
  return () => {
    cancelled = true;
    void unsubscribe();
  };
}

Office.onReady(() => {
  // The shared runtime starts here, also when Excel opens a workbook that uses the short form.
  shortForm.listen().catch(() => undefined);
  const container = document.getElementById("container");
  if (!container) {
    return;
  }
  const port = new ExcelPort();
  const lang = langFromLocale(Office.context?.displayLanguage);
  document.documentElement.lang = lang;
  const root = createRoot(container);
  const render = (nameErrors: boolean) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <HostStatus
          report={checkHost(Office, globalThis.CustomFunctions, nameErrors)}
          lang={lang}
        />
        <App port={port} lang={lang} subscribe={subscribeToExcel} />
      </FluentProvider>
    );
  render(false);
  // The health check's one read at start-up: do the add-in's result cells show #NAME??
  void resultsValues(port)
    .then((values) => values && hasNameErrors(values) && render(true))
    .catch(() => undefined);
});
