import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import { SUPPLEMENT_MISSING, buildSupplements } from "../../../src/core/format/buildSupplements";
import { buildDisclosure } from "../../../src/core/format/disclosure";
import type { DisclosureSubject } from "../../../src/core/format/disclosure";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { specToGrid } from "../../../src/core/format/specToGrid";
import { readSupplements } from "../../../src/core/format/supplements";
import type { Grid } from "../../../src/core/grid";
import { ZERO, roundMoney } from "../../../src/core/money";
import { paragraphText } from "../../../src/core/narrative/types";
import type { PerformanceGoalForm } from "../../../src/core/read/goals";
import { readWorkbook } from "../../../src/core/read/workbook";
import { SUPPLEMENT_TEMPLATES } from "../../../src/core/templates";
import { quyang, setCell, tunliuWithGoals } from "../rules/goals/context";

const QUYANG: DisclosureSubject = {
  department: "中国共产党曲阳县委员会组织部",
  departmentCode: "203",
  year: 2024,
  template: "hebei",
};

function disclose(grids: readonly Grid[], subject: DisclosureSubject = QUYANG) {
  const check = checkWorkbook(grids);
  const built = buildDisclosure(check, subject);
  return { check, content: built.content!, notes: built.notes };
}

const specNamed = (specs: readonly SheetSpec[], name: string) =>
  specs.find((s) => s.sheetName === name)!;

/** What a form says, without where it sits. */
function formContent(form: PerformanceGoalForm) {
  return {
    projectName: form.projectName,
    projectCode: form.projectCode,
    budget: roundMoney(form.budget.value).toFixed(2),
    fiscal: form.fiscal && roundMoney(form.fiscal.value).toFixed(2),
    purpose: form.purposeText?.text,
    goal: form.goalText?.text,
    plan: form.plan.map((p) => [p.label, p.value?.toFixed(2)]),
    indicators: form.indicators.map((i) => [i.level1, i.level2, i.level3, i.value, i.basis]),
  };
}

