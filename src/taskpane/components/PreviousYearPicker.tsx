/**
 * 上年公开文件: a button opening the browser's file chooser (a hidden file input, .xlsx or .docx),
 * the file in use with its 部门 and 年度, whether it pairs with this workbook, and 移除. The file is
 * read in the pane (App → actions.readPreviousYearFile); nothing is uploaded.
 */
import { Body1, Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { PreviousYearViewModel } from "../viewModels";
import { StatusMessage } from "./StatusMessage";
import { useStepStyles } from "./styles";
import { WholeLabel } from "./WholeLabel";

export interface PreviousYearPickerProps {
  vm: PreviousYearViewModel;
  onPick(file: File): void;
  onRemove(): void;
}

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  factRow: { display: "contents" },
  factLabel: { color: tokens.colorNeutralForeground3 },
  factValue: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: "none" },
});

export function PreviousYearPicker({ vm, onPick, onRemove }: PreviousYearPickerProps) {
  const styles = useStyles();
  const shared = useStepStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={shared.step} aria-labelledby="previous-year-heading">
      <h3 id="previous-year-heading" className={shared.subheading}>
        {vm.heading}
      </h3>
      <Body1 className={shared.wrap}>{vm.hint}</Body1>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.docx"
        className={styles.hidden}
        aria-label={vm.pick.label}
        data-testid="previous-year-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that picking the same file again (after fixing it) is a change too.
          event.target.value = "";
          if (file) onPick(file);
        }}
      />
      <div className={styles.actions}>
        <Button
          onClick={() => input.current?.click()}
          disabled={vm.pick.busy}
          icon={vm.pick.busy ? <Spinner size="extra-tiny" aria-hidden /> : undefined}
        >
          {vm.pick.label}
        </Button>
        {vm.remove && (
          <Button appearance="subtle" onClick={onRemove} disabled={vm.pick.busy}>
            {vm.remove.label}
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {vm.reading && <Body1 className={shared.wrap}>{vm.reading}</Body1>}
      </div>
      {vm.facts.length > 0 && (
        <dl className={styles.facts} aria-label={vm.heading}>
          {vm.facts.map((fact) => (
            <div key={fact.label} className={styles.factRow}>
              <dt className={styles.factLabel}>{fact.label}</dt>
              {/* A file or department name stays whole at 320 px: cut, with the whole in its tooltip. */}
              <WholeLabel as="dd" className={styles.factValue} text={fact.value} />
            </div>
          ))}
        </dl>
      )}
      {vm.status && (
        <StatusMessage intent={vm.status.intent} lines={vm.status.lines}>
          {vm.status.text}
        </StatusMessage>
      )}
      {vm.saveWarning && <StatusMessage intent="warning">{vm.saveWarning}</StatusMessage>}
    </section>
  );
}
