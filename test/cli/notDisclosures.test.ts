/*
 * Workbooks that are not (complete) budget disclosures, or not what they seem, through the CLI's
 * checkFile and the pane's verdict (runCheck → checkViewModel) on the same grids: neither may say
 * 通过 for something that was not checked. Each workbook is written with exceljs from an example
 * and read back as the CLI reads it.
 */
import ExcelJS from "exceljs";
import { copyFileSync, readFileSync } from "fs";
import path from "path";
import { checkFile } from "../../src/cli/checkFile";
import type { FileResult } from "../../src/cli/checkFile";
import type { Finding } from "../../src/core/finding";
import { summaryLine, tablesLine, toJson } from "../../src/cli/report";
import {
  RESUBMIT_REQUEST,
  STATUS_LABEL,
  departmentsOf,
  partialNote,
  statusOf,
} from "../../src/cli/review/model";
import type { DepartmentStatus } from "../../src/cli/review/model";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import { runCheck } from "../../src/taskpane/actions";
import type { FindingFilters } from "../../src/taskpane/state";
import { checkViewModel } from "../../src/taskpane/viewModels";
import type { CheckViewModel } from "../../src/taskpane/viewModels/check";
import { fakeHost } from "../taskpane/fakeHost";
import {
  QUYANG,
  TUNLIU,
  WorkbookEdit,
  addOwnLevelCopy,
  addSecondSet,
  keepSheets as keeping,
  makeTempDir,
  removeDir,
  writeVariant,
} from "./helpers";

const ALL: FindingFilters = { severity: "all", sheet: "all" };

let dir: string;
beforeAll(() => {
  dir = makeTempDir("budget-notdisc-");
});
afterAll(() => removeDir(dir));

/** The example with `edit` applied, written under `name`. */
function variant(source: string, name: string, edit: WorkbookEdit): Promise<string> {
  return writeVariant(source, path.join(dir, name), edit);
}

/** What the CLI and the pane make of one file. */
async function verdicts(file: string): Promise<{ cli: FileResult; pane: CheckViewModel }> {
  const cli = await checkFile(file);
  const grids = await gridsFromXlsx(readFileSync(file));
  const outcome = await runCheck(fakeHost(grids));
  const pane = checkViewModel({ status: "done", outcome }, ALL, "zh-CN");
  return { cli, pane };
}

/** What the review reports ask the department to send again (the HTML report's request). */
const requestOf = (cli: FileResult) => departmentsOf([cli])[0].resubmit;

/** Every cell holding a number, on every sheet. */
function eachNumber(workbook: ExcelJS.Workbook, visit: (cell: ExcelJS.Cell) => void): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number") visit(cell);
      })
    )
  );
}

/** Each sheet keeps its title, meta lines and header: every row from the first figure is cleared. */
function headersOnly(workbook: ExcelJS.Workbook, sheets?: readonly string[]): void {
  workbook.eachSheet((sheet) => {
    if (sheets && !sheets.includes(sheet.name)) return;
    let first: number | undefined;
    sheet.eachRow((row, r) => {
      if (first === undefined && row.values && (row.values as unknown[]).some(isNumber)) first = r;
    });
    if (first === undefined) return;
    for (let r = first; r <= sheet.rowCount; r++)
      sheet.getRow(r).eachCell((cell) => (cell.value = null));
  });
}

function isNumber(value: unknown): boolean {
  return typeof value === "number";
}

/** A workbook of the given sheets (name → rows), written under `name`. */
async function workbookOf(
  name: string,
  sheets: Record<string, (string | number | null)[][]>
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) addRows(workbook, sheet, rows);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function addRows(
  workbook: ExcelJS.Workbook,
  sheet: string,
  rows: (string | number | null)[][]
): void {
  const added = workbook.addWorksheet(sheet);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) added.getCell(r + 1, c + 1).value = value;
    })
  );
}

