/*
 * The SJUK task pane. The same component tree runs in Excel (with the Excel port) and in the
 * browser preview (with the HyperFormula port): it talks to the workbook only through the
 * WorkbookPort it is given, and to the workbook layer's insert/validate/options functions.
 * It never computes money: amounts are the values of the workbook's SJUK cells.
 *
 * App is the header and the choice of document; each kind of document has its own pane:
 * AgreementPane (an allocation agreement: the package's and any the workbook holds) and
 * AssignmentPane (a grant decision, 2024).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle1,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AGREEMENTS, GRANT_DECISIONS, type AllocationAgreement } from "../../agreements";
import { Problem, SjukError, formatProblem } from "../../core/errors";
import type { CalendarEvent } from "../../engine/calendar";
import { formatKronor } from "../../engine/money";
import type { WorkbookPort } from "../../workbook/port";
import {
  agreementsOnOffer,
  chosenAgreement,
  importAgreement,
  readWorkbookAgreements,
} from "../../workbook/workbook-agreements";
import { documentCalendar, grantLabel } from "../grant-model";
import { Lang, translator } from "../i18n";
import { AgreementPane } from "./AgreementPane";
import { AssignmentPane } from "./AssignmentPane";
import { PaneBoundary } from "./PaneBoundary";
import type { Subscribe } from "./hooks";
import { usePaneStyles } from "./Section";

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  /** Shown only where the language can be switched (the preview); Excel follows Office's display language. */
  onLangChange?: (lang: Lang) => void;
  /** Calls `listener` whenever the workbook changed (cells edited, sheets added); returns an unsubscribe. */
  subscribe?: Subscribe;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // One line at 350 px: the title is the pane's, Excel shows the add-in's name above it.
  title: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  // At 350 px the language switch goes under the title rather than out of the pane.
  headerRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
});

const App: React.FC<AppProps> = ({ port, lang, onLangChange, subscribe }) => {
  const styles = useStyles();
  const paneStyles = usePaneStyles();
  const t = translator(lang);
  const [documentId, setDocumentId] = React.useState(AGREEMENTS[0]!.id);
  // The agreements the workbook holds (checked, and handed to the functions), then the package's.
  const [held, setHeld] = React.useState<AllocationAgreement[]>([]);
  const [importProblems, setImportProblems] = React.useState<Problem[]>([]);
  const [imported, setImported] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    void (async () => {
      const read = await readWorkbookAgreements(port);
      const chosen = await chosenAgreement(port, read.agreements);
      if (!live) return;
      setHeld(read.agreements);
      setImportProblems(read.problems);
      setDocumentId((id) => (id === AGREEMENTS[0]!.id ? chosen.id : id));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [port]);
  const offered = agreementsOnOffer(held);
  // A grant decision (the 2024 assignment) is a ledger, not an allocation: its own pane.
  const decision = GRANT_DECISIONS.find((g) => g.id === documentId);
  const agreement = offered.find((a) => a.id === documentId) ?? offered[0]!;
  const isHeld = (a: AllocationAgreement) => held.includes(a);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const onFile = async (file: File) => {
    setImported(false);
    try {
      const added = await importAgreement(port, await file.text(), file.name);
      const read = await readWorkbookAgreements(port);
      setHeld(read.agreements);
      setImportProblems([]);
      setImported(true);
      setDocumentId(added.id);
    } catch (e) {
      if (!(e instanceof SjukError)) throw e;
      setImportProblems(e.problems);
    }
  };
  // The one payment calendar of both documents; after an insert or a refresh, the events the calendar sheet holds.
  const [events, setEvents] = React.useState<CalendarEvent[]>(() => documentCalendar());
  const agreementLabel = (a: typeof agreement) =>
    `${a.title[lang]} (${formatKronor(a.total, "\u00a0")})${isHeld(a) ? ` – ${t("heldByWorkbook")}` : ""}`;

  return (
    <main className={styles.root} lang={lang} data-testid="taskpane">
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Subtitle1 as="h1" className={styles.title}>
            {t("title")}
          </Subtitle1>
          {onLangChange ? (
            <Switch
              checked={lang === "en"}
              onChange={(_e, d) => onLangChange(d.checked ? "en" : "sv")}
              label="English"
              aria-label={`${t("language")}: English`}
              data-testid="language-switch"
            />
          ) : null}
        </div>
        <Caption1 className={paneStyles.muted}>
          {decision ? t("assignmentSubtitle") : t("subtitle")}
        </Caption1>
      </header>

      <Field label={t("agreement")}>
        <Dropdown
          value={decision ? grantLabel(decision, lang) : agreementLabel(agreement)}
          selectedOptions={[decision?.id ?? agreement.id]}
          onOptionSelect={(_e, d) => {
            if (d.optionValue && d.optionValue !== documentId) setDocumentId(d.optionValue);
          }}
          data-testid="agreement"
        >
          {offered.map((a) => (
            <Option key={a.id} value={a.id} text={agreementLabel(a)}>
              {agreementLabel(a)}
            </Option>
          ))}
          {GRANT_DECISIONS.map((g) => (
            <Option key={g.id} value={g.id} text={grantLabel(g, lang)}>
              {grantLabel(g, lang)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={paneStyles.buttons}>
        <Button onClick={() => fileInput.current?.click()} data-testid="import-agreement">
          {t("importAgreement")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t("importAgreement")}
          data-testid="import-agreement-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </div>
      {imported ? (
        <MessageBar intent="success" data-testid="agreement-imported">
          <MessageBarBody>{t("agreementImported")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {importProblems.length ? (
        <MessageBar intent="error" data-testid="agreement-problems">
          <MessageBarBody>
            <MessageBarTitle>{t("agreementRefused")}</MessageBarTitle>
            <ul>
              {importProblems.map((p, i) => (
                <li key={i}>{formatProblem(p, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {/* Keyed by document: switching starts the other pane (and its boundary) afresh: no
          messages, no reset ticked, no failure left shown. */}
      <PaneBoundary
        key={decision ? `decision:${decision.id}` : `agreement:${agreement.id}`}
        lang={lang}
      >
        {decision ? (
          <AssignmentPane
            port={port}
            lang={lang}
            decision={decision}
            events={events}
            onEvents={setEvents}
            subscribe={subscribe}
          />
        ) : (
          <AgreementPane
            port={port}
            lang={lang}
            agreement={agreement}
            events={events}
            subscribe={subscribe}
          />
        )}
      </PaneBoundary>
    </main>
  );
};

export default App;
