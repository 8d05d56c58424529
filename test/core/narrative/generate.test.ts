import { readFileSync } from "fs";
import path from "path";
import { makeGrid } from "../../../src/core/grid";
import { figuresFromModel } from "../../../src/core/figures/figuresFromModel";
import { loadFixture } from "../../helpers/fixtures";
import type { CellValue } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerTableGrids } from "../../../src/core/format/ledgerTables";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import type { Ledger } from "../../../src/core/ledger";
import type { BudgetFigures } from "../../../src/core/figures/figures";
import { Money, sumMoney } from "../../../src/core/money";
import { checkNarrative, paragraphsFromText } from "../../../src/core/narrative/check";
import { generateNarrative, sharesOf } from "../../../src/core/narrative/generate";
import type { GenerateOptions } from "../../../src/core/narrative/generate";
import { GLOSSARY_HEBEI, GLOSSARY_SHANXI } from "../../../src/core/narrative/glossary";
import {
  narrativeFigures,
  narrativePlaceholders,
  narrativeToText,
  paragraphText,
} from "../../../src/core/narrative/types";
import type { Narrative } from "../../../src/core/narrative/types";
import { readWorkbook } from "../../../src/core/read/workbook";
import { buildSheets } from "../../../src/core/format/buildSheets";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { TemplateId } from "../../../src/core/model";
import { PROVINCE_IDS } from "../../../src/core/templates/ids";
import { gridsFromXlsx } from "../../../src/io/readXlsx";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

let ledger: Ledger;
let figures: BudgetFigures;

beforeAll(async () => {
  ledger = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE))).ledger!;
  figures = ledgerFigures(ledger);
});

const m = (value: string | number) => new Money(value);

/** Last year's figures that make a consistent story: 939.02 = 313.54 + 625.48. */
const LAST_YEAR: GenerateOptions = {
  lastYear: {
    expenditureTotal: m("939.02"),
    basic: m("313.54"),
    project: m("625.48"),
    generalExpenditure: m("900.00"),
    threePublic: m("1.20"),
    agencyOperating: m("30.50"),
  },
  procurement: { goods: m("15.50"), works: m(0), services: m("19.20") },
  assets: { total: m("60.96"), purchase: m(0), asOf: "2023年12月31日" },
};

/**
 * The same last year by 类: 939.02 = 700.00 (201) + 40.62 (206) + 50.00 (208) + 30.00 (213)
 * + 98.24 (215, gone this year) + 20.16 (221); 210 is new this year.
 */
const BY_CLASS = {
  ...LAST_YEAR,
  lastYear: {
    ...LAST_YEAR.lastYear,
    "class:201": m("700.00"),
    "class:206": m("40.62"),
    "class:208": m("50.00"),
    "class:213": m("30.00"),
    "class:215": m("98.24"),
    "class:221": m("20.16"),
  },
};

/** The tables the narrative's own template draws from `source` (by default the example's). */
function tablesOf(template: TemplateId, source = figures, department = ledger.department) {
  return readWorkbook(buildSheets(source, department, template).map(specToGrid));
}

function errorsAgainstTables(narrative: Narrative) {
  return checkNarrative(
    paragraphsFromText(narrativeToText(narrative)),
    tablesOf(narrative.template)
  ).filter((f) => f.ruleId !== "narrative.placeholder");
}

function section(narrative: Narrative, id: string) {
  return narrative.sections.find((s) => s.id === id)!;
}

/** The percentages of one paragraph. */
function sharesIn(narrative: Narrative, id: string, index: number): Money[] {
  return section(narrative, id)
    .paragraphs[index].runs.filter((r) => r.kind === "figure" && r.unit === "%")
    .map((r) => (r as { value: Money }).value);
}

