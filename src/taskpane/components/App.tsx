/*
 * The SJUK task pane. The same component tree runs in Excel (with the Excel port) and in the
 * browser preview (with the HyperFormula port): it talks to the workbook only through the
 * WorkbookPort it is given, and to the workbook layer's insert/validate/options functions.
 * It never computes money: amounts are the values of the workbook's SJUK cells (model.ts).
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AGREEMENTS, GRANT_DECISIONS } from "../../agreements";
import type { CalendarEvent } from "../../engine/calendar";
import { insertGrantSheets, refreshCalendarSheet } from "../../workbook/grant";
import { viewPort } from "../../workbook/view";
import { grantLedgerLayout } from "../../workbook/grant-layout";
import { Problem, describeLocation, problem, problemText } from "../../core/errors";
import { formatKronor } from "../../engine/money";
import { DEFAULT_OPTIONS, WorkbookOptions } from "../../workbook/layout";
import { insertSheets, setOptions, validateInputs } from "../../workbook/insert";
import type { WorkbookPort } from "../../workbook/port";
import { Lang, translator } from "../i18n";
import { RegionPayment, Snapshot, readSnapshot } from "../model";
import { PayoutCalendar, Problems, RegionChart, RegionTable, Totals } from "./Sections";
import {
  GrantSnapshot,
  documentCalendar,
  downloadText,
  grantLabel,
  icsFile,
  readGrantSnapshot,
} from "../grant-model";
import { DeadlineList, EventCalendar, LedgerTable, NextDeadline, OverdueDeadlines } from "./Grant";

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  /** Shown only where the language can be switched (the preview); Excel follows Office's display language. */
  onLangChange?: (lang: Lang) => void;
  /** Calls `listener` whenever the workbook changed (cells edited, sheets added); returns an unsubscribe. */
  subscribe?: (listener: () => void) => () => void;
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
  headerRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  sheetList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { marginTop: tokens.spacingVerticalXS },
});

let sectionIds = 0;

const Section: React.FC<{ title: string; children: React.ReactNode; testId?: string }> = ({
  title,
  children,
  testId,
}) => {
  const styles = useStyles();
  const [id] = React.useState(() => `sjuk-section-${++sectionIds}`);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
};

