/**
 * A generic national set (中央部门): the nine tables of the Ministry of Finance's 部门预算 sample
 * (mof.ts, drawn the same way), published with the 情况说明 the central departments write —
 * 第一部分 部门概况, 第二部分 the tables, 第三部分 部门预算情况说明 (收支总体情况, 收入, 支出, 财政拨款
 * 收支总体情况, 一般公共预算当年拨款 (规模, 结构), 基本支出, “三公”经费, 政府性基金 and 国有资本经营
 * 预算支出, 其他重要事项: 机关运行经费, 政府采购, 国有资产占有使用, 预算绩效管理), 第四部分
 * 名词解释 — naming the department in its sentences.
 *
 * It is the proof that a province is data: this file, its id in ids.ts and a line in registry.ts
 * are all it takes. A workbook of published tables in this layout is detected as this set when it
 * names a central department (templates/detect.ts; the tables are the Ministry's, so they alone cannot
 * tell); `--template zhongyang`, or 模板 “中央部门” in a ledger's 部门信息, picks it.
 */
import { MOF_TEMPLATES } from "./mof";
import { DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT } from "./province";
import type { Province } from "./province";
import type { TableTemplate } from "./types";

/** The Ministry's tables under ids of this set (ids are unique across sets). */
const CENTRAL_TEMPLATES: readonly TableTemplate[] = MOF_TEMPLATES.map((t) => ({
  ...t,
  id: t.id.replace(/^[^.]*\./, "zhongyang."),
}));

export const CENTRAL: Province = {
  id: "zhongyang",
  name: "中央部门",
  englishName: "Central departments",
  aliases: ["中央"],
  tables: CENTRAL_TEMPLATES,
  supplements: [],
  set: {
    tableNumbering: "arabic",
    coverYear: "年",
    requiresCostIndicators: false,
    tables: [
      { kind: "收支总表", title: "部门收支总表" },
      { kind: "收入总表", title: "部门收入总表" },
      { kind: "支出总表", title: "部门支出总表" },
      { kind: "财政拨款收支总表", title: "财政拨款收支总表" },
      { kind: "一般公共预算支出表", title: "一般公共预算支出表" },
      { kind: "基本支出表", title: "一般公共预算基本支出表" },
      { kind: "三公经费表", title: "一般公共预算“三公”经费支出表" },
      { kind: "政府性基金支出表", title: "政府性基金预算支出表" },
      { kind: "国有资本经营支出表", title: "国有资本经营预算支出表" },
    ],
  },
  projectTableMeasure: "total",
  settings: { changeReasonThresholdPercent: DEFAULT_CHANGE_REASON_THRESHOLD_PERCENT },
};
