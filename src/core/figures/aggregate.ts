/**
 * The department's figures, aggregated: in integers (aggregateUnits.ts) when every amount fits, else
 * in Decimals (figures.ts). A module of its own so that neither implementation imports the other.
 */
import { Catalog } from "../codes";
import { convertUnit } from "../money";
import type { UnitNature } from "../model";
import type { Ledger } from "../ledger/readLedger";
import { aggregateFiguresInUnits } from "./aggregateUnits";
import { aggregateFiguresDecimal } from "./figures";
import type { BudgetFigures, FigureLine } from "./figures";

/**
 * Aggregates lines already in 万元. Exposed so the renderer can re-aggregate rounded lines and get
 * figures that add up exactly as printed. Sums in integers (figures/aggregateUnits.ts) and falls
 * back to Decimals when an amount has too many digits or the sums could leave a double's exact
 * range; both give the same figures.
 */
export function aggregateFigures(
  lines: readonly FigureLine[],
  options: { unitNature?: UnitNature; catalog?: Catalog } = {}
): BudgetFigures {
  return aggregateFiguresInUnits(lines, options) ?? aggregateFiguresDecimal(lines, options);
}

/** The figures of a ledger, in 万元, exact. */
export function ledgerFigures(ledger: Ledger, options: { catalog?: Catalog } = {}): BudgetFigures {
  const lines: FigureLine[] = ledger.lines.map((line) => {
    const out: FigureLine = {
      functionCode: line.functionCode,
      kind: line.kind,
      source: line.source,
      carryover: line.carryover,
      amount: convertUnit(line.amount, ledger.unit, "万元"),
    };
    if (line.economicCode !== undefined) out.economicCode = line.economicCode;
    if (line.projectName !== undefined) out.projectName = line.projectName;
    if (line.projectCode !== undefined) out.projectCode = line.projectCode;
    return out;
  });
  return aggregateFigures(lines, {
    unitNature: ledger.department.unitNature,
    catalog: options.catalog,
  });
}
