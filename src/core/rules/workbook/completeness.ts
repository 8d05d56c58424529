import type { Finding } from "../../finding";
import { TEMPLATE_SETS } from "../../templates/sets";
import type { Rule, WorkbookRuleContext } from "../rule";
import { tablesOf } from "./access";

const RULE_ID = "completeness.tables";

/** Every table the template requires is present; an empty appropriation table says so in a note. */
export const completeness: Rule<WorkbookRuleContext> = {
  id: RULE_ID,
  title: "公开表齐全",
  severity: "error",
  scope: "workbook",
  run({ model, template }) {
    if (!template) return [];
    const set = TEMPLATE_SETS[template];
    const findings: Finding[] = [];
    // A missing table has no cell of its own: point at the first table's title, wherever it sits.
    const first = model.tables[0]?.table;
    const anchor = first?.sheet;
    const anchorCell = first ? (first.title?.address ?? "A1") : undefined;
    for (const required of set.tables) {
      const present = tablesOf(model, required.kind).filter((t) => {
        if (!required.carryover) return true;
        return required.carryover === "only" ? t.carryover === "only" : t.carryover !== "only";
      });
      if (present.length === 0) {
        findings.push({
          ruleId: RULE_ID,
          severity: "error",
          sheet: anchor,
          cell: anchorCell,
          message: `缺少“${required.title}”：按${set.name}模板，这张表必须公开（没有数据时也应公开空表并注明）。`,
        });
        continue;
      }
      for (const { table } of present) {
        if (
          !["政府性基金支出表", "国有资本经营支出表", "政府性基金收入表", "三公经费表"].includes(
            required.kind
          )
        )
          continue;
        const empty = table.sides.every((side) =>
          side.rows.every((row) =>
            row.cells.every((cell) => cell.parsed.kind === "empty" || cell.value.isZero())
          )
        );
        if (empty && table.notes.length === 0) {
          findings.push({
            ruleId: "completeness.empty-note",
            severity: "warning",
            sheet: table.sheet,
            cell: table.title?.address ?? "A1",
            message: `“${required.title}”没有数据，应在表下注明（如“注：无${required.kind.replace(/表$/, "")}预算，空表列示。”或“注：本表无数据”）。`,
          });
        }
      }
    }
    return findings;
  },
};
