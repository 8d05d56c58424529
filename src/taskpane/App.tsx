/**
 * The task pane: three steps (检查, 生成公开表, 导出) on one pane. App holds the state (a reducer),
 * runs the actions against the host it is given, and hands each step the view-model of its part of
 * the state; the steps only render. The host is a prop, so tests and the e2e page inject their own.
 */
import {
  Caption1,
  FluentProvider,
  makeStyles,
  Spinner,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { TemplateId } from "../core/model";
import {
  applyFix,
  errorText,
  proposeFix,
  undoFix,
  existingOutputSheets,
  outputSheetsAmong,
  exportDisclosure,
  forgetPreviousYear,
  generateTables,
  openInExcel,
  readPreviousYearFile,
  recallPreviousYear,
  rememberPreviousYear,
  runCheck,
} from "./actions";
import { CheckStep } from "./components/CheckStep";
import { PreviousYearPicker } from "./components/PreviousYearPicker";
import { StatusMessage } from "./components/StatusMessage";
import { StepTabs } from "./components/StepTabs";
import { outputSheetNames } from "./disclosure";
import { downloadInBrowser } from "./download";
import type { DownloadFile } from "./download";
import type { WorkbookHost } from "./excel/host";
import { pickLocale } from "./messages";
import type { DocumentSettings } from "./previousYear";
import { initialState, paneReducer, selectedTemplate } from "./state";
import type { ExportTarget, FindingFilters, FixTarget, PaneState, Step } from "./state";
// The view-models' own modules, not their index: the index would bring the later steps' ones too.
import { checkViewModel } from "./viewModels/check";
import { fixViewModel } from "./viewModels/fix";
import { findingSentence } from "./viewModels/labels";
import { paneViewModel } from "./viewModels/pane";
import { previousYearViewModel } from "./viewModels/previous";
import type { PreviousPickState } from "./viewModels/previous";

type LaterSteps = typeof import("./laterSteps");
let laterSteps: LaterSteps | undefined;
let loadingLaterSteps: Promise<LaterSteps> | undefined;

/**
 * The 生成公开表 and 导出 steps and the 修正 dialog (laterSteps.ts), loaded once; a failed load is
 * tried again on the next call. App calls it once the first check has reported.
 */
export function loadLaterSteps(): Promise<LaterSteps> {
  loadingLaterSteps ??= import(/* webpackChunkName: "later-steps" */ "./laterSteps").then(
    (loaded) => (laterSteps = loaded),
    (error: unknown) => {
      loadingLaterSteps = undefined;
      throw error;
    }
  );
  return loadingLaterSteps;
}

export interface AppProps {
  host: WorkbookHost;
  /** Saves an exported file; a Blob download by default. */
  download?: DownloadFile;
  /** False when the page is opened in a plain browser to preview the UI. */
  inExcel?: boolean;
  /** Check the workbook as soon as the pane opens (default true). */
  checkOnOpen?: boolean;
  /**
   * The workbook's document settings (Office.context.document.settings), where the 上年公开文件 is
   * remembered; without them (a browser preview) it holds for the session only.
   */
  settings?: DocumentSettings;
}

const useStyles = makeStyles({
  provider: {
    minWidth: 0,
    maxWidth: "100%",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  title: {
    margin: 0,
  },
  tabs: {
    flexWrap: "wrap",
  },
});

const FORMAT_OF: Readonly<Record<ExportTarget, "xlsx" | "docx">> = {
  "xlsx-open": "xlsx",
  "xlsx-download": "xlsx",
  "docx-download": "docx",
};

export function App({
  host,
  download = downloadInBrowser,
  inExcel = true,
  checkOnOpen = true,
  settings,
}: AppProps) {
  const styles = useStyles();
  const locale = useMemo(() => pickLocale(host.displayLanguage()), [host]);
  const [state, dispatch] = useReducer(paneReducer, initialState);
  // Async handlers read the state as it is when they continue, not as it was when they started.
  const stateRef = useRef<PaneState>(state);
  stateRef.current = state;
  // Only the latest check may report: an older one finishing late must not overwrite it.
  const checkRun = useRef(0);

  // 上年公开文件: beside the reducer's state, and in a ref so that a check started right after a
  // pick or a removal uses the new one.
  const [pick, setPick] = useState<PreviousPickState>({});
  const pickRef = useRef<PreviousPickState>(pick);
  const updatePick = useCallback((next: PreviousPickState) => {
    pickRef.current = next;
    setPick(next);
  }, []);

  const check = useCallback(() => {
    const run = ++checkRun.current;
    dispatch({ type: "check/start" });
    runCheck(host, pickRef.current.previous).then(
      (outcome) => run === checkRun.current && dispatch({ type: "check/done", outcome }),
      (error) =>
        run === checkRun.current && dispatch({ type: "check/failed", message: errorText(error) })
    );
  }, [host]);

  // Last year's file remembered with the workbook is recalled first, so the first check uses it.
  useEffect(() => {
    if (!settings) {
      if (checkOnOpen) check();
      return;
    }
    let cancelled = false;
    recallPreviousYear(settings)
      .catch(() => undefined) // unreadable settings: as if nothing were remembered
      .then((previous) => {
        if (cancelled) return;
        if (previous) updatePick({ previous });
        if (checkOnOpen) check();
      });
    return () => {
      cancelled = true;
    };
  }, [check, checkOnOpen, settings, updatePick]);

  const pickPrevious = useCallback(
    async (file: File) => {
      const kept = pickRef.current.previous;
      updatePick({ previous: kept, reading: file.name });
      try {
        // This year's unit nature decides last year's 机关运行经费 too: the same department.
        const unitNature = stateRef.current.check.outcome?.check.ledger?.department.unitNature;
        const read = await readPreviousYearFile(file, unitNature);
        if (!read.ok) {
          updatePick({ previous: kept, failed: { name: file.name, failure: read } });
          return;
        }
        let saveError: string | undefined;
        if (settings)
          await rememberPreviousYear(settings, read.previous).catch(
            (error) => (saveError = errorText(error))
          );
        updatePick({ previous: read.previous, ...(saveError ? { saveError } : {}) });
        check();
      } catch (error) {
        updatePick({
          previous: kept,
          failed: { name: file.name, failure: { reason: "message", message: errorText(error) } },
        });
      }
    },
    [settings, check, updatePick]
  );

  const removePrevious = useCallback(async () => {
    let saveError: string | undefined;
    if (settings)
      await forgetPreviousYear(settings).catch((error) => (saveError = errorText(error)));
    updatePick(saveError ? { saveError } : {});
    check();
  }, [settings, check, updatePick]);

  const template = selectedTemplate(state);
  const outcome = state.check.outcome;
  // Which of the template's sheets exist already, so the list can say what would be replaced. The
  // check has just read every sheet's name: asking Excel again would cost a round trip.
  useEffect(() => {
    if (!template || !outcome) return;
    dispatch({ type: "existing", sheets: outputSheetsAmong(outcome.sheets, template) });
  }, [template, outcome]);

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      host
        .selectCell(sheet, cell)
        .catch((error) =>
          dispatch({ type: "select/failed", sheet, cell, message: errorText(error) })
        );
    },
    [host]
  );

  // Only the latest fix proposal may open: one worked out for an earlier click is dropped.
  const fixRun = useRef(0);
  const fixIds = useRef(0);

  const planFix = useCallback((target: FixTarget) => {
    const outcome = stateRef.current.check.outcome;
    if (!outcome) return;
    const run = ++fixRun.current;
    dispatch({ type: "fix/plan", target });
    proposeFix(outcome, target).then(
      (proposal) => run === fixRun.current && dispatch({ type: "fix/proposed", proposal }),
      (error) =>
        run === fixRun.current &&
        dispatch({
          type: "fix/failed",
          failure: { reason: "message", message: errorText(error) },
        })
    );
  }, []);

  const cancelFix = useCallback(() => {
    fixRun.current++;
    dispatch({ type: "fix/cancel" });
  }, []);

  // Writes only what the clerk has just seen in the dialog, then checks the workbook again.
  const confirmFix = useCallback(async () => {
    const { fix } = stateRef.current;
    if (fix.status !== "proposed" || !fix.target || !fix.proposal?.ok) return;
    const { target } = fix;
    const { edits } = fix.proposal;
    dispatch({ type: "fix/start" });
    try {
      const result = await applyFix(host, edits);
      if (!result.ok) {
        dispatch({
          type: "fix/failed",
          failure: { reason: "changed", cells: result.changed.map((c) => `${c.sheet}!${c.cell}`) },
        });
        return;
      }
      const id = ++fixIds.current;
      dispatch({ type: "fix/done", applied: { id, target, edits, previous: result.previous } });
      check();
    } catch (error) {
      dispatch({ type: "fix/failed", failure: { reason: "message", message: errorText(error) } });
    }
  }, [host, check]);

  const undo = useCallback(
    async (id: number) => {
      const applied = stateRef.current.undo.applied.find((a) => a.id === id);
      if (!applied) return;
      dispatch({ type: "undo/start" });
      try {
        await undoFix(host, applied.previous);
        dispatch({ type: "undo/done", id });
        check();
      } catch (error) {
        dispatch({ type: "undo/failed", message: errorText(error) });
      }
    },
    [host, check]
  );

  const write = useCallback(
    async (replace: boolean) => {
      const current = stateRef.current;
      const chosen = selectedTemplate(current);
      const checked = current.check.outcome;
      if (!chosen || !checked) return;
      dispatch({ type: "generate/start", total: outputSheetNames(chosen).length });
      try {
        const result = await generateTables(host, checked.check, chosen, {
          replace,
          previous: pickRef.current.previous,
          onProgress: (progress) => dispatch({ type: "generate/progress", progress }),
        });
        if (result.ok)
          dispatch({
            type: "generate/done",
            created: result.created,
            notes: result.notes,
            changes: result.changes,
          });
        else if (result.reason === "noData")
          dispatch({ type: "generate/failed", failure: { reason: "noData" }, notes: result.notes });
        else
          dispatch({
            type: "generate/failed",
            failure: { reason: "message", message: result.message },
          });
      } catch (error) {
        dispatch({
          type: "generate/failed",
          failure: { reason: "message", message: errorText(error) },
        });
      }
    },
    [host]
  );

  const generate = useCallback(async () => {
    const chosen = selectedTemplate(stateRef.current);
    const checked = stateRef.current.check.outcome;
    if (!chosen || !checked) return;
    let existing: string[];
    try {
      existing = await existingOutputSheets(host, chosen);
    } catch (error) {
      dispatch({
        type: "generate/failed",
        failure: { reason: "message", message: errorText(error) },
      });
      return;
    }
    if (existing.length > 0) dispatch({ type: "generate/confirm", existing });
    else await write(false);
  }, [host, write]);

  const exportFile = useCallback(
    async (target: ExportTarget) => {
      const current = stateRef.current;
      const checked = current.check.outcome?.check;
      if (!checked) return;
      dispatch({ type: "export/start", target });
      try {
        const result = await exportDisclosure(
          checked,
          selectedTemplate(current),
          FORMAT_OF[target],
          {
            override: current.export.override,
            previous: pickRef.current.previous,
          }
        );
        if (!result.ok) {
          dispatch(
            result.reason === "changes"
              ? {
                  type: "export/failed",
                  failure: {
                    reason: "changes",
                    count: result.changes.filter((c) => !c.withinRounding).length,
                    problems: result.problems.map(findingSentence),
                  },
                  changes: result.changes,
                }
              : { type: "export/failed", failure: { reason: result.reason } }
          );
          return;
        }
        if (target === "xlsx-open") await openInExcel(host, result.file);
        else download(result.file);
        dispatch({
          type: "export/done",
          target,
          fileName: result.file.fileName,
          changes: result.changes,
        });
      } catch (error) {
        dispatch({
          type: "export/failed",
          failure: { reason: "message", message: errorText(error) },
        });
      }
    },
    [host, download]
  );

  // The later steps load once the first check has reported (or the clerk asks for them sooner), so
  // that the first findings wait for none of their code.
  const [laterFailure, setLaterFailure] = useState<string>();
  const [, laterLoaded] = useReducer((n: number) => n + 1, 0);
  const wantLater =
    state.check.status === "done" ||
    state.check.status === "failed" ||
    state.step !== "check" ||
    state.fix.status !== "idle";
  useEffect(() => {
    if (!wantLater || laterSteps) return;
    let cancelled = false;
    // After the findings are on screen, not in the same task as their render.
    const timer = setTimeout(() => {
      setLaterFailure(undefined);
      loadLaterSteps().then(
        () => !cancelled && laterLoaded(),
        (error) => !cancelled && setLaterFailure(errorText(error))
      );
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [wantLater, state.step]);
  const later = laterSteps;
  const laterPending = laterFailure ? (
    <StatusMessage intent="error">{laterFailure}</StatusMessage>
  ) : (
    <Spinner size="small" />
  );

  const pane = paneViewModel(state, locale, inExcel);
  // 修正 only where the pane can write: in Excel, not in a browser preview.
  const fixing = inExcel
    ? {
        busy: state.check.status === "running" || state.fix.status !== "idle" || state.undo.busy,
      }
    : undefined;
  const fixVm = fixViewModel(state, locale);
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <main className={styles.main} lang={locale}>
        <Title3 as="h1" className={styles.title}>
          {pane.title}
        </Title3>
        {pane.previewNotice && <Caption1>{pane.previewNotice}</Caption1>}
        <StepTabs
          className={styles.tabs}
          label={pane.stepsLabel}
          tabs={pane.steps.map((step) => ({ ...step, id: `step-tab-${step.value}` }))}
          selected={pane.step}
          onSelect={(step: Step) => dispatch({ type: "step", step })}
        />
        <div role="tabpanel" aria-labelledby={`step-tab-${pane.step}`}>
          {pane.step === "check" && (
            <CheckStep
              vm={checkViewModel(state.check, state.filters, locale, state.openGroups, fixing)}
              fix={
                fixing && {
                  vm: fixVm,
                  onFix: (index) => {
                    const finding = state.check.outcome?.check.findings[index];
                    if (finding) planFix({ finding });
                  },
                  onFixAll: (ruleId) => planFix({ ruleId }),
                  onUndo: undo,
                }
              }
              onRun={check}
              onFilter={(filters: Partial<FindingFilters>) =>
                dispatch({ type: "filters", filters })
              }
              onToggleGroups={(open) => dispatch({ type: "groups", open })}
              onSelect={selectCell}
              previousYear={
                <PreviousYearPicker
                  vm={previousYearViewModel(pick, state.check, locale)}
                  onPick={pickPrevious}
                  onRemove={removePrevious}
                />
              }
            />
          )}
          {pane.step === "generate" &&
            (later ? (
              <later.GenerateStep
                vm={later.generateViewModel(state, locale)}
                onTemplate={(chosen: TemplateId) =>
                  dispatch({ type: "template", template: chosen })
                }
                onGenerate={generate}
                onConfirm={() => write(true)}
                onCancel={() => dispatch({ type: "generate/cancel" })}
              />
            ) : (
              laterPending
            ))}
          {pane.step === "export" &&
            (later ? (
              <later.ExportStep
                vm={later.exportViewModel(state, locale)}
                onExport={exportFile}
                onOverride={(override) => dispatch({ type: "export/override", override })}
              />
            ) : (
              laterPending
            ))}
        </div>
        {fixing && later && (
          <later.FixDialog vm={fixVm.dialog} onConfirm={confirmFix} onCancel={cancelFix} />
        )}
      </main>
    </FluentProvider>
  );
}
