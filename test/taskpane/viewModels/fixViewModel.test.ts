import { initialState, paneReducer } from "../../../src/taskpane/state";
import type { PaneEvent, PaneState } from "../../../src/taskpane/state";
import { fixViewModel, formatAmount } from "../../../src/taskpane/viewModels";

const after = (events: PaneEvent[], from: PaneState = initialState) =>
  events.reduce(paneReducer, from);
const finding = {
  ruleId: "amount.as-text",
  severity: "warning" as const,
  sheet: "支出总表",
  cell: "E8",
  message: "m",
};

describe("fixViewModel", () => {
  test("is closed and lists nothing before any fix", () => {
    const vm = fixViewModel(initialState, "zh-CN");
    expect(vm.dialog.open).toBe(false);
    expect(vm.undo).toBeUndefined();
    expect(vm.status).toBeUndefined();
  });

  test("shows each cell with its value now and after, amounts with separators, text as text", () => {
    const edits = [
      { sheet: "支出总表", cell: "E8", from: "1234.5", to: 1234.5 },
      { sheet: "支出总表", cell: "E9", from: null, to: 12 },
    ];
    const state = after([
      { type: "fix/plan", target: { finding } },
      { type: "fix/proposed", proposal: { ok: true, edits, fixed: [finding] } },
    ]);
    const { dialog } = fixViewModel(state, "zh-CN");
    expect(dialog).toMatchObject({
      open: true,
      title: "修正 支出总表!E8",
      busy: false,
      confirmLabel: "确认修正",
      cancelLabel: "取消",
    });
    expect(dialog.rows.map((r) => [r.cell, r.from, r.to])).toEqual([
      ["支出总表!E8", "“1234.5”（文本）", "1,234.50"],
      ["支出总表!E9", "（空）", "12.00"],
    ]);
  });

  test("offers only 关闭 when the fix would bring new errors, and names them", () => {
    const newError = {
      ...finding,
      ruleId: "sum.children",
      severity: "error" as const,
      cell: "E7",
      message: "类不平",
    };
    const state = after([
      { type: "fix/plan", target: { finding } },
      { type: "fix/proposed", proposal: { ok: false, reason: "newErrors", newErrors: [newError] } },
    ]);
    const { dialog } = fixViewModel(state, "zh-CN");
    expect(dialog.confirmLabel).toBeUndefined();
    expect(dialog.cancelLabel).toBe("关闭");
    expect(dialog.problem).toEqual({
      intent: "warning",
      text: "不能自动修正：写入后会产生新的错误，请手工核对。",
      details: ["支出总表!E7 类不平"],
    });
  });

  test("lists the session's fixes latest first, with 撤销 on the latest only", () => {
    const one = (id: number, cell: string) => ({
      id,
      target: { finding },
      edits: [{ sheet: "支出总表", cell, from: 1, to: 2 }],
      previous: [{ sheet: "支出总表", cell, value: 1, numberFormat: "General" }],
    });
    const state = after([
      { type: "fix/done", applied: one(1, "E8") },
      { type: "fix/done", applied: one(2, "E9") },
    ]);
    const vm = fixViewModel(state, "zh-CN");
    expect(vm.undo?.heading).toBe("本次修正（2）");
    expect(vm.undo?.entries.map((e) => [e.text, e.undo?.label])).toEqual([
      ["支出总表!E9：1.00 → 2.00", "撤销：支出总表!E9：1.00 → 2.00"],
      ["支出总表!E8：1.00 → 2.00", undefined],
    ]);
    expect(vm.status).toEqual({ intent: "success", text: "已修正 1 个单元格，并已重新检查。" });
  });

  test("formats amounts one way: thousands separators, 2 decimals, the decimal Excel shows", () => {
    expect(formatAmount(1234567.5)).toBe("1,234,567.50");
    expect(formatAmount(0.1 + 0.2)).toBe("0.30");
    expect(formatAmount(-1234.005)).toBe("-1,234.01");
    expect(formatAmount(999.995)).toBe("1,000.00");
    expect(formatAmount(0)).toBe("0.00");
  });
});
