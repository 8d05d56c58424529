import type { Grid } from "../../../src/core/grid";
import { Money, sumMoney } from "../../../src/core/money";
import {
  GOAL_FORM_UNREADABLE,
  parseIndicatorValue,
  readGoalForm,
  readGoalForms,
} from "../../../src/core/read/goals";
import { readWorkbook } from "../../../src/core/read/workbook";
import { loadFixture, loadFixtureSheet } from "../../helpers/fixtures";
import { SHANXI_FORMS, SHANXI_GOALS_SHEET, shanxiGoalsGrid } from "../../fixtures/shanxi-goals";

async function quyangForms() {
  return readGoalForms(readWorkbook(await loadFixture("quyang-2024")));
}

function shanxiForms() {
  return readGoalForms(readWorkbook([shanxiGoalsGrid()]));
}

describe("readGoalForms on the Hebei 万元 form", () => {
  it("reads all 18 forms of quyang-2024 with their 预算数, which add up to 555.78", async () => {
    const { forms, findings } = await quyangForms();
    expect(findings).toEqual([]);
    expect(forms).toHaveLength(18);
    expect(
      forms.every(
        (f) => f.layout === "budgetPlan" && f.unit === "万元" && f.budget.state === "amount"
      )
    ).toBe(true);
    expect(sumMoney(forms.map((f) => f.budget.value)).equals(new Money("555.78"))).toBe(true);
    expect(forms.map((f) => f.budget.cell)).toEqual([
      "C7",
      "C23",
      "C39",
      "C55",
      "C71",
      "C87",
      "C103",
      "C119",
      "C135",
      "C151",
      "C168",
      "C184",
      "C200",
      "C216",
      "C232",
      "C249",
      "C265",
      "C281",
    ]);
  });

  it("reads code, name, sources, purpose text, plan and indicators of a form", async () => {
    const form = (await quyangForms()).forms[0];
    expect(form).toMatchObject({
      sheet: "绩效目标",
      title: "1、考核专项公用项目经费绩效目标表",
      titleCell: "A4",
      projectCode: "13063424P00ADB210005H",
      projectName: "考核专项公用项目经费",
      projectNameCell: "E6",
      purposeText: { cell: "B8" },
      goalText: { cell: "B11" },
      rows: { top: 4, bottom: 19 },
    });
    expect(form.purposeText?.text).toMatch(/^预算数5万元/);
    expect(form.fiscal).toMatchObject({ cell: "E7", state: "amount" });
    expect(form.fiscal?.value.toNumber()).toBe(25);
    expect(form.other).toMatchObject({ cell: "G7", state: "empty" });
    expect(form.plan.map((s) => [s.label, s.cell, s.value?.toNumber()])).toEqual([
      ["3月底", "B10", undefined],
      ["6月底", "C10", undefined],
      ["10月底", "D10", undefined],
      ["12月底", "E10", 25],
    ]);
    expect(form.indicators[0]).toEqual({
      level1: "产出指标",
      level2: "数量指标",
      level3: "参加考核的单位数量",
      description: "参加考核的单位数量",
      basis: "依据工作方案",
      value: "≥76个",
      cell: "F13",
      nameCell: "C13",
      row: 13,
    });
  });

  it("carries the vertically merged 一级指标 down to every indicator row", async () => {
    const form15 = (await quyangForms()).forms[14];
    expect(form15.indicators.map((i) => `${i.row}:${i.level1}/${i.level2}`)).toEqual([
      "238:产出指标/数量指标",
      "239:产出指标/质量指标",
      "240:产出指标/成本指标",
      "241:产出指标/时效指标",
      "242:效益指标/社会效益指标",
      "243:效益指标/社会效益指标",
      "244:满意度指标/服务对象满意度指标",
    ]);
  });

  it("reads a stated plan of cumulative amounts", async () => {
    const form11 = (await quyangForms()).forms[10];
    expect(form11.plan.map((s) => s.value?.toNumber())).toEqual([4, 8, 12, 16]);
  });

  it("reads the same forms from values alone, without merge information", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "绩效目标");
    const bare: Grid = { sheet: grid.sheet, origin: grid.origin, values: grid.values };
    const { forms } = readGoalForms(readWorkbook([bare]));
    const withMerges = (await quyangForms()).forms;
    expect(forms).toHaveLength(18);
    expect(
      forms.map((f) => [f.budget.cell, f.fiscal?.cell, f.purposeText?.cell, f.indicators.length])
    ).toEqual(
      withMerges.map((f) => [
        f.budget.cell,
        f.fiscal?.cell,
        f.purposeText?.cell,
        f.indicators.length,
      ])
    );
  });

  it("keeps sheet addresses for a form that does not start at A1", async () => {
    const grid = await loadFixtureSheet("quyang-2024", "绩效目标");
    const block: Grid = {
      sheet: "绩效目标",
      origin: { row: 101, col: 3 },
      values: grid.values.slice(3, 19),
    };
    const read = readGoalForm(block);
    expect(read.kind).toBe("form");
    if (read.kind !== "form") return;
    expect(read.form.titleCell).toBe("C101");
    expect(read.form.budget.cell).toBe("E104");
    expect(read.form.indicators[0].cell).toBe("H110");
  });

  it("skips the sheet's heading block without a finding", async () => {
    const model = readWorkbook(await loadFixture("quyang-2024"));
    expect(model.forms).toHaveLength(19);
    expect(readGoalForm(model.forms[0].grid)).toEqual({ kind: "none" });
  });

  it("reports a form block whose 预算数 cannot be found, at its title", () => {
    const grid: Grid = {
      sheet: "绩效目标",
      origin: { row: 1, col: 1 },
      values: [
        ["1、某项目绩效目标表"],
        ["项目编码", "X1", "项目名称", "某项目"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥10人"],
      ],
    };
    const { forms, findings } = readGoalForms(readWorkbook([grid]));
    expect(forms).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: GOAL_FORM_UNREADABLE,
        severity: "warning",
        sheet: "绩效目标",
        cell: "A1",
      }),
    ]);
    expect(findings[0].message).toContain("某项目");
  });

  it("reads a model once and leaves it unchanged", async () => {
    const model = readWorkbook(await loadFixture("quyang-2024"));
    const before = JSON.stringify(model.forms.map((f) => f.grid.values));
    expect(readGoalForms(model)).toBe(readGoalForms(model));
    expect(JSON.stringify(model.forms.map((f) => f.grid.values))).toBe(before);
  });
});

