import type { Grid } from "../../../src/core/grid";
import { runCheck } from "../../../src/taskpane/actions";
import type { CheckOutcome } from "../../../src/taskpane/actions";
import type { FindingFilters, PaneState } from "../../../src/taskpane/state";
import { checkViewModel } from "../../../src/taskpane/viewModels";
import { loadFixture } from "../../helpers/fixtures";
import { fakeHost } from "../fakeHost";

const ALL: FindingFilters = { severity: "all", sheet: "all" };

/**
 * tunliu's 收支总表 again on a sheet of its own, for the department's 本级, every amount halved: a
 * second set of tables in one workbook (as test/cli/helpers addOwnLevelCopy).
 */
function ownLevelCopy(grids: readonly Grid[]): Grid {
  const source = grids.find((g) => g.sheet === "收支总表")!;
  return {
    ...source,
    sheet: "收支总表(本级)",
    values: source.values.map((row) =>
      row.map((value) =>
        typeof value === "number"
          ? Math.round(value * 50) / 100
          : typeof value === "string"
            ? value.replace("中共长治市屯留区委组织部", "中共长治市屯留区委组织部本级")
            : value
      )
    ),
  };
}

async function checked(grids: readonly Grid[]): Promise<PaneState["check"]> {
  const outcome: CheckOutcome = await runCheck(fakeHost(grids));
  return { status: "done", outcome };
}

