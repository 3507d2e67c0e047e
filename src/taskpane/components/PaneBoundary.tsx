/*
 * A failure while the pane draws itself shows what failed and a way back, not a blank pane:
 * React unmounts the whole tree on an error that no boundary catches. Drawing never writes to
 * the workbook, so the message can say that nothing was written.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { errorText, problem, problemText } from "../../core/errors";
import { Lang, translator } from "../i18n";

interface Props {
  lang: Lang;
  children: React.ReactNode;
}

interface State {
  failed: boolean;
  error?: unknown;
}

export class PaneBoundary extends React.Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    const { lang } = this.props;
    const why = errorText(this.state.error, lang);
    return (
      <MessageBar intent="error" data-testid="pane-failed">
        <MessageBarBody>{problemText(problem("pane.failed", { why }), lang)}</MessageBarBody>
        <MessageBarActions>
          <Button data-testid="pane-again" onClick={() => this.setState({ failed: false })}>
            {translator(lang)("paneAgain")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
