/*
 * The command layer: argument parsing, --help/--version, and the exit status of real runs
 * (in this process, --jobs 1; the worker pool has its own test).
 */
import { fakeIO } from "./helpers";
import path from "path";
import type { FileResult } from "../../src/cli/checkFile";
import {
  CHECK_HELP,
  EXIT,
  EXPORT_COMMAND_HELP,
  HELP,
  exitStatus,
  main,
  parseCliArgs,
} from "../../src/cli/main";
import { toJson } from "../../src/cli/report";
import type { JsonFinding, JsonTable } from "../../src/cli/report";
import {
  QUYANG,
  TUNLIU,
  copyTo,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
} from "./helpers";

describe("parseCliArgs", () => {
  test("check with inputs and every option", () => {
    expect(
      parseCliArgs(
        [
          "check",
          "a.xlsx",
          "dir",
          "data/*.xlsx",
          "--template",
          "shanxi",
          "--format",
          "json",
          "--strict-rounding",
          "--jobs",
          "3",
          "--no-progress",
          "--report",
          "审核/r.html",
          "-r",
          "r.XLSX",
        ],
        8
      )
    ).toEqual({
      command: "check",
      inputs: ["a.xlsx", "dir", "data/*.xlsx"],
      template: "shanxi",
      format: "json",
      strictRounding: true,
      jobs: 3,
      progress: false,
      reports: ["审核/r.html", "r.XLSX"],
    });
  });

  test("defaults: text, detected template, jobs left to be chosen from the batch, progress on", () => {
    expect(parseCliArgs(["check", "a.xlsx"], 4)).toEqual({
      command: "check",
      inputs: ["a.xlsx"],
      template: undefined,
      format: "text",
      strictRounding: false,
      progress: true,
      reports: [],
    });
  });

  test("short options and --opt=value", () => {
    const parsed = parseCliArgs(["check", "-t", "mof", "-f", "json", "-j", "1", "x.xlsx"], 2);
    expect(parsed).toMatchObject({
      command: "check",
      template: "mof",
      format: "json",
      jobs: 1,
      inputs: ["x.xlsx"],
    });
    expect(parseCliArgs(["check", "--format=json", "x.xlsx"], 2)).toMatchObject({ format: "json" });
  });

  test("--help, -h, help and --version", () => {
    expect(parseCliArgs(["--help"])).toEqual({ command: "help", topic: "all" });
    expect(parseCliArgs(["check", "-h"])).toEqual({ command: "help", topic: "check" });
    expect(parseCliArgs(["check", "a.xlsx", "--help"])).toEqual({
      command: "help",
      topic: "check",
    });
    expect(parseCliArgs(["help"])).toEqual({ command: "help", topic: "all" });
    expect(parseCliArgs(["help", "check"])).toEqual({ command: "help", topic: "check" });
    expect(parseCliArgs(["help", "export"])).toEqual({ command: "help", topic: "export" });
    expect(parseCliArgs(["--version"])).toEqual({ command: "version" });
    expect(parseCliArgs(["-V"])).toEqual({ command: "version" });
  });

  test.each([
    [[], /缺少命令/],
    [["lint", "a.xlsx"], /未知命令“lint”/],
    [["check"], /请给出要检查的文件/],
    [["check", "a.xlsx", "--template", "guangdong"], /--template 只能是 hebei、shanxi、mof/],
    [["check", "a.xlsx", "--format", "xml"], /--format 只能是 text 或 json/],
    [["check", "a.xlsx", "--jobs", "0"], /--jobs 需要一个正整数/],
    [["check", "a.xlsx", "--jobs", "two"], /--jobs 需要一个正整数/],
    [["check", "a.xlsx", "--colour"], /未知选项 --colour/],
    [["check", "a.xlsx", "--template"], /需要一个值/],
    [["check", "a.xlsx", "--report", "r.pdf"], /--report 的文件名须以 \.html 或 \.xlsx 结尾/],
    [["check", "a.xlsx", "--report"], /需要一个值/],
  ])("usage error for %j", (argv, message) => {
    const parsed = parseCliArgs(argv as string[], 2);
    expect(parsed.command).toBe("usage-error");
    expect(parsed).toMatchObject({ message: expect.stringMatching(message) });
  });
});

