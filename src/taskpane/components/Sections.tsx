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
import { HorizontalBarChartWithAxis, HorizontalBarChartWithAxisDataPoint } from "@fluentui/react-charts";
import { formatKronor } from "../../engine/money";
import type { Amount, CalendarLine, RegionPayment, TotalLine } from "../model";
import type { Translate } from "../i18n";
import { Problem, describeLocation } from "../../engine/errors";

const useStyles = makeStyles({
  numeric: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  problemText: { display: "block", color: tokens.colorNeutralForeground2 },
  chart: { width: "100%", minHeight: "520px" },
  dateRow: { backgroundColor: tokens.colorNeutralBackground3 },
  small: { fontSize: tokens.fontSizeBase200 },
});

/** "1 234 567 kr" (non-breaking spaces), or the cell's error text. */
export function kr(amount: Amount): string {
  if (typeof amount === "number") return formatKronor(amount, "\u00a0");
  return amount;
}

export const Problems: React.FC<{ problems: Problem[]; t: Translate; onSelect: (p: Problem) => void }> = ({ problems, t, onSelect }) => {
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
        <li key={`${describeLocation(p.where)}:${i}`} data-testid="problem-item">
          {p.where?.sheet && p.where.cell ? (
            <Link as="button" onClick={() => onSelect(p)} aria-label={`${t("goToCell")} ${p.where.sheet}!${p.where.cell}: ${p.message}`} data-testid="problem">
              {p.where.sheet}!{p.where.cell}
            </Link>
          ) : (
            <Text weight="semibold">{describeLocation(p.where) || "–"}</Text>
          )}
          <Caption1 className={styles.problemText}>{p.message}</Caption1>
        </li>
      ))}
    </ul>
  );
};

export const Totals: React.FC<{ totals: TotalLine[]; t: Translate }> = ({ totals, t }) => {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={t("totals")} data-testid="totals">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("recipient")}</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("computed")}</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("table1")}</TableHeaderCell>
          <TableHeaderCell>{t("check")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {totals.map((line) => {
          const ok = typeof line.computed === "number" && line.difference === undefined;
          return (
            <TableRow key={line.recipient} data-recipient={line.recipient} data-testid={`total-${line.recipient}`}>
              <TableCell>{line.recipient === "total" ? <strong>{line.label}</strong> : line.label}</TableCell>
              <TableCell className={styles.numeric} data-testid="computed">
                {line.recipient === "total" ? <strong>{kr(line.computed)}</strong> : kr(line.computed)}
              </TableCell>
              <TableCell className={styles.numeric}>{kr(line.table1)}</TableCell>
              <TableCell data-testid="check">
                {ok ? (
                  <span className={styles.ok} aria-label={t("matches")}>
                    ✓
                  </span>
                ) : (
                  <span className={styles.bad}>
                    {line.difference !== undefined ? `${line.difference > 0 ? "+" : ""}${kr(line.difference)}` : t("cellError")}
                  </span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

export const RegionChart: React.FC<{ regions: RegionPayment[]; t: Translate; lang: string }> = ({ regions, t, lang }) => {
  const styles = useStyles();
  const data: HorizontalBarChartWithAxisDataPoint[] = regions
    .filter((r) => typeof r.amount === "number")
    .map((r) => ({
      x: r.amount as number,
      y: r.name.replace(/^Region /, ""),
      legend: r.name,
      xAxisCalloutData: kr(r.amount),
      yAxisCalloutData: r.name,
      callOutAccessibilityData: { ariaLabel: `${r.name}: ${kr(r.amount)}` },
    }))
    .reverse();
  return (
    <div className={styles.chart} role="img" aria-label={`${t("chartLabel")}. ${regions.map((r) => `${r.name} ${kr(r.amount)}`).join("; ")}`} data-testid="region-chart">
      <HorizontalBarChartWithAxis
        data={data}
        height={520}
        barHeight={14}
        useSingleColor
        hideLegend
        showYAxisLables
        hideLabels
        culture={lang === "sv" ? "sv-SE" : "en-GB"}
        margins={{ left: 130, right: 16, top: 8, bottom: 32 }}
        xAxisTickCount={3}
        chartTitle={t("chart")}
      />
    </div>
  );
};

export const RegionTable: React.FC<{ regions: RegionPayment[]; t: Translate; onSelect: (r: RegionPayment) => void }> = ({ regions, t, onSelect }) => {
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
              <Link as="button" onClick={() => onSelect(r)} aria-label={`${t("goToCell")} ${r.sheet}!${r.cell}`}>
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

export const PayoutCalendar: React.FC<{ lines: CalendarLine[]; t: Translate }> = ({ lines, t }) => {
  const styles = useStyles();
  const dates = [...new Set(lines.map((l) => l.date))];
  return (
    <Table size="extra-small" aria-label={t("calendar")} data-testid="calendar">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("date")}</TableHeaderCell>
          <TableHeaderCell>{t("recipient")}</TableHeaderCell>
          <TableHeaderCell className={styles.numeric}>{t("amount")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {dates.flatMap((date) =>
          lines
            .filter((l) => l.date === date)
            .map((l, i) => (
              <TableRow key={`${date}-${l.post}`} data-date={date}>
                <TableCell>{i === 0 ? <Badge appearance="tint">{date.length === 4 ? `${t("duringYear")} ${date}` : date}</Badge> : null}</TableCell>
                <TableCell>
                  <Text className={styles.small} title={l.description}>
                    {l.recipient} · {l.post}
                  </Text>
                </TableCell>
                <TableCell className={styles.numeric}>{kr(l.amount)}</TableCell>
              </TableRow>
            )),
        )}
      </TableBody>
    </Table>
  );
};
