/**
 * Writes the 情况说明 from a department's budget figures, in the style and section order of the
 * province's published disclosures. The province's data (templates/province.ts, `NarrativeStyle`)
 * says which sections come in which order, what each holds, how the sentences name the department
 * and which glossary closes it — Hebei (seed 000: 一、部门职责 … 九、名词解释 十、其他), Shanxi (seed 004:
 * 第一部分 概况, 第三部分 一 … 十二, 第四部分 名词解释), …; this file only writes the paragraphs.
 *
 * Every number is a figure run read from the figures the derived tables print (lines rounded once,
 * with controlled rounding — see format/ledgerTables.ts), so the text and the tables agree to the cent
 * and every stated total is the sum of its stated parts. Shares are allocated by largest remainder
 * and add up to exactly 100.00%. What the figures cannot tell — 部门职责, the reasons for a change,
 * last year's figures when not given, 政府采购 and 国有资产 when not given — is a placeholder
 * 【请填写：…】, never an invented number.
 */
import { aggregateFigures } from "../figures/aggregate";
import type { BudgetFigures, ClassifiedFigures, ProjectFigures } from "../figures/figures";
import type { LedgerDepartment } from "../ledger/readLedger";
import { HEBEI_SUMMARY_CLASSES, chineseNumber } from "../templates";
import { narrativeStyleOf } from "../templates/narratives";
import { DEFAULT_TEMPLATE, provinceOf } from "../templates/registry";
import type { NarrativeBlock, NarrativeFigureBlock, NarrativeStyle } from "../templates/province";
import { Money, ZERO, roundMoney, sumMoney } from "../money";
import { allocateLargestRemainder } from "../rounding";
import type { TemplateId } from "../model";
import { fundedProjects, listedProjects, printedFigures } from "./check";
import { beyondThreshold, compareYears } from "../previous/compare";
import { changeReasonThreshold } from "../templates/settings";
import { threePublicItemChangeRuns, yearChangeRuns } from "./changes";
import { subjectLabel } from "./extract";
import { glossaryLines } from "./glossary";
import type {
  FigureUnit,
  LastYearFigures,
  Narrative,
  NarrativeParagraph,
  NarrativeRun,
  NarrativeSection,
} from "./types";

export interface ProcurementFigures {
  /** 政府采购预算总额; the sum of the parts when absent. */
  total?: Money;
  goods?: Money;
  works?: Money;
  services?: Money;
}

export interface AssetFigures {
  /** 上年末固定资产金额 (资产总额, 万元). */
  total?: Money;
  /** “2023年12月31日”: the date the figure is taken at. */
  asOf?: string;
  /** 本年度拟购置固定资产总额. */
  purchase?: Money;
}

export interface GenerateOptions {
  /** Layout and wording; defaults to the department's template, else Hebei. */
  template?: TemplateId;
  lastYear?: LastYearFigures;
  procurement?: ProcurementFigures;
  assets?: AssetFigures;
  /** 部门职责, one paragraph each, where the department has them typed already. */
  duties?: string[];
  /**
   * The number of the published 项目绩效目标 table (“表11”), when the disclosure has one: the text
   * refers to it. Without it no sentence points at goal forms that are not there.
   */
  goalsTable?: string;
}

type Department = Pick<LedgerDepartment, "name"> & Partial<LedgerDepartment>;

// ---------------------------------------------------------------------------------------------
// Building runs

const text = (t: string): NarrativeRun => ({ kind: "text", text: t });
const ask = (prompt: string): NarrativeRun => ({ kind: "placeholder", prompt });
const fig = (value: Money, source: string, unit: FigureUnit = "万元"): NarrativeRun => ({
  kind: "figure",
  value,
  unit,
  source,
});
/** A paragraph from strings (text) and runs. */
const para = (...parts: (string | NarrativeRun)[]): NarrativeParagraph => ({
  runs: parts.map((p) => (typeof p === "string" ? text(p) : p)),
});
const sub = (title: string): NarrativeParagraph => ({ runs: [text(title)], heading: true });
const section = (
  id: string,
  heading: string,
  paragraphs: NarrativeParagraph[]
): NarrativeSection => ({
  id,
  heading,
  paragraphs,
});

