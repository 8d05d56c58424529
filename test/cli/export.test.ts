/*
 * `budget-disclosure export`: argument parsing, what it writes, and when it refuses (errors in the
 * workbook, files that exist). Runs in this process through main(), like main.test.ts.
 */
import JSZip from "jszip";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../src/core/check/workbook";
import { TEMPLATE_SETS } from "../../src/core/templates/sets";
import { exportBaseName, safeFileName } from "../../src/cli/exportCommand";
import { CliIO, HELP, main, parseCliArgs } from "../../src/cli/main";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import { QUYANG, ROOT, TUNLIU, makeTempDir, removeDir } from "./helpers";

const LEDGER = path.join(ROOT, "examples", "quyang-2024-ledger.xlsx");
const QUYANG_BASE = "中国共产党曲阳县委员会组织部-2024-部门预算公开";
const TUNLIU_BASE = "中共长治市屯留区委组织部-2024-部门预算公开";

function fakeIO(): CliIO & { out: () => string; err: () => string } {
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

const run = async (...argv: string[]) => {
  const io = fakeIO();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
};

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}

function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

async function documentText(file: string): Promise<string> {
  return xmlText(await documentXml(file));
}

describe("parseCliArgs export", () => {
  test("every option", () => {
    expect(
      parseCliArgs([
        "export",
        "a.xlsx",
        "-t",
        "shanxi",
        "--out",
        "out",
        "--force",
        "--allow-errors",
        "--duties",
        "duties.txt",
      ])
    ).toEqual({
      command: "export",
      input: "a.xlsx",
      template: "shanxi",
      outDir: "out",
      force: true,
      allowErrors: true,
      dutiesFile: "duties.txt",
    });
  });

  test("defaults: detected template, current directory, no overwriting, no export with errors", () => {
    expect(parseCliArgs(["export", "a.xlsx"])).toEqual({
      command: "export",
      input: "a.xlsx",
      template: undefined,
      outDir: ".",
      force: false,
      allowErrors: false,
    });
    expect(parseCliArgs(["export", "-o", "d", "a.xlsx"])).toMatchObject({ outDir: "d" });
    expect(parseCliArgs(["export", "-h"])).toEqual({ command: "help", topic: "export" });
  });

  test.each([
    [["export"], /请给出要导出的工作簿/],
    [["export", "a.xlsx", "b.xlsx"], /批量导出请用 --out/],
    [["export", "收到/"], /批量导出请用 --out/],
    [["export", "收到/*.xlsx", "-o", "out", "--duties", "d.txt"], /批量导出时不能使用/],
    [["export", "a.xlsx", "--template", "guangdong"], /--template 只能是 hebei、shanxi、mof/],
    [["export", "a.xlsx", "--jobs", "0"], /--jobs 需要一个正整数/],
    [["export", "a.xlsx", "--colour"], /未知选项 --colour/],
    [["export", "a.xlsx", "--out"], /需要一个值/],
  ])("usage error for %j", (argv, message) => {
    const parsed = parseCliArgs(argv as string[]);
    expect(parsed.command).toBe("usage-error");
    expect(parsed).toMatchObject({ message: expect.stringMatching(message) });
  });

  test("the help describes export", () => {
    expect(HELP).toMatch(/budget-disclosure export <文件>/);
    expect(HELP).toMatch(/--allow-errors/);
    expect(HELP).toMatch(/--force/);
  });

  test("file names: <部门>-<年度>-部门预算公开, without characters a file system refuses", () => {
    expect(exportBaseName("中国共产党曲阳县委员会组织部", 2024)).toBe(QUYANG_BASE);
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe("a_b_c_d_e_f_g_h_i_j");
    expect(safeFileName(" .. ")).toBe("部门");
  });
});

