import type { FileResult } from "../../src/cli/checkFile";
import {
  alignColumns,
  displayWidth,
  groupBySheet,
  relatedText,
  renderJson,
  renderText,
  summaryLine,
  summaryTable,
  tablesLine,
  toJson,
  totalsLine,
} from "../../src/cli/report";
import type { Finding } from "../../src/core/finding";

const f = (
  severity: Finding["severity"],
  sheet: string | undefined,
  cell: string | undefined,
  extra: Partial<Finding> = {}
): Finding => ({
  ruleId: `rule.${severity}`,
  severity,
  sheet,
  cell,
  message: `${sheet ?? "工作簿"}${cell ?? ""}的问题`,
  ...extra,
});

const quyang: FileResult = {
  file: "data/quyang.xlsx",
  department: "中国共产党曲阳县委员会组织部",
  year: 2024,
  template: "hebei",
  sheets: ["收支总表", "收入总表", "支出总表"],
  tables: [
    { kind: "收支总表", sheet: "收支总表", cell: "A1" },
    { kind: "收入总表", sheet: "收入总表", cell: "A1" },
    { kind: "支出总表", sheet: "支出总表", cell: "A1" },
  ],
  missing: ["部门预算财政拨款收支总表"],
  extract: false,
  findings: [
    f("info", "收支总表", "C6", { expected: "3661.69", actual: "3661.68", rounding: true }),
    f("error", "支出总表", "E8", {
      expected: "336.34",
      actual: "236.34",
      related: [
        { sheet: "支出总表", cell: "E9" },
        { sheet: "收支总表", cell: "E7" },
      ],
    }),
    f("warning", "收支总表", "A2"),
    f("error", "支出总表", "D9"),
    f("warning", undefined, undefined),
    f("info", "收入总表", "B12"),
  ],
  ms: 12,
};
const unchecked: FileResult = {
  file: "data/minutes.xlsx",
  sheets: ["Sheet1"],
  tables: [],
  missing: [],
  extract: true,
  findings: [f("warning", "Sheet1", "A1")],
  unchecked: "没有找到任何可识别的标准公开表",
  ms: 3,
};
const extract: FileResult = {
  file: "data/sangong.xlsx",
  year: 2015,
  template: "mof",
  sheets: ["三公经费"],
  tables: [{ kind: "三公经费表", sheet: "三公经费", cell: "A1" }],
  missing: ["部门收支总表", "部门收入总表"],
  extract: true,
  findings: [],
  ms: 3,
};
const clean: FileResult = {
  file: "data/tunliu.xlsx",
  department: "中共长治市屯留区委组织部",
  year: 2024,
  template: "shanxi",
  sheets: ["收支总表"],
  findings: [],
  ms: 9,
};
const broken: FileResult = {
  file: "data/bad.xlsx",
  sheets: [],
  findings: [],
  error: "不是有效的 .xlsx 工作簿",
  ms: 1,
};

describe("groupBySheet", () => {
  test("sheets with errors first, then warnings, then the rest in workbook order; errors first inside a sheet", () => {
    const groups = groupBySheet(quyang);
    expect(groups.map((g) => g.sheet)).toEqual(["支出总表", undefined, "收支总表", "收入总表"]);
    expect(groups[0].findings.map((x) => x.cell)).toEqual(["E8", "D9"]);
    expect(groups[2].findings.map((x) => `${x.severity} ${x.cell}`)).toEqual([
      "warning A2",
      "info C6",
    ]);
  });

  test("no findings, no groups", () => {
    expect(groupBySheet(clean)).toEqual([]);
  });
});