function keepSheets(workbook: ExcelJS.Workbook, names: readonly string[]): void {
  keeping(names)(workbook);
}

/** Replaces 预算 by 决算 in every title (the first row of each sheet). */
function retitleAsFinalAccounts(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) => {
    const cell = sheet.getCell("A1");
    if (typeof cell.value === "string") cell.value = cell.value.replace("预算", "决算");
  });
}

function expectNotPassed(cli: FileResult, pane: CheckViewModel, status: DepartmentStatus): void {
  expect(statusOf(cli)).toBe(status);
  expect(summaryLine(cli)).not.toMatch(/^小结：通过/);
  expect(pane.allWell).toBeUndefined();
  // The pane says the CLI's status, and what was not checked in the reports' words (with errors
  // too: the status is then 有错误, the note stays).
  if (status === "partial") expect(pane.partial?.title).toBe(STATUS_LABEL.partial);
  expect(pane.partial?.lines.join("")).toBe(partialNote(cli));
  if (status === "unchecked" && cli.unchecked !== undefined) {
    expect(pane.status?.intent).toBe("error");
    expect(cli.unchecked.startsWith(pane.status!.text.replace(/。$/, "（"))).toBe(true);
  }
}

describe("workbooks that are no disclosure to check are never 通过", () => {
  test("the standard tables with headers only, no body rows: 未检查 (was 通过 with 13 tables 'checked')", async () => {
    const file = await variant(TUNLIU, "headers-only.xlsx", (wb) => headersOnly(wb));
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.noFigures);
    expect(cli.tables).toHaveLength(13);
    expect(cli.unchecked).toMatch(/都没有填写.*未做任何检查/);
    expect(summaryLine(cli)).toBe("小结：公开表未填写，未检查");
    expect(tablesLine(cli)).toMatch(/^找到 13 张表：.*都没有可核对的数字，未检查$/);
    expect(toJson([cli]).totals.status.unchecked).toBe(1);
    expect(pane.status).toEqual({
      intent: "error",
      text: "找到的公开表都没有填写：只有表头，或金额全为空白或 0，没有可以核对的数字，未做任何检查。",
    });
  });

  test("the standard tables with every amount 0: 未检查 (was 通过)", async () => {
    const file = await variant(TUNLIU, "zeros.xlsx", (wb) =>
      eachNumber(wb, (cell) => (cell.value = 0))
    );
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.noFigures);
    expect(cli.unchecked).toMatch(/都没有填写/);
  });

  test("only an empty 政府性基金 table with its note: 未检查 (was 通过 as an extract)", async () => {
    const file = await variant(QUYANG, "fund-only.xlsx", (wb) =>
      keepSheets(wb, ["政府性基金支出表"])
    );
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.noFigures);
    expect(cli.tables?.map((t) => t.kind)).toEqual(["政府性基金支出表"]);
  });

  test("a 收支总表 with figures beside a 支出总表 of headers only: the empty table is an error at its title", async () => {
    const file = await variant(TUNLIU, "one-empty.xlsx", (wb) => {
      keepSheets(wb, ["收支总表", "支出总表"]);
      headersOnly(wb, ["支出总表"]);
    });
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "errors");
    const empty = cli.findings.filter((f) => f.ruleId === "completeness.no-figures");
    expect(empty).toEqual([
      expect.objectContaining({ severity: "error", sheet: "支出总表", cell: "A1" }),
    ]);
    expect(empty[0].message).toMatch(/^“预算支出总表”没有填写/);
  });

  test("tables titled 部门决算收支总表 …: a 决算, not checked as a budget (was 通过 as an extract)", async () => {
    const file = await variant(QUYANG, "final-accounts.xlsx", (wb) => {
      keepSheets(wb, ["收支总表", "收入总表"]);
      retitleAsFinalAccounts(wb);
    });
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.finalAccounts);
    expect(cli.tables).toEqual([]);
    expect(cli.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["workbook.final-accounts", "error"],
    ]);
    expect(cli.findings[0].message).toMatch(/“部门决算收支总表”、“部门决算收入总表”/);
  });
});

