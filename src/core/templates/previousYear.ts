/**
 * The tables a province prints only when last year's published disclosure is given
 * (`export --previous`, the pane's 上年公开文件): the “三公” comparison form — each item's 上年预算数,
 * 本年预算数, 增减额 and 增减率 — whose reasons the 情况说明 states. They come after every numbered
 * table, unnumbered, so the province's own numbering (表1 … 表N) stays as it is published.
 *
 * Per province, as data: a province that prints no comparison form has an empty list, and its
 * export with last year is the same tables as without. (The 上年 columns inside a standard table
 * are written the same way: an amount column whose key starts with `prior:`, `change:` or `rate:`,
 * see keys.ts.)
 */
import type { TemplateId } from "../model";
import { WIDTH, amount, label } from "./common";
import type { FigureKey, ItemRow, TableTemplate } from "./types";

const ITEMS: readonly ItemRow[] = [
  { label: "合计", subject: "threePublic.total", total: true },
  { label: "一、因公出国（境）费", subject: "threePublic.abroad" },
  { label: "二、公务用车购置及运行维护费", subject: "threePublic.vehicle" },
  { label: "    其中：公务用车购置费", subject: "threePublic.vehiclePurchase" },
  { label: "          公务用车运行维护费", subject: "threePublic.vehicleOperation" },
  { label: "三、公务接待费", subject: "threePublic.reception" },
];

/** The comparison form over one group of money (财政拨款, or 一般公共预算 alone). */
function threePublicComparison(
  id: string,
  group: "fiscal" | "一般公共预算",
  title: string
): TableTemplate {
  const key = (period: "prior:" | "change:" | "rate:" | ""): FigureKey => `${period}${group}.total`;
  return {
    id,
    kind: "三公经费表",
    sheetName: "“三公”经费比上年增减",
    title,
    meta: [
      [
        { text: "{departmentCode}{department}", col: 1, toCol: 3, align: "left" },
        { text: "单位：万元", col: -1, align: "right" },
      ],
    ],
    columns: [
      label(["项  目"], WIDTH.item),
      amount(["上年预算数"], key("prior:")),
      amount(["本年预算数"], key("")),
      amount(["增减额"], key("change:")),
      amount(["增减率（%）"], key("rate:")),
    ],
    sides: [{ rows: { kind: "items", rows: ITEMS } }],
    required: false,
    orientation: "portrait",
  };
}

export const PREVIOUS_YEAR_TEMPLATES: Readonly<
  Partial<Record<TemplateId, readonly TableTemplate[]>>
> = {
  // Both explain the change of every 三公 item in their 情况说明 (Hebei 四, Shanxi 七), over the
  // 财政拨款 their 三公 table shows.
  hebei: [
    threePublicComparison(
      "hebei.three-public-comparison",
      "fiscal",
      "{year}年部门预算财政拨款“三公”经费支出比上年增减情况表"
    ),
  ],
  shanxi: [
    threePublicComparison(
      "shanxi.three-public-comparison",
      "fiscal",
      "{year}年财政拨款安排“三公”经费支出预算比上年增减情况表"
    ),
  ],
  // The Ministry's and the central departments' sets print the 三公 items side by side in one row
  // and no comparison form: none here.
};
