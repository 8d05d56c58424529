/**
 * Reads 项目绩效目标表 — the form-like blocks that readWorkbook sets aside in `model.forms` — into
 * structured forms. Two layouts are known:
 *
 * - Hebei (万元): title `N、…绩效目标表`, `单位：万元`, 项目编码/项目名称, 预算规模及资金用途 (预算数 /
 *   其中：财政资金 / 其他资金 and a text row), 资金支出计划 (3月底 6月底 10月底 12月底 + amounts),
 *   绩效目标, then the indicator header 一级指标/二级指标/三级指标/绩效指标描述/指标值/指标值确定依据.
 * - Shanxi (元): 项目名称, 主管部门及代码, 实施单位, 项目属性, 项目期, 项目资金 (元) with 实施期资金总额
 *   and 年度资金总额 side by side and their sources below (中央/省级/市县(区)财政资金, 单位自筹, 其他资金),
 *   项目概况 …, 总体目标, and indicator rows with 一级指标 and, for 实施期 and for 年度, 二级/三级指标/指标值.
 *
 * Every value keeps its cell address. Labels are found by their text, never by position, so a form
 * may sit anywhere on its sheet and columns may be merged or not.
 */
import type { Finding } from "../finding";
import { CellRange, CellValue, Grid, gridAddress } from "../grid";
import { AmountUnit, Money, ZERO, parseAmount, toHalfWidth } from "../money";
import { compactText, isBlank } from "./text";
import type { WorkbookModel } from "./workbook";

/**
 * A form's layout, named by what it shows (not by the province that uses it): `budgetPlan` has
 * 预算数 with 资金用途 and a 资金支出计划 (Hebei's, 万元); `fundingPeriods` has 实施期资金总额 and
 * 年度资金总额 with their sources and 项目概况 (Shanxi's, 元).
 */
export type GoalLayout = "budgetPlan" | "fundingPeriods";

/** An amount cell of a form. */
export interface GoalAmount {
  /** The amount; blank and text that is not a number count as zero. */
  value: Money;
  cell: string;
  raw: CellValue;
  state: "amount" | "empty" | "invalid";
  /** The number was stored as text (`'25`, `107．57`). */
  fromText: boolean;
}

export interface GoalText {
  text: string;
  cell: string;
}

/** One stage of the 资金支出计划: 3月底, 6月底 …; cumulative amounts or percentages. */
export interface GoalPlanStage {
  label: string;
  /** Absent when the cell is blank or not a number. */
  value?: Money;
  /** The stage is stated as a percentage of the budget (20%, or a header saying （%）). */
  percent: boolean;
  cell: string;
  raw: CellValue;
}

export type GoalPeriod = "实施期" | "年度";

export interface GoalIndicator {
  level1: string;
  level2: string;
  level3: string;
  /** Hebei 绩效指标描述. */
  description?: string;
  /** Hebei 指标值确定依据. */
  basis?: string;
  /** The 指标值 as published (numbers as their text). */
  value: string;
  /** Address of the 指标值 cell. */
  cell: string;
  /** Address of the 三级指标 cell (or of the row's first cell). */
  nameCell: string;
  /** 1-based sheet row. */
  row: number;
  /** Shanxi forms list the indicators twice: for the 实施期 and for the 年度. */
  period?: GoalPeriod;
}

/** A row the template prints but the department left empty (Shanxi 经济效益指标 …). */
export interface GoalEmptyIndicatorRow {
  level1: string;
  level2: string;
  cell: string;
  row: number;
  period?: GoalPeriod;
}

/** Shanxi 实施期资金总额 / 年度资金总额 with the sources listed under it. */
export interface GoalFunding {
  label: string;
  total: GoalAmount;
  sources: { label: string; amount: GoalAmount }[];
}

