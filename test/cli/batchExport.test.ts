/*
 * `budget-disclosure export <dir|glob>… --out <dir>`: many workbooks through the single export,
 * each one's outcome in the summary, the exit status by check's convention. In this process
 * (--jobs 1); test/cli/e2e.test.ts runs the built CLI on worker threads.
 */
import { fakeIO } from "./helpers";
import { mkdirSync, readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import { BatchResult, batchExitStatus, renderBatchSummary } from "../../src/cli/batchExport";
import { main, parseCliArgs } from "../../src/cli/main";
import { exportBaseName } from "../../src/render/fileNames";
import { ROOT, QUYANG, TUNLIU, copyTo, makeTempDir, removeDir, writeCorrupt } from "./helpers";

const LEDGER = path.join(ROOT, "examples", "quyang-2024-ledger.xlsx");
const QUYANG_BASE = exportBaseName("中国共产党曲阳县委员会组织部", 2024);
const TUNLIU_BASE = exportBaseName("中共长治市屯留区委组织部", 2024);

async function run(...argv: string[]) {
  const io = fakeIO();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The summary's line for `file`, its columns split. */
function lineOf(out: string, file: string): string[] {
  const line = out.split("\n").find((l) => l.startsWith(file + " "));
  if (!line) throw new Error(`no line for ${file} in:\n${out}`);
  return line
    .slice(file.length)
    .trim()
    .split(/\s{2,}/);
}

describe("parseCliArgs: export of many", () => {
  test("a folder, a glob or several files make a batch, which needs --out", () => {
    expect(
      parseCliArgs(["export", "收到", "--out", "公开", "-j", "3", "--no-progress"], 8)
    ).toEqual({
      command: "export-batch",
      inputs: ["收到"],
      outDir: "公开",
      template: undefined,
      force: false,
      allowErrors: false,
      jobs: 3,
      progress: false,
    });
    expect(parseCliArgs(["export", "a.xlsx", "b.xlsx", "-o", "o", "--force"], 2)).toMatchObject({
      command: "export-batch",
      inputs: ["a.xlsx", "b.xlsx"],
      force: true,
      jobs: 2,
      progress: true,
    });
    expect(parseCliArgs(["export", "收到/*.xlsx", "-o", "o", "-t", "mof"], 2)).toMatchObject({
      command: "export-batch",
      template: "mof",
    });
    expect(parseCliArgs(["export", "一个.xlsx"], 2)).toMatchObject({ command: "export" });
  });
});

describe("the summary and the exit status", () => {
  const written = (file: string, target: string): BatchResult => ({
    file,
    outcome: {
      kind: "written",
      files: [`out/${target}.xlsx`, `out/${target}.docx`],
      department: "某局",
      year: 2024,
      errors: 0,
    },
  });

  test("one line per file: what became of it and why", () => {
    const results: BatchResult[] = [
      written("a.xlsx", "甲-2024-部门预算公开"),
      { file: "b.xlsx", outcome: { kind: "has-errors", errors: 3, message: "…" } },
      { file: "c.xlsx", outcome: { kind: "unreadable", message: "不是有效的 .xlsx 工作簿" } },
      {
        file: "d.xlsx",
        outcome: { kind: "exists", files: ["out/乙-2024-部门预算公开.xlsx"], message: "…" },
      },
      { file: "e.xlsx", outcome: { kind: "failed", message: "找不到部门名称，无法导出" } },
    ];
    const text = renderBatchSummary(results, "out");
    expect(lineOf(text, "a.xlsx")).toEqual(["已导出", "甲-2024-部门预算公开.xlsx、.docx"]);
    expect(lineOf(text, "b.xlsx")).toEqual(["跳过：有错误", "3 个错误，未导出"]);
    expect(lineOf(text, "c.xlsx")).toEqual(["无法读取", "不是有效的 .xlsx 工作簿"]);
    expect(lineOf(text, "d.xlsx")).toEqual([
      "跳过：文件已存在",
      "乙-2024-部门预算公开.xlsx 已存在，未覆盖",
    ]);
    expect(lineOf(text, "e.xlsx")).toEqual(["未能导出", "找不到部门名称，无法导出"]);
    expect(text).toContain(
      "共 5 个文件：已导出 1 个，跳过 2 个（文件已存在 1 个，有错误 1 个），无法读取 1 个，未能导出 1 个。"
    );
    expect(text).toMatch(/加 --allow-errors/);
    expect(text).toMatch(/要覆盖请加 --force/);
  });

  test("two workbooks of one department and year: the second is told apart from an earlier export", () => {
    const results: BatchResult[] = [
      {
        file: "重报.xlsx",
        outcome: { kind: "exists", files: ["out/甲-2024-部门预算公开.xlsx"], message: "…" },
      },
      written("原报.xlsx", "甲-2024-部门预算公开"),
    ];
    expect(lineOf(renderBatchSummary(results, "out"), "重报.xlsx")[1]).toBe(
      "本批中 原报.xlsx 已导出同名文件（同一部门、同一年度），未覆盖"
    );
    const forced = renderBatchSummary(
      [written("原报.xlsx", "甲-2024-部门预算公开"), written("重报.xlsx", "甲-2024-部门预算公开")],
      "out"
    );
    expect(lineOf(forced, "原报.xlsx")[1]).toMatch(/与本批中 重报\.xlsx 同一部门、同一年度/);
  });

  test("exit 0 when all were written, 1 when a workbook had errors, 2 when anything else went wrong", () => {
    const errors: BatchResult = {
      file: "b",
      outcome: { kind: "has-errors", errors: 1, message: "" },
    };
    expect(batchExitStatus([written("a", "x")])).toBe(0);
    expect(batchExitStatus([])).toBe(0);
    expect(batchExitStatus([written("a", "x"), errors])).toBe(1);
    for (const kind of ["unreadable", "failed"] as const)
      expect(batchExitStatus([errors, { file: "c", outcome: { kind, message: "" } }])).toBe(2);
    expect(
      batchExitStatus([errors, { file: "c", outcome: { kind: "exists", files: [], message: "" } }])
    ).toBe(2);
  });
});

describe("export <folder> --out <folder>", () => {
  let dir: string;
  let folder: string;
  let out: string;
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    dir = makeTempDir("budget-batch-");
    folder = path.join(dir, "收到");
    mkdirSync(folder);
    copyTo(LEDGER, path.join(folder, "曲阳-预算明细.xlsx"));
    copyTo(QUYANG, path.join(folder, "曲阳-公开表.xlsx"));
    copyTo(TUNLIU, path.join(folder, "屯留.xlsx"));
    writeCorrupt(path.join(folder, "某局.xlsx"));
    // The output folder inside the folder exported: earlier exports must not be taken for input.
    out = path.join(folder, "公开");
    first = await run("export", folder, "--out", out, "--jobs", "1");
  });
  afterAll(() => removeDir(dir));

  test("writes a pair for each workbook without errors, and says what became of every file", () => {
    expect(readdirSync(out).sort()).toEqual(
      [
        `${QUYANG_BASE}.docx`,
        `${QUYANG_BASE}.xlsx`,
        `${TUNLIU_BASE}.docx`,
        `${TUNLIU_BASE}.xlsx`,
      ].sort()
    );
    for (const name of readdirSync(out))
      expect(readFileSync(path.join(out, name)).subarray(0, 2).toString()).toBe("PK");
    const file = (name: string) => path.join(folder, name);
    expect(lineOf(first.out, file("曲阳-预算明细.xlsx"))).toEqual([
      "已导出",
      `${QUYANG_BASE}.xlsx、.docx`,
    ]);
    expect(lineOf(first.out, file("屯留.xlsx"))[0]).toBe("已导出");
    expect(lineOf(first.out, file("曲阳-公开表.xlsx"))).toEqual([
      "跳过：有错误",
      "2 个错误，未导出",
    ]);
    expect(lineOf(first.out, file("某局.xlsx"))[0]).toBe("无法读取");
    expect(first.out).toContain(
      "共 4 个文件：已导出 2 个，跳过 1 个（文件已存在 0 个，有错误 1 个），无法读取 1 个，未能导出 0 个。"
    );
  });

  test("exits 2: a file could not be read", () => {
    expect(first.code).toBe(2);
  });

  test("a second run overwrites nothing: the pairs are skipped as existing, the outputs not read as input", async () => {
    const before = readdirSync(out).map((name) => [name, statSync(path.join(out, name)).mtimeMs]);
    const again = await run("export", folder, "--out", out, "--jobs", "1");
    expect(again.code).toBe(2);
    expect(again.out).toContain(
      "共 4 个文件：已导出 0 个，跳过 3 个（文件已存在 2 个，有错误 1 个）"
    );
    expect(lineOf(again.out, path.join(folder, "屯留.xlsx"))).toEqual([
      "跳过：文件已存在",
      `${TUNLIU_BASE}.xlsx、.docx 已存在，未覆盖`,
    ]);
    expect(readdirSync(out).map((name) => [name, statSync(path.join(out, name)).mtimeMs])).toEqual(
      before
    );
  });

  test("the examples folder: a pair for each clean workbook, exit 1 for quyang's errors", async () => {
    const examplesOut = path.join(dir, "examples-out");
    const { code, out: summary } = await run(
      "export",
      path.join(ROOT, "examples"),
      "--out",
      examplesOut,
      "--jobs",
      "1"
    );
    expect(code).toBe(1);
    expect(readdirSync(examplesOut).sort()).toEqual(
      [
        `${QUYANG_BASE}.docx`,
        `${QUYANG_BASE}.xlsx`,
        `${TUNLIU_BASE}.docx`,
        `${TUNLIU_BASE}.xlsx`,
      ].sort()
    );
    expect(summary).toContain(
      "共 3 个文件：已导出 2 个，跳过 1 个（文件已存在 0 个，有错误 1 个），无法读取 0 个，未能导出 0 个。"
    );
  });

  test("a glob that matches nothing is reported as unreadable, exit 2", async () => {
    const { code, out: summary } = await run(
      "export",
      path.join(dir, "没有/*.xlsx"),
      "--out",
      path.join(dir, "none"),
      "--jobs",
      "1"
    );
    expect(code).toBe(2);
    expect(summary).toContain("共 1 个文件：已导出 0 个");
    expect(summary).toMatch(/无法读取/);
  });
});
