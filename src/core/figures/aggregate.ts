/**
 * The department's figures, aggregated: in integers (aggregateUnits.ts) when every amount fits, else
 * in Decimals (figures.ts). A module of its own so that neither implementation imports the other.
 */
import { Catalog } from "../codes";
import { convertUnit } from "../money";
import type { AmountUnit } from "../money";
import type { UnitNature } from "../model";
import { ReadLine } from "../ledger/readLedger";
import type { Ledger, LedgerLine } from "../ledger/readLedger";
import { MAX_SCALE, UnitsLine } from "./units";
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

/**
 * A ledger line in 万元: as integer units when it was read as units (the scale moves by 4 for 元),
 * else as Money converted exactly.
 */
function figureLine(line: LedgerLine, unit: AmountUnit): FigureLine {
  const exact =
    line instanceof ReadLine && !Object.prototype.hasOwnProperty.call(line, "amount")
      ? line.exact
      : undefined;
  if (exact) {
    const scale = unit === "元" ? exact.scale + 4 : exact.scale;
    if (scale <= MAX_SCALE) return new UnitsLine(line, exact.units, scale);
  }
  const out: FigureLine = {
    functionCode: line.functionCode,
    kind: line.kind,
    source: line.source,
    carryover: line.carryover,
    amount: convertUnit(line.amount, unit, "万元"),
  };
  if (line.economicCode !== undefined) out.economicCode = line.economicCode;
  if (line.projectName !== undefined) out.projectName = line.projectName;
  if (line.projectCode !== undefined) out.projectCode = line.projectCode;
  return out;
}

/** The lines of a ledger in 万元, exact, with its unit nature: what the printed tables are drawn from. */
export function ledgerFigureLines(ledger: Ledger): Pick<BudgetFigures, "lines" | "unitNature"> {
  const out: Pick<BudgetFigures, "lines" | "unitNature"> = {
    lines: ledger.lines.map((line) => figureLine(line, ledger.unit)),
  };
  if (ledger.department.unitNature !== undefined) out.unitNature = ledger.department.unitNature;
  return out;
}

/** The figures of a ledger, in 万元, exact. */
export function ledgerFigures(ledger: Ledger, options: { catalog?: Catalog } = {}): BudgetFigures {
  const { lines } = ledgerFigureLines(ledger);
  return aggregateFigures(lines, {
    unitNature: ledger.department.unitNature,
    catalog: options.catalog,
  });
}
