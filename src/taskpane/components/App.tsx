import * as React from "react";
import { Body1, Title2, makeStyles, tokens } from "@fluentui/react-components";

export interface AppProps {
  title: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** Placeholder shell; the real task pane (sheets, scenarios, comparisons) replaces the body. */
const App: React.FC<AppProps> = ({ title }) => {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{title}</Title2>
      <Body1>Skriv =SJUK. i en cell för att använda funktionerna.</Body1>
    </main>
  );
};

export default App;
