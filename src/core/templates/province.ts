/**
 * What a province is, as data: its tables, what it must publish, how it numbers them, how its
 * 情况说明 is written and which numbers its finance bureau sets. One module per province fills one
 * `Province` (hebei.ts, shanxi.ts, …) and registry.ts lists them; code outside templates/ asks these
 * records and never compares a province's id.
 */
import { Money } from "../money";
import type { TableKind } from "../read/tableKinds";
import type { GlossaryEntry } from "./glossary";
import type { TemplateId } from "./ids";
import type { SupplementTemplate, TableTemplate } from "./types";

/** One table a province's disclosure must publish; `carryover` tells the two 项目支出表 apart. */
export interface RequiredTable {
  kind: TableKind;
  title: string;
  carryover?: "only" | "excluded" | "included";
}

export interface TemplateSet {
  id: TemplateId;
  name: string;
  tables: readonly RequiredTable[];
  /** Whether 项目绩效目标表 must carry 成本指标. */
  requiresCostIndicators: boolean;
  /** How the document numbers its tables: 表一, 表二 … (Shanxi) or 表1, 表2 … */
  tableNumbering: "chinese" | "arabic";
  /** The year on the cover: 2024年度部门预算公开 (Shanxi) or 2024年部门预算公开. */
  coverYear: "年度" | "年";
}

/**
 * Province settings that are not table layouts: numbers a finance bureau sets for its province.
 */
export interface ProvinceSettings {
  /**
   * A 比上年增减 beyond ±this many percent must be explained: without a written reason in the
   * 情况说明, check warns.
   */
  changeReasonThresholdPercent: Money;
}

export const DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT = new Money(20);

/**
 * A paragraph the generator computes from the figures (narrative/generate.ts writes each one):
 * - duties: the 部门职责 typed in, else a placeholder;
 * - income / expenditure / budgetChange: 收入, 支出 (with its 项目 list where `expenditureDetail`),
 *   比上年增减 of the whole budget;
 * - totalsChange: 收入总计 and 支出总计 with their 比上年 changes in one paragraph;
 * - fiscalSummary: 财政拨款收支总预算 by source and by 类;
 * - generalScale / generalStructure: 一般公共预算当年支出 and its 类 with shares;
 * - basicDetail: 一般公共预算基本支出 with 人员经费 and 公用经费 and the 款 they consist of;
 * - operating, threePublic, procurement, assets, projectGoals: as the section names say;
 * - overallPerformance: the money the 整体绩效目标 covers, then a placeholder;
 * - glossary: the province's 名词解释, numbered its way.
 */
export type NarrativeFigureBlock =
  | "duties"
  | "income"
  | "expenditure"
  | "budgetChange"
  | "totalsChange"
  | "fiscalSummary"
  | "generalScale"
  | "generalStructure"
  | "basicDetail"
  | "operating"
  | "threePublic"
  | "procurement"
  | "assets"
  | "projectGoals"
  | "overallPerformance"
  | "glossary";

/**
 * One piece of a section: a computed paragraph, a fixed paragraph (`{department}` and `{year}`
 * replaced; `{year}` is “2024年”), a sub-heading, or a placeholder 【请填写：prompt】.
 */
export type NarrativeBlock =
  NarrativeFigureBlock | { text: string } | { sub: string } | { ask: string };

export interface NarrativeSectionPlan {
  /** Stable id: "duties", "income", "threePublic" … (what the checker and the pane refer to). */
  id: string;
  /** As printed, `{year}` replaced; empty for an untitled opening. */
  heading: string;
  blocks: readonly NarrativeBlock[];
}

/** How a province writes its 情况说明. */
export interface NarrativeStyle {
  /** The style's name, reported as the narrative's template (the Ministry's set writes Hebei's). */
  id: TemplateId;
  /** `{department}` and `{year}` (“2024年”) replaced. */
  title: string;
  /**
   * Who the sentences name: `named` opens with the year and the department's name (“2024年度某部门
   * 预算收入…”, Shanxi), `we` in the first person (“2024年，我部门…”, Hebei).
   */
  voice: "named" | "we";
  /** The income parts as the 收入 paragraph names them. */
  incomeLabels: Readonly<
    Record<
      "一般公共预算" | "政府性基金" | "国有资本经营" | "财政专户" | "单位资金" | "上年结转",
      string
    >
  >;
  /** The 支出 paragraph splits 基本支出 into 人员经费 and 公用经费 and lists the projects. */
  expenditureDetail: boolean;
  /** With no 三公 money this year or last, the section says so in one sentence. */
  statesNoThreePublic: boolean;
  /** The sections in order. */
  sections: readonly NarrativeSectionPlan[];
  /** The 名词解释 and how its entries are numbered: 1、… or 一、… */
  glossary: { entries: readonly GlossaryEntry[]; numbering: "arabic" | "chinese" };
}

export interface Province {
  id: TemplateId;
  /** As the CLI, the pane and the reports name the set: 河北. */
  name: string;
  /** The pane's English label. */
  englishName: string;
  /**
   * How 部门信息 may name the province (its 省份/格式 cell), besides the id: 河北, 冀. A value that
   * starts with one of these picks the province.
   */
  aliases: readonly string[];
  /** The tables, in publication order. */
  tables: readonly TableTemplate[];
  /** 政府采购, 固定资产, 项目绩效目标 as tables, printed after the tables when the workbook has them. */
  supplements: readonly SupplementTemplate[];
  /** What the disclosure must publish and how it numbers it. */
  set: Omit<TemplateSet, "id" | "name">;
  /**
   * Which amount of a project the 项目支出表 lists: `current` (this year's money only, carried-over
   * projects in a table of their own: Shanxi 表12/表13) or `total`.
   */
  projectTableMeasure: "current" | "total";
  settings: ProvinceSettings;
}
