/*
 * Task pane entry. In the shared runtime this page also hosts the custom functions
 * (see webpack.config.js, chunks of taskpane.html): keep it free of work at load time.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";

/* global document, Office */

const title = "SJUK – sjukskrivningsmiljarden";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) {
    return;
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App title={title} />
    </FluentProvider>
  );
});
