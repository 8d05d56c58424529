import type { Finding } from "../../finding";
import type { Rule, WorkbookRuleContext } from "../rule";
import {
  Figure,
  columnIndex,
  equalityFinding,
  figure,
  figureAcross,
  firstOf,
  firstSetOf,
  rowsByCode,
  totalRow,
} from "./access";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

const RULE_ID = "cross.project-expenditure";

/**
 * 项目支出表 (本年 + 上年结转) adds up to 支出总表's 项目支出. Where the 上年结转 项目支出表 exists, it
 * also equals the carry-over 收入总表 shows on project-only 项 (those with no 基本支出 in 支出总表),
 * and 收入总表's 上年结转 is basic carry-over (支出总表 基本支出 − the 不含上年结转 基本支出) plus it.
 */
export const projectExpenditure: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: RULE_TITLES["cross.project-expenditure"],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const findings: Finding[] = [];
    const push = (f: Finding | undefined) => f && findings.push(f);
    // The first set's only: a second set's 项目支出表 (the disclosure copied in again, another unit's)
    // would add its projects to the 支出总表 the rule takes, the first.
    const projectTables = firstSetOf(model, "项目支出表");
    const expenditure = firstOf(model, "支出总表");
    if (projectTables.length === 0 || !expenditure) return [];
    const expenditureSide = expenditure.table.sides[0];
    const projectColumn = columnIndex(expenditureSide, /项目支出/);
    const basicColumn = columnIndex(expenditureSide, /基本支出/);
    const expenditureTotal = totalRow(expenditureSide);
    if (projectColumn < 0 || !expenditureTotal) return [];

    // The department's 合计 row of each 项目支出表 (the first total row), column 合计.
    const projectTotals = projectTables.map((t) => ({ table: t, row: totalRow(t.table.sides[0]) }));
    const projectFigure: Figure = figureAcross(
      projectTotals.flatMap((p) =>
        p.row ? [{ sheet: p.table.table.sheet, cell: p.row.cells[0] }] : []
      )
    );
    if (projectFigure.cells.length > 0) {
      push(
        equalityFinding(
          RULE_ID,
          figure(expenditure.table.sheet, [expenditureTotal.cells[projectColumn]]),
          projectFigure,
          (a, b) => WORKBOOK_MESSAGES.projectTotal(a, projectTables.length, b),
          { model }
        )
      );
    }

    const carried = projectTotals.find((p) => p.table.carryover === "only");
    const income = firstOf(model, "收入总表");
    if (!carried?.row || !income || basicColumn < 0) return findings;
    const incomeSide = income.table.sides[0];
    const carryColumn = columnIndex(incomeSide, /上年结转/);
    if (carryColumn < 0) return findings;
    const expenditureRows = rowsByCode(expenditureSide);
    const projectOnlyCarry = [...rowsByCode(incomeSide)].filter(([code, row]) => {
      if (
        code.length !== 7 ||
        row.cells[carryColumn].parsed.kind !== "amount" ||
        row.cells[carryColumn].value.isZero()
      )
        return false;
      const spending = expenditureRows.get(code);
      return (
        spending !== undefined &&
        spending.cells[basicColumn].value.isZero() &&
        !spending.cells[projectColumn].value.isZero()
      );
    });
    const mixed = [...rowsByCode(incomeSide)].some(([code, row]) => {
      const spending = expenditureRows.get(code);
      return (
        code.length === 7 &&
        !row.cells[carryColumn].value.isZero() &&
        spending !== undefined &&
        !spending.cells[basicColumn].value.isZero() &&
        !spending.cells[projectColumn].value.isZero()
      );
    });
    if (!mixed && projectOnlyCarry.length > 0) {
      push(
        equalityFinding(
          RULE_ID,
          figure(carried.table.table.sheet, [carried.row.cells[0]]),
          figure(
            income.table.sheet,
            projectOnlyCarry.map(([, row]) => row.cells[carryColumn])
          ),
          (a, b) =>
            WORKBOOK_MESSAGES.projectCarry(
              a,
              projectOnlyCarry.map(([code]) => code),
              b
            ),
          { model }
        )
      );
    }

    // 收入总表 上年结转 = (支出总表 基本支出 − 一般公共预算支出表 不含上年结转 基本支出) + 上年结转项目支出.
    const general = firstOf(model, "一般公共预算支出表");
    const incomeTotal = totalRow(incomeSide);
    const currentOnlyGeneral = general?.carryover === "excluded";
    const generalBasicColumn = general ? columnIndex(general.table.sides[0], /基本支出/) : -1;
    const generalTotal = general ? totalRow(general.table.sides[0]) : undefined;
    const allCurrentIncomeIsGeneral =
      incomeTotal !== undefined &&
      incomeSide.relations.length > 0 &&
      incomeSide.relations[0].parts.every((p, i) =>
        i === 0 ? true : incomeTotal.cells[p].value.isZero()
      ) &&
      /一般公共预算/.test(incomeSide.captions[incomeSide.relations[0].parts[0]] ?? "");
    if (
      currentOnlyGeneral &&
      generalTotal &&
      generalBasicColumn >= 0 &&
      incomeTotal &&
      allCurrentIncomeIsGeneral
    ) {
      const basicCarry = expenditureTotal.cells[basicColumn].value.minus(
        generalTotal.cells[generalBasicColumn].value
      );
      const expected = basicCarry.plus(carried.row.cells[0].value);
      const here = figure(income.table.sheet, [incomeTotal.cells[carryColumn]]);
      const there = figureAcross(
        [
          { sheet: expenditure.table.sheet, cell: expenditureTotal.cells[basicColumn] },
          { sheet: general!.table.sheet, cell: generalTotal.cells[generalBasicColumn] },
          { sheet: carried.table.table.sheet, cell: carried.row.cells[0] },
        ],
        expected
      );
      push(
        equalityFinding(RULE_ID, here, there, (a, b) => WORKBOOK_MESSAGES.carryTotal(a, b), {
          model,
        })
      );
    }
    return findings;
  },
};