export interface PerformanceGoalForm {
  layout: GoalLayout;
  sheet: string;
  title: string;
  titleCell: string;
  unit: AmountUnit;
  projectCode?: string;
  projectName: string;
  projectNameCell?: string;
  /** Hebei 预算数; Shanxi 年度资金总额 (the year's amount, which the 项目支出表 carries). */
  budget: GoalAmount;
  /** Hebei 其中：财政资金. */
  fiscal?: GoalAmount;
  /** Hebei 其他资金. */
  other?: GoalAmount;
  /** Hebei 资金用途 text; Shanxi 项目概况. */
  purposeText?: GoalText;
  /** Hebei 绩效目标; Shanxi 总体目标 (实施期). */
  goalText?: GoalText;
  plan: GoalPlanStage[];
  implementationPeriod?: GoalFunding;
  annual?: GoalFunding;
  /** Shanxi 项目期 (1年) and 项目属性 (一次性项目(1年结束)). */
  projectTerm?: GoalText;
  projectAttribute?: GoalText;
  indicators: GoalIndicator[];
  emptyIndicatorRows: GoalEmptyIndicatorRow[];
  /** 1-based sheet rows the form covers. */
  rows: { top: number; bottom: number };
}

export interface GoalFormsResult {
  forms: PerformanceGoalForm[];
  /** Blocks that look like a 绩效目标表 but could not be read. */
  findings: Finding[];
}

export const GOAL_FORM_UNREADABLE = "goals.form-unreadable";

/** Label keys of the texts seen: every form's every cell is keyed, and forms repeat their labels. */
const labelKeys = new Map<string, string>();
const LABEL_KEY_CACHE_SIZE = 50_000;

/** A label cell's text for matching: no whitespace, no colons, no leading 其中. */
export function labelKey(value: CellValue): string {
  if (typeof value !== "string") return keyOfCompact(compactText(value));
  let key = labelKeys.get(value);
  if (key === undefined) {
    key = keyOfCompact(compactText(value));
    if (labelKeys.size >= LABEL_KEY_CACHE_SIZE) labelKeys.clear();
    labelKeys.set(value, key);
  }
  return key;
}

function keyOfCompact(compact: string): string {
  return compact.replace(/[:：]/g, "").replace(/^其中/, "");
}

