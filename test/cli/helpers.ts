/* Workbooks for the CLI tests: the bundled examples, copies with a planted error, corrupt files. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { randomBytes } from "crypto";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { CliIO } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const QUYANG = path.join(ROOT, "examples", "quyang-2024.xlsx");
export const TUNLIU = path.join(ROOT, "examples", "tunliu-2024.xlsx");

/** A fresh directory under the system temp dir; remove it with removeDir in afterAll. */
export function makeTempDir(prefix = "budget-cli-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export function copyTo(source: string, dest: string): string {
  copyFileSync(source, dest);
  return dest;
}

/**
 * quyang with 100 万元 added to 行政运行's 基本支出 (支出总表!E9): 组织事务's 基本支出 (E8) and the row's
 * 合计 (D9) no longer add up — an error at E9, not a rounding difference.
 */
export async function writePlantedError(dest: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(QUYANG);
  const cell = workbook.getWorksheet("支出总表")!.getCell("E9");
  cell.value = Number(cell.value) + 100;
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/** Random bytes under an .xlsx name. */
export function writeCorrupt(dest: string): string {
  writeFileSync(dest, randomBytes(4096));
  return dest;
}

/** A zip archive that holds no workbook (a .docx renamed, say). */
export async function writeZipNotWorkbook(dest: string): Promise<string> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", "<document/>");
  writeFileSync(dest, await zip.generateAsync({ type: "nodebuffer" }));
  return dest;
}

/** A workbook whose workbook.xml lists no sheet (exceljs writes one when given none). */
export async function writeWorkbookWithoutSheets(dest: string): Promise<string> {
  await new ExcelJS.Workbook().xlsx.writeFile(dest);
  return dest;
}

/** A workbook with sheets and text, but no standard table in it. */
export async function writeWorkbookWithoutTables(dest: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.getCell("A1").value = "会议纪要";
  sheet.getCell("A2").value = "本年度工作安排如下。";
  sheet.getCell("B3").value = 12;
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/**
 * quyang with cells whose value cannot be trusted: a formula saved without its result
 * (支出总表!D9), a date in an amount cell (支出总表!E11), a hidden row (支出总表 row 12) and a
 * hidden sheet (三公经费).
 */
export async function writeUntrustedCells(dest: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(QUYANG);
  const sheet = workbook.getWorksheet("支出总表")!;
  sheet.getCell("D9").value = { formula: "E9+F9" } as ExcelJS.CellFormulaValue;
  const date = sheet.getCell("E11");
  date.value = new Date(Date.UTC(2024, 0, 5));
  // A style of its own: exceljs shares style objects between cells read from a file.
  date.style = { ...date.style, numFmt: "yyyy/m/d" };
  sheet.getRow(12).hidden = true;
  workbook.getWorksheet("三公经费")!.state = "hidden";
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/** A change made to a workbook before it is written (writeVariant). */
export type WorkbookEdit = (workbook: ExcelJS.Workbook) => void;

/** `source` with `edit` applied, written to `dest`. */
export async function writeVariant(
  source: string,
  dest: string,
  edit: WorkbookEdit
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  edit(workbook);
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/** Keeps only the sheets named: an extract of the disclosure. */
export function keepSheets(names: readonly string[]): WorkbookEdit {
  return (workbook) => {
    for (const sheet of [...workbook.worksheets])
      if (!names.includes(sheet.name)) workbook.removeWorksheet(sheet.id);
  };
}

/**
 * tunliu's 收支总表 again on a sheet of its own, for the department's 本级, every amount halved: a
 * second set of tables in one workbook.
 */
export function addOwnLevelCopy(workbook: ExcelJS.Workbook): void {
  const source = workbook.getWorksheet("收支总表")!;
  const copy = workbook.addWorksheet("收支总表(本级)");
  source.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const value = cell.value;
      copy.getCell(r, c).value =
        typeof value === "number"
          ? Math.round(value * 50) / 100
          : typeof value === "string"
            ? value.replace("中共长治市屯留区委组织部", "中共长治市屯留区委组织部本级")
            : value;
    })
  );
}

/**
 * Every sheet again after the last, named “…(2)”, with the same cells and merges: the disclosure
 * copied into its own workbook, a second set of tables.
 */
export function addSecondSet(workbook: ExcelJS.Workbook): void {
  for (const source of [...workbook.worksheets]) {
    const copy = workbook.addWorksheet(`${source.name.slice(0, 28)}(2)`);
    source.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        copy.getCell(r, c).value = cell.value;
      })
    );
    const merges: string[] = (source.model as { merges?: string[] }).merges ?? [];
    for (const range of merges) copy.mergeCells(range);
  }
}

/**
 * A copy of `source` whose department is called `name` in every cell that names it (titles, the
 * 部门 line): what a clerk types is what the reports must show, escaped.
 */
export async function writeRenamedDepartment(
  source: string,
  from: string,
  name: string,
  dest: string
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  let replaced = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.includes(from)) {
          cell.value = cell.value.split(from).join(name);
          replaced++;
        }
      })
    )
  );
  if (replaced === 0) throw new Error(`${source} never names ${from}`);
  await workbook.xlsx.writeFile(dest);
  return dest;
}

/** The CLI's standard streams captured as text, not a terminal, with no environment. */
export function fakeIO(): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text), isTTY: false },
    env: {},
    out: () => out,
    err: () => err,
  };
}
