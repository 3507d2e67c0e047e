/*
 * The task pane's sections for a grant decision (the 2024 assignment): the ledger per year, the
 * next deadline, anything overdue, every deadline's state, and the one payment calendar of both
 * documents. Every amount, date, state and day count is the ledger engine's or the calendar
 * engine's (grant-model.ts); this file only lays them out.
 */
import * as React from "react";
import {
  Badge,
  BadgeProps,
  Body1,
  Body1Strong,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CalendarEvent } from "../../engine/calendar";
import type { DeadlineStatus, LedgerYear } from "../../engine/ledger";
import { RECIPIENT_NAMES } from "../../agreements";
import { GrantLedgerLayout, YearColumn, eventKindLabel } from "../../workbook/assignment-sheets";
import { Lang, Translate } from "../i18n";
import { message, render } from "../../core/messages";
import { deadlineNote } from "../../engine/ledger";
import { kr } from "./Sections";
import { usePaneStyles } from "./Section";

const useStyles = makeStyles({
  numeric: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  /** "högst" may go on its own line above the amount, so that the column fits 350 px. */
  amount: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  table: { tableLayout: "auto", fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "block" },
  note: { display: "block", margin: 0, color: tokens.colorNeutralForeground3 },
  decision: { color: tokens.colorNeutralForeground3, whiteSpace: "normal", lineHeight: "1.2" },
  strong: { fontWeight: tokens.fontWeightSemibold },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  next: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderLeft: `4px solid ${tokens.colorBrandBackground}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  nextWhen: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  itemHead: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  overdueItem: {
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
  },
  dateRow: { backgroundColor: tokens.colorNeutralBackground3 },
  labelRow: { backgroundColor: tokens.colorNeutralBackground2, borderBottomStyle: "none" },
  event: { display: "flex", flexDirection: "column" },
  // Wraps: the kind's badge and a long recipient ("Regeringskansliet (Socialdepartementet)") need 350 px otherwise.
  eventHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
});

/* ---------- the ledger per year ---------- */

const LEDGER_ROWS: { field: keyof LedgerYear & YearColumn; label: Parameters<Translate>[0] }[] = [
  { field: "granted", label: "granted" },
  { field: "requisitioned", label: "requisitioned" },
  { field: "spent", label: "spent" },
  { field: "toRepay", label: "toRepay" },
  { field: "repaid", label: "repaid" },
];

/**
 * The ledger as a table with a column per year (it fits the pane better than a row per year),
 * each line's name above its amounts.
 * Every amount is a link that selects its cell on the ledger sheet.
 */
export const LedgerTable: React.FC<{
  years: LedgerYear[];
  layout: GrantLedgerLayout;
  t: Translate;
  onSelect: (cell: string) => void;
}> = ({ years, layout, t, onSelect }) => {
  const styles = useStyles();
  const pane = usePaneStyles();
  // Each line's name on a row of its own above its amounts: three years of amounts fit 350 px.
  const label = (text: React.ReactNode) => (
    <TableRow className={styles.labelRow}>
      <TableCell colSpan={years.length}>{text}</TableCell>
    </TableRow>
  );
  return (
    <Table
      size="extra-small"
      className={pane.compactTable}
      aria-label={t("ledger")}
      data-testid="ledger"
    >
      <TableHeader>
        <TableRow>
          {years.map((y) => (
            <TableHeaderCell key={y.year} className={styles.numeric}>
              <span className={styles.strong}>{y.year}</span>
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {label(t("decision"))}
        <TableRow data-testid="ledger-decision">
          {years.map((y) => (
            <TableCell
              key={y.year}
              className={styles.numeric}
              data-testid={`ledger-${y.year}-decision`}
            >
              <Caption1 className={styles.decision}>
                {y.status === "at-most"
                  ? t("atMost")
                  : y.status === "planned-conditional"
                    ? y.confirmed
                      ? t("plannedConfirmed")
                      : t("plannedNotConfirmed")
                    : ""}{" "}
                <span className={styles.block}>{kr(y.amount)}</span>
              </Caption1>
            </TableCell>
          ))}
        </TableRow>
        {LEDGER_ROWS.flatMap(({ field, label: name }) => [
          <React.Fragment key={`${field}-label`}>
            {label(field === "toRepay" ? <strong>{t(name)}</strong> : t(name))}
          </React.Fragment>,
          <TableRow key={field} data-testid={`ledger-${field}`}>
            {years.map((y) => {
              const amount = y[field] as number;
              const cell = layout.cell(y.year, field);
              const text = kr(amount);
              return (
                <TableCell
                  key={y.year}
                  className={styles.numeric}
                  data-testid={`ledger-${y.year}-${field}`}
                >
                  <Link
                    as="button"
                    appearance="subtle"
                    onClick={() => onSelect(cell)}
                    aria-label={`${t(name)} ${y.year}: ${text} (${t("goToCell")} ${cell})`}
                    className={field === "toRepay" && amount > 0 ? styles.due : undefined}
                  >
                    {text}
                  </Link>
                </TableCell>
              );
            })}
          </TableRow>,
        ])}
        {label(t("repayBy"))}
        <TableRow data-testid="ledger-repayBy">
          {years.map((y) => (
            <TableCell
              key={y.year}
              className={styles.numeric}
              data-testid={`ledger-${y.year}-repayBy`}
            >
              {y.repayBy ?? "–"}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
};

/* ---------- deadlines ---------- */

/** "om 14 dagar" / "in 14 days", "i dag" / "today": the catalogue's day phrase. */
const inDays = (days: number, lang: Lang) => render(message("days.in", { days }), lang);

/** The state of a deadline as a badge: "klart", "om 14 dagar", "försenad 3 dagar", "3 dagar för sent", "ej aktuellt". */
export function stateBadge(d: DeadlineStatus, t: Translate, lang: Lang) {
  const days = d.days ?? 0;
  const by: Record<DeadlineStatus["state"], { color: BadgeProps["color"]; text: string }> = {
    met: { color: "success", text: t("stateMet") },
    late: { color: "severe", text: render(message("days.late", { days }), lang) },
    due: {
      color: d.days !== null && d.days <= 30 ? "warning" : "informative",
      text: inDays(days, lang),
    },
    overdue: { color: "danger", text: render(message("days.overdue", { days }), lang) },
    // "informative" outline: grey text on the pane's white, 6:1 ("subtle" was white on white, 1:1).
    "not-applicable": { color: "informative", text: t("stateNotApplicable") },
  };
  const { color, text } = by[d.state];
  return (
    <Badge
      appearance={d.state === "not-applicable" ? "outline" : "filled"}
      color={color}
      shape="rounded"
      data-testid="deadline-state"
      data-state={d.state}
    >
      {text}
    </Badge>
  );
}

/** The next deadline to act on, prominently: what, by when, in how many days. */
export const NextDeadline: React.FC<{
  next: DeadlineStatus | null;
  asOf: string;
  t: Translate;
  lang: Lang;
}> = ({ next, asOf, t, lang }) => {
  const styles = useStyles();
  if (!next)
    return (
      <div className={styles.next} data-testid="next-deadline" role="status">
        <Caption1>{t("nextDeadline")}</Caption1>
        <Body1>{t("noNextDeadline")}</Body1>
      </div>
    );
  return (
    <div
      className={styles.next}
      data-testid="next-deadline"
      data-deadline={next.id}
      role="status"
      aria-label={`${t("nextDeadline")}: ${next.title[lang]}, ${next.date}, ${inDays(next.days ?? 0, lang)}`}
    >
      <Caption1>
        {t("asOf")} {asOf}
      </Caption1>
      <Body1Strong data-testid="next-title">{next.title[lang]}</Body1Strong>
      <span className={styles.nextWhen} data-testid="next-when">
        {next.date} · {inDays(next.days ?? 0, lang)}
      </span>
      {next.what.code === "ledger.note.report" ? null : (
        <Caption1 className={styles.muted}>{deadlineNote(next, lang)}</Caption1>
      )}
    </div>
  );
};

/** The ledger's note without the title a report's note repeats: "senast 2025-03-31; försenad 3 dagar". */
function withoutTitle(d: DeadlineStatus, lang: Lang): string {
  if (d.what.code !== "ledger.note.report") return deadlineNote(d, lang);
  const by = render(message("ledger.note.by", { date: d.date }), lang);
  return d.when ? `${by}; ${render(d.when, lang)}` : by;
}

/** Every overdue deadline as an error message bar. */
export const OverdueDeadlines: React.FC<{
  overdue: DeadlineStatus[];
  t: Translate;
  lang: Lang;
}> = ({ overdue, t, lang }) => (
  <>
    {overdue.map((d) => (
      <MessageBar key={d.id} intent="error" data-testid="overdue" data-deadline={d.id}>
        <MessageBarBody>
          <MessageBarTitle>
            {t("overdue")}: {d.title[lang]}
          </MessageBarTitle>
          {withoutTitle(d, lang)}
        </MessageBarBody>
      </MessageBar>
    ))}
  </>
);

/** Every deadline of the decision with its state; each selects its status cell on the ledger sheet. */
export const DeadlineList: React.FC<{
  deadlines: DeadlineStatus[];
  layout: GrantLedgerLayout;
  t: Translate;
  lang: Lang;
  onSelect: (cell: string) => void;
}> = ({ deadlines, layout, t, lang, onSelect }) => {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t("deadlines")} data-testid="deadlines">
      {deadlines.map((d) => (
        <li
          key={d.id}
          className={d.state === "overdue" ? `${styles.item} ${styles.overdueItem}` : styles.item}
          data-testid={`deadline-${d.id}`}
          data-state={d.state}
        >
          <span className={styles.itemHead}>
            <Text weight="semibold" className={styles.numeric}>
              {d.date}
            </Text>
            {stateBadge(d, t, lang)}
          </span>
          <Link as="button" onClick={() => onSelect(layout.deadlineCell(d.id, "status"))}>
            {d.title[lang]}
          </Link>
          <Caption1 className={styles.muted}>{deadlineNote(d, lang)}</Caption1>
        </li>
      ))}
    </ul>
  );
};

/* ---------- the one payment calendar ---------- */

/** A year-only date ("2021") as "under 2021" / "during 2021". */
function dateLabel(e: CalendarEvent, t: Translate): string {
  return e.yearOnly ? `${t("duringYear")} ${e.date}` : e.date;
}

/** "arbetsgivare/<wbr>Arbetsförmedlingen": a line may break after a slash, so long pairs fit 350 px. */
function breakAfterSlash(text: string): React.ReactNode {
  const parts = text.split("/");
  return parts.map((part, i) => (
    <React.Fragment key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </React.Fragment>
  ));
}

/** Every payment and deadline of both documents, grouped by date (the engine's order). */
export const EventCalendar: React.FC<{
  events: CalendarEvent[];
  t: Translate;
  lang: Lang;
  /** The table's name for screen readers (default: the combined calendar's). */
  label?: string;
  testId?: string;
}> = ({ events, t, lang, label, testId = "combined-calendar" }) => {
  const styles = useStyles();
  const groups: { key: string; label: string; events: CalendarEvent[] }[] = [];
  for (const e of events) {
    const key = e.yearOnly ? `year:${e.date}` : e.date;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.events.push(e);
    else groups.push({ key, label: dateLabel(e, t), events: [e] });
  }
  return (
    <Table
      size="extra-small"
      className={styles.table}
      aria-label={label ?? t("combinedCalendar")}
      data-testid={testId}
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("date")}</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("amount")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.flatMap((g) => [
          <TableRow
            key={g.key}
            className={styles.dateRow}
            data-testid="calendar-date"
            data-date={g.key}
          >
            <TableCell colSpan={2}>
              <Badge appearance="filled" shape="rounded">
                {g.label}
              </Badge>
            </TableCell>
          </TableRow>,
          ...g.events.map((e, i) => {
            const who = e.recipient ? (RECIPIENT_NAMES[e.recipient]?.[lang] ?? e.recipient) : e.to;
            return (
              <TableRow
                key={`${g.key}-${i}`}
                data-testid="calendar-event"
                data-kind={e.kind}
                data-source={e.source}
              >
                <TableCell>
                  <span className={styles.event}>
                    <span className={styles.eventHead}>
                      <Badge
                        size="small"
                        appearance="tint"
                        color={
                          e.kind === "payout"
                            ? "brand"
                            : e.kind === "final-report"
                              ? "important"
                              : "informative"
                        }
                      >
                        {eventKindLabel(e.kind, lang)}
                      </Badge>
                      <Text size={200} weight="semibold">
                        {who ?? ""}
                      </Text>
                    </span>
                    <Caption1 className={styles.muted}>{breakAfterSlash(e.title[lang])}</Caption1>
                  </span>
                </TableCell>
                <TableCell className={styles.amount}>
                  {e.amount !== undefined ? (
                    <>
                      {e.atMost ? `${t("atMost")} ` : ""}
                      <span className={styles.numeric}>{kr(e.amount)}</span>
                      {e.conditional ? (
                        <Caption1 as="p" className={styles.note}>
                          {t("conditional")}
                        </Caption1>
                      ) : null}
                    </>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          }),
        ])}
      </TableBody>
    </Table>
  );
};
