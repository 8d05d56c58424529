/**
 * The pane's state and how each event changes it: a pure reducer, so every transition is tested
 * without rendering. The view-models read this state; App.tsx dispatches the events.
 */
import type { CellEdit } from "../core/fixes";
import type { Finding, Severity } from "../core/finding";
import type { FigureChange } from "../core/figures/figuresFromModel";
import type { TemplateId } from "../core/model";
import type { CheckOutcome } from "./actions";
import type { FixProposal, FixTarget } from "./engine";
import type { CellContent, WriteProgress } from "./excel/host";

export type Step = "check" | "generate" | "export";

export const STEPS: readonly Step[] = ["check", "generate", "export"];

export interface FindingFilters {
  severity: Severity | "all";
  /** A sheet name; "" for findings about the whole workbook. */
  sheet: string | "all";
}

export type ExportTarget = "xlsx-open" | "xlsx-download" | "docx-download";

/** Why an export or a generation produced nothing, as a reason code or a host's own message. */
export type Failure =
  | { reason: "noData" | "department" | "year" | "template" }
  /**
   * The export would change `count` figures of the workbook by more than rounding, or building
   * the tables found `problems` (a project row that fits no 科目), each as a sentence.
   */
  | { reason: "changes"; count: number; problems?: string[] }
  | { reason: "message"; message: string };

export type { FixProposal, FixTarget };

/** A fix written to the workbook, and what its cells held before (for 撤销). */
export interface AppliedFix {
  id: number;
  target: FixTarget;
  edits: CellEdit[];
  previous: CellContent[];
}

export interface PaneState {
  step: Step;
  check: {
    status: "idle" | "running" | "done" | "failed";
    outcome?: CheckOutcome;
    error?: string;
    /** Selecting a finding's cell failed (the sheet was renamed since the check, say). */
    selectError?: { sheet: string; cell: string; message: string };
  };
  fix: {
    status: "idle" | "planning" | "proposed" | "writing" | "failed";
    target?: FixTarget;
    proposal?: FixProposal;
    /** Cells edited since the check (nothing was written), or a host's message. */
    failure?: { reason: "changed"; cells: string[] } | { reason: "message"; message: string };
    /** How many cells the last fix wrote (for the status line). */
    done?: number;
  };
  /** Fixes applied this session, the latest last: 撤销 takes back the latest. */
  undo: {
    applied: AppliedFix[];
    busy: boolean;
    /** The fix last undone (for the status line). */
    undone?: AppliedFix;
    failure?: string;
  };
  filters: FindingFilters;
  /** Finding groups the user opened or closed; undefined until then (the defaults apply). */
  openGroups?: readonly string[];
  /** The template the user chose; undefined means the detected one. */
  template?: TemplateId;
  /** Output sheets of the chosen template that the workbook already has. */
  existing: readonly string[];
  generate: {
    status: "idle" | "confirming" | "writing" | "done" | "failed";
    progress?: WriteProgress;
    created?: string[];
    notes?: Finding[];
    /** The workbook's figures the generated tables print differently. */
    changes?: FigureChange[];
    failure?: Failure;
  };
  export: {
    override: boolean;
    busy?: ExportTarget;
    done?: { target: ExportTarget; fileName: string };
    failure?: Failure;
    /** The workbook's figures the last export printed (or would print) differently. */
    changes?: FigureChange[];
  };
}

export const initialState: PaneState = {
  step: "check",
  check: { status: "idle" },
  fix: { status: "idle" },
  undo: { applied: [], busy: false },
  filters: { severity: "all", sheet: "all" },
  existing: [],
  generate: { status: "idle" },
  export: { override: false },
};