describe("text", () => {
  const text = renderText([quyang, clean, broken]);

  test("groups by file, then by sheet, with Chinese severity labels, cells and rule ids", () => {
    const start = text.indexOf("== data/quyang.xlsx");
    const next = text.indexOf("== data/tunliu.xlsx");
    expect(start).toBe(0);
    const block = text.slice(start, next);
    expect(block.split("\n")).toEqual([
      "== data/quyang.xlsx",
      "  中国共产党曲阳县委员会组织部 · 2024 年 · 河北格式",
      "  已检查 3 张表：收支总表、收入总表、支出总表；缺少 1 张",
      "  【支出总表】",
      "    错误 E8 支出总表E8的问题（另见 收支总表!E7、E9） [rule.error]",
      "    错误 D9 支出总表D9的问题 [rule.error]",
      "  【整个工作簿】",
      "    警告 工作簿的问题 [rule.warning]",
      "  【收支总表】",
      "    警告 A2 收支总表A2的问题 [rule.warning]",
      "    提示 C6 收支总表C6的问题 [rule.info]",
      "  【收入总表】",
      "    提示 B12 收入总表B12的问题 [rule.info]",
      "  小结：未通过（错误 2 条，警告 2 条，提示 2 条）",
      "",
      "",
    ]);
  });

  test("a summary line per file, an unreadable file says why", () => {
    expect(text).toContain(
      "== data/tunliu.xlsx\n  中共长治市屯留区委组织部 · 2024 年 · 山西格式\n  小结：通过（错误 0 条，警告 0 条，提示 0 条）\n"
    );
    expect(text).toContain(
      "== data/bad.xlsx\n  无法读取：不是有效的 .xlsx 工作簿\n  小结：无法读取，未检查\n"
    );
    expect(summaryLine(clean)).toBe("小结：通过（错误 0 条，警告 0 条，提示 0 条）");
  });

  test("a workbook with nothing to check is never a pass", () => {
    const text = renderText([unchecked]);
    expect(text).toContain("  未检查：没有找到任何可识别的标准公开表\n");
    expect(text).toContain("  小结：未找到公开表，未检查\n");
    expect(text).not.toContain("通过（");
    // Counted as 未检查, as in the review report, apart from the files that could not be read.
    expect(totalsLine([unchecked, clean])).toBe(
      "共 2 个文件：通过 1 个，有错误 0 个，仅警告 0 个，部分检查 0 个，未检查 1 个，无法读取 0 个。"
    );
    expect(toJson([unchecked]).totals.status).toMatchObject({
      passed: 0,
      unchecked: 1,
      unreadable: 0,
    });
    expect(summaryTable([unchecked])).toContain("data/minutes.xlsx  （未找到公开表）");
  });

  test("an extract says which tables were checked and that the others were not", () => {
    expect(tablesLine(extract)).toBe(
      "摘录（部分公开表）：已检查 1 张表：三公经费表；未找到 2 张，未检查"
    );
    expect(renderText([extract])).toContain(`\n  ${tablesLine(extract)}\n`);
    expect(tablesLine(broken)).toBe("");
  });

  test("an extract is 部分检查, never 通过, in its 小结, the table and the totals", () => {
    expect(summaryLine(extract)).toBe(
      "小结：部分检查（摘录：只检查了 1 张表，2 张必备公开表未检查；错误 0 条，警告 0 条，提示 0 条）"
    );
    expect(summaryTable([extract]).split("\n")[3]).toBe(
      "data/sangong.xlsx        2015  部分检查     0     0     0"
    );
    expect(totalsLine([extract, clean])).toBe(
      "共 2 个文件：通过 1 个，有错误 0 个，仅警告 0 个，部分检查 1 个，未检查 0 个，无法读取 0 个。"
    );
    // Errors come first: the 小结 still says what was not checked.
    const wrong = { ...extract, findings: [f("error", "三公经费", "B6")] };
    expect(summaryLine(wrong)).toBe(
      "小结：未通过（摘录：只检查了 1 张表，2 张必备公开表未检查；错误 1 条，警告 0 条，提示 0 条）"
    );
  });

  test("a second set of tables: named as checked within themselves only, and 部分检查", () => {
    const twoSets: FileResult = {
      ...clean,
      sheets: ["收支总表", "收支总表(本级)"],
      tables: [
        { kind: "收支总表", sheet: "收支总表", cell: "A1" },
        { kind: "收支总表", sheet: "收支总表(本级)", cell: "A1" },
      ],
      alone: [{ kind: "收支总表", sheet: "收支总表(本级)", cell: "A1" }],
      findings: [f("warning", "收支总表(本级)", "A1")],
    };
    expect(tablesLine(twoSets)).toBe(
      "已检查 2 张表：收支总表；其中 1 张只核对了表内合计，未与其他表核对：收支总表(本级)"
    );
    expect(summaryLine(twoSets)).toBe(
      "小结：部分检查（1 张表只核对了表内合计，未与其他表核对；错误 0 条，警告 1 条，提示 0 条）"
    );
    expect(toJson([twoSets]).files[0]).toMatchObject({
      status: "partial",
      alone: [{ kind: "收支总表", sheet: "收支总表(本级)", cell: "A1" }],
      partial:
        "1 张表只核对了表内合计，没有与其他表核对（另一单位或另一年度的表？）：收支总表（收支总表(本级)!A1）。",
    });
  });

  test("unknown department, year and layout are named as such", () => {
    const bare: FileResult = { file: "x.xlsx", sheets: [], findings: [], ms: 0 };
    expect(renderText([bare])).toContain(
      "  （未识别部门名称） · （未识别年度） · （未识别公开表格式）\n"
    );
  });

  test("ends with the summary table (文件 | 部门 | 年度 | 状态 | 错误 | 警告 | 提示) and a totals line", () => {
    const table = summaryTable([quyang, clean, broken]);
    expect(table.split("\n")).toEqual([
      "汇总",
      "文件              部门                          年度  状态      错误  警告  提示",
      "----------------  ----------------------------  ----  --------  ----  ----  ----",
      "data/quyang.xlsx  中国共产党曲阳县委员会组织部  2024  有错误       2     2     2",
      "data/tunliu.xlsx  中共长治市屯留区委组织部      2024  通过         0     0     0",
      "data/bad.xlsx     （无法读取）                        无法读取",
    ]);
    expect(
      text.endsWith(
        `${table}\n\n共 3 个文件：通过 1 个，有错误 1 个，仅警告 0 个，部分检查 0 个，未检查 0 个，无法读取 1 个。\n`
      )
    ).toBe(true);
    expect(totalsLine([clean], 1234)).toBe(
      "共 1 个文件：通过 1 个，有错误 0 个，仅警告 0 个，部分检查 0 个，未检查 0 个，无法读取 0 个，用时 1.2 秒。"
    );
  });

  test("one file: no table unless asked", () => {
    expect(renderText([clean])).not.toContain("汇总");
    expect(renderText([clean], { table: true })).toContain("汇总");
  });

  test("colour only when asked", () => {
    expect(text).not.toContain("\x1b[");
    expect(renderText([quyang], { color: true })).toContain("\x1b[31m错误\x1b[0m");
  });

  test("CJK characters take two columns", () => {
    expect(displayWidth("预算a")).toBe(5);
    expect(alignColumns(["名", "n"], [["曲阳", "1"]], [false, true])).toBe(
      "名    n\n----  -\n曲阳  1"
    );
  });
});

