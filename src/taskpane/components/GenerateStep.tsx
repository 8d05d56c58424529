import {
  Badge,
  Body1,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { TemplateId } from "../../core/model";
import type { GenerateViewModel } from "../viewModels";
import { ConfirmReplaceDialog } from "./ConfirmReplaceDialog";
import { HeadedList } from "./HeadedList";
import { StatusMessage } from "./StatusMessage";
import { useStepStyles } from "./styles";
import { WholeLabel } from "./WholeLabel";

export interface GenerateStepProps {
  vm: GenerateViewModel;
  onTemplate(template: TemplateId): void;
  onGenerate(): void;
  onConfirm(): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  sheet: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
});

export function GenerateStep({
  vm,
  onTemplate,
  onGenerate,
  onConfirm,
  onCancel,
}: GenerateStepProps) {
  const styles = useStyles();
  const shared = useStepStyles();
  return (
    <section className={shared.step} aria-labelledby="generate-heading">
      <Subtitle2 as="h2" id="generate-heading" className={shared.heading}>
        {vm.heading}
      </Subtitle2>

      <Field label={vm.template.label}>
        <Select
          value={vm.template.value}
          disabled={vm.template.disabled}
          onChange={(_, data) => {
            if (data.value) onTemplate(data.value as TemplateId);
          }}
        >
          {vm.template.value === "" && (
            <option value="" disabled>
              {vm.template.placeholder}
            </option>
          )}
          {vm.template.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>

      {vm.sheets.items.length > 0 && (
        <HeadedList
          id="generate-sheets-heading"
          heading={vm.sheets.heading}
          ordered
          items={vm.sheets.items.map((sheet) => (
            <span key={sheet.name} className={styles.sheet}>
              <WholeLabel text={sheet.name} />
              {sheet.note && (
                <Badge appearance="tint" color="warning" size="small">
                  {sheet.note}
                </Badge>
              )}
            </span>
          ))}
        />
      )}

      {vm.warning && <StatusMessage intent="warning">{vm.warning}</StatusMessage>}

      <div className={shared.buttonColumn}>
        <Button
          appearance="primary"
          disabledFocusable={vm.button.disabled}
          aria-describedby={vm.button.reason ? "generate-reason" : undefined}
          icon={vm.button.busy ? <Spinner size="extra-tiny" aria-hidden /> : undefined}
          onClick={onGenerate}
        >
          {vm.button.label}
        </Button>
        {vm.button.reason && (
          <Body1 id="generate-reason" className={mergeClasses(shared.wrap, shared.muted)}>
            {vm.button.reason}
          </Body1>
        )}
      </div>

      <div role="status" aria-live="polite" className={shared.wrap}>
        {vm.progress && (
          <Field label={vm.progress.label} hint={vm.progress.text}>
            <ProgressBar value={vm.progress.value} />
          </Field>
        )}
        {vm.summary && (
          <StatusMessage intent={vm.summary.intent} title={vm.summary.title}>
            {vm.summary.detail}
          </StatusMessage>
        )}
      </div>

      {vm.notes && (
        <HeadedList id="generate-notes-heading" heading={vm.notes.heading} items={vm.notes.items} />
      )}

      {vm.changes && (
        <HeadedList
          id="generate-changes-heading"
          heading={vm.changes.heading}
          items={vm.changes.items}
          names
        />
      )}

      <ConfirmReplaceDialog vm={vm.confirm} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
