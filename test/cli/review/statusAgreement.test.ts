/*
 * One batch with a file of every status — 通过, 有错误, 仅警告, 部分检查 (an extract; a second set of
 * tables), 未检查, 无法读取 — checked once for the text and once for JSON with both review reports:
 * each file has the same status in the four, and each output's counts add up to the files. The
 * console's 小结 and the reports drifted apart before (an extract was 通过 in the reports while the
 * 小结 said only part was checked); this keeps them together.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import path from "path";
import { main } from "../../../src/cli/main";
import type { JsonReport } from "../../../src/cli/report";
import type { ClientData } from "../../../src/cli/review/html";
import {
  DepartmentStatus,
  RESUBMIT_REQUEST,
  STATUSES,
  STATUS_LABEL,
} from "../../../src/cli/review/model";
import { ABOUT_SHEET, SUMMARY_SHEET } from "../../../src/cli/review/xlsx";
import {
  TUNLIU,
  addOwnLevelCopy,
  copyTo,
  fakeIO,
  keepSheets,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
  writeVariant,
  writeWorkbookWithoutTables,
} from "../helpers";

/** The file names of the batch and the status each must have. */
const EXPECTED: Record<string, DepartmentStatus> = {
  "通过.xlsx": "passed",
  "有错误.xlsx": "errors",
  "仅警告.xlsx": "warningsOnly",
  "摘录.xlsx": "partial",
  "两套表.xlsx": "partial",
  "会议纪要.xlsx": "unchecked",
  "损坏.xlsx": "unreadable",
};

/** The 小结 of the text, by status (有错误 is 未通过 there). */
const SUMMARY_VERDICT: [RegExp, DepartmentStatus][] = [
  [/^小结：通过（/, "passed"],
  [/^小结：未通过（/, "errors"],
  [/^小结：仅警告（/, "warningsOnly"],
  [/^小结：部分检查（/, "partial"],
  [/^小结：无法读取，未检查$/, "unreadable"],
  [/^小结：.*，未检查$/, "unchecked"],
];

/** The first cell of a sheet holding a number other than 0. */
function firstFigure(sheet: ExcelJS.Worksheet): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && typeof cell.value === "number" && cell.value !== 0) found = cell;
    })
  );
  if (!found) throw new Error(`${sheet.name} holds no figure`);
  return found;
}

let dir: string;
let json: JsonReport;
let text: string;
let html: string;
let summary: ExcelJS.Worksheet;
let about: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = makeTempDir("budget-agreement-");
  const folder = path.join(dir, "收到");
  mkdirSync(folder);
  copyTo(TUNLIU, path.join(folder, "通过.xlsx"));
  await writePlantedError(path.join(folder, "有错误.xlsx"));
  // A figure stored as text: read, with a 警告 (amount.as-text), and nothing else.
  await writeVariant(TUNLIU, path.join(folder, "仅警告.xlsx"), (wb) => {
    const cell = firstFigure(wb.getWorksheet("收支总表")!);
    cell.value = String(cell.value);
  });
  await writeVariant(TUNLIU, path.join(folder, "摘录.xlsx"), keepSheets(["收支总表"]));
  await writeVariant(TUNLIU, path.join(folder, "两套表.xlsx"), addOwnLevelCopy);
  await writeWorkbookWithoutTables(path.join(folder, "会议纪要.xlsx"));
  writeCorrupt(path.join(folder, "损坏.xlsx"));

  const asJson = fakeIO();
  await main(["check", folder, "--format", "json", "--jobs", "1"], asJson);
  json = JSON.parse(asJson.out());
  const asText = fakeIO();
  const reports = ["--report", path.join(dir, "r.html"), "--report", path.join(dir, "r.xlsx")];
  await main(["check", folder, "--jobs", "1", ...reports], asText);
  text = asText.out();
  html = readFileSync(path.join(dir, "r.html"), "utf8");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, "r.xlsx"));
  summary = workbook.getWorksheet(SUMMARY_SHEET)!;
  about = workbook.getWorksheet(ABOUT_SHEET)!;
});
afterAll(() => removeDir(dir));

const nameOf = (file: string) => path.basename(file);

function jsonStatuses(): Record<string, DepartmentStatus> {
  return Object.fromEntries(json.files.map((f) => [nameOf(f.file), f.status]));
}

function textStatuses(): Record<string, DepartmentStatus> {
  const out: Record<string, DepartmentStatus> = {};
  for (const block of text.split(/^== /m).slice(1)) {
    const file = nameOf(block.split("\n")[0]);
    const line = block
      .split("\n")
      .find((l) => l.trim().startsWith("小结："))!
      .trim();
    out[file] = SUMMARY_VERDICT.find(([pattern]) => pattern.test(line))![1];
  }
  return out;
}

function clientData(): ClientData {
  const data = html.match(/<script type="application\/json" id="report-data">([^]*?)<\/script>/)!;
  return JSON.parse(data[1]) as ClientData;
}

function htmlStatuses(): Record<string, DepartmentStatus> {
  return Object.fromEntries(clientData().departments.map((d) => [nameOf(d.file), d.status]));
}