describe("JSON", () => {
  test("exactly { totals, files: [ { file, department, year, template, findings: [ { severity, rule, sheet, cell, message, expected, actual, related } ] } ] }", () => {
    const json = JSON.parse(renderJson([quyang, clean, broken]));
    expect(Object.keys(json)).toEqual(["totals", "files"]);
    expect(json.files[0]).toEqual({
      file: "data/quyang.xlsx",
      status: "errors",
      department: "中国共产党曲阳县委员会组织部",
      year: 2024,
      template: "hebei",
      tables: [
        { kind: "收支总表", sheet: "收支总表", cell: "A1" },
        { kind: "收入总表", sheet: "收入总表", cell: "A1" },
        { kind: "支出总表", sheet: "支出总表", cell: "A1" },
      ],
      missing: ["部门预算财政拨款收支总表"],
      extract: false,
      alone: [],
      findings: expect.any(Array),
    });
    expect(json.files[0].findings[0]).toEqual({
      severity: "info",
      rule: "rule.info",
      sheet: "收支总表",
      cell: "C6",
      message: "收支总表C6的问题",
      expected: "3661.69",
      actual: "3661.68",
      related: [],
    });
    for (const finding of json.files[0].findings) {
      expect(Object.keys(finding)).toEqual([
        "severity",
        "rule",
        "sheet",
        "cell",
        "message",
        "expected",
        "actual",
        "related",
      ]);
    }
  });

  test("related cells are { sheet, cell } pairs, each with its own sheet", () => {
    const [, second] = toJson([quyang]).files[0].findings;
    expect(second.related).toEqual([
      { sheet: "支出总表", cell: "E9" },
      { sheet: "收支总表", cell: "E7" },
    ]);
  });

  test("amounts are strings; what a finding lacks is null", () => {
    const [, second, , , fifth] = toJson([quyang]).files[0].findings;
    expect(typeof second.expected).toBe("string");
    expect(second.expected).toBe("336.34");
    expect(fifth).toMatchObject({ sheet: null, cell: null, expected: null, actual: null });
  });

  test("totals: files by the reports' six statuses, findings by severity", () => {
    const warned: FileResult = {
      ...clean,
      file: "data/warned.xlsx",
      findings: [f("warning", "收支总表", "A1"), f("info", "收支总表", "C6")],
    };
    expect(toJson([quyang, clean, broken, warned, clean]).totals).toEqual({
      files: 5,
      status: { passed: 2, errors: 1, warningsOnly: 1, partial: 0, unchecked: 0, unreadable: 1 },
      findings: { error: 2, warning: 3, info: 3 },
    });
    expect(toJson([]).totals).toEqual({
      files: 0,
      status: { passed: 0, errors: 0, warningsOnly: 0, partial: 0, unchecked: 0, unreadable: 0 },
      findings: { error: 0, warning: 0, info: 0 },
    });
  });

  test("an unreadable file carries its error and no findings", () => {
    expect(toJson([broken]).files[0]).toEqual({
      file: "data/bad.xlsx",
      status: "unreadable",
      department: null,
      year: null,
      template: null,
      tables: [],
      missing: [],
      extract: false,
      alone: [],
      findings: [],
      error: "不是有效的 .xlsx 工作簿",
    });
  });

  test("a workbook with no table to check says so, beside what it could not read", () => {
    const json = toJson([unchecked]).files[0];
    expect(json).toMatchObject({ tables: [], unchecked: "没有找到任何可识别的标准公开表" });
    expect(json.findings).toHaveLength(1);
  });

  test("an extract lists the tables checked and those not found", () => {
    expect(toJson([extract]).files[0]).toMatchObject({
      tables: [{ kind: "三公经费表", sheet: "三公经费", cell: "A1" }],
      missing: ["部门收支总表", "部门收入总表"],
      extract: true,
      status: "partial",
      partial:
        "摘录：只检查了 1 张表（三公经费表）；2 张必备公开表不在文件中，未检查：部门收支总表、部门收入总表。",
    });
  });
});

describe("relatedText", () => {
  test("names at most four cells, other sheets first, and says how many there are", () => {
    const many = f("error", "支出总表", "D6", {
      related: ["D7", "D8", "D9", "D10", "D11"].map((cell) => ({ sheet: "支出总表", cell })),
    });
    expect(relatedText(many)).toBe("（另见 D7、D8、D9、D10 等 5 处）");
    expect(relatedText(f("error", "支出总表", "D6"))).toBe("");
  });
});
