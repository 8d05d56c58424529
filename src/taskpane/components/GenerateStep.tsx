import {
  Badge,
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import { useStepStyles } from "./styles";

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
        <section aria-labelledby="generate-sheets-heading">
          <h3 id="generate-sheets-heading" className={shared.subheading}>
            {vm.sheets.heading}
          </h3>
          <ol className={mergeClasses(shared.bulletList, shared.wrap)}>
            {vm.sheets.items.map((sheet) => (
              <li key={sheet.name}>
                <span className={styles.sheet}>
                  <span className={shared.label} title={sheet.name} data-label>
                    {sheet.name}
                  </span>
                  {sheet.note && (
                    <Badge appearance="tint" color="warning" size="small">
                      {sheet.note}
                    </Badge>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {vm.warning && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody className={shared.wrap}>{vm.warning}</MessageBarBody>
        </MessageBar>
      )}

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
          <MessageBar layout="multiline" intent={vm.summary.intent}>
            <MessageBarBody className={shared.wrap}>
              <MessageBarTitle>{vm.summary.title}</MessageBarTitle>
              {vm.summary.detail}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {vm.notes && (
        <section aria-labelledby="generate-notes-heading">
          <h3 id="generate-notes-heading" className={shared.subheading}>
            {vm.notes.heading}
          </h3>
          <ul className={mergeClasses(shared.bulletList, shared.wrap)}>
            {vm.notes.items.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}

      {vm.changes && (
        <section aria-labelledby="generate-changes-heading">
          <h3 id="generate-changes-heading" className={shared.subheading}>
            {vm.changes.heading}
          </h3>
          <ul className={mergeClasses(shared.bulletList, shared.wrap)}>
            {vm.changes.items.map((item, i) => (
              <li key={i} className={shared.separators} data-label>
                {item}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ConfirmReplaceDialog vm={vm.confirm} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
