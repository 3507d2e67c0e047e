/*
 * The pane's scenarios (issue 10): the workbook's saved scenarios (the Scenarier sheet), chosen
 * from a list; create, copy, rename, delete, export and import them as JSON files; and write the
 * comparison sheet (against the chosen one as base) and the chosen one's audit sheet. Every list
 * change is saved at once, in one batch; the money comes from the engine through the workbook layer.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
} from "@fluentui/react-components";
import type { Scenario } from "../../scenarios";
import type { WorkbookPort } from "../../workbook/port";
import {
  addScenario,
  copyScenario,
  deleteScenario,
  exportScenarioJson,
  importScenarioJson,
  loadScenarios,
  renameScenario,
  saveScenarios,
} from "../../workbook/scenario-sheet";
import { writeAuditSheet, writeComparisonSheet } from "../../workbook/scenario-reports";
import { downloadText } from "../grant-model";
import type { Lang } from "../i18n";
import { DecisionReportExport } from "./DecisionReport";
import { Subscribe, useTask, useWorkbookRefresh } from "./hooks";
import { Section, usePaneStyles } from "./Section";
import { ScenarioComparison, ScenarioSensitivity } from "./ScenarioViews";

const W = {
  title: { sv: "Scenarier", en: "Scenarios" },
  failed: { sv: "Det gick inte", en: "That did not work" },
  none: {
    sv: "Inga sparade scenarier ännu: skapa ett eller importera en scenariofil.",
    en: "No saved scenarios yet: create one or import a scenario file.",
  },
  chosen: { sv: "Valt scenario", en: "Chosen scenario" },
  name: { sv: "Namn", en: "Name" },
  create: { sv: "Skapa", en: "Create" },
  copy: { sv: "Kopiera", en: "Copy" },
  rename: { sv: "Byt namn", en: "Rename" },
  remove: { sv: "Ta bort", en: "Delete" },
  exportJson: { sv: "Exportera JSON", en: "Export JSON" },
  importJson: { sv: "Importera JSON", en: "Import JSON" },
  compare: { sv: "Jämför (valt som bas)", en: "Compare (chosen as base)" },
  audit: { sv: "Revisionsblad", en: "Audit sheet" },
  written: { sv: "Bladet är skrivet", en: "The sheet is written" },
  saved: { sv: "Scenarierna är sparade", en: "The scenarios are saved" },
} as const;

export const ScenariosSection: React.FC<{
  port: WorkbookPort;
  lang: Lang;
  subscribe?: Subscribe;
}> = ({ port, lang, subscribe }) => {
  const styles = usePaneStyles();
  const w = (k: keyof typeof W) => W[k][lang];
  const { busy, messages, setMessages, run, fail } = useTask(w("failed"), lang);
  const [list, setList] = React.useState<Scenario[]>([]);
  const [chosen, setChosen] = React.useState<string | undefined>();
  const [name, setName] = React.useState("");
  const fileInput = React.useRef<HTMLInputElement>(null);

  const read = React.useCallback(() => loadScenarios(port), [port]);
  const refresh = useWorkbookRefresh(read, setList, fail, subscribe);
  const current = list.find((s) => s.name === chosen) ?? list[0];

  /** Saves the new list (one batch), then shows it with `select` chosen. */
  const save = async (next: Scenario[], select?: string) => {
    await saveScenarios(port, next, lang);
    setList(next);
    setChosen(select);
    setMessages([{ intent: "success", title: w("saved") }]);
    await refresh();
  };
  const written = (sheet: string) =>
    setMessages([{ intent: "success", title: w("written"), text: sheet }]);

  const onImport = async (file: File) => {
    const scenario = importScenarioJson(await file.text(), file.name);
    await save(addScenario(list, scenario), scenario.name);
  };

  return (
    <Section title={w("title")} testId="scenarios-section">
      {list.length === 0 ? <Caption1 className={styles.muted}>{w("none")}</Caption1> : null}
      {current ? (
        <Field label={w("chosen")}>
          <Dropdown
            value={current.name}
            selectedOptions={[current.name]}
            onOptionSelect={(_e, d) => setChosen(d.optionValue)}
            data-testid="scenario-choice"
          >
            {list.map((s) => (
              <Option key={s.name} value={s.name}>
                {s.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      <Field label={w("name")}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} data-testid="scenario-name" />
      </Field>
      <div className={styles.buttons}>
        <Button
          disabled={busy}
          onClick={() => void run(() => save(addScenario(list, { name }), name.trim()))}
          data-testid="scenario-create"
        >
          {w("create")}
        </Button>
        <Button
          disabled={busy || !current}
          onClick={() => void run(() => save(copyScenario(list, current!.name, name), name.trim()))}
          data-testid="scenario-copy"
        >
          {w("copy")}
        </Button>
        <Button
          disabled={busy || !current}
          onClick={() =>
            void run(() => save(renameScenario(list, current!.name, name), name.trim()))
          }
          data-testid="scenario-rename"
        >
          {w("rename")}
        </Button>
        <Button
          disabled={busy || !current}
          onClick={() => void run(() => save(deleteScenario(list, current!.name)))}
          data-testid="scenario-delete"
        >
          {w("remove")}
        </Button>
      </div>
      <div className={styles.buttons}>
        <Button
          disabled={busy || !current}
          onClick={() =>
            downloadText(
              exportScenarioJson(current!),
              `${current!.name}.json`,
              "application/json;charset=utf-8"
            )
          }
          data-testid="scenario-export"
        >
          {w("exportJson")}
        </Button>
        <Button
          disabled={busy}
          onClick={() => fileInput.current?.click()}
          data-testid="scenario-import"
        >
          {w("importJson")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="scenario-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void run(() => onImport(file));
          }}
        />
        <Button
          disabled={busy || list.length === 0}
          onClick={() =>
            void run(async () =>
              written(await writeComparisonSheet(port, list, lang, current!.name))
            )
          }
          data-testid="scenario-compare"
        >
          {w("compare")}
        </Button>
        <Button
          disabled={busy || !current}
          onClick={() => void run(async () => written(await writeAuditSheet(port, current!, lang)))}
          data-testid="scenario-audit"
        >
          {w("audit")}
        </Button>
      </div>
      <DecisionReportExport scenario={current} lang={lang} />
      {messages.map((m, i) => (
        <MessageBar key={i} intent={m.intent} data-testid={`scenario-message-${m.intent}`}>
          <MessageBarBody>
            <MessageBarTitle>{m.title}</MessageBarTitle>
            {m.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {current ? <ScenarioComparison scenarios={list} base={current.name} lang={lang} /> : null}
      {current ? <ScenarioSensitivity scenario={current} lang={lang} /> : null}
    </Section>
  );
};
