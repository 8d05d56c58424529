import type { Grid } from "../../src/core/grid";

/**
 * quyang's 一般公共预算支出表 redrawn with a 上年预算数 group (合计 | 基本支出 | 项目支出) in front of
 * this year's, as 广西 and 重庆 tables print it; last year's figures are made up as twice this year's,
 * so they add up.
 */
export const SHEET = "一般公共预算支出表";

export function withPriorGroupFirst(grid: Grid): Grid {
  // Header rows 3-4 (序号 | 功能分类科目 … | 合计 | 基本支出 | 项目支出), 栏次 on row 5, data below.
  const values = grid.values.map((row, r) => {
    const head = row.slice(0, 3);
    const current = row.slice(3, 6);
    if (r === 2) return [...head, "上年预算数", "", "", "本年预算数", "", ""];
    if (r === 3) return [...head, "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"];
    if (r === 4) return [...head, "3", "4", "5", "6", "7", "8"];
    if (r < 5) return [...row, "", "", ""];
    const prior = current.map((v) => (typeof v === "number" ? 2 * v : v));
    return [...head, ...prior, ...current];
  });
  const merges = (grid.merges ?? [])
    .filter((m) => m.left < 4)
    .map((m) => (m.top === 1 && m.bottom === 1 ? { ...m, right: 9 } : m));
  merges.push({ top: 3, bottom: 3, left: 4, right: 6 }, { top: 3, bottom: 3, left: 7, right: 9 });
  return { ...grid, values, merges, numberFormats: undefined };
}