/** Percentages of `total` that add up to exactly 100.00 (largest remainder), or undefined for 0. */
export function sharesOf(values: readonly Money[], total: Money): Money[] | undefined {
  if (total.isZero() || values.length === 0) return undefined;
  const exact = values.map((v) => v.dividedBy(total).times(100));
  const target = roundMoney(sumMoney(exact), 2);
  return allocateLargestRemainder(exact, target, 2);
}

/** “，占77.79%” after an amount, when shares are known. */
function shareRuns(
  shares: Money[] | undefined,
  i: number,
  source: string
): (string | NarrativeRun)[] {
  return shares ? ["，占", fig(shares[i], `${source}占比`, "%")] : [];
}

/** An amount in 万元 (the figure prints its unit). */
function amount(value: Money, source: string): NarrativeRun {
  return fig(value, source);
}

// ---------------------------------------------------------------------------------------------

interface Context {
  f: BudgetFigures;
  dept: Department;
  /** The province whose tables the text describes. */
  template: TemplateId;
  /** How that province writes (its data). */
  style: NarrativeStyle;
  year: string;
  lastYearText: string;
  options: GenerateOptions;
  grand: ClassifiedFigures;
}

const className = (node: ClassifiedFigures): string =>
  HEBEI_SUMMARY_CLASSES.find(([code]) => code === node.code)?.[1] ?? node.name;

function classes(c: Context): ClassifiedFigures[] {
  return c.f.byFunction.filter((n) => n.level === 1);
}

function lastTotal(last: LastYearFigures | undefined): Money | undefined {
  if (!last) return undefined;
  return (
    last.expenditureTotal ??
    last.budgetTotal ??
    last.incomeTotal ??
    (last.basic && last.project ? last.basic.plus(last.project) : undefined)
  );
}

/** Income by source + carry-over, each with its share of 收入总计. */
function incomeParts(c: Context): { label: string; value: Money; source: string }[] {
  const i = c.f.income;
  const labels = c.style.incomeLabels;
  return [
    {
      label: labels["一般公共预算"],
      value: i.currentBySource["一般公共预算"],
      source: "一般公共预算拨款收入",
    },
    {
      label: labels["政府性基金"],
      value: i.currentBySource["政府性基金"],
      source: "政府性基金预算拨款收入",
    },
    {
      label: labels["国有资本经营"],
      value: i.currentBySource["国有资本经营"],
      source: "国有资本经营预算拨款收入",
    },
    {
      label: labels["财政专户"],
      value: i.currentBySource["财政专户"],
      source: "财政专户管理资金收入",
    },
    {
      label: labels["单位资金"],
      value: i.unitFundsCurrent,
      source: "单位资金收入",
    },
    { label: labels["上年结转"], value: i.carryover, source: "上年结转" },
  ];
}

function incomeParagraph(c: Context): NarrativeParagraph {
  const parts = incomeParts(c);
  const shares = sharesOf(
    parts.map((p) => p.value),
    c.f.income.total
  );
  const runs: (string | NarrativeRun)[] =
    c.style.voice === "named"
      ? [`${c.year}度${c.dept.name}预算收入`, amount(c.f.income.total, "收入总计"), "，主要包括"]
      : [
          "反映本部门当年全部收入。",
          `${c.year}预算收入`,
          amount(c.f.income.total, "收入总计"),
          "，其中：",
        ];
  parts.forEach((p, i) => {
    runs.push(p.label, amount(p.value, p.source), ...shareRuns(shares, i, p.source));
    runs.push(i === parts.length - 1 ? "。" : "；");
  });
  return para(...runs);
}

