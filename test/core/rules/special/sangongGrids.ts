/** Synthetic “三公” tables in the layouts the fixtures do not cover. */
import type { Grid } from "../../../../src/core/grid";

/** The comparison form: 上年预算数 / 本年预算数 / 增减额 / 增减率, items as rows. */
export const COMPARISON_FORM: Grid = {
  sheet: "三公比较",
  origin: { row: 1, col: 1 },
  values: [
    ["2024年部门“三公”经费预算支出情况表", "", "", "", ""],
    ["", "", "", "", "单位：万元"],
    ["项目", "2023年预算数", "2024年预算数", "增减额", "增减率(%)"],
    ["合计", 10, 8.5, -1.5, -15],
    ["一、因公出国（境）费", 2, 0, -2, -100],
    ["二、公务用车购置及运行维护费", 6, 6.5, 0.5, 8.33],
    ["    其中：公务用车购置费", 0, 0.5, 0.5, ""],
    ["          公务用车运行维护费", 6, 6, 0, 0],
    ["三、公务接待费", 2, 2, 0, 0],
  ],
  merges: [{ top: 1, left: 1, bottom: 1, right: 5 }],
};

/** Items as columns (公务用车 with 小计/购置费/运行维护费 under it), periods as rows. */
export const COLUMNS_FORM: Grid = {
  sheet: "三公转置",
  origin: { row: 1, col: 1 },
  values: [
    ["财政拨款“三公”经费支出预算表", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "单位：万元"],
    ["项目", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
    ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""],
    ["2024年预算数", 8, 0, 6, 0, 6, 2],
    ["2023年预算数", 10, 2, 6, 0, 6, 2],
    ["增减", -2, -2, 0, 0, 0, 0],
  ],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 7 },
    { top: 3, left: 1, bottom: 4, right: 1 },
    { top: 3, left: 2, bottom: 4, right: 2 },
    { top: 3, left: 3, bottom: 4, right: 3 },
    { top: 3, left: 4, bottom: 3, right: 6 },
    { top: 3, left: 7, bottom: 4, right: 7 },
  ],
};

/**
 * The older county form: 公务用车费 for the vehicle item, 其中:(1) / (2) before its parts, 支出合计,
 * a text cell where an item is not budgeted. Figures consistent as given.
 */
export const OLDER_FORM: Grid = {
  sheet: "三公旧式",
  origin: { row: 1, col: 1 },
  values: [
    ["2016年部门“三公”经费预算情况表", "", ""],
    ["", "", "单位:万元"],
    ["项 目", "本年预算数", "其中:公共预算财政拨款"],
    ["一、支出合计", 10, 10],
    ["1.因公出国(境)费用", "单位不需填列", "单位不需填列"],
    ["2.公务接待费", 4, 4],
    ["3.公务用车费", 6, 6],
    ["其中:(1)公务用车运行维护费", 6, 6],
    ["(2)公务用车购置", 0, 0],
  ],
  merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
};
