import type { Rule, WorkbookRuleContext } from "../rule";
import { balanceTotals } from "./balance";
import { basicExpenditure } from "./basicExpenditure";
import { classExpenditure } from "./classExpenditure";
import { codeDepth } from "./codeDepth";
import { completeness } from "./completeness";
import { finalAccounts } from "./finalAccounts";
import { fiscalAppropriation } from "./fiscalAppropriation";
import { incomeSources } from "./incomeSources";
import { metaConsistency } from "./metaConsistency";
import { otherDocuments } from "./otherDocuments";
import { operatingCost } from "./operatingCost";
import { personnelSplit } from "./personnelSplit";
import { projectDepartmentRows } from "./projectDepartmentRows";
import { projectExpenditure } from "./projectExpenditure";
import { sangongEconomic } from "./sangongEconomic";

/** Rules that compare tables with each other or look at the workbook as a whole. */
export const CROSS_TABLE_RULES: readonly Rule<WorkbookRuleContext>[] = [
  finalAccounts,
  otherDocuments,
  balanceTotals,
  incomeSources,
  classExpenditure,
  fiscalAppropriation,
  basicExpenditure,
  personnelSplit,
  projectExpenditure,
  projectDepartmentRows,
  operatingCost,
  sangongEconomic,
  metaConsistency,
  completeness,
  codeDepth,
];
