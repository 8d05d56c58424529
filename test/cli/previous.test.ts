/*
 * --previous and --previous-dir: last year's disclosure written as a real .xlsx (a ledger with the
 * 2023 figures quyang's and tunliu's own 情况说明 imply), then check and export through main().
 */
import { fakeIO } from "./helpers";
import JSZip from "jszip";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { main, parseCliArgs } from "../../src/cli/main";
import { ledgerGrids, xlsxOf } from "../helpers/previousYear";
import { ROOT, TUNLIU, makeTempDir, removeDir } from "./helpers";

const LEDGER = path.join(ROOT, "examples", "quyang-2024-ledger.xlsx");
const TUNLIU_TEXT = path.join(ROOT, "test", "fixtures", "narratives", "tunliu-2024.txt");
const QUYANG_NAME = "中国共产党曲阳县委员会组织部";

const run = async (...argv: string[]) => {
  const io = fakeIO();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
};

let dir: string;

/** quyang 2023: 基本 313.54 (三公 1.20 of it), 项目 625.48 = 939.02, as its 2024 text says. */
async function writeQuyang2023(file: string, year = 2023): Promise<string> {
  const grids = ledgerGrids({ name: QUYANG_NAME, code: "203", year, unitNature: "行政" }, [
    { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 252.34 },
    { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: 30.5 },
    { functionCode: "2013201", economicCode: "30231", kind: "公用经费", amount: 1.2 },
    { functionCode: "2013250", economicCode: "30101", kind: "人员经费", amount: 29.5 },
    {
      functionCode: "2013202",
      economicCode: "30299",
      kind: "项目支出",
      amount: 625.48,
      projectName: "人才发展专项公用项目经费",
    },
  ]);
  writeFileSync(file, await xlsxOf(grids));
  return file;
}

/** tunliu 2023: 2232.54, all 一般公共预算 this year's money, 机关运行经费 11.91. */
async function writeTunliu2023(file: string): Promise<string> {
  const grids = ledgerGrids({ name: "中共长治市屯留区委组织部", year: 2023, unitNature: "行政" }, [
    { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 2220.63 },
    { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: 11.91 },
  ]);
  writeFileSync(file, await xlsxOf(grids));
  return file;
}

beforeEach(() => {
  dir = makeTempDir("budget-previous-");
});
afterEach(() => removeDir(dir));

/** The docx's paragraphs as text. */
async function docxText(file: string): Promise<string[]> {
  const xml = await (
    await JSZip.loadAsync(readFileSync(file))
  )
    .file("word/document.xml")!
    .async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")
  );
}

describe("parsing", () => {
  it("takes --previous for check and export, --previous-dir for check, not both", () => {
    expect(parseCliArgs(["check", "a.xlsx", "--previous", "b.xlsx"])).toMatchObject({
      previous: "b.xlsx",
    });
    expect(parseCliArgs(["check", "x/", "--previous-dir", "old/"])).toMatchObject({
      previousDir: "old/",
    });
    expect(
      parseCliArgs(["check", "a.xlsx", "-p", "b.xlsx", "--previous-dir", "old/"])
    ).toMatchObject({
      command: "usage-error",
    });
    expect(parseCliArgs(["export", "a.xlsx", "--previous", "b.xlsx"])).toMatchObject({
      command: "export",
      previousFile: "b.xlsx",
    });
  });

  it("documents the options in each command's --help", async () => {
    expect((await run("check", "--help")).out).toContain("--previous-dir <目录>");
    expect((await run("export", "--help")).out).toContain("-p, --previous <文件>");
  });
});