describe.each(["hebei", "shanxi"] as const)(
  "the generated %s 情况说明 of the example ledger",
  (template) => {
    it("checks clean against the tables derived from the same figures", () => {
      expect(
        errorsAgainstTables(generateNarrative(figures, ledger.department, { template }))
      ).toEqual([]);
    });

    it("checks clean with last year's figures, 政府采购 and 固定资产 given", () => {
      expect(
        errorsAgainstTables(
          generateNarrative(figures, ledger.department, { template, ...LAST_YEAR })
        )
      ).toEqual([]);
      expect(
        checkNarrative(
          paragraphsFromText(
            narrativeToText(
              generateNarrative(figures, ledger.department, { template, ...LAST_YEAR })
            )
          ),
          figures,
          { template }
        ).filter((f) => f.severity !== "warning")
      ).toEqual([]);
    });

    it("states every figure from the model, in the text as printed", () => {
      const narrative = generateNarrative(figures, ledger.department, { template });
      const text = narrativeToText(narrative);
      for (const figure of narrativeFigures(narrative)) expect(figure.source).not.toBe("");
      expect(text).toContain("872.24万元");
      expect(text).toContain("316.46万元");
      expect(text).toContain("555.78万元");
      expect(text).toContain("1.20万元");
      expect(text).toContain("29.32万元");
    });

    it("states changes that agree with last year's figures", () => {
      const narrative = generateNarrative(figures, ledger.department, { template, ...LAST_YEAR });
      const model = tablesOf(template);
      const paragraphs = paragraphsFromText(narrativeToText(narrative));
      const options = { lastYear: LAST_YEAR.lastYear };
      expect(
        checkNarrative(paragraphs, model, options).filter((f) => f.severity !== "warning")
      ).toEqual([]);
      // Told a different last year, the checker disagrees with every change the text states.
      const other = {
        lastYear: {
          ...LAST_YEAR.lastYear,
          expenditureTotal: m("900.00"),
          agencyOperating: m("29.00"),
        },
      };
      const changes = checkNarrative(paragraphs, model, other).filter(
        (f) => f.ruleId === "narrative.change"
      );
      expect(changes.length).toBeGreaterThanOrEqual(2);
      expect(changes.every((f) => f.severity === "error")).toBe(true);
    });

    it("marks 部门职责 and the reasons for changes as placeholders, never as numbers", () => {
      const narrative = generateNarrative(figures, ledger.department, { template, ...LAST_YEAR });
      const prompts = narrativePlaceholders(narrative).map((p) => p.prompt);
      expect(prompts.some((p) => p.includes("部门职责"))).toBe(true);
      expect(prompts.some((p) => p.includes("原因"))).toBe(true);
      const warnings = checkNarrative(
        paragraphsFromText(narrativeToText(narrative)),
        figures
      ).filter((f) => f.ruleId === "narrative.placeholder");
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.every((f) => f.severity === "warning")).toBe(true);
    });

    it("asks for last year's figures, 政府采购 and 国有资产 instead of inventing them", () => {
      const narrative = generateNarrative(figures, ledger.department, { template });
      const text = narrativeToText(narrative);
      expect(text).not.toMatch(/比上年(增加|减少)|较20\d\d年预算(增加|减少)/);
      const prompts = narrativePlaceholders(narrative)
        .map((p) => p.prompt)
        .join("|");
      expect(prompts).toMatch(/政府采购/);
      expect(prompts).toMatch(/国有资产|固定资产/);
    });

    it("has 收入 and 支出 shares that add up to exactly 100.00%", () => {
      const narrative = generateNarrative(figures, ledger.department, { template });
      const income = sharesIn(
        narrative,
        template === "shanxi" ? "income" : "overview",
        template === "shanxi" ? 0 : 2
      );
      const spending = sharesIn(
        narrative,
        template === "shanxi" ? "expenditure" : "overview",
        template === "shanxi" ? 0 : 4
      );
      expect(income).toHaveLength(6);
      expect(spending).toHaveLength(2);
      expect(sumMoney(income).toFixed(2)).toBe("100.00");
      expect(sumMoney(spending).toFixed(2)).toBe("100.00");
    });

    it("closes with the standard 名词解释", () => {
      const narrative = generateNarrative(figures, ledger.department, { template });
      const glossary = section(narrative, "glossary").paragraphs.map(paragraphText);
      const expected = template === "shanxi" ? GLOSSARY_SHANXI : GLOSSARY_HEBEI;
      expect(glossary).toHaveLength(expected.length);
      expect(glossary.join("")).toContain("机关运行经费");
      expect(glossary.join("")).toContain("“三公”经费");
    });
  }
);

