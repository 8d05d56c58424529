import { cellRefs } from "../finding";
import type { Finding } from "../finding";
import { Money } from "../money";
import { compareRate, compareSum } from "../rounding";
import { numberFormatAt } from "../read/header";
import { captionCell } from "../read/table";
import type { AmountCell, ParsedTable, TableSide } from "../read/table";
import { compactText } from "../read/text";
import { MESSAGES, RULE_TITLES } from "../messages";
import type { Rule } from "./rule";
import { rowTitle, sumBasis } from "./sums";

/**
 * In a table that prints last year beside this year (2023年预算数 | 2024年预算数 | 增减额 | 增减率, or
 * 上年 and 本年 column groups with an 增减 group): 增减 = 本年 − 上年, sign included, and 增减率 =
 * 增减 ÷ 上年 × 100, each to the precision the table prints, with the rounding tolerance the sums and
 * the 三公 table use.
 */
const RULE_ID = "table.change";

/** A caption without its period words: “2023年预算数|合计” → “合计”, “增减额” → “”. */
function measureKey(caption: string): string {
  return compactText(caption)
    .replace(/(20\d\d年?度?|上年|本年|当年|上一年|今年|去年)(预算数?|执行数|决算数)?/g, "")
    .replace(/(比上年)?(增减|增长|变动)(率|额|金额|幅度)?(\(%\)|%)?|增幅|增加额|减少额/g, "")
    .replace(/^(预算数?|金额)$/, "");
}

/** The 上年 and 本年 columns a 增减 column compares: same key, else the only ones, else the 合计s. */
function pairOf(
  side: TableSide,
  column: number,
  keys: readonly string[]
): { prior: number; current: number } | undefined {
  const prior = new Set(side.priorColumns ?? []);
  const pick = (candidates: number[]) => {
    const sameKey = candidates.filter((i) => keys[i] === keys[column]);
    if (sameKey.length === 1) return sameKey[0];
    if (candidates.length === 1) return candidates[0];
    const totals = candidates.filter((i) => /^(合计|小计)?$/.test(keys[i]));
    return totals.length === 1 ? totals[0] : undefined;
  };
  const amounts = side.measures.flatMap((m, i) => (m === "amount" ? [i] : []));
  const priorAt = pick(amounts.filter((i) => prior.has(i)));
  const currentAt = pick(amounts.filter((i) => !prior.has(i)));
  return priorAt !== undefined && currentAt !== undefined
    ? { prior: priorAt, current: currentAt }
    : undefined;
}

/** A rate as a percentage: 1.68 stays 1.68; 0.0168 formatted 0.00% becomes 1.68. */
function percentOf(table: ParsedTable, cell: AmountCell): Money {
  return numberFormatAt(table.grid, cell.address).includes("%")
    ? cell.value.times(100)
    : cell.value;
}

/** One row's 增减 or 增减率 cell and the 本年 and 上年 cells it compares. */
export interface YearChangeCells {
  ruleId: string;
  sheet: string;
  /** The row, for messages: “三公”经费表“公务接待费”行. */
  where: string;
  caption: string;
  cell: AmountCell;
  current: AmountCell;
  prior: AmountCell;
}

/** 增减 = 本年 − 上年, in the unit the table is published in, to the precision its figures show. */
export function changeFinding(at: YearChangeCells): Finding | undefined {
  const { cell, current, prior } = at;
  const basis = sumBasis([cell, current, prior]);
  const own = basis.value;
  const comparison = compareSum(own(cell), [own(current), own(prior).negated()], basis.decimals);
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  const message = rounding
    ? MESSAGES.yearChangeRounding(at.where, at.caption, own(cell), comparison.expected)
    : MESSAGES.yearChange(
        at.where,
        at.caption,
        own(cell),
        own(current),
        own(prior),
        comparison.expected
      );
  return yearFinding(at, rounding, message, comparison.expected, own(cell));
}

/** A 增减 or 增减率 cell that disagrees: an error, or 提示 when rounding explains it. */
function yearFinding(
  at: YearChangeCells,
  rounding: boolean,
  message: string,
  expected: Money,
  actual: Money
): Finding {
  return {
    ruleId: at.ruleId,
    severity: rounding ? "info" : "error",
    sheet: at.sheet,
    cell: at.cell.address,
    message,
    expected: expected.toFixed(2),
    actual: actual.toFixed(2),
    related: cellRefs(at.sheet, [at.current.address, at.prior.address]),
    ...(rounding ? { rounding: true } : {}),
  };
}

/**
 * 增减率 (`actual`, a percentage) = change ÷ 上年 × 100, the inputs published to `inputDecimals`.
 * None without last year's figure: a blank, “-” or “—” there is right.
 */
export function rateFinding(
  at: YearChangeCells,
  actual: Money,
  change: Money,
  prior: Money,
  inputDecimals: number
): Finding | undefined {
  if (prior.isZero() || at.cell.parsed.kind !== "amount") return undefined;
  const comparison = compareRate(actual, change, prior, inputDecimals);
  if (comparison.agreement === "exact") return undefined;
  const rounding = comparison.agreement === "rounding";
  const message =
    (rounding ? MESSAGES.roundingPrefix : "") +
    MESSAGES.yearRate(at.where, at.caption, actual, comparison.expected);
  return yearFinding(at, rounding, message, comparison.expected, actual);
}

export const changeColumns: Rule = {
  id: RULE_ID,
  title: RULE_TITLES["table.change"],
  severity: "error",
  scope: "table",
  run({ table }) {
    const findings: Finding[] = [];
    for (const side of table.sides) {
      const keys = side.captions.map(measureKey);
      side.measures.forEach((measure, m) => {
        if (measure !== "change" && measure !== "rate") return;
        const caption = side.captions[m];
        const pairing = pairOf(side, m, keys);
        if (!pairing) {
          // Which columns a 增减 compares is never guessed: say that it could not be checked.
          findings.push({
            ruleId: RULE_ID,
            severity: "warning",
            sheet: table.sheet,
            cell: captionCell(table.grid, table.headerRows, side.amountColumns[m]),
            message: MESSAGES.changeUnpaired(caption),
            actual: caption,
          });
          return;
        }
        for (const row of side.rows) {
          const cell = row.cells[m];
          const prior = row.cells[pairing.prior];
          const current = row.cells[pairing.current];
          if (!cell || !prior || !current) continue;
          if ([cell, prior, current].some((c) => c.parsed.kind === "invalid")) continue;
          if ([cell, prior, current].every((c) => c.parsed.kind === "empty")) continue;
          const at: YearChangeCells = {
            ruleId: RULE_ID,
            sheet: table.sheet,
            where: MESSAGES.changeRow(rowTitle(row)),
            caption,
            cell,
            current,
            prior,
          };
          let finding: Finding | undefined;
          if (measure === "change") finding = changeFinding(at);
          else {
            const basis = sumBasis([current, prior]);
            const own = basis.value;
            finding = rateFinding(
              at,
              percentOf(table, cell),
              own(current).minus(own(prior)),
              own(prior),
              basis.decimals
            );
          }
          if (finding) findings.push(finding);
        }
      });
    }
    return findings;
  },
};
