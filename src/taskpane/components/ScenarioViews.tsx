/*
 * The pane's views of saved scenarios (issue 10 points 5 and 7): the comparison against a base
 * (per region and post, each scenario's payment, the difference in kronor and per cent, sums that
 * add up, a chart of the differences per region) and the sensitivity of a region (its own key
 * figure ± 1 000; who gains and loses when it does not fulfil a condition). The amounts come from
 * the engine through the workbook layer (scenario-reports.ts); nothing is computed here.
 */
import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  HorizontalBarChartWithAxis,
  type HorizontalBarChartWithAxisDataPoint,
} from "@fluentui/react-charts";
import { RECIPIENT_NAMES, type AllocationAgreement } from "../../agreements";
import { errorText } from "../../core/errors";
import { render } from "../../core/messages";
import { formatKronor } from "../../engine/money";
import { recipientsOf } from "../../engine/recipients";
import { TOTAL, resolveSavedScenario, type Comparison, type Scenario } from "../../scenarios";
import { compareSaved, savedImpact, savedSensitivity } from "../../workbook/scenario-reports";
import type { Lang } from "../i18n";

const W = {
  comparison: { sv: "Jämförelse", en: "Comparison" },
  base: { sv: "Bas", en: "Base" },
  against: { sv: "Diagram för", en: "Chart for" },
  post: { sv: "Post", en: "Post" },
  allPosts: { sv: "Alla poster", en: "All posts" },
  region: { sv: "Mottagare", en: "Recipient" },
  sum: { sv: "Summa", en: "Total" },
  diffKr: { sv: "skillnad kr", en: "difference kr" },
  diffPct: { sv: "skillnad %", en: "difference %" },
  chart: { sv: "Skillnad per region mot basen", en: "Difference per region against the base" },
  needTwo: {
    sv: "Spara minst två scenarier för att jämföra dem.",
    en: "Save at least two scenarios to compare them.",
  },
  sensitivity: { sv: "Känslighet", en: "Sensitivity" },
  sensitivityOf: { sv: "Region", en: "Region" },
  payment: { sv: "Utbetalning", en: "Payment" },
  minus: { sv: "−1 000 inv.", en: "−1,000 pop." },
  plus: { sv: "+1 000 inv.", en: "+1,000 pop." },
  moves: {
    sv: "Så ändras regionens utbetalning när dess eget nyckeltal ändras med 1 000",
    en: "How the region's payment moves when its own key figure changes by 1,000",
  },
  notFulfilling: { sv: "Om regionen inte uppfyller", en: "If the region does not fulfil" },
  gain: { sv: "Vinner", en: "Gain" },
  lose: { sv: "Förlorar", en: "Lose" },
  unpaid: { sv: "Betalas inte ut", en: "Not paid out" },
  nobody: { sv: "Ingen region vinner.", en: "No region gains." },
  failed: { sv: "Kan inte räknas", en: "Cannot be computed" },
} as const;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // The table scrolls inside its own box; the pane itself never scrolls sideways.
  tableBox: { maxWidth: "100%", maxHeight: "22rem", overflow: "auto" },
  // Columns as wide as their content (the amounts never wrap); names wrap between words.
  // Narrow cell padding: four columns of amounts fit Excel's 350 px pane without scrolling.
  table: {
    tableLayout: "auto",
    fontSize: tokens.fontSizeBase200,
    "& th": { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
    "& td": { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  },
  numeric: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  name: { minWidth: "8em" },
  total: { fontWeight: tokens.fontWeightSemibold },
  chart: { width: "100%", height: "420px" },
  field: { minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
});

type Words = (k: keyof typeof W) => string;
const words =
  (lang: Lang): Words =>
  (k) =>
    W[k][lang];

/** "+12 345 kr", "−12 345 kr", "0 kr" (non-breaking spaces). */
function signedKr(amount: number): string {
  return amount > 0 ? `+${formatKronor(amount, "\u00a0")}` : formatKronor(amount, "\u00a0");
}

/** "−0,12 %" in Swedish, "−0.12%" in English; empty where the base pays nothing. */
function percent(value: number | null, lang: Lang): string {
  if (value === null) return "";
  const digits = Math.abs(value).toFixed(2);
  const sign = value < 0 ? "−" : value > 0 ? "+" : "";
  return lang === "sv" ? `${sign}${digits.replace(".", ",")}\u00a0%` : `${sign}${digits}%`;
}

/** A member of an agreement's recipient set (a region, a municipality, …): code, name, short name. */
interface Member {
  code: string;
  name: string;
  short: string;
}

/** The members of an agreement's recipient set, in its order. */
function membersOf(agreement: AllocationAgreement): Member[] {
  return recipientsOf(agreement).members.map((m) => ({
    code: m.code,
    name: m.name,
    short: m.short ?? m.name,
  }));
}

/** A member's name (any recipient set); another recipient (SKR, Försäkringskassan, …) by its own name. */
const recipientName = (code: string, sumWord: string, lang: Lang, members: readonly Member[]) =>
  code === TOTAL
    ? sumWord
    : (members.find((r) => r.code === code)?.name ?? RECIPIENT_NAMES[code]?.[lang] ?? code);

function Failure({ text, title }: { text: string; title: string }) {
  return (
    <MessageBar intent="error" data-testid="scenario-view-error">
      <MessageBarBody>
        {title}: {text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A small labelled drop-down of values. */
function Choice(props: {
  label: string;
  value: string;
  options: { value: string; text: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  const styles = useStyles();
  const shown = props.options.find((o) => o.value === props.value)?.text ?? props.value;
  return (
    <Field label={props.label} className={styles.field}>
      <Dropdown
        className={styles.dropdown}
        value={shown}
        selectedOptions={[props.value]}
        onOptionSelect={(_e, d) => d.optionValue && props.onChange(d.optionValue)}
        data-testid={props.testId}
      >
        {props.options.map((o) => (
          <Option key={o.value} value={o.value} text={o.text}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** Payment of `scenario` for `post` and `code` in a comparison (the base's as `base`). */
function paidIn(c: Comparison, scenario: string, post: string, code: string): number {
  const others = c.differences.filter((d) => d.post === post && d.code === code);
  if (scenario === c.base) {
    if (others.length) return others[0]!.base;
    return onlyBase(c, post, code);
  }
  return others.find((d) => d.scenario === scenario)?.amount ?? 0;
}

/** With one scenario there are no differences: its own payments. */
function onlyBase(c: Comparison, post: string, code: string): number {
  const r = c.scenarios[0]!.result;
  const posts = post === TOTAL ? r.posts : r.posts.filter((p) => p.post.id === post);
  return posts
    .flatMap((p) => p.payments)
    .filter((x) => code === TOTAL || x.recipient === code)
    .reduce((s, x) => s + x.amount, 0);
}

/** A scenario whose key is not from the agreement's key date says so beside its figures. */
const KEY_WARNINGS: readonly string[] = ["key-date", "key-date-unknown", "key-dates-mixed"];

export const ScenarioComparison: React.FC<{
  scenarios: readonly Scenario[];
  base: string;
  lang: Lang;
}> = ({ scenarios, base, lang }) => {
  const styles = useStyles();
  const w = words(lang);
  const [post, setPost] = React.useState<string>(TOTAL);
  const [charted, setCharted] = React.useState<string | undefined>();
  const outcome = React.useMemo(() => {
    try {
      return { comparison: compareSaved(scenarios, base) };
    } catch (e) {
      return { error: errorText(e, lang) };
    }
  }, [scenarios, base, lang]);

  if (scenarios.length < 2) return <Caption1>{w("needTwo")}</Caption1>;
  if (!outcome.comparison) return <Failure title={w("failed")} text={outcome.error!} />;
  const c = outcome.comparison;
  const others = c.scenarios.map((s) => s.name).filter((n) => n !== c.base);
  const chartFor = charted && others.includes(charted) ? charted : others[0]!;
  const posts = [...new Set(c.differences.map((d) => d.post))];
  const codes = [
    ...new Set(c.differences.filter((d) => d.post === post).map((d) => d.code)),
  ].filter((code) => code !== TOTAL);
  const row = (scenario: string, code: string) =>
    c.differences.find((d) => d.scenario === scenario && d.post === post && d.code === code);
  // The base scenario's agreement names the members (the 21 regions, or any other set).
  const members = membersOf(c.scenarios.find((x) => x.name === c.base)!.result.agreement);

  return (
    <section className={styles.view} aria-label={w("comparison")} data-testid="scenario-comparison">
      <Subtitle2 as="h3">
        {w("comparison")} ({w("base")}: {c.base})
      </Subtitle2>
      {c.scenarios.flatMap((s) =>
        s.result.warnings
          .filter((x) => KEY_WARNINGS.includes(x.code))
          .map((x) => (
            <MessageBar key={`${s.name} ${x.code}`} intent="warning" data-testid="comparison-key">
              <MessageBarBody>
                {s.name}: {render(x.note, lang)}
              </MessageBarBody>
            </MessageBar>
          ))
      )}
      <Choice
        label={w("post")}
        value={post}
        options={posts.map((p) => ({ value: p, text: p === TOTAL ? w("allPosts") : p }))}
        onChange={setPost}
        testId="comparison-post"
      />
      <div className={styles.tableBox} tabIndex={0} role="region" aria-label={w("comparison")}>
        <Table size="extra-small" className={styles.table} data-testid="comparison-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{w("region")}</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>{c.base}</TableHeaderCell>
              {others.map((n) => (
                <React.Fragment key={n}>
                  <TableHeaderCell className={styles.numeric}>{n}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>
                    {n}: {w("diffKr")}
                  </TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>
                    {n}: {w("diffPct")}
                  </TableHeaderCell>
                </React.Fragment>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...codes, TOTAL].map((code) => (
              <TableRow
                key={code}
                data-testid={`comparison-${code}`}
                className={code === TOTAL ? styles.total : undefined}
              >
                <TableCell className={styles.name}>
                  {recipientName(code, w("sum"), lang, members)}
                </TableCell>
                <TableCell className={styles.numeric} data-testid="base">
                  {formatKronor(paidIn(c, c.base, post, code), "\u00a0")}
                </TableCell>
                {others.map((n, i) => {
                  const d = row(n, code);
                  return (
                    <React.Fragment key={n}>
                      <TableCell className={styles.numeric} data-testid={`amount-${i}`}>
                        {formatKronor(d?.amount ?? 0, "\u00a0")}
                      </TableCell>
                      <TableCell className={styles.numeric} data-testid={`difference-${i}`}>
                        {signedKr(d?.difference ?? 0)}
                      </TableCell>
                      <TableCell className={styles.numeric} data-testid={`percent-${i}`}>
                        {percent(d?.percent ?? null, lang)}
                      </TableCell>
                    </React.Fragment>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {others.length > 1 ? (
        <Choice
          label={w("against")}
          value={chartFor}
          options={others.map((n) => ({ value: n, text: n }))}
          onChange={setCharted}
          testId="comparison-chart-for"
        />
      ) : null}
      <DifferenceChart
        points={members.map((r) => ({
          member: r,
          difference: row(chartFor, r.code)?.difference ?? 0,
        }))}
        title={`${w("chart")}: ${chartFor} (${post === TOTAL ? w("allPosts") : post})`}
        lang={lang}
      />
    </section>
  );
};

/**
 * Round ticks within the bars' own range (a tick outside it would be drawn outside the chart):
 * zero and the multiples of a round step, at most about five, so the kronor labels do not collide.
 */
function ticks(low: number, high: number): number[] {
  const span = Math.max(1, high - low);
  const step =
    [1, 2, 5]
      .flatMap((m) => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000].map((p) => m * p))
      .sort((a, b) => a - b)
      .find((s) => span / s <= 2.5) ?? 100_000_000;
  const out: number[] = [];
  // `|| 0`: Math.ceil of a small negative quotient is −0, which would be labelled "−0".
  for (let v = Math.ceil(low / step) * step || 0; v <= high; v += step) out.push(v);
  return out.includes(0) ? out : [...out, 0].sort((a, b) => a - b);
}

/** The differences per region as bars either side of zero: gains green, losses red. */
const DifferenceChart: React.FC<{
  points: { member: Member; difference: number }[];
  title: string;
  lang: Lang;
}> = ({ points, title, lang }) => {
  const styles = useStyles();
  const data: HorizontalBarChartWithAxisDataPoint[] = points
    .map((p) => {
      const region = p.member;
      return {
        x: p.difference,
        y: region.short,
        legend: region.name,
        color:
          p.difference < 0
            ? tokens.colorPaletteRedBackground3
            : tokens.colorPaletteGreenBackground3,
        xAxisCalloutData: signedKr(p.difference),
        yAxisCalloutData: region.name,
        callOutAccessibilityData: { ariaLabel: `${region.name}: ${signedKr(p.difference)}` },
      };
    })
    .reverse();
  const low = Math.min(0, ...points.map((p) => p.difference));
  const high = Math.max(0, ...points.map((p) => p.difference));
  return (
    <div
      className={styles.chart}
      role="img"
      aria-label={`${title}. ${points.map((p) => `${p.member.name} ${signedKr(p.difference)}`).join("; ")}`}
      data-testid="comparison-chart"
    >
      <HorizontalBarChartWithAxis
        data={data}
        height={420}
        barHeight={12}
        hideLegend
        showYAxisLables
        hideLabels
        culture={lang === "sv" ? "sv-SE" : "en-GB"}
        // Room for the longest short name, "Jämtland Härjedalen", and for a tick label's half.
        margins={{ left: 140, right: 36, top: 4, bottom: 28 }}
        tickValues={ticks(low, high)}
        chartTitle={title}
      />
    </div>
  );
};

export const ScenarioSensitivity: React.FC<{ scenario: Scenario; lang: Lang }> = ({
  scenario,
  lang,
}) => {
  const styles = useStyles();
  const w = words(lang);
  // The scenario's own agreement gives the members and posts to choose from (any recipient set).
  const agreement = React.useMemo(() => {
    try {
      return resolveSavedScenario(scenario, "Scenarier").agreement;
    } catch {
      return undefined; // the outcome below says what is wrong with the scenario
    }
  }, [scenario]);
  const members = React.useMemo(() => (agreement ? membersOf(agreement) : []), [agreement]);
  const posts = agreement
    ? agreement.posts.filter((p) => p.recipient === agreement.recipients.id).map((p) => p.id)
    : [];
  // Gotland and villkor 2 at first, as the 2020 agreement's example; else the first of each.
  const [chosenCode, setCode] = React.useState("09");
  const [chosenPost, setPost] = React.useState("v2");
  const code = members.some((m) => m.code === chosenCode) ? chosenCode : (members[0]?.code ?? "");
  const post = posts.includes(chosenPost) ? chosenPost : (posts[0] ?? "");
  const outcome = React.useMemo(() => {
    try {
      return {
        moves: savedSensitivity(scenario, code),
        impact: savedImpact(scenario, code, post),
      };
    } catch (e) {
      return { error: errorText(e, lang) };
    }
  }, [scenario, code, post, lang]);

  return (
    <section
      className={styles.view}
      aria-label={w("sensitivity")}
      data-testid="scenario-sensitivity"
    >
      <Subtitle2 as="h3">
        {w("sensitivity")}: {scenario.name}
      </Subtitle2>
      <Choice
        label={w("sensitivityOf")}
        value={code}
        options={members.map((r) => ({ value: r.code, text: r.name }))}
        onChange={setCode}
        testId="sensitivity-region"
      />
      {outcome.error !== undefined ? <Failure title={w("failed")} text={outcome.error} /> : null}
      {outcome.moves ? (
        <>
          <Caption1>{w("moves")}</Caption1>
          <div className={styles.tableBox} tabIndex={0} role="region" aria-label={w("moves")}>
            <Table size="extra-small" className={styles.table} data-testid="sensitivity-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{w("post")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{w("payment")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{w("minus")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>{w("plus")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcome.moves.lines.map((l) => (
                  <TableRow
                    key={l.post ?? TOTAL}
                    data-testid={`sensitivity-${l.post ?? TOTAL}`}
                    className={l.post === null ? styles.total : undefined}
                  >
                    <TableCell>{l.post ?? w("sum")}</TableCell>
                    <TableCell className={styles.numeric} data-testid="base">
                      {formatKronor(l.base, "\u00a0")}
                    </TableCell>
                    <TableCell className={styles.numeric} data-testid="minus">
                      {signedKr(l.minus - l.base)}
                    </TableCell>
                    <TableCell className={styles.numeric} data-testid="plus">
                      {signedKr(l.plus - l.base)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
      <Choice
        label={w("notFulfilling")}
        value={post}
        options={posts.map((p) => ({ value: p, text: p }))}
        onChange={setPost}
        testId="sensitivity-post"
      />
      {outcome.impact ? (
        <div
          className={styles.tableBox}
          tabIndex={0}
          role="region"
          aria-label={`${w("notFulfilling")} ${post}`}
        >
          <Table size="extra-small" className={styles.table} data-testid="impact-table">
            <TableBody>
              {[...outcome.impact.gainers, ...outcome.impact.losers].map((l) => (
                <TableRow key={l.code} data-testid={`impact-${l.code}`}>
                  <TableCell className={styles.name}>{l.name}</TableCell>
                  <TableCell>{l.difference > 0 ? w("gain") : w("lose")}</TableCell>
                  <TableCell className={styles.numeric} data-testid="difference">
                    {signedKr(l.difference)}
                  </TableCell>
                </TableRow>
              ))}
              {outcome.impact.unpaid.difference !== 0 ? (
                <TableRow data-testid="impact-unpaid">
                  <TableCell className={styles.name}>{w("unpaid")}</TableCell>
                  <TableCell />
                  <TableCell className={styles.numeric} data-testid="difference">
                    {signedKr(outcome.impact.unpaid.difference)}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
          {outcome.impact.gainers.length === 0 ? <Caption1>{w("nobody")}</Caption1> : null}
        </div>
      ) : null}
    </section>
  );
};
