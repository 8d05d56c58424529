import type { Finding } from "../../finding";
import type { OtherDocument } from "../../read/workbook";
import type { Rule, WorkbookRuleContext } from "../rule";
import { RULE_TITLES, WORKBOOK_MESSAGES } from "../../messages";

export const NOT_DISCLOSURE_RULE_ID = "workbook.not-disclosure";

/**
 * A government's budget, a budget execution report or a list of items (read/otherDocuments.ts)
 * is not a department's budget disclosure, though its tables look alike: none is checked as one,
 * and each is named at its title with what gave it away. In a workbook of nothing else it is an
 * error (nothing was checked: the CLI and the pane say 未检查); beside disclosure tables a warning,
 * so that the workbook never passes with a table nobody checked.
 */
export const otherDocuments: Rule<WorkbookRuleContext> = {
  id: NOT_DISCLOSURE_RULE_ID,
  title: RULE_TITLES[NOT_DISCLOSURE_RULE_ID],
  severity: "error",
  scope: "workbook",
  run({ model }) {
    const alone = model.tables.length === 0;
    return (model.otherDocuments ?? []).map((document): Finding => {
      const what = whatItIs(document);
      const named = WORKBOOK_MESSAGES.otherDocumentNamed(
        document.sheet,
        document.title?.replace(/\s+/g, "")
      );
      return {
        ruleId: NOT_DISCLOSURE_RULE_ID,
        severity: alone ? "error" : "warning",
        sheet: document.sheet,
        cell: document.cell,
        message: alone
          ? WORKBOOK_MESSAGES.otherDocumentOnly(named, what)
          : WORKBOOK_MESSAGES.otherDocumentAmong(named, what),
        ...(document.title ? { actual: document.title } : {}),
      };
    });
  },
};

function whatItIs(document: OtherDocument): string {
  const evidence = document.evidence ?? "";
  const say = WORKBOOK_MESSAGES.otherDocumentWhat;
  switch (document.kind) {
    case "governmentBudget":
      return document.source === "column"
        ? say.governmentBudget.column(evidence)
        : document.source === "row"
          ? say.governmentBudget.row(evidence)
          : say.governmentBudget.title();
    case "execution":
      return document.source === "column" ? say.execution.column(evidence) : say.execution.title();
    case "itemList":
      return say.itemList.none();
  }
}
