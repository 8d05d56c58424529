/**
 * Builds examples/quyang-2024-ledger.xlsx: the 预算明细 (ledger) from which the nine published
 * tables of 中国共产党曲阳县委员会组织部 2024 (examples/quyang-2024.xlsx) are derived.
 *
 * Run from the repository root:
 *   npx ts-node -T -O '{"module":"commonjs","moduleResolution":"node"}' scripts/make-example-ledger.ts
 *
 * How the lines were worked out from the published tables (amounts in 万元):
 * - 基本支出: 支出总表 / 一般公共预算支出表 give 基本支出 by 功能 项, 基本支出表 by 经济 款. They pair
 *   up one to one where the amounts say so (2080501 行政单位离退休 15.15 = 30302 退休费, 2080505 =
 *   30108, 2082701 + 2082702 = 30112, 2101101 + 2101102 = 30110, 2101103 = 30111, 2210201 = 30113).
 *   What is left — 2013201 行政运行 198.87 and 2013250 事业运行 37.47 — covers 30101, 30102, 30103,
 *   30107 and all of 302 (236.34). No subset of those 款 adds up to 37.47, so the tables do not say
 *   how 事业运行 splits; we take 30107 绩效工资 (paid by 事业 units), 30229 福利费 and the rest of
 *   事业运行 from 30101 基本工资 (20.09), leaving 87.00 of 30101 to 行政运行. 人员经费 are the 301/303
 *   lines, 公用经费 the 302 lines (基本支出表 人员经费 287.14, 公用经费 29.32).
 * - 项目支出: the 18 项目绩效目标表 (name, 项目编码, 预算数). Their 功能 项 come from the 项目支出
 *   column of 支出总表: 2069999 40.62 is the 远程教育 project; 2130152 33.56 holds the three 选调生
 *   projects, of which the two 2023-coded ones (11.20 + 5.15 = 16.35) are the 上年结转; 2013299 53.00
 *   takes the 下沉工作队 and 人才奖励 projects (16 + 24 + 10 + 3); 2013202 428.60 the other ten.
 *   Economic codes of project lines are not published; we pick plausible ones, and never the 三公
 *   codes 30212/30217/30231/31013, because the published 三公 (1.20 公务用车运行维护费) is exactly
 *   the 基本支出 30231 line.
 * - Every line is 一般公共预算拨款: the tables show no other source.
 *
 * The 政府采购 and 固定资产 sheets are quyang's published ones (examples/quyang-2024.xlsx), copied
 * as they are: a ledger workbook carries the tables no budget line holds beside its lines, and the
 * Hebei export draws them again. The 项目绩效目标表 are left out: the published ones contain two
 * errors (绩效目标!B8 and C232) that only the department could correct, and the example should export clean.
 */
import path from "path";
import ExcelJS from "exceljs";
import { Catalog } from "../src/core/codes";

type Kind = "人员经费" | "公用经费" | "项目支出";

interface ExampleLine {
  functionCode: string;
  economicCode: string;
  kind: Kind;
  carryover?: boolean;
  projectCode?: string;
  projectName?: string;
  /** 万元 with two decimals, as text so nothing is lost on the way to the cell. */
  amount: string;
}

const basic = (
  functionCode: string,
  economicCode: string,
  kind: Kind,
  amount: string
): ExampleLine => ({
  functionCode,
  economicCode,
  kind,
  amount,
});

const project = (
  functionCode: string,
  economicCode: string,
  projectCode: string,
  projectName: string,
  amount: string,
  carryover = false
): ExampleLine => ({
  functionCode,
  economicCode,
  kind: "项目支出",
  projectCode,
  projectName,
  amount,
  carryover,
});

