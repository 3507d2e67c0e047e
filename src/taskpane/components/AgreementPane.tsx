/*
 * The task pane for an allocation agreement (the one chosen: the 2020 agreement or any other the
 * package or the workbook holds): its sheets laid out for it, the input
 * problems, the totals against Table 1, the two options, the chart per region and the payout
 * calendar. Every amount is a workbook cell's value (model.ts); nothing is computed here.
 */
import * as React from "react";
import {
  Caption1,
  Divider,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import type { AllocationAgreement } from "../../agreements";
import type { CalendarEvent } from "../../engine/calendar";
import { Problem, describeLocation, problem, problemText } from "../../core/errors";
import { message, render } from "../../core/messages";
import type { Warning } from "../../engine/compute";
import { DEFAULT_OPTIONS, WorkbookOptions } from "../../workbook/agreement-sheets";
import { insertSheets, setOptions, validateInputs } from "../../workbook/agreement-insert";
import { inputWarnings } from "../../workbook/agreement-warnings";
import type { WorkbookPort } from "../../workbook/port";
import { viewPort } from "../../workbook/view";
import { IcsDownload } from "./IcsDownload";
import { Lang, Translate, translator } from "../i18n";
import { InputCell, RegionPayment, Snapshot, readSnapshot } from "../model";
import { recipientsOf } from "../../engine/recipients";
import { Subscribe, useTask, useWorkbookRefresh } from "./hooks";
import { Section, usePaneStyles } from "./Section";
import { PayoutCalendar, Problems, RegionChart, RegionTable, Totals } from "./Sections";
import { ScenariosSection } from "./Scenarios";
import { ResetDialog, SheetsSection } from "./Sheets";

/** Error cells listed under the problems when the inputs have none (the first few tell the cause). */
const SHOWN_ERROR_CELLS = 5;

export interface AgreementPaneProps {
  port: WorkbookPort;
  lang: Lang;
  agreement: AllocationAgreement;
  /** The payment calendar of both documents, for the .ics download. */
  events: CalendarEvent[];
  subscribe?: Subscribe;
}

export const AgreementPane: React.FC<AgreementPaneProps> = ({
  port,
  lang,
  agreement,
  events,
  subscribe,
}) => {
  const styles = usePaneStyles();
  const t = translator(lang);
  const { busy, messages, setMessages, run, fail } = useTask(t("insertFailed"), lang);
  const [snapshot, setSnapshot] = React.useState<Snapshot | undefined>();
  const [problems, setProblems] = React.useState<Problem[]>([]);
  const [errorMessages, setErrorMessages] = React.useState<(string | undefined)[]>([]);
  const [warnings, setWarnings] = React.useState<Warning[]>([]);
  const [chartOpen, setChartOpen] = React.useState(false);
  const [reset, setReset] = React.useState(false);
  const [confirmReset, setConfirmReset] = React.useState(false);
  const [pendingOptions, setPendingOptions] = React.useState<WorkbookOptions | undefined>();

  const read = React.useCallback(async () => {
    // One batch, two syncs in Excel: every figure below is read from this view.
    const reader = await viewPort(port);
    const next = await readSnapshot(reader, agreement, lang);
    const found = next.owned.length ? await validateInputs(reader, agreement) : [];
    const warned = next.ready && !found.length ? await inputWarnings(reader, agreement) : [];
    // The first error cells' own messages, where the host gives them (the preview does).
    const errorMessages = await Promise.all(
      next.errorCells
        .slice(0, SHOWN_ERROR_CELLS)
        .map((c) =>
          port
            .readErrorMessage?.(c.sheet, c.cell, { language: lang, shows: c.text })
            .catch(() => undefined)
        )
    );
    return { next, found, warned, errorMessages };
  }, [port, agreement, lang]);
  const refresh = useWorkbookRefresh(
    read,
    ({ next, found, warned, errorMessages }) => {
      setSnapshot(next);
      setProblems(found);
      setWarnings(warned);
      setErrorMessages(errorMessages);
    },
    fail,
    subscribe
  );

  const doInsert = (withReset: boolean) =>
    run(async () => {
      const result = await insertSheets(port, { language: lang, reset: withReset, agreement });
      setMessages([
        { intent: "success", title: t("inserted") },
        ...result.messages.map((text) => ({ intent: "warning" as const, title: text })),
      ]);
      setReset(false);
      await refresh();
      // Show the result, as an add-in activates the sheet it made.
      await port.selectCell(result.names.results, "A1");
    });

  const onInsert = () => {
    if (reset && snapshot?.owned.length) setConfirmReset(true);
    else void doInsert(reset);
  };

  const options = pendingOptions ?? snapshot?.options ?? DEFAULT_OPTIONS;
  const changeOptions = (next: WorkbookOptions) => {
    setPendingOptions(next);
    return run(
      async () => {
        await setOptions(port, lang, next, snapshot?.names.results, snapshot?.optionsLanguage);
        await refresh();
      },
      { quiet: true, onSettled: () => setPendingOptions(undefined) }
    );
  };

  const runQuietly = (work: () => void) => void run(work, { quiet: true });

  const select = (sheet: string, cell: string) => void port.selectCell(sheet, cell);
  const onProblem = (p: Problem) => {
    if (p.where?.sheet && p.where.cell) select(p.where.sheet, p.where.cell);
  };
  const onRegion = (r: RegionPayment) => select(r.sheet, r.cell);

  const inserted = Boolean(snapshot?.owned.length);
  const errorProblems: Problem[] = (snapshot?.errorCells ?? [])
    .slice(0, SHOWN_ERROR_CELLS)
    .map((c, i) => {
      const where = { sheet: c.sheet, cell: c.cell };
      const m = errorMessages[i];
      return m
        ? problem("sheet.cell-error-message", { text: c.text, message: m }, where)
        : problem("sheet.cell-error", { text: c.text }, where);
    });
  const allProblems = [...problems, ...(problems.length ? [] : errorProblems)];

  return (
    <>
      <SheetsSection
        t={t}
        hint={inserted ? undefined : t("insertHint")}
        inserted={inserted}
        busy={busy}
        reset={reset}
        onResetChange={setReset}
        onInsert={onInsert}
        messages={messages}
        owned={snapshot?.owned ?? []}
        onSelectSheet={(name) => select(name, "A1")}
      />

      {snapshot?.ready ? (
        <>
          <Divider />
          {/* The totals first, the warnings right under them: they are what an officer looks at. */}
          <Section title={t("totals")} testId="totals-section">
            <Totals totals={snapshot.totals} t={t} />
            <KeyDateWarning keyDate={snapshot.keyDate} agreement={agreement} lang={lang} />
            <ArrivalWarnings
              snapshot={snapshot}
              agreement={agreement}
              lang={lang}
              onSelect={select}
            />
            <EngineWarnings warnings={warnings} lang={lang} />
            <Caption1 className={styles.muted}>{t("source")}</Caption1>
          </Section>

          <Divider />
          <Section title={t("problems")} testId="problems-section">
            <Problems problems={allProblems} t={t} lang={lang} onSelect={onProblem} />
          </Section>

          <Divider />
          <OptionsSection
            options={options}
            onChange={changeOptions}
            t={t}
            lang={lang}
            is2020={agreement.id === "sjuk-2020"}
          />

          <Divider />
          {/* The long sections folded: the pane stays short, and they open with a click or a key. */}
          <Section title={t("chart")} testId="chart-section" foldable onToggle={setChartOpen}>
            {chartOpen ? <RegionChart regions={snapshot.regions} t={t} lang={lang} /> : null}
            <details className={styles.details}>
              <summary>{lang === "sv" ? "Visa som tabell" : "Show as a table"}</summary>
              <RegionTable regions={snapshot.regions} t={t} onSelect={onRegion} />
            </details>
          </Section>

          <Divider />
          <Section title={t("calendar")} testId="calendar-section" foldable>
            <PayoutCalendar lines={snapshot.calendar} days={snapshot.days} t={t} />
            <IcsDownload events={events} lang={lang} t={t} run={runQuietly} />
          </Section>
        </>
      ) : inserted ? null : (
        <Caption1 className={styles.muted}>{t("noResults")}</Caption1>
      )}

      <Divider />
      <ScenariosSection port={port} lang={lang} subscribe={subscribe} />

      {problems.length ? (
        <span hidden data-testid="problem-text">
          {problems
            .map((p) =>
              [describeLocation(p.where, lang), problemText(p, lang)].filter(Boolean).join(": ")
            )
            .join("\n")}
        </span>
      ) : null}

      <ResetDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        text={
          lang === "sv"
            ? "Allt du skrivit i tilläggets indataceller ersätts med standardvärdena. Dina egna blad rörs inte."
            : "Everything you typed into the add-in's input cells is replaced by the defaults. Your own sheets are not touched."
        }
        onConfirm={() => void doInsert(true)}
        t={t}
        lang={lang}
      />
    </>
  );
};

/**
 * The engine's key-date warning where people look: the key's date (the Befolkning sheet's B2)
 * is not the date the agreement names (1 November 2019), so every share is off that much.
 */
const KeyDateWarning: React.FC<{
  keyDate: string | undefined;
  agreement: AllocationAgreement;
  lang: Lang;
}> = ({ keyDate, agreement, lang }) => {
  if (!agreement.keyDate || keyDate === agreement.keyDate) return null;
  const wanted = agreement.keyDescription?.[lang] ?? agreement.keyDate;
  const text = keyDate
    ? lang === "sv"
      ? `Nyckeln gäller ${keyDate}, inte avtalets datum ${agreement.keyDate}: andelarna avviker från avtalets. Avtalet fördelar efter ${wanted}.`
      : `The key is dated ${keyDate}, not the agreement's ${agreement.keyDate}: the shares differ from the agreement's. The agreement splits by ${wanted}.`
    : lang === "sv"
      ? `Nyckelns datum saknas: avtalet fördelar efter ${wanted}.`
      : `The key's date is missing: the agreement splits by ${wanted}.`;
  return (
    <MessageBar intent="warning" data-testid="warning-key-date">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
};

/**
 * Input as it arrives, beside the totals: how many regions have not reported their contacts
 * (the totals hold what is known), and any population of 0. A link selects the first cell.
 */
const ArrivalWarnings: React.FC<{
  snapshot: Snapshot;
  agreement: AllocationAgreement;
  lang: Lang;
  onSelect: (sheet: string, cell: string) => void;
}> = ({ snapshot, agreement, lang, onSelect }) => {
  // The post whose units are the contacts (villkor 3's v3-contacts): in Swedish by its title.
  const post = agreement.posts.find(
    (p) => p.key.type === "per-unit" && p.key.column === "contacts"
  );
  const postName = post ? (lang === "sv" ? post.title.sv : post.id) : "contacts";
  const missing = snapshot.missingContacts;
  const zero = snapshot.zeroPopulation;
  const goTo = (cells: InputCell[], testId: string) => (
    <Link
      as="button"
      data-testid={testId}
      onClick={() => onSelect(cells[0]!.sheet, cells[0]!.cell)}
    >
      {lang === "sv"
        ? `Gå till ${cells[0]!.sheet}!${cells[0]!.cell}`
        : `Go to ${cells[0]!.sheet}!${cells[0]!.cell}`}
    </Link>
  );
  return (
    <>
      {missing.length ? (
        <MessageBar intent="warning" data-testid="warning-contacts-missing">
          <MessageBarBody>
            {render(
              message("contacts.not-reported", {
                post: postName,
                names: missing.map((m) => m.name),
                count: missing.length,
                total: recipientsOf(agreement).codes.length,
              }),
              lang
            )}{" "}
            {goTo(missing, "go-to-missing-contacts")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {zero.length ? (
        <MessageBar intent="warning" data-testid="warning-key-zero">
          <MessageBarBody>
            {render(
              message("key.zero", { what: "population", names: zero.map((z) => z.name) }),
              lang
            )}{" "}
            {goTo(zero, "go-to-zero-population")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
};

/**
 * The engine's warnings said elsewhere: the key date by KeyDateWarning from the sheet's own date
 * cell, contacts not reported and a population of 0 by ArrivalWarnings with a link to the cell.
 */
const SAID_ELSEWHERE: readonly string[] = [
  "key-date",
  "key-date-unknown",
  "contacts-not-reported",
  "key-zero",
];

/**
 * Every other warning compute() gives for the sheets' inputs (money not paid out, counts
 * assumed, …), in the pane's language from the message catalogue.
 */
const EngineWarnings: React.FC<{ warnings: Warning[]; lang: Lang }> = ({ warnings, lang }) => (
  <>
    {warnings
      .filter((w) => !SAID_ELSEWHERE.includes(w.code))
      .map((w, i) => (
        <MessageBar
          key={i}
          intent="warning"
          layout="multiline"
          data-testid="engine-warning"
          data-code={w.code}
        >
          <MessageBarBody>{render(w.note, lang)}</MessageBarBody>
        </MessageBar>
      ))}
  </>
);

/** The two options the sheets' formulas read: the rule for non-fulfilment and the redistribution. */
const OptionsSection: React.FC<{
  options: WorkbookOptions;
  onChange: (next: WorkbookOptions) => void;
  t: Translate;
  lang: Lang;
  is2020: boolean;
}> = ({ options, onChange, t, lang, is2020 }) => (
  <Section title={t("options")} testId="options-section">
    <Field label={t("nonFulfilment")}>
      <RadioGroup
        value={options.nonFulfilment}
        onChange={(_e, d) =>
          onChange({ ...options, nonFulfilment: d.value as WorkbookOptions["nonFulfilment"] })
        }
        data-testid="option-nonfulfilment"
      >
        <Radio
          value="agreement"
          label={
            !is2020
              ? lang === "sv"
                ? "Avtalets regler (varje posts egen regel)"
                : "The agreement's rules (each post's own rule)"
              : lang === "sv"
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
          onChange({ ...options, redistribution: d.value as WorkbookOptions["redistribution"] })
        }
        data-testid="option-redistribution"
      >
        <Radio value="population" label={t("redistPopulation")} />
        <Radio value="unpaid-contacts" label={t("redistUnpaid")} />
      </RadioGroup>
    </Field>
  </Section>
);
