/**
 * The step tabs (检查, 生成公开表, 导出): a tab list as Fluent UI's small TabList draws it, without
 * it. Fluent's TabList moves focus between the tabs with tabster, its focus manager (~19 KB
 * gzipped with the tabs themselves ~26 KB), and the pane loads every script before the first
 * findings (issue 12 §4); the pane's one tab list needs only what the WAI-ARIA tabs pattern asks:
 * role=tablist/tab, aria-selected, one tab stop (the selected tab), arrow keys (with Home and End)
 * moving the focus around the list and Enter, Space or a click selecting, as Fluent's TabList does
 * (focus alone does not select). Looks: Fluent's tokens and the sizes of its `size="small"` tabs.
 */
import {
  createCustomFocusIndicatorStyle,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { useRef } from "react";

export interface StepTab<T extends string> {
  value: T;
  label: string;
  /** The tab's element id, which the tab panel names as its label. */
  id: string;
}

export interface StepTabsProps<T extends string> {
  tabs: readonly StepTab<T>[];
  selected: T;
  label: string;
  onSelect(value: T): void;
  className?: string;
}

/** Where an arrow key (or Home, End) moves the focus from tab `from` of `count`; circular. */
export function tabAfterKey(key: string, from: number, count: number): number | undefined {
  switch (key) {
    case "ArrowRight":
      return (from + 1) % count;
    case "ArrowLeft":
      return (from - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

/** The bar under a tab: the selected tab's (::after) and the one under the pointer (::before). */
const UNDERLINE = {
  content: '""',
  position: "absolute",
  bottom: 0,
  left: tokens.spacingHorizontalSNudge,
  right: tokens.spacingHorizontalSNudge,
  height: tokens.strokeWidthThick,
  borderRadius: tokens.borderRadiusCircular,
} as const;

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "row",
    alignItems: "stretch",
    flexShrink: 0,
    position: "relative",
  },
  tab: {
    position: "relative",
    display: "grid",
    gridAutoFlow: "column",
    gridTemplateColumns: "auto",
    gridTemplateRows: "auto",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
    overflow: "hidden",
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    textTransform: "none",
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ":active": {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The pending indicator: a bar under the tab under the pointer.
    ":hover::before": {
      ...UNDERLINE,
      backgroundColor: tokens.colorNeutralStroke1Hover,
    },
    ":active::before": {
      backgroundColor: tokens.colorNeutralStroke1Pressed,
    },
    "@media (forced-colors: active)": {
      ":hover::before": { backgroundColor: "Highlight" },
      ":active::before": { backgroundColor: "Highlight" },
    },
  },
  // Fluent draws its own focus ring on tabs: ::after is the selection bar.
  focus: createCustomFocusIndicatorStyle({
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: "transparent",
    outlineStyle: "solid",
    boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
    zIndex: 1,
  }),
  selected: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":active": { color: tokens.colorNeutralForeground1Pressed },
    "::after": {
      ...UNDERLINE,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ":active::after": { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    "@media (forced-colors: active)": {
      "::after": { backgroundColor: "ButtonText" },
    },
  },
  content: {
    ...typographyStyles.body1,
    overflow: "hidden",
    padding: `${tokens.spacingVerticalNone} ${tokens.spacingHorizontalXXS}`,
    gridColumnStart: 1,
    gridRowStart: 1,
  },
  contentSelected: {
    ...typographyStyles.body1Strong,
  },
  // The label in bold, hidden, in the same grid cell: a tab is as wide selected as not.
  reserved: {
    visibility: "hidden",
  },
});

export function StepTabs<T extends string>({
  tabs,
  selected,
  label,
  onSelect,
  className,
}: StepTabsProps<T>) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>("[role=tab]") ?? [])];
    const from = buttons.indexOf(event.target as HTMLElement);
    if (from < 0) return;
    const to = tabAfterKey(event.key, from, buttons.length);
    if (to === undefined) return;
    event.preventDefault();
    buttons[to].focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            id={tab.id}
            type="button"
            role="tab"
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, styles.focus, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
          >
            <span className={mergeClasses(styles.content, isSelected && styles.contentSelected)}>
              {tab.label}
            </span>
            {!isSelected && (
              <span
                className={mergeClasses(styles.content, styles.contentSelected, styles.reserved)}
                aria-hidden
              >
                {tab.label}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
