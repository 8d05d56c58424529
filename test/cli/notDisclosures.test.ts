/*
 * Workbooks that are not (complete) budget disclosures, or not what they seem, through the CLI's
 * checkFile and the pane's verdict (runCheck → checkViewModel) on the same grids: neither may say
 * 通过 for something that was not checked. Each workbook is written with exceljs from an example
 * and read back as the CLI reads it.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { checkFile } from "../../src/cli/checkFile";
import type { FileResult } from "../../src/cli/checkFile";
import { summaryLine, tablesLine, toJson } from "../../src/cli/report";
import { STATUS_LABEL, partialNote, statusOf } from "../../src/cli/review/model";
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
    expect(cli.unchecked).toMatch(/都没有填写/);
  });

  test("only an empty 政府性基金 table with its note: 未检查 (was 通过 as an extract)", async () => {
    const file = await variant(QUYANG, "fund-only.xlsx", (wb) =>
      keepSheets(wb, ["政府性基金支出表"])
    );
    const { cli, pane } = await verdicts(file);
    expectNotPassed(cli, pane, "unchecked");
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
