/**
 * The standard 名词解释 that closes a 情况说明, worded as the published disclosures word it (Hebei:
 * seed 000 九、名词解释; Shanxi: seed 004 第四部分). The entries carry no figures. A province's
 * narrative style (province.ts) picks its list; narrative/glossary.ts numbers it.
 */

export interface GlossaryEntry {
  term: string;
  definition: string;
}

/** Every entry a province's 名词解释 may take, by name. */
export const GLOSSARY_ENTRIES = {
  财政拨款收入: {
    term: "财政拨款收入",
    definition:
      "指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。",
  },
  财政专户管理资金收入: {
    term: "财政专户管理资金收入",
    definition: "缴入财政专户、实行专项管理的教育收费收入。",
  },
  财政专户管理资金: {
    term: "财政专户管理资金",
    definition:
      "专指教育收费，包括目前在财政专户管理的高中以上学费、住宿费，高校委托培养费，党校收费，教育考试考务费，函大、电大、夜大及短训班培训费等。",
  },
  单位资金收入: {
    term: "单位资金收入",
    definition:
      "指除财政拨款收入和财政专户管理资金以外的收入，包括事业收入（不含教育收费）、上级补助收入、附属单位上缴收入、事业单位经营收入及其他收入，其中，其他收入主要包括债务收入、投资收益等。",
  },
  单位资金: {
    term: "单位资金",
    definition:
      "是指除政府预算资金和财政专户管理资金以外的资金，包括事业收入、事业单位经营收入、上级补助收入、附属单位上缴收入、其他收入。",
  },
  事业收入: { term: "事业收入", definition: "指事业单位开展专业业务活动及辅助活动所取得的收入。" },
  事业单位经营收入: {
    term: "事业单位经营收入",
    definition: "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
  },
  上年结转: {
    term: "上年结转",
    definition: "指以前年度预算安排、结转到本年仍按原规定用途继续使用的资金。",
  },
  基本支出: {
    term: "基本支出",
    definition: "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
  },
  项目支出: {
    term: "项目支出",
    definition: "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
  },
  部门预算支出: {
    term: "部门预算支出",
    definition:
      "包括人员类项目支出、运转类项目支出和特定目标类项目支出。其中：人员类项目支出和运转类项目中的公用经费项目支出对应部门预算中的基本支出；运转类项目中的其他运转类项目支出和特定目标类项目支出对应部门预算中的项目支出，以及经营支出和往来支出。",
  },
  事业单位经营支出: {
    term: "事业单位经营支出",
    definition: "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。",
  },
  三公经费: {
    term: "“三公”经费",
    definition:
      "纳入财政预算管理的“三公”经费，是指预算部门（单位）用财政拨款安排的因公出国（境）费、公务用车购置及运维费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运维费反映单位公务用车购置支出（含车辆购置税、牌照费）及按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
  },
  机关运行经费: {
    term: "机关运行经费",
    definition:
      "是指各部门（单位）的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
  },
  机关运行经费山西: {
    term: "机关运行经费",
    definition:
      "指行政单位和参照公务员法管理的事业单位使用财政拨款安排的基本支出中的公用经费支出。",
  },
  政府购买服务: {
    term: "政府购买服务",
    definition:
      "根据我国现行政策规定，政府购买服务，是指充分发挥市场机制作用，将国家机关属于自身职责范围且适合通过市场化方式提供的服务事项，按照政府采购方式和程序，交由符合条件的服务供应商承担，并根据服务数量和质量等情况向其支付费用的行为。",
  },
  一般公共预算: {
    term: "一般公共预算",
    definition:
      "是指以税收为主体的财政收入，安排用于保障和改善民生、推动经济社会发展、维护国家安全、维持国家机构正常运转等方面的收支预算。",
  },
  政府性基金预算: {
    term: "政府性基金预算",
    definition:
      "是对依照法律、行政法规的规定在一定期限内向特定对象征收、收取或者以其他方式筹集的资金，专项用于特定公共事业发展的收支预算。",
  },
  国有资本经营预算: {
    term: "国有资本经营预算",
    definition: "是对国有资本收益作出支出安排的收支预算。",
  },
} satisfies Record<string, GlossaryEntry>;

/** Hebei (seed 000), with 基本支出 and 项目支出 added after 上年结转. */
export const GLOSSARY_HEBEI: readonly GlossaryEntry[] = [
  GLOSSARY_ENTRIES.财政拨款收入,
  GLOSSARY_ENTRIES.财政专户管理资金收入,
  GLOSSARY_ENTRIES.单位资金收入,
  GLOSSARY_ENTRIES.事业收入,
  GLOSSARY_ENTRIES.事业单位经营收入,
  GLOSSARY_ENTRIES.上年结转,
  GLOSSARY_ENTRIES.基本支出,
  GLOSSARY_ENTRIES.项目支出,
  GLOSSARY_ENTRIES.部门预算支出,
  GLOSSARY_ENTRIES.事业单位经营支出,
  GLOSSARY_ENTRIES.三公经费,
  GLOSSARY_ENTRIES.机关运行经费,
];

/** Shanxi (seed 004 第四部分). */
export const GLOSSARY_SHANXI: readonly GlossaryEntry[] = [
  GLOSSARY_ENTRIES.基本支出,
  GLOSSARY_ENTRIES.项目支出,
  GLOSSARY_ENTRIES.三公经费,
  GLOSSARY_ENTRIES.机关运行经费山西,
  GLOSSARY_ENTRIES.政府购买服务,
  GLOSSARY_ENTRIES.财政专户管理资金,
  GLOSSARY_ENTRIES.单位资金,
  GLOSSARY_ENTRIES.上年结转,
  GLOSSARY_ENTRIES.一般公共预算,
  GLOSSARY_ENTRIES.政府性基金预算,
  GLOSSARY_ENTRIES.国有资本经营预算,
];
