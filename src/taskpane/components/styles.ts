/**
 * The styles the steps share: a vertical stack, lists without bullets, and text that wraps, so the
 * pane never scrolls sideways at 320 px. Names (a file, a sheet, a table, a cell, a column header)
 * are never broken inside a word: `label` keeps one on its line and cuts it with an ellipsis, its
 * element carrying the whole name as its title (tooltip); `separators` lets a line that names
 * tables wrap only at spaces and punctuation. Elements showing such a name have `data-label`, which
 * the browser test measures at 320 px.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStepStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  headingRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  subheading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  bulletList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  wrap: {
    overflowWrap: "anywhere",
    wordBreak: "break-word",
    minWidth: 0,
  },
  label: {
    display: "block",
    maxWidth: "100%",
    minWidth: 0,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  separators: {
    wordBreak: "keep-all",
    // Only a run with no separator that is wider than the pane is broken, rather than cut off.
    overflowWrap: "break-word",
    minWidth: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  buttonColumn: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    alignItems: "stretch",
  },
});
