import type { TableKind } from "../read/tableKinds";
import type { TemplateId } from "../model";
import { chineseNumber } from "./common";

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

/** 表一 (Shanxi) or 表1: the number the province prints before its `n`th table's title (from 1). */
export function tableNumber(n: number, numbering: TemplateSet["tableNumbering"]): string {
  return `表${numbering === "chinese" ? chineseNumber(n) : String(n)}`;
}

/** The mandatory tables of each province's set, in publication order. */
export const TEMPLATE_SETS: Readonly<Record<TemplateId, TemplateSet>> = {
  hebei: {
    id: "hebei",
    name: "河北",
    tableNumbering: "arabic",
    coverYear: "年",
    requiresCostIndicators: false,
    tables: [
      { kind: "收支总表", title: "部门预算收支总表" },
      { kind: "收入总表", title: "部门预算收入总表" },
      { kind: "支出总表", title: "部门预算支出总表" },
      { kind: "财政拨款收支总表", title: "部门预算财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "部门预算一般公共预算财政拨款支出表" },
      { kind: "基本支出表", title: "部门预算一般公共预算财政拨款基本支出表" },
      { kind: "政府性基金支出表", title: "部门预算政府性基金预算财政拨款支出表" },
      { kind: "国有资本经营支出表", title: "部门预算国有资本经营预算财政拨款支出表" },
      { kind: "三公经费表", title: "部门预算财政拨款“三公”经费支出表" },
    ],
  },
  shanxi: {
    id: "shanxi",
    name: "山西",
    tableNumbering: "chinese",
    coverYear: "年度",
    requiresCostIndicators: true,
    tables: [
      { kind: "收支总表", title: "预算收支总表" },
      { kind: "收入总表", title: "预算收入总表" },
      { kind: "支出总表", title: "预算支出总表" },
      { kind: "财政拨款收支总表", title: "财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "一般公共预算支出预算表" },
      { kind: "基本支出表", title: "一般公共预算安排基本支出分经济科目表" },
      { kind: "政府性基金收入表", title: "政府性基金预算收入表" },
      { kind: "政府性基金支出表", title: "政府性基金预算支出表" },
      { kind: "国有资本经营支出表", title: "国有资本经营预算收支表" },
      { kind: "三公经费表", title: "财政拨款安排“三公”经费支出预算表" },
      { kind: "机关运行经费表", title: "财政拨款安排机关运行经费预算表" },
      { kind: "项目支出表", title: "项目支出预算表（本年预算）", carryover: "included" },
      { kind: "项目支出表", title: "项目支出预算表（上年结转）", carryover: "only" },
    ],
  },
  mof: {
    id: "mof",
    name: "财政部",
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
};