describe("the generated 情况说明's layout", () => {
  it("follows the Hebei seed's section order", () => {
    const headings = generateNarrative(figures, ledger.department, { template: "hebei" })
      .sections.map((s) => s.heading)
      .filter((h) => h !== "");
    expect(headings).toEqual([
      "一、部门职责及机构设置情况",
      "二、部门预算安排的总体情况",
      "三、机关运行经费安排情况",
      "四、财政拨款“三公”经费预算情况及增减变化原因",
      "五、部门整体绩效目标",
      "六、部门项目预算安排情况及绩效目标",
      "七、政府采购预算情况",
      "八、国有资产信息",
      "九、名词解释",
      "十、其他需要说明的事项",
    ]);
  });

  it("follows the Shanxi seed's order when the template is shanxi", () => {
    const headings = generateNarrative(figures, ledger.department, { template: "shanxi" })
      .sections.map((s) => s.heading)
      .filter((h) => /^[一二三四五六七八九十]+、/.test(h));
    expect(headings.slice(2)).toEqual([
      "一、部门预算收支数据变动情况及原因",
      "二、收入预算情况说明",
      "三、支出预算情况说明",
      "四、财政拨款收支预算总体情况说明",
      "五、一般公共预算支出情况说明",
      "六、一般公共预算基本支出情况说明",
      "七、“三公”经费增减变动原因说明",
      "八、机关运行经费增减变动原因说明",
      "九、政府采购情况",
      "十、绩效管理情况",
      "十一、国有资产占有使用情况",
      "十二、其他说明",
    ]);
  });

  it("writes the 类 structure of 一般公共预算当年支出 with shares adding up to 100.00% (Shanxi)", () => {
    const narrative = generateNarrative(figures, ledger.department, { template: "shanxi" });
    const shares = sharesIn(narrative, "general", 3);
    expect(shares).toHaveLength(6);
    expect(sumMoney(shares).toFixed(2)).toBe("100.00");
  });

  it("states 比上年增减 with its parts when last year is given", () => {
    const text = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei", ...LAST_YEAR })
    );
    expect(text).toContain(
      "2024年预算收支安排872.24万元，较2023年预算减少66.78万元，下降7.11%，其中：基本支出增加2.92万元"
    );
    expect(text).toContain("项目支出减少69.70万元");
  });

  it("states each 类's change with figures, asking a reason only beyond ±20%", () => {
    const text = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei", ...BY_CLASS })
    );
    // By hand: 717.94 − 700.00 = 17.94, 17.94 ÷ 700 = 2.5629% → 2.56%; 43.10 − 50.00 = −6.90,
    // 6.90 ÷ 50 = 13.80%; 33.56 − 30.00 = 3.56, 3.56 ÷ 30 = 11.867% → 11.87%; 卫生健康 new;
    // 资源勘探工业信息等 gone (−98.24, −100.00%). Only the last two pass ±20%.
    const ask = (name: string) => `，主要原因是【请填写：${name}增减的主要原因】`;
    expect(text).toContain(
      "按支出功能分类：一般公共服务支出717.94万元，比上年增加17.94万元，增长2.56%；" +
        "科学技术支出40.62万元，比上年持平；" +
        "社会保障和就业支出43.10万元，比上年减少6.90万元，下降13.80%；" +
        `卫生健康支出16.86万元，比上年增加16.86万元（上年无此项）${ask("卫生健康支出")}；` +
        "农林水支出33.56万元，比上年增加3.56万元，增长11.87%；" +
        `资源勘探工业信息等支出0.00万元，比上年减少98.24万元，下降100.00%${ask("资源勘探工业信息等支出")}；` +
        "住房保障支出20.16万元，比上年持平。"
    );
  });

  it.each(["hebei", "shanxi"] as const)(
    "has 类 changes the %s checker agrees with, and that add up to the total change",
    (template) => {
      const narrative = generateNarrative(figures, ledger.department, { template, ...BY_CLASS });
      const paragraphs = paragraphsFromText(narrativeToText(narrative));
      const model = tablesOf(template);
      const options = { lastYear: BY_CLASS.lastYear };
      expect(
        checkNarrative(paragraphs, model, options).filter((f) => f.severity !== "warning")
      ).toEqual([]);
      // Told 一般公共服务支出 was 710.00 last year, the checker finds that 类's change wrong.
      const wrong = checkNarrative(paragraphs, model, {
        lastYear: { ...BY_CLASS.lastYear, "class:201": m("710.00") },
      }).filter((f) => f.severity === "error");
      expect(wrong.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([
        ["narrative.change", "7.94", "17.94"],
      ]);
      // With no 类 持平 (206: 40.00, +0.62; 221: 20.78, −0.62; still 939.02 in all) every 类
      // states a change, and one edited by hand no longer adds up to the total change (−66.78).
      const unflat = {
        ...BY_CLASS,
        lastYear: { ...BY_CLASS.lastYear, "class:206": m("40.00"), "class:221": m("20.78") },
      };
      const text = narrativeToText(
        generateNarrative(figures, ledger.department, { template, ...unflat })
      );
      const edited = text.replace("增加17.94万元", "增加18.94万元");
      expect(edited).not.toBe(text);
      const errors = (t: string) =>
        checkNarrative(paragraphsFromText(t), model, { lastYear: unflat.lastYear }).filter(
          (f) => f.severity === "error"
        );
      expect(errors(text)).toEqual([]);
      expect(
        errors(edited)
          .filter((f) => f.ruleId === "narrative.sum")
          .map((f) => [f.expected, f.actual])
      ).toEqual([["-65.78", "-66.78"]]);
    }
  );

  it.each(PROVINCE_IDS)(
    "has %s 类 changes with 持平 among them that its checker holds against the total change",
    (template) => {
      // BY_CLASS leaves 206 and 221 持平. By hand the 类 changes add up to the total change:
      // 17.94 + 0.00 − 6.90 + 16.86 + 3.56 − 98.24 + 0.00 = −66.78 = 872.24 − 939.02.
      const narrative = generateNarrative(figures, ledger.department, { template, ...BY_CLASS });
      const text = narrativeToText(narrative);
      expect(text).toContain("科学技术支出40.62万元，比上年持平");
      const model = tablesOf(template);
      const errors = (t: string, lastYear = BY_CLASS.lastYear) =>
        checkNarrative(paragraphsFromText(t), model, { lastYear }).filter(
          (f) => f.severity === "error"
        );
      expect(errors(text)).toEqual([]);
      // One 类 change edited: the 类 changes add up to −65.78, not the stated −66.78.
      const edited = text.replace("增加17.94万元", "增加18.94万元");
      expect(edited).not.toBe(text);
      expect(
        errors(edited)
          .filter((f) => f.ruleId === "narrative.sum")
          .map((f) => [f.expected, f.actual])
      ).toEqual([["-65.78", "-66.78"]]);
      // Told 科学技术支出 was 40.61 last year, its 持平 is an error (it grew by 0.01).
      const moved = errors(text, { ...BY_CLASS.lastYear, "class:206": m("40.61") });
      expect(moved.map((f) => [f.ruleId, f.expected, f.actual])).toContainEqual([
        "narrative.change",
        "0.01",
        "0.00",
      ]);
    }
  );

  it("leaves the 类 out when last year's figures have none", () => {
    const text = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei", ...LAST_YEAR })
    );
    expect(text).not.toContain("按支出功能分类");
  });

  it("is caught by the checker when a figure is edited by hand", () => {
    const text = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei" })
    );
    const edited = text.replace("其中：基本支出316.46万元", "其中：基本支出300.00万元");
    expect(edited).not.toBe(text);
    const model = readWorkbook(ledgerTableGrids(figures, ledger.department));
    const errors = checkNarrative(paragraphsFromText(edited), model).filter(
      (f) => f.severity === "error"
    );
    // The amount against the tables, and both sums it is part of (支出总计 and 人员+公用经费); the
    // share stays right, as it is recomputed from the tables.
    expect(errors.map((f) => f.ruleId).sort()).toEqual([
      "narrative.amount",
      "narrative.sum",
      "narrative.sum",
    ]);
  });
});