/** A project name for matching between tables: no whitespace, brackets, quotes or punctuation. */
export function normalizeProjectName(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s\u00a0\u3000]/g, "")
    .replace(/[()（）【】[\]〔〕{}“”"'‘’《》<>〈〉、,，.。:：;；!！?？\-—_·]/g, "");
}

/** The plain text of a cell, trimmed; numbers as they print. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

const KNOWN_LABELS: readonly RegExp[] = [
  /^项目编码$/,
  /^项目名称$/,
  /^预算规模及资金用途$/,
  /^预算数$/,
  /^财政资金$/,
  /^其他资金$/,
  /^资金支出计划/,
  /^绩效目标$/,
  /^主管部门/,
  /^实施单位$/,
  /^项目属性$/,
  /^项目期$/,
  /^项目资金(\((万元|元)\))?$/,
  /^实施期资金总额$/,
  /^年度资金总额$/,
  /^(中央|省级|市县\(区\)|市级|县级|区级|市县)财政资金$/,
  /^单位自筹$/,
  /^项目概况$/,
  /^立项依据$/,
  /^项目设立必要性$/,
  /^保证项目实施的制度、?措施$/,
  /^项目实施计划$/,
  /^实施期目标$/,
  /^年度目标$/,
  /^总体目标$/,
  /^绩效指标$/,
  /^[一二三]级指标$/,
  /^绩效指标描述$/,
  /^指标值$/,
  /^指标值确定依据$/,
];

function isKnownLabel(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const key = labelKey(value);
  return key !== "" && KNOWN_LABELS.some((re) => re.test(key));
}

/** Cell access on a block with its merges, in grid indexes. */
class FormGrid {
  readonly height: number;
  readonly width: number;
  private readonly merges: CellRange[];

  constructor(readonly grid: Grid) {
    this.height = grid.values.length;
    this.width = Math.max(0, ...grid.values.map((row) => (row ?? []).length));
    this.merges = grid.merges ?? [];
  }

  value(r: number, c: number): CellValue {
    return this.grid.values[r]?.[c];
  }

  address(r: number, c: number): string {
    return gridAddress(this.grid, r, c);
  }

  /** The last grid column a cell's merged area covers (the cell itself when not merged). */
  mergeRight(r: number, c: number): number {
    const row = this.grid.origin.row + r;
    const col = this.grid.origin.col + c;
    const merge = this.merges.find((m) => m.top === row && m.left === col);
    return merge ? merge.right - this.grid.origin.col : c;
  }

  /** Label keys of the block's text cells in reading order, made once: a form asks ~15 times. */
  private labels?: { r: number; c: number; key: string }[];

  /** The block's non-blank text cells with their label keys, in reading order. */
  private labelIndex(): { r: number; c: number; key: string }[] {
    if (!this.labels) {
      this.labels = [];
      for (let r = 0; r < this.height; r++) {
        for (let c = 0; c < this.width; c++) {
          const v = this.value(r, c);
          if (typeof v === "string" && v.trim() !== "")
            this.labels.push({ r, c, key: labelKey(v) });
        }
      }
    }
    return this.labels;
  }

  /** Grid cells whose label key passes `test`, in reading order. */
  find(test: (key: string) => boolean): { r: number; c: number }[] {
    return this.labelIndex()
      .filter((label) => test(label.key))
      .map(({ r, c }) => ({ r, c }));
  }

  /** Whether any cell's label key passes `test`. */
  some(test: (key: string) => boolean): boolean {
    return this.labelIndex().some((label) => test(label.key));
  }

  /**
   * The value cell to the right of a label: the first non-blank cell, unless another label comes
   * first (then the value is blank, in the cell just after the label's merged area).
   */
  valueRightOf(r: number, c: number, stopAt = this.width): { c: number; value: CellValue } {
    const first = this.mergeRight(r, c) + 1;
    for (let x = first; x < Math.min(stopAt, this.width); x++) {
      const v = this.value(r, x);
      if (isBlank(v)) continue;
      if (isKnownLabel(v)) break;
      return { c: x, value: v };
    }
    return { c: first, value: undefined };
  }

  amount(r: number, c: number): GoalAmount {
    const raw = this.value(r, c);
    const parsed = parseAmount(raw);
    return {
      value: parsed.kind === "amount" ? parsed.value : ZERO,
      cell: this.address(r, c),
      raw,
      state: parsed.kind,
      fromText: parsed.kind === "amount" && parsed.fromText,
    };
  }

  /** First non-blank cell of a row. */
  firstContent(r: number): number {
    for (let c = 0; c < this.width; c++) if (!isBlank(this.value(r, c))) return c;
    return -1;
  }

  rowIsBlank(r: number): boolean {
    return this.firstContent(r) < 0;
  }
}

const FORM_TITLE = /绩效目标表/;
const WHOLE_DEPARTMENT = /整体/;

function findTitle(g: FormGrid): { text: string; r: number; c: number } | undefined {
  for (let r = 0; r < g.height; r++) {
    const c = g.firstContent(r);
    if (c < 0) continue;
    return { text: cellText(g.value(r, c)), r, c };
  }
  return undefined;
}

function findUnit(g: FormGrid, layout: GoalLayout): AmountUnit {
  for (let r = 0; r < g.height; r++) {
    for (let c = 0; c < g.width; c++) {
      const text = compactText(g.value(r, c));
      if (text === "") continue;
      const stated =
        /^(?:金额)?单位[:：](万元|元)$/.exec(text) ??
        /^项目资金\((万元|元)\)$/.exec(text) ??
        /^预算数\((万元|元)\)$/.exec(text);
      if (stated) return stated[1] as AmountUnit;
    }
  }
  return layout === "fundingPeriods" ? "元" : "万元";
}

function textRightOf(
  g: FormGrid,
  label: { r: number; c: number } | undefined,
  stopAt?: number
): GoalText | undefined {
  if (!label) return undefined;
  const { c, value } = g.valueRightOf(label.r, label.c, stopAt);
  const text = cellText(value);
  return text === "" ? undefined : { text, cell: g.address(label.r, c) };
}

const MONTH_LABEL = /^(?:(\d{1,2})月(?:底|末)?|第?[一二三四1-4]季度(?:末)?|(?:上|下)半年)$/;

function readPlan(g: FormGrid): GoalPlanStage[] {
  const label = g.find((k) => k.startsWith("资金支出计划"))[0];
  if (!label) return [];
  const percentHeader = /%/.test(compactText(g.value(label.r, label.c)));
  // The stage labels sit on the label's row, or (in some templates) on the row below.
  for (const labelRow of [label.r, label.r + 1]) {
    const stages: { label: string; c: number }[] = [];
    for (let c = label.c + 1; c < g.width; c++) {
      const key = compactText(g.value(labelRow, c));
      if (MONTH_LABEL.test(key)) stages.push({ label: key, c });
    }
    if (stages.length === 0) continue;
    const valueRow = labelRow + 1;
    return stages.map(({ label: stage, c }) => {
      const raw = g.value(valueRow, c);
      const format = g.grid.numberFormats?.[valueRow]?.[c] ?? "";
      const text = cellText(raw);
      let value: Money | undefined;
      let percent = percentHeader;
      if (typeof raw === "number") {
        if (format.includes("%")) {
          value = new Money(raw).times(100);
          percent = true;
        } else {
          const parsed = parseAmount(raw);
          if (parsed.kind === "amount") value = parsed.value;
        }
      } else if (text !== "") {
        const pct = /^([0-9０-９.．]+)[%％]$/.exec(toHalfWidth(text).replace(/\s/g, ""));
        if (pct) {
          value = new Money(pct[1]);
          percent = true;
        } else {
          const parsed = parseAmount(raw);
          if (parsed.kind === "amount") value = parsed.value;
        }
      }
      return { label: stage, value, percent, cell: g.address(valueRow, c), raw };
    });
  }
  return [];
}

/** The indicator header: a row with 一级指标 and 指标值; columns for each period. */
function readIndicators(g: FormGrid): {
  indicators: GoalIndicator[];
  empty: GoalEmptyIndicatorRow[];
  headerRow: number;
} {
  const indicators: GoalIndicator[] = [];
  const empty: GoalEmptyIndicatorRow[] = [];
  // The first row with both captions (only text cells can hold them: the label index has them all).
  const level1Rows = new Set(g.find((k) => k === "一级指标").map(({ r }) => r));
  const headerRow = g.find((k) => k === "指标值").find(({ r }) => level1Rows.has(r))?.r ?? -1;
  if (headerRow < 0) return { indicators, empty, headerRow };
  const keys = Array.from({ length: g.width }, (_, c) => labelKey(g.value(headerRow, c)));
  const cols = (name: string) => keys.flatMap((k, c) => (k === name ? [c] : []));
  const level1Col = cols("一级指标")[0];
  const level2Cols = cols("二级指标");
  const level3Cols = cols("三级指标");
  const valueCols = cols("指标值");
  const descriptionCol = cols("绩效指标描述")[0];
  const basisCol = cols("指标值确定依据")[0];
  const groups = valueCols.map((valueCol, i) => ({
    level2: level2Cols[i],
    level3: level3Cols[i],
    value: valueCol,
    period: valueCols.length > 1 ? ((i === 0 ? "实施期" : "年度") as GoalPeriod) : undefined,
  }));
  let level1 = "";
  const level2 = groups.map(() => "");
  for (let r = headerRow + 1; r < g.height; r++) {
    const first = g.firstContent(r);
    if (first < 0) continue;
    const firstText = compactText(g.value(r, first));
    if (/^(负责人|填报|经办人|注|联系电话)/.test(firstText)) break;
    if (labelKey(g.value(r, level1Col)) === "一级指标") break; // another form's header
    const l1 = cellText(g.value(r, level1Col));
    if (l1 !== "") level1 = l1;
    groups.forEach((group, i) => {
      const l2 = group.level2 !== undefined ? cellText(g.value(r, group.level2)) : "";
      const l3 = group.level3 !== undefined ? cellText(g.value(r, group.level3)) : "";
      const value = cellText(g.value(r, group.value));
      if (l2 !== "") level2[i] = l2;
      const rowNumber = g.grid.origin.row + r;
      if (l3 === "" && value === "") {
        if (l2 !== "") {
          empty.push({
            level1,
            level2: l2,
            cell: g.address(r, group.level2 ?? group.value),
            row: rowNumber,
            period: group.period,
          });
        }
        return;
      }
      const description = descriptionCol !== undefined ? cellText(g.value(r, descriptionCol)) : "";
      const basis = basisCol !== undefined ? cellText(g.value(r, basisCol)) : "";
      indicators.push({
        level1,
        level2: level2[i],
        level3: l3,
        ...(description !== "" ? { description } : {}),
        ...(basis !== "" ? { basis } : {}),
        value,
        cell: g.address(r, group.value),
        nameCell: g.address(r, group.level3 ?? group.value),
        row: rowNumber,
        ...(group.period ? { period: group.period } : {}),
      });
    });
  }
  return { indicators, empty, headerRow };
}

/** Shanxi: 实施期资金总额 / 年度资金总额 and the source rows below each. */
function readFunding(
  g: FormGrid,
  labelName: string,
  nextLabelColumn?: number
): GoalFunding | undefined {
  const label = g.find((k) => k === labelName)[0];
  if (!label) return undefined;
  const { c: valueCol } = g.valueRightOf(label.r, label.c, nextLabelColumn);
  const total = g.amount(label.r, valueCol);
  const sources: GoalFunding["sources"] = [];
  for (let r = label.r + 1; r < g.height; r++) {
    const raw = g.value(r, label.c);
    const key = labelKey(raw);
    if (key === "" || key.length > 12 || !/(资金|自筹|收入)$/.test(key)) break;
    const right = g.valueRightOf(r, label.c, nextLabelColumn);
    sources.push({ label: key, amount: g.amount(r, right.c) });
  }
  return { label: labelName, total, sources };
}

export type ReadGoalFormResult =
  | { kind: "form"; form: PerformanceGoalForm }
  /** A block with no form content (the sheet's heading, a 部门整体 target): nothing to read. */
  | { kind: "none" }
  | { kind: "unreadable"; finding: Finding };

/** Reads one block of `model.forms`. */
export function readGoalForm(grid: Grid): ReadGoalFormResult {
  const g = new FormGrid(grid);
  const title = findTitle(g);
  if (!title) return { kind: "none" };
  const has = (test: (k: string) => boolean) => g.some(test);
  const shanxi = has((k) => k === "实施期资金总额" || k === "年度资金总额");
  const hebei = has((k) => k === "预算数");
  const looksLikeForm =
    shanxi ||
    hebei ||
    has((k) => k === "项目名称" || k === "一级指标") ||
    (FORM_TITLE.test(title.text) && !WHOLE_DEPARTMENT.test(title.text));
  if (!looksLikeForm) return { kind: "none" };
  if (WHOLE_DEPARTMENT.test(title.text) && !has((k) => k === "项目名称")) return { kind: "none" };

  const layout: GoalLayout = shanxi ? "fundingPeriods" : "budgetPlan";
  const titleCell = g.address(title.r, title.c);
  const nameText = textRightOf(g, g.find((k) => k === "项目名称")[0]);
  const projectName =
    nameText?.text ??
    title.text
      .replace(/^\s*[\d一二三四五六七八九十]+\s*[、.．]\s*/, "")
      .replace(/(项目)?(支出)?绩效目标表$/, "")
      .trim();
  const unreadable = (what: string): ReadGoalFormResult => ({
    kind: "unreadable",
    finding: {
      ruleId: GOAL_FORM_UNREADABLE,
      severity: "warning",
      sheet: grid.sheet,
      cell: titleCell,
      message: `“${grid.sheet}”中从 ${titleCell} 开始的绩效目标表“${projectName || title.text}”${what}，未参与绩效目标表检查。`,
    },
  });

  let budget: GoalAmount | undefined;
  let fiscal: GoalAmount | undefined;
  let other: GoalAmount | undefined;
  let implementationPeriod: GoalFunding | undefined;
  let annual: GoalFunding | undefined;
  let purposeText: GoalText | undefined;
  let goalText: GoalText | undefined;

  if (layout === "fundingPeriods") {
    const annualLabel = g.find((k) => k === "年度资金总额")[0];
    const periodLabel = g.find((k) => k === "实施期资金总额")[0];
    const split =
      periodLabel && annualLabel && annualLabel.r === periodLabel.r && annualLabel.c > periodLabel.c
        ? annualLabel.c
        : undefined;
    implementationPeriod = readFunding(g, "实施期资金总额", split);
    annual = readFunding(g, "年度资金总额");
    budget = (annual ?? implementationPeriod)?.total;
    purposeText = textRightOf(g, g.find((k) => k === "项目概况")[0]);
    goalText = textRightOf(g, g.find((k) => k === "总体目标")[0]);
  } else {
    const budgetLabel = g.find((k) => k === "预算数")[0];
    if (budgetLabel) {
      const right = g.valueRightOf(budgetLabel.r, budgetLabel.c);
      budget = g.amount(budgetLabel.r, right.c);
      const fiscalLabel = g.find((k) => k === "财政资金").find((p) => p.r === budgetLabel.r);
      if (fiscalLabel)
        fiscal = g.amount(fiscalLabel.r, g.valueRightOf(fiscalLabel.r, fiscalLabel.c).c);
      const otherLabel = g.find((k) => k === "其他资金").find((p) => p.r === budgetLabel.r);
      if (otherLabel) other = g.amount(otherLabel.r, g.valueRightOf(otherLabel.r, otherLabel.c).c);
      // The 资金用途 text: the row under the amounts, in the 预算规模及资金用途 section.
      const r = budgetLabel.r + 1;
      for (let c = 0; c < g.width && r < g.height; c++) {
        const v = g.value(r, c);
        if (typeof v === "string" && v.trim().length >= 4 && !isKnownLabel(v)) {
          purposeText = { text: v.trim(), cell: g.address(r, c) };
          break;
        }
      }
    }
    goalText = textRightOf(g, g.find((k) => k === "绩效目标")[0]);
  }

  if (!budget)
    return unreadable(
      layout === "fundingPeriods" ? "中没有找到“年度资金总额”" : "中没有找到“预算数”"
    );
  if (budget.state === "invalid")
    return unreadable(`的预算数单元格 ${budget.cell}（“${cellText(budget.raw)}”）不是数字`);

  const { indicators, empty } = readIndicators(g);
  const codeText = textRightOf(g, g.find((k) => k === "项目编码")[0]);
  const form: PerformanceGoalForm = {
    layout,
    sheet: grid.sheet,
    title: title.text,
    titleCell,
    unit: findUnit(g, layout),
    ...(codeText ? { projectCode: codeText.text } : {}),
    projectName,
    ...(nameText ? { projectNameCell: nameText.cell } : {}),
    budget,
    ...(fiscal ? { fiscal } : {}),
    ...(other ? { other } : {}),
    ...(purposeText ? { purposeText } : {}),
    ...(goalText ? { goalText } : {}),
    plan: readPlan(g),
    ...(implementationPeriod ? { implementationPeriod } : {}),
    ...(annual ? { annual } : {}),
    ...(() => {
      const term = textRightOf(g, g.find((k) => k === "项目期")[0]);
      const attribute = textRightOf(g, g.find((k) => k === "项目属性")[0]);
      return {
        ...(term ? { projectTerm: term } : {}),
        ...(attribute ? { projectAttribute: attribute } : {}),
      };
    })(),
    indicators,
    emptyIndicatorRows: empty,
    rows: { top: grid.origin.row, bottom: grid.origin.row + grid.values.length - 1 },
  };
  return { kind: "form", form };
}

const cache = new WeakMap<WorkbookModel, GoalFormsResult>();

/** Every 项目绩效目标表 of a workbook, read once per model (the model is never changed). */
export function readGoalForms(model: WorkbookModel): GoalFormsResult {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: GoalFormsResult = { forms: [], findings: [] };
  for (const block of model.forms) {
    if (block.kind !== "绩效目标表") continue;
    const read = readGoalForm(block.grid);
    if (read.kind === "form") result.forms.push(read.form);
    else if (read.kind === "unreadable") result.findings.push(read.finding);
  }
  cache.set(model, result);
  return result;
}

/** The name a message uses for a form. */
export function formTitle(form: PerformanceGoalForm): string {
  return form.projectName || form.title;
}

// ---------------------------------------------------------------------------------------------
// 指标值

export type Comparator = "≥" | "≤" | ">" | "<" | "=";

export type IndicatorValue =
  | { kind: "empty" }
  /** ≥76个, ≤300元, 100%, =1次, 达95%以上, 每人每年60元, 11名选派干部. */
  | {
      kind: "quantity";
      comparator: Comparator;
      number: Money;
      unit: string;
      prefix: string;
      parts?: number;
    }
  /** 12月底, 2024年10月底前完成. */
  | { kind: "date"; text: string }
  /** 好, 显著提升, 按时完成, 全年 … */
  | { kind: "qualitative"; text: string }
  | { kind: "unrecognized"; text: string };

const PREFIX_COMPARATORS: readonly [RegExp, Comparator][] = [
  [/(≥|≧|>=|不低于|不少于|不小于|大于等于|大于或等于|至少|达到|达)$/, "≥"],
  [/(≤|≦|<=|不高于|不超过|不大于|小于等于|小于或等于|控制在|最多)$/, "≤"],
  [/(>|大于|高于|超过|多于)$/, ">"],
  [/(<|小于|低于|少于)$/, "<"],
  [/(=|＝|等于|约为|约|为)$/, "="],
];

const QUANTITY =
  /^(\D{0,10}?)(\d+(?:,\d{3})*(?:\.\d+)?)([^\d,，。；;、]{0,8}?)(及以上|及以下|以上|以下|以内|之内)?$/;
const DATE =
  /^(\d{4}年)?(\d{1,2}月(\d{1,2}日)?(底|末|初|中旬|上旬|下旬|份)?|年底|年末|年内|年中)(前|之前|以前)?(完成|前完成|全部完成|拨付|发放)?$/;
const QUALITATIVE_WORDS =
  /(好|良|优|合格|达标|提升|提高|改善|显著|明显|有效|逐步|持续|稳定|加强|增强|规范|及时|按时|按期|如期|准时|完成|全年|年底|年内|全覆盖|覆盖|满意|正常|到位|保障|安全|准确|降低|减少|增加|增长|符合|要求|健全|完善|发放|拨付|支付|是|否|无)/;
const MAX_QUALITATIVE_LENGTH = 12;

function parseQuantity(text: string): IndicatorValue | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, rawPrefix, digits, unit, suffix] = match;
  let prefix = rawPrefix;
  let comparator: Comparator = "=";
  for (const [re, cmp] of PREFIX_COMPARATORS) {
    if (re.test(prefix)) {
      comparator = cmp;
      prefix = prefix.replace(re, "");
      break;
    }
  }
  if (suffix) comparator = /以上/.test(suffix) ? (comparator === ">" ? ">" : "≥") : "≤";
  // A prefix is a subject (每人每年, 中央补助), never a sentence.
  if (prefix.length > 8) return undefined;
  return {
    kind: "quantity",
    comparator,
    number: new Money(digits.replace(/,/g, "")),
    unit,
    prefix,
  };
}