function expenditureParagraphs(c: Context): NarrativeParagraph[] {
  const e = c.f.expenditure;
  const general = c.grand.bySource["一般公共预算"];
  const shares = sharesOf([e.basic, e.project], e.total);
  const detail = c.style.expenditureDetail;
  // 人员经费 and 公用经费 as 基本支出表 prints them: the 一般公共预算 part of 基本支出.
  const split: (string | NarrativeRun)[] = [
    "，包括人员经费",
    amount(general.personnel, "人员经费"),
    "和公用经费",
    amount(general.publicUse, "公用经费"),
  ];
  const basicParts: (string | NarrativeRun)[] = !detail
    ? []
    : e.basic.equals(general.basic)
      ? split
      : ["，其中一般公共预算安排基本支出", amount(general.basic, "一般公共预算基本支出"), ...split];
  const main = para(
    c.style.voice === "named" ? `${c.year}度${c.dept.name}支出预算` : `${c.year}支出预算`,
    amount(e.total, "支出总计"),
    "，其中：基本支出",
    amount(e.basic, "基本支出"),
    ...shareRuns(shares, 0, "基本支出"),
    ...basicParts,
    "；项目支出",
    amount(e.project, "项目支出"),
    ...shareRuns(shares, 1, "项目支出"),
    "。"
  );
  const projects = fundedProjects(c.f);
  if (!detail || projects.length === 0) return [main];
  const apart = projectDistinctions(projects);
  const list: (string | NarrativeRun)[] = ["项目支出主要用于："];
  projects.forEach((p, i) => {
    const which = apart[i] ? `${apart[i]}，` : "";
    list.push(
      `${i > 0 ? "、" : ""}${p.name}（${which}`,
      amount(p.amounts.total, `项目“${p.name}”${apart[i] ?? ""}`),
      "）"
    );
  });
  list.push("。");
  return [main, para(...list)];
}

/** A code the budget system gave (not the “name#2” the table reader makes for a repeated name). */
function realCode(project: ProjectFigures): string | undefined {
  return project.code !== undefined && !project.code.includes("#") ? project.code : undefined;
}

/**
 * What tells apart projects that share a name, for a list that prints each project once: their
 * 项目编码 when every one of them has one, else 之一, 之二 … in list order; undefined for a name of
 * its own.
 */
export function projectDistinctions(projects: readonly ProjectFigures[]): (string | undefined)[] {
  const byName = new Map<string, ProjectFigures[]>();
  for (const p of projects) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  return projects.map((p) => {
    const namesakes = byName.get(p.name)!;
    if (namesakes.length === 1) return undefined;
    if (namesakes.every((q) => realCode(q) !== undefined)) return `项目编码${realCode(p)}`;
    return `之${chineseNumber(namesakes.indexOf(p) + 1)}`;
  });
}

/** 比上年增减 of the whole budget, with its 基本支出 and 项目支出 parts when last year is known. */
function budgetChangeParagraph(c: Context): NarrativeParagraph {
  const last = c.options.lastYear;
  const e = c.f.expenditure;
  const total = lastTotal(last);
  const runs: (string | NarrativeRun)[] = [`${c.year}预算收支安排`, amount(e.total, "收支总计")];
  if (!total) {
    runs.push("，", ask("与上年预算相比的增减金额、增减幅度及主要原因"), "。");
    return para(...runs);
  }
  runs.push(`，较${c.lastYearText}预算`, ...yearChangeRuns(e.total, total, "收支总计"));
  if (last?.basic && last.project) {
    runs.push(
      "，其中：基本支出",
      ...yearChangeRuns(e.basic, last.basic, "基本支出"),
      "，主要原因是",
      ask("基本支出增减的主要原因"),
      "；项目支出",
      ...yearChangeRuns(e.project, last.project, "项目支出"),
      "，主要原因是",
      ask("项目支出增减的主要原因"),
      "。"
    );
  } else runs.push("，主要原因是", ask("增减变化的主要原因"), "。");
  return withClassChanges(para(...runs), c);
}

