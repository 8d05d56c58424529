import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { FixDialogView } from "../viewModels";
import { StatusMessage } from "./StatusMessage";
import { useStepStyles } from "./styles";

export interface FixDialogProps {
  vm: FixDialogView;
  onConfirm(): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontVariantNumeric: "tabular-nums",
    marginTop: tokens.spacingVerticalS,
  },
  cell: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    whiteSpace: "nowrap",
  },
  amount: {
    textAlign: "right",
    whiteSpace: "nowrap",
  },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
  },
});

/**
 * Shows a fix before it is written: each cell, what it holds, what it will hold. Nothing is
 * written until 确认修正; Escape, 取消 and 关闭 leave the workbook as it is.
 */
export function FixDialog({ vm, onConfirm, onCancel }: FixDialogProps) {
  const shared = useStepStyles();
  const styles = useStyles();
  return (
    <Dialog
      open={vm.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !vm.busy) onCancel();
      }}
    >
      <DialogSurface aria-describedby="fix-body">
        <DialogBody>
          <DialogTitle className={shared.wrap}>{vm.title}</DialogTitle>
          <DialogContent id="fix-body" className={shared.wrap}>
            {vm.busyText && <Spinner size="tiny" label={vm.busyText} />}
            {vm.problem && (
              <StatusMessage intent={vm.problem.intent} lines={vm.problem.details}>
                {vm.problem.text}
              </StatusMessage>
            )}
            {vm.rows.length > 0 && (
              <>
                {vm.intro && <p>{vm.intro}</p>}
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.cell} data-label>
                        {vm.columns.cell}
                      </th>
                      <th scope="col" className={`${styles.cell} ${styles.amount}`} data-label>
                        {vm.columns.from}
                      </th>
                      <th scope="col" className={`${styles.cell} ${styles.amount}`} data-label>
                        {vm.columns.to}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {vm.rows.map((row) => (
                      <tr key={row.key}>
                        <th scope="row" className={`${styles.cell} ${styles.address}`} data-label>
                          {row.cell}
                        </th>
                        <td className={`${styles.cell} ${styles.amount}`}>{row.from}</td>
                        <td className={`${styles.cell} ${styles.amount}`}>{row.to}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </DialogContent>
          <DialogActions>
            {vm.confirmLabel && (
              <Button appearance="primary" onClick={onConfirm} disabled={vm.busy}>
                {vm.confirmLabel}
              </Button>
            )}
            <Button appearance="secondary" onClick={onCancel} disabled={vm.busy}>
              {vm.cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