describe("the Hebei supplementary tables", () => {
  it("follow quyang's ten tables: 表11 项目绩效目标, 表12 政府采购预算, 表13 固定资产", async () => {
    const { content, notes } = disclose(await quyang());
    expect(content.specs.map((s) => s.sheetName).slice(10)).toEqual([
      "表11 项目绩效目标",
      "表12 政府采购预算",
      "表13 固定资产",
    ]);
    expect(notes.filter((n) => n.ruleId === SUPPLEMENT_MISSING)).toEqual([]);
  });

  it("are numbered on from 表10 without a gap when the goal forms are missing", async () => {
    // quyang without its 绩效目标 sheet: 政府采购 becomes 表11 and 固定资产 表12, in the xlsx and
    // in what the 情况说明 may refer to (nothing: there are no goal forms to point at).
    const source = (await quyang()).filter((g) => g.sheet !== "绩效目标");
    const { content, notes } = disclose(source);
    expect(content.specs.map((s) => s.sheetName).slice(9)).toEqual([
      "表10 项目支出",
      "表11 政府采购预算",
      "表12 固定资产",
    ]);
    expect(notes.map((n) => n.message).join("")).toContain("未生成“表11 项目绩效目标”");
    const text = content.narrative.sections.flatMap((s) => s.paragraphs.map(paragraphText));
    expect(text.join("")).not.toMatch(/详见|见附件/);
    // With them, the text names the table they are in.
    const withGoals = disclose(await quyang()).content.narrative.sections.flatMap((s) =>
      s.paragraphs.map(paragraphText)
    );
    expect(withGoals.join("")).toContain("各项目绩效目标详见表11。");
  });

  it("re-read, say what quyang's own tables say: the same purchases, assets and forms", async () => {
    const source = await quyang();
    const { content } = disclose(source);
    const before = readSupplements(readWorkbook(source));
    const after = readSupplements(readWorkbook(content.specs.map(specToGrid)));
    const withoutPlace = (items: typeof before.procurement) =>
      items!.items.map(({ at, ...rest }) => (void at, rest));
    expect(withoutPlace(after.procurement)).toEqual(withoutPlace(before.procurement));
    expect({ ...after.assets, sheet: "" }).toEqual({ ...before.assets, sheet: "" });
    expect(after.goals.map(formContent)).toEqual(before.goals.map(formContent));
    expect(after.goals).toHaveLength(18);
  });

  it("re-read, find no error that quyang's own tables do not have", async () => {
    const source = await quyang();
    const { check, content } = disclose(source);
    const problems = (findings: readonly Finding[]) =>
      findings
        .filter((f) => f.severity !== "info" && /^(goals|procurement|assets)\./.test(f.ruleId))
        .map((f) => `${f.severity} ${f.ruleId} ${f.cell}`);
    const reread = checkWorkbook(content.specs.map(specToGrid));
    // Drawn in quyang's own layout, the forms' problems even keep their cells (QY-02, QY-03).
    expect(problems(reread.findings)).toEqual(problems(check.findings));
    expect(problems(check.findings)).toContain("error goals.budget-text B8");
    expect(reread.findings.filter((f) => f.severity === "error").map((f) => f.ruleId)).toEqual([
      "goals.budget-text",
      "goals.unit-cost",
    ]);
  });

  it("add up: 合计 and the department's 小计 are the sums of the purchases", async () => {
    const grids = await quyang({ 政府采购: (g) => setCell(g, "H5", 99) }); // a wrong 合计 typed
    const grid = specToGrid(specNamed(disclose(grids).content.specs, "表12 政府采购预算"));
    const rows = grid.values;
    const total = rows.findIndex((r) => r[0] === "合  计");
    expect(rows[total + 1][0]).toBe("中国共产党曲阳县委员会组织部小计");
    const items = rows.slice(total + 2).filter((r) => typeof r[7] === "number");
    expect(items).toHaveLength(7);
    const sum = items.reduce((s, r) => s.plus(String(r[7])), ZERO).toNumber();
    expect([rows[total][7], rows[total + 1][7]]).toEqual([sum, sum]);
    expect(sum).toBe(34.7);
  });

  it("quote the same 政府采购 and 固定资产 figures in the 情况说明 as in the tables", async () => {
    const { content } = disclose(await quyang());
    const section = (id: string) =>
      content.narrative.sections
        .find((s) => s.id === id)!
        .paragraphs.map(paragraphText)
        .join("");
    expect(section("procurement")).toBe(
      "2024年，我部门政府采购预算总额34.70万元。其中：政府采购货物预算15.50万元、政府采购工程预算0.00万元、政府采购服务预算19.20万元。"
    );
    expect(section("assets")).toContain("上年末固定资产金额为60.96万元");
    const assets = specToGrid(specNamed(content.specs, "表13 固定资产"));
    expect(assets.values[1]).toEqual([
      "203 中国共产党曲阳县委员会组织部",
      "",
      "截止时间：2023-12-31",
    ]);
    expect(assets.values.find((r) => r[0] === "资产总额")).toEqual(["资产总额", 557, 60.96]);
  });

  it("draw Shanxi forms in the Hebei layout: 万元, the year's indicators", async () => {
    const grids = await tunliuWithGoals();
    const source = readSupplements(readWorkbook(grids)).goals;
    const { content } = disclose(grids, {
      department: "中共长治市屯留区委组织部",
      year: 2024,
      template: "hebei",
    });
    const drawn = readSupplements(readWorkbook(content.specs.map(specToGrid))).goals;
    expect(source.length).toBeGreaterThan(0);
    expect(drawn.map((f) => f.projectName)).toEqual(source.map((f) => f.projectName));
    drawn.forEach((form, i) => {
      expect(form.layout).toBe("budgetPlan");
      expect(form.unit).toBe("万元");
      expect(form.budget.value.toFixed(2)).toBe(
        roundMoney(source[i].budget.value.dividedBy(source[i].unit === "元" ? 10000 : 1)).toFixed(2)
      );
      expect(form.indicators.map((x) => x.level3)).toEqual(
        source[i].indicators.filter((x) => x.period !== "实施期").map((x) => x.level3)
      );
    });
  });

  it("are left out, with a warning each, when the workbook has none of those tables", async () => {
    const grids = (await quyang()).filter(
      (g) => !["政府采购", "固定资产", "绩效目标"].includes(g.sheet)
    );
    const { content, notes } = disclose(grids);
    expect(content.specs).toHaveLength(10);
    const missing = notes.filter((n) => n.ruleId === SUPPLEMENT_MISSING);
    expect(missing.map((n) => [n.severity, n.message])).toEqual([
      [
        "warning",
        "工作簿中没有项目绩效目标表，未生成“表11 项目绩效目标”；请在工作簿中按公开格式填写项目绩效目标表后再生成。",
      ],
      [
        "warning",
        "工作簿中没有政府采购预算表，未生成“表12 政府采购预算”；请在工作簿中按公开格式填写政府采购预算表后再生成。",
      ],
      [
        "warning",
        "工作簿中没有固定资产占用情况表，未生成“表13 固定资产”；请在工作簿中按公开格式填写固定资产占用情况表后再生成。",
      ],
    ]);
    // The 情况说明 asks for the figures instead of inventing them.
    const procurement = content.narrative.sections.find((s) => s.id === "procurement")!;
    expect(procurement.paragraphs.map(paragraphText).join("")).toContain("【请填写：");
  });

  it("print an empty 政府采购 table with its note, and the forms' note when there are no projects", () => {
    const department = { name: "某局", year: 2025 };
    const [goals, procurement] = SUPPLEMENT_TEMPLATES.hebei;
    const { specs, findings } = buildSupplements(
      [goals, procurement],
      { goals: [], procurement: { sheet: "政府采购", items: [] } },
      department,
      { hasProjects: false }
    );
    expect(findings).toEqual([]);
    const texts = specs.map((s) =>
      specToGrid(s)
        .values.flat()
        .filter((v) => v !== "")
    );
    expect(texts[0]).toContain("注：本部门无项目支出，未设置项目绩效目标。");
    expect(texts[1]).toContain("注：本部门无政府采购预算，空表列示。");
    expect(texts[1]).toContain("2025年预留中小微企业份额");
    // With projects but without forms, no form sheet pretends there are none.
    const withProjects = buildSupplements([goals], { goals: [] }, department, {
      hasProjects: true,
    });
    expect(withProjects.specs).toEqual([]);
    expect(withProjects.findings.map((f) => f.ruleId)).toEqual([SUPPLEMENT_MISSING]);
  });
});
