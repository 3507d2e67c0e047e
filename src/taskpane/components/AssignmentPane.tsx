/*
 * The task pane for a grant decision (the 2024 assignment to Socialstyrelsen): its sheets, the
 * next and overdue deadlines, the ledger's problems, the ledger per year, the deadlines and the
 * payment calendar of both documents. Every figure is a workbook cell's value (grant-model.ts).
 */
import * as React from "react";
import { Body1, Button, Caption1, Divider } from "@fluentui/react-components";
import type { GrantDecision } from "../../agreements";
import { type CalendarEvent, todayIso } from "../../engine/calendar";
import type { Problem } from "../../core/errors";
import { insertGrantSheets, refreshCalendarSheet } from "../../workbook/assignment-insert";
import { grantLedgerLayout } from "../../workbook/assignment-sheets";
import type { WorkbookPort } from "../../workbook/port";
import { viewPort } from "../../workbook/view";
import { GrantSnapshot, readGrantSnapshot } from "../grant-model";
import { IcsDownload } from "./IcsDownload";
import { Lang, Translate, translator } from "../i18n";
import { DeadlineList, EventCalendar, LedgerTable, NextDeadline, OverdueDeadlines } from "./Grant";
import { Subscribe, useTask, useWorkbookRefresh } from "./hooks";
import { Section, usePaneStyles } from "./Section";
import { Problems } from "./Sections";
import { ResetDialog, SheetsSection } from "./Sheets";

export interface AssignmentPaneProps {
  port: WorkbookPort;
  lang: Lang;
  decision: GrantDecision;
  /** The payment calendar of both documents: shown here, and replaced by what the calendar sheet holds after an insert or a refresh. */
  events: CalendarEvent[];
  onEvents: (events: CalendarEvent[]) => void;
  subscribe?: Subscribe;
}

export const AssignmentPane: React.FC<AssignmentPaneProps> = ({
  port,
  lang,
  decision,
  events,
  onEvents,
  subscribe,
}) => {
  const styles = usePaneStyles();
  const t = translator(lang);
  const { busy, messages, setMessages, run, fail } = useTask(t("insertFailed"), lang);
  const [grant, setGrant] = React.useState<GrantSnapshot | undefined>();
  const [reset, setReset] = React.useState(false);
  const [confirmReset, setConfirmReset] = React.useState(false);

  // One batch, two syncs in Excel: every figure is read from this view.
  const read = React.useCallback(
    async () => readGrantSnapshot(await viewPort(port), decision),
    [port, decision]
  );
  const refresh = useWorkbookRefresh(read, setGrant, fail, subscribe);

  const doInsert = (withReset: boolean) =>
    run(async () => {
      const result = await insertGrantSheets(port, { language: lang, reset: withReset, decision });
      if (result.events.length) onEvents(result.events);
      setMessages([
        { intent: "success", title: t("inserted") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      setReset(false);
      await refresh();
      if (result.names.grant) await port.selectCell(result.names.grant, "A1");
    });

  const onRefreshCalendar = () =>
    run(async () => {
      const result = await refreshCalendarSheet(port, lang);
      onEvents(result.events);
      setMessages([
        { intent: "success", title: t("calendarSheetRefreshed") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      await refresh();
      if (result.names.calendar) await port.selectCell(result.names.calendar, "A1");
    });

  const runQuietly = (work: () => void) => void run(work, { quiet: true });

  const inserted = Boolean(grant?.names.grant);
  const onInsert = () => {
    if (reset && inserted) setConfirmReset(true);
    else void doInsert(reset);
  };

  const select = (sheet: string, cell: string) => void port.selectCell(sheet, cell);
  const onProblem = (p: Problem) => {
    if (p.where?.sheet && p.where.cell) select(p.where.sheet, p.where.cell);
  };
  const onSelectLedgerCell = (cell: string) => {
    if (grant?.names.grant) select(grant.names.grant, cell);
  };
  const layout = grantLedgerLayout(decision);
  const ledger = grant?.sheet?.ledger;
  const owned = (Object.entries(grant?.names ?? {}) as [string, string][]).map(([role, name]) => ({
    role,
    name,
  }));

  return (
    <>
      <SheetsSection
        t={t}
        hint={inserted ? undefined : t("grantInsertHint")}
        inserted={inserted}
        busy={busy}
        reset={reset}
        onResetChange={setReset}
        onInsert={onInsert}
        messages={messages}
        owned={owned}
        onSelectSheet={(name) => select(name, "A1")}
      />

      {ledger && grant?.sheet ? (
        <>
          <Divider />
          <Section title={t("nextDeadline")} testId="next-section">
            <NextDeadline next={ledger.next} asOf={ledger.asOf} t={t} lang={lang} />
            <OverdueDeadlines overdue={ledger.overdue} t={t} lang={lang} />
          </Section>

          <Divider />
          <Section title={t("ledgerProblems")} testId="problems-section">
            {grant.sheet.problems.length ? (
              <Problems problems={grant.sheet.problems} t={t} lang={lang} onSelect={onProblem} />
            ) : (
              <Body1 role="status" data-testid="no-problems">
                ✓ {t("noLedgerProblems")}
              </Body1>
            )}
          </Section>

          <Divider />
          <Section title={t("ledger")} testId="ledger-section">
            <LedgerTable years={ledger.years} layout={layout} t={t} onSelect={onSelectLedgerCell} />
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
        <IcsDownload events={events} lang={lang} t={t} run={runQuietly} />
        <div className={styles.buttons}>
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
        <AssignmentCalendar
          events={events}
          decision={decision}
          asOf={ledger?.asOf ?? todayIso()}
          t={t}
          lang={lang}
        />
      </Section>

      <ResetDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        text={t("grantResetConfirm")}
        onConfirm={() => void doInsert(true)}
        t={t}
        lang={lang}
      />
    </>
  );
};

/**
 * The assignment's calendar: its own payouts and deadlines first, then the other documents'
 * events still ahead; their past events (the 2020 agreement's) folded away in a closed section.
 */
const AssignmentCalendar: React.FC<{
  events: CalendarEvent[];
  decision: GrantDecision;
  asOf: string;
  t: Translate;
  lang: Lang;
}> = ({ events, decision, asOf, t, lang }) => {
  const styles = usePaneStyles();
  const lastDay = (e: CalendarEvent) => (e.yearOnly ? `${e.date}-12-31` : e.date);
  const own = events.filter((e) => e.source === decision.id);
  const others = events.filter((e) => e.source !== decision.id);
  const ahead = others.filter((e) => lastDay(e) >= asOf);
  const past = others.filter((e) => lastDay(e) < asOf);
  const sv = lang === "sv";
  return (
    <>
      <EventCalendar
        events={own}
        t={t}
        lang={lang}
        label={sv ? `Uppdragets händelser` : `The assignment's events`}
      />
      {ahead.length ? (
        <EventCalendar
          events={ahead}
          t={t}
          lang={lang}
          label={sv ? "Andra dokuments kommande händelser" : "Other documents' events ahead"}
          testId="other-calendar"
        />
      ) : null}
      {past.length ? (
        <details className={styles.details} data-testid="past-events">
          <summary>
            {sv
              ? `Tidigare händelser i andra dokument (${past.length}, före ${asOf})`
              : `Earlier events of other documents (${past.length}, before ${asOf})`}
          </summary>
          <EventCalendar
            events={past}
            t={t}
            lang={lang}
            label={sv ? "Tidigare händelser i andra dokument" : "Earlier events of other documents"}
            testId="past-calendar"
          />
        </details>
      ) : null}
    </>
  );
};