describe("two sets of tables in one workbook", () => {
  test("a second 收支总表 (本级, other figures): a warning names it and the one used (was 通过)", async () => {
    const file = await variant(TUNLIU, "two-levels.xlsx", addOwnLevelCopy);
    const { cli, pane } = await verdicts(file);
    // 部分检查 rather than 仅警告: the second table was checked within itself only.
    expectNotPassed(cli, pane, "partial");
    expect(cli.alone).toEqual([{ kind: "收支总表", sheet: "收支总表(本级)", cell: "A1" }]);
    expect(summaryLine(cli)).toMatch(
      /^小结：部分检查（1 张表只核对了表内合计，未与其他表核对；错误 0 条，警告 1 条，提示 \d+ 条）$/
    );
    expect(tablesLine(cli)).toMatch(
      /；其中 1 张只核对了表内合计，未与其他表核对：收支总表\(本级\)$/
    );
    const duplicate = cli.findings.filter((f) => f.ruleId === "completeness.duplicate");
    expect(duplicate).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "收支总表(本级)",
        cell: "A1",
        related: [{ sheet: "收支总表", cell: "A1" }],
      }),
    ]);
    expect(duplicate[0].message).toMatch(
      /^工作簿中有 2 张收支总表：表间核对只用了第一张（收支总表!A1），这张只核对了表内的合计/
    );
  });
});

describe("the disclosure twice in one workbook", () => {
  /** A finding as it reads on the first set's sheet: “收支总表(2)” → “收支总表”. */
  const onFirstSheet = (f: Finding) =>
    [f.ruleId, f.severity, (f.sheet ?? "").replace(/\(2\)$/, ""), f.cell, f.message].join("|");

  test.each([
    ["tunliu", TUNLIU],
    ["quyang", QUYANG],
  ])(
    "%s copied in again: duplicate warnings and 部分检查, nothing added up across both sets (was a 项目支出 error of twice the total)",
    async (name, source) => {
      const once = await checkFile(source);
      const file = await variant(source, `${name}-twice.xlsx`, addSecondSet);
      const { cli, pane } = await verdicts(file);
      const duplicates = cli.findings.filter((f) => f.ruleId === "completeness.duplicate");
      expect(duplicates.length).toBeGreaterThan(0);
      for (const f of duplicates) expect(f.sheet).toMatch(/\(2\)$/);
      // Every other error or warning is one the workbook gets alone, on the first set's sheet or
      // on its copy: the rules between tables compared the first set with itself only.
      const alone = new Set(once.findings.filter((f) => f.severity !== "info").map(onFirstSheet));
      const others = cli.findings.filter(
        (f) => f.severity !== "info" && f.ruleId !== "completeness.duplicate"
      );
      expect(others.map(onFirstSheet).filter((f) => !alone.has(f))).toEqual([]);
      expect(statusOf(cli)).toBe(statusOf(once) === "passed" ? "partial" : statusOf(once));
      expect(summaryLine(cli)).not.toMatch(/^小结：通过/);
      expect(pane.allWell).toBeUndefined();
    }
  );
});

describe("an extract passes only for the tables it holds, and both say so", () => {
  test("only the 收支总表: 部分检查 names the one table checked and the 12 not checked", async () => {
    const file = await variant(TUNLIU, "extract.xlsx", (wb) => keepSheets(wb, ["收支总表"]));
    const { cli, pane } = await verdicts(file);
    expect(statusOf(cli)).toBe("partial");
    expect(summaryLine(cli)).toMatch(
      /^小结：部分检查（摘录：只检查了 1 张表，12 张必备公开表未检查；错误 0 条，警告 0 条，提示 \d+ 条）$/
    );
    expectNotPassed(cli, pane, "partial");
    expect(pane.partial?.lines).toEqual([
      "摘录：只检查了 1 张表（收支总表）；12 张必备公开表不在文件中，未检查：" +
        `${cli.missing!.join("、")}。`,
    ]);
  });

  test("a full disclosure keeps its plain 通过", async () => {
    const { cli, pane } = await verdicts(TUNLIU);
    expect(summaryLine(cli)).toMatch(/^小结：通过（错误 0 条，警告 0 条，提示 19 条）$/);
    expect(pane.allWell?.body).toMatch(/^工作簿通过了全部 \d+ 项检查规则。$/);
  });
});

