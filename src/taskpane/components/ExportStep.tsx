import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  mergeClasses,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import type { ExportTarget } from "../state";
import type { ExportViewModel } from "../viewModels";
import { HeadedList } from "./HeadedList";
import { StatusMessage } from "./StatusMessage";
import { useStepStyles } from "./styles";
import { WholeLabel } from "./WholeLabel";

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
        <StatusMessage intent={vm.checkStatus.intent}>{vm.checkStatus.text}</StatusMessage>
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
      {vm.warning && <StatusMessage intent="warning">{vm.warning}</StatusMessage>}

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
                <WholeLabel as={Caption1} text={name} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <div role="status" aria-live="polite">
        {vm.status && (
          // It names the file: wrapped at its separators, like the file list.
          <StatusMessage intent={vm.status.intent} names>
            {vm.status.text}
          </StatusMessage>
        )}
      </div>

      {vm.changes && (
        <HeadedList
          id="export-changes-heading"
          heading={vm.changes.heading}
          items={vm.changes.items}
          names
        />
      )}
    </section>
  );
}
