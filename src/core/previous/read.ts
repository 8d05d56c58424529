/**
 * Reads last year's disclosure from a workbook in any layout the tool reads — a ledger, another
 * province's published tables, the tool's own export — through the same readers as this year's:
 * a ledger's lines, else the figures rebuilt from the published tables (figuresFromModel).
 * Never throws: a workbook with no figures gives findings and no disclosure.
 */
import { Catalog } from "../codes";
import type { Finding } from "../finding";
import type { CellNote, Grid } from "../grid";
import { a1, gridAddress } from "../grid";
import { ledgerFigures } from "../figures/aggregate";
import type { BudgetFigures } from "../figures/figures";
import { figuresFromModel } from "../figures/figuresFromModel";
import { findLedger, readLedger } from "../ledger";
import { findHeader } from "../ledger/findLedger";
import { parseAmount } from "../money";
import type { UnitNature } from "../model";
import { printedFigures } from "../narrative/check";
import type { LastYearFigures } from "../narrative/types";
import { amountWordMeaning } from "../read/amountWords";
import { readWorkbook } from "../read/workbook";
import type { WorkbookModel } from "../read/workbook";
import { forEachAmountCell } from "../rules/amountCells";
import { findNarrativeSheet } from "../rules/narrative/narrativeRule";
import { PREVIOUS_RULE } from "./types";
import type { PreviousDisclosure } from "./types";

export interface ReadPreviousOptions {
  /** Where the file came from, for messages. */
  source?: string;
  /** This year's unit nature: the same department, so it decides 机关运行经费 last year too. */
  unitNature?: UnitNature;
  catalog?: Catalog;
}

/** Last year's figures by the budget terms of the 情况说明 (keys of LastYearFigures). */
export function lastYearFiguresOf(figures: BudgetFigures): LastYearFigures {
  const t = figures.threePublic;
  const out: LastYearFigures = {
    incomeTotal: figures.income.total,
    expenditureTotal: figures.expenditure.total,
    budgetTotal: figures.expenditure.total,
    basic: figures.expenditure.basic,
    project: figures.expenditure.project,
    generalExpenditure: figures.byFunction[0].bySource["一般公共预算"].current,
    threePublic: t.total.total,
    abroad: t.abroad.total,
    vehicle: t.vehicle.total,
    vehiclePurchase: t.vehiclePurchase.total,
    vehicleOperation: t.vehicleOperation.total,
    reception: t.reception.total,
  };
  if (figures.agencyOperating !== undefined) out.agencyOperating = figures.agencyOperating;
  for (const node of figures.byFunction)
    if (node.level === 1 && !node.all.total.isZero()) out[`class:${node.code}`] = node.all.total;
  return out;
}

/**
 * Where an amount was read that is no amount, and why: a note of the host (Grid.cellNotes), or
 * words (待定, 另行公布, 约十二) where a figure should be, with the text.
 */
type UnreadAmount =
  { where: string; kind: CellNote["kind"] } | { where: string; kind: "words"; text: string };

/**
 * Words in an amount cell that stand for an amount not known (待定) or not exact (约十二), or say
 * nothing the reader knows: this year's check waits for them (amount.not-a-number), and last year's
 * figures must not take them as 0. Words that say there is no such amount (暂无) are a 0.
 */
function isUnknownAmount(text: string): boolean {
  return amountWordMeaning(text) !== "zero";
}

/** The amount cells of last year's tables that hold no value to compare. */
function unreadTableAmounts(model: WorkbookModel): UnreadAmount[] {
  const unread: UnreadAmount[] = [];
  for (const { table } of model.tables)
    forEachAmountCell(table, (cell, measure) => {
      const where = `${table.sheet}!${cell.address}`;
      if (cell.untrusted) unread.push({ where, kind: cell.untrusted });
      // A 增减 or 增减率 column is no figure of last year's: words there (持平) change nothing.
      else if (
        cell.parsed.kind === "invalid" &&
        measure !== "change" &&
        measure !== "rate" &&
        isUnknownAmount(cell.parsed.text)
      )
        unread.push({ where, kind: "words", text: cell.parsed.text });
    });
  return unread;
}

/**
 * A ledger's amount cells that hold no value: formulas saved without their result (its amounts are
 * the only formulas it has reason to hold), and words. readLedger leaves such a line out, which
 * for last year's figures is the same as a 0.
 */
