/*
 * `budget-disclosure export`: argument parsing, what it writes, and when it refuses (errors in the
 * workbook, files that exist). Runs in this process through main(), like main.test.ts.
 */
import { fakeIO } from "./helpers";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import path from "path";
import { checkWorkbook } from "../../src/core/check/workbook";
import { TEMPLATE_SETS } from "../../src/core/templates/sets";
import { exportBaseName, safeFileName } from "../../src/cli/exportCommand";
import { HELP, internalErrorText, main, parseCliArgs } from "../../src/cli/main";
import { NODE_FS } from "../../src/cli/outputFiles";
import { engineContent, runExport } from "../../src/cli/exportCommand";
import type { BuildContent, ExportCommand } from "../../src/cli/exportCommand";
import type { FigureChange } from "../../src/core/format/disclosure";
import type { Finding } from "../../src/core/finding";
import { Money } from "../../src/core/money";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import { QUYANG, ROOT, TUNLIU, makeTempDir, removeDir, writeCorrupt } from "./helpers";

const LEDGER = path.join(ROOT, "examples", "quyang-2024-ledger.xlsx");
const QUYANG_BASE = "中国共产党曲阳县委员会组织部-2024-部门预算公开";
const TUNLIU_BASE = "中共长治市屯留区委组织部-2024-部门预算公开";

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
    [["export", "a.xlsx", "--max-cells", "lots"], /--max-cells 需要一个正整数.*lots/],
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

  test("--max-cells: a workbook over the limit is refused unread, exit 2, nothing written", async () => {
    const out = path.join(dir, "max-cells");
    const refused = await run("export", TUNLIU, "--out", out, "--max-cells", "500");
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/工作簿太大，未读取.*--max-cells/);
    expect(refused.err).toMatch(/workbook too large, not read/);
    expect(existsSync(path.join(out, `${TUNLIU_BASE}.xlsx`))).toBe(false);
    // The same limit reaches every workbook of a batch.
    expect(parseCliArgs(["export", "收到/", "-o", "o", "--max-cells", "3,000"])).toMatchObject({
      command: "export-batch",
      maxCells: 3000,
    });
    const fits = await run("export", TUNLIU, "--out", out, "--max-cells", "1_000_000");
    expect(fits.code).toBe(0);
    expect(existsSync(path.join(out, `${TUNLIU_BASE}.xlsx`))).toBe(true);
  });
});

/** Chinese, then English in parentheses: how every error of the command line reads. */
const BILINGUAL = /[\u4e00-\u9fff].*（[^）]*[A-Za-z]{3,}[^）]*）/;

