import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { GenerateViewModel } from "../viewModels";
import { useStepStyles } from "./styles";

export interface ConfirmReplaceDialogProps {
  vm: GenerateViewModel["confirm"];
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before earlier output is replaced; Escape and 取消 leave the workbook as it is. */
export function ConfirmReplaceDialog({ vm, onConfirm, onCancel }: ConfirmReplaceDialogProps) {
  const shared = useStepStyles();
  return (
    <Dialog
      open={vm.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby="confirm-replace-body">
        <DialogBody>
          <DialogTitle>{vm.title}</DialogTitle>
          <DialogContent id="confirm-replace-body" className={shared.wrap}>
            <p>{vm.body}</p>
            <ul className={shared.bulletList}>
              {vm.sheets.map((sheet) => (
                <li key={sheet}>
                  <span className={shared.label} title={sheet} data-label>
                    {sheet}
                  </span>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {vm.confirmLabel}
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              {vm.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
