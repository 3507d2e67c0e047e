/*
 * What every document's pane starts with: the button that inserts (or re-inserts) its sheets,
 * the reset choice and its confirmation, the messages of the last action and links to the
 * sheets the add-in owns.
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
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import type { Lang, Translate } from "../i18n";
import type { PaneMessage } from "./hooks";
import { Section, usePaneStyles } from "./Section";

export interface SheetsSectionProps {
  t: Translate;
  /** What inserting does; left out once the sheets are there, to keep the pane short. */
  hint?: string;
  inserted: boolean;
  busy: boolean;
  reset: boolean;
  onResetChange: (reset: boolean) => void;
  onInsert: () => void;
  messages: PaneMessage[];
  owned: { role: string; name: string }[];
  onSelectSheet: (name: string) => void;
}

export const SheetsSection: React.FC<SheetsSectionProps> = (p) => {
  const styles = usePaneStyles();
  const { t } = p;
  return (
    <Section title={t("sheets")} testId="sheets-section">
      {p.hint ? <Body1>{p.hint}</Body1> : null}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={p.onInsert}
          // Focusable while busy: a keyboard user's focus stays on the button, not lost to the page.
          disabledFocusable={p.busy}
          data-testid="insert-sheets"
        >
          {p.inserted ? t("reinsertSheets") : t("insertSheets")}
        </Button>
        {p.busy ? <Spinner size="tiny" label={t("inserting")} /> : null}
      </div>
      {p.inserted ? (
        <Checkbox
          checked={p.reset}
          onChange={(_e, d) => p.onResetChange(Boolean(d.checked))}
          label={t("resetInputs")}
        />
      ) : null}
      {p.messages.map((m, i) => (
        <MessageBar key={i} intent={m.intent} data-testid={`message-${m.intent}`}>
          <MessageBarBody>
            <MessageBarTitle>{m.title}</MessageBarTitle>
            {m.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {p.inserted ? (
        <nav aria-label={t("ownedSheets")}>
          <Caption1>{t("ownedSheets")}:</Caption1>{" "}
          {p.owned.map((s, i) => (
            <React.Fragment key={s.role}>
              {i ? " · " : ""}
              <Link as="button" onClick={() => p.onSelectSheet(s.name)}>
                {s.name}
              </Link>
            </React.Fragment>
          ))}
        </nav>
      ) : (
        <Caption1 className={styles.muted}>{t("noSheetsYet")}</Caption1>
      )}
    </Section>
  );
};

/** "Reset the inputs?": asked before a re-insert replaces what the user typed. */
export const ResetDialog: React.FC<{
  open: boolean;
  onOpenChange: (open: boolean) => void;
  text: string;
  onConfirm: () => void;
  t: Translate;
  lang: Lang;
}> = ({ open, onOpenChange, text, onConfirm, t, lang }) => (
  <Dialog open={open} onOpenChange={(_e, d) => onOpenChange(d.open)}>
    <DialogSurface>
      <DialogBody>
        <DialogTitle>{t("resetInputs")}?</DialogTitle>
        <DialogContent>{text}</DialogContent>
        <DialogActions>
          <Button appearance="secondary" onClick={() => onOpenChange(false)}>
            {lang === "sv" ? "Avbryt" : "Cancel"}
          </Button>
          <Button
            appearance="primary"
            onClick={() => {
              onOpenChange(false);
              onConfirm();
            }}
          >
            {t("resetInputs")}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  </Dialog>
);
