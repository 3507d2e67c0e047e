import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { HostReport, hostMessages } from "../host-check";
import type { Lang } from "../i18n";

/** The start-up check of the host: what this Excel cannot do, and whether the SJUK functions are there. */
const HostStatus: React.FC<{ report: HostReport; lang: Lang }> = ({ report, lang }) => (
  <div data-testid="host-status">
    {hostMessages(report, lang).map((m, i) => (
      <MessageBar key={i} intent={m.intent} data-testid={`host-${m.intent}`}>
        <MessageBarBody>{m.text}</MessageBarBody>
      </MessageBar>
    ))}
  </div>
);

export default HostStatus;