describe("sharesOf", () => {
  it("allocates by largest remainder so that the shares total 100.00", () => {
    const shares = sharesOf([m(1), m(1), m(1)], m(3))!;
    expect(shares.map((s) => s.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
    expect(sharesOf([m(0)], m(0))).toBeUndefined();
  });
});

/** A mixed ledger in 元: several sources, carry-over, 三公 codes, a 类 paid by 单位资金 only. */
function mixedLedger(unitNature: string): Ledger {
  const info = makeGrid("部门信息", [
    ["部门名称", "测试局"],
    ["部门编码", "101"],
    ["预算年度", 2025],
    ["单位性质", unitNature],
  ]);
  const header = [
    "功能分类科目编码",
    "经济分类科目编码",
    "支出类型",
    "资金来源",
    "上年结转",
    "项目名称",
    "金额（元）",
  ];
  const rows: CellValue[][] = [
    ["2013201", "30101", "人员经费", "一般公共预算", "否", "", 1234567],
    ["2013201", "30201", "公用经费", "一般公共预算", "否", "", 333333],
    ["2013201", "30231", "公用经费", "一般公共预算", "否", "", 12345],
    ["2013201", "30217", "公用经费", "一般公共预算", "否", "", 6789],
    ["2013202", "31013", "项目支出", "一般公共预算", "否", "购置执法车", 250000],
    ["2013202", "30299", "项目支出", "一般公共预算", "是", "信息化建设", 777777],
    ["2050299", "30299", "项目支出", "事业收入", "否", "培训中心运转", 111111],
    ["2080505", "30108", "人员经费", "一般公共预算", "否", "", 222222],
    ["2120399", "30299", "项目支出", "政府性基金", "否", "城市设施维护", 999999],
    ["2210201", "30113", "人员经费", "财政专户管理资金", "否", "", 55555],
  ];
  const { ledger, findings } = readLedger([info, makeGrid("明细", [header, ...rows])]);
  if (!ledger) throw new Error(JSON.stringify(findings));
  return ledger;
}

describe.each([
  ["行政", "hebei"],
  ["事业", "hebei"],
  ["参公", "shanxi"],
  ["事业", "shanxi"],
] as const)("the generated 情况说明 of a mixed ledger (%s, %s)", (unitNature, template) => {
  it("checks clean against the tables derived from it, and its shares total 100.00%", () => {
    const mixed = mixedLedger(unitNature);
    const mixedFigures = ledgerFigures(mixed);
    const narrative = generateNarrative(mixedFigures, mixed.department, { template, ...LAST_YEAR });
    const paragraphs = paragraphsFromText(narrativeToText(narrative));
    const model = tablesOf(template, mixedFigures, mixed.department);
    const notWarnings = (list: { severity: string }[]) =>
      list.filter((f) => f.severity !== "warning");
    expect(notWarnings(checkNarrative(paragraphs, model, { unitNature }))).toEqual([]);
    expect(notWarnings(checkNarrative(paragraphs, mixedFigures, { template }))).toEqual([]);
    const income = sharesIn(
      narrative,
      template === "shanxi" ? "income" : "overview",
      template === "shanxi" ? 0 : 2
    );
    expect(sumMoney(income).toFixed(2)).toBe("100.00");
  });
});

describe("the Shanxi 一般公共预算基本支出 section", () => {
  it("states 表6's figures, which leave out last year's carry-over (tunliu re-laid out)", async () => {
    const { figures } = figuresFromModel(readWorkbook(await loadFixture("tunliu-2024")));
    const text = narrativeToText(
      generateNarrative(
        figures!,
        { name: "中共长治市屯留区委组织部", year: 2024 },
        { template: "shanxi" }
      )
    );
    // 表6: 合计 283.97 = 人员经费 273.17 + 公用经费 10.80; 支出总表's 286.49 includes 2.52 carried over.
    expect(text).toContain("一般公共预算安排基本支出283.97万元");
    expect(text).toContain("人员经费273.17万元");
    expect(text).toContain("公用经费10.80万元");
    expect(text).toContain("基本支出286.49万元");
  });
});

describe("the projects and tables the 情况说明 names", () => {
  const paragraphOf = (narrative: Narrative, start: string) =>
    narrative.sections
      .flatMap((s) => s.paragraphs.map(paragraphText))
      .find((p) => p.startsWith(start) || p.includes(start));

  it("tells apart two projects of one name: by 项目编码 when they have one, else 之一, 之二", async () => {
    const hebei = generateNarrative(figures, ledger.department, { template: "hebei" });
    const list = paragraphOf(hebei, "项目支出主要用于：")!;
    expect(list).toContain(
      "下派选调生到村工作中央财政补助资金（项目编码13063423P00C30H10005G，11.20万元）"
    );
    expect(list).toContain(
      "下派选调生到村工作中央财政补助资金（项目编码13063423P00C30H100064，5.15万元）"
    );
    const { figures: tunliu } = figuresFromModel(readWorkbook(await loadFixture("tunliu-2024")));
    const named = "提前下达2024年度选调生到村工作中央和省级财政补助资金(长财行【2023】112号)";
    const tunliuList = paragraphOf(
      generateNarrative(
        tunliu!,
        { name: "中共长治市屯留区委组织部", year: 2024 },
        { template: "hebei" }
      ),
      "项目支出主要用于："
    )!;
    expect(tunliuList).toContain(`${named}（之一，7.00万元）`);
    expect(tunliuList).toContain(`${named}（之二，5.80万元）`);
    expect(tunliuList.split(named)).toHaveLength(3);
  });

  it("counts the projects of Shanxi's 表12 (this year's money), as tunliu publishes them", async () => {
    const { figures: tunliu } = figuresFromModel(readWorkbook(await loadFixture("tunliu-2024")));
    const text = narrativeToText(
      generateNarrative(
        tunliu!,
        { name: "中共长治市屯留区委组织部", year: 2024 },
        { template: "shanxi" }
      )
    );
    // tunliu-2024.txt: “纳入绩效目标管理的二级项目20个” — 表12 lists 20, 表13 the 26 carried over.
    expect(text).toContain("纳入绩效目标管理的二级项目20个");
    expect(text).toContain("公开项目绩效目标20个");
  });

  it("refers to the goal forms only when they are published, by their number", () => {
    const without = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei" })
    );
    expect(without).not.toMatch(/详见|见附件/);
    const withGoals = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "hebei", goalsTable: "表11" })
    );
    expect(withGoals).toContain("各项目绩效目标详见表11。");
    const shanxi = narrativeToText(
      generateNarrative(figures, ledger.department, { template: "shanxi" })
    );
    expect(shanxi).not.toMatch(/见附件|详见/);
  });
});
