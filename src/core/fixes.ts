/**
 * Quick fixes: for a finding with one right value, the cells to write and what to write in them,
 * as data (HyperFormula's "edits return a list of changes"). Nothing here writes anything: the pane
 * shows the edits, writes them only when the clerk confirms, and keeps what was there for 撤销.
 *
 * A fix is offered only when it is known to help: the edits are applied to copies of the grids and
 * the workbook is checked again; the finding must be gone and no new error may appear.
 *
 * Which findings have one right value:
 * - a sum that is off (sum.children, sum.total-row, sum.row-parts, sum.root-cause): the total cell
 *   takes the sum the rule expected (`Finding.expected`, in the unit the table is published in);
 * - a number stored as text (amount.as-text): the same number, as a number;
 * - a 舍入差异 on a sum: controlled rounding makes every published total the sum of its published
 *   parts, so the total takes that sum; totals above it that then differ by a rounding step (the
 *   类 row above a 款, the 合计 row, the row's own 合计 column) are settled the same way and listed
 *   in the same fix.
 * Differences between two tables are not fixed: which of the two is wrong is the clerk's call.
 */
import { checkWorkbook } from "./check/workbook";
import type { Finding } from "./finding";
export { fixKind } from "./fixKinds";
export type { FixKind } from "./fixKinds";
import type { CellValue, Grid } from "./grid";
import { parseA1 } from "./grid";
import { fixKind } from "./fixKinds";
import { moneyToNumber, parseAmount, Money } from "./money";
import { childrenSum } from "./rules/childrenSum";
import { rowTotalParts } from "./rules/rowTotalParts";
import { totalRowSum } from "./rules/totalRowSum";
// Apart, so that the pane can name the fixable rules without loading the fixes (and a second check).
export { fixableRuleTitles } from "./fixTitles";

/** One cell to change: where, what it holds now, what it will hold. */
export interface CellEdit {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The value the check read (the pane refuses to write if the cell holds something else by then). */
  from: CellValue;
  to: number;
  /** A number format to set with the value: only when the cell is formatted as text (@). */
  numberFormat?: string;
}

const SUM_RULES = new Set([childrenSum.id, totalRowSum.id, rowTotalParts.id]);

/** How rounding follow-ups are chased: each round is one check of the workbook. */
const MAX_SETTLE_ROUNDS = 4;

interface Located {
  grid: Grid;
  r: number;
  c: number;
}

/** The cell inside one of the grids (the clerk's own sheets: a derived or generated one is absent). */
function locate(grids: readonly Grid[], sheet: string, cell: string): Located | undefined {
  const grid = grids.find((g) => g.sheet === sheet);
  const at = parseA1(cell);
  if (!grid || !at || at.sheet !== undefined) return undefined;
  const r = at.row - grid.origin.row;
  const c = at.col - grid.origin.col;
  if (r < 0 || c < 0 || r >= grid.values.length) return undefined;
  return { grid, r, c };
}

function valueAt({ grid, r, c }: Located): CellValue {
  return grid.values[r]?.[c];
}

/**
 * The format a number written over text should take: the one of the nearest number above or below
 * it in the same column (the column's own look), else General.
 */
function numberFormatFor({ grid, r, c }: Located): string {
  const formats = grid.numberFormats;
  for (let d = 1; d < grid.values.length; d++)
    for (const row of [r - d, r + d]) {
      const format = formats?.[row]?.[c];
      if (typeof grid.values[row]?.[c] === "number" && format && format !== "@") return format;
    }
  return "General";
}

/** The edit a finding asks for by itself, before any follow-up: undefined when it has none. */
export function directEdit(finding: Finding, grids: readonly Grid[]): CellEdit | undefined {
  const kind = fixKind(finding);
  if (!kind) return undefined;
  const where = locate(grids, finding.sheet!, finding.cell!);
  if (!where) return undefined;
  const from = valueAt(where);
  const format = where.grid.numberFormats?.[where.r]?.[where.c];
  const asText = format === "@" ? { numberFormat: numberFormatFor(where) } : {};
  if (kind === "text") {
    const parsed = parseAmount(from);
    // "12.5万元" in a table of 元 is not the same number without its unit: the clerk decides.
    if (typeof from !== "string" || parsed.kind !== "amount" || parsed.unit) return undefined;
    return {
      sheet: finding.sheet!,
      cell: finding.cell!,
      from,
      to: moneyToNumber(parsed.value),
      ...asText,
    };
  }
  // A formula saved without its result is read as blank: overwriting the formula is not a fix.
  const note = where.grid.cellNotes?.some(
    (n) => n.row === where.grid.origin.row + where.r && n.col === where.grid.origin.col + where.c
  );
  if (note) return undefined;
  return {
    sheet: finding.sheet!,
    cell: finding.cell!,
    from,
    to: moneyToNumber(new Money(finding.expected!)),
    ...asText,
  };
}

