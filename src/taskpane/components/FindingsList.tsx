import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { FindingGroupView, FindingItemView } from "../viewModels";
import { Disclosure } from "./Disclosure";
import { useStepStyles } from "./styles";
import { WholeLabel } from "./WholeLabel";

export interface FindingsListProps {
  groups: readonly FindingGroupView[];
  openGroups: readonly string[];
  onToggle(openGroups: string[]): void;
  onSelect(sheet: string, cell: string): void;
  /** 修正 on the finding of this index in the check; absent: no 修正 buttons. */
  onFix?(index: number): void;
}

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  sheet: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
  },
  sheetTitle: {
    margin: `${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  finding: {
    width: "100%",
    height: "auto",
    minHeight: "auto",
    justifyContent: "flex-start",
    textAlign: "left",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  findingText: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  cell: {
    whiteSpace: "nowrap",
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    marginRight: tokens.spacingHorizontalXS,
  },
  related: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
  },
  fixRow: {
    padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
  },
  relatedLink: {
    whiteSpace: "nowrap",
    minWidth: "auto",
    height: "auto",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightRegular,
  },
});

function FindingItem({
  item,
  onSelect,
  onFix,
}: {
  item: FindingItemView;
  onSelect: FindingsListProps["onSelect"];
  onFix: FindingsListProps["onFix"];
}) {
  const styles = useStyles();
  const shared = useStepStyles();
  const content = (
    <>
      {item.cell && (
        <span className={styles.cell} data-label>
          {item.cell}
        </span>
      )}
      <span>{item.message}</span>
    </>
  );
  const target = item.target;
  return (
    <li className={shared.wrap}>
      {target ? (
        <Button
          appearance="subtle"
          className={mergeClasses(styles.finding, shared.wrap)}
          title={target.label}
          onClick={() => onSelect(target.sheet, target.cell)}
        >
          <span>{content}</span>
        </Button>
      ) : (
        <div className={styles.findingText}>{content}</div>
      )}
      {item.fix && onFix && (
        <div className={styles.fixRow}>
          <Button
            size="small"
            appearance="outline"
            aria-label={item.fix.label}
            title={item.fix.label}
            disabled={item.fix.disabled}
            onClick={() => onFix(item.fix!.index)}
          >
            {item.fix.text}
          </Button>
        </div>
      )}
      {item.related.length > 0 && (
        // Links of their own beside the finding's button: a button inside a button is not allowed.
        <div className={mergeClasses(styles.related, shared.wrap)}>
          <Caption1 className={shared.muted}>{item.relatedLabel}</Caption1>
          {item.related.map((ref) => (
            <Button
              key={`${ref.sheet}!${ref.cell}`}
              appearance="transparent"
              size="small"
              className={mergeClasses(styles.relatedLink, shared.wrap)}
              title={ref.label}
              aria-label={ref.label}
              onClick={() => onSelect(ref.sheet, ref.cell)}
            >
              {ref.text}
            </Button>
          ))}
          {item.relatedMore && <Caption1 className={shared.muted}>{item.relatedMore}</Caption1>}
        </div>
      )}
    </li>
  );
}

/** Findings grouped by severity (one section each, opened and closed apart), then by sheet. */
export function FindingsList({ groups, openGroups, onToggle, onSelect, onFix }: FindingsListProps) {
  const styles = useStyles();
  const shared = useStepStyles();
  const setOpen = (id: string, open: boolean) =>
    onToggle(open ? [...openGroups, id] : openGroups.filter((g) => g !== id));
  return (
    <div>
      {groups.map((group) => (
        <Disclosure
          key={group.id}
          open={openGroups.includes(group.id)}
          onOpenChange={(open) => setOpen(group.id, open)}
          heading={
            <span className={styles.header}>
              <Badge size="extra-small" color={group.color} aria-hidden />
              {group.title}
            </span>
          }
        >
          {group.hint && <Caption1 className={shared.muted}>{group.hint}</Caption1>}
          {group.sheets.map((sheet) => (
            <section key={sheet.key} className={styles.sheet}>
              <WholeLabel as="h4" className={styles.sheetTitle} text={sheet.title} />
              <ul className={shared.plainList}>
                {sheet.findings.map((item) => (
                  <FindingItem key={item.key} item={item} onSelect={onSelect} onFix={onFix} />
                ))}
              </ul>
            </section>
          ))}
        </Disclosure>
      ))}
    </div>
  );
}
