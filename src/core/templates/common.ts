/** Pieces several province sets share: the 类 list of the summary tables, column shorthands. */
import type { ColumnTemplate, FigureKey } from "./types";

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
