/**
 * Which province's set a workbook of published tables follows, told from the tables themselves.
 * It sits with the templates (not with the checks) because readers below the checks need it too:
 * figuresFromModel redraws the tables in the detected layout to report what it changed.
 */
import type { TemplateId } from "../model";
import type { WorkbookModel } from "../read/workbook";

/**
 * Detects the layout: Shanxi tables carry 预算公开表N; Hebei tables a 预算年度 line and a coded
 * department line; anything else that has the standard tables is taken for the Ministry's set.
 */
export function detectTemplate(model: WorkbookModel): TemplateId | undefined {
  if (model.tables.length === 0) return undefined;
  if (model.tables.some((t) => t.table.tableNumber)) return "shanxi";
  if (
    model.tables.some(
      (t) =>
        t.table.department?.code || /预算年度/.test(String(t.table.grid.values.flat().join("")))
    )
  )
    return "hebei";
  return "mof";
}
