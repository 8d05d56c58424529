import { readFileSync } from "fs";
import path from "path";
import { paragraphsFromText } from "../../../src/core/narrative/check";
import type { NarrativeInput } from "../../../src/core/narrative/types";
import { extractStatements, matchSubject, subjectLabel } from "../../../src/core/narrative/extract";
import type { Mention } from "../../../src/core/narrative/extract";

const NARRATIVES = path.resolve(__dirname, "../../fixtures/narratives");

/** The 情况说明 of a seed, one paragraph per line, as test/fixtures/narratives holds it. */
function seedText(name: "quyang-2024" | "tunliu-2024"): string {
  return readFileSync(path.join(NARRATIVES, `${name}.txt`), "utf8");
}

function seedParagraphs(name: "quyang-2024" | "tunliu-2024"): NarrativeInput[] {
  return paragraphsFromText(seedText(name));
}

/** Mentions as “subject written role”, for compact expectations. */
const describeMention = (m: Mention) =>
  `${m.subject ? subjectLabel(m.subject) : "-"} ${m.written} ${m.role}`;

function mentionsOf(name: "quyang-2024" | "tunliu-2024"): string[] {
  return extractStatements(seedParagraphs(name)).map(describeMention);
}

describe("extracting the statements of a 情况说明", () => {
  it("finds the amounts of quyang's 收入说明 and 支出说明 with their budget terms", () => {
    const found = mentionsOf("quyang-2024");
    expect(found).toEqual(
      expect.arrayContaining([
        "收入总计 872.24万元 level",
        "一般公共预算拨款收入 855.89万元 level",
        "政府性基金预算拨款 0.00万元 level",
        "财政专户管理资金收入 0.00万元 level",
        "上年结转 16.35万元 level",
        "支出总计 872.24万元 level",
        "基本支出 316.46万元 level",
        "人员经费 287.14万元 level",
        "公用经费 29.32万元 level",
        "项目支出 555.78万元 level",
      ])
    );
  });

  it("leaves project amounts listed after 项目支出 without a subject instead of pinning them on 项目支出", () => {
    const paragraphs = seedParagraphs("quyang-2024");
    const spending = paragraphs.findIndex((p) => p.text.includes("项目支出555.78万元"));
    const mentions = extractStatements(paragraphs).filter((m) => m.paragraph === spending);
    const project = mentions.findIndex((m) => m.written === "555.78万元");
    const projects = mentions.slice(project + 1);
    expect(projects).toHaveLength(17);
    expect(projects.map((m) => m.written)).toContain("11.2016万元");
    expect(projects.every((m) => m.subject === undefined && m.role === "other")).toBe(true);
  });

  it("reads quyang's 比上年 statements as signed changes, with subtotals marked", () => {
    const changes = extractStatements(seedParagraphs("quyang-2024")).filter(
      (m) => m.role === "change"
    );
    const summary = changes.map(
      (m) =>
        `${m.subject ? subjectLabel(m.subject) : "-"} ${m.value.toString()}${m.subtotal ? " 合计" : ""}`
    );
    expect(summary.slice(0, 3)).toEqual(["收支总计 -66.78", "基本支出 2.92", "项目支出 -69.7"]);
    expect(summary).toContain("- -139.9 合计");
    expect(summary).toContain("- 70.21 合计");
    expect(summary).toContain("项目支出 -69.7 合计");
  });

  it("finds 三公, 机关运行经费 and 固定资产 in quyang, and tells 拟购置固定资产 from 固定资产", () => {
    const found = mentionsOf("quyang-2024");
    expect(found).toEqual(
      expect.arrayContaining([
        "机关运行经费 29.32万元 level",
        "“三公”经费 1.20万元 level",
        "因公出国（境）费 0.00万元 level",
        "公务用车购置及运维费 1.20万元 level",
        "公务用车购置费 0.00万元 level",
        "公务用车运行维护费 1.20万元 level",
        "公务接待费 0.00万元 level",
        "固定资产 60.96万元 level",
        "拟购置固定资产 0.00万元 level",
      ])
    );
  });

  it("gives the percentages of quyang's 绩效目标 no budget meaning", () => {
    const percents = extractStatements(seedParagraphs("quyang-2024")).filter(
      (m) => m.kind === "percent"
    );
    expect(percents.length).toBeGreaterThan(0);
    expect(percents.every((m) => m.role === "other" && m.subject === undefined)).toBe(true);
  });

  it("finds tunliu's amounts with thousands separators and their shares (占77.79%)", () => {
    const found = mentionsOf("tunliu-2024");
    expect(found).toEqual(
      expect.arrayContaining([
        "收入总计 4,707.09万元 level",
        "本年收入 3,661.68万元 level",
        "上年结转 1,045.41万元 level",
        "一般公共预算拨款收入 3,661.68万元 level",
        "一般公共预算拨款收入 77.79% share",
        "上年结转 22.21% share",
        "基本支出 286.49万元 level",
        "基本支出 6.09% share",
        "项目支出 4420.6万元 level",
        "项目支出 93.91% share",
        "财政拨款收支总计 4,707.09万元 level",
        "农林水支出 2,827.00万元 level",
        "一般公共预算支出 3,661.68万元 level",
        "一般公共服务支出 1,098.11万元 level",
        "农林水支出 68.19% share",
        "机关运行经费 10.8万元 level",
        "政府采购服务预算 4.60万元 level",
        "部门预算资金 3661.68万元 level",
      ])
    );
  });

  it("reads tunliu's growth rates as belonging to the change before them, with their sign", () => {
    const mentions = extractStatements(seedParagraphs("tunliu-2024"));
    const rates = mentions.filter((m) => m.role === "rate");
    expect(rates.map((m) => `${subjectLabel(m.subject!)} ${m.value.toString()}`)).toEqual([
      "收入总计 110.84",
      "支出总计 110.84",
      "一般公共预算支出 64.01",
      "机关运行经费 -9.32",
    ]);
    for (const rate of rates) expect(mentions[rate.of!].role).toBe("change");
  });

  it("gives 涉及金额 the subject of the count before it, and counts their projects", () => {
    const found = mentionsOf("tunliu-2024");
    expect(found).toEqual(
      expect.arrayContaining([
        "纳入绩效目标管理的项目 20个 level",
        "纳入绩效目标管理的项目 3,377.72万元 level",
        "项目类别 12个 level",
        "项目类别 537.37万元 level",
        "公开的项目绩效目标 19个 level",
      ])
    );
    const full = extractStatements(seedParagraphs("tunliu-2024")).find(
      (m) => m.written === "100%"
    )!;
    expect(full.role).toBe("share");
    expect(full.base).toBe("project");
  });

  it("records where each statement stands: paragraph, offset and sentence", () => {
    const mentions = extractStatements(seedParagraphs("tunliu-2024"));
    const m = mentions.find((x) => x.written === "286.49万元")!;
    const paragraph = seedParagraphs("tunliu-2024")[m.paragraph].text;
    expect(paragraph.slice(m.offset, m.offset + m.length)).toBe("286.49万元");
    expect(m.sentence).toContain("基本支出286.49万元");
  });

  it("reads full-width digits, 元 and 亿元 in 万元", () => {
    const [a, b, c] = extractStatements([
      "基本支出１２．５万元，项目支出129,636元，收入总计1.2亿元。",
    ]);
    expect([a.subject, a.value.toString(), a.decimals]).toEqual(["basic", "12.5", 1]);
    expect([b.subject, b.value.toString(), b.unit]).toEqual(["project", "12.9636", "元"]);
    expect([c.subject, c.value.toString()]).toEqual(["incomeTotal", "12000"]);
  });

  it("prefers the longer budget term and skips filler between term and number", () => {
    expect(matchSubject("一般公共预算收入")?.subject).toBe("general");
    expect(matchSubject("财政拨款收支总预算")?.subject).toBe("fiscalTotal");
    expect(matchSubject("我部门机关运行经费共计安排")?.subject).toBe("agencyOperating");
    expect(matchSubject("一般公共预算服务支出")?.subject).toBe("class:201");
    expect(matchSubject("主要为基层组织建设资金")).toBeUndefined();
    expect(matchSubject("本年度无政府购买服务")?.subject).toBe("purchasedServices");
  });

  it("takes 基本支出预算 for 基本支出 and 政府采购项目 for no count of projects", () => {
    expect(matchSubject("基本支出预算")?.subject).toBe("basic");
    expect(matchSubject("项目支出预算")?.subject).toBe("project");
    const [purchases, projects] = extractStatements(["2024年政府采购项目3个；项目20个。"]);
    expect(purchases.subject).toBeUndefined();
    expect(projects.subject).toBe("projectsManaged");
  });

  it("gives a change with no term the figure before it, or the total when a list of parts is complete", () => {
    const changes = extractStatements([
      "“三公”经费预算5.00万元，比上年减少1.00万元，其中：公务接待费2.00万元，比上年减少0.50万元；公务用车运行维护费3.00万元，比上年减少0.50万元。",
      "收入总计100.00万元，其中：本年收入90.00万元，上年结转10.00万元，比上年增加20.00万元。",
    ]).filter((m) => m.role === "change");
    expect(changes.map((m) => subjectLabel(m.subject!))).toEqual([
      "“三公”经费",
      "公务接待费",
      "公务用车运行维护费",
      "收入总计",
    ]);
  });
});