describe("exitStatus", () => {
  const result = (over: Partial<FileResult>): FileResult => ({
    file: "x.xlsx",
    sheets: [],
    findings: [],
    ms: 0,
    ...over,
  });
  const finding = (severity: "error" | "warning" | "info") => ({
    ruleId: "r",
    severity,
    message: "m",
  });

  test("0 without errors, warnings and 提示 allowed", () => {
    expect(exitStatus([result({ findings: [finding("warning"), finding("info")] })])).toBe(0);
    expect(exitStatus([])).toBe(0);
  });
  test("1 with an error in any file", () => {
    expect(
      exitStatus([result({}), result({ findings: [finding("info"), finding("error")] })])
    ).toBe(1);
  });
  test("2 when nothing in a file could be checked", () => {
    expect(exitStatus([result({}), result({ unchecked: "没有找到任何可识别的标准公开表" })])).toBe(
      2
    );
  });
  test("2 when a file could not be read, even beside errors", () => {
    expect(exitStatus([result({ findings: [finding("error")] }), result({ error: "坏了" })])).toBe(
      2
    );
  });
});

describe("main", () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir();
    copyTo(QUYANG, path.join(dir, "quyang.xlsx"));
    copyTo(TUNLIU, path.join(dir, "tunliu.xlsx"));
    await writePlantedError(path.join(dir, "planted.xlsx"));
    writeCorrupt(path.join(dir, "bad.xlsx"));
  });
  afterAll(() => removeDir(dir));

  const run = async (...argv: string[]) => {
    const io = fakeIO();
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  test("--help is in Chinese and English and exits 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(HELP);
    expect(out).toMatch(/用法 Usage/);
    expect(out).toMatch(/--strict-rounding/);
  });

  test("check --help prints check's own options, in Chinese and English", async () => {
    const { code, out } = await run("check", "--help");
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(CHECK_HELP);
    expect(out).toMatch(/^budget-disclosure check — 检查/);
    for (const option of ["--template", "--format", "--strict-rounding", "--narrative", "--jobs"])
      expect(out).toContain(option);
    expect(out).toContain("rounding differences are errors");
    // Not export's.
    expect(out).not.toMatch(/--allow-errors|--duties|--force/);
  });

  test("export --help prints export's own options, in Chinese and English", async () => {
    const { code, out } = await run("export", "--help");
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(EXPORT_COMMAND_HELP);
    expect(out).toMatch(/^budget-disclosure export — 导出/);
    for (const option of ["--template", "--out", "--force", "--allow-errors", "--duties"])
      expect(out).toContain(option);
    expect(out).toContain("overwrite existing files");
    // --jobs is export's too (a batch runs on worker threads); check's own options are not.
    expect(out).not.toMatch(/--strict-rounding|--narrative|--report|--format/);
    expect((await run("help", "export")).out).toBe(EXPORT_COMMAND_HELP);
  });

  test("--version prints package.json's version", async () => {
    const { code, out } = await run("--version");
    expect(code).toBe(0);
    expect(out).toMatch(/^budget-disclosure \d+\.\d+\.\d+\n$/);
  });

  test("a usage error goes to stderr with exit 2", async () => {
    const { code, out, err } = await run("check");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/budget-disclosure --help/);
  });

  test("exit 1 for quyang: its 绩效目标表 has two real mistakes (QY-02, QY-03)", async () => {
    const { code, out } = await run("check", path.join(dir, "quyang.xlsx"), "--jobs", "1");
    expect(out).toMatch(/中国共产党曲阳县委员会组织部 · 2024 年 · 河北格式/);
    expect(out).toMatch(/【绩效目标】\n {4}错误 B8 .*\n {4}错误 C232 /);
    expect(out).toMatch(/小结：未通过（错误 2 条/);
    expect(code).toBe(1);
  });

  test("--max-cells: a workbook over the limit is refused unread, in Chinese and English, exit 2", async () => {
    const file = path.join(dir, "tunliu.xlsx");
    const refused = await run("check", file, "--max-cells", "500", "--jobs", "1");
    expect(refused.code).toBe(EXIT.unreadable);
    expect(refused.out).toMatch(/工作簿太大，未读取/);
    expect(refused.out).toMatch(/workbook too large, not read/);
    expect(refused.out).toMatch(/--max-cells/);
    expect(refused.out).not.toMatch(/通过 1 个/);
    // The same file under a limit it fits is checked as usual.
    const checked = await run("check", file, "--max-cells", "1,000,000", "--jobs", "1");
    expect(checked.code).toBe(0);
    expect(checked.out).not.toMatch(/工作簿太大/);
  });

  test("--max-cells needs a positive whole number", async () => {
    const { code, err } = await run("check", path.join(dir, "tunliu.xlsx"), "--max-cells", "lots");
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/--max-cells 需要一个正整数.*lots/);
  });

  test("exit 0 for tunliu too: rounding differences are 提示, not errors", async () => {
    const { code, out } = await run("check", path.join(dir, "tunliu.xlsx"), "--jobs", "1");
    expect(out).toMatch(/舍入差异/);
    expect(code).toBe(0);
  });

  test("--strict-rounding makes tunliu's rounding differences errors: exit 1", async () => {
    const { code, out } = await run(
      "check",
      path.join(dir, "tunliu.xlsx"),
      "--strict-rounding",
      "--format",
      "json",
      "--jobs",
      "1"
    );
    const report = JSON.parse(out);
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    expect(
      report.files[0].findings.every((f: { severity: string }) => f.severity === "error")
    ).toBe(true);
    expect(code).toBe(1);
  });

  test("exit 1 for a planted error, reported at its cell", async () => {
    const { code, out } = await run(
      "check",
      path.join(dir, "planted.xlsx"),
      "--format",
      "json",
      "--jobs",
      "1"
    );
    expect(code).toBe(1);
    const findings = JSON.parse(out).files[0].findings.filter(
      (f: { sheet: string }) => f.sheet === "支出总表"
    );
    expect(findings[0]).toMatchObject({ severity: "error", sheet: "支出总表" });
    // One wrong cell is one finding at that cell (the root cause); the subtotal (E8) and the row
    // total (D9) it breaks are named as related, not reported again.
    expect(findings.map((f: { cell: string }) => f.cell)).toEqual(["E9"]);
    expect(findings[0].related.map((r: { cell: string }) => r.cell)).toEqual(
      expect.arrayContaining(["E8", "D9"])
    );
  });

  test("exit 2 for a corrupt file, and the other files are still checked and reported", async () => {
    const files = ["quyang.xlsx", "bad.xlsx", "planted.xlsx"].map((f) => path.join(dir, f));
    const { code, out } = await run("check", ...files, "--format", "json", "--jobs", "1");
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.files.map((f: { file: string }) => path.basename(f.file))).toEqual([
      "quyang.xlsx",
      "bad.xlsx",
      "planted.xlsx",
    ]);
    expect(report.files[1].error).toMatch(/不是有效的 \.xlsx 工作簿/);
    expect(report.files[1].findings).toEqual([]);
    expect(report.files[0].department).toBe("中国共产党曲阳县委员会组织部");
    expect(report.files[2].findings.some((f: { severity: string }) => f.severity === "error")).toBe(
      true
    );
  });

  test("exit 2 for an input that names nothing, with the text report saying so", async () => {
    const { code, out } = await run(
      "check",
      path.join(dir, "tunliu.xlsx"),
      path.join(dir, "missing.xlsx"),
      "--jobs",
      "1"
    );
    expect(code).toBe(2);
    expect(out).toMatch(/missing\.xlsx\n {2}无法读取：找不到文件或目录/);
    expect(out).toMatch(
      /共 2 个文件：通过 1 个，有错误 0 个，仅警告 0 个，部分检查 0 个，未检查 0 个，无法读取 1 个/
    );
  });

  test("the JSON written is exactly toJson of the results", async () => {
    const { out } = await run(
      "check",
      path.join(dir, "quyang.xlsx"),
      "--format",
      "json",
      "--jobs",
      "1"
    );
    const report = JSON.parse(out);
    expect(report.files[0].findings.length).toBeGreaterThan(0);
    expect(report).toEqual(
      toJson([
        {
          file: path.join(dir, "quyang.xlsx"),
          department: "中国共产党曲阳县委员会组织部",
          year: 2024,
          template: "hebei",
          sheets: [],
          tables: report.files[0].tables.map((t: JsonTable) => ({
            kind: t.kind,
            sheet: t.sheet,
            ...(t.cell !== null ? { cell: t.cell } : {}),
          })),
          missing: report.files[0].missing,
          extract: report.files[0].extract,
          // Back from the JSON shape to findings, so that toJson has to reproduce every field.
          findings: report.files[0].findings.map((f: JsonFinding) => ({
            ruleId: f.rule,
            severity: f.severity,
            sheet: f.sheet ?? undefined,
            cell: f.cell ?? undefined,
            message: f.message,
            expected: f.expected ?? undefined,
            actual: f.actual ?? undefined,
            related: f.related,
          })),
          ms: 0,
        },
      ])
    );
  });
});