describe("check --previous", () => {
  it("checks tunliu's 比上年 sentences against last year's file and warns where a reason is missing", async () => {
    const previous = await writeTunliu2023(path.join(dir, "屯留2023.xlsx"));
    const { code, out } = await run(
      "check",
      TUNLIU,
      "-n",
      TUNLIU_TEXT,
      "-p",
      previous,
      "-f",
      "json"
    );
    const findings = JSON.parse(out).files[0].findings as {
      rule: string;
      severity: string;
      message: string;
    }[];
    const reasons = findings.filter((f) => f.rule === "previous.reason");
    expect(reasons.map((f) => f.severity)).toEqual(["warning"]);
    expect(reasons[0].message).toContain("增长64.01%");
    expect(
      findings.filter((f) => /^narrative\.(change|rate)$/.test(f.rule) && f.severity === "error")
    ).toEqual([]);
    expect(findings.filter((f) => /^previous\.pairing/.test(f.rule))).toEqual([]);
    // The one error is tunliu's own (19 项目绩效目标 said for 20 projects), found without --previous too.
    expect(findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([
      "narrative.count",
    ]);
    expect(code).toBe(1);
  });

  it("names last year's 待定 (file, sheet, cell) and compares nothing with it rather than with 0", async () => {
    const grids = ledgerGrids(
      { name: "中共长治市屯留区委组织部", year: 2023, unitNature: "行政" },
      [
        { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 2220.63 },
        { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: 11.91 },
      ]
    );
    grids[1].values[2][6] = "待定";
    const folder = path.join(dir, "上年");
    mkdirSync(folder);
    const previous = path.join(folder, "屯留2023.xlsx");
    writeFileSync(previous, await xlsxOf(grids));
    const message =
      "上年公开文件“屯留2023.xlsx”中，预算明细!G3：写的是“待定”而不是数字，读不出金额；" +
      "按 0 计算会把没有变化的科目和合计当作增减，因此未与上年比较。请改正上年文件中的这些金额后再比较。";
    // One last year's file for the run: it stops before checking, as for a file it cannot read.
    const single = await run("check", TUNLIU, "-n", TUNLIU_TEXT, "-p", previous);
    expect(single.code).toBe(2);
    expect(single.err).toContain(message);
    // Paired from a folder: an error of this workbook, and no comparison with last year.
    const paired = await run(
      "check",
      TUNLIU,
      "-n",
      TUNLIU_TEXT,
      "--previous-dir",
      folder,
      "-f",
      "json"
    );
    const findings = JSON.parse(paired.out).files[0].findings as { rule: string }[];
    expect(findings.filter((f) => f.rule.startsWith("previous."))).toEqual([
      expect.objectContaining({ rule: "previous.unreadable", severity: "error", message }),
    ]);
    expect(paired.code).toBe(1);
  });

  it("stops with status 2 when last year's file cannot be read", async () => {
    writeFileSync(path.join(dir, "坏.xlsx"), "not a workbook");
    const { code, err } = await run("check", TUNLIU, "-p", path.join(dir, "坏.xlsx"));
    expect(code).toBe(2);
    expect(err).toContain("无法读取上年公开文件");
  });
});

describe("check --previous-dir", () => {
  it("pairs each workbook with last year's of the same department, and says when there is none", async () => {
    const old = path.join(dir, "2023");
    mkdirSync(old);
    await writeTunliu2023(path.join(old, "a.xlsx"));
    await writeQuyang2023(path.join(old, "b.xlsx"), 2022); // quyang, but two years back
    const { out } = await run(
      "check",
      TUNLIU,
      LEDGER,
      "--previous-dir",
      old,
      "-f",
      "json",
      "-j",
      "1"
    );
    const files = JSON.parse(out).files as {
      file: string;
      findings: { rule: string; severity: string; message: string }[];
    }[];
    const tunliu = files.find((f) => f.file === TUNLIU)!;
    const quyang = files.find((f) => f.file === LEDGER)!;
    // tunliu was compared (its figures against a.xlsx: the new 项 of 2024 are listed) …
    expect(tunliu.findings.some((f) => f.rule === "previous.code-new")).toBe(true);
    // … quyang 2024 has no 2023 file there: a warning, not a silent pass.
    const missing = quyang.findings.filter((f) => f.rule === "previous.unreadable");
    expect(missing.map((f) => f.severity)).toEqual(["warning"]);
    expect(missing[0].message).toContain(`找不到“${QUYANG_NAME}”2023 年的公开文件`);
  });
});

describe("export --previous", () => {
  it("fills every 增减 figure of the 情况说明, leaving only reasons to write", async () => {
    const previous = await writeQuyang2023(path.join(dir, "曲阳2023.xlsx"));
    const out = path.join(dir, "out");
    const result = await run("export", LEDGER, "--out", out, "--previous", previous);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const text = (await docxText(path.join(out, `${QUYANG_NAME}-2024-部门预算公开.docx`))).join(
      "\n"
    );
    // By hand: 872.24 − 939.02 = −66.78, ÷ 939.02 = −7.11%; 316.46 − 313.54 = 2.92, ÷ 313.54 =
    // 0.93%; 555.78 − 625.48 = −69.70, ÷ 625.48 = −11.14%; 三公 1.20 both years: 持平.
    expect(text).toContain(
      "2024年预算收支安排872.24万元，较2023年预算减少66.78万元，下降7.11%，其中：基本支出增加2.92万元，增长0.93%，主要原因是【请填写：基本支出增减的主要原因】；项目支出减少69.70万元，下降11.14%"
    );
    expect(text).toContain(
      "与2023年相比持平，其中：因公出国（境）费持平；公务用车购置及运维费持平；公务接待费持平"
    );
    // 机关运行经费: 30.50 + 1.20 last year (公用经费 of a 行政 unit), 29.32 now: −2.38, −7.51%.
    expect(text).toContain("与2023年相比减少2.38万元，下降7.51%");
    // The 三公 comparison form comes with it, after the numbered tables.
    expect(text).toContain("2024年部门预算财政拨款“三公”经费支出比上年增减情况表");
    const workbook = await (
      await JSZip.loadAsync(readFileSync(path.join(out, `${QUYANG_NAME}-2024-部门预算公开.xlsx`)))
    )
      .file("xl/workbook.xml")!
      .async("string");
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets[sheets.length - 1]).toBe("“三公”经费比上年增减");
    expect(sheets.filter((name) => /^表\d+ /.test(name))).toHaveLength(sheets.length - 1);
    const prompts = [...text.matchAll(/【请填写：([^】]*)】/g)].map((m) => m[1]);
    const aboutChanges = prompts.filter((p) => /增减|比上年|上年/.test(p));
    expect(aboutChanges.length).toBeGreaterThan(0);
    for (const prompt of aboutChanges) expect(prompt).toMatch(/原因$/);
  });

  it("refuses a last year's file of the wrong year, with the pairing error", async () => {
    const previous = await writeQuyang2023(path.join(dir, "曲阳2022.xlsx"), 2022);
    const result = await run(
      "export",
      LEDGER,
      "--out",
      path.join(dir, "out"),
      "--previous",
      previous
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain("是 2022 年的预算，而本年为 2024 年");
  });
});

describe("export --previous-dir", () => {
  it("is parsed for one file and for a batch, and not together with --previous", () => {
    expect(parseCliArgs(["export", "a.xlsx", "--previous-dir", "old/"])).toMatchObject({
      command: "export",
      previousDirPath: "old/",
    });
    expect(
      parseCliArgs(["export", "in/", "--out", "out/", "--previous-dir", "old/"])
    ).toMatchObject({ command: "export-batch", previousDirPath: "old/" });
    expect(
      parseCliArgs(["export", "a.xlsx", "--previous", "b.xlsx", "--previous-dir", "old/"])
    ).toMatchObject({ command: "usage-error" });
  });

  it("pairs one workbook with its department's year − 1 and says which file it took", async () => {
    const old = path.join(dir, "2023");
    mkdirSync(old);
    await writeTunliu2023(path.join(old, "a.xlsx"));
    const quyang = await writeQuyang2023(path.join(old, "b.xlsx"));
    const out = path.join(dir, "out");
    const result = await run("export", LEDGER, "--out", out, "--previous-dir", old);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`上年公开文件：${quyang}`);
    const text = (await docxText(path.join(out, `${QUYANG_NAME}-2024-部门预算公开.docx`))).join(
      "\n"
    );
    expect(text).toContain("较2023年预算减少66.78万元，下降7.11%");
  });

  it("exports a batch, each with its own last year, and names the one without", async () => {
    const old = path.join(dir, "2023");
    mkdirSync(old);
    const quyang = await writeQuyang2023(path.join(old, "b.xlsx"));
    const out = path.join(dir, "out");
    const result = await run(
      "export",
      LEDGER,
      TUNLIU,
      "--out",
      out,
      "--previous-dir",
      old,
      "--allow-errors",
      "-j",
      "1",
      "--no-progress"
    );
    const line = (file: string) => result.out.split("\n").find((l) => l.includes(file))!;
    expect(line(LEDGER)).toContain("已导出");
    expect(line(LEDGER)).toContain(`上年公开文件：${quyang}`);
    // tunliu has no 2023 file there: exported without last year, and said so on its line.
    expect(line(TUNLIU)).toContain("已导出");
    expect(line(TUNLIU)).toContain(
      `找不到“中共长治市屯留区委组织部”2023 年的公开文件，未与上年比较`
    );
  });

  it("stops before exporting when the folder holds no readable workbook", async () => {
    const old = path.join(dir, "empty");
    mkdirSync(old);
    const result = await run(
      "export",
      LEDGER,
      "--out",
      path.join(dir, "out"),
      "--previous-dir",
      old
    );
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("中没有可读的 .xlsx 工作簿");
  });
});

