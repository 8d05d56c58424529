/*
 * `check <folder> --report r.html --report r.xlsx --format json` as a bureau would run it, over a
 * folder of the examples, a copy with a planted error, a corrupt file and one with no table (in this process, --jobs 1;
 * test/cli/e2e.test.ts runs the built CLI): the exit status of the existing convention, and the xlsx
 * report read back with exceljs, row for row the same as the JSON.
 */
import { fakeIO } from "../helpers";
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "fs";
import path from "path";
import { main } from "../../../src/cli/main";
import type { JsonReport } from "../../../src/cli/report";
import { TEMPLATE_LABEL } from "../../../src/cli/report";
import { STATUS_LABEL, DepartmentStatus } from "../../../src/cli/review/model";
import { FINDINGS_SHEET, SUMMARY_SHEET } from "../../../src/cli/review/xlsx";
import {
  QUYANG,
  ROOT,
  TUNLIU,
  copyTo,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
  writeWorkbookWithoutTables,
} from "../helpers";

const SEVERITY_LABEL: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

let dir: string;
let folder: string;
let code: number;
let json: JsonReport;
let stderr: string;

beforeAll(async () => {
  dir = makeTempDir("budget-report-");
  folder = path.join(dir, "收到");
  mkdirSync(folder);
  copyTo(QUYANG, path.join(folder, "quyang-2024.xlsx"));
  copyTo(TUNLIU, path.join(folder, "tunliu-2024.xlsx"));
  copyTo(path.join(ROOT, "examples", "quyang-2024-ledger.xlsx"), path.join(folder, "ledger.xlsx"));
  await writePlantedError(path.join(folder, "曲阳-有错误.xlsx"));
  writeCorrupt(path.join(folder, "损坏.xlsx"));
  await writeWorkbookWithoutTables(path.join(folder, "会议纪要.xlsx"));
  const io = fakeIO();
  code = await main(
    [
      "check",
      folder,
      "--report",
      path.join(dir, "r.html"),
      "--report",
      path.join(dir, "out", "r.xlsx"),
      "--format",
      "json",
      "--jobs",
      "1",
    ],
    io
  );
  json = JSON.parse(io.out());
  stderr = io.err();
});
afterAll(() => removeDir(dir));

test("exit 2: a file could not be read (the errors found would be 1)", () => {
  expect(code).toBe(2);
  expect(json.totals).toEqual({
    files: 6,
    status: { passed: 2, errors: 2, warningsOnly: 0, partial: 0, unchecked: 1, unreadable: 1 },
    findings: {
      error: json.files.reduce(
        (n, f) => n + f.findings.filter((x) => x.severity === "error").length,
        0
      ),
      warning: json.files.reduce(
        (n, f) => n + f.findings.filter((x) => x.severity === "warning").length,
        0
      ),
      info: json.files.reduce(
        (n, f) => n + f.findings.filter((x) => x.severity === "info").length,
        0
      ),
    },
  });
});

test("says where the reports went, and writes them (creating the folder), leaving no temporary file", () => {
  expect(stderr).toContain(`已写入报告：${path.join(dir, "r.html")}`);
  expect(stderr).toContain(`已写入报告：${path.join(dir, "out", "r.xlsx")}`);
  expect(existsSync(path.join(dir, "r.html"))).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  expect(readdirSync(path.join(dir, "out"))).toEqual(["r.xlsx"]);
});