/** Copies of the grids with the edits written in (the grids themselves are left as they are). */
export function applyEdits(grids: readonly Grid[], edits: readonly CellEdit[]): Grid[] {
  return grids.map((grid) => {
    const mine = edits.filter((e) => e.sheet === grid.sheet);
    if (mine.length === 0) return grid;
    const values = grid.values.map((row) => row.slice());
    const numberFormats = grid.numberFormats?.map((row) => row.slice());
    for (const edit of mine) {
      const where = locate([grid], edit.sheet, edit.cell);
      if (!where) continue;
      while (values[where.r].length <= where.c) values[where.r].push(null);
      values[where.r][where.c] = edit.to;
      if (edit.numberFormat && numberFormats?.[where.r])
        numberFormats[where.r][where.c] = edit.numberFormat;
    }
    return { ...grid, values, ...(numberFormats ? { numberFormats } : {}) };
  });
}

const keyOf = (f: Finding) => `${f.ruleId}|${f.sheet ?? ""}|${f.cell ?? ""}`;
const cellKey = (sheet: string, cell: string) => `${sheet}!${cell}`;

export type FixPlan =
  | {
      ok: true;
      edits: CellEdit[];
      /** The findings of the workbook once the edits are made. */
      after: Finding[];
    }
  | {
      ok: false;
      reason: "none" | "notResolved" | "newErrors";
      /** The errors the edits would bring (reason newErrors). */
      newErrors: Finding[];
    };

export interface FixOptions {
  /** How the workbook is checked; checkWorkbook's findings unless given (the CLI's options, say). */
  check?: (grids: readonly Grid[]) => readonly Finding[];
}

/**
 * The edits that mend `targets` (findings of `before`, the workbook's current findings) and the
 * workbook's findings after them; or why there is no fix. Targets whose cells are already written
 * by an earlier target with another value are left out.
 */
export function planFix(
  targets: readonly Finding[],
  grids: readonly Grid[],
  before: readonly Finding[],
  options: FixOptions = {}
): FixPlan {
  const check = options.check ?? ((g: readonly Grid[]) => checkWorkbook(g).findings);
  const edits: CellEdit[] = [];
  const written = new Set<string>();
  for (const target of targets) {
    const edit = directEdit(target, grids);
    if (!edit || written.has(cellKey(edit.sheet, edit.cell))) continue;
    written.add(cellKey(edit.sheet, edit.cell));
    edits.push(edit);
  }
  if (edits.length === 0) return { ok: false, reason: "none", newErrors: [] };
  const rounding = targets.some((t) => fixKind(t) === "rounding");
  const beforeKeys = new Set(before.map(keyOf));
  let after = [...check(applyEdits(grids, edits))];
  // Settling a rounded total can leave the total above it a rounding step off: settle that too.
  for (let round = 0; rounding && round < MAX_SETTLE_ROUNDS; round++) {
    const followUps = after.filter(
      (f) =>
        SUM_RULES.has(f.ruleId) &&
        f.rounding &&
        f.sheet !== undefined &&
        f.cell !== undefined &&
        !written.has(cellKey(f.sheet, f.cell)) &&
        (f.related ?? []).some((r) => written.has(cellKey(r.sheet, r.cell)))
    );
    const more = followUps.flatMap((f) => {
      const edit = directEdit(f, grids);
      if (!edit || written.has(cellKey(edit.sheet, edit.cell))) return [];
      written.add(cellKey(edit.sheet, edit.cell));
      return [edit];
    });
    if (more.length === 0) break;
    edits.push(...more);
    after = [...check(applyEdits(grids, edits))];
  }
  const afterKeys = new Set(after.map(keyOf));
  if (
    targets.some(
      (t) => afterKeys.has(keyOf(t)) && edits.some((e) => e.sheet === t.sheet && e.cell === t.cell)
    )
  )
    return { ok: false, reason: "notResolved", newErrors: [] };
  const newErrors = after.filter((f) => f.severity === "error" && !beforeKeys.has(keyOf(f)));
  if (newErrors.length > 0) return { ok: false, reason: "newErrors", newErrors };
  return { ok: true, edits, after };
}

/**
 * 全部修正 for one rule: every finding of `ruleId` that has a fix, mended together. When the
 * findings mended together would bring a new error, those that bring none on their own are kept.
 */
export function planFixAll(
  ruleId: string,
  grids: readonly Grid[],
  before: readonly Finding[],
  options: FixOptions = {}
): FixPlan & { fixed?: Finding[] } {
  const targets = before.filter((f) => f.ruleId === ruleId && fixKind(f) !== undefined);
  const together = planFix(targets, grids, before, options);
  if (together.ok || together.reason === "none")
    return { ...together, fixed: together.ok ? fixedBy(targets, together.edits) : [] };
  const safe = targets.filter((t) => planFix([t], grids, before, options).ok);
  const plan = planFix(safe, grids, before, options);
  return { ...plan, fixed: plan.ok ? fixedBy(safe, plan.edits) : [] };
}

function fixedBy(targets: readonly Finding[], edits: readonly CellEdit[]): Finding[] {
  const cells = new Set(edits.map((e) => cellKey(e.sheet, e.cell)));
  return targets.filter((t) => cells.has(cellKey(t.sheet!, t.cell!)));
}
