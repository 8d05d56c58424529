import { initialState, paneReducer, selectedTemplate } from "../../src/taskpane/state";
import type { PaneEvent, PaneState } from "../../src/taskpane/state";
import type { CheckOutcome } from "../../src/taskpane/actions";
import type { WorkbookCheckResult } from "../../src/core/check/workbook";

const after = (events: PaneEvent[], from: PaneState = initialState) =>
  events.reduce(paneReducer, from);

function outcome(template: WorkbookCheckResult["template"], sheets: string[]): CheckOutcome {
  return {
    sheets,
    check: {
      model: { tables: [], forms: [], findings: [] },
      template,
      templateSource: template ? "detected" : "unknown",
      findings: sheets.map((sheet) => ({ ruleId: "x", severity: "error", sheet, message: "m" })),
      rulesRun: 1,
      coverage: { tables: [], forms: 0, missing: [], extract: true, figures: 0, alone: [] },
    },
  };
}

describe("paneReducer", () => {
  test("starts on the 检查 step with nothing checked", () => {
    expect(initialState.step).toBe("check");
    expect(initialState.check.status).toBe("idle");
  });

  test("uses the detected template until the user chooses one", () => {
    const checked = after([{ type: "check/done", outcome: outcome("hebei", ["a"]) }]);
    expect(selectedTemplate(checked)).toBe("hebei");
    expect(selectedTemplate(after([{ type: "template", template: "mof" }], checked))).toBe("mof");
  });

  test("drops a sheet filter whose sheet has no findings after a re-check", () => {
    const filtered = after([
      { type: "check/done", outcome: outcome("hebei", ["a", "b"]) },
      { type: "filters", filters: { sheet: "b", severity: "error" } },
    ]);
    const rechecked = after([{ type: "check/done", outcome: outcome("hebei", ["a"]) }], filtered);
    expect(rechecked.filters).toEqual({ sheet: "all", severity: "error" });
    const kept = after([{ type: "check/done", outcome: outcome("hebei", ["b"]) }], filtered);
    expect(kept.filters.sheet).toBe("b");
  });

  test("ignores progress that arrives when nothing is being written", () => {
    const idle = after([{ type: "generate/progress", progress: { done: 1, total: 2 } }]);
    expect(idle.generate).toEqual({ status: "idle" });
  });

  test("cancelling the confirmation writes nothing and returns to idle", () => {
    const state = after([
      { type: "generate/confirm", existing: ["表1 收支总表"] },
      { type: "generate/cancel" },
    ]);
    expect(state.generate.status).toBe("idle");
    expect(state.existing).toEqual(["表1 收支总表"]);
  });

  describe("修正 and 撤销", () => {
    const finding = {
      ruleId: "sum.children",
      severity: "error" as const,
      sheet: "表",
      cell: "C7",
      message: "m",
      expected: "3",
    };
    const edits = [{ sheet: "表", cell: "C7", from: 4, to: 3 }];
    const previous = [{ sheet: "表", cell: "C7", value: 4, numberFormat: "0.00" }];
    const proposed: PaneEvent[] = [
      { type: "fix/plan", target: { finding } },
      { type: "fix/proposed", proposal: { ok: true, edits, fixed: [finding] } },
    ];

    test("a proposal waits for the clerk; 取消 leaves nothing behind", () => {
      const state = after(proposed);
      expect(state.fix).toMatchObject({ status: "proposed", proposal: { ok: true, edits } });
      expect(after([{ type: "fix/cancel" }], state).fix).toEqual({ status: "idle" });
    });

    test("a proposal that arrives after 取消 does not reopen the dialog", () => {
      const state = after([proposed[0], { type: "fix/cancel" }, proposed[1]]);
      expect(state.fix).toEqual({ status: "idle" });
    });

    test("an applied fix goes on the undo list; 撤销 takes it off", () => {
      const applied = { id: 1, target: { finding }, edits, previous };
      const fixed = after([...proposed, { type: "fix/start" }, { type: "fix/done", applied }]);
      expect(fixed.fix).toEqual({ status: "idle", done: 1 });
      expect(fixed.undo.applied).toEqual([applied]);
      const undoing = after([{ type: "undo/start" }], fixed);
      expect(undoing.undo.busy).toBe(true);
      const undone = after([{ type: "undo/done", id: 1 }], undoing);
      expect(undone.undo).toEqual({ applied: [], busy: false, undone: applied });
    });

    test("a failed write keeps the dialog open with the reason, and the undo list as it was", () => {
      const state = after([
        ...proposed,
        { type: "fix/start" },
        { type: "fix/failed", failure: { reason: "changed", cells: ["表!C7"] } },
      ]);
      expect(state.fix).toMatchObject({ status: "failed", failure: { reason: "changed" } });
      expect(state.undo.applied).toEqual([]);
    });
  });
});