describe("budget-disclosure export never loses or corrupts a file", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-export-safe-");
  });
  afterAll(() => removeDir(dir));

  test("refuses to overwrite an input named like the output, even with --force", async () => {
    const out = path.join(dir, "same");
    mkdirSync(out);
    // A ledger saved under the name the export would give its xlsx, in the output folder.
    const input = path.join(out, `${QUYANG_BASE}.xlsx`);
    copyFileSync(LEDGER, input);
    const before = readFileSync(input);
    const { code, err } = await run("export", input, "--out", out, "--force");
    expect(code).toBe(2);
    expect(err).toContain(`输出文件“${input}”就是输入文件`);
    expect(err).toMatch(/even with --force/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual([`${QUYANG_BASE}.xlsx`]);
  });

  test("sees through a symbolic link and a hard link to the input", async () => {
    const out = path.join(dir, "links");
    mkdirSync(out);
    const input = path.join(dir, "ledger.xlsx");
    copyFileSync(LEDGER, input);
    const before = readFileSync(input);
    symlinkSync(input, path.join(out, `${QUYANG_BASE}.xlsx`));
    expect((await run("export", input, "--out", out, "--force")).code).toBe(2);
    rmSync(path.join(out, `${QUYANG_BASE}.xlsx`));
    linkSync(input, path.join(out, `${QUYANG_BASE}.xlsx`));
    const hard = await run("export", input, "--out", out, "--force");
    expect(hard.code).toBe(2);
    expect(hard.err).toMatch(/就是输入文件/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("gives the same bytes twice: xlsx and docx", async () => {
    const first = path.join(dir, "first");
    const second = path.join(dir, "second");
    expect((await run("export", TUNLIU, "--out", first)).code).toBe(0);
    expect((await run("export", TUNLIU, "--out", second)).code).toBe(0);
    for (const ext of ["xlsx", "docx"]) {
      const a = readFileSync(path.join(first, `${TUNLIU_BASE}.${ext}`));
      const b = readFileSync(path.join(second, `${TUNLIU_BASE}.${ext}`));
      expect({ ext, same: a.equals(b) }).toEqual({ ext, same: true });
    }
  });

  test("an output folder that cannot be created: exit 2, the folder named, no stack trace", async () => {
    const file = path.join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const out = path.join(file, "out");
    const { code, err } = await run("export", LEDGER, "--out", out);
    expect(code).toBe(2);
    expect(err).toContain(`输出目录“${out}”`);
    expect(err).toMatch(BILINGUAL);
    expect(err).not.toContain(LEDGER); // the input is not blamed
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toMatch(/ENOTDIR|EEXIST/);
    // --debug adds the system's own words, its error code and where it happened.
    const debug = await run("export", LEDGER, "--out", out, "--debug");
    expect(debug.code).toBe(2);
    expect(debug.err).toMatch(/\[debug\] Error: (ENOTDIR|EEXIST)/);
    expect(debug.err).toMatch(/code=(ENOTDIR|EEXIST) syscall=mkdir/);
  });

  test("an output folder that refuses writing: exit 2, the folder named, nothing left", async () => {
    const out = path.join(dir, "locked");
    mkdirSync(out);
    const io = fakeIO();
    const refusing = {
      ...NODE_FS,
      writeFile: async () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    const code = await main(["export", LEDGER, "--out", out], { ...io, fs: refusing });
    expect(code).toBe(2);
    expect(io.err()).toContain(`没有权限写入输出位置“${out}”`);
    expect(io.err()).toMatch(/no permission to write to the output/);
    expect(io.err()).toMatch(/未写出任何文件/);
    expect(readdirSync(out)).toEqual([]);
  });

  test("a folder where the xlsx goes: exit 2, that path named, nothing written", async () => {
    const out = path.join(dir, "folder-target");
    mkdirSync(path.join(out, `${QUYANG_BASE}.xlsx`), { recursive: true });
    const { code, err } = await run("export", LEDGER, "--out", out, "--force");
    expect(code).toBe(2);
    expect(err).toContain(`“${path.join(out, `${QUYANG_BASE}.xlsx`)}”的位置已有一个同名文件夹`);
    expect(readdirSync(out)).toEqual([`${QUYANG_BASE}.xlsx`]);
  });

  test("a docx that cannot be put in place leaves no xlsx behind", async () => {
    const out = path.join(dir, "half");
    mkdirSync(out);
    const io = fakeIO();
    let links = 0;
    const failingDocx = {
      ...NODE_FS,
      link: async (from: string, to: string) => {
        if (++links === 2) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
        return NODE_FS.link(from, to);
      },
    };
    const code = await main(["export", LEDGER, "--out", out], { ...io, fs: failingDocx });
    expect(code).toBe(2);
    expect(io.err()).toContain(`无法写入输出位置“${path.join(out, `${QUYANG_BASE}.docx`)}”`);
    expect(io.err()).toContain("“EIO: i/o error”");
    expect(readdirSync(out)).toEqual([]);
  });

  test("every error it prints is in Chinese and English", async () => {
    const corrupt = writeCorrupt(path.join(dir, "corrupt.xlsx"));
    const cases = [
      ["export"],
      ["export", "a.xlsx", "b.xlsx"],
      ["export", "a.xlsx", "--template", "guangdong"],
      ["export", "a.xlsx", "--jobs", "2"],
      ["export", path.join(dir, "missing.xlsx")],
      ["export", corrupt],
      ["export", LEDGER, "--duties", path.join(dir, "missing.txt")],
      ["check"],
      ["check", "a.xlsx", "--format", "xml"],
      ["frobnicate"],
    ];
    for (const argv of cases) {
      const { code, err } = await run(...argv);
      expect({ argv, code }).toEqual({ argv, code: 2 });
      const first = err.split("\n")[0];
      expect({ argv, first, bilingual: BILINGUAL.test(first) }).toEqual({
        argv,
        first,
        bilingual: true,
      });
    }
  });
});

describe("budget-disclosure export says which figures it changes", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-export-changes-");
  });
  afterAll(() => removeDir(dir));

  test("lists each changed cell with its old and new value", async () => {
    const { code, out } = await run("export", TUNLIU, "--out", path.join(dir, "tunliu"));
    expect(code).toBe(0);
    expect(out).toMatch(/与原表不同的数字 \d+ 处（舍入差异，以更明细的数字为准）/);
    expect(out).toContain(
      "【支出总表】C7 “201 一般公共服务支出”的“合计”：1,813.51 → 1,813.52（+0.01）"
    );
  });

  test("a change beyond rounding blocks the export like an error; --allow-errors exports and says so", async () => {
    // The engine's content for tunliu, with one figure changed by more than rounding.
    const beyond: FigureChange = {
      sheet: "项目支出(本年)",
      cell: "B28",
      label: "选聘大学生到村(社区)工作培训经费",
      caption: "合计",
      before: new Money("42.4"),
      after: new Money("0"),
      withinRounding: false,
    };
    const withChange: BuildContent = (check, about) => {
      const content = engineContent(check, about)!;
      return { ...content, changes: [...(content.changes ?? []), beyond] };
    };
    const command = (out: string, allowErrors: boolean): ExportCommand => ({
      command: "export",
      input: TUNLIU,
      outDir: out,
      force: false,
      allowErrors,
    });
    const out = path.join(dir, "changed");
    const io = fakeIO();
    expect(await runExport(command(out, false), io, withChange)).toBe(1);
    expect(io.out()).toContain(
      "【项目支出(本年)】B28 “选聘大学生到村(社区)工作培训经费”的“合计”：42.40 → 0.00（-42.40） 超出舍入，请核对"
    );
    expect(io.err()).toMatch(/导出会改动原表中 1 个数字（超出舍入），未导出/);
    expect(io.err()).toMatch(BILINGUAL);
    expect(existsSync(out)).toBe(false);
    const anyway = fakeIO();
    expect(await runExport(command(out, true), anyway, withChange)).toBe(0);
    expect(anyway.out()).toMatch(/其中 1 处超出舍入（--allow-errors），请核对后再公开/);
    expect(readdirSync(out)).toHaveLength(2);
  });

  test("a problem the builders found blocks the export even when no figure changes", async () => {
    const unmatched: Finding = {
      ruleId: "figures.project-unmatched",
      severity: "error",
      sheet: "项目支出(本年)",
      cell: "A9",
      message: "项目“某项目”的功能分类科目在支出总表中找不到对应的科目",
    };
    const withProblem: BuildContent = (check, about) => {
      const content = engineContent(check, about)!;
      return { ...content, notes: [...(content.notes ?? []), unmatched] };
    };
    const out = path.join(dir, "problem");
    const io = fakeIO();
    const command: ExportCommand = {
      command: "export",
      input: TUNLIU,
      outDir: out,
      force: false,
      allowErrors: false,
    };
    expect(await runExport(command, io, withProblem)).toBe(1);
    expect(io.out()).toContain("【项目支出(本年)】A9");
    expect(io.out()).not.toMatch(/导出会改动原表中的数字/);
    expect(io.err()).toMatch(/生成时发现 1 个问题（如项目对不上科目），未导出/);
    expect(io.err()).not.toMatch(/改动原表/);
    expect(existsSync(out)).toBe(false);
  });

  test("a workbook whose project rows do not fit its 项 is refused, and with --allow-errors lists what changed", async () => {
    // tunliu with 50 万元 more in one project (and its totals) than the 支出总表 has for its 项.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(TUNLIU);
    const sheet = workbook.getWorksheet("项目支出(本年)")!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "公务员奖励奖金")
        row.eachCell((cell) => {
          if (cell.value === 50) cell.value = 100;
        });
    });
    const input = path.join(dir, "changed.xlsx");
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, "unfit");
    // The check already finds the workbook's 项 and its projects at odds: refused as errors are.
    const refused = await run("export", input, "--out", out);
    expect(refused.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const anyway = await run("export", input, "--out", out, "--allow-errors");
    expect(anyway.code).toBe(0);
    expect(anyway.out).toMatch(/超出舍入，请核对/);
    expect(anyway.out).toMatch(/找不到对应的科目/);
  });
});

describe("internal errors", () => {
  test("print a sentence of ours in both languages, and the stack only with --debug", () => {
    const error = new Error("boom");
    const plain = internalErrorText(error, false);
    expect(plain).toMatch(BILINGUAL);
    expect(plain).toContain("“boom”");
    expect(plain).not.toContain(error.stack!.split("\n")[1]);
    expect(internalErrorText(error, true)).toContain(error.stack!.split("\n")[1]);
  });
});