const LINES: ExampleLine[] = [
  // 2013201 行政运行 198.87
  basic("2013201", "30101", "人员经费", "87.00"),
  basic("2013201", "30102", "人员经费", "57.02"),
  basic("2013201", "30103", "人员经费", "28.56"),
  basic("2013201", "30201", "公用经费", "2.68"),
  basic("2013201", "30207", "公用经费", "6.08"),
  basic("2013201", "30211", "公用经费", "1.12"),
  basic("2013201", "30213", "公用经费", "0.20"),
  basic("2013201", "30228", "公用经费", "1.69"),
  basic("2013201", "30231", "公用经费", "1.20"),
  basic("2013201", "30239", "公用经费", "13.32"),
  // 2013250 事业运行 37.47
  basic("2013250", "30101", "人员经费", "20.09"),
  basic("2013250", "30107", "人员经费", "14.35"),
  basic("2013250", "30229", "公用经费", "3.03"),
  // 208 社会保障和就业, 210 卫生健康, 221 住房保障
  basic("2080501", "30302", "人员经费", "15.15"),
  basic("2080505", "30108", "人员经费", "26.96"),
  basic("2082701", "30112", "人员经费", "0.23"),
  basic("2082702", "30112", "人员经费", "0.76"),
  basic("2101101", "30110", "人员经费", "9.68"),
  basic("2101102", "30110", "人员经费", "2.61"),
  basic("2101103", "30111", "人员经费", "4.57"),
  basic("2210201", "30113", "人员经费", "20.16"),
  // The 18 项目绩效目标表, in their published order.
  project("2013202", "30299", "13063424P00ADB210005H", "考核专项公用项目经费", "25.00"),
  project("2013202", "30299", "13063424P00XHE310005W", "人才发展专项公用项目经费", "300.00"),
  project("2013202", "30305", "13063424P00MAAA10005W", "“四清”借干人员项目经费", "8.30"),
  project("2013202", "30216", "13063424P00812210005E", "村干部培训项目经费", "15.00"),
  project("2013202", "30305", "13063424P00CJE510004G", "党内关爱资金项目", "10.00"),
  project(
    "2013202",
    "30299",
    "13063424P00AQ1510004U",
    "非公有制经济和社会组织党建项目经费",
    "20.00"
  ),
  project("2013202", "30213", "13063424P007FJY100047", "公务员管理等系统维护项目经费", "8.30"),
  project("2013202", "30299", "13063424P006C4C100042", "基层组织建设项目经费", "30.00"),
  project("2013202", "30216", "13063424P0048BP10004Y", "科级干部培训项目经费", "7.00"),
  project(
    "2069999",
    "30213",
    "13063424P00J64910004H",
    "农村党员干部现代远程教育终端站点维护项目经费",
    "40.62"
  ),
  project("2013299", "30299", "13063424P00436210002M", "省级下沉工作队综合经费", "16.00"),
  project("2013299", "30309", "13063424P00442610004E", "市级重点人才项目奖励资金", "10.00"),
  project("2013299", "30299", "13063424P004362100012", "市派驻下沉工作队综合经费", "24.00"),
  project(
    "2130152",
    "30305",
    "13063423P00C30H10005G",
    "下派选调生到村工作中央财政补助资金",
    "11.20",
    true
  ),
  project(
    "2130152",
    "30305",
    "13063423P00C30H100064",
    "下派选调生到村工作中央财政补助资金",
    "5.15",
    true
  ),
  project("2013202", "30216", "13063424P0038U0100051", "新发展党员培训项目经费", "5.00"),
  project(
    "2130152",
    "30305",
    "13063424P00C30H100076",
    "选调生到村工作中央财政补助资金（2024年）",
    "17.21"
  ),
  project("2013299", "30309", "13063424P003069100037", "重点人才和青年拔尖人才资金", "3.00"),
];

