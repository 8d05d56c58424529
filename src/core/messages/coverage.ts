/*
 * What a check covered, in the words every host uses: the CLI's text, JSON and review reports and
 * the task pane's 检查 step say 部分检查 or 未检查 with the same reasons, and decide them the same
 * way. Kept apart from rules.ts and free of imports so that the pane's first chunk can take it
 * without the rules and their messages.
 */

/** A table as a check's coverage names it (rules/workbook/completeness CheckedTable). */
export interface CoveredTable {
  kind: string;
  sheet: string;
  /** Its title cell, where it has a title. */
  cell?: string;
}

/** The part of a check's coverage that tells whether all of it was checked. */
export interface PartCoverage {
  tables: readonly CoveredTable[];
  /** Titles of the template's mandatory tables that were not found. */
  missing: readonly string[];
  /** Only some of the tables (an extract). */
  extract: boolean;
  /** A second set's tables, checked within themselves only. */
  alone: readonly CoveredTable[];
}

/** How much a check read (rules/workbook/completeness Coverage). */
export interface ReadCoverage {
  tables: readonly CoveredTable[];
  /** 项目绩效目标表 and other form-like blocks read by their own rules. */
  forms: number;
  /** How many of `tables` hold a figure. */
  figures: number;
}

/**
 * Why nothing in a workbook was checked, if so: no standard table was recognised ("noTables"), or
 * the tables recognised hold no figure, headers and blanks or zeros only ("noFigures"). The CLI
 * and the pane say 未检查 for both, never 通过.
 */
export function uncheckedReason(coverage: ReadCoverage): "noTables" | "noFigures" | undefined {
  if (coverage.forms > 0) return undefined;
  if (coverage.tables.length === 0) return "noTables";
  return coverage.figures === 0 ? "noFigures" : undefined;
}

/**
 * Part of the workbook was not checked: an extract, or tables checked only within themselves. Its
 * 通过 would cover tables that were never checked, so no host says 通过 for it.
 */
export function isPartCoverage(coverage: PartCoverage): boolean {
  return coverage.extract || coverage.alone.length > 0;
}

export const COVERAGE_MESSAGES = {
  /** The status of a workbook checked in part (review/model DepartmentStatus "partial"). */
  partialStatus: "部分检查",
  /** The status of a file in which nothing was checked. */
  uncheckedStatus: "未检查",
  /** No table recognised (completeness uncheckedReason "noTables"). */
  noTables: "没有找到任何可识别的标准公开表（如收支总表、支出总表、“三公”经费表），未做任何检查",
  /** Tables recognised, none holding a figure ("noFigures"). */
  noFigures:
    "找到的公开表都没有填写：只有表头，或金额全为空白或 0，没有可以核对的数字，未做任何检查",
};

/** What an extract's check covered: its tables, or, with no table, its 绩效目标 forms alone. */
function checkedWhat(coverage: PartCoverage): string {
  return coverage.tables.length > 0 ? ` ${coverage.tables.length} 张表` : "绩效目标表";
}

// Functions of their own rather than members of COVERAGE_MESSAGES: the bundler leaves out the one
// a host does not call (the pane has no use for the short form).

/**
 * What was not checked, in a few words (the CLI's 小结): “摘录：只检查了 1 张表，12 张必备公开表
 * 未检查”, “1 张表只核对了表内合计，未与其他表核对”. Empty when all was checked.
 */
export function notCheckedShort(coverage: PartCoverage): string[] {
  const parts: string[] = [];
  if (coverage.extract) {
    const missing = coverage.missing.length;
    const checked = `摘录：只检查了${checkedWhat(coverage)}`;
    parts.push(
      missing > 0 ? `${checked}，${missing} 张必备公开表未检查` : `${checked}，不是完整的公开表`
    );
  }
  if (coverage.alone.length > 0)
    parts.push(`${coverage.alone.length} 张表只核对了表内合计，未与其他表核对`);
  return parts;
}

/**
 * The same, naming the tables (the reports', the JSON's and the pane's): which were checked, which
 * of the template's were not found, and which were checked only within themselves, where. One
 * sentence per reason.
 */
export function notCheckedNotes(coverage: PartCoverage): string[] {
  const parts: string[] = [];
  if (coverage.extract) {
    const kinds = [...new Set(coverage.tables.map((t) => t.kind))];
    const missing = coverage.missing;
    const checked = `摘录：只检查了${checkedWhat(coverage)}${kinds.length > 0 ? `（${kinds.join("、")}）` : ""}`;
    parts.push(
      missing.length > 0
        ? `${checked}；${missing.length} 张必备公开表不在文件中，未检查：${missing.join("、")}。`
        : `${checked}；未识别公开表格式，不知道还缺哪些表。`
    );
  }
  const alone = coverage.alone;
  if (alone.length > 0) {
    const where = alone.map((t) => `${t.kind}（${t.sheet}!${t.cell ?? "A1"}）`);
    parts.push(
      `${alone.length} 张表只核对了表内合计，没有与其他表核对（另一单位或另一年度的表？）：${where.join("、")}。`
    );
  }
  return parts;
}
