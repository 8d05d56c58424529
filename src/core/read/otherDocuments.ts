/**
 * Tables that look like a department's disclosure tables but are something else a finance bureau
 * also handles: a government's own budget (a county's 一般公共预算收支表), a report on how the
 * budget is being spent (预算执行月报), a list of items bought or held (资产清单, 采购明细). Their
 * titles or columns match a standard table's (一般公共预算支出表, 收支总表, 数量 × 单价), so without
 * this they would be checked, and pass, as part of a department's disclosure.
 *
 * Each is told by what the table is, never by its sheet's name: the words only such a table has
 * in its title, its column captions or its row labels. The evidence found is kept for the message.
 */
import type { ParsedTable } from "./table";
import type { TableKind } from "./tableKinds";
import { compactText, isBlank } from "./text";

export type OtherDocumentKind = "governmentBudget" | "execution" | "itemList";

export interface OtherDocumentEvidence {
  kind: OtherDocumentKind;
  /** Where it shows: the table's title, a column caption, a row label (none for an item list). */
  source: "title" | "column" | "row" | "none";
  /** The caption or label that gave it away, as the clerk can find it in the table. */
  evidence?: string;
}

/**
 * A government's budget is titled after its area, not a department: 曲阳县2024年一般公共预算收支
 * 预算表, 全县政府性基金预算支出表, 市本级国有资本经营预算收入表. A department's table names the
 * department (on a meta line or in the title: …组织部2024年…, whose area is followed by more name)
 * or says 部门 / 单位 / 财政拨款 (what a department receives).
 */
const AREA_FUND_TITLE =
  /^(\d{4}年度?)?(全[省市县区旗州盟]|[\u4e00-\u9fa5]{1,12}?[省市县区旗州盟](本级|全[省市县区旗州盟])?|[省市县区]本级)(\d{4}年度?)?(一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算)/;
const DEPARTMENT_TITLE_WORDS = /部门|单位|财政拨款/;

/**
 * Columns only a government's budget has: what it spends itself beside what it passes to the
 * governments below it (a department's equivalent is 对附属单位补助, its own units).
 */
const GOVERNMENT_COLUMN = /补助下级|对下(级)?转移支付|转移支付下级/;

/**
 * Income lines only a government has: taxes, transfers between governments, the budget
 * stabilisation fund, on-lent debt. A department's income is appropriations and its own revenue
 * (一般公共预算拨款收入, 事业收入, 上级补助收入 from the unit above it), never a tax.
 */
const GOVERNMENT_ROW =
  /^税收收入|^(增值税|企业所得税|个人所得税|城市维护建设税|房产税|契税|耕地占用税|土地增值税)$|预算稳定调节基金|债务转贷收入|返还性收入|转移支付收入$/;

/** A report on spending so far: 累计执行, 执行率, 支出进度 are no budget's columns. */
const EXECUTION_COLUMN = /累计(执行|支出|完成)|执行率|执行进度|支出进度|序时进度/;
const EXECUTION_TITLE = /执行(情况|进度)|执行(月|季)?报|预算执行|月报|快报|旬报/;
/**
 * This year's budget printed beside last year's outturn (2024年“三公”经费预算及2023年执行情况表,
 * …预算表（含上年执行数）) is a disclosure table that says 执行 about the past year only.
 */
const BUDGET_WITH_PAST_EXECUTION =
  /预算.*(及|和|与|含|并)(上年度?|上一年度?|\d{4}年度?)(预算)?执行/;

/**
 * A 政府采购预算表 says what the purchase is funded by: 预算 in its title, or columns of its fund
 * sources (一般公共预算拨款, 财政专户, 单位资金, 上年结转). A table of items with 数量 × 单价 = 金额
 * and nothing about funding is a list (资产清单, 采购明细), not the disclosure's table.
 */
const PROCUREMENT_BUDGET_WORDS = /预算|拨款|资金|财政|结转/;

/** The texts of a table's header rows, each cell compacted, blanks left out. */
function headerTexts(table: ParsedTable): string[] {
  return table.headerRows.flatMap((r) =>
    (table.grid.values[r] ?? []).filter((cell) => !isBlank(cell)).map((cell) => compactText(cell))
  );
}

function rowLabels(table: ParsedTable): string[] {
  return table.sides.flatMap((side) =>
    side.rows.map((row) =>
      compactText(row.label).replace(
        /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十\d]+[)）]/,
        ""
      )
    )
  );
}

/** The first text of `texts` that `pattern` finds. */
function firstMatch(texts: readonly string[], pattern: RegExp): string | undefined {
  return texts.find((text) => pattern.test(text));
}

/**
 * What a parsed table is when it is not one of a department's budget disclosure tables, with the
 * evidence; undefined for a disclosure table (or a table this cannot tell).
 */
export function otherDocumentOf(
  table: ParsedTable,
  kind: TableKind | undefined
): OtherDocumentEvidence | undefined {
  const title = compactText(table.title?.text ?? "");
  const headers = headerTexts(table);
  if (EXECUTION_TITLE.test(title) && !BUDGET_WITH_PAST_EXECUTION.test(title))
    return { kind: "execution", source: "title" };
  const executionColumn = firstMatch(headers, EXECUTION_COLUMN);
  if (executionColumn) return { kind: "execution", source: "column", evidence: executionColumn };
  // A department line (部门名称：某市教育局) under an area's title makes it a department's table.
  if (AREA_FUND_TITLE.test(title) && !DEPARTMENT_TITLE_WORDS.test(title) && !table.department)
    return { kind: "governmentBudget", source: "title" };
  const governmentColumn = firstMatch(headers, GOVERNMENT_COLUMN);
  if (governmentColumn)
    return { kind: "governmentBudget", source: "column", evidence: governmentColumn };
  const governmentRow = firstMatch(rowLabels(table), GOVERNMENT_ROW);
  if (governmentRow) return { kind: "governmentBudget", source: "row", evidence: governmentRow };
  if (
    kind === "政府采购表" &&
    !/预算/.test(title) &&
    !headers.some((text) => PROCUREMENT_BUDGET_WORDS.test(text))
  )
    return { kind: "itemList", source: "none" };
  return undefined;
}
