/**
 * How the central departments write their 情况说明 (第一部分 … 第四部分 名词解释, naming the
 * department), apart from their tables (central.ts): see hebeiNarrative.ts.
 */
import { GLOSSARY_ENTRIES } from "./glossary";
import type { NarrativeStyle } from "./province";

export const CENTRAL_NARRATIVE: NarrativeStyle = {
  id: "zhongyang",
  title: "{department}{year}部门预算",
  voice: "named",
  incomeLabels: {
    一般公共预算: "一般公共预算拨款收入",
    政府性基金: "政府性基金预算拨款收入",
    国有资本经营: "国有资本经营预算拨款收入",
    财政专户: "财政专户管理资金收入",
    单位资金: "单位资金收入",
    上年结转: "上年结转结余",
  },
  expenditureDetail: true,
  statesNoThreePublic: true,
  sections: [
    { id: "part1", heading: "第一部分 部门概况", blocks: [] },
    { id: "duties", heading: "一、部门职责", blocks: ["duties"] },
    {
      id: "organization",
      heading: "二、机构设置",
      blocks: [{ ask: "内设机构及所属预算单位的名称和个数" }],
    },
    { id: "part3", heading: "第三部分 {year}部门预算情况说明", blocks: [] },
    { id: "change", heading: "一、收支预算总体情况", blocks: ["totalsChange"] },
    { id: "income", heading: "二、收入预算情况", blocks: ["income"] },
    { id: "expenditure", heading: "三、支出预算情况", blocks: ["expenditure"] },
    { id: "fiscal", heading: "四、财政拨款收支预算总体情况", blocks: ["fiscalSummary"] },
    {
      id: "general",
      heading: "五、一般公共预算当年拨款情况",
      blocks: [
        { sub: "（一）一般公共预算当年拨款规模变化情况" },
        "generalScale",
        { sub: "（二）一般公共预算当年拨款结构情况" },
        "generalStructure",
      ],
    },
    { id: "basic", heading: "六、一般公共预算基本支出情况", blocks: ["basicDetail"] },
    { id: "threePublic", heading: "七、一般公共预算“三公”经费预算情况", blocks: ["threePublic"] },
    {
      id: "funds",
      heading: "八、政府性基金预算支出情况",
      blocks: [{ ask: "政府性基金预算支出情况（没有的，填写“本部门无政府性基金预算支出”）" }],
    },
    {
      id: "capital",
      heading: "九、国有资本经营预算支出情况",
      blocks: [{ ask: "国有资本经营预算支出情况（没有的，填写“本部门无国有资本经营预算支出”）" }],
    },
    {
      id: "other",
      heading: "十、其他重要事项的情况说明",
      blocks: [
        { sub: "（一）机关运行经费" },
        "operating",
        { sub: "（二）政府采购情况" },
        "procurement",
        { sub: "（三）国有资产占有使用情况" },
        "assets",
        { sub: "（四）预算绩效管理情况" },
        "projectGoals",
      ],
    },
    { id: "glossary", heading: "第四部分 名词解释", blocks: ["glossary"] },
  ],
  glossary: {
    entries: [
      GLOSSARY_ENTRIES.财政拨款收入,
      GLOSSARY_ENTRIES.事业收入,
      GLOSSARY_ENTRIES.上年结转,
      GLOSSARY_ENTRIES.基本支出,
      GLOSSARY_ENTRIES.项目支出,
      GLOSSARY_ENTRIES.三公经费,
      GLOSSARY_ENTRIES.机关运行经费山西,
    ],
    numbering: "arabic",
  },
};
