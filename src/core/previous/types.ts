/**
 * Last year's published disclosure, as the engine compares this year's with it. Plain data: read
 * once (previous/read.ts) from a workbook in any layout the reader knows, then handed to the check
 * and to the 情况说明 generator.
 */
import type { BudgetFigures } from "../figures/figures";
import type { LastYearFigures } from "../narrative/types";
import type { Money } from "../money";

export interface PreviousDisclosure {
  /** 部门名称 as last year's file names it. */
  department?: string;
  departmentCode?: string;
  /** 预算年度 of last year's file (should be this year − 1). */
  year?: number;
  /** Last year's figures as its tables print them (万元, 2 decimals). */
  figures: BudgetFigures;
  /** The same figures by budget term, for the 情况说明. */
  lastYear: LastYearFigures;
  /** Where it came from, for messages: a file name. */
  source?: string;
}

/** One 功能 项 (or 类) with its published total, for listing codes that moved between years. */
export interface CodedAmount {
  code: string;
  name: string;
  total: Money;
}

/** The rule ids of everything compared with last year. */
export const PREVIOUS_RULE = {
  unreadable: "previous.unreadable",
  year: "previous.pairing-year",
  department: "previous.pairing-department",
  codeGone: "previous.code-gone",
  codeNew: "previous.code-new",
  figure: "previous.figure",
  reason: "previous.reason",
} as const;
