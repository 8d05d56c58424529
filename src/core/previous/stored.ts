/**
 * Last year's disclosure as plain JSON, to be kept with this year's workbook (the pane's
 * 上年公开文件, remembered in Office document settings) and used again without the file.
 *
 * What is kept is what was extracted, not the file: Office's document settings live inside the
 * workbook and are meant for small data (a published workbook or .docx is tens to hundreds of KB,
 * base64 a third more), while the extraction is the budget lines (one per 科目 × 经济分类 × 资金来源)
 * and the 上年 figures by budget term. The lines are aggregated again on load — the figures were
 * built from those same lines, already rounded, so they come back equal — and the 上年 figures
 * are kept as they were stated. Amounts are decimal strings: exact, never floats.
 */
import { aggregateFigures } from "../figures/aggregate";
import type { FigureLine } from "../figures/figures";
import type { UnitNature } from "../model";
import { Money } from "../money";
import type { LastYearFigures } from "../narrative/types";
import type { PreviousDisclosure } from "./types";

export const STORED_PREVIOUS_VERSION = 1;

type StoredLine = Omit<FigureLine, "amount"> & { amount: string };

export interface StoredPrevious {
  version: typeof STORED_PREVIOUS_VERSION;
  /** The file's name as the clerk picked it, to show which file is paired. */
  source?: string;
  department?: string;
  departmentCode?: string;
  year?: number;
  unitNature?: UnitNature;
  lines: StoredLine[];
  lastYear: Record<string, string>;
}

export function storePrevious(previous: PreviousDisclosure): StoredPrevious {
  const stored: StoredPrevious = {
    version: STORED_PREVIOUS_VERSION,
    lines: previous.figures.lines.map((line) => ({ ...line, amount: line.amount.toString() })),
    lastYear: Object.fromEntries(
      Object.entries(previous.lastYear)
        .filter((entry): entry is [string, Money] => entry[1] instanceof Money)
        .map(([key, value]) => [key, value.toString()])
    ),
  };
  if (previous.source !== undefined) stored.source = previous.source;
  if (previous.department !== undefined) stored.department = previous.department;
  if (previous.departmentCode !== undefined) stored.departmentCode = previous.departmentCode;
  if (previous.year !== undefined) stored.year = previous.year;
  if (previous.figures.unitNature !== undefined) stored.unitNature = previous.figures.unitNature;
  return stored;
}

/** The stored disclosure back, or undefined for anything that is not one (another version, damage). */
export function loadPrevious(value: unknown): PreviousDisclosure | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const stored = value as Partial<StoredPrevious>;
  if (stored.version !== STORED_PREVIOUS_VERSION || !Array.isArray(stored.lines)) return undefined;
  if (typeof stored.lastYear !== "object" || stored.lastYear === null) return undefined;
  try {
    const lines: FigureLine[] = stored.lines.map((line) => ({
      ...line,
      amount: new Money(line.amount),
    }));
    const lastYear: LastYearFigures = {};
    for (const [key, amount] of Object.entries(stored.lastYear))
      (lastYear as Record<string, Money>)[key] = new Money(amount);
    const previous: PreviousDisclosure = {
      figures: aggregateFigures(lines, stored.unitNature ? { unitNature: stored.unitNature } : {}),
      lastYear,
    };
    if (stored.source !== undefined) previous.source = stored.source;
    if (stored.department !== undefined) previous.department = stored.department;
    if (stored.departmentCode !== undefined) previous.departmentCode = stored.departmentCode;
    if (stored.year !== undefined) previous.year = stored.year;
    return previous;
  } catch {
    return undefined; // an amount that is not a number: not a stored disclosure
  }
}