/**
 * 比上年增减 of each 支出功能分类 类 (支出总表's 合计), every 类 of either year — one that is gone
 * this year is stated at 0.00, so that the 类 changes add up to the total change. A change beyond
 * the province's threshold asks for its reason, which check warns about until it is written (as
 * previous.reason warns about a missing one); smaller changes state the figures only. Appended to
 * the paragraph of the total change, so that the checker holds the 类 against that total (its
 * sums stay within a paragraph).
 */
function withClassChanges(paragraph: NarrativeParagraph, c: Context): NarrativeParagraph {
  const runs = classChangeRuns(c);
  if (runs.length === 0) return paragraph;
  return { ...paragraph, runs: [...paragraph.runs, ...para(...runs).runs] };
}

function classChangeRuns(c: Context): (string | NarrativeRun)[] {
  const last = c.options.lastYear;
  if (!last) return [];
  const lastByCode = new Map<string, Money>();
  for (const [key, value] of Object.entries(last))
    if (key.startsWith("class:") && value instanceof Money) lastByCode.set(key.slice(6), value);
  if (lastByCode.size === 0) return [];
  const currentByCode = new Map(
    classes(c)
      .filter((n) => !n.all.total.isZero())
      .map((n) => [n.code, n])
  );
  const codes = [...new Set([...currentByCode.keys(), ...lastByCode.keys()])].sort();
  const threshold = changeReasonThreshold(c.template);
  const runs: (string | NarrativeRun)[] = ["按支出功能分类："];
  codes.forEach((code, i) => {
    const node = currentByCode.get(code);
    const name = node ? className(node) : subjectLabel(`class:${code}`);
    const current = node?.all.total ?? ZERO;
    runs.push(
      name,
      amount(current, `${name}合计`),
      "，比上年",
      ...yearChangeRuns(current, lastByCode.get(code), name)
    );
    if (beyondThreshold(compareYears(current, lastByCode.get(code)), threshold))
      runs.push("，主要原因是", ask(`${name}增减的主要原因`));
    runs.push(i === codes.length - 1 ? "。" : "；");
  });
  return runs;
}

function operatingParagraph(c: Context): NarrativeParagraph {
  const value = c.f.agencyOperating;
  const nature = c.f.unitNature ?? c.dept.unitNature;
  if (value === undefined) {
    if (nature === "事业")
      return para("本部门为事业单位，不单独编列机关运行经费，公用经费情况见基本支出说明。");
    return para(
      ask("机关运行经费（行政单位和参照公务员法管理的事业单位为一般公共预算基本支出中的公用经费）")
    );
  }
  const last = c.options.lastYear?.agencyOperating;
  if (c.style.voice === "named") {
    const runs: (string | NarrativeRun)[] = [
      `${c.dept.name}${c.year}机关运行经费财政拨款预算为`,
      amount(value, "机关运行经费"),
    ];
    if (last) {
      runs.push(
        `，比${c.lastYearText}预算`,
        ...yearChangeRuns(value, last, "机关运行经费"),
        "，主要原因是",
        ask("机关运行经费增减的主要原因"),
        "。"
      );
    } else runs.push("，", ask("与上年相比的增减情况及主要原因"), "。");
    return para(...runs);
  }
  const runs: (string | NarrativeRun)[] = [
    `${c.year}，我部门机关运行经费共计安排`,
    amount(value, "机关运行经费"),
    "，主要用于",
    ask("机关运行经费的主要用途，如办公、水电、取暖、物业管理等"),
    "。",
  ];
  if (last) {
    runs.push(
      `与${c.lastYearText}相比`,
      ...yearChangeRuns(value, last, "机关运行经费"),
      "，主要原因是",
      ask("机关运行经费增减的主要原因"),
      "。"
    );
  }
  return para(...runs);
}

