/*
 * Layout shared by the task pane's documents: a titled section, open or folded, and the pane's
 * common styles. The pane is as narrow as Excel's (350 px): tables use `compactTable`, amounts
 * `numeric` (never broken inside), and words never break mid-word (`words`). New components
 * should take these classes rather than their own, so that they fit too.
 */
import * as React from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { marginTop: tokens.spacingVerticalXS },
  /** An amount or date: right-aligned digits that never break inside. */
  numeric: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  /** Text that wraps between words only: a name too long for its cell widens the cell instead. */
  words: { overflowWrap: "normal", wordBreak: "normal", hyphens: "manual" },
  /** A table that fits 350 px: small type, narrow cell padding, columns as wide as their content. */
  compactTable: {
    tableLayout: "auto",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
  },
  /** A folded section's title: the whole line toggles it (mouse, Enter or Space). */
  summary: {
    cursor: "pointer",
    "& > h2": { display: "inline" },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  folded: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
});

let sectionIds = 0;

export interface SectionProps {
  title: string;
  children: React.ReactNode;
  testId?: string;
  /** Folded under its title (a native disclosure) until opened; `open` is where it starts. */
  foldable?: boolean;
  open?: boolean;
  /** Called when the user opens or folds it (to render costly content only when open). */
  onToggle?: (open: boolean) => void;
}

/** A section with an h2 title that labels it (for screen readers and the browser tests). */
export const Section: React.FC<SectionProps> = ({
  title,
  children,
  testId,
  foldable,
  open,
  onToggle,
}) => {
  const styles = usePaneStyles();
  const [id] = React.useState(() => `sjuk-section-${++sectionIds}`);
  const heading = (
    <Subtitle2 as="h2" id={id}>
      {title}
    </Subtitle2>
  );
  if (!foldable)
    return (
      <section className={styles.section} aria-labelledby={id} data-testid={testId}>
        {heading}
        {children}
      </section>
    );
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <details
        open={open}
        onToggle={(e) => onToggle?.((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary className={styles.summary} data-testid={testId ? `${testId}-toggle` : undefined}>
          {heading}
        </summary>
        <div className={styles.folded}>{children}</div>
      </details>
    </section>
  );
};
