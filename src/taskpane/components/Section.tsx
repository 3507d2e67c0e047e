/*
 * Layout shared by the task pane's documents: a titled section and the pane's common styles.
 */
import * as React from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { marginTop: tokens.spacingVerticalXS },
});

let sectionIds = 0;

/** A section with an h2 title that labels it (for screen readers and the browser tests). */
export const Section: React.FC<{ title: string; children: React.ReactNode; testId?: string }> = ({
  title,
  children,
  testId,
}) => {
  const styles = usePaneStyles();
  const [id] = React.useState(() => `sjuk-section-${++sectionIds}`);
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
};