/** The badge each department's row shows, by file. */
function htmlBadges(): Record<string, string> {
  const rows = [...html.matchAll(/<tbody class="dept"[^]*?<\/tbody>/g)].map((m) => m[0]);
  return Object.fromEntries(
    rows.map((row) => [
      nameOf(row.match(/<div class="file">([^<]*)<\/div>/)![1]),
      row.match(/<span class="badge s-\w+">([^<]*)<\/span>/)![1],
    ])
  );
}

const LABEL_STATUS = new Map(STATUSES.map((s) => [STATUS_LABEL[s], s]));

function xlsxStatuses(): Record<string, DepartmentStatus> {
  const out: Record<string, DepartmentStatus> = {};
  for (let r = 2; r <= summary.rowCount; r++) {
    const row = summary.getRow(r);
    out[nameOf(String(row.getCell(2).value))] = LABEL_STATUS.get(String(row.getCell(5).value))!;
  }
  return out;
}

test("each file has the same status in the text, the JSON, the HTML and the xlsx report", () => {
  expect(jsonStatuses()).toEqual(EXPECTED);
  expect(textStatuses()).toEqual(EXPECTED);
  expect(htmlStatuses()).toEqual(EXPECTED);
  expect(htmlBadges()).toEqual(
    Object.fromEntries(Object.entries(EXPECTED).map(([f, s]) => [f, STATUS_LABEL[s]]))
  );
  expect(xlsxStatuses()).toEqual(EXPECTED);
});

test("the counts by status add up to the files, and are the same in every output", () => {
  const counts = { passed: 1, errors: 1, warningsOnly: 1, partial: 2, unchecked: 1, unreadable: 1 };
  expect(Object.values(counts).reduce((a, b) => a + b)).toBe(Object.keys(EXPECTED).length);
  expect(json.totals.status).toEqual(counts);
  // The last line, before the time the run took.
  expect(text).toContain(
    "\n共 7 个文件：通过 1 个，有错误 1 个，仅警告 1 个，部分检查 2 个，未检查 1 个，无法读取 1 个，用时"
  );
  const cards = [...html.matchAll(/data-status="(\w+)"[^>]*><span class="count">(\d+)</g)];
  expect(Object.fromEntries(cards.map((m) => [m[1], Number(m[2])]))).toEqual(counts);
  const aboutCounts: Record<string, unknown> = {};
  about.eachRow((row) => (aboutCounts[String(row.getCell(1).value)] = row.getCell(2).value));
  for (const status of STATUSES)
    expect([status, aboutCounts[STATUS_LABEL[status]]]).toEqual([status, counts[status]]);
});

test("部分检查 names what was not checked, in the same words in the JSON and both reports", () => {
  const extract = json.files.find((f) => nameOf(f.file) === "摘录.xlsx")!;
  expect(extract.partial).toBe(
    "摘录：只检查了 1 张表（收支总表）；12 张必备公开表不在文件中，未检查：" +
      `${extract.missing.join("、")}。`
  );
  const twoSets = json.files.find((f) => nameOf(f.file) === "两套表.xlsx")!;
  expect(twoSets.partial).toBe(
    "1 张表只核对了表内合计，没有与其他表核对（另一单位或另一年度的表？）：收支总表（收支总表(本级)!A1）。"
  );
  const departments = clientData().departments;
  for (const file of [extract, twoSets]) {
    expect(departments.find((d) => d.file === file.file)!.partial).toBe(file.partial);
    // Escaped as every workbook text is: the note has no character that needs it.
    expect(html).toContain(`<div class="reason">部分检查：${file.partial}</div>`);
    const row = [...Array(summary.rowCount - 1).keys()]
      .map((i) => summary.getRow(i + 2))
      .find((r) => r.getCell(2).value === file.file)!;
    expect(row.getCell(10).value).toBe(file.partial);
  }
  // Nothing else is 部分检查, and a full disclosure has no note.
  const passed = json.files.find((f) => nameOf(f.file) === "通过.xlsx")!;
  expect(passed.partial).toBeUndefined();
});

test("未检查 and 无法读取 give their reasons in the reports, as the text does", () => {
  for (const name of ["会议纪要.xlsx", "损坏.xlsx"]) {
    const file = json.files.find((f) => nameOf(f.file) === name)!;
    const reason = file.unchecked ?? file.error!;
    expect(text).toContain(reason);
    const row = [...Array(summary.rowCount - 1).keys()]
      .map((i) => summary.getRow(i + 2))
      .find((r) => r.getCell(2).value === file.file)!;
    expect(row.getCell(10).value).toBe(reason);
    expect(clientData().departments.find((d) => d.file === file.file)!.error).toBe(reason);
  }
});

test("the HTML report asks each 未检查 or 无法读取 department for what its file lacked", () => {
  const requests = Object.fromEntries(
    clientData().departments.map((d) => [nameOf(d.file), d.resubmit])
  );
  expect(requests["会议纪要.xlsx"]).toBe(RESUBMIT_REQUEST.noTables);
  expect(requests["损坏.xlsx"]).toBe(RESUBMIT_REQUEST.unreadable);
  // A department whose file was checked is asked for nothing.
  expect(requests["通过.xlsx"]).toBeNull();
  expect(requests["两套表.xlsx"]).toBeNull();
});
