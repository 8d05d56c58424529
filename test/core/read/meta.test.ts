import {
  departmentOfText,
  departmentOfTitle,
  newestYear,
  sameDepartment,
  unitOfText,
  yearOfText,
} from "../../../src/core/read/meta";

describe("unitOfText", () => {
  it.each([
    ["单位：万元", "万元"],
    ["单位: 元", "元"],
    ["金额单位：万元", "万元"],
    ["单位（万元）", "万元"],
    ["价值（金额单位：万元）", "万元"],
    ["单价（元）", "元"],
    ["部门名称：XX局    单位：元", "元"],
  ])("reads the unit of “%s”", (text, unit) => {
    expect(unitOfText(text)).toBe(unit);
  });

  it.each(["编制单位：元氏县财政局", "单位：元氏县财政局", "计量单位", "单位名称", "项目"])(
    "finds no unit in “%s”",
    (text) => {
      expect(unitOfText(text)).toBeUndefined();
    }
  );
});

describe("yearOfText", () => {
  it.each([
    ["预算年度：2022", 2022],
    ["预算年度: 2022", 2022],
    ["2022年部门预算", 2022],
    ["2022年度预算", 2022],
    ["2024预算数", 2024],
    ["曲阳县2023年度部门决算", 2023],
  ])("reads the year of “%s”", (text, year) => {
    expect(yearOfText(text)).toBe(year);
  });

  it.each(["截止时间：2023-12-31", "2023年12月31日", "预算公开表10", "单位：万元", "1999年"])(
    "takes no budget year from “%s”",
    (text) => {
      expect(yearOfText(text)).toBeUndefined();
    }
  );

  it("takes the newer of two years named by captions (上年 and 本年)", () => {
    expect(newestYear(["项目", "2023年度预算", "2024年度预算", "增减金额"])).toBe(2024);
  });
});

describe("departmentOfText", () => {
  it.each([
    ["部门名称：中共长治市屯留区委组织部", { name: "中共长治市屯留区委组织部" }],
    ["编制单位：元氏县财政局", { name: "元氏县财政局" }],
    ["单位：某某县教育局", { name: "某某县教育局" }],
    ["部门名称：某某县教育局    单位：万元", { name: "某某县教育局" }],
    ["203中国共产党曲阳县委员会组织部", { name: "中国共产党曲阳县委员会组织部", code: "203" }],
  ])("reads the department of “%s”", (text, department) => {
    expect(departmentOfText(text)).toEqual(department);
  });

  it.each([
    "单位：万元",
    "单位: 元",
    "金额单位：万元",
    "预算年度：2024",
    "2024年预算收支总表",
    "截止时间：2023-12-31",
  ])("never takes “%s” for a department", (text) => {
    expect(departmentOfText(text)).toBeUndefined();
  });

  it("takes a （本级） suffix for the same department", () => {
    expect(sameDepartment("某某县教育局（本级）", "某某县教育局")).toBe(true);
    expect(sameDepartment("某某县教育局", "某某县财政局")).toBe(false);
  });
});

describe("departmentOfTitle", () => {
  it.each([
    ["2015年桂林市司法局部门“三公”经费情况统计表", "桂林市司法局"],
    ["2016年市国资委财政拨款“三公”经费预算表", "市国资委"],
    ["台创园2017年度部门“三公”经费预算情况表", "台创园"],
    ["中共长治市屯留区委组织部2024年部门预算收支总表", "中共长治市屯留区委组织部"],
  ])("reads the department of “%s”", (title, name) => {
    expect(departmentOfTitle(title)).toBe(name);
  });

  it.each([
    "部门预算收支总表",
    "2024年预算收支总表",
    "2014年“三公”经费预算财政拨款情况统计表",
    "一般公共预算财政拨款支出表",
    "机关运行经费预算表",
    "部门政府采购预算",
  ])("finds no department in “%s”", (title) => {
    expect(departmentOfTitle(title)).toBeUndefined();
  });
});
