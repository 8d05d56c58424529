/*
 * The built command line, end to end: compiles src/cli to dist-cli (what `npm run build:cli`
 * does) and runs bin/budget-disclosure.js as a user would, worker threads included.
 */
import { execFileSync, spawnSync } from "child_process";
import { readFileSync, readdirSync } from "fs";
import path from "path";
import {
  ROOT,
  QUYANG,
  TUNLIU,
  copyTo,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
  writeWorkbookWithoutSheets,
  writeWorkbookWithoutTables,
  writeZipNotWorkbook,
} from "./helpers";
import { BUILD_HOOK_LIMIT_MS, BUILD_LIMIT_MS, CLI_RUN_LIMIT_MS } from "../helpers/limits";

const BIN = path.join(ROOT, "bin", "budget-disclosure.js");
let dir: string;
let uncheckedDir: string;
/** Where exports and reports go: apart from `dir`, which every test checks as it was made. */
let outputs: string;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    // A hang guard (the run is synchronous, so jest's own limit cannot stop it).
    timeout: CLI_RUN_LIMIT_MS,
  });
  if (run.error) throw new Error(`budget-disclosure ${args.join(" ")}: ${run.error.message}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
      {
        cwd: ROOT,
        stdio: "pipe",
        encoding: "utf8",
        timeout: BUILD_LIMIT_MS,
      }
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build:cli failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
  dir = makeTempDir("budget-e2e-");
  outputs = makeTempDir("budget-e2e-out-");
  for (let i = 0; i < 3; i++) copyTo(QUYANG, path.join(dir, `quyang-${i}.xlsx`));
  copyTo(TUNLIU, path.join(dir, "tunliu.xlsx"));
  await writePlantedError(path.join(dir, "planted.xlsx"));
  writeCorrupt(path.join(dir, "bad.xlsx"));
  // Never 通过 for what was not checked: kept apart from the directory the other tests list.
  uncheckedDir = makeTempDir("budget-e2e-unchecked-");
  await writeZipNotWorkbook(path.join(uncheckedDir, "document.xlsx"));
  await writeWorkbookWithoutSheets(path.join(uncheckedDir, "no-sheets.xlsx"));
  await writeWorkbookWithoutTables(path.join(uncheckedDir, "no-tables.xlsx"));
}, BUILD_HOOK_LIMIT_MS);
afterAll(() => {
  removeDir(dir);
  removeDir(uncheckedDir);
  removeDir(outputs);
});

interface JsonFile {
  file: string;
  department: string | null;
  year: number | null;
  template: string | null;
  error?: string;
  findings: {
    severity: string;
    rule: string;
    sheet: string | null;
    cell: string | null;
    message: string;
    expected: string | null;
    actual: string | null;
    related: { sheet: string; cell: string }[];
  }[];
}

test("examples/*.xlsx --format json", () => {
  const { status, stdout, stderr } = cli("check", "examples/*.xlsx", "--format", "json");
  const report = JSON.parse(stdout) as { files: JsonFile[] };
  const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
  expect(byName.get("quyang-2024.xlsx")).toMatchObject({
    department: "中国共产党曲阳县委员会组织部",
    year: 2024,
    template: "hebei",
  });
  expect(byName.get("tunliu-2024.xlsx")).toMatchObject({
    department: "中共长治市屯留区委组织部",
    year: 2024,
    template: "shanxi",
  });
  expect(
    byName
      .get("tunliu-2024.xlsx")!
      .findings.some((f) => f.rule.startsWith("sum.") && f.expected !== null)
  ).toBe(true);
  for (const file of report.files) {
    for (const f of file.findings) {
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      if (f.expected !== null) expect(typeof f.expected).toBe("string");
      if (f.actual !== null) expect(typeof f.actual).toBe("string");
      for (const r of f.related) expect(Object.keys(r).sort()).toEqual(["cell", "sheet"]);
    }
  }
  // Other example workbooks may come and go; the status must agree with what was reported.
  const expected = report.files.some((f) => f.error)
    ? 2
    : report.files.some((f) => f.findings.some((x) => x.severity === "error"))
      ? 1
      : 0;
  expect(status).toBe(expected);
  expect(stderr).toBe("");
});

test("npm run demo's command: the examples in text, exit 1 for quyang's two real 绩效目标 mistakes", () => {
  const { status, stdout } = cli("check", "examples/quyang-2024.xlsx", "examples/tunliu-2024.xlsx");
  expect(stdout).toMatch(
    /^== examples\/quyang-2024\.xlsx\n {2}中国共产党曲阳县委员会组织部 · 2024 年 · 河北格式\n/
  );
  expect(stdout).toMatch(/汇总\n文件 +部门 +年度 +状态 +错误 +警告 +提示\n/);
  expect(stdout).toMatch(
    /examples\/quyang-2024\.xlsx +中国共产党曲阳县委员会组织部 +2024 +有错误 +2 +1 +1\n/
  );
  expect(stdout).toMatch(
    /examples\/tunliu-2024\.xlsx +中共长治市屯留区委组织部 +2024 +通过 +0 +0 +\d+\n/
  );
  expect(status).toBe(1);
});

test("a directory on 2 threads: a corrupt file exits 2, every other file is still checked and reported", () => {
  const { status, stdout, stderr } = cli("check", dir, "--format", "json", "--jobs", "2");
  expect(status).toBe(2);
  const report = JSON.parse(stdout) as { files: JsonFile[] };
  expect(report.files.map((f) => path.basename(f.file))).toEqual([
    "bad.xlsx",
    "planted.xlsx",
    "quyang-0.xlsx",
    "quyang-1.xlsx",
    "quyang-2.xlsx",
    "tunliu.xlsx",
  ]);
  expect(report.files[0].error).toMatch(/不是有效的 \.xlsx 工作簿/);
  expect(report.files[1].findings.find((f) => f.sheet === "支出总表")).toMatchObject({
    severity: "error",
  });
  expect(report.files.slice(2).every((f) => f.error === undefined && f.department !== null)).toBe(
    true
  );
  // Not a terminal: no progress bar.
  expect(stderr).toBe("");
});

test("the same directory in one thread gives the same JSON", () => {
  const parallel = cli("check", dir, "--format", "json", "--jobs", "2");
  const sequential = cli("check", dir, "--format", "json", "--jobs", "1");
  expect(sequential.stdout).toBe(parallel.stdout);
  expect(sequential.status).toBe(parallel.status);
});

test.each([
  [
    "a zip that is not a workbook",
    "document.xlsx",
    /无法读取：这是一个 zip 压缩文件，但不是 Excel 工作簿/,
  ],
  ["a workbook with no sheet", "no-sheets.xlsx", /无法读取：工作簿中没有任何工作表/],
  [
    "a workbook with no recognisable table",
    "no-tables.xlsx",
    /未检查：没有找到任何可识别的标准公开表/,
  ],
])("exit 2, never 通过, for %s", (_, name, said) => {
  const { status, stdout } = cli("check", path.join(uncheckedDir, name));
  expect(stdout).toMatch(said);
  expect(stdout).not.toMatch(/小结：通过/);
  expect(status).toBe(2);
});

test("exit 2 for the three together, each in the JSON with why", () => {
  const { status, stdout } = cli("check", uncheckedDir, "--format", "json");
  const report = JSON.parse(stdout) as { files: (JsonFile & { unchecked?: string })[] };
  expect(
    report.files.map((f) => [path.basename(f.file), Boolean(f.error), Boolean(f.unchecked)])
  ).toEqual([
    ["document.xlsx", true, false],
    ["no-sheets.xlsx", true, false],
    ["no-tables.xlsx", false, true],
  ]);
  expect(status).toBe(2);
});

test("exit 1 for a planted error alone", () => {
  expect(cli("check", path.join(dir, "planted.xlsx")).status).toBe(1);
});

test("--help and --version through the bin shim", () => {
  const help = cli("--help");
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/用法 Usage/);
  expect(cli("--version").stdout).toMatch(/^budget-disclosure \d+\.\d+\.\d+/);
  const bad = cli("check", "x.xlsx", "--format", "csv");
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/--format 只能是 text 或 json/);
});

test("export of a directory on 2 threads: a pair for each clean workbook, a summary line for each file", () => {
  const out = path.join(outputs, "公开");
  const { status, stdout, stderr } = cli("export", dir, "--out", out, "--jobs", "2");
  // bad.xlsx cannot be read: 2, as check exits.
  expect(status).toBe(2);
  expect(stderr).toBe("");
  const line = (name: string) =>
    stdout.split("\n").find((l) => l.startsWith(path.join(dir, name) + " ")) ?? "";
  expect(line("tunliu.xlsx")).toMatch(
    / 已导出 +中共长治市屯留区委组织部-2024-部门预算公开\.xlsx、\.docx$/
  );
  expect(line("planted.xlsx")).toMatch(/ 跳过：有错误 /);
  expect(line("quyang-0.xlsx")).toMatch(/ 跳过：有错误 /);
  expect(line("bad.xlsx")).toMatch(/ 无法读取 +不是有效的 \.xlsx 工作簿/);
  expect(readdirSync(out).sort()).toEqual([
    "中共长治市屯留区委组织部-2024-部门预算公开.docx",
    "中共长治市屯留区委组织部-2024-部门预算公开.xlsx",
  ]);
  expect(stdout).toContain(
    "共 6 个文件：已导出 1 个，跳过 4 个（文件已存在 0 个，有错误 4 个），无法读取 1 个"
  );
});

test("check --report on 2 threads writes both reports and says so on stderr, stdout unchanged", () => {
  const html = path.join(outputs, "报告", "r.html");
  const xlsx = path.join(outputs, "报告", "r.xlsx");
  const plain = cli("check", dir, "--format", "json", "--jobs", "2");
  const { status, stdout, stderr } = cli(
    "check",
    dir,
    "--format",
    "json",
    "--jobs",
    "2",
    "--report",
    html,
    "--report",
    xlsx
  );
  expect(status).toBe(2);
  expect(stdout).toBe(plain.stdout);
  expect(stderr).toBe(`已写入报告：${html}\n已写入报告：${xlsx}\n`);
  expect(readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html>/);
  expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
});