describe("checkViewModel", () => {
  test("asks for a check before there is one, and says when it is running or failed", () => {
    expect(checkViewModel({ status: "idle" }, ALL, "zh-CN").status?.text).toMatch(/点击“检查”/);
    const running = checkViewModel({ status: "running" }, ALL, "zh-CN");
    expect(running.run.busy).toBe(true);
    expect(running.status).toEqual({ intent: "info", text: "正在读取并检查工作簿…" });
    const failed = checkViewModel({ status: "failed", error: "boom" }, ALL, "en-US");
    expect(failed.status).toEqual({ intent: "error", text: "Could not read the workbook: boom" });
    expect(failed.facts).toEqual([]);
    expect(failed.groups).toEqual([]);
  });

  describe("tunliu-2024: rounding notes only", () => {
    let check: PaneState["check"];
    beforeAll(async () => {
      check = await checked(await loadFixture("tunliu-2024"));
    });

    test("states the detected department, year and template", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      expect(vm.facts).toEqual([
        { label: "部门", value: "中共长治市屯留区委组织部" },
        { label: "年度", value: "2024" },
        { label: "模板", value: "山西（自动识别）" },
      ]);
      expect(vm.run.label).toBe("重新检查");
      expect(vm.status).toBeUndefined();
    });

    test("finds all 13 tables Shanxi requires, the two 项目支出表 told apart", () => {
      const tables = checkViewModel(check, ALL, "zh-CN").tables!;
      expect(tables.complete).toBe(true);
      expect(tables.summary).toBe("必备公开表齐全（13 张）");
      expect(tables.missing).toEqual([]);
      expect(tables.found).toHaveLength(13);
      expect(tables.found).toContain("项目支出预算表（上年结转）：工作表“项目支出(上年结转)”");
      expect(tables.other).toEqual([]);
    });

    test("counts per severity and shows the empty state", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      expect(vm.counts.map((c) => c.text)).toEqual(["错误 0", "警告 0", "提示 19"]);
      expect(vm.allWell?.title).toBe("未发现错误或警告");
      expect(vm.allWell?.detail).toBe("另有 19 处舍入差异，已折叠在下方。");
    });

    test("folds the rounding notes into one closed group, by sheet", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      expect(vm.groups.map((g) => g.id)).toEqual(["rounding"]);
      expect(vm.groups[0].title).toBe("舍入差异（19）");
      expect(vm.openGroups).toEqual([]);
      const sheets = vm.groups[0].sheets.map((s) => s.title);
      expect(sheets).toContain("一般公共预算支出表（4）");
      expect(sheets).toContain("项目支出(本年)（4）");
    });

    test("links a finding between two tables to the other table's cell as well", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      const items = vm.groups[0].sheets.flatMap((sheet) => sheet.findings);
      const classFinding = items.find((item) => item.cell === "C7" && /类支出/.test(item.message))!;
      expect(classFinding.target).toMatchObject({ sheet: "收入总表", cell: "C7" });
      // The other table's cell first, then the cells of the finding's own sheet by address alone.
      expect(classFinding.related).toEqual([
        {
          sheet: "支出总表",
          cell: "C7",
          text: "支出总表!C7",
          label: "在 Excel 中选中 支出总表!C7",
        },
        { sheet: "收入总表", cell: "I7", text: "I7", label: "在 Excel 中选中 收入总表!I7" },
      ]);
      expect(classFinding.relatedLabel).toBe("另见");
      expect(classFinding.relatedMore).toBeUndefined();
    });

    test("links at most four related cells and says how many there are", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      const items = vm.groups[0].sheets.flatMap((sheet) => sheet.findings);
      // 收支总表 本年支出合计 = Σ the 30 类 rows Shanxi lists: 30 related cells.
      const total = items.find((item) => item.cell === "D36")!;
      expect(total.related).toHaveLength(4);
      expect(total.relatedMore).toBe("等 30 处");
    });

    test("keeps the groups the user opened", () => {
      expect(checkViewModel(check, ALL, "zh-CN", ["rounding"]).openGroups).toEqual(["rounding"]);
    });

    test("speaks English when asked, the engine's messages staying Chinese", () => {
      const vm = checkViewModel(check, ALL, "en-US");
      expect(vm.facts.map((f) => f.label)).toEqual(["Department", "Year", "Template"]);
      expect(vm.facts[2].value).toBe("Shanxi (detected)");
      expect(vm.counts.map((c) => c.text)).toEqual(["Errors 0", "Warnings 0", "Notes 19"]);
      expect(vm.groups[0].title).toBe("Rounding differences (19)");
    });

    test("names a missing table", async () => {
      const grids = (await loadFixture("tunliu-2024")).filter((g) => g.sheet !== "机关运行经费");
      const tables = checkViewModel(await checked(grids), ALL, "zh-CN").tables!;
      expect(tables.complete).toBe(false);
      expect(tables.summary).toBe("已识别 12/13 张必备公开表");
      expect(tables.missing).toEqual(["财政拨款安排机关运行经费预算表"]);
    });
  });

  describe("quyang-2024: two errors in 绩效目标", () => {
    let check: PaneState["check"];
    beforeAll(async () => {
      check = await checked(await loadFixture("quyang-2024"));
    });

    test("groups errors first, by sheet, each finding pointing at its cell", () => {
      const vm = checkViewModel(check, ALL, "zh-CN");
      expect(vm.allWell).toBeUndefined();
      expect(vm.counts.map((c) => c.text)).toEqual(["错误 2", "警告 1", "提示 1"]);
      expect(vm.groups.map((g) => [g.id, g.count])).toEqual([
        ["error", 2],
        ["warning", 1],
        ["rounding", 1],
      ]);
      expect(vm.openGroups).toEqual(["error", "warning"]);
      const [errors] = vm.groups;
      expect(errors.title).toBe("错误（2）");
      expect(errors.sheets.map((s) => s.title)).toEqual(["绩效目标（2）"]);
      expect(errors.sheets[0].findings.map((f) => f.target)).toEqual([
        { sheet: "绩效目标", cell: "B8", label: "在 Excel 中选中 绩效目标!B8" },
        { sheet: "绩效目标", cell: "C232", label: "在 Excel 中选中 绩效目标!C232" },
      ]);
    });

    test("lists the tables outside the Hebei set apart", () => {
      const tables = checkViewModel(check, ALL, "zh-CN").tables!;
      expect(tables.complete).toBe(true);
      expect(tables.other).toEqual([
        "政府采购表：工作表“政府采购”",
        "固定资产表：工作表“固定资产”",
      ]);
    });

    test("filters by severity, with counts in the options", () => {
      const vm = checkViewModel(check, { severity: "error", sheet: "all" }, "zh-CN");
      expect(vm.groups.map((g) => g.id)).toEqual(["error"]);
      expect(vm.filters?.severity.options.map((o) => o.label)).toEqual([
        "全部（4）",
        "错误（2）",
        "警告（1）",
        "提示（1）",
      ]);
      expect(vm.filters?.severity.value).toBe("error");
      // The rounding notes are 提示.
      const info = checkViewModel(check, { severity: "info", sheet: "all" }, "zh-CN");
      expect(info.groups.map((g) => g.id)).toEqual(["rounding"]);
    });

    test("filters by sheet, and says so when nothing matches", () => {
      const vm = checkViewModel(check, { severity: "all", sheet: "绩效目标" }, "zh-CN");
      expect(vm.groups.reduce((n, g) => n + g.count, 0)).toBe(4);
      expect(vm.filters?.sheet.options.map((o) => o.value)).toEqual(["all", "绩效目标"]);
      const none = checkViewModel(check, { severity: "error", sheet: "收支总表" }, "zh-CN");
      expect(none.groups).toEqual([]);
      expect(none.noMatches).toBe("没有符合筛选条件的检查结果。");
    });
  });

  test("an extract: the tables it lacks are a notice of what was not checked, not a warning", async () => {
    const grids = (await loadFixture("tunliu-2024")).filter((g) =>
      ["收支总表", "支出总表", "三公经费"].includes(g.sheet)
    );
    const vm = checkViewModel(await checked(grids), ALL, "zh-CN");
    const tables = vm.tables!;
    expect(tables.extract).toBe(true);
    expect(tables.missingIntent).toBe("info");
    expect(tables.summary).toBe(
      `部分公开表（摘录）：已检查 3 张表，另有 ${tables.missing.length} 张必备公开表不在本工作簿中`
    );
    expect(tables.missing.length).toBe(10);
    expect(tables.missingHeading).toBe("不在本工作簿中、未检查的表（10）");
    expect(vm.status).toBeUndefined();
  });

  test("an extract is 部分检查, never all well, in the CLI's words", async () => {
    const grids = (await loadFixture("tunliu-2024")).filter((g) =>
      ["收支总表", "支出总表", "三公经费"].includes(g.sheet)
    );
    const vm = checkViewModel(await checked(grids), ALL, "zh-CN");
    // No error and no warning: before, this was the green all-clear.
    expect(vm.counts.map((c) => c.text).slice(0, 2)).toEqual(["错误 0", "警告 0"]);
    expect(vm.allWell).toBeUndefined();
    expect(vm.partial?.title).toBe("部分检查");
    expect(vm.partial?.lines).toEqual([
      "摘录：只检查了 3 张表（收支总表、支出总表、三公经费表）；10 张必备公开表不在文件中，未检查：" +
        `${vm.tables!.missing.join("、")}。`,
    ]);
    expect(vm.partial?.body).toBe("已检查的部分未发现错误或警告；未检查的部分不能算通过。");
    expect(checkViewModel(await checked(grids), ALL, "en-US").partial?.title).toBe(
      "Partly checked"
    );
  });

  test("a second set of tables is 部分检查: its tables were checked only within themselves", async () => {
    const grids = await loadFixture("tunliu-2024");
    const vm = checkViewModel(await checked([...grids, ownLevelCopy(grids)]), ALL, "zh-CN");
    expect(vm.counts.find((c) => c.severity === "error")?.text).toBe("错误 0");
    expect(vm.allWell).toBeUndefined();
    expect(vm.partial).toMatchObject({
      title: "部分检查",
      lines: [
        "1 张表只核对了表内合计，没有与其他表核对（另一单位或另一年度的表？）：收支总表（收支总表(本级)!A1）。",
      ],
    });
    // The same workbook without the copy: a full disclosure, all well.
    const full = checkViewModel(await checked(grids), ALL, "zh-CN");
    expect(full.partial).toBeUndefined();
    expect(full.allWell?.title).toBe("未发现错误或警告");
  });

  test("部分检查 stays when there are findings, without saying the checked part is clean", async () => {
    const grids = (await loadFixture("quyang-2024")).filter((g) =>
      ["收支总表", "绩效目标"].includes(g.sheet)
    );
    const vm = checkViewModel(await checked(grids), ALL, "zh-CN");
    expect(vm.counts[0].text).toBe("错误 2");
    expect(vm.partial?.title).toBe("部分检查");
    expect(vm.partial?.lines[0]).toMatch(/^摘录：只检查了 \d+ 张表/);
    expect(vm.partial?.body).toBeUndefined();
  });

  test("a full disclosure missing a table keeps it a warning", async () => {
    const grids = (await loadFixture("tunliu-2024")).filter((g) => g.sheet !== "机关运行经费");
    const tables = checkViewModel(await checked(grids), ALL, "zh-CN").tables!;
    expect(tables).toMatchObject({ extract: false, missingIntent: "warning" });
    expect(tables.missingHeading).toBe("缺少的表（1）");
  });

  test("never all well when no table was recognised: it says nothing was checked", async () => {
    const minutes: Grid = {
      sheet: "Sheet1",
      origin: { row: 1, col: 1 },
      values: [["会议纪要"], ["本年度工作安排如下。"]],
    };
    const vm = checkViewModel(await checked([minutes]), ALL, "zh-CN");
    expect(vm.allWell).toBeUndefined();
    expect(vm.partial).toBeUndefined();
    expect(vm.status).toEqual({
      intent: "error",
      text: "没有找到任何可识别的标准公开表（如收支总表、支出总表、“三公”经费表），未做任何检查。",
    });
  });

  test("without tables the template is unknown and nothing can be called missing", async () => {
    const vm = checkViewModel(await checked([]), ALL, "zh-CN");
    expect(vm.facts.map((f) => f.value)).toEqual(["未识别", "未识别", "未识别"]);
    expect(vm.tables?.summary).toBe("未识别模板，无法判断缺少哪些公开表。");
    expect(vm.tables?.missing).toEqual([]);
  });
});