describe("readGoalForms on the Shanxi 元 form", () => {
  it("recognizes every stacked form and reads its 年度资金总额 as the budget, in 元", () => {
    const { forms, findings } = shanxiForms();
    expect(findings).toEqual([]);
    expect(forms.map((f) => f.projectName)).toEqual(SHANXI_FORMS.map((f) => f.name));
    expect(
      forms.every(
        (f) => f.layout === "fundingPeriods" && f.unit === "元" && f.sheet === SHANXI_GOALS_SHEET
      )
    ).toBe(true);
    expect(forms.map((f) => f.budget.value.toNumber())).toEqual(
      SHANXI_FORMS.map((f) => f.annualTotal)
    );
    expect(forms.map((f) => f.budget.cell)).toEqual(["F6", "F36", "F66", "F96", "F126"]);
  });

  it("reads 实施期 and 年度 funding with their sources, 项目期 and 项目属性", () => {
    const form = shanxiForms().forms[3];
    expect(form.projectName).toBe("基层党组织标准化、规范化建设经费");
    expect(form.implementationPeriod?.total).toMatchObject({ cell: "C96", raw: 1600000 });
    expect(form.annual?.total).toMatchObject({ cell: "F96", raw: 1000000 });
    expect(
      form.annual?.sources.map((s) => `${s.label}:${s.amount.cell}:${s.amount.state}`)
    ).toEqual([
      "中央财政资金:F97:amount",
      "省级财政资金:F98:amount",
      "市县(区)财政资金:F99:amount",
      "单位自筹:F100:amount",
      "其他资金:F101:empty",
    ]);
    expect(form.projectTerm).toEqual({ text: "1年", cell: "F95" });
    expect(form.projectAttribute).toEqual({ text: "一次性项目(1年结束)", cell: "B95" });
    expect(form.purposeText?.cell).toBe("B102");
    expect(form.plan).toEqual([]);
  });

  it("reads the same forms from values alone, without merge information", () => {
    const full = shanxiGoalsGrid();
    const bare: Grid = { sheet: full.sheet, origin: full.origin, values: full.values };
    const { forms } = readGoalForms(readWorkbook([bare]));
    const withMerges = shanxiForms().forms;
    const picture = (f: (typeof forms)[number]) => [
      f.budget.cell,
      f.implementationPeriod?.total.cell,
      f.annual?.sources.map((s) => s.amount.cell).join(),
      f.indicators.map((i) => `${i.period}${i.level1}${i.cell}`).join(),
    ];
    expect(forms.map(picture)).toEqual(withMerges.map(picture));
  });

  it("reads indicators twice, for the 实施期 and for the 年度, and keeps empty template rows apart", () => {
    const form = shanxiForms().forms[1];
    const cost = form.indicators.filter((i) => i.level2 === "成本指标");
    expect(cost.map((i) => `${i.period}:${i.level1}:${i.level3}:${i.value}:${i.cell}`)).toEqual([
      "实施期:产出指标:每村经费保障金额:≤11万元:E53",
      "年度:产出指标:每村经费保障金额:≤11万元:H53",
    ]);
    expect(form.indicators).toHaveLength(12);
    expect(form.emptyIndicatorRows.map((r) => `${r.period}:${r.level1}:${r.level2}`)).toEqual([
      "实施期:效益指标:经济效益指标",
      "年度:效益指标:经济效益指标",
      "实施期:效益指标:生态效益指标",
      "年度:效益指标:生态效益指标",
      "实施期:效益指标:可持续影响指标",
      "年度:效益指标:可持续影响指标",
    ]);
  });
});

