/*
 * A file named for one budget year whose tables state another (某局2025年部门预算公开.xlsx holding
 * the 2024 tables) was most likely sent by mistake: last year's file under this year's name. Only
 * the CLI knows a file's name, so only it can say so; the engine has checked the tables as what
 * they say they are. A warning, so that such a file is never a plain 通过.
 */
import path from "path";
import type { Finding } from "../core/finding";
import type { Located } from "../core/read/workbook";

export const FILE_YEAR_RULE = "file.year";

/**
 * The one budget year a file's name states: a four-digit 20xx standing alone (2024, 2024年,
 * 2024年度), not a date's part (20240301). Two different years (2023年决算与2024年预算) state none.
 */
export function yearOfFileName(file: string): number | undefined {
  const name = path.basename(file, path.extname(file));
  const years = new Set([...name.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : undefined;
}

/** A warning at the tables' year when the file's name states another one. */
export function fileYearFindings(file: string, year: Located<number> | undefined): Finding[] {
  const named = yearOfFileName(file);
  if (named === undefined || year === undefined || year.value === named) return [];
  return [
    {
      ruleId: FILE_YEAR_RULE,
      severity: "warning",
      sheet: year.sheet,
      cell: year.cell,
      message: `文件名“${path.basename(file)}”写的是 ${named} 年，表中的预算年度是 ${year.value} 年：是否发错了文件（如上年的公开表）？请核对文件名或表中的年度。`,
      expected: String(named),
      actual: String(year.value),
    },
  ];
}
