/*
 * The task pane's read-only sections: problems, totals against Table 1, the chart of payment
 * per region and the payout calendar. Every amount is a workbook cell's value (model.ts).
 */
import * as React from "react";
import {
  Badge,
  Caption1,
  Link,
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
import {
  HorizontalBarChartWithAxis,
  HorizontalBarChartWithAxisDataPoint,
} from "@fluentui/react-charts";
import { formatKronor } from "../../engine/money";
import { findRegion } from "../../engine/regions";
import type { Amount, CalendarLine, RegionPayment, TotalLine } from "../model";
import type { Lang, Translate } from "../i18n";
import { Problem, describeLocation, problemText } from "../../core/errors";
import { usePaneStyles } from "./Section";

const useStyles = makeStyles({
  numeric: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  problemText: { display: "block", color: tokens.colorNeutralForeground2 },
  severity: { marginRight: tokens.spacingHorizontalXS },
  chart: { width: "100%", height: "400px", margin: 0 },
  table1: { display: "block", color: tokens.colorNeutralForeground3 },
  calendarRecipient: { display: "flex", flexDirection: "column" },
  dateRow: { backgroundColor: tokens.colorNeutralBackground3 },
  small: { fontSize: tokens.fontSizeBase200 },
});

/** "1 234 567 kr" (non-breaking spaces), or the cell's error text. */
export function kr(amount: Amount): string {
  if (typeof amount === "number") return formatKronor(amount, "\u00a0");
  return amount;
}

/** A problem, with its severity when the source tells errors from warnings (the grant ledger). */
export type ShownProblem = Problem & { severity?: "error" | "warning" };

/** Each problem in the pane's language: its Swedish text (`sv`) in Swedish, else the English message. */
export const Problems: React.FC<{
  problems: ShownProblem[];
  t: Translate;
  lang: Lang;
  onSelect: (p: Problem) => void;
}> = ({ problems, t, lang, onSelect }) => {
  const styles = useStyles();
  if (problems.length === 0)
    return (
      <Text role="status" data-testid="no-problems">
        ✓ {t("noProblems")}
      </Text>
    );
  return (
    <ul className={styles.problems} aria-label={t("problems")} data-testid="problems">
      {problems.map((p, i) => (
        <li
          key={`${describeLocation(p.where)}:${i}`}
          data-testid="problem-item"
          data-severity={p.severity}
        >
          {p.severity ? (
            <Badge
              size="small"
              appearance="filled"
              color={p.severity === "error" ? "danger" : "warning"}
              className={styles.severity}
            >
              {t(p.severity)}
            </Badge>
          ) : null}
          {p.where?.sheet && p.where.cell ? (
            <Link
              as="button"
              onClick={() => onSelect(p)}
              aria-label={`${t("goToCell")} ${p.where.sheet}!${p.where.cell}: ${problemText(p, lang)}`}
              data-testid="problem"
            >
              {p.where.sheet}!{p.where.cell}
            </Link>
          ) : (
            <Text weight="semibold">{describeLocation(p.where, lang) || "–"}</Text>
          )}
          <Caption1 className={styles.problemText}>{problemText(p, lang)}</Caption1>
        </li>
      ))}
    </ul>
  );
};

/**
 * The totals against Table 1 in three columns, to fit 350 px: what the cells compute, and the
 * check against Table 1: ✓ (its figure is the same), or the difference with Table 1's figure.
 */
export const Totals: React.FC<{ totals: TotalLine[]; t: Translate }> = ({ totals, t }) => {
  const styles = useStyles();
  const pane = usePaneStyles();
  return (
    <Table
      size="extra-small"
      className={pane.compactTable}
      aria-label={t("totals")}
      data-testid="totals"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("recipient")}</TableHeaderCell>
          <TableHeaderCell className={pane.numeric}>{t("computed")}</TableHeaderCell>
          <TableHeaderCell className={pane.numeric}>{t("table1")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {totals.map((line) => {
          // No Table 1 figure (a partial Table 1): nothing to check against.
          const unstated = line.table1 === undefined;
          const ok = typeof line.computed === "number" && line.difference === undefined;
          const strong = (text: string) =>
            line.recipient === "total" ? <strong>{text}</strong> : text;
          return (
            <TableRow
              key={line.recipient}
              data-recipient={line.recipient}
              data-testid={`total-${line.recipient}`}
            >
              <TableCell className={pane.words}>{strong(line.label)}</TableCell>
              <TableCell className={pane.numeric} data-testid="computed">
                {strong(kr(line.computed))}
              </TableCell>
              <TableCell className={pane.numeric}>
                {unstated && typeof line.computed === "number" ? (
                  <span data-testid="check">–</span>
                ) : ok ? (
                  <span
                    className={styles.ok}
                    role="img"
                    aria-label={`${t("matches")}: ${kr(line.table1!)}`}
                    title={kr(line.table1!)}
                    data-testid="check"
                  >
                    ✓
                  </span>
                ) : (
                  <>
                    <span className={styles.bad} data-testid="check">
                      {line.difference !== undefined
                        ? `${line.difference > 0 ? "+" : ""}${kr(line.difference)}`
                        : t("cellError")}
                    </span>
                    {unstated ? null : (
                      <Caption1 className={styles.table1} data-testid="table1">
                        {kr(line.table1!)}
                      </Caption1>
                    )}
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** Two or three round ticks for the amount axis, so that its long kronor labels do not collide. */
function ticks(data: HorizontalBarChartWithAxisDataPoint[]): number[] {
  const max = Math.max(0, ...data.map((d) => d.x));
  const step =
    [1, 2, 5, 10, 20, 50, 100, 200, 500].map((m) => m * 1_000_000).find((s) => max / s <= 2) ??
    1_000_000_000;
  return [0, step, 2 * step].filter((v) => v <= max * 1.05 || v === step);
}

export const RegionChart: React.FC<{ regions: RegionPayment[]; t: Translate; lang: string }> = ({
  regions,
  t,
  lang,
}) => {
  const styles = useStyles();
  const data: HorizontalBarChartWithAxisDataPoint[] = regions
    .filter((r) => typeof r.amount === "number")
    .map((r) => ({
      x: r.amount as number,
      // A region's short name; a member of another recipient set keeps its name.
      y: findRegion(r.code)?.short ?? r.name,
      legend: r.name,
      xAxisCalloutData: kr(r.amount),
      yAxisCalloutData: r.name,
      callOutAccessibilityData: { ariaLabel: `${r.name}: ${kr(r.amount)}` },
    }))
    .reverse();
  return (
    // A figure, not an image: its bars take the focus and name their region and amount.
    <figure className={styles.chart} aria-label={t("chartLabel")} data-testid="region-chart">
      <HorizontalBarChartWithAxis
        data={data}
        height={400}
        barHeight={12}
        colors={[tokens.colorBrandBackground]}
        useSingleColor
        hideLegend
        showYAxisLables
        hideLabels
        culture={lang === "sv" ? "sv-SE" : "en-GB"}
        // Room for the longest short name, "Jämtland Härjedalen", whole at 350 px.
        margins={{ left: 136, right: 40, top: 4, bottom: 28 }}
        tickValues={ticks(data)}
        chartTitle={`${t("chart")} (${lang === "sv" ? "kr" : "SEK"})`}
      />
    </figure>
  );
};

export const RegionTable: React.FC<{
  regions: RegionPayment[];
  t: Translate;
  onSelect: (r: RegionPayment) => void;
}> = ({ regions, t, onSelect }) => {
  const styles = useStyles();
  return (
    <Table size="extra-small" aria-label={t("chart")} data-testid="region-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("region")}</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("payment")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {regions.map((r) => (
          <TableRow key={r.code} data-region={r.code} data-testid={`region-${r.code}`}>
            <TableCell>
              <Link
                as="button"
                onClick={() => onSelect(r)}
                aria-label={`${t("goToCell")} ${r.sheet}!${r.cell}`}
              >
                {r.name}
              </Link>
            </TableCell>
            <TableCell className={styles.numeric} data-testid="amount">
              {kr(r.amount)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const PayoutCalendar: React.FC<{
  lines: CalendarLine[];
  days: { date: string; amount: Amount }[];
  t: Translate;
}> = ({ lines, days, t }) => {
  const styles = useStyles();
  const pane = usePaneStyles();
  const dates = [...new Set(lines.map((l) => l.date))];
  return (
    <Table
      size="extra-small"
      className={pane.compactTable}
      aria-label={t("calendar")}
      data-testid="calendar"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>
            {t("date")} · {t("recipient")}
          </TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("amount")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dates.flatMap((date) => {
          const day = days.find((d) => d.date === date);
          const onDate = lines.filter((l) => l.date === date);
          // Reserved money (the follow-up) is labelled as such, not as a payout in that year.
          const reserved = onDate.every((l) => l.reservation);
          const label =
            date.length === 4 ? `${t(reserved ? "reservedDuring" : "duringYear")} ${date}` : date;
          return [
            <TableRow key={date} className={styles.dateRow} data-date={date}>
              <TableCell>
                <Badge appearance="filled" shape="rounded">
                  {label}
                </Badge>
              </TableCell>
              <TableCell className={styles.numeric}>
                {day ? <strong>{kr(day.amount)}</strong> : null}
              </TableCell>
            </TableRow>,
            ...onDate.map((l) => (
              <TableRow key={`${date}-${l.post}`} data-post={l.post}>
                <TableCell>
                  <span className={styles.calendarRecipient}>
                    <Text size={200} weight="semibold">
                      {l.recipient}
                    </Text>
                    <Caption1 className={styles.problemText}>{l.description}</Caption1>
                  </span>
                </TableCell>
                <TableCell className={styles.numeric}>{kr(l.amount)}</TableCell>
              </TableRow>
            )),
          ];
        })}
      </TableBody>
    </Table>
  );
};
