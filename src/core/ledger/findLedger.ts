/**
 * Which sheet of a workbook is a ledger (预算明细), by its header captions, and its 部门信息 sheet.
 * Apart from readLedger.ts, which reads the lines: every check looks for a ledger, and most
 * workbooks have none, so the pane's first check loads this and not the reader (issue 12 §4).
 */
import type { Grid } from "../grid";
import type { AmountUnit } from "../money";
import { compactText } from "../read/text";

export type ColumnKey =
  | "functionCode"
  | "economicCode"
  | "kind"
  | "source"
  | "carryover"
  | "projectName"
  | "projectCode"
  | "amount";

interface ColumnSpec {
  key: ColumnKey;
  label: string;
  required: boolean;
  /** Matched against the caption with whitespace removed and full-width punctuation folded. */
  matches: (caption: string) => boolean;
}

/**
 * The captions a ledger header may use. Order matters only for ambiguity: the first spec that
 * matches a caption claims it, so 项目编码 is tried before 项目名称 and 金额 last.
 */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: "functionCode",
    label: "功能分类科目编码",
    required: true,
    matches: (t) => /功能/.test(t) && /(编码|科目|代码)/.test(t) && !/名称/.test(t),
  },
  {
    key: "economicCode",
    label: "经济分类科目编码",
    required: false,
    matches: (t) => /经济/.test(t) && /(编码|科目|代码)/.test(t) && !/名称/.test(t),
  },
  {
    key: "kind",
    label: "支出类型",
    required: true,
    matches: (t) => /^(支出|经费)(类型|类别|性质)$/.test(t),
  },
  { key: "source", label: "资金来源", required: true, matches: (t) => /^资金(来源|性质)$/.test(t) },
  {
    key: "carryover",
    label: "上年结转",
    required: false,
    matches: (t) => /^(是否)?(为)?上年结转/.test(t),
  },
  {
    key: "projectCode",
    label: "项目编码",
    required: false,
    matches: (t) => /^项目(编码|代码)$/.test(t),
  },
  { key: "projectName", label: "项目名称", required: false, matches: (t) => /^项目名称$/.test(t) },
  {
    key: "amount",
    label: "金额",
    required: true,
    matches: (t) => /^(金额|预算数|预算金额|预算额)/.test(t),
  },
];

export interface LedgerHeader {
  /** 0-based grid row of the captions. */
  row: number;
  /** 0-based grid column of each recognized caption. */
  columns: Partial<Record<ColumnKey, number>>;
  unit: AmountUnit;
  /** The amount caption said neither 元 nor 万元. */
  unitAssumed: boolean;
}

/** The unit an amount caption names: 金额（元） → 元, 金额(万元) → 万元, else undefined. */
function unitOfCaption(caption: string): AmountUnit | undefined {
  if (/万元/.test(caption)) return "万元";
  if (/元/.test(caption)) return "元";
  return undefined;
}

const NO_SPECS: readonly ColumnSpec[] = [];

/**
 * The column specs a cell text matches, in COLUMNS order, kept per text: every workbook's every
 * sheet is searched for a ledger header, and most of its texts repeat (and match nothing).
 */
const captionSpecs = new Map<string, readonly ColumnSpec[]>();
const CAPTION_SPECS_CACHE_SIZE = 50_000;

function specsMatching(cell: string): readonly ColumnSpec[] {
  let specs = captionSpecs.get(cell);
  if (specs === undefined) {
    // A hint in brackets (支出类型（人员经费/公用经费/项目支出）, 上年结转(是/否)) is not part of the caption.
    const caption = compactText(cell).replace(/\([^)]*\)/g, "");
    specs = caption === "" ? NO_SPECS : COLUMNS.filter((s) => s.matches(caption));
    if (specs.length === 0) specs = NO_SPECS;
    if (captionSpecs.size >= CAPTION_SPECS_CACHE_SIZE) captionSpecs.clear();
    captionSpecs.set(cell, specs);
  }
  return specs;
}

/** Recognizes a header row: it must name every required column. Rows further down are data. */
export function findHeader(grid: Grid): LedgerHeader | undefined {
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const columns: Partial<Record<ColumnKey, number>> = {};
    // This runs over every row of every sheet of every workbook, and most rows name no column: a
    // plain loop, and the header test only for a row with a caption in it.
    let named = false;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // Captions are text: a number or a date cell never names a column.
      if (typeof cell !== "string") continue;
      const specs = specsMatching(cell);
      if (specs.length === 0) continue;
      // The first spec that matches and is not yet claimed takes the column.
      const spec = specs.find((s) => columns[s.key] === undefined);
      if (spec) {
        columns[spec.key] = c;
        named = true;
      }
    }
    if (named && COLUMNS.every((s) => !s.required || columns[s.key] !== undefined)) {
      const captionUnit = unitOfCaption(compactText(row[columns.amount!]));
      return {
        row: r,
        columns,
        unit: captionUnit ?? "万元",
        unitAssumed: captionUnit === undefined,
      };
    }
  }
  return undefined;
}

const INFO_SHEET = /^部门信息|^单位信息|^基本信息/;

/**
 * The ledger sheet (the first with a ledger header) and the 部门信息 sheet, when present. The
 * 部门信息 sheet describes a ledger's department: without a ledger sheet it is not looked for (this
 * runs on every workbook, and most have no ledger).
 */
export function findLedger(grids: readonly Grid[]): { ledgerGrid?: Grid; infoGrid?: Grid } {
  const ledgerGrid = grids.find((grid) => findHeader(grid) !== undefined);
  if (!ledgerGrid) return {};
  const others = grids.filter((grid) => grid !== ledgerGrid);
  const infoGrid =
    others.find((grid) => INFO_SHEET.test(compactText(grid.sheet))) ??
    others.find((grid) =>
      grid.values.some((row) =>
        // Only a text can start with 部门名称: numbers and booleans are not looked at.
        (row ?? []).some((cell) => typeof cell === "string" && /^部门名称/.test(compactText(cell)))
      )
    );
  return { ledgerGrid, infoGrid };
}
