/**
 * The 情况说明 in the Word document: narrative paragraphs with their placeholders highlighted, the
 * 名词解释 section, and where the chart of 一般公共预算 expenditure by 类 goes and how it is drawn.
 */
import { AlignmentType, Paragraph, TextRun } from "docx";
import type { FileChild } from "docx";
import type { NarrativeParagraph, NarrativeSection } from "../../core/narrative/types";
import { paragraphText, runText } from "../../core/narrative/types";
import { barChartRun } from "../chart";
import type { ChartBar } from "../chart";
import { BODY_PARAGRAPH, EAST_ASIA_FONT, SIZE, bodyParagraph, placeholder, text } from "./page";

function narrativeRuns(paragraph: NarrativeParagraph): TextRun[] {
  return paragraph.runs.map((run) =>
    run.kind === "placeholder"
      ? placeholder(run.prompt)
      : text(runText(run), { bold: paragraph.heading })
  );
}

export function narrativeParagraph(paragraph: NarrativeParagraph): Paragraph {
  if (!paragraph.heading) return bodyParagraph(narrativeRuns(paragraph));
  return new Paragraph({ ...BODY_PARAGRAPH, keepNext: true, children: narrativeRuns(paragraph) });
}

const GLOSSARY_SECTION = /名词解释|glossary/i;

export function isGlossarySection(s: NarrativeSection): boolean {
  return GLOSSARY_SECTION.test(s.id) || GLOSSARY_SECTION.test(s.heading);
}

/** Where the chart goes: after paragraph `after` of section `section` (-1: right under its heading). */
export interface ChartPlace {
  section: number;
  after: number;
}

/**
 * The chart follows the explanation of 一般公共预算 expenditure, else the 支出说明, else any part
 * about 支出: a section, or a sub-heading inside one (Hebei's “2、支出说明”) up to the next sub-heading.
 */
export function chartPlace(sections: readonly NarrativeSection[]): ChartPlace | undefined {
  const anchors: { label: string; place: ChartPlace }[] = [];
  sections.forEach((s, i) => {
    anchors.push({
      label: `${s.id} ${s.heading}`,
      place: { section: i, after: s.paragraphs.length - 1 },
    });
    s.paragraphs.forEach((p, j) => {
      if (!p.heading) return;
      const next = s.paragraphs.findIndex((q, k) => k > j && q.heading);
      anchors.push({
        label: paragraphText(p),
        place: { section: i, after: next < 0 ? s.paragraphs.length - 1 : next - 1 },
      });
    });
  });
  const tests = [
    (label: string) => /一般公共预算/.test(label) && /支出/.test(label) && !/基本支出/.test(label),
    (label: string) => /支出说明|支出预算情况|\bexpenditure\b/i.test(label),
    (label: string) => /支出/.test(label),
  ];
  for (const test of tests) {
    const found = anchors.find((a) => test(a.label));
    if (found) return found.place;
  }
  return undefined;
}

/** The chart, its caption under it, and an empty line before the text goes on. */
export function chartBlocks(
  bars: readonly ChartBar[],
  year: number,
  available: number
): FileChild[] {
  // Word's own width for a chart, or the text width when that is narrower (twips → pixels).
  const width = Math.min(576, Math.floor(available / 15));
  const chart = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120 },
    children: [barChartRun(bars, { width, font: EAST_ASIA_FONT })],
  });
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 120 },
    children: [
      text(`图1 ${year}年一般公共预算支出结构（按支出功能分类科目，单位：万元）`, {
        bold: true,
        size: SIZE.small + 3,
      }),
    ],
  });
  return [chart, caption, new Paragraph({ children: [] })];
}
