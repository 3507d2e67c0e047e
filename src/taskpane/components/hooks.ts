/*
 * The two things every document in the task pane does with the workbook: run an action (busy
 * while it runs, its messages, a failure shown as an error) and keep its view of the workbook
 * fresh (read now, on every change, and drop a read that a newer one overtook).
 */
import * as React from "react";
import { errorText } from "../../core/errors";
import type { Language } from "../../core/language";

export interface PaneMessage {
  intent: "success" | "warning" | "error";
  title: string;
  text?: string;
}

export interface RunOptions {
  /** Without busy: no spinner, and the messages on show stay (e.g. changing an option). */
  quiet?: boolean;
  /** Runs after the action, whether it worked or not. */
  onSettled?: () => void;
}

/**
 * Runs the pane's actions: the one busy flag, the messages, and failures as an error message in
 * the pane's language (a SjukError's problems from the catalogue, each with its place).
 */
export function useTask(failTitle: string, lang: Language) {
  const [busy, setBusy] = React.useState(false);
  const [messages, setMessages] = React.useState<PaneMessage[]>([]);
  const fail = React.useCallback(
    (e: unknown) => setMessages([{ intent: "error", title: failTitle, text: errorText(e, lang) }]),
    [failTitle, lang]
  );
  const run = React.useCallback(
    async (action: () => Promise<void> | void, options: RunOptions = {}) => {
      if (!options.quiet) {
        setBusy(true);
        setMessages([]);
      }
      try {
        await action();
      } catch (e) {
        fail(e);
      } finally {
        if (!options.quiet) setBusy(false);
        options.onSettled?.();
      }
    },
    [fail]
  );
  return { busy, messages, setMessages, run, fail };
}

/** Calls `listener` whenever the workbook changed; returns an unsubscribe. */
export type Subscribe = (listener: () => void) => () => void;

/**
 * Reads the workbook with `read` (memoize it: a new `read` reads again) and hands the value to
 * `show`; again on every workbook change. A read costs one batch, so no debounce: changes during
 * a read are coalesced into one more read after it. Returns the refresh, for after an action. A
 * read that a newer one has overtaken is dropped, so the pane never shows old data.
 */
export function useWorkbookRefresh<T>(
  read: () => Promise<T>,
  show: (value: T) => void,
  fail: (e: unknown) => void,
  subscribe?: Subscribe
): () => Promise<void> {
  const generation = React.useRef(0);
  const handlers = React.useRef({ show, fail });
  handlers.current = { show, fail };

  const refresh = React.useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await read();
      if (mine === generation.current) handlers.current.show(value);
    } catch (e) {
      if (mine === generation.current) handlers.current.fail(e);
    }
  }, [read]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  React.useEffect(() => {
    if (!subscribe) return undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const run = () => {
      if (running) {
        again = true;
        return;
      }
      running = refresh().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
    };
    return subscribe(run);
  }, [subscribe, refresh]);

  return refresh;
}