describe("parseIndicatorValue", () => {
  const quantity = (text: string) => {
    const v = parseIndicatorValue(text);
    return v.kind === "quantity" ? `${v.comparator}${v.number.toString()}${v.unit}` : v.kind;
  };

  it("reads comparator, number and unit", () => {
    expect(quantity("≥76个")).toBe("≥76个");
    expect(quantity("≤300元")).toBe("≤300元");
    expect(quantity("100%")).toBe("=100%");
    expect(quantity("=1次")).toBe("=1次");
    expect(quantity("≥90%")).toBe("≥90%");
    expect(quantity("8 万元")).toBe("=8万元");
    expect(quantity("达95%以上")).toBe("≥95%");
    expect(quantity("不超过2.15万元")).toBe("≤2.15万元");
    expect(quantity("≤1500元/人")).toBe("≤1500元/人");
    expect(quantity("11名选派干部")).toBe("=11名选派干部");
  });

  it("accepts dates, compound counts and recognizable qualitative values", () => {
    expect(parseIndicatorValue("12月底").kind).toBe("date");
    expect(parseIndicatorValue("年底前拨付").kind).toBe("date");
    expect(parseIndicatorValue("10个乡镇、3个中心")).toMatchObject({ kind: "quantity", parts: 2 });
    for (const text of [
      "好",
      "良好",
      "优",
      "有效提升",
      "明显",
      "逐步提高",
      "按时完成",
      "显著改善",
      "全年",
    ]) {
      expect(parseIndicatorValue(text).kind).toBe("qualitative");
    }
  });

  it("does not accept a sentence or a bare noun as a value", () => {
    expect(
      parseIndicatorValue("认真解决部分村级组织运转经费保障不足的问题,不断提升农村基层基础保障")
        .kind
    ).toBe("unrecognized");
    expect(parseIndicatorValue("全区基层党组织").kind).toBe("unrecognized");
    expect(parseIndicatorValue("").kind).toBe("empty");
  });
});
