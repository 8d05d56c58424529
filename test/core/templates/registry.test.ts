import { aggregateFigures } from "../../../src/core/figures/aggregate";
import { buildSheet, printedFigures } from "../../../src/core/format/buildSheets";
import {
  SUPPLEMENT_TEMPLATES,
  TEMPLATES,
  parseFigureKey,
  templateProblems,
  titleFor,
} from "../../../src/core/templates";
import type { TableTemplate } from "../../../src/core/templates";
import type { TemplateId } from "../../../src/core/model";
import { TEMPLATE_SETS } from "../../../src/core/templates/sets";

const SETS = Object.keys(TEMPLATES) as TemplateId[];

describe("the template registry", () => {
  it("holds the Hebei, Shanxi, Ministry and central-department sets", () => {
    expect(SETS.sort()).toEqual(["hebei", "mof", "shanxi", "zhongyang"]);
    expect(TEMPLATES.hebei).toHaveLength(10);
    expect(TEMPLATES.shanxi).toHaveLength(13);
    expect(TEMPLATES.mof).toHaveLength(9);
    expect(TEMPLATES.zhongyang).toHaveLength(9);
  });

  it("gives every template an id of its own", () => {
    const ids = SETS.flatMap((id) => TEMPLATES[id].map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SETS)(
    "finds nothing wrong with the %s set: known kinds, sheet names, titles, column keys",
    (id) => {
      expect(templateProblems(TEMPLATES[id], SUPPLEMENT_TEMPLATES[id])).toEqual([]);
    }
  );

  it("prints Hebei's 项目绩效目标表, 政府采购 and 固定资产 tables after its ten", () => {
    expect(SUPPLEMENT_TEMPLATES.hebei.map((t) => [t.kind, t.sheetName])).toEqual([
      ["绩效目标表", "表11 项目绩效目标"],
      ["政府采购表", "表12 政府采购预算"],
      ["固定资产表", "表13 固定资产"],
    ]);
  });

  it("catches a supplementary table whose sheet name repeats a table's or whose title misleads", () => {
    const [goals, procurement] = SUPPLEMENT_TEMPLATES.hebei;
    const problems = templateProblems(TEMPLATES.hebei, [
      { ...procurement, sheetName: TEMPLATES.hebei[0].sheetName },
      { ...goals, title: "部门固定资产占用情况表" },
    ]);
    expect(problems).toEqual([
      `hebei.procurement: sheet name “${TEMPLATES.hebei[0].sheetName}” repeats`,
      "hebei.goals: the reader takes “部门固定资产占用情况表” for 固定资产表",
    ]);
  });

  it("names the Shanxi sheets 表1 收支总表 … 表13 项目支出(上年结转)", () => {
    expect(TEMPLATES.shanxi.map((t) => t.sheetName)).toEqual([
      "表1 收支总表",
      "表2 收入总表",
      "表3 支出总表",
      "表4 财政拨款收支总表",
      "表5 一般公共预算支出表",
      "表6 基本支出表",
      "表7 政府性基金收入表",
      "表8 政府性基金支出表",
      "表9 国有资本经营收支表",
      "表10 三公经费",
      "表11 机关运行经费",
      "表12 项目支出(本年)",
      "表13 项目支出(上年结转)",
    ]);
  });

  it.each(SETS)("requires exactly the tables TEMPLATE_SETS.%s checks for, in its order", (id) => {
    expect(TEMPLATES[id].filter((t) => t.required).map((t) => t.kind)).toEqual(
      TEMPLATE_SETS[id].tables.map((t) => t.kind)
    );
  });

  it("puts the year into titles and captions", () => {
    const shanxiSummary = TEMPLATES.shanxi[0];
    expect(titleFor(shanxiSummary, 2025)).toBe("2025年预算收支总表");
  });

  it.each(SETS)("draws every %s template over a department with no money at all", (id) => {
    const printed = printedFigures(aggregateFigures([]));
    for (const template of TEMPLATES[id]) {
      const spec = buildSheet(template, printed, { name: "测试局", year: 2025 });
      expect(spec.sheetName).toBe(template.sheetName);
      expect(spec.columnCount).toBeGreaterThan(1);
    }
  });
});

describe("parseFigureKey", () => {
  it("reads subject, group, measure and scope", () => {
    expect(parseFigureKey("一般公共预算.basic@current")).toEqual({
      ok: true,
      key: expect.objectContaining({
        group: "一般公共预算",
        sources: ["一般公共预算"],
        measure: "basic",
        scope: "current",
      }),
    });
    expect(parseFigureKey("threePublic.abroad/fiscal.total")).toEqual({
      ok: true,
      key: expect.objectContaining({ subject: "threePublic.abroad", scope: "all" }),
    });
    expect(parseFigureKey("none")).toEqual({ ok: true, key: { kind: "none" } });
  });

  it.each([
    ["all", "is not"],
    ["everyone.total", "unknown group"],
    ["all.salary", "unknown measure"],
    ["nobody/all.total", "unknown subject"],
    ["threePublic.abroad/fiscal.basic", "only a total"],
  ])("refuses %s", (key, reason) => {
    const parsed = parseFigureKey(key);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe("templateProblems", () => {
  const base = TEMPLATES.hebei[2];

  it("reports a key that does not resolve, a title the reader misreads and a long sheet name", () => {
    const broken: TableTemplate = {
      ...base,
      title: "部门预算某某表",
      sheetName: "表3 部门预算支出总表（按功能分类科目列示的基本支出与项目支出）",
      columns: base.columns.map((c) => (c.role === "amount" ? { ...c, key: "all.salary" } : c)),
    };
    const problems = templateProblems([broken]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("1–31 characters"),
        expect.stringContaining("takes “部门预算某某表” for nothing"),
        expect.stringContaining("unknown measure"),
      ])
    );
  });

  it("reports a sheet name used twice", () => {
    expect(templateProblems([base, { ...base, id: "copy" }])).toEqual([
      expect.stringContaining("repeats"),
    ]);
  });
});
