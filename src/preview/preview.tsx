/*
 * The browser preview (npm start): the SJUK workbook on HyperFormula in a spreadsheet grid,
 * with the same task pane as in Excel beside it, talking to the HyperFormula WorkbookPort.
 * No office.js, no network: everything runs in this page.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  Caption1,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { HyperFormulaPort, WorkbookSnapshot } from "../workbook/hyperformula-port";
import { createSjukHyperFormula } from "../functions/hyperformula";
import { cellAddress } from "../workbook/port";
import App from "../taskpane/components/App";
import { Lang, langFromLocale } from "../taskpane/i18n";
import { CellLook, SheetGrid, SheetGridHandle } from "./SheetGrid";
import { SaveAndOpen, takeReopened } from "./save-open";

/* global document, window, URLSearchParams */

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "#217346",
    color: "white",
    fontWeight: tokens.fontWeightSemibold,
  },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  /** "Skip to the task pane": the first stop of the keyboard, shown when it has the focus. */
  skip: {
    position: "absolute",
    left: "-10000px",
    top: 0,
    zIndex: 10,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ":focus": { left: tokens.spacingHorizontalS },
  },
  pane: {
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const EVENTS = [
  "valuesUpdated",
  "sheetAdded",
  "sheetRemoved",
  "sheetRenamed",
  "namedExpressionAdded",
  "namedExpressionRemoved",
] as const;

function Preview({
  initialLang,
  paneWidth,
  saved,
}: {
  initialLang: Lang;
  paneWidth: number;
  saved?: WorkbookSnapshot;
}) {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const grid = React.useRef<SheetGridHandle>(null);
  const [{ hf, port }] = React.useState(() => {
    // The cells' error messages in the pane's language as the page opens (a later switch of the
    // pane's language leaves them as they are, like Excel's display language).
    const hf = createSjukHyperFormula({}, { language: initialLang });
    const onSelect = (sheet: string, address: string) => grid.current?.select(sheet, address);
    // A reopened workbook, as saved; a new workbook has one empty sheet of the user's, as in Excel.
    if (!saved) hf.addSheet(initialLang === "sv" ? "Blad1" : "Sheet1");
    const port = saved
      ? HyperFormulaPort.fromSnapshot(hf, saved, { onSelect })
      : new HyperFormulaPort(hf, { onSelect });
    (window as unknown as { sjuk: unknown }).sjuk = { hf, port };
    return { hf, port };
  });

  const look = React.useCallback(
    (sheet: string, row: number, column: number): CellLook => {
      const address = cellAddress(row, column);
      return {
        numberFormat: port.formatAt(sheet, address),
        style: port.styleAt(sheet, address),
        validation: port.validationAt(sheet, address),
      };
    },
    [port]
  );

  const subscribe = React.useCallback(
    (listener: () => void) => {
      for (const e of EVENTS) hf.on(e, listener);
      return () => {
        for (const e of EVENTS) hf.off(e, listener);
      };
    },
    [hf]
  );

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className={styles.page}>
      <a className={styles.skip} href="#sjuk-pane" data-testid="skip-to-pane">
        {lang === "sv" ? "Hoppa till aktivitetsfönstret" : "Skip to the task pane"}
      </a>
      <div className={styles.bar} role="banner">
        <span>SJUK</span>
        <Caption1 style={{ color: "white" }}>
          {lang === "sv"
            ? "Förhandsvisning utan Excel: arbetsboken räknas av HyperFormula med samma SJUK-funktioner"
            : "Preview without Excel: the workbook is calculated by HyperFormula with the same SJUK functions"}
        </Caption1>
        <SaveAndOpen port={port} lang={lang} />
      </div>
      <div className={styles.main}>
        <div className={styles.grid}>
          <SheetGrid
            ref={grid}
            hf={hf}
            lang={lang}
            look={look}
            frozen={(sheet) => port.frozenAt(sheet)}
          />
        </div>
        <aside
          className={styles.pane}
          style={{ width: `${paneWidth}px` }}
          data-testid="pane-frame"
          id="sjuk-pane"
          tabIndex={-1}
          aria-label={lang === "sv" ? "Aktivitetsfönster" : "Task pane"}
        >
          <App port={port} lang={lang} onLangChange={setLang} subscribe={subscribe} />
        </aside>
      </div>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const initialLang = langFromLocale(params.get("lang") ?? "sv");
/** The task pane's width: 420 px by default; `?pane=350` shows it as wide as Excel's default pane. */
function paneWidthOf(param: string | null): number {
  const width = Number(param);
  return Number.isInteger(width) && width >= 280 && width <= 800 ? width : 420;
}
const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Preview
        initialLang={initialLang}
        paneWidth={paneWidthOf(params.get("pane"))}
        saved={takeReopened()}
      />
    </FluentProvider>
  );
}
