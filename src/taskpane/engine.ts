/**
 * The engine as the pane's 检查 uses it: read and check. Pure: no host, no DOM. Loaded on first use
 * (see actions.ts), so the pane's first paint does not wait for the rules and the code catalogs.
 * What only some workbooks need is loaded only for them, before their check: the rules that need a
 * 情况说明 or last year's file (with core/narrative), and the drawing of a ledger's tables
 * (core/check/withParts.ts; the findings are those of checkWorkbook either way). The quick fixes
 * (fixEngine.ts), which check the workbook again, load on the first 修正; what a check does not need
 * at all (the builders, the narrative's wording, the chart) is in content.ts, loaded only when the
 * clerk generates or exports.
 */
import { checkWorkbookWith, partsNeeded } from "../core/check/withParts";
import type { CheckParts, WorkbookCheckResult } from "../core/check/withParts";
import type { CellEdit } from "../core/fixes";
import { fixableRuleTitles } from "../core/fixTitles";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { PreviousDisclosure } from "../core/previous/types";

/** A checked workbook and the sheets it had. */
export interface CheckOutcome {
  check: WorkbookCheckResult;
  sheets: string[];
  /** The grids checked (the clerk's own sheets), for working out quick fixes without Excel. */
  grids?: Grid[];
  /** The Chinese titles of the rules whose findings may be fixed (全部修正 names them). */
  fixTitles?: Record<string, string>;
  /** Last year's disclosure the check compared with (the pane says whether it paired). */
  previous?: PreviousDisclosure;
}

/** What the clerk asked to fix: one finding, or every finding of one rule (全部修正). */
export type FixTarget = { finding: Finding } | { ruleId: string };

/** A fix worked out and checked in memory: the cells to write, or why there is none. */
export type FixProposal =
  | { ok: true; edits: CellEdit[]; fixed: Finding[] }
  | { ok: false; reason: "none" | "notResolved" | "newErrors"; newErrors: Finding[] };

/** The parts of the engine that checking `grids` needs, loaded (each once) when it needs them. */
async function loadParts(
  grids: readonly Grid[],
  previous: PreviousDisclosure | undefined
): Promise<CheckParts> {
  const needed = partsNeeded(grids, previous ? { previous } : {});
  const [inputRules, ledger] = await Promise.all([
    needed.inputRules
      ? import(/* webpackChunkName: "check-input-rules" */ "../core/rules/inputRules").then(
          (m) => m.INPUT_RULES
        )
      : undefined,
    needed.ledgerTables
      ? import(/* webpackChunkName: "check-ledger" */ "../core/check/ledgerPart")
      : undefined,
  ]);
  return { inputRules, ledgerTables: ledger?.ledgerTables, readLedger: ledger?.readLedger };
}

/** Checks the workbook in its own layout; its 上年 figures against last year's file when given. */
export async function checkGrids(
  grids: readonly Grid[],
  previous?: PreviousDisclosure
): Promise<CheckOutcome> {
  const parts = await loadParts(grids, previous);
  return {
    check: checkWorkbookWith(parts, grids, previous ? { previous } : {}),
    sheets: grids.map((grid) => grid.sheet),
    grids: [...grids],
    fixTitles: fixableRuleTitles(),
    ...(previous ? { previous } : {}),
  };
}