function threePublicParagraph(c: Context): NarrativeParagraph {
  const t = c.f.threePublic;
  const last = c.options.lastYear?.threePublic;
  if (c.style.statesNoThreePublic && t.total.total.isZero() && (!last || last.isZero()))
    return para("本部门无“三公”经费预算。");
  const runs: (string | NarrativeRun)[] = [
    `${c.year}，我部门财政拨款“三公”经费预算安排`,
    amount(t.total.total, "“三公”经费"),
    "，其中：因公出国（境）费",
    amount(t.abroad.total, "因公出国（境）费"),
    "；公务用车购置及运维费",
    amount(t.vehicle.total, "公务用车购置及运维费"),
    "（其中：公务用车购置费",
    amount(t.vehiclePurchase.total, "公务用车购置费"),
    "，公务用车运维费",
    amount(t.vehicleOperation.total, "公务用车运行维护费"),
    "）；公务接待费",
    amount(t.reception.total, "公务接待费"),
    "。",
  ];
  if (last) {
    runs.push(
      `与${c.lastYearText}相比`,
      ...yearChangeRuns(t.total.total, last, "“三公”经费"),
      ...threePublicItemChangeRuns(t, c.options.lastYear ?? {}),
      "，增减变化的主要原因是",
      ask("“三公”经费增减变化的主要原因"),
      "。"
    );
  } else runs.push(ask("与上年相比“三公”经费的增减情况及主要原因"), "。");
  return para(...runs);
}

function procurementParagraph(c: Context): NarrativeParagraph {
  const p = c.options.procurement;
  const lead = c.style.voice === "named" ? `${c.year}${c.dept.name}` : `${c.year}，我部门`;
  if (!p || (p.total === undefined && !p.goods && !p.works && !p.services))
    return para(ask("政府采购预算总额及货物、工程、服务类预算（无政府采购预算的，请说明）"));
  const parts = [p.goods, p.works, p.services];
  const total = p.total ?? sumMoney(parts.map((x) => x ?? ZERO));
  const runs: (string | NarrativeRun)[] = [
    `${lead}政府采购预算总额`,
    amount(total, "政府采购预算"),
  ];
  if (parts.every((x) => x !== undefined)) {
    runs.push(
      "。其中：政府采购货物预算",
      amount(p.goods!, "政府采购货物预算"),
      "、政府采购工程预算",
      amount(p.works!, "政府采购工程预算"),
      "、政府采购服务预算",
      amount(p.services!, "政府采购服务预算"),
      "。"
    );
  } else runs.push("。其中：", ask("政府采购货物、工程、服务预算"), "。");
  return para(...runs);
}

function assetsParagraphs(c: Context): NarrativeParagraph[] {
  const a = c.options.assets;
  if (!a || a.total === undefined)
    return [para(ask("国有资产占有使用情况：上年末固定资产金额、车辆、办公用房及大型设备等"))];
  const runs: (string | NarrativeRun)[] =
    c.style.voice === "named"
      ? [`截至${a.asOf ?? "上年末"}，${c.dept.name}固定资产金额为`, amount(a.total, "固定资产")]
      : [`${c.dept.name}（含所属单位）上年末固定资产金额为`, amount(a.total, "固定资产")];
  runs.push("。");
  if (a.purchase !== undefined)
    runs.push("本年度拟购置固定资产总额为", amount(a.purchase, "拟购置固定资产"), "。");
  return [para(...runs)];
}

