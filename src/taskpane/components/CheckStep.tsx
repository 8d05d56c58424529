import {
  Badge,
  Body1,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { FindingFilters } from "../state";
import type { CheckViewModel, FixViewModel, SelectView } from "../viewModels";
import { Disclosure } from "./Disclosure";
import { FindingsList } from "./FindingsList";
import { StatusMessage } from "./StatusMessage";
import { useStepStyles } from "./styles";

export interface CheckStepProps {
  vm: CheckViewModel;
  onRun(): void;
  onFilter(filters: Partial<FindingFilters>): void;
  onToggleGroups(openGroups: string[]): void;
  onSelect(sheet: string, cell: string): void;
  /** The 上年公开文件 picker, shown after what the workbook is about. */
  previousYear?: ReactNode;
  /** 修正 and 撤销: absent where the pane cannot write to the workbook. */
  fix?: {
    vm: FixViewModel;
    onFix(index: number): void;
    onFixAll(ruleId: string): void;
    onUndo(id: number): void;
  };
}

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  factRow: {
    display: "contents",
  },
  factLabel: {
    color: tokens.colorNeutralForeground3,
  },
  factValue: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  undoEntry: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  filters: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalS,
  },
});

function FilterSelect({ view, onChange }: { view: SelectView; onChange(value: string): void }) {
  return (
    <Field label={view.label}>
      <Select value={view.value} onChange={(_, data) => onChange(data.value)}>
        {view.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CheckStep({
  vm,
  onRun,
  onFilter,
  onToggleGroups,
  onSelect,
  fix,
  previousYear,
}: CheckStepProps) {
  const styles = useStyles();
  const shared = useStepStyles();
  return (
    <section className={shared.step} aria-labelledby="check-heading">
      <div className={shared.headingRow}>
        <Subtitle2 as="h2" id="check-heading" className={shared.heading}>
          {vm.heading}
        </Subtitle2>
        <Button
          appearance={vm.facts.length > 0 ? "secondary" : "primary"}
          onClick={onRun}
          disabled={vm.run.busy}
          icon={vm.run.busy ? <Spinner size="extra-tiny" aria-hidden /> : undefined}
        >
          {vm.run.label}
        </Button>
      </div>

      <div role="status" aria-live="polite">
        {vm.status && <StatusMessage intent={vm.status.intent}>{vm.status.text}</StatusMessage>}
      </div>
      {fix?.vm.status && (
        <StatusMessage intent={fix.vm.status.intent}>{fix.vm.status.text}</StatusMessage>
      )}
      {fix?.vm.undo && (
        <section aria-labelledby="undo-heading">
          <h3 id="undo-heading" className={shared.subheading}>
            {fix.vm.undo.heading}
          </h3>
          <ul className={shared.plainList}>
            {fix.vm.undo.entries.map((entry) => (
              <li key={entry.id} className={styles.undoEntry}>
                <span className={shared.wrap}>{entry.text}</span>
                {entry.undo && (
                  <Button
                    size="small"
                    aria-label={entry.undo.label}
                    disabled={entry.undo.disabled}
                    onClick={() => fix.onUndo(entry.id)}
                  >
                    {entry.undo.text}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {vm.selectError && <StatusMessage intent="error">{vm.selectError}</StatusMessage>}

      {vm.facts.length > 0 && (
        <section aria-label={vm.factsLabel}>
          <dl className={styles.facts}>
            {vm.facts.map((fact) => (
              <div key={fact.label} className={styles.factRow}>
                <dt className={styles.factLabel}>{fact.label}</dt>
                <dd className={mergeClasses(styles.factValue, shared.wrap)}>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {previousYear}

      {vm.tables && (
        <div>
          <Body1 className={shared.wrap}>{vm.tables.summary}</Body1>
          {vm.tables.missing.length > 0 && (
            <StatusMessage
              intent={vm.tables.missingIntent}
              title={vm.tables.missingHeading}
              lines={vm.tables.missing}
              names
            />
          )}
          {vm.tables.found.length + vm.tables.other.length > 0 && (
            <Disclosure heading={vm.tables.foundHeading}>
              <ul className={mergeClasses(shared.bulletList, shared.wrap)}>
                {vm.tables.found.map((line) => (
                  <li key={line} className={shared.separators} data-label>
                    {line}
                  </li>
                ))}
              </ul>
              {vm.tables.other.length > 0 && (
                <>
                  <h4 className={shared.subheading}>{vm.tables.otherHeading}</h4>
                  <ul className={mergeClasses(shared.bulletList, shared.wrap)}>
                    {vm.tables.other.map((line) => (
                      <li key={line} className={shared.separators} data-label>
                        {line}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Disclosure>
          )}
        </div>
      )}

      {vm.allWell && (
        <StatusMessage intent="success" title={vm.allWell.title}>
          {vm.allWell.body}
          {vm.allWell.detail && <div>{vm.allWell.detail}</div>}
        </StatusMessage>
      )}
      {vm.partial && (
        <StatusMessage intent="warning" title={vm.partial.title} lines={vm.partial.lines}>
          {vm.partial.body && <div>{vm.partial.body}</div>}
          {vm.partial.detail && <div>{vm.partial.detail}</div>}
        </StatusMessage>
      )}

      {vm.counts.length > 0 && (
        <section aria-labelledby="findings-heading" className={shared.step}>
          <Subtitle2 as="h2" id="findings-heading" className={shared.heading}>
            {vm.findingsHeading}
          </Subtitle2>
          <ul className={styles.counts} aria-label={vm.countsLabel}>
            {vm.counts.map((count) => (
              <li key={count.severity}>
                <Badge appearance="tint" color={count.color}>
                  {count.text}
                </Badge>
              </li>
            ))}
          </ul>
          {vm.filters && (
            <div className={styles.filters}>
              <FilterSelect
                view={vm.filters.severity}
                onChange={(value) => onFilter({ severity: value as FindingFilters["severity"] })}
              />
              <FilterSelect
                view={vm.filters.sheet}
                onChange={(value) => onFilter({ sheet: value })}
              />
            </div>
          )}
          {fix && vm.fixAll && (
            <section aria-labelledby="fix-all-heading">
              <h3 id="fix-all-heading" className={shared.subheading}>
                {vm.fixAll.heading}
              </h3>
              <div className={shared.buttonColumn}>
                {vm.fixAll.rules.map((rule) => (
                  <Button
                    key={rule.ruleId}
                    className={shared.wrap}
                    disabled={rule.disabled}
                    onClick={() => fix.onFixAll(rule.ruleId)}
                  >
                    {rule.label}
                  </Button>
                ))}
              </div>
            </section>
          )}
          {vm.noMatches && <Body1>{vm.noMatches}</Body1>}
          <FindingsList
            groups={vm.groups}
            openGroups={vm.openGroups}
            onToggle={onToggleGroups}
            onSelect={onSelect}
            onFix={fix?.onFix}
          />
        </section>
      )}
    </section>
  );
}
