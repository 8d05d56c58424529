import type { Finding } from "../../finding";
import { movedCodeFindings, pairingFindings } from "../../previous/pairing";
import type { Rule, WorkbookRuleContext } from "../rule";
import { currentItemCodes, currentSubject } from "./paired";
import { RULE_TITLES } from "../../messages";

/**
 * Last year's file must be year − 1 of the same department (else an error, and nothing is
 * compared); 项 that moved between the years are listed.
 */
export const previousPairing: Rule<WorkbookRuleContext> = {
  id: "previous.pairing",
  title: RULE_TITLES["previous.pairing"],
  severity: "error",
  scope: "workbook",
  run({ model, previous }): Finding[] {
    if (!previous) return [];
    const pairing = pairingFindings(currentSubject(model), previous);
    if (pairing.length > 0) return pairing;
    return movedCodeFindings(currentItemCodes(model), previous);
  },
};
