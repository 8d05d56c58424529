import { writeFileSync } from "fs";
import path from "path";
import { checkFile, describeReadError } from "../../src/cli/checkFile";
import {
  QUYANG,
  TUNLIU,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writeUntrustedCells,
  writeWorkbookWithoutSheets,
  writeWorkbookWithoutTables,
  writeZipNotWorkbook,
} from "./helpers";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe("checkFile", () => {
  test("a readable workbook: department, year, template, sheets in workbook order, findings", async () => {
    const result = await checkFile(TUNLIU);
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({
      file: TUNLIU,
      department: "中共长治市屯留区委组织部",
      year: 2024,
      template: "shanxi",
    });
    expect(result.sheets[0]).toBe("收支总表");
    expect(result.sheets).toContain("项目支出(上年结转)");
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.severity !== "error")).toBe(true);
    // Results cross worker threads: plain data only.
    expect(structuredClone(result)).toEqual(result);
  });

  test("--template overrides detection", async () => {
    expect((await checkFile(QUYANG, { template: "mof" })).template).toBe("mof");
  });

  test("--strict-rounding turns rounding differences into errors", async () => {
    const result = await checkFile(TUNLIU, { strictRounding: true });
    expect(result.findings.some((f) => f.rounding && f.severity === "error")).toBe(true);
  });

  test.each([
    ["random bytes", (p: string) => writeCorrupt(p), /不是有效的 \.xlsx 工作簿/],
    ["an empty file", (p: string) => writeFileSync(p, ""), /文件是空的/],
    [
      "an old .xls or an encrypted workbook",
      (p: string) =>
        writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      /旧版 \.xls 或加密/,
    ],
    [
      "a truncated zip",
      (p: string) => writeFileSync(p, Buffer.from("PK\x03\x04 and then nothing")),
      /工作簿已损坏或不完整/,
    ],
  ])("never throws: %s is a result with a Chinese error", async (name, write, message) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    write(file);
    const result = await checkFile(file);
    expect(result).toMatchObject({ file, sheets: [], findings: [] });
    expect(result.error).toMatch(message);
  });

  test("a zip that is not a workbook is unreadable, not an empty pass", async () => {
    const file = await writeZipNotWorkbook(path.join(dir, "document.xlsx"));
    const result = await checkFile(file);
    expect(result).toMatchObject({ findings: [] });
    expect(result.error).toBe(
      "这是一个 zip 压缩文件，但不是 Excel 工作簿，其中没有 xl/workbook.xml（a zip archive, not an Excel workbook）"
    );
  });

  test("a workbook without a worksheet is unreadable", async () => {
    const file = await writeWorkbookWithoutSheets(path.join(dir, "no-sheets.xlsx"));
    expect((await checkFile(file)).error).toBe(
      "工作簿中没有任何工作表，未检查（the workbook has no worksheet: nothing was checked）"
    );
  });

  test("a workbook in which no standard table is found is read but unchecked", async () => {
    const file = await writeWorkbookWithoutTables(path.join(dir, "no-tables.xlsx"));
    const result = await checkFile(file);
    expect(result.error).toBeUndefined();
    expect(result.tables).toEqual([]);
    expect(result.unchecked).toMatch(/没有找到任何可识别的标准公开表.*nothing was checked/);
    // What it could not read is still said, at its cell.
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: "table.unrecognized", sheet: "Sheet1", cell: "A1" }),
    ]);
  });

  test("lists the tables it checked, and whether the workbook is an extract", async () => {
    const full = await checkFile(QUYANG);
    expect(full.extract).toBe(false);
    expect(full.missing).toEqual([]);
    expect(full.tables?.map((t) => t.kind)).toContain("三公经费表");
    expect(full.tables?.find((t) => t.kind === "收支总表")).toEqual({
      kind: "收支总表",
      sheet: "收支总表",
      cell: "A1",
    });
  });

  test("reports cells whose value cannot be trusted, each at its cell", async () => {
    const file = await writeUntrustedCells(path.join(dir, "untrusted.xlsx"));
    const findings = (await checkFile(file)).findings.filter(
      (f) => f.sheet === "支出总表" || f.sheet === "三公经费"
    );
    expect(findings.map((f) => `${f.severity} ${f.ruleId}@${f.sheet}!${f.cell}`)).toEqual([
      "error cell.formula-without-value@支出总表!D9",
      "error amount.date@支出总表!E11",
      "warning cell.hidden@支出总表!D12",
      "warning cell.hidden@三公经费!C6",
    ]);
  });

  test("a missing file or a directory", async () => {
    expect((await checkFile(path.join(dir, "nope.xlsx"))).error).toBe(
      "找不到文件（file not found）"
    );
    expect((await checkFile(dir)).error).toBe(
      "这是一个目录，不是文件（this is a folder, not a file）"
    );
  });

  test("describeReadError keeps the technical detail for a corrupt zip", () => {
    expect(
      describeReadError(new Error("end of central directory"), Buffer.from("PK\x03\x04"))
    ).toBe(
      "工作簿已损坏或不完整，无法读取；读取程序报告：“end of central directory”" +
        "（the workbook is damaged or incomplete; the reader reports: “end of central directory”）"
    );
  });
});