/*
 * A county's own budget (政府预算): the figures follow the shape of the 一般公共预算 tables a county
 * publishes with its budget report — income by tax, transfers from above, spending by 功能 code with
 * what the county spends itself (本级) and passes to its townships (补助下级).
 */
const COUNTY_SUMMARY = [
  ["某某县2024年一般公共预算收支预算表"],
  [null, null, null, "单位：万元"],
  ["收入", null, "支出", null],
  ["项目", "预算数", "项目", "预算数"],
  ["一、税收收入", 52000, "一、一般公共服务支出", 21000],
  ["增值税", 18000, "二、教育支出", 48000],
  ["二、非税收入", 14000, "三、社会保障和就业支出", 36000],
  ["一般公共预算收入合计", 66000, "一般公共预算支出合计", 105000],
  ["上级补助收入", 39000, null, null],
  ["收入总计", 105000, "支出总计", 105000],
];
const COUNTY_EXPENDITURE = [
  ["某某县2024年一般公共预算本级支出表"],
  [null, null, null, null, "单位：万元"],
  ["科目编码", "科目名称", "合计", "本级支出", "补助下级支出"],
  [null, "合计", 21000, 18000, 3000],
  ["201", "一般公共服务支出", 21000, 18000, 3000],
  ["20132", "组织事务", 21000, 18000, 3000],
  ["2013201", "行政运行", 21000, 18000, 3000],
];

describe("tables of other documents a bureau receives are not a disclosure", () => {
  test("a county's 政府预算 (收支表, 本级/补助下级): 未检查, each sheet named (was 通过 as an extract)", async () => {
    const file = await workbookOf("county.xlsx", {
      收支表: COUNTY_SUMMARY,
      本级支出: COUNTY_EXPENDITURE,
    });
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.notDisclosure);
    expect(cli.tables).toEqual([]);
    expect(cli.findings.map((f) => [f.ruleId, f.severity, f.sheet, f.cell])).toEqual([
      ["workbook.not-disclosure", "error", "收支表", "A1"],
      ["workbook.not-disclosure", "error", "本级支出", "A1"],
    ]);
    expect(cli.findings[0].message).toMatch(
      /^“收支表”中的“某某县2024年一般公共预算收支预算表”是一级政府的预算.*未做任何检查/
    );
  });

  test("a county's 政府预算 sheet beside a department's tables: a warning at it, 仅警告 (was 通过)", async () => {
    // Titled without the county's name: its 本级 | 补助下级 columns tell what it is.
    const untitled = [["2024年一般公共预算本级支出表"], ...COUNTY_EXPENDITURE.slice(1)];
    const file = await variant(TUNLIU, "with-county.xlsx", (wb) =>
      addRows(wb, "本级支出", untitled)
    );
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "warningsOnly");
    expect(cli.tables).toHaveLength(13);
    const other = cli.findings.filter((f) => f.ruleId === "workbook.not-disclosure");
    expect(other).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "本级支出", cell: "A1" }),
    ]);
    expect(other[0].message).toMatch(/“补助下级支出”栏只有政府预算才有.*未作检查/);
  });

  test("a monthly execution report titled as a 一般公共预算支出表: 未检查 (was 通过 as an extract)", async () => {
    const file = await workbookOf("execution.xlsx", {
      "6月": [
        ["2024年6月一般公共预算支出执行情况表"],
        ["部门名称：某局", null, null, null, null, "单位：万元"],
        ["科目编码", "科目名称", "年初预算数", "调整预算数", "累计执行", "执行率"],
        [null, "合计", 300, 320, 150, "46.88%"],
        ["201", "一般公共服务支出", 300, 320, 150, "46.88%"],
        ["20132", "组织事务", 300, 320, 150, "46.88%"],
        ["2013201", "行政运行", 300, 320, 150, "46.88%"],
      ],
    });
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.notDisclosure);
    expect(cli.findings.map((f) => [f.ruleId, f.severity, f.sheet])).toEqual([
      ["workbook.not-disclosure", "error", "6月"],
    ]);
    expect(cli.findings[0].message).toMatch(/是预算执行情况/);
  });

  test("an inventory (数量 × 单价 = 金额, no fund source): 未检查 (was 通过 as a 政府采购表)", async () => {
    const file = await workbookOf("inventory.xlsx", {
      资产清单: [
        ["序号", "资产名称", "规格型号", "计量单位", "数量", "单价", "金额"],
        ["1", "台式计算机", "M720", "台", 10, 0.5, 5],
        ["2", "打印机", "M405", "台", 4, 0.3, 1.2],
        [null, "合计", null, null, 14, null, 6.2],
      ],
    });
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
    expect(requestOf(cli)).toBe(RESUBMIT_REQUEST.notDisclosure);
    expect(cli.findings.map((f) => [f.ruleId, f.sheet])).toEqual([
      ["workbook.not-disclosure", "资产清单"],
    ]);
    expect(cli.findings[0].message).toMatch(/^“资产清单”中的表格是物品清单/);
  });
});

