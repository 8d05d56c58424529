/**
 * The bar chart of 一般公共预算 expenditure by 类 that the disclosure document shows under the
 * expenditure explanation: the figures, read from the printed 一般公共预算支出表, and the chart
 * itself as a native Word chart (DrawingML `c:chartSpace`, docx's ChartRun).
 *
 * Why a native chart rather than a picture: the 类 names are Chinese, and a picture would have to
 * carry their glyphs — a font embedded in the code, or a canvas with whatever fonts the machine
 * has (neither offline-safe nor the same bytes everywhere). A native chart holds only text and
 * numbers; Word, WPS and LibreOffice draw it with the reader's own Chinese fonts (宋体 named, the
 * theme's East Asian font as fallback), the names sit on the category axis and stay searchable and
 * copyable, and Word's 编辑数据 opens the figures in its embedded workbook. Horizontal bars, the
 * first 类 on top, so that long names such as 社会保障和就业支出 read on one line.
 */
import { ChartRun } from "docx/charts";
import { Money, moneyToNumber } from "../core/money";
import type { SheetSpec, SpecCell } from "../core/format/sheetSpec";

export interface ChartBar {
  /** 类 code, e.g. "201". */
  code: string;
  /** 类 name as printed, e.g. "一般公共服务支出". */
  name: string;
  /** 万元, as printed in the table. */
  value: Money;
}

export interface BarChartOptions {
  /** Pixels (at 96 per inch); 576 by default, the width of Word's own charts. */
  width?: number;
  /** The font of the names and numbers; 宋体 by default. */
  font?: string;
  /** The series' name, which Word's 编辑数据 shows over the figures. */
  seriesName?: string;
}

// ---------------------------------------------------------------------------------------------
// The figures: read from the printed 一般公共预算支出表, so the chart shows what the table shows.

const CLASS_CODE = /^\d{3}$/;

function textOf(cell: SpecCell | undefined): string {
  return cell?.value.kind === "text" ? cell.value.text.trim() : "";
}

/**
 * The 类 rows of a printed 一般公共预算支出表 (a 3-digit code, its name, the first amount of the
 * row, which is the 合计 column), in table order; rows with a zero amount are left out.
 */
export function expenditureByClass(spec: SheetSpec): ChartBar[] {
  const rows = new Map<number, SpecCell[]>();
  for (const cell of spec.cells) {
    if (cell.row < spec.headerRows) continue;
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = []));
    row.push(cell);
  }
  const bars: ChartBar[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!)) {
    row.sort((a, b) => a.col - b.col);
    const codeIndex = row.findIndex((cell) => CLASS_CODE.test(textOf(cell)));
    if (codeIndex < 0) continue;
    const name = row.slice(codeIndex + 1).find((cell) => textOf(cell) !== "");
    const amount = row
      .slice(codeIndex + 1)
      .find((cell) => cell.value.kind === "amount" || cell.value.kind === "empty")?.value;
    if (!name || !amount || amount.kind !== "amount" || amount.value.isZero()) continue;
    bars.push({ code: textOf(row[codeIndex]), name: textOf(name), value: amount.value });
  }
  return bars;
}

/** The table the chart is drawn from: the template's 一般公共预算支出表. */
export function generalBudgetExpenditureSpec(specs: readonly SheetSpec[]): SheetSpec | undefined {
  return specs.find((s) => s.kind === "一般公共预算支出表");
}

// ---------------------------------------------------------------------------------------------
// The chart

const CHART_FONT = "宋体";
const BAR_COLOUR = "4472C4";
/** Pixels per bar and for the axes, so that every name has a line of its own. */
const ROW_HEIGHT = 34;
const AXES_HEIGHT = 60;

/** The chart's height for `count` bars. */
export function chartHeight(count: number): number {
  return AXES_HEIGHT + ROW_HEIGHT * Math.max(1, count);
}

/** What a screen reader says for the chart: every 类 with its code and amount. */
export function chartDescription(bars: readonly ChartBar[]): string {
  return bars.map((b) => `${b.code} ${b.name} ${b.value.toFixed(2)}万元`).join("；");
}

/**
 * The bars as a native bar chart: the 类 names on the category axis (the first on top), the amounts
 * as labels at the bars' ends with two decimals, as the table prints them; no legend and no title
 * (the document's caption names the chart).
 */
export function barChartRun(bars: readonly ChartBar[], options: BarChartOptions = {}): ChartRun {
  const font = options.font ?? CHART_FONT;
  return new ChartRun({
    type: "bar",
    categories: bars.map((bar) => bar.name),
    series: [
      {
        name: options.seriesName ?? "一般公共预算支出（万元）",
        values: bars.map((bar) => moneyToNumber(bar.value)),
        color: BAR_COLOUR,
      },
    ],
    legend: false,
    font: { name: font, color: "262626" },
    gapWidth: 60,
    dataLabels: {
      value: true,
      position: "outsideEnd",
      numberFormat: "#,##0.00",
      font: { name: font, size: 9 },
    },
    categoryAxis: { reverseOrder: true, font: { name: font, size: 10 } },
    // With the categories reversed the value axis would cross at the top; keep it at the bottom.
    valueAxis: {
      numberFormat: "#,##0",
      minimum: 0,
      gridlines: true,
      crossesAt: "maximum",
      font: { name: font, size: 9 },
    },
    chartArea: { border: "none" },
    transformation: { width: options.width ?? 576, height: chartHeight(bars.length) },
    altText: {
      name: "chart",
      title: "一般公共预算支出结构图",
      description: chartDescription(bars),
    },
  });
}
