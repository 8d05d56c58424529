/**
 * How Shanxi writes its 情况说明, apart from its tables (shanxi.ts): see hebeiNarrative.ts.
 */
import { GLOSSARY_SHANXI } from "./glossary";
import type { NarrativeStyle } from "./province";

/**
 * Shanxi's 情况说明 (seed 004): 第一部分 概况, 第三部分 一 … 十二, 第四部分 名词解释, naming the
 * department.
 */
export const SHANXI_NARRATIVE: NarrativeStyle = {
  id: "shanxi",
  title: "{department}{year}度部门预算公开",
  voice: "named",
  incomeLabels: {
    一般公共预算: "一般公共预算拨款收入",
    政府性基金: "政府性基金预算拨款收入",
    国有资本经营: "国有资本经营预算拨款收入",
    财政专户: "财政专户管理资金收入",
    单位资金: "单位资金",
    上年结转: "上年结转",
  },
  expenditureDetail: false,
  statesNoThreePublic: true,
  sections: [
    { id: "part1", heading: "第一部分 概况", blocks: [] },
    { id: "duties", heading: "一、本部门职责", blocks: ["duties"] },
    {
      id: "organization",
      heading: "二、机构设置情况",
      blocks: [{ ask: "内设机构和下属单位的个数及名称" }],
    },
    { id: "part3", heading: "第三部分 {year}度部门预算情况说明", blocks: [] },
    { id: "change", heading: "一、部门预算收支数据变动情况及原因", blocks: ["totalsChange"] },
    { id: "income", heading: "二、收入预算情况说明", blocks: ["income"] },
    { id: "expenditure", heading: "三、支出预算情况说明", blocks: ["expenditure"] },
    { id: "fiscal", heading: "四、财政拨款收支预算总体情况说明", blocks: ["fiscalSummary"] },
    {
      id: "general",
      heading: "五、一般公共预算支出情况说明",
      blocks: [
        { sub: "（一）一般公共预算当年支出规模变化情况" },
        "generalScale",
        { sub: "（二）一般公共预算当年支出结构情况" },
        "generalStructure",
      ],
    },
    { id: "basic", heading: "六、一般公共预算基本支出情况说明", blocks: ["basicDetail"] },
    { id: "threePublic", heading: "七、“三公”经费增减变动原因说明", blocks: ["threePublic"] },
    { id: "operating", heading: "八、机关运行经费增减变动原因说明", blocks: ["operating"] },
    { id: "procurement", heading: "九、政府采购情况", blocks: ["procurement"] },
    {
      id: "performance",
      heading: "十、绩效管理情况",
      blocks: [
        { sub: "1、整体绩效目标" },
        "overallPerformance",
        { sub: "2、项目绩效目标" },
        "projectGoals",
      ],
    },
    { id: "assets", heading: "十一、国有资产占有使用情况", blocks: ["assets"] },
    {
      id: "other",
      heading: "十二、其他说明",
      blocks: [{ ask: "其他需要说明的事项（没有的，填写“无”）" }],
    },
    { id: "glossary", heading: "第四部分 名词解释", blocks: ["glossary"] },
  ],
  glossary: { entries: GLOSSARY_SHANXI, numbering: "chinese" },
};