describe("what was checked is said, whatever the workbook holds", () => {
  /** One project's 绩效目标表 (quyang's second, which has no mistake), alone on its sheet. */
  function oneGoalForm(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.getWorksheet("绩效目标")!;
    keepSheets(workbook, ["绩效目标"]);
    // Its title, department line, then the rows of the second form (20–34): the rest is cleared.
    const keep = new Set([1, 2, ...Array.from({ length: 15 }, (_, i) => 20 + i)]);
    sheet.eachRow((row, r) => {
      if (!keep.has(r)) row.eachCell((cell) => (cell.value = null));
    });
  }

  test("one project's 绩效目标表 alone: 部分检查, saying only the 绩效目标表 was checked (was a plain 通过)", async () => {
    const file = await variant(QUYANG, "one-goal.xlsx", oneGoalForm);
    const { cli, pane } = await verdicts(file);
    expect(statusOf(cli)).toBe("partial");
    expect(summaryLine(cli)).toBe(
      "小结：部分检查（摘录：只检查了绩效目标表，3 张必备公开表未检查；错误 0 条，警告 0 条，提示 0 条）"
    );
    expect(pane.allWell).toBeUndefined();
    expect(pane.partial?.lines).toEqual([
      expect.stringMatching(
        /^摘录：只检查了绩效目标表；3 张必备公开表不在文件中，未检查：收支总表、/
      ),
    ]);
  });

  test("a file named for 2025 holding the 2024 tables: a warning at the year (was 通过)", async () => {
    const file = path.join(dir, "某局2025年部门预算公开.xlsx");
    copyFileSync(TUNLIU, file);
    const cli = await checkFile(file);
    expect(statusOf(cli)).toBe("warningsOnly");
    const year = cli.findings.filter((f) => f.ruleId === "file.year");
    expect(year).toEqual([
      expect.objectContaining({ severity: "warning", expected: "2025", actual: "2024" }),
    ]);
    expect(year[0].message).toMatch(
      /^文件名“某局2025年部门预算公开.xlsx”写的是 2025 年，表中的预算年度是 2024 年/
    );
    // The example's own name states its year: no warning.
    expect((await checkFile(TUNLIU)).findings.some((f) => f.ruleId === "file.year")).toBe(false);
  });
});