const App: React.FC<AppProps> = ({ port, lang, onLangChange, subscribe }) => {
  const styles = useStyles();
  const t = translator(lang);
  const [agreementId, setAgreementId] = React.useState(AGREEMENTS[0]!.id);
  // A grant decision (the 2024 assignment) is a ledger, not an allocation: its own mode.
  const decision = GRANT_DECISIONS.find((g) => g.id === agreementId);
  const agreement = AGREEMENTS.find((a) => a.id === agreementId) ?? AGREEMENTS[0]!;
  const [grant, setGrant] = React.useState<GrantSnapshot | undefined>();
  // The one payment calendar of both documents; after an insert or a refresh, the events the calendar sheet holds.
  const [events, setEvents] = React.useState<CalendarEvent[]>(() => documentCalendar());
  const [snapshot, setSnapshot] = React.useState<Snapshot | undefined>();
  const [problems, setProblems] = React.useState<Problem[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [reset, setReset] = React.useState(false);
  const [confirmReset, setConfirmReset] = React.useState(false);
  const [messages, setMessages] = React.useState<
    { intent: "success" | "warning" | "error"; title: string; text?: string }[]
  >([]);
  const [pendingOptions, setPendingOptions] = React.useState<WorkbookOptions | undefined>();
  const generation = React.useRef(0);

  const refresh = React.useCallback(async () => {
    const mine = ++generation.current;
    try {
      // One batch, two syncs in Excel: every figure below is read from this view.
      const reader = await viewPort(port);
      if (decision) {
        const g = await readGrantSnapshot(reader, decision);
        if (mine !== generation.current) return;
        setGrant(g);
        return;
      }
      const next = await readSnapshot(reader, agreement, lang);
      const found = next.owned.length ? await validateInputs(reader) : [];
      if (mine !== generation.current) return;
      setSnapshot(next);
      setProblems(found);
    } catch (e) {
      if (mine !== generation.current) return;
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    }
  }, [port, agreement, decision, lang]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  // Workbook changes (a cell edited in the grid or in Excel) refresh the pane. A read costs one
  // batch, so no debounce: events during a read are coalesced into one more read after it.
  React.useEffect(() => {
    if (!subscribe) return undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = refresh().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
    };
    return subscribe(run);
  }, [subscribe, refresh]);

  const doInsert = async (withReset: boolean) => {
    setBusy(true);
    setMessages([]);
    try {
      const result = await insertSheets(port, { language: lang, reset: withReset });
      setMessages([
        { intent: "success", title: t("inserted") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      setReset(false);
      await refresh();
      // Show the result, as an add-in activates the sheet it made.
      await port.selectCell(result.names.results, "A1");
    } catch (e) {
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  const doInsertGrant = async (withReset: boolean) => {
    setBusy(true);
    setMessages([]);
    try {
      const result = await insertGrantSheets(port, {
        language: lang,
        reset: withReset,
        ...(decision ? { decision } : {}),
      });
      if (result.events.length) setEvents(result.events);
      setMessages([
        { intent: "success", title: t("inserted") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      setReset(false);
      await refresh();
      if (result.names.grant) await port.selectCell(result.names.grant, "A1");
    } catch (e) {
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  const onRefreshCalendar = async () => {
    setBusy(true);
    setMessages([]);
    try {
      const result = await refreshCalendarSheet(port, lang);
      setEvents(result.events);
      setMessages([
        { intent: "success", title: t("calendarSheetRefreshed") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      await refresh();
      if (result.names.calendar) await port.selectCell(result.names.calendar, "A1");
    } catch (e) {
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  const onDownloadIcs = () => {
    try {
      const file = icsFile(events, lang);
      downloadText(file.text, file.name);
    } catch (e) {
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    }
  };

  const grantInserted = Boolean(grant?.names.grant);
  const onInsert = () => {
    if (decision) {
      if (reset && grantInserted) setConfirmReset(true);
      else void doInsertGrant(reset);
    } else if (reset && snapshot?.owned.length) setConfirmReset(true);
    else void doInsert(reset);
  };

  const options = pendingOptions ?? snapshot?.options ?? DEFAULT_OPTIONS;
  const changeOptions = async (next: WorkbookOptions) => {
    setPendingOptions(next);
    try {
      await setOptions(port, lang, next, snapshot?.names.results);
      await refresh();
    } catch (e) {
      setMessages([{ intent: "error", title: t("insertFailed"), text: (e as Error).message }]);
    } finally {
      setPendingOptions(undefined);
    }
  };

  const select = (sheet: string, cell: string) => void port.selectCell(sheet, cell);
  const onProblem = (p: Problem) => {
    if (p.where?.sheet && p.where.cell) select(p.where.sheet, p.where.cell);
  };
  const onRegion = (r: RegionPayment) => select(r.sheet, r.cell);

  const inserted = decision ? grantInserted : Boolean(snapshot?.owned.length);
  const layout = decision ? grantLedgerLayout(decision) : undefined;
  const ledger = grant?.sheet?.ledger;
  const onSelectLedgerCell = (cell: string) => {
    if (grant?.names.grant) select(grant.names.grant, cell);
  };
  const ownedNow = decision
    ? (Object.entries(grant?.names ?? {}) as [string, string][]).map(([role, name]) => ({
        role,
        name,
      }))
    : (snapshot?.owned ?? []);
  const ready = Boolean(snapshot?.ready);
  const errorProblems: Problem[] = (snapshot?.errorCells ?? []).map((c) =>
    problem("sheet.cell-error", { text: c.text }, { sheet: c.sheet, cell: c.cell })
  );
  const allProblems = [...problems, ...(problems.length ? [] : errorProblems.slice(0, 5))];

  return (
    <main className={styles.root} lang={lang} data-testid="taskpane">
      <header className={styles.header}>
        <div className={styles.headerRow}>
          <Title3 as="h1">{t("title")}</Title3>
          {onLangChange ? (
            <Switch
              checked={lang === "en"}
              onChange={(_e, d) => onLangChange(d.checked ? "en" : "sv")}
              label={lang === "sv" ? "English" : "English"}
              aria-label={`${t("language")}: English`}
              data-testid="language-switch"
            />
          ) : null}
        </div>
        <Caption1 className={styles.muted}>
          {decision ? t("assignmentSubtitle") : t("subtitle")}
        </Caption1>
      </header>

      <Field label={t("agreement")}>
        <Dropdown
          value={
            decision
              ? grantLabel(decision, lang)
              : `${agreement.title[lang]} (${formatKronor(agreement.total, "\u00a0")})`
          }
          selectedOptions={[decision?.id ?? agreement.id]}
          onOptionSelect={(_e, d) => {
            if (!d.optionValue || d.optionValue === agreementId) return;
            setMessages([]);
            setReset(false);
            setAgreementId(d.optionValue);
          }}
          data-testid="agreement"
        >
          {AGREEMENTS.map((a) => (
            <Option
              key={a.id}
              value={a.id}
              text={`${a.title[lang]} (${formatKronor(a.total, "\u00a0")})`}
            >
              {`${a.title[lang]} (${formatKronor(a.total, "\u00a0")})`}
            </Option>
          ))}
          {GRANT_DECISIONS.map((g) => (
            <Option key={g.id} value={g.id} text={grantLabel(g, lang)}>
              {grantLabel(g, lang)}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Section title={t("sheets")} testId="sheets-section">
        <Body1>{decision ? t("grantInsertHint") : t("insertHint")}</Body1>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            onClick={onInsert}
            disabled={busy}
            data-testid="insert-sheets"
          >
            {inserted ? t("reinsertSheets") : t("insertSheets")}
          </Button>
          {busy ? <Spinner size="tiny" label={t("inserting")} /> : null}
        </div>
        {inserted ? (
          <Checkbox
            checked={reset}
            onChange={(_e, d) => setReset(Boolean(d.checked))}
            label={t("resetInputs")}
          />
        ) : null}
        {messages.map((m, i) => (
          <MessageBar key={i} intent={m.intent} data-testid={`message-${m.intent}`}>
            <MessageBarBody>
              <MessageBarTitle>{m.title}</MessageBarTitle>
              {m.text}
            </MessageBarBody>
          </MessageBar>
        ))}
        {inserted ? (
          <nav aria-label={t("ownedSheets")}>
            <Caption1>{t("ownedSheets")}:</Caption1>{" "}
            {ownedNow.map((s, i) => (
              <React.Fragment key={s.role}>
                {i ? " · " : ""}
                <Link as="button" onClick={() => select(s.name, "A1")}>
                  {s.name}
                </Link>
              </React.Fragment>
            ))}
          </nav>
        ) : (
          <Caption1 className={styles.muted}>{t("noSheetsYet")}</Caption1>
        )}
      </Section>

      {decision ? (
        <>
          {ledger && layout && grant?.sheet ? (
            <>
              <Divider />
              <Section title={t("nextDeadline")} testId="next-section">
                <NextDeadline next={ledger.next} asOf={ledger.asOf} t={t} lang={lang} />
                <OverdueDeadlines overdue={ledger.overdue} t={t} lang={lang} />
              </Section>

              <Divider />
              <Section title={t("ledgerProblems")} testId="problems-section">
                {grant.sheet.problems.length ? (
                  <Problems
                    problems={grant.sheet.problems}
                    t={t}
                    lang={lang}
                    onSelect={onProblem}
                  />
                ) : (
                  <Body1 role="status" data-testid="no-problems">
                    ✓ {t("noLedgerProblems")}
                  </Body1>
                )}
              </Section>

              <Divider />
              <Section title={t("ledger")} testId="ledger-section">
                <LedgerTable
                  years={ledger.years}
                  layout={layout}
                  t={t}
                  onSelect={onSelectLedgerCell}
                />
                <Caption1 className={styles.muted}>
                  {t("asOf")} {ledger.asOf} ({grant.sheet.sheet}!{layout.asOfCell})
                </Caption1>
              </Section>

              <Divider />
              <Section title={t("deadlines")} testId="deadlines-section">
                <DeadlineList
                  deadlines={ledger.deadlines}
                  layout={layout}
                  t={t}
                  lang={lang}
                  onSelect={onSelectLedgerCell}
                />
              </Section>
            </>
          ) : (
            <Caption1 className={styles.muted}>{t("noLedgerYet")}</Caption1>
          )}

          <Divider />
          <Section title={t("combinedCalendar")} testId="combined-calendar-section">
            <Caption1 className={styles.muted}>{t("combinedCalendarHint")}</Caption1>
            <div className={styles.buttons}>
              <Button onClick={onDownloadIcs} data-testid="download-ics">
                {t("downloadIcs")}
              </Button>
              {grant?.names.calendar ? (
                <Button
                  appearance="subtle"
                  onClick={() => void onRefreshCalendar()}
                  disabled={busy}
                  data-testid="refresh-calendar"
                >
                  {t("refreshCalendarSheet")}
                </Button>
              ) : null}
            </div>
            <EventCalendar events={events} t={t} lang={lang} />
          </Section>
        </>
      ) : ready ? (
        <>
          <Divider />
          <Section title={t("problems")} testId="problems-section">
            <Problems problems={allProblems} t={t} lang={lang} onSelect={onProblem} />
          </Section>

          <Divider />
          <Section title={t("totals")} testId="totals-section">
            <Totals totals={snapshot!.totals} t={t} />
            <Caption1 className={styles.muted}>{t("source")}</Caption1>
          </Section>

          <Divider />
          <Section title={t("options")} testId="options-section">
            <Field label={t("nonFulfilment")}>
              <RadioGroup
                value={options.nonFulfilment}
                onChange={(_e, d) =>
                  void changeOptions({
                    ...options,
                    nonFulfilment: d.value as WorkbookOptions["nonFulfilment"],
                  })
                }
                data-testid="option-nonfulfilment"
              >
                <Radio
                  value="agreement"
                  label={
                    lang === "sv"
                      ? "Avtalets regler (v1–v3 förfaller, v4 delas)"
                      : "The agreement's rules (v1–v3 lapse, v4 shared)"
                  }
                />
                <Radio value="lapse" label={t("lapse")} />
                <Radio value="share" label={t("share")} />
              </RadioGroup>
            </Field>
            <Field label={t("redistribution")}>
              <RadioGroup
                value={options.redistribution}
                onChange={(_e, d) =>
                  void changeOptions({
                    ...options,
                    redistribution: d.value as WorkbookOptions["redistribution"],
                  })
                }
                data-testid="option-redistribution"
              >
                <Radio value="population" label={t("redistPopulation")} />
                <Radio value="unpaid-contacts" label={t("redistUnpaid")} />
              </RadioGroup>
            </Field>
          </Section>

          <Divider />
          <Section title={t("chart")} testId="chart-section">
            <RegionChart regions={snapshot!.regions} t={t} lang={lang} />
            <details className={styles.details}>
              <summary>{lang === "sv" ? "Visa som tabell" : "Show as a table"}</summary>
              <RegionTable regions={snapshot!.regions} t={t} onSelect={onRegion} />
            </details>
          </Section>

          <Divider />
          <Section title={t("calendar")} testId="calendar-section">
            <PayoutCalendar lines={snapshot!.calendar} days={snapshot!.days} t={t} />
            <div className={styles.buttons}>
              <Button onClick={onDownloadIcs} data-testid="download-ics">
                {t("downloadIcs")}
              </Button>
            </div>
          </Section>
        </>
      ) : inserted ? null : (
        <Caption1 className={styles.muted}>{t("noResults")}</Caption1>
      )}

      {!decision && problems.length ? (
        <span hidden data-testid="problem-text">
          {problems
            .map((p) =>
              [describeLocation(p.where, lang), problemText(p, lang)].filter(Boolean).join(": ")
            )
            .join("\n")}
        </span>
      ) : null}

      <Dialog open={confirmReset} onOpenChange={(_e, d) => setConfirmReset(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("resetInputs")}?</DialogTitle>
            <DialogContent>
              {decision
                ? t("grantResetConfirm")
                : lang === "sv"
                  ? "Allt du skrivit i tilläggets indataceller ersätts med standardvärdena. Dina egna blad rörs inte."
                  : "Everything you typed into the add-in's input cells is replaced by the defaults. Your own sheets are not touched."}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmReset(false)}>
                {lang === "sv" ? "Avbryt" : "Cancel"}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmReset(false);
                  void (decision ? doInsertGrant(true) : doInsert(true));
                }}
              >
                {t("resetInputs")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
};

export default App;
