/*
 * The calendar download both documents' panes offer: the .ics file of the payment calendar,
 * with a reminder before each deadline (days, 0 for none; default 7) and an optional first
 * day. A range without events still gives a valid file, and the pane says so.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import {
  DEFAULT_REMINDER_DAYS,
  MAX_REMINDER_DAYS,
  type CalendarEvent,
} from "../../engine/calendar";
import { isIsoDate } from "../../engine/calendar";
import { message, render } from "../../core/messages";
import { downloadText, icsFile } from "../grant-model";
import type { Lang, Translate } from "../i18n";
import { usePaneStyles } from "./Section";

export const IcsDownload: React.FC<{
  events: readonly CalendarEvent[];
  lang: Lang;
  t: Translate;
  /** Runs the download as the pane's task (its errors shown like any other). */
  run: (work: () => void) => void;
}> = ({ events, lang, t, run }) => {
  const styles = usePaneStyles();
  const [days, setDays] = React.useState(String(DEFAULT_REMINDER_DAYS));
  const [from, setFrom] = React.useState("");
  const [empty, setEmpty] = React.useState<string | undefined>();
  const dayCount = /^\d+$/.test(days.trim()) ? Number(days.trim()) : NaN;
  const daysOk = Number.isInteger(dayCount) && dayCount >= 0 && dayCount <= MAX_REMINDER_DAYS;
  const fromOk = from === "" || isIsoDate(from);
  const sv = lang === "sv";

  const onDownload = () =>
    run(() => {
      const file = icsFile(events, lang, {
        reminderDays: dayCount === 0 ? null : dayCount,
        ...(from ? { from } : {}),
      });
      downloadText(file.text, file.name);
      setEmpty(
        file.count === 0
          ? render(message("ics.empty", { from: from || "…", to: "…" }), lang)
          : undefined
      );
    });

  return (
    <div className={styles.section} data-testid="ics-download">
      <div className={styles.buttons}>
        <Field
          label={
            sv
              ? "Påminnelse, dagar före varje deadline (0 = ingen)"
              : "Reminder, days before each deadline (0 = none)"
          }
          validationMessage={
            daysOk
              ? undefined
              : sv
                ? `Ett heltal från 0 till ${MAX_REMINDER_DAYS}`
                : `A whole number from 0 to ${MAX_REMINDER_DAYS}`
          }
        >
          <Input
            type="number"
            min={0}
            max={MAX_REMINDER_DAYS}
            value={days}
            onChange={(_e, d) => setDays(d.value)}
            data-testid="ics-reminder-days"
          />
        </Field>
        <Field
          label={sv ? "Från och med (tomt: alla)" : "From (blank: all)"}
          validationMessage={fromOk ? undefined : sv ? "Skriv ÅÅÅÅ-MM-DD" : "Write YYYY-MM-DD"}
        >
          <Input
            type="date"
            value={from}
            onChange={(_e, d) => setFrom(d.value)}
            data-testid="ics-from"
          />
        </Field>
      </div>
      <div className={styles.buttons}>
        <Button onClick={onDownload} disabled={!daysOk || !fromOk} data-testid="download-ics">
          {t("downloadIcs")}
        </Button>
      </div>
      {empty ? (
        <MessageBar intent="info" data-testid="ics-empty-note">
          <MessageBarBody>{empty}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
};
