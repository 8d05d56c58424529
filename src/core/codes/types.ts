/** The three classification systems of 政府收支分类科目 that disclosures use. */
export type CodeSystem =
  /** 支出功能分类: 类 3 digits, 款 5, 项 7 (201 → 20132 → 2013201). */
  | "function"
  /** 部门预算支出经济分类: 类 3 digits, 款 5 (301 → 30101). */
  | "economic"
  /** 政府预算支出经济分类: 类 3 digits, 款 5 (501 → 50101). */
  | "govEconomic";

/** 1 = 类, 2 = 款, 3 = 项. */
export type CodeLevel = 1 | 2 | 3;

export interface CatalogEntry {
  code: string;
  name: string;
  system: CodeSystem;
  level: CodeLevel;
  /** Code of the parent (类 for a 款, 款 for a 项); absent for a 类. */
  parent?: string;
  /** First budget year the code is valid in, where known. */
  validFrom?: number;
  /** Where the entry came from: the shipped catalog or a list the user supplied. */
  source: "standard" | "user";
}
