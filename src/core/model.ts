/**
 * The shared vocabulary of the engine: words that readers, rules, figures, templates, the narrative
 * and the hosts all use. It lives at the bottom of core and imports only the province ids (a leaf),
 * so that no module has to reach sideways or upwards (into rules/ or ledger/) just to name a
 * province or a fund source.
 */

/** The province layouts the engine knows: the ids of templates/registry.ts. */
export type { TemplateId } from "./templates/ids";

/** 行政 / 事业 / 参公 (参照公务员法管理): decides whether 机关运行经费 must equal 公用经费. */
export type UnitNature = "行政" | "事业" | "参公";

/** Where the money comes from: the 财政拨款 sources, 财政专户, and 单位资金 with its parts. */
export type FundSource =
  | "一般公共预算"
  | "政府性基金"
  | "国有资本经营"
  | "财政专户"
  | "事业收入"
  | "经营收入"
  | "上级补助收入"
  | "附属单位上缴收入"
  | "其他收入"
  | "单位资金";

export const FUND_SOURCES: readonly FundSource[] = [
  "一般公共预算",
  "政府性基金",
  "国有资本经营",
  "财政专户",
  "事业收入",
  "经营收入",
  "上级补助收入",
  "附属单位上缴收入",
  "其他收入",
  "单位资金",
];

/** The three budget sources that make up 财政拨款 (fiscal appropriations). */
export const FISCAL_SOURCES = ["一般公共预算", "政府性基金", "国有资本经营"] as const;
export type FiscalSource = (typeof FISCAL_SOURCES)[number];

/** 单位资金 and its parts: money the unit raises itself. */
export const UNIT_FUND_SOURCES: readonly FundSource[] = [
  "事业收入",
  "经营收入",
  "上级补助收入",
  "附属单位上缴收入",
  "其他收入",
  "单位资金",
];

export type ExpenditureKind = "人员经费" | "公用经费" | "项目支出";