describe("a published .docx as last year's", () => {
  it("gives the same 比上年 figures as the workbook it was exported from", async () => {
    // Last year's disclosure as published: the tool's own export of the 2023 workbook, .docx.
    const xlsx = await writeQuyang2023(path.join(dir, "曲阳2023.xlsx"));
    const published = path.join(dir, "2023");
    expect((await run("export", xlsx, "--out", published)).code).toBe(0);
    const docx = path.join(published, `${QUYANG_NAME}-2023-部门预算公开.docx`);
    const out = path.join(dir, "out");
    const result = await run("export", LEDGER, "--out", out, "--previous", docx);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const text = (await docxText(path.join(out, `${QUYANG_NAME}-2024-部门预算公开.docx`))).join(
      "\n"
    );
    // By hand, as from the workbook: 872.24 − 939.02 = −66.78, −7.11%; 基本 +2.92, +0.93%.
    expect(text).toContain(
      "2024年预算收支安排872.24万元，较2023年预算减少66.78万元，下降7.11%，其中：基本支出增加2.92万元，增长0.93%"
    );
    // … and check --previous takes it too: quyang's own 比上年 sentences are right against it.
    const checked = await run("check", LEDGER, "--previous", docx, "-f", "json");
    const findings = (JSON.parse(checked.out).files[0].findings as { rule: string }[]).filter((f) =>
      /^previous\.(pairing|unreadable)/.test(f.rule)
    );
    expect(findings).toEqual([]);
  });

  it("warns that last year's figures may be incomplete where its .docx holds what cannot be read", async () => {
    const xlsx = await writeQuyang2023(path.join(dir, "曲阳2023.xlsx"));
    const published = path.join(dir, "2023");
    expect((await run("export", xlsx, "--out", published)).code).toBe(0);
    const docx = path.join(published, `${QUYANG_NAME}-2023-部门预算公开.docx`);
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const at = xml.lastIndexOf("<w:sectPr");
    zip.file(
      "word/document.xml",
      `${xml.slice(0, at)}<w:altChunk r:id="rIdChunk"/>${xml.slice(at)}`
    );
    const chunked = path.join(dir, "chunked-2023.docx");
    writeFileSync(chunked, await zip.generateAsync({ type: "uint8array" }));
    const checked = await run("check", LEDGER, "--previous", chunked, "-f", "json");
    const unread = (
      JSON.parse(checked.out).files[0].findings as {
        rule: string;
        severity: string;
        message: string;
      }[]
    ).filter((f) => f.rule === "docx.unread");
    expect(unread).toHaveLength(1);
    expect(unread[0].severity).toBe("warning");
    expect(unread[0].message).toMatch(
      /^上年公开文件“chunked-2023\.docx”：.*altChunk.*上年数可能不全。$/
    );
  });
});
