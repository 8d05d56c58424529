import { writeFileSync } from "fs";
import path from "path";
import { checkFile, describeReadError } from "../../src/cli/checkFile";
import { QUYANG, TUNLIU, makeTempDir, removeDir, writeCorrupt } from "./helpers";

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