test("the HTML names every file and shows the unreadable one with its reason", () => {
  const html = readFileSync(path.join(dir, "r.html"), "utf8");
  for (const f of json.files) expect(html).toContain(`<div class="file">${f.file}</div>`);
  const bad = json.files.find((f) => f.error !== undefined)!;
  expect(path.basename(bad.file)).toBe("损坏.xlsx");
  expect(html).toContain(`<div class="reason">无法读取：${bad.error}</div>`);
  expect(html).toContain('<svg class="chart donut"');
  expect(html).not.toMatch(/https?:|<link|url\(/);
});

function statusOf(f: JsonReport["files"][number]): DepartmentStatus {
  if (f.error !== undefined) return "unreadable";
  if (f.unchecked !== undefined) return "unchecked";
  if (f.findings.some((x) => x.severity === "error")) return "errors";
  if (f.findings.some((x) => x.severity === "warning")) return "warningsOnly";
  return "passed";
}

describe("the xlsx report, read back with exceljs", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "out", "r.xlsx"));
  });

  /** Every row under the header, each cell's value or null (exceljs leaves empty cells out). */
  const rowsOf = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const rows: unknown[][] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(
        Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? null)
      );
    }
    return rows;
  };

  test("汇总: one row per file, in the JSON's order, with its status, counts, template and year", () => {
    const expected = json.files.map((f) => {
      const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
      const readable = f.error === undefined && f.unchecked === undefined;
      return [
        f.department,
        f.file,
        f.year,
        f.template ? TEMPLATE_LABEL[f.template] : null,
        STATUS_LABEL[statusOf(f)],
        readable ? count("error") : null,
        readable ? count("warning") : null,
        readable ? count("info") : null,
      ];
    });
    expect(rowsOf(SUMMARY_SHEET).map((row) => row.slice(0, 8))).toEqual(expected);
    expect(rowsOf(SUMMARY_SHEET).find((row) => row[4] === "无法读取")?.[9]).toMatch(
      /不是有效的 \.xlsx 工作簿/
    );
    // Opened, but nothing in it was a disclosure table: its own status, never 通过.
    const minutes = rowsOf(SUMMARY_SHEET).find((row) => String(row[1]).endsWith("会议纪要.xlsx"));
    expect(minutes?.[4]).toBe("未检查");
    expect(minutes?.[9]).toMatch(/没有找到任何可识别的标准公开表/);
  });

  test("问题清单: one row per finding of the JSON, every field the same", () => {
    const key = (row: unknown[]) => JSON.stringify(row);
    const expected = json.files.flatMap((f) =>
      f.findings.map((x) => [
        f.department,
        f.file,
        x.sheet,
        x.cell,
        x.rule,
        SEVERITY_LABEL[x.severity],
        x.message,
        x.expected,
        x.actual,
        x.related?.length ? x.related.map((r) => `${r.sheet}!${r.cell}`).join("、") : null,
      ])
    );
    expect(expected.length).toBeGreaterThan(20);
    // The planted error names the cells it throws off; the 另见 column lists them.
    expect(expected.some((row) => typeof row[9] === "string")).toBe(true);
    const actual = rowsOf(FINDINGS_SHEET).map((row) => [
      ...row.slice(0, 5),
      ...row.slice(6, 10),
      row[11],
    ]);
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });
});

test("a report is never written over a file being checked", async () => {
  const input = path.join(folder, "quyang-2024.xlsx");
  const before = readFileSync(input);
  const io = fakeIO();
  expect(await main(["check", input, "--report", input, "--jobs", "1"], io)).toBe(2);
  expect(io.err()).toMatch(/--report 不能写到要检查的文件/);
  expect(readFileSync(input).equals(before)).toBe(true);
});

test("nor over a department's workbook found in a folder being checked", async () => {
  const workbook = path.join(folder, "tunliu-2024.xlsx");
  const before = readFileSync(workbook);
  const io = fakeIO();
  expect(await main(["check", folder, "--report", workbook, "--jobs", "1"], io)).toBe(2);
  expect(io.err()).toMatch(/--report 不能写到要检查的文件/);
  expect(readFileSync(workbook).equals(before)).toBe(true);
});

test("a report written into the folder being checked is not taken for a department on the next run", async () => {
  const report = path.join(folder, "审核报告.xlsx");
  for (let run = 0; run < 2; run++) {
    const io = fakeIO();
    await main(["check", folder, "--report", report, "--format", "json", "--jobs", "1"], io);
    const files = (JSON.parse(io.out()) as JsonReport).files.map((f) => path.basename(f.file));
    expect(files).not.toContain("审核报告.xlsx");
    expect(files).toHaveLength(6);
  }
  rmSync(report);
});
