/**
 * A section that opens and closes under its heading: the findings' groups and the list of tables
 * found. It is what the pane used Fluent UI's Accordion for, drawn as a small AccordionHeader: a
 * heading holding a button with aria-expanded and a chevron, the panel below it only while open
 * (closed, its content is not in the page). Fluent's Accordion brings tabster, its focus manager,
 * for arrow-key navigation the pane does not use, and a motion library for the panel's opening;
 * the pane loads every script before the first findings (issue 12 §4). A button is reached with
 * Tab and toggled with Enter or Space, as any button.
 */
import {
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useState } from "react";

export interface DisclosureProps {
  heading: ReactNode;
  /** The heading's level (h3 by default). */
  as?: "h2" | "h3" | "h4";
  /** Open or closed as the caller holds it; without it the section holds it itself. */
  open?: boolean;
  /** Closed unless said otherwise, when the section holds its state itself. */
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  children: ReactNode;
}

const useStyles = makeStyles({
  heading: {
    margin: 0,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorTransparentBackground,
  },
  button: {
    ...typographyStyles.body1,
    position: "relative",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    width: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalMNudge}`,
    border: "none",
    backgroundColor: "inherit",
    color: "inherit",
    fontSize: tokens.fontSizeBase200,
    textAlign: "unset",
    cursor: "pointer",
    WebkitAppearance: "button",
  },
  focus: createFocusOutlineStyle(),
  chevron: {
    display: "flex",
    alignItems: "center",
    height: "100%",
    paddingRight: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
  chevronIcon: {
    display: "inline",
    lineHeight: 0,
    transitionProperty: "transform",
    transitionDuration: tokens.durationNormal,
    transitionTimingFunction: "ease-out",
    "@media (forced-colors: active)": {
      forcedColorAdjust: "auto",
    },
  },
  chevronOpen: {
    transform: "rotate(90deg)",
  },
  panel: {
    margin: `0 ${tokens.spacingHorizontalM}`,
  },
});

/** Fluent UI's ChevronRightRegular (20 px, drawn at 1em). */
const CHEVRON_RIGHT =
  "M7.65 4.15c.2-.2.5-.2.7 0l5.49 5.46c.21.22.21.57 0 .78l-5.49 5.46a.5.5 0 0 1-.7-.7L12.8 10 7.65 4.85a.5.5 0 0 1 0-.7Z";

export function Disclosure({
  heading,
  as: Heading = "h3",
  open,
  defaultOpen = false,
  onOpenChange,
  children,
}: DisclosureProps) {
  const styles = useStyles();
  const [ownOpen, setOwnOpen] = useState(defaultOpen);
  const isOpen = open ?? ownOpen;
  const toggle = () => {
    if (open === undefined) setOwnOpen(!isOpen);
    onOpenChange?.(!isOpen);
  };
  return (
    <div>
      <Heading className={styles.heading}>
        <button
          type="button"
          aria-expanded={isOpen}
          className={mergeClasses(styles.button, styles.focus)}
          onClick={toggle}
        >
          <span className={styles.chevron} aria-hidden>
            <svg
              className={mergeClasses(styles.chevronIcon, isOpen && styles.chevronOpen)}
              width="1em"
              height="1em"
              viewBox="0 0 20 20"
              fill="currentColor"
              aria-hidden
            >
              <path d={CHEVRON_RIGHT} />
            </svg>
          </span>
          {heading}
        </button>
      </Heading>
      {isOpen && <div className={styles.panel}>{children}</div>}
    </div>
  );
}
