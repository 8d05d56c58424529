import { fileYearFindings, yearOfFileName } from "../../src/cli/fileYear";

describe("yearOfFileName", () => {
  it.each([
    ["data/某局2025年部门预算公开.xlsx", 2025],
    ["tunliu-2024.xlsx", 2024],
    ["2024年度/某局.xlsx", undefined],
    ["某局20250301导出.xlsx", undefined],
    ["2023年决算与2024年预算.xlsx", undefined],
    ["某局2024年预算（2024修订）.xlsx", 2024],
  ])("%s → %s", (file, year) => {
    expect(yearOfFileName(file)).toBe(year);
  });
});

describe("fileYearFindings", () => {
  const year = { value: 2024, sheet: "收支总表", cell: "A1" };

  it("warns at the tables' year when the name states another", () => {
    expect(fileYearFindings("某局2025年部门预算.xlsx", year)).toEqual([
      expect.objectContaining({
        ruleId: "file.year",
        severity: "warning",
        sheet: "收支总表",
        cell: "A1",
      }),
    ]);
  });

  it("says nothing when they agree, or when either is unknown", () => {
    expect(fileYearFindings("某局2024年部门预算.xlsx", year)).toEqual([]);
    expect(fileYearFindings("某局部门预算.xlsx", year)).toEqual([]);
    expect(fileYearFindings("某局2025年部门预算.xlsx", undefined)).toEqual([]);
  });
});
