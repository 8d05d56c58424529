/**
 * How Hebei writes its 情况说明: kept apart from its tables (hebei.ts) so that what checks a workbook
 * (and the task pane's first bundle) does not carry the wording, only what generates it does
 * (narratives.ts).
 */
import { GLOSSARY_HEBEI } from "./glossary";
import type { NarrativeStyle } from "./province";

/** Hebei's 情况说明 (seed 000): 一、部门职责 … 九、名词解释 十、其他, in the first person. */
export const HEBEI_NARRATIVE: NarrativeStyle = {
  id: "hebei",
  title: "{department}{year}部门预算信息公开情况说明",
  voice: "we",
  incomeLabels: {
    一般公共预算: "一般公共预算收入",
    政府性基金: "政府性基金预算收入",
    国有资本经营: "国有资本经营预算收入",
    财政专户: "财政专户管理资金收入",
    单位资金: "单位资金收入",
    上年结转: "上年结转结余",
  },
  expenditureDetail: true,
  statesNoThreePublic: false,
  sections: [
    {
      id: "intro",
      heading: "",
      blocks: [
        {
          text: "按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的实施意见》规定，现将{department}{year}部门预算公开如下：",
        },
      ],
    },
    {
      id: "duties",
      heading: "一、部门职责及机构设置情况",
      blocks: [
        { sub: "部门职责：" },
        "duties",
        { sub: "机构设置：" },
        { ask: "内设机构及所属单位的名称、单位性质、单位规格和经费保障形式" },
      ],
    },
    {
      id: "overview",
      heading: "二、部门预算安排的总体情况",
      blocks: [
        {
          text: "按照预算管理有关规定，目前部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。{department}机关及所属事业单位的收支包含在部门预算中。",
        },
        { sub: "1、收入说明" },
        "income",
        { sub: "2、支出说明" },
        "expenditure",
        { sub: "3、比上年增减情况" },
        "budgetChange",
      ],
    },
    { id: "operating", heading: "三、机关运行经费安排情况", blocks: ["operating"] },
    {
      id: "threePublic",
      heading: "四、财政拨款“三公”经费预算情况及增减变化原因",
      blocks: ["threePublic"],
    },
    {
      id: "performance",
      heading: "五、部门整体绩效目标",
      blocks: [{ ask: "部门整体绩效目标：总体绩效目标、分项绩效目标及工作保障措施" }],
    },
    { id: "projects", heading: "六、部门项目预算安排情况及绩效目标", blocks: ["projectGoals"] },
    { id: "procurement", heading: "七、政府采购预算情况", blocks: ["procurement"] },
    { id: "assets", heading: "八、国有资产信息", blocks: ["assets"] },
    { id: "glossary", heading: "九、名词解释", blocks: ["glossary"] },
    {
      id: "other",
      heading: "十、其他需要说明的事项",
      blocks: [{ ask: "其他需要说明的事项（没有的，填写“无”）" }],
    },
  ],
  glossary: { entries: GLOSSARY_HEBEI, numbering: "arabic" },
};
