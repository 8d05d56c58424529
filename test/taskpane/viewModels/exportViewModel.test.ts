import { runCheck } from "../../../src/taskpane/actions";
import type { CheckOutcome } from "../../../src/taskpane/actions";
import { initialState, paneReducer } from "../../../src/taskpane/state";
import type { PaneEvent, PaneState } from "../../../src/taskpane/state";
import { exportViewModel } from "../../../src/taskpane/viewModels";
import { loadFixture } from "../../helpers/fixtures";
import { fakeHost } from "../fakeHost";

const after = (events: PaneEvent[], from: PaneState = initialState) =>
  events.reduce(paneReducer, from);
const enabled = (state: PaneState) =>
  exportViewModel(state, "zh-CN").actions.map((a) => [a.id, !a.disabled]);

describe("exportViewModel", () => {
  let tunliu: CheckOutcome;
  let quyang: CheckOutcome;
  beforeAll(async () => {
    tunliu = await runCheck(fakeHost(await loadFixture("tunliu-2024")));
    quyang = await runCheck(fakeHost(await loadFixture("quyang-2024")));
  });
  const checked = (outcome: CheckOutcome) => after([{ type: "check/done", outcome }]);

  test("is disabled, saying why, before a check", () => {
    const vm = exportViewModel(initialState, "zh-CN");
    expect(vm.actions.every((a) => a.disabled)).toBe(true);
    expect(vm.reason).toBe("请先完成检查。");
    expect(vm.files).toBeUndefined();
  });

  test("offers the three exports of a workbook without errors, under the CLI's file names", () => {
    const vm = exportViewModel(checked(tunliu), "zh-CN");
    expect(vm.actions.map((a) => [a.label, a.disabled])).toEqual([
      ["以新工作簿打开 xlsx", false],
      ["下载 xlsx", false],
      ["下载 docx", false],
    ]);
    expect(vm.reason).toBeUndefined();
    expect(vm.override).toBeUndefined();
    expect(vm.files?.names).toEqual([
      "中共长治市屯留区委组织部-2024-部门预算公开.xlsx",
      "中共长治市屯留区委组织部-2024-部门预算公开.docx",
    ]);
  });

  test("shows what the check found before anything is exported", () => {
    expect(exportViewModel(initialState, "zh-CN").checkStatus).toBeUndefined();
    expect(exportViewModel(checked(tunliu), "zh-CN").checkStatus).toEqual({
      intent: "success",
      text: "检查结果：未发现错误或警告。",
    });
    expect(exportViewModel(checked(quyang), "zh-CN").checkStatus).toEqual({
      intent: "error",
      text: `检查结果：2 个错误，${quyang.check.findings.filter((f) => f.severity === "warning").length} 个警告。`,
    });
  });

  test("is disabled while the workbook has errors, until the user overrides", () => {
    const blocked = exportViewModel(checked(quyang), "zh-CN");
    expect(blocked.actions.every((a) => a.disabled)).toBe(true);
    expect(blocked.reason).toMatch(/^工作簿有 2 个错误，暂不能导出/);
    expect(blocked.override).toEqual({ label: "仍要导出（我已核对这些错误）", checked: false });
    const overridden = after([{ type: "export/override", override: true }], checked(quyang));
    const vm = exportViewModel(overridden, "zh-CN");
    expect(enabled(overridden).every(([, on]) => on)).toBe(true);
    expect(vm.reason).toBeUndefined();
    expect(vm.override?.checked).toBe(true);
    expect(vm.warning).toBe("注意：工作簿有 2 个错误，请核对后再公开。");
  });

  test("keeps the override across a re-check", () => {
    const state = after(
      [
        { type: "export/override", override: true },
        { type: "check/done", outcome: quyang },
      ],
      checked(quyang)
    );
    expect(exportViewModel(state, "zh-CN").reason).toBeUndefined();
  });

  test("disables every button while one export runs, then says what it did", () => {
    const busy = after([{ type: "export/start", target: "docx-download" }], checked(tunliu));
    const vm = exportViewModel(busy, "zh-CN");
    expect(vm.actions.map((a) => [a.disabled, a.busy])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    expect(vm.status).toEqual({ intent: "info", text: "正在导出…" });
    const done = after([{ type: "export/done", target: "xlsx-open", fileName: "a.xlsx" }], busy);
    expect(exportViewModel(done, "en-US").status).toEqual({
      intent: "success",
      text: "Opened a.xlsx as a new workbook.",
    });
    const failed = after(
      [{ type: "export/failed", failure: { reason: "message", message: "x" } }],
      busy
    );
    expect(exportViewModel(failed, "zh-CN").status).toEqual({
      intent: "error",
      text: "导出失败：x",
    });
  });

  test("needs a department and a year", async () => {
    const empty = await runCheck(fakeHost([]));
    expect(exportViewModel(checked(empty), "zh-CN").reason).toBe("找不到部门名称，无法导出。");
  });
});