describe("budget-disclosure export", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-export-");
  });
  afterAll(() => removeDir(dir));

  test("exports the example ledger: xlsx that checks clean and a docx with every part", async () => {
    const out = path.join(dir, "ledger");
    const duties = path.join(dir, "duties.txt");
    writeFileSync(
      duties,
      "一、部门职责\n（一）负责全县党的组织建设。\n二、机构设置情况\n内设机构7个。\n"
    );
    const {
      code,
      out: stdout,
      err,
    } = await run("export", LEDGER, "--out", out, "--duties", duties);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/已导出 中国共产党曲阳县委员会组织部 2024 年部门预算公开/);
    expect(readdirSync(out).sort()).toEqual([`${QUYANG_BASE}.docx`, `${QUYANG_BASE}.xlsx`]);

    const grids = await gridsFromXlsx(readFileSync(path.join(out, `${QUYANG_BASE}.xlsx`)));
    const check = checkWorkbook(grids);
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(check.template).toBe("hebei");
    expect(check.model.department?.value).toBe("中国共产党曲阳县委员会组织部");
    const kinds = new Set(check.model.tables.map((t) => t.kind));
    for (const table of TEMPLATE_SETS.hebei.tables) expect(kinds).toContain(table.kind);
    // The published totals of quyang-2024: the ledger's figures come out as published.
    const summary = grids.find((g) => g.sheet.includes("收支总表") && !g.sheet.includes("财政"))!;
    expect(summary.values.flat()).toEqual(expect.arrayContaining([872.24, 855.89, 16.35]));

    const text = await documentText(path.join(out, `${QUYANG_BASE}.docx`));
    expect(text).toContain("中国共产党曲阳县委员会组织部");
    for (const g of grids) expect(text).toContain(String(g.values[0][0]));
    expect(text).toContain("（一）负责全县党的组织建设。");
    expect(text).toContain("第三部分 2024年部门预算情况说明");
    expect(text).toContain("支出说明");
    expect(text).toContain("第四部分 名词解释");
    expect(text).toContain("财政拨款收入：指本级财政当年拨付的资金");
  });

  test("refuses to overwrite without --force, and overwrites with it", async () => {
    const out = path.join(dir, "twice");
    expect((await run("export", LEDGER, "--out", out)).code).toBe(0);
    const xlsx = path.join(out, `${QUYANG_BASE}.xlsx`);
    const before = statSync(xlsx).mtimeMs;
    const again = await run("export", LEDGER, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/文件已存在/);
    expect(again.err).toMatch(/--force/);
    expect(statSync(xlsx).mtimeMs).toBe(before);
    // One of the two is enough to refuse: nothing is half-written.
    removeDir(path.join(out, `${QUYANG_BASE}.docx`));
    expect((await run("export", LEDGER, "--out", out)).code).toBe(2);
    expect(existsSync(path.join(out, `${QUYANG_BASE}.docx`))).toBe(false);
    const forced = await run("export", LEDGER, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(out, `${QUYANG_BASE}.docx`))).toBe(true);
  });

  test("exits 1 with the findings when the workbook has errors, writing nothing", async () => {
    const out = path.join(dir, "errors");
    const { code, out: stdout, err } = await run("export", QUYANG, "--out", out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/【绩效目标】\n {4}错误 B8 .*\n {4}错误 C232 /);
    expect(err).toMatch(/工作簿有 2 个错误，未导出/);
    expect(err).toMatch(/--allow-errors/);
    expect(existsSync(out)).toBe(false);
  });

  test("exports a workbook with errors when --allow-errors is given", async () => {
    const out = path.join(dir, "allowed");
    const { code, out: stdout } = await run("export", QUYANG, "--out", out, "--allow-errors");
    expect(code).toBe(0);
    expect(stdout).toMatch(/工作簿有 2 个错误（--allow-errors）/);
    expect(readdirSync(out).sort()).toEqual([`${QUYANG_BASE}.docx`, `${QUYANG_BASE}.xlsx`]);
  });

  test("exports the published Shanxi tables of tunliu, with the example 职责.txt as part one", async () => {
    const out = path.join(dir, "tunliu");
    const duties = path.join(ROOT, "examples", "职责.txt");
    const { code } = await run("export", TUNLIU, "--out", out, "--duties", duties);
    expect(code).toBe(0);
    // The README's example: its headings are part one's, in the 目录 (the TOC content control).
    const xml = await documentXml(path.join(out, `${TUNLIU_BASE}.docx`));
    const contents = xmlText(/<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)![0]);
    expect(contents).toMatch(/第一部分 部门职责及机构设置一、本部门职责二、机构设置情况第二部分/);
    expect(xmlText(xml)).toContain(readFileSync(duties, "utf8").split("\n")[1]);
    expect(xmlText(xml)).not.toContain("【请填写：部门职责】");
    const grids = await gridsFromXlsx(readFileSync(path.join(out, `${TUNLIU_BASE}.xlsx`)));
    const check = checkWorkbook(grids);
    expect(check.template).toBe("shanxi");
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    const text = await documentText(path.join(out, `${TUNLIU_BASE}.docx`));
    for (const g of grids) expect(text).toContain(String(g.values[0][0]));
    expect(text).toContain("五、一般公共预算支出情况说明");
  });

  test("--template lays the export out in another province's format", async () => {
    const out = path.join(dir, "as-shanxi");
    const { code, out: stdout } = await run("export", LEDGER, "--out", out, "--template", "shanxi");
    expect(code).toBe(0);
    expect(stdout).toMatch(/（13 张表）/);
    const grids = await gridsFromXlsx(readFileSync(path.join(out, `${QUYANG_BASE}.xlsx`)));
    const check = checkWorkbook(grids);
    expect(check.template).toBe("shanxi");
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("exits 2 for a file it cannot read", async () => {
    const { code, err } = await run("export", path.join(dir, "missing.xlsx"), "--out", dir);
    expect(code).toBe(2);
    expect(err).toMatch(/找不到文件/);
  });
});
