import {
  PROVINCES,
  SUPPLEMENT_TEMPLATES,
  TEMPLATES,
  TEMPLATE_IDS,
} from "../../../src/core/templates";
import { runCheck } from "../../../src/taskpane/actions";
import type { CheckOutcome } from "../../../src/taskpane/actions";
import { initialState, paneReducer } from "../../../src/taskpane/state";
import type { PaneEvent, PaneState } from "../../../src/taskpane/state";
import { generateViewModel } from "../../../src/taskpane/viewModels";
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

describe("generateViewModel", () => {
  let tunliu: CheckOutcome;
  let quyang: CheckOutcome;
  beforeAll(async () => {
    tunliu = await runCheck(fakeHost(await loadFixture("tunliu-2024")));
    quyang = await runCheck(fakeHost(await loadFixture("quyang-2024")));
  });
  const checked = (outcome: CheckOutcome) => after([{ type: "check/done", outcome }]);

  test("needs a check first", () => {
    const vm = generateViewModel(initialState, "zh-CN");
    expect(vm.button).toMatchObject({ disabled: true, reason: "请先完成检查。" });
    expect(vm.template.value).toBe("");
    expect(vm.sheets.items).toEqual([]);
  });

  test("pre-selects the detected template and lists its sheets in order", () => {
    const vm = generateViewModel(checked(tunliu), "zh-CN");
    expect(vm.template.value).toBe("shanxi");
    expect(vm.template.options.slice(0, 3)).toEqual([
      { value: "hebei", label: "河北" },
      { value: "shanxi", label: "山西（检测到）" },
      { value: "mof", label: "财政部" },
    ]);
    // … and every other province of the registry, by its own name.
    expect(vm.template.options.slice(3)).toEqual(
      TEMPLATE_IDS.slice(3).map((id) => ({ value: id, label: PROVINCES[id].name }))
    );
    expect(vm.sheets.heading).toBe("将创建的工作表（13）");
    expect(vm.sheets.items.map((s) => s.name)).toEqual(TEMPLATES.shanxi.map((t) => t.sheetName));
    expect(vm.button).toEqual({
      label: "生成公开表",
      disabled: false,
      busy: false,
      reason: undefined,
    });
    expect(vm.warning).toBeUndefined();
    expect(vm.confirm.open).toBe(false);
  });

  test("follows the user's choice of template", () => {
    const vm = generateViewModel(
      after([{ type: "template", template: "hebei" }], checked(tunliu)),
      "en-US"
    );
    expect(vm.template.value).toBe("hebei");
    expect(vm.template.options[1].label).toBe("Shanxi (detected)");
    expect(vm.sheets.items.map((s) => s.name)).toEqual([
      ...TEMPLATES.hebei.map((t) => t.sheetName),
      ...SUPPLEMENT_TEMPLATES.hebei.map((t) => t.sheetName),
    ]);
    // The supplementary tables come from the workbook's own 政府采购 / 固定资产 / 绩效目标 tables.
    expect(vm.sheets.items.filter((s) => s.note !== undefined).map((s) => s.name)).toEqual(
      SUPPLEMENT_TEMPLATES.hebei.map((t) => t.sheetName)
    );
    expect(vm.sheets.items[vm.sheets.items.length - 1].note).toBe(
      "Created when the workbook has this table"
    );
  });

  test("marks the sheets that exist and asks before replacing them", () => {
    const existing = [TEMPLATES.shanxi[0].sheetName, TEMPLATES.shanxi[4].sheetName];
    const listed = generateViewModel(
      after([{ type: "existing", sheets: existing }], checked(tunliu)),
      "zh-CN"
    );
    expect(listed.sheets.items.filter((s) => s.exists).map((s) => s.name)).toEqual(existing);
    expect(listed.sheets.items[0].note).toBe("已存在，将替换");
    const confirming = generateViewModel(
      after([{ type: "generate/confirm", existing }], checked(tunliu)),
      "zh-CN"
    );
    expect(confirming.confirm).toMatchObject({
      open: true,
      title: "替换已有的表？",
      sheets: existing,
      confirmLabel: "替换",
      cancelLabel: "取消",
    });
    expect(confirming.confirm.body).toMatch(/^以下 2 张工作表已存在/);
  });

  test("shows progress while writing, then what was created", () => {
    const writing = after(
      [
        { type: "generate/start", total: 13 },
        { type: "generate/progress", progress: { done: 4, total: 13 } },
      ],
      checked(tunliu)
    );
    const vm = generateViewModel(writing, "zh-CN");
    expect(vm.progress).toEqual({
      label: "生成进度",
      value: 4 / 13,
      text: "正在写入第 4/13 张表…",
    });
    expect(vm.button).toMatchObject({ disabled: true, busy: true });
    expect(vm.template.disabled).toBe(true);
    const done = generateViewModel(
      after(
        [{ type: "generate/done", created: ["表1 收支总表", "表2 收入总表"], notes: [] }],
        writing
      ),
      "zh-CN"
    );
    expect(done.progress).toBeUndefined();
    expect(done.summary).toEqual({ intent: "success", title: "已生成 2 张表。" });
    // The list now says what was created instead of warning that the sheets exist.
    expect(done.sheets.heading).toBe("已创建的工作表（2）");
    expect(done.sheets.items.filter((s) => s.note === "已创建").map((s) => s.name)).toEqual([
      "表1 收支总表",
      "表2 收入总表",
    ]);
    expect(done.sheets.items.some((s) => s.exists)).toBe(false);
  });

  test("reports a failed write with the host's message", () => {
    const vm = generateViewModel(
      after(
        [{ type: "generate/failed", failure: { reason: "message", message: "工作表受保护" } }],
        checked(tunliu)
      ),
      "zh-CN"
    );
    expect(vm.summary).toEqual({
      intent: "error",
      title: "生成失败，已撤销新增的表：工作表受保护",
    });
  });

  test("warns, without blocking, when the workbook has errors", () => {
    const vm = generateViewModel(checked(quyang), "zh-CN");
    expect(vm.template.value).toBe("hebei");
    expect(vm.warning).toBe("工作簿有 2 个错误，生成的表可能不准确，请先核对。");
    expect(vm.button.disabled).toBe(false);
  });

  test("cannot generate from a workbook without budget data", async () => {
    const empty = await runCheck(fakeHost([]));
    const noTemplate = generateViewModel(checked(empty), "zh-CN");
    expect(noTemplate.button).toMatchObject({ disabled: true, reason: "请先选择公开表模板。" });
    const chosen = generateViewModel(
      after([{ type: "template", template: "mof" }], checked(empty)),
      "zh-CN"
    );
    expect(chosen.button.reason).toMatch(/没有可用的预算数据/);
  });

  test("lists every figure the tables print differently from the workbook, old and new", () => {
    const state = after(
      [
        { type: "generate/start", total: 13 },
        { type: "generate/done", created: ["表1 收支总表"], notes: [], changes: CHANGES },
      ],
      checked(tunliu)
    );
    const vm = generateViewModel(state, "zh-CN");
    expect(vm.summary?.detail).toBe(
      "有 2 个数字与原表不同（以更明细的数字为准，或为舍入差异），见下方列表。其中 1 处超出舍入，请核对原表后再公开。"
    );
    expect(vm.changes).toEqual({
      heading: "与原表不同的数字（2 处）",
      items: [
        "【支出总表】C7 “201 一般公共服务支出”的“合计”：1,813.51 → 1,813.52（+0.01）",
        "【项目支出(本年)】B28 “选聘大学生到村(社区)工作培训经费”的“合计”：42.40 → 0.00（-42.40） 超出舍入，请核对",
      ],
    });
    expect(generateViewModel(state, "en-US").changes?.heading).toBe(
      "Figures printed differently from the workbook (2)"
    );
    // Nothing changed, nothing said.
    const plain = after(
      [
        { type: "generate/start", total: 13 },
        { type: "generate/done", created: ["表1 收支总表"], notes: [], changes: [] },
      ],
      checked(tunliu)
    );
    expect(generateViewModel(plain, "zh-CN").changes).toBeUndefined();
    expect(generateViewModel(plain, "zh-CN").summary?.detail).toBeUndefined();
  });

  test("lists a supplementary table under the number it got when one before it was missing", () => {
    const tables = TEMPLATES.hebei.map((t) => t.sheetName);
    const created = [...tables, "表11 政府采购预算", "表12 固定资产"];
    const state = after(
      [
        { type: "template", template: "hebei" },
        { type: "generate/start", total: 13 },
        { type: "generate/done", created, notes: [], changes: [] },
      ],
      checked(quyang)
    );
    const items = generateViewModel(state, "zh-CN").sheets.items;
    expect(items.slice(10).map((item) => [item.name, item.note])).toEqual([
      ["表11 项目绩效目标", undefined],
      ["表11 政府采购预算", "已创建"],
      ["表12 固定资产", "已创建"],
    ]);
  });
});
