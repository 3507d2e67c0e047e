/*
 * The decision report ("beslutsunderlag", issue 12 point 8) of the chosen scenario, downloaded as
 * .xlsx or PDF. The report's code (ExcelJS, jsPDF) is a bundle of its own, loaded on the first
 * click, so the pane starts without it. The money is the engine's (scenarioResult).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Scenario } from "../../scenarios";
import { scenarioResult } from "../../workbook/scenario-reports";
import { downloadBlob } from "../grant-model";
import type { Lang } from "../i18n";
import { useTask } from "./hooks";
import { usePaneStyles } from "./Section";

const W = {
  heading: { sv: "Beslutsunderlag", en: "Decision report" },
  hint: {
    sv: "Utbetalning per mottagare och datum med beräkningen för varje mottagare, för valt scenario.",
    en: "Payout per recipient and date with every recipient's calculation, for the chosen scenario.",
  },
  xlsx: { sv: "Hämta .xlsx", en: "Download .xlsx" },
  pdf: { sv: "Hämta PDF", en: "Download PDF" },
  failed: {
    sv: "Beslutsunderlaget kunde inte skapas",
    en: "The decision report could not be made",
  },
  done: { sv: "Beslutsunderlaget är hämtat", en: "The decision report is downloaded" },
} as const;

/** Today in the user's time zone, YYYY-MM-DD: the report's date. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export const DecisionReportExport: React.FC<{ scenario: Scenario | undefined; lang: Lang }> = ({
  scenario,
  lang,
}) => {
  const styles = usePaneStyles();
  const { busy, messages, setMessages, run } = useTask(W.failed[lang], lang);

  const download = (format: "xlsx" | "pdf") =>
    run(async () => {
      const report = await import(/* webpackChunkName: "report" */ "../../report");
      const bytes = await report.reportFile(
        format,
        scenario!,
        scenarioResult(scenario!),
        lang,
        today()
      );
      const name = report.reportFileName(scenario!.name, format, lang);
      downloadBlob(new Blob([bytes], { type: report.MIME[format] }), name);
      setMessages([{ intent: "success", title: W.done[lang], text: name }]);
    });

  return (
    <div data-testid="decision-report">
      <Caption1 className={styles.muted}>
        <strong>{W.heading[lang]}</strong>: {W.hint[lang]}
      </Caption1>
      <div className={styles.buttons}>
        <Button
          disabled={busy || !scenario}
          onClick={() => void download("xlsx")}
          data-testid="report-xlsx"
        >
          {W.xlsx[lang]}
        </Button>
        <Button
          disabled={busy || !scenario}
          onClick={() => void download("pdf")}
          data-testid="report-pdf"
        >
          {W.pdf[lang]}
        </Button>
      </div>
      {messages.map((m, i) => (
        <MessageBar key={i} intent={m.intent} data-testid={`report-message-${m.intent}`}>
          <MessageBarBody>
            <MessageBarTitle>{m.title}</MessageBarTitle>
            {m.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
};