function unreadLedgerAmounts(grid: Grid): UnreadAmount[] {
  const unread: UnreadAmount[] = (grid.cellNotes ?? [])
    .filter((note) => note.kind === "formulaWithoutValue")
    .map((note) => ({ where: `${grid.sheet}!${a1(note.row, note.col)}`, kind: note.kind }));
  const header = findHeader(grid);
  const column = header?.columns.amount;
  if (header === undefined || column === undefined) return unread;
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const raw = grid.values[r]?.[column];
    if (typeof raw !== "string") continue;
    const parsed = parseAmount(raw);
    if (parsed.kind === "invalid" && isUnknownAmount(parsed.text))
      unread.push({
        where: `${grid.sheet}!${gridAddress(grid, r, column)}`,
        kind: "words",
        text: parsed.text,
      });
  }
  return unread;
}

const SHOWN_CELLS = 5;

/**
 * Last year's amounts that could not be read. Each would count as 0 in last year's figures: every
 * 类 and total it is part of would seem to have changed, and a clerk would be told to explain
 * changes that never happened. So nothing is compared, and the clerk is told why.
 */
function unreadAmountsMessage(name: string, unread: readonly UnreadAmount[]): string {
  const shown = unread.slice(0, SHOWN_CELLS).map((u) => u.where);
  const more = unread.length > SHOWN_CELLS ? `等 ${unread.length} 个单元格` : "";
  const words = [...new Set(unread.flatMap((u) => (u.kind === "words" ? [`“${u.text}”`] : [])))];
  const why = [
    ...(unread.some((u) => u.kind === "formulaWithoutValue")
      ? ["是公式，但文件里没有保存 Excel 算出的结果"]
      : []),
    ...(unread.some((u) => u.kind === "date") ? ["是日期而不是金额"] : []),
    // 待定, 另行公布: last year's amount is not in the file.
    ...(words.length > 0
      ? [
          `写的是${words.slice(0, SHOWN_CELLS).join("")}${words.length > SHOWN_CELLS ? "等" : ""}而不是数字`,
        ]
      : []),
  ].join("，或");
  const fix = unread.some((u) => u.kind === "formulaWithoutValue")
    ? "请在 Excel 中打开上年文件、保存后再比较。"
    : "请改正上年文件中的这些金额后再比较。";
  return `${name}中，${shown.join("、")}${more}：${why}，读不出金额；按 0 计算会把没有变化的科目和合计当作增减，因此未与上年比较。${fix}`;
}

export function readPreviousDisclosure(
  grids: readonly Grid[],
  options: ReadPreviousOptions = {}
): { previous?: PreviousDisclosure; findings: Finding[] } {
  const catalog = options.catalog ?? Catalog.standard();
  const name = options.source ? `上年公开文件“${options.source}”` : "上年公开文件";
  const unreadable = (why: string): { findings: Finding[] } => ({
    findings: [
      {
        ruleId: PREVIOUS_RULE.unreadable,
        severity: "error",
        message: `${name}中${why}，无法与上年比较。`,
      },
    ],
  });
  const narrative = findNarrativeSheet(grids);
  const tableGrids = grids.filter((g) => g !== narrative);
  let figures: BudgetFigures | undefined;
  let department: string | undefined;
  let departmentCode: string | undefined;
  let year: number | undefined;
  let unread: UnreadAmount[];
  const { ledgerGrid } = findLedger(tableGrids);
  if (ledgerGrid) {
    const { ledger } = readLedger(tableGrids, { catalog });
    if (!ledger) return unreadable("的预算明细无法读取");
    unread = unreadLedgerAmounts(ledgerGrid);
    figures = ledgerFigures(
      {
        ...ledger,
        department: {
          ...ledger.department,
          unitNature: ledger.department.unitNature ?? options.unitNature,
        },
      },
      { catalog }
    );
    department = ledger.department.name;
    departmentCode = ledger.department.code;
    year = ledger.department.year;
  } else {
    const model = readWorkbook(tableGrids, { catalog });
    unread = unreadTableAmounts(model);
    const rebuilt = figuresFromModel(model, { catalog, unitNature: options.unitNature });
    figures = rebuilt.figures;
    department = model.department?.value;
    departmentCode = model.department?.code;
    year = model.year?.value;
  }
  if (!figures) return unreadable("找不到可识别的公开表或预算明细");
  if (unread.length > 0)
    return {
      findings: [
        {
          ruleId: PREVIOUS_RULE.unreadable,
          severity: "error",
          message: unreadAmountsMessage(name, unread),
        },
      ],
    };
  // As its tables printed them: a ledger's lines rounded once, as this year's derived tables are.
  const printed = printedFigures(figures);
  const previous: PreviousDisclosure = { figures: printed, lastYear: lastYearFiguresOf(printed) };
  if (department !== undefined) previous.department = department;
  if (departmentCode !== undefined) previous.departmentCode = departmentCode;
  if (year !== undefined) previous.year = year;
  if (options.source !== undefined) previous.source = options.source;
  return { previous, findings: [] };
}
