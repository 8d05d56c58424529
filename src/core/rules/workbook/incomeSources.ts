import type { Finding } from "../../finding";
import type { TableRow, TableSide } from "../../read/table";
import { stripOrdinal } from "../../read/text";
import type { Rule, WorkbookRuleContext } from "../rule";
import { Figure, equalityFinding, figure, firstOf, totalRow } from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.income-sources";

/**
 * Income sources under their many names. 财政拨款 is the sum of the three appropriations, and
 * 单位资金 the sum of the unit's own income, so a Hebei 收入总表 (财政拨款收入, 事业收入 …) can be
 * compared with a 收支总表 that lists 一般公共预算 … 单位资金.
 */
const SOURCES: { id: string; pattern: RegExp; partOf?: string }[] = [
  { id: "一般公共预算", pattern: /^一般公共预算(拨款)?(收入)?$/, partOf: "财政拨款" },
  { id: "政府性基金", pattern: /^政府性基金(预算)?(拨款)?(收入)?$/, partOf: "财政拨款" },
  { id: "国有资本经营", pattern: /^国有资本经营(预算)?(拨款)?(收入)?$/, partOf: "财政拨款" },
  { id: "财政拨款", pattern: /^财政拨款(收入)?$/ },
  { id: "财政专户", pattern: /^财政专户(管理资金|核拨)?(收入)?$/ },
  { id: "事业收入", pattern: /^事业收入$/, partOf: "单位资金" },
  { id: "经营收入", pattern: /^(事业单位)?经营收入$/, partOf: "单位资金" },
  { id: "上级补助收入", pattern: /^上级补助收入$/, partOf: "单位资金" },
  { id: "附属单位上缴收入", pattern: /^附属单位上缴收入$/, partOf: "单位资金" },
  { id: "其他收入", pattern: /^其他收入$/, partOf: "单位资金" },
  { id: "单位资金", pattern: /^单位资金$/ },
];

function sourceOf(label: string): (typeof SOURCES)[number] | undefined {
  const text = stripOrdinal(label);
  return SOURCES.find((s) => s.pattern.test(text));
}

type SourceFigures = Map<string, Figure>;

/** Adds the parts up into their composite source where the table does not print the composite. */
function withComposites(figures: SourceFigures, sheet: string): SourceFigures {
  const out = new Map(figures);
  for (const composite of ["财政拨款", "单位资金"]) {
    if (out.has(composite)) continue;
    const parts = SOURCES.filter((s) => s.partOf === composite && figures.has(s.id)).map((s) =>
      figures.get(s.id)!
    );
    if (parts.length > 0)
      out.set(
        composite,
        figure(
          sheet,
          parts.flatMap((p) => p.cells)
        )
      );
  }
  return out;
}

function summaryIncome(
  side: TableSide,
  sheet: string
): { sources: SourceFigures; current?: TableRow; carry?: TableRow } {
  const sources: SourceFigures = new Map();
  let current: TableRow | undefined;
  let carry: TableRow | undefined;
  for (const row of side.rows) {
    if (row.role === "total" && /本年/.test(row.label)) current = row;
    else if (row.role === "balance" && /结转/.test(row.label) && !carry) carry = row;
    else if (row.role === "item") {
      const source = sourceOf(row.label);
      if (source && !sources.has(source.id)) sources.set(source.id, figure(sheet, [row.cells[0]]));
    }
  }
  return { sources, current, carry };
}

/** 收支总表's income items = the 合计 row of 收入总表, source by source; 本年收入合计 and 上年结转 too. */
export const incomeSources: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.income-sources"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const summary = firstOf(model, "收支总表");
    const income = firstOf(model, "收入总表");
    if (!summary || !income || summary.table.sides.length < 2) return [];
    const incomeSide = income.table.sides[income.table.sides.length - 1];
    const total = totalRow(incomeSide);
    if (!total) return [];
    const left = summaryIncome(summary.table.sides[0], summary.table.sheet);
    const columns: SourceFigures = new Map();
    let currentColumn: Figure | undefined;
    let carryColumn: Figure | undefined;
    incomeSide.captions.forEach((caption, i) => {
      const cell = figure(income.table.sheet, [total.cells[i]]);
      if (/上年结转/.test(caption)) carryColumn ??= cell;
      else if (
        /^(小计|合计)$/.test(caption) &&
        incomeSide.relations.some(
          (r) => r.total === i && !r.parts.some((p) => /上年结转/.test(incomeSide.captions[p]))
        )
      )
        currentColumn ??= cell;
      else {
        const source = sourceOf(caption);
        if (source && !columns.has(source.id)) columns.set(source.id, cell);
      }
    });
    const right = withComposites(columns, income.table.sheet);
    const findings: Finding[] = [];
    const compare = (here: Figure | undefined, there: Figure | undefined, what: string) => {
      if (!here || !there) return;
      const finding = equalityFinding(
        RULE_ID,
        here,
        there,
        (a, b) => WORKBOOK_MESSAGES.incomeSource(what, a, b),
        { model }
      );
      if (finding) findings.push(finding);
    };
    // Compare part by part where both tables print the parts; a composite (财政拨款, 单位资金) only
    // where one table prints it whole or prints other parts.
    const leftAll = withComposites(left.sources, summary.table.sheet);
    for (const source of SOURCES) {
      const here = leftAll.get(source.id);
      const there = right.get(source.id);
      if (!here || !there) continue;
      const parts = SOURCES.filter((s) => s.partOf === source.id);
      const printedEither = parts.filter((p) => left.sources.has(p.id) || columns.has(p.id));
      const printedBoth = printedEither.filter((p) => left.sources.has(p.id) && columns.has(p.id));
      if (printedEither.length > 0 && printedBoth.length === printedEither.length) continue;
      compare(here, there, source.id);
    }
    if (left.current)
      compare(
        figure(summary.table.sheet, [left.current.cells[0]]),
        currentColumn,
        WORKBOOK_MESSAGES.incomeCurrentTotal
      );
    if (left.carry)
      compare(
        figure(summary.table.sheet, [left.carry.cells[0]]),
        carryColumn,
        WORKBOOK_MESSAGES.incomeCarry
      );
    return findings;
  },
};
