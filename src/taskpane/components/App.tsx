/*
 * The SJUK task pane. The same component tree runs in Excel (with the Excel port) and in the
 * browser preview (with the HyperFormula port): it talks to the workbook only through the
 * WorkbookPort it is given, and to the workbook layer's insert/validate/options functions.
 * It never computes money: amounts are the values of the workbook's SJUK cells.
 *
 * App is the header and the choice of document; each kind of document has its own pane:
 * AgreementPane (an allocation agreement, 2020) and AssignmentPane (a grant decision, 2024).
 */
import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  Option,
  Subtitle1,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AGREEMENTS, GRANT_DECISIONS } from "../../agreements";
import type { CalendarEvent } from "../../engine/calendar";
import { formatKronor } from "../../engine/money";
import type { WorkbookPort } from "../../workbook/port";
import { documentCalendar, grantLabel } from "../grant-model";
import { Lang, translator } from "../i18n";
import { AgreementPane } from "./AgreementPane";
import { AssignmentPane } from "./AssignmentPane";
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
  // A grant decision (the 2024 assignment) is a ledger, not an allocation: its own pane.
  const decision = GRANT_DECISIONS.find((g) => g.id === documentId);
  const agreement = AGREEMENTS.find((a) => a.id === documentId) ?? AGREEMENTS[0]!;
  // The one payment calendar of both documents; after an insert or a refresh, the events the calendar sheet holds.
  const [events, setEvents] = React.useState<CalendarEvent[]>(() => documentCalendar());
  const agreementLabel = (a: typeof agreement) =>
    `${a.title[lang]} (${formatKronor(a.total, "\u00a0")})`;

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
          {AGREEMENTS.map((a) => (
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

      {/* Keyed by document: switching starts the other pane afresh (no messages, no reset ticked). */}
      {decision ? (
        <AssignmentPane
          key={decision.id}
          port={port}
          lang={lang}
          decision={decision}
          events={events}
          onEvents={setEvents}
          subscribe={subscribe}
        />
      ) : (
        <AgreementPane
          key={agreement.id}
          port={port}
          lang={lang}
          agreement={agreement}
          events={events}
          subscribe={subscribe}
        />
      )}
    </main>
  );
};

export default App;