/** Parses an 指标值 into comparator + number + unit, a date, or a recognizable qualitative value. */
export function parseIndicatorValue(value: string): IndicatorValue {
  const text = toHalfWidth(value)
    .replace(/[\s\u00a0\u3000]/g, "")
    .replace(/[％]/g, "%");
  if (text === "") return { kind: "empty" };
  if (DATE.test(text)) return { kind: "date", text };
  const quantity = parseQuantity(text);
  if (quantity) return quantity;
  // 10个乡镇、3个中心: every part a quantity.
  const parts = text.split(/[、,，;；和及]/).filter((p) => p !== "");
  if (parts.length > 1 && parts.every((p) => parseQuantity(p))) {
    const first = parseQuantity(parts[0]) as Extract<IndicatorValue, { kind: "quantity" }>;
    return { ...first, parts: parts.length };
  }
  if (text.length <= MAX_QUALITATIVE_LENGTH && QUALITATIVE_WORDS.test(text))
    return { kind: "qualitative", text };
  return { kind: "unrecognized", text: value.trim() };
}

const COUNT_UNITS =
  /^(人次|人|名|个|户|村|家|所|次|场|期|台|套|件|项|篇|批|支|座|处|间|位|辆|本|份|册|块|部|条|张|幅|门|队|班|组|站|点|社区|乡镇)/;

/** A count (8人, ≥209个, 11名选派干部): the unit names what is counted. */
export function isCountValue(
  v: IndicatorValue
): v is Extract<IndicatorValue, { kind: "quantity" }> {
  return (
    v.kind === "quantity" && COUNT_UNITS.test(v.unit) && !/^个月/.test(v.unit) && !/元/.test(v.unit)
  );
}

/** An amount of money (≤2.2万元, 500元, 每人每年60元), in the unit it is stated in. */
export function moneyOfValue(
  v: IndicatorValue
): { amount: Money; unit: AmountUnit; per?: string } | undefined {
  if (v.kind !== "quantity") return undefined;
  const unit = /^万元?/.test(v.unit) ? "万元" : /^元/.test(v.unit) ? "元" : undefined;
  if (!unit) return undefined;
  const per = /\/(.+)$/.exec(v.unit)?.[1];
  return { amount: v.number, unit, ...(per ? { per } : {}) };
}