/** 纳入绩效目标管理的项目N个，涉及项目支出X万元，占项目支出总额的Y%. */
function projectGoalsParagraph(c: Context): NarrativeParagraph {
  // Counted as the template's 项目支出表 lists them (Shanxi 表12: this year's money only).
  const projects = listedProjects(c.f, c.template);
  // … and the share is of the project money that table totals: this year's in Shanxi.
  const total =
    provinceOf(c.template).projectTableMeasure === "current"
      ? sumMoney(
          c.f.lines.filter((l) => l.kind === "项目支出" && !l.carryover).map((l) => l.amount)
        )
      : c.f.expenditure.project;
  if (projects.length === 0) return para(`${c.year}，我部门无项目支出，未设置项目绩效目标。`);
  const covered = sumMoney(projects.map((p) => p.amount));
  const goals = c.options.goalsTable;
  const share = total.isZero() ? undefined : roundMoney(covered.dividedBy(total).times(100), 2);
  const count = fig(new Money(projects.length), "项目个数", "个");
  if (c.style.voice === "named") {
    return para(
      `${c.year}${c.dept.name}纳入绩效目标管理的二级项目`,
      count,
      "，共计金额",
      amount(covered, "纳入绩效目标管理的项目金额"),
      "。公开项目绩效目标",
      fig(new Money(projects.length), "公开项目绩效目标个数", "个"),
      "，涉及项目金额",
      amount(covered, "公开项目绩效目标金额"),
      ...(share ? ["，占部门（单位）项目支出总额的", fig(share, "项目绩效目标覆盖率", "%")] : []),
      goals ? `。（项目绩效目标见${goals}）` : "。"
    );
  }
  return para(
    `${c.year}，我部门纳入绩效目标管理的项目`,
    count,
    "，涉及项目支出",
    amount(covered, "纳入绩效目标管理的项目金额"),
    ...(share ? ["，占项目支出总额的", fig(share, "项目绩效目标覆盖率", "%")] : []),
    goals ? `。各项目绩效目标详见${goals}。` : "。"
  );
}

