/**
 * The 情况说明 as data: sections of paragraphs, each paragraph a sequence of runs. A run is plain
 * text, a figure taken from the budget (so a renderer can style it and a reader can trace it), or a
 * placeholder for what only a person can write (部门职责, the reasons for a change). The text form
 * (`narrativeToText`) is what the checker reads back: one line per heading and per paragraph.
 */
import { Money, formatMoney } from "../money";
import type { TemplateId } from "../model";

export type FigureUnit = "万元" | "%" | "个";

/** Plain text. */
export interface TextRun {
  kind: "text";
  text: string;
}

/** A number read from the budget figures, never typed by hand. */
export interface FigureRun {
  kind: "figure";
  value: Money;
  unit: FigureUnit;
  /** Which figure it is, in words: “基本支出”, “一般公共服务支出占比”, “项目个数”. */
  source: string;
}

/** Something only a person can write; stays a warning in `check` until replaced. */
export interface PlaceholderRun {
  kind: "placeholder";
  prompt: string;
}

export type NarrativeRun = TextRun | FigureRun | PlaceholderRun;

export interface NarrativeParagraph {
  runs: NarrativeRun[];
  /** A sub-heading inside a section (1、收入说明, （一）…), rendered bold by the hosts. */
  heading?: boolean;
}

export interface NarrativeSection {
  /** Stable id: "duties", "income", "expenditure", "change", "operating", "threePublic" … */
  id: string;
  /** “一、部门职责及机构设置情况”; empty for the untitled opening. */
  heading: string;
  paragraphs: NarrativeParagraph[];
}

export interface Narrative {
  title: string;
  /** The narrative style written (templates/province.ts): the Ministry's set writes Hebei's. */
  template: TemplateId;
  sections: NarrativeSection[];
}

/** The marker the checker looks for: 【请填写：…】. */
export const PLACEHOLDER_PATTERN = /【请填写[:：]([^】]*)】/g;

export function placeholderText(prompt: string): string {
  return `【请填写：${prompt}】`;
}

/** A figure as printed: 1,234.56 for 万元, 77.79 for %, 18 for 个 (the unit follows). */
export function formatFigure(run: FigureRun): string {
  if (run.unit === "万元") return `${formatMoney(run.value, 2)}万元`;
  if (run.unit === "%") return `${run.value.toFixed(2)}%`;
  return `${run.value.toFixed(0)}个`;
}

export function runText(run: NarrativeRun): string {
  switch (run.kind) {
    case "text":
      return run.text;
    case "figure":
      return formatFigure(run);
    case "placeholder":
      return placeholderText(run.prompt);
  }
}

export function paragraphText(paragraph: NarrativeParagraph): string {
  return paragraph.runs.map(runText).join("");
}

/** Title, then each section's heading and paragraphs, one per line. */
export function narrativeToText(narrative: Narrative): string {
  const lines: string[] = [];
  if (narrative.title) lines.push(narrative.title);
  for (const section of narrative.sections) {
    if (section.heading) lines.push(section.heading);
    for (const paragraph of section.paragraphs) lines.push(paragraphText(paragraph));
  }
  return lines.join("\n");
}

/** The lines of `narrativeToText`, ready for `checkNarrative`. */
export function narrativeParagraphs(narrative: Narrative): { text: string }[] {
  return narrativeToText(narrative)
    .split("\n")
    .map((text) => ({ text }));
}

/** Every figure of a narrative, in reading order (for renderers and tests). */
export function narrativeFigures(narrative: Narrative): FigureRun[] {
  return narrative.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.runs.filter((r): r is FigureRun => r.kind === "figure"))
  );
}

/** Every placeholder of a narrative. */
export function narrativePlaceholders(narrative: Narrative): PlaceholderRun[] {
  return narrative.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.runs.filter((r): r is PlaceholderRun => r.kind === "placeholder"))
  );
}

/**
 * Last year's figures, for 比上年增减 (generation) and for checking the changes a text states. Keys
 * are the budget terms of the checker (see extract.ts).
 */
export interface LastYearFigures {
  incomeTotal?: Money;
  expenditureTotal?: Money;
  budgetTotal?: Money;
  basic?: Money;
  project?: Money;
  generalExpenditure?: Money;
  threePublic?: Money;
  abroad?: Money;
  vehicle?: Money;
  vehiclePurchase?: Money;
  vehicleOperation?: Money;
  reception?: Money;
  agencyOperating?: Money;
  /**
   * Each 支出功能分类 类 (`class:201` …): its total across all sources and years of money, as the
   * 支出总表's 合计 column prints it. Keyed like the checker's subjects, so a stated 类 change is
   * checked against it like any other.
   */
  [classKey: `class:${string}`]: Money | undefined;
}

/** A paragraph of the 情况说明: from a sheet (one paragraph per row) or from a document. */
export interface NarrativeInput {
  text: string;
  sheet?: string;
  cell?: string;
  /** How to name the place in messages when there is no cell (“情况说明第3段”). */
  location?: string;
}
