import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import type { ExportTarget } from "../state";
import type { ExportViewModel } from "../viewModels";
import { useStepStyles } from "./styles";

export interface ExportStepProps {
  vm: ExportViewModel;
  onExport(target: ExportTarget): void;
  onOverride(override: boolean): void;
}

export function ExportStep({ vm, onExport, onOverride }: ExportStepProps) {
  const shared = useStepStyles();
  return (
    <section className={shared.step} aria-labelledby="export-heading">
      <Subtitle2 as="h2" id="export-heading" className={shared.heading}>
        {vm.heading}
      </Subtitle2>

      {vm.checkStatus && (
        <MessageBar layout="multiline" intent={vm.checkStatus.intent}>
          <MessageBarBody className={shared.wrap}>{vm.checkStatus.text}</MessageBarBody>
        </MessageBar>
      )}
      {vm.reason && (
        <Body1 id="export-reason" className={shared.wrap}>
          {vm.reason}
        </Body1>
      )}
      {vm.override && (
        <Checkbox
          label={vm.override.label}
          checked={vm.override.checked}
          onChange={(_, data) => onOverride(data.checked === true)}
        />
      )}
      {vm.warning && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody className={shared.wrap}>{vm.warning}</MessageBarBody>
        </MessageBar>
      )}

      <div role="group" aria-label={vm.buttonsLabel} className={shared.buttonColumn}>
        {vm.actions.map((action) => (
          <Button
            key={action.id}
            appearance={action.id === "xlsx-open" ? "primary" : "secondary"}
            disabledFocusable={action.disabled}
            aria-describedby={vm.reason ? "export-reason" : undefined}
            icon={action.busy ? <Spinner size="extra-tiny" aria-hidden /> : undefined}
            onClick={() => onExport(action.id)}
          >
            {action.label}
          </Button>
        ))}
      </div>

      {vm.files && (
        <div className={shared.wrap}>
          <h3 className={mergeClasses(shared.subheading, shared.muted)}>{vm.files.label}</h3>
          <ul className={shared.plainList}>
            {vm.files.names.map((name) => (
              <li key={name}>
                <Caption1 className={shared.label} title={name} data-label>
                  {name}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div role="status" aria-live="polite">
        {vm.status && (
          <MessageBar layout="multiline" intent={vm.status.intent}>
            {/* It names the file: wrapped at its separators, like the file list. */}
            <MessageBarBody className={shared.separators} data-label>
              {vm.status.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {vm.changes && (
        <section aria-labelledby="export-changes-heading">
          <h3 id="export-changes-heading" className={shared.subheading}>
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
    </section>
  );
}