export type PaneEvent =
  | { type: "step"; step: Step }
  | { type: "check/start" }
  | { type: "check/done"; outcome: CheckOutcome }
  | { type: "check/failed"; message: string }
  | { type: "select/failed"; sheet: string; cell: string; message: string }
  | { type: "fix/plan"; target: FixTarget }
  | { type: "fix/proposed"; proposal: FixProposal }
  | { type: "fix/cancel" }
  | { type: "fix/start" }
  | { type: "fix/done"; applied: AppliedFix }
  | { type: "fix/failed"; failure: NonNullable<PaneState["fix"]["failure"]> }
  | { type: "undo/start" }
  | { type: "undo/done"; id: number }
  | { type: "undo/failed"; message: string }
  | { type: "filters"; filters: Partial<FindingFilters> }
  | { type: "groups"; open: readonly string[] }
  | { type: "template"; template: TemplateId }
  | { type: "existing"; sheets: readonly string[] }
  | { type: "generate/confirm"; existing: readonly string[] }
  | { type: "generate/cancel" }
  | { type: "generate/start"; total: number }
  | { type: "generate/progress"; progress: WriteProgress }
  | { type: "generate/done"; created: string[]; notes: Finding[]; changes?: FigureChange[] }
  | { type: "generate/failed"; failure: Failure; notes?: Finding[] }
  | { type: "export/override"; override: boolean }
  | { type: "export/start"; target: ExportTarget }
  | { type: "export/done"; target: ExportTarget; fileName: string; changes?: FigureChange[] }
  | { type: "export/failed"; failure: Failure; changes?: FigureChange[] };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "step":
      return { ...state, step: event.step };
    case "check/start":
      return { ...state, check: { ...state.check, status: "running", error: undefined } };
    case "check/done": {
      // A sheet filter naming a sheet that has no findings any more would hide everything.
      const sheets = new Set(event.outcome.check.findings.map((f) => f.sheet ?? ""));
      const sheet =
        state.filters.sheet !== "all" && !sheets.has(state.filters.sheet)
          ? "all"
          : state.filters.sheet;
      return {
        ...state,
        check: { status: "done", outcome: event.outcome },
        filters: { ...state.filters, sheet },
        // A new check describes another workbook state: earlier export messages no longer apply.
        export: { override: state.export.override },
      };
    }
    case "check/failed":
      return { ...state, check: { ...state.check, status: "failed", error: event.message } };
    case "select/failed":
      return {
        ...state,
        check: {
          ...state.check,
          selectError: { sheet: event.sheet, cell: event.cell, message: event.message },
        },
      };
    case "fix/plan":
      return { ...state, fix: { status: "planning", target: event.target } };
    case "fix/proposed":
      return state.fix.status === "planning"
        ? { ...state, fix: { ...state.fix, status: "proposed", proposal: event.proposal } }
        : state;
    case "fix/cancel":
      return { ...state, fix: { status: "idle" } };
    case "fix/start":
      return { ...state, fix: { ...state.fix, status: "writing" } };
    case "fix/done":
      return {
        ...state,
        fix: { status: "idle", done: event.applied.edits.length },
        undo: { applied: [...state.undo.applied, event.applied], busy: false },
      };
    case "fix/failed":
      return { ...state, fix: { ...state.fix, status: "failed", failure: event.failure } };
    case "undo/start":
      return {
        ...state,
        fix: { status: "idle" },
        undo: { ...state.undo, busy: true, undone: undefined, failure: undefined },
      };
    case "undo/done": {
      const undone = state.undo.applied.find((a) => a.id === event.id);
      return {
        ...state,
        undo: { applied: state.undo.applied.filter((a) => a.id !== event.id), busy: false, undone },
      };
    }
    case "undo/failed":
      return { ...state, undo: { ...state.undo, busy: false, failure: event.message } };
    case "filters":
      return { ...state, filters: { ...state.filters, ...event.filters } };
    case "groups":
      return { ...state, openGroups: event.open };
    case "template":
      return { ...state, template: event.template, existing: [], generate: { status: "idle" } };
    case "existing":
      return { ...state, existing: event.sheets };
    case "generate/confirm":
      return { ...state, existing: event.existing, generate: { status: "confirming" } };
    case "generate/cancel":
      return { ...state, generate: { status: "idle" } };
    case "generate/start":
      return {
        ...state,
        generate: { status: "writing", progress: { done: 0, total: event.total } },
      };
    case "generate/progress":
      return state.generate.status === "writing"
        ? { ...state, generate: { ...state.generate, progress: event.progress } }
        : state;
    case "generate/done":
      return {
        ...state,
        existing: event.created,
        generate: {
          status: "done",
          created: event.created,
          notes: event.notes,
          changes: event.changes,
        },
      };
    case "generate/failed":
      return {
        ...state,
        generate: { status: "failed", failure: event.failure, notes: event.notes },
      };
    case "export/override":
      return { ...state, export: { ...state.export, override: event.override } };
    case "export/start":
      return { ...state, export: { override: state.export.override, busy: event.target } };
    case "export/done":
      return {
        ...state,
        export: {
          override: state.export.override,
          done: { target: event.target, fileName: event.fileName },
          changes: event.changes,
        },
      };
    case "export/failed":
      return {
        ...state,
        export: { override: state.export.override, failure: event.failure, changes: event.changes },
      };
  }
}

/** The template the pane works in: the user's choice, else the detected one. */
export function selectedTemplate(state: PaneState): TemplateId | undefined {
  return state.template ?? state.check.outcome?.check.template;
}
