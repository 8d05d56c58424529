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
      coverage: { tables: [], forms: 0, missing: [], extract: true },
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
});
