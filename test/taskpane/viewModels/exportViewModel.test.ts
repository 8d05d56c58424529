import { runCheck } from "../../../src/taskpane/actions";
import type { CheckOutcome } from "../../../src/taskpane/actions";
import { initialState, paneReducer } from "../../../src/taskpane/state";
import type { PaneEvent, PaneState } from "../../../src/taskpane/state";
import { exportViewModel } from "../../../src/taskpane/viewModels";
import { loadFixture } from "../../helpers/fixtures";
import { fakeHost } from "../fakeHost";
import type { FigureChange } from "../../../src/core/format/disclosure";
import { Money } from "../../../src/core/money";

/** Two changes as the engine reports them: one a rounding difference, one beyond rounding. */
const CHANGES: FigureChange[] = [
  {
    sheet: "支出总表",
    cell: "C7",
    label: "201 一般公共服务支出",
    caption: "合计",
    before: new Money("1813.51"),
    after: new Money("1813.52"),
    withinRounding: true,
  },
  {
    sheet: "项目支出(本年)",
    cell: "B28",
    label: "选聘大学生到村(社区)工作培训经费",
    caption: "合计",
    before: new Money("42.4"),
    after: new Money("0"),
    withinRounding: false,
  },
];

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

  test("stops at figures changed beyond rounding like errors, lists them, and offers to export anyway", () => {
    const stopped = after(
      [
        { type: "export/start", target: "docx-download" },
        {
          type: "export/failed",
          failure: { reason: "changes", count: 1 },
          changes: CHANGES,
        },
      ],
      checked(tunliu)
    );
    const vm = exportViewModel(stopped, "zh-CN");
    expect(vm.status).toEqual({
      intent: "error",
      text: "导出会改动原表中 1 个数字（超出舍入），未导出。请核对下方列表；如确需导出，请勾选“仍要导出”。",
    });
    expect(vm.changes?.items).toHaveLength(2);
    expect(vm.override).toEqual({ label: "仍要导出（我已核对这些改动）", checked: false });
    // Exported anyway: the status says the file was written and that figures changed.
    const exported = after(
      [
        { type: "export/override", override: true },
        { type: "export/start", target: "docx-download" },
        { type: "export/done", target: "docx-download", fileName: "a.docx", changes: CHANGES },
      ],
      stopped
    );
    const done = exportViewModel(exported, "zh-CN");
    expect(done.status?.text).toBe(
      "已下载 a.docx。有 2 个数字与原表不同，见下方列表。其中 1 处超出舍入，请核对原表后再公开。"
    );
    expect(done.changes?.heading).toBe("与原表不同的数字（2 处）");
  });
});

describe("exportViewModel, when building the tables found problems", () => {
  const PROBLEM = "【项目支出(本年)】A9 项目“某项目”的功能分类科目在支出总表中找不到对应的科目";
  let tunliu: CheckOutcome;
  beforeAll(async () => {
    tunliu = await runCheck(fakeHost(await loadFixture("tunliu-2024")));
  });
  const checkedTunliu = () => after([{ type: "check/done", outcome: tunliu }]);

  test("a problem alone stops the export, says what it is, and offers to export anyway", () => {
    const stopped = after(
      [
        { type: "export/start", target: "xlsx-download" },
        {
          type: "export/failed",
          failure: { reason: "changes", count: 0, problems: [PROBLEM] },
          changes: [CHANGES[0]],
        },
      ],
      checkedTunliu()
    );
    const vm = exportViewModel(stopped, "zh-CN");
    expect(vm.status).toEqual({
      intent: "error",
      text: `生成公开表时发现 1 个问题：${PROBLEM}。未导出。请核对原表；如确需导出，请勾选“仍要导出”。`,
    });
    expect(vm.override).toEqual({ label: "仍要导出（我已核对这些改动）", checked: false });
    // Ticked and exported: the choice stays visible, so it can be taken back.
    const exported = after(
      [
        { type: "export/override", override: true },
        { type: "export/start", target: "xlsx-download" },
        { type: "export/done", target: "xlsx-download", fileName: "a.xlsx", changes: [CHANGES[0]] },
      ],
      stopped
    );
    expect(exportViewModel(exported, "zh-CN").override).toEqual({
      label: "仍要导出（我已核对这些改动）",
      checked: true,
    });
  });

  test("with figures beyond rounding, both are said", () => {
    const stopped = after(
      [
        {
          type: "export/failed",
          failure: { reason: "changes", count: 1, problems: [PROBLEM] },
          changes: CHANGES,
        },
      ],
      checkedTunliu()
    );
    expect(exportViewModel(stopped, "zh-CN").status?.text).toBe(
      "导出会改动原表中 1 个数字（超出舍入），未导出。请核对下方列表；如确需导出，请勾选“仍要导出”。" +
        `生成公开表时还发现 1 个问题：${PROBLEM}。`
    );
  });
});
