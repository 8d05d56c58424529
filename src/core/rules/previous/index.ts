/** Rules against last year's published disclosure (check --previous); they find nothing without it. */
import type { Rule, WorkbookRuleContext } from "../rule";
import { previousFigures } from "./figuresRule";
import { previousPairing } from "./pairingRule";
import { previousReason } from "./reasonRule";

export const PREVIOUS_RULES: readonly Rule<WorkbookRuleContext>[] = [
  previousPairing,
  previousFigures,
  previousReason,
];
