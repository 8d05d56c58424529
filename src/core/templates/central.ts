/**
 * A generic national set (中央部门): the nine tables of the Ministry of Finance's 部门预算 sample
 * (mof.ts, drawn the same way), published with the 情况说明 the central departments write —
 * 第一部分 部门概况, 第二部分 the tables, 第三部分 部门预算情况说明 (收支总体情况, 收入, 支出, 财政拨款
 * 收支总体情况, 一般公共预算当年拨款 (规模, 结构), 基本支出, “三公”经费, 政府性基金 and 国有资本经营
 * 预算支出, 其他重要事项: 机关运行经费, 政府采购, 国有资产占有使用, 预算绩效管理), 第四部分
 * 名词解释 — naming the department in its sentences.
 *
 * It is the proof that a province is data: this file, its id in ids.ts and a line in registry.ts
 * are all it takes. A workbook of published tables in this layout is detected as the Ministry's
 * (the tables are the same); `--template zhongyang`, or 模板 “中央部门” in a ledger's 部门信息, picks it.
 */
import { GLOSSARY_ENTRIES } from "./glossary";
import { MOF_TEMPLATES } from "./mof";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { NarrativeStyle, Province } from "./province";
import type { TableTemplate } from "./types";

/** The Ministry's tables under ids of this set (ids are unique across sets). */
const CENTRAL_TEMPLATES: readonly TableTemplate[] = MOF_TEMPLATES.map((t) => ({
  ...t,
  id: t.id.replace(/^[^.]*\./, "zhongyang."),
}));

const NARRATIVE: NarrativeStyle = {
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

export const CENTRAL: Province = {
  id: "zhongyang",
  name: "中央部门",
  englishName: "Central departments",
  aliases: ["中央"],
  tables: CENTRAL_TEMPLATES,
  supplements: [],
  set: {
    tableNumbering: "arabic",
    coverYear: "年",
    requiresCostIndicators: false,
    tables: [
      { kind: "收支总表", title: "部门收支总表" },
      { kind: "收入总表", title: "部门收入总表" },
      { kind: "支出总表", title: "部门支出总表" },
      { kind: "财政拨款收支总表", title: "财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "一般公共预算支出表" },
      { kind: "基本支出表", title: "一般公共预算基本支出表" },
      { kind: "三公经费表", title: "一般公共预算“三公”经费支出表" },
      { kind: "政府性基金支出表", title: "政府性基金预算支出表" },
      { kind: "国有资本经营支出表", title: "国有资本经营预算支出表" },
    ],
  },
  projectTableMeasure: "total",
  settings: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
  narrative: NARRATIVE,
};