const DEPARTMENT: ReadonlyArray<readonly [string, string]> = [
  ["部门名称", "中国共产党曲阳县委员会组织部"],
  ["部门编码", "203"],
  ["预算年度", "2024"],
  ["单位性质", "行政"],
  ["模板", "河北"],
];

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9D9D9" },
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function addDepartmentSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("部门信息");
  sheet.columns = [{ width: 14 }, { width: 36 }, { width: 40 }];
  const hints: Record<string, string> = {
    单位性质: "行政 / 事业 / 参公",
    模板: "河北 / 山西 / 财政部",
  };
  DEPARTMENT.forEach(([key, value], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = key;
    row.getCell(1).font = { bold: true };
    row.getCell(1).fill = HEADER_FILL;
    row.getCell(2).value = value;
    row.getCell(2).numFmt = "@";
    for (const c of [1, 2]) row.getCell(c).border = THIN;
    if (hints[key]) {
      row.getCell(3).value = hints[key];
      row.getCell(3).font = { color: { argb: "FF808080" } };
    }
  });
}

function addLedgerSheet(workbook: ExcelJS.Workbook): void {
  const catalog = Catalog.standard();
  const sheet = workbook.addWorksheet("预算明细", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "功能分类科目编码", width: 12 },
    { header: "功能分类科目名称", width: 26 },
    { header: "经济分类科目编码", width: 12 },
    { header: "经济分类科目名称", width: 24 },
    { header: "支出类型", width: 10 },
    { header: "资金来源", width: 18 },
    { header: "上年结转", width: 9 },
    { header: "项目编码", width: 24 },
    { header: "项目名称", width: 44 },
    { header: "金额（万元）", width: 14 },
  ];
  const header = sheet.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  LINES.forEach((line) => {
    const row = sheet.addRow([
      line.functionCode,
      catalog.name(line.functionCode) ?? "",
      line.economicCode,
      catalog.name(line.economicCode) ?? "",
      line.kind,
      "一般公共预算拨款",
      line.carryover ? "是" : "否",
      line.projectCode ?? null,
      line.projectName ?? null,
      Number(line.amount),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      if (col === 10) cell.numFmt = "0.00";
      else if ([1, 3, 8].includes(col)) cell.numFmt = "@"; // codes are text, never numbers
    });
  });
  const last = LINES.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: 10 } };
  const list = (formula: string): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: false,
    formulae: [formula],
  });
  for (let r = 2; r <= last; r++) {
    sheet.getCell(r, 5).dataValidation = list('"人员经费,公用经费,项目支出"');
    sheet.getCell(r, 6).dataValidation = list(
      '"一般公共预算拨款,政府性基金预算拨款,国有资本经营预算拨款,财政专户管理资金,单位资金"'
    );
    sheet.getCell(r, 7).dataValidation = list('"是,否"');
  }
}

/** Copies a published sheet, values, merges and column widths, into the ledger workbook. */
function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Workbook): void {
  const sheet = to.addWorksheet(from.name);
  from.columns.forEach((column, i) => {
    if (column.width) sheet.getColumn(i + 1).width = column.width;
  });
  from.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!cell.isMerged || cell.master === cell) sheet.getCell(r, c).value = cell.value;
    })
  );
  for (const range of (from.model as { merges?: string[] }).merges ?? []) sheet.mergeCells(range);
}

export async function buildExampleLedger(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "部门预算公开助手";
  // Fixed dates keep the file identical from run to run.
  workbook.created = new Date("2024-01-01T00:00:00Z");
  workbook.modified = new Date("2024-01-01T00:00:00Z");
  addDepartmentSheet(workbook);
  addLedgerSheet(workbook);
  const published = new ExcelJS.Workbook();
  await published.xlsx.readFile(path.resolve(__dirname, "../examples/quyang-2024.xlsx"));
  for (const name of ["政府采购", "固定资产"]) copySheet(published.getWorksheet(name)!, workbook);
  return workbook;
}

async function main(): Promise<void> {
  const out = path.resolve(__dirname, "../examples/quyang-2024-ledger.xlsx");
  const workbook = await buildExampleLedger();
  await workbook.xlsx.writeFile(out);
  const total = LINES.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0) / 100;
  console.log(
    `wrote ${path.relative(process.cwd(), out)}: ${LINES.length} lines, ${total.toFixed(2)} 万元`
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
