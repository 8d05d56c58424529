import {
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  Title2,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Locale, messages } from "./messages";

export interface AppProps {
  locale: Locale;
  /** False when the page is opened in a plain browser to preview the UI. */
  inExcel: boolean;
}

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
});

function Home({ locale, inExcel }: AppProps) {
  const styles = useStyles();
  const text = messages[locale];
  return (
    <main className={styles.main}>
      <Title2 as="h1">{text.title}</Title2>
      <Body1>{text.comingSoon}</Body1>
      {!inExcel && <Caption1>{text.previewNotice}</Caption1>}
    </main>
  );
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <Home {...props} />
    </FluentProvider>
  );
}
