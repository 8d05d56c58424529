/**
 * The standard disclosure tables, recognized by their titles (as the Ministry, Hebei and Shanxi word
 * them, and as others do: 部门收支预算总表, 收支总体情况表 …). Order matters: the more specific pattern
 * comes first (财政拨款收支总表 before 收支总表, 基本支出表 before 一般公共预算支出表).
 */
export type TableKind =
  | "财政拨款收支总表"
  | "收支总表"
  | "收入总表"
  | "支出总表"
  | "基本支出表"
  | "一般公共预算支出表"
  | "政府性基金支出表"
  | "政府性基金收入表"
  | "国有资本经营支出表"
  | "三公经费表"
  | "机关运行经费表"
  | "项目支出表"
  | "政府采购表"
  | "固定资产表"
  | "绩效目标表";

export interface TableKindSpec {
  kind: TableKind;
  /** Matched against the title with whitespace removed. */
  title: RegExp;
  /** Other names a user may type as the `kind` argument of BUDGET.CHECK. */
  aliases: string[];
  /** Which classification the rows use, when they are coded. */
  codeSystem?: "function" | "economic";
}

export const TABLE_KINDS: readonly TableKindSpec[] = [
  {
    kind: "财政拨款收支总表",
    title: /财政拨款(收支|收入支出)(预算)?(总表|总体情况表|情况总表)/,
    aliases: ["财政拨款收支总表", "表4"],
  },
  {
    kind: "收支总表",
    title: /(收支|收入支出)(预算)?(总表|总体情况表|情况总表)/,
    aliases: ["收支总表", "部门收支总表", "表1"],
  },
  {
    kind: "收入总表",
    title: /收入(预算)?(总表|总体情况表|情况总表)/,
    aliases: ["收入总表", "部门收入总表", "表2"],
    codeSystem: "function",
  },
  {
    kind: "支出总表",
    title: /支出(预算)?(总表|总体情况表|情况总表)/,
    aliases: ["支出总表", "部门支出总表", "表3"],
    codeSystem: "function",
  },
  {
    kind: "基本支出表",
    title: /基本支出/,
    aliases: ["基本支出表", "一般公共预算基本支出表", "表6"],
    codeSystem: "economic",
  },
  { kind: "三公经费表", title: /三公/, aliases: ["三公经费表", "三公经费", "“三公”经费支出表"] },
  {
    kind: "政府性基金收入表",
    title: /政府性基金.*收入/,
    aliases: ["政府性基金收入表"],
    codeSystem: "function",
  },
  {
    kind: "政府性基金支出表",
    title: /政府性基金/,
    aliases: ["政府性基金支出表", "政府性基金预算支出表"],
    codeSystem: "function",
  },
  {
    kind: "国有资本经营支出表",
    title: /国有资本经营/,
    aliases: ["国有资本经营支出表", "国有资本经营预算支出表"],
    codeSystem: "function",
  },
  {
    kind: "一般公共预算支出表",
    title: /一般公共预算.*支出/,
    aliases: ["一般公共预算支出表", "一般公共预算财政拨款支出表", "表5"],
    codeSystem: "function",
  },
  { kind: "机关运行经费表", title: /机关运行经费/, aliases: ["机关运行经费表", "机关运行经费"] },
  { kind: "项目支出表", title: /项目支出(?!.*绩效)/, aliases: ["项目支出表"] },
  { kind: "政府采购表", title: /政府采购/, aliases: ["政府采购表", "政府采购预算表"] },
  { kind: "固定资产表", title: /固定资产/, aliases: ["固定资产表", "固定资产占用情况表"] },
  { kind: "绩效目标表", title: /绩效目标/, aliases: ["绩效目标表", "项目绩效目标表"] },
];

/**
 * The standard budget table a title names. A 决算 (final accounts) title names none, though it may
 * read like one (一般公共预算财政拨款支出决算表): those tables are not a budget disclosure.
 */
export function kindFromTitle(title: string): TableKindSpec | undefined {
  const compact = title.replace(/\s/g, "");
  if (isFinalAccountsTitle(compact)) return undefined;
  return TABLE_KINDS.find((spec) => spec.title.test(compact));
}

/**
 * A 决算 title: 收入支出决算总表, 财政拨款“三公”经费支出决算表, 2023年度部门决算 … (决算 in a title, not
 * merely a 决算数 column beside this year's budget).
 */
export function isFinalAccountsTitle(title: string): boolean {
  const compact = title.replace(/\s/g, "");
  if (/[决決]算(总|明细|情况)?表|[决決]算(公开)?(报表|表)?$/.test(compact)) return true;
  // 部门决算收支总表, 2023年度某局决算收入支出表: a table's title that says 决算 where a budget's
  // says 预算. It must end as a title does (…表), so a row label such as 上年决算结余 is no title;
  // 预算 inside a fund's name (一般公共预算, 政府性基金预算) does not make it a budget's.
  return (
    /[决決]算.*表([(（][^)）]*[)）])?$/.test(compact) &&
    !/预算/.test(compact.replace(FUND_BUDGET, ""))
  );
}

/** The budgets a fund is named after: 预算 in these names says nothing about budget or 决算. */
const FUND_BUDGET = /(一般公共|政府性基金|国有资本经营|社会保险基金)预算/g;

/** Resolves what a user typed as a table kind ("支出总表", "表3", "部门支出总表"). */
export function kindFromName(name: string): TableKindSpec | undefined {
  const compact = name.replace(/\s/g, "");
  return (
    TABLE_KINDS.find((spec) => spec.kind === compact || spec.aliases.includes(compact)) ??
    TABLE_KINDS.find((spec) => spec.title.test(compact))
  );
}
