/**
 * What the 上年 rules share: whether last year's file is the right one, and this year's 项 codes.
 */
import type { CodedAmount, PreviousDisclosure } from "../../previous/types";
import { pairingFindings } from "../../previous/pairing";
import type { CurrentSubject } from "../../previous/pairing";
import type { WorkbookModel } from "../../read/workbook";
import { compactText } from "../../read/text";
import type { WorkbookRuleContext } from "../rule";
import { firstOf, mainSide } from "../workbook/access";

export function currentSubject(model: WorkbookModel): CurrentSubject {
  const subject: CurrentSubject = {};
  if (model.department) subject.department = model.department.value;
  if (model.department?.code) subject.departmentCode = model.department.code;
  if (model.year) subject.year = model.year.value;
  return subject;
}

/** Last year's disclosure when it is year − 1 of the same department; else nothing to compare. */
export function pairedPrevious(context: WorkbookRuleContext): PreviousDisclosure | undefined {
  const previous = context.previous;
  if (!previous) return undefined;
  return pairingFindings(currentSubject(context.model), previous).length === 0
    ? previous
    : undefined;
}

/** This year's 功能 项 with their 合计, from the 支出总表 (else 一般公共预算支出表, 收入总表). */
export function currentItemCodes(model: WorkbookModel): CodedAmount[] {
  for (const kind of ["支出总表", "一般公共预算支出表", "收入总表"] as const) {
    const items: CodedAmount[] = [];
    // The first table only, as the rules between tables take it: a second set's (another unit's,
    // or the disclosure copied in again) would add its 项 in twice.
    const table = firstOf(model, kind);
    if (table) {
      const side = mainSide(table);
      if (side && side.codeSystem === "function")
        for (const row of side.rows)
          if (row.role === "item" && row.code?.length === 7 && row.cells[0])
            items.push({ code: row.code, name: compactText(row.label), total: row.cells[0].value });
    }
    if (items.length > 0) return items;
  }
  return [];
}