function dutiesParagraphs(c: Context): NarrativeParagraph[] {
  const duties = c.options.duties;
  if (duties && duties.length > 0) return duties.map((d) => para(d));
  return [para(ask("部门职责（按“三定”规定逐项填写）"))];
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The paragraphs a province's sections are made of (templates/province.ts, NarrativeFigureBlock).

/** “2024年度某部门”: how the department-naming paragraphs open. */
const namedLead = (c: Context) => `${c.year}度${c.dept.name}`;

/** 收入总计 and 支出总计, each with its 比上年 change when last year is known. */
function totalsChangeParagraph(c: Context): NarrativeParagraph {
  const f = c.f;
  const last = c.options.lastYear;
  const totalsRuns: (string | NarrativeRun)[] = [
    `${namedLead(c)}预算收入总计`,
    amount(f.income.total, "收入总计"),
    "，其中：本年收入",
    amount(f.income.current, "本年收入"),
    "，上年结转",
    amount(f.income.carryover, "上年结转"),
  ];
  const lastIncome = last?.incomeTotal ?? lastTotal(last);
  if (lastIncome) {
    totalsRuns.push("，比上年", ...yearChangeRuns(f.income.total, lastIncome, "收入总计"));
  }
  totalsRuns.push(
    "；本年部门预算支出总计",
    amount(f.expenditure.total, "支出总计"),
    "，其中：本年预算安排"
  );
  totalsRuns.push(
    amount(f.income.current, "本年预算安排"),
    "，上年结转",
    amount(f.income.carryover, "上年结转")
  );
  const lastSpending = lastTotal(last);
  if (lastSpending) {
    totalsRuns.push("，比上年", ...yearChangeRuns(f.expenditure.total, lastSpending, "支出总计"));
    totalsRuns.push("，主要原因是", ask("收支增减变化的主要原因"), "。");
  } else totalsRuns.push("。", ask("与上年相比的增减金额、增减幅度及主要原因"));
  return withClassChanges(para(...totalsRuns), c);
}

/** 财政拨款收支总预算 by source, this year's and carried over, then by 类. */
function fiscalSummaryParagraph(c: Context): NarrativeParagraph {
  const f = c.f;
  const general = c.grand.bySource["一般公共预算"];
  const fiscalTotal = f.income.fiscalCurrent.plus(f.income.fiscalCarryover);
  const fiscalClasses = classes(c).filter((n) => !n.fiscal.total.isZero());
  const classRuns: (string | NarrativeRun)[] = ["支出包括："];
  fiscalClasses.forEach((n, i) =>
    classRuns.push(
      `${i > 0 ? "、" : ""}${className(n)}`,
      amount(n.fiscal.total, `${className(n)}财政拨款支出`)
    )
  );
  classRuns.push("。");
  return para(
    `${namedLead(c)}财政拨款收支总预算`,
    amount(fiscalTotal, "财政拨款收支总预算"),
    "。其中：一般公共预算拨款",
    amount(general.total, "一般公共预算拨款"),
    "，政府性基金预算拨款",
    amount(c.grand.bySource["政府性基金"].total, "政府性基金预算拨款"),
    "，国有资本经营预算拨款",
    amount(c.grand.bySource["国有资本经营"].total, "国有资本经营预算拨款"),
    "。其中：当年拨款收入",
    amount(f.income.fiscalCurrent, "财政拨款当年收入"),
    "，上年结转收入",
    amount(f.income.fiscalCarryover, "财政拨款上年结转"),
    "。",
    ...classRuns
  );
}

/** 一般公共预算当年支出 and its 比上年 change. */
function generalScaleParagraph(c: Context): NarrativeParagraph {
  const current = c.grand.bySource["一般公共预算"].current;
  const lastGeneral = c.options.lastYear?.generalExpenditure;
  const scaleRuns: (string | NarrativeRun)[] = [
    `${namedLead(c)}一般公共预算当年支出`,
    amount(current, "一般公共预算当年支出"),
  ];
  if (lastGeneral) {
    scaleRuns.push(
      "，比上年",
      ...yearChangeRuns(current, lastGeneral, "一般公共预算当年支出"),
      "，主要原因是",
      ask("一般公共预算当年支出增减的主要原因"),
      "。"
    );
  } else scaleRuns.push("，", ask("比上年增减金额、增减幅度及主要原因"), "。");
  return para(...scaleRuns);
}

/** 一般公共预算当年支出 by 类, with shares. */
function generalStructureParagraph(c: Context): NarrativeParagraph {
  const current = c.grand.bySource["一般公共预算"].current;
  const generalClasses = classes(c).filter((n) => !n.bySource["一般公共预算"].current.isZero());
  const classShares = sharesOf(
    generalClasses.map((n) => n.bySource["一般公共预算"].current),
    current
  );
  const structureRuns: (string | NarrativeRun)[] = [
    `${namedLead(c)}一般公共预算当年支出`,
    amount(current, "一般公共预算当年支出"),
    "，主要用于以下方面：",
  ];
  generalClasses.forEach((n, i) => {
    structureRuns.push(
      className(n),
      amount(n.bySource["一般公共预算"].current, `${className(n)}一般公共预算当年支出`),
      ...shareRuns(classShares, i, className(n)),
      i === generalClasses.length - 1 ? "。" : "；"
    );
  });
  return para(...structureRuns);
}

/** 一般公共预算基本支出 with 人员经费 and 公用经费 and the economic 款 they consist of. */
function basicDetailParagraphs(c: Context): NarrativeParagraph[] {
  // It describes 基本支出表 as Shanxi's 表6 prints it, 不含上年结转: this year's lines only, from
  // the same rounded lines as the tables, so the text and the table print the same figures.
  const currentFigures = aggregateFigures(
    c.f.lines.filter((line) => !line.carryover),
    { unitNature: c.f.unitNature }
  );
  const currentBasic = currentFigures.byFunction[0].bySource["一般公共预算"];

  // … with the economic 款 it consists of (names only).
  const economicNames = (key: "personnel" | "publicUse") =>
    currentFigures.byEconomic
      .filter((n) => n.level === 2 && !n.bySource["一般公共预算"][key].isZero())
      .map((n) => n.name)
      .filter((name) => name !== "");
  const personnelNames = economicNames("personnel");
  const publicNames = economicNames("publicUse");
  return [
    para(
      `${namedLead(c)}一般公共预算安排基本支出`,
      amount(currentBasic.basic, "一般公共预算基本支出"),
      "，其中："
    ),
    para(
      "人员经费",
      amount(currentBasic.personnel, "人员经费"),
      "，主要包括：",
      personnelNames.length > 0 ? personnelNames.join("、") : ask("人员经费的主要构成"),
      "；"
    ),
    para(
      "公用经费",
      amount(currentBasic.publicUse, "公用经费"),
      "，主要包括：",
      publicNames.length > 0 ? publicNames.join("、") : ask("公用经费的主要构成"),
      "。"
    ),
  ];
}

/** The money the 整体绩效目标 covers, then a placeholder for the goal itself. */
function overallPerformanceParagraph(c: Context): NarrativeParagraph {
  const f = c.f;
  return para(
    `${c.year}${c.dept.name}整体支出绩效目标，涉及部门预算资金`,
    amount(f.expenditure.total, "部门预算资金"),
    "，其中：基本支出",
    amount(f.expenditure.basic, "基本支出"),
    "，项目支出",
    amount(f.expenditure.project, "项目支出"),
    "。",
    ask("部门整体绩效目标")
  );
}

const FIGURE_BLOCKS: Readonly<Record<NarrativeFigureBlock, (c: Context) => NarrativeParagraph[]>> =
  {
    duties: dutiesParagraphs,
    income: (c) => [incomeParagraph(c)],
    expenditure: expenditureParagraphs,
    budgetChange: (c) => [budgetChangeParagraph(c)],
    totalsChange: (c) => [totalsChangeParagraph(c)],
    fiscalSummary: (c) => [fiscalSummaryParagraph(c)],
    generalScale: (c) => [generalScaleParagraph(c)],
    generalStructure: (c) => [generalStructureParagraph(c)],
    basicDetail: basicDetailParagraphs,
    operating: (c) => [operatingParagraph(c)],
    threePublic: (c) => [threePublicParagraph(c)],
    procurement: (c) => [procurementParagraph(c)],
    assets: assetsParagraphs,
    projectGoals: (c) => [projectGoalsParagraph(c)],
    overallPerformance: (c) => [overallPerformanceParagraph(c)],
    glossary: (c) => glossaryLines(c.template).map((line) => para(line)),
  };

/** `{department}` and `{year}` (“2024年”) of a text the province's data holds. */
function fillText(c: Context, template: string): string {
  // One pass, so that a name holding “{year}” stays as it is.
  return template.replace(/\{(department|year)\}/g, (_, key: string) =>
    key === "department" ? c.dept.name : c.year
  );
}

function blockParagraphs(c: Context, block: NarrativeBlock): NarrativeParagraph[] {
  if (typeof block === "string") return FIGURE_BLOCKS[block](c);
  if ("text" in block) return [para(fillText(c, block.text))];
  if ("sub" in block) return [sub(fillText(c, block.sub))];
  return [para(ask(block.ask))];
}

/** The province's sections, in its order, each filled with its blocks. */
function sections(c: Context): NarrativeSection[] {
  return c.style.sections.map((plan) =>
    section(
      plan.id,
      fillText(c, plan.heading),
      plan.blocks.flatMap((block) => blockParagraphs(c, block))
    )
  );
}

/**
 * The 情况说明 of a department's budget. `figures` are the exact aggregates of its ledger; the text
 * states them as the derived tables print them.
 */
export function generateNarrative(
  figures: BudgetFigures,
  department: Department,
  options: GenerateOptions = {}
): Narrative {
  const template = options.template ?? department.template ?? DEFAULT_TEMPLATE;
  const style = narrativeStyleOf(template);
  const f = printedFigures(figures);
  const year = department.year !== undefined ? `${department.year}年` : "本年";
  const lastYearText = department.year !== undefined ? `${department.year - 1}年` : "上年";
  const c: Context = {
    f,
    dept: department,
    template,
    style,
    year,
    lastYearText,
    options,
    grand: f.byFunction[0],
  };
  return { title: fillText(c, style.title), template: style.id, sections: sections(c) };
}
