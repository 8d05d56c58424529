/** Pieces several province sets share: the 类 list of the summary tables, column shorthands. */
import type { ColumnTemplate, FigureKey, TableTemplate } from "./types";

/** The 功能 类 of the summary tables (收支总表, 财政拨款收支总表), in their printed order and wording. */
export const SUMMARY_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出"],
];

/** Hebei prints one more line, 人行科目, never backed by a budget line. */
export const HEBEI_SUMMARY_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ...SUMMARY_CLASSES,
  ["", "人行科目"],
];

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

export const WIDTH = { serial: 6, code: 11, name: 32, item: 30, project: 44, amount: 14 } as const;

export const serial = (caption: readonly string[] = ["序号"]): ColumnTemplate => ({
  caption,
  role: "serial",
  width: WIDTH.serial,
});

export const code = (caption: readonly string[], side = 0): ColumnTemplate => ({
  caption,
  role: "code",
  width: WIDTH.code,
  side,
});

export const label = (caption: readonly string[], width: number = WIDTH.name, side = 0) =>
  ({ caption, role: "label", width, side }) satisfies ColumnTemplate;

export const amount = (
  caption: readonly string[],
  key: FigureKey,
  extra: Partial<ColumnTemplate> = {}
): ColumnTemplate => ({ caption, role: "amount", key, width: WIDTH.amount, ...extra });

/** What one province's 财政拨款收支总表 words its own way; the table is otherwise the same everywhere. */
export interface FiscalSummaryWording {
  id: string;
  title: string;
  meta: TableTemplate["meta"];
  /** Hebei numbers its columns and leads with 序号. */
  serialColumn?: boolean;
  columnNumbers?: TableTemplate["columnNumbers"];
  /** The caption of both 项目 columns: 项目, or 项  目 spaced as Hebei prints it. */
  item: string;
  /** Under 收入: 金额 or 预算数. */
  incomeAmount: string;
  /** Under 支出: 合计, then the three sources, each as a caption path (Shanxi adds a 金额 level). */
  expenditure: readonly [
    readonly string[],
    readonly string[],
    readonly string[],
    readonly string[],
  ];
  /** After each source's name in the income rows: 拨款 (一、一般公共预算拨款), or nothing. */
  sourceSuffix: string;
  /** The carry-over lines: 上年结转 on the income side, 年终结转 on the expenditure side. */
  carryoverIn: string;
  carryoverOut: string;
  classes: ReadonlyArray<readonly [string, string]>;
}

const FISCAL_SOURCES = ["一般公共预算", "政府性基金", "国有资本经营"] as const;
const FISCAL_SOURCE_LABELS = ["一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"];

/** 财政拨款收支总表: income by source and carry-over against expenditure by 类, one definition. */
export function fiscalSummaryTable(w: FiscalSummaryWording): TableTemplate {
  const sourceRows = (period: "current" | "carryover") =>
    FISCAL_SOURCES.map((source, i) => ({
      label: `${FISCAL_SOURCE_LABELS[i]}${w.sourceSuffix}`,
      key: `${source}.${period}` as FigureKey,
    }));
  const [total, general, fund, capital] = w.expenditure;
  return {
    id: w.id,
    kind: "财政拨款收支总表",
    sheetName: "表4 财政拨款收支总表",
    title: w.title,
    meta: w.meta,
    ...(w.columnNumbers ? { columnNumbers: w.columnNumbers } : {}),
    columns: [
      ...(w.serialColumn ? [serial()] : []),
      label(["收入", w.item], WIDTH.item, 0),
      amount(["收入", w.incomeAmount], "fiscal.current", { side: 0 }),
      label(["支出", w.item], WIDTH.item, 1),
      amount(["支出", ...total], "fiscal.total", { side: 1 }),
      amount(["支出", ...general], "一般公共预算.total", { side: 1 }),
      amount(["支出", ...fund], "政府性基金.total", { side: 1 }),
      amount(["支出", ...capital], "国有资本经营.total", { side: 1 }),
    ],
    sides: [
      {
        rows: { kind: "items", rows: sourceRows("current") },
        footer: [
          { label: "本年收入合计", key: "fiscal.current", total: true },
          { label: w.carryoverIn, key: "fiscal.carryover" },
          ...sourceRows("carryover"),
          { label: "收入总计", key: "fiscal.total", total: true },
        ],
      },
      {
        rows: { kind: "classes", classes: w.classes },
        footer: [
          { label: "本年支出合计", total: true },
          { label: w.carryoverOut, key: "zero" },
          null,
          null,
          null,
          { label: "支出总计", total: true },
        ],
      },
    ],
    required: true,
  };
}
