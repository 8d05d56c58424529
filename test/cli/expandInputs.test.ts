import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import {
  expandInputs,
  globMatches,
  hasGlobMagic,
  isExcelLockFile,
  isWorkbookName,
  segmentToRegExp,
  splitGlob,
  workbooksUnder,
} from "../../src/cli/expandInputs";
import { makeTempDir, removeDir } from "./helpers";

/*
 * root/
 *   a.xlsx  B.XLSX  notes.txt  ~$a.xlsx  report.docx
 *   2024/ x.xlsx  y.xlsx  sub/ deep.xlsx
 *   2025/ z.xlsx
 *   .hidden/ secret.xlsx
 *   empty/
 */
let root: string;
const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join("/"));

beforeAll(() => {
  root = makeTempDir("budget-expand-");
  const touch = (p: string) => {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), "x");
  };
  [
    "a.xlsx",
    "B.XLSX",
    "notes.txt",
    "~$a.xlsx",
    "report.docx",
    "2024/x.xlsx",
    "2024/y.xlsx",
    "2024/sub/deep.xlsx",
    "2025/z.xlsx",
    ".hidden/secret.xlsx",
  ].forEach(touch);
  mkdirSync(path.join(root, "empty"));
});
afterAll(() => removeDir(root));

describe("names", () => {
  test("Excel lock files are not workbooks", () => {
    expect(isExcelLockFile("~$预算.xlsx")).toBe(true);
    expect(isExcelLockFile("dir/~$预算.xlsx")).toBe(true);
    expect(isWorkbookName("dir/~$预算.xlsx")).toBe(false);
    expect(isWorkbookName("预算.xlsx")).toBe(true);
    expect(isWorkbookName("预算.XLSX")).toBe(true);
    expect(isWorkbookName("预算.xls")).toBe(false);
  });

  test("glob magic", () => {
    expect(hasGlobMagic("data/*.xlsx")).toBe(true);
    expect(hasGlobMagic("**/x.xlsx")).toBe(true);
    expect(hasGlobMagic("a?.xlsx")).toBe(true);
    expect(hasGlobMagic("{a,b}.xlsx")).toBe(true);
    expect(hasGlobMagic("data/曲阳 2024.xlsx")).toBe(false);
  });

  test("segments: *, ?, [..], {a,b}, hidden names, literal dots", () => {
    expect(segmentToRegExp("*.xlsx").test("预算.xlsx")).toBe(true);
    expect(segmentToRegExp("*.xlsx").test("预算xlsx")).toBe(false);
    expect(segmentToRegExp("*.xlsx").test(".hidden.xlsx")).toBe(false);
    expect(segmentToRegExp(".*.xlsx").test(".hidden.xlsx")).toBe(true);
    expect(segmentToRegExp("q?.xlsx").test("q1.xlsx")).toBe(true);
    expect(segmentToRegExp("q?.xlsx").test("q12.xlsx")).toBe(false);
    expect(segmentToRegExp("q[0-4].xlsx").test("q3.xlsx")).toBe(true);
    expect(segmentToRegExp("q[!0-4].xlsx").test("q3.xlsx")).toBe(false);
    expect(segmentToRegExp("{quyang,tunliu}-*.xlsx").test("tunliu-2024.xlsx")).toBe(true);
    expect(segmentToRegExp("{quyang,tunliu}-*.xlsx").test("other-2024.xlsx")).toBe(false);
    expect(segmentToRegExp("a+b(1).xlsx").test("a+b(1).xlsx")).toBe(true);
  });

  test("splitGlob starts walking at the last directory without wildcards", () => {
    expect(splitGlob("data/2024/*.xlsx")).toEqual({ base: "data/2024", rest: ["*.xlsx"] });
    expect(splitGlob("**/*.xlsx")).toEqual({ base: ".", rest: ["**", "*.xlsx"] });
    expect(splitGlob("/srv/*/预算/*.xlsx")).toEqual({
      base: "/srv",
      rest: ["*", "预算", "*.xlsx"],
    });
    expect(splitGlob("/*.xlsx")).toEqual({ base: "/", rest: ["*.xlsx"] });
  });
});

describe("walking", () => {
  test("a directory: every .xlsx below it, in name order, without lock files or hidden directories", async () => {
    expect(rel(await workbooksUnder(root))).toEqual([
      "2024/sub/deep.xlsx",
      "2024/x.xlsx",
      "2024/y.xlsx",
      "2025/z.xlsx",
      "B.XLSX",
      "a.xlsx",
    ]);
  });

  test("globs (raw matches: expandInputs then drops lock files)", async () => {
    const caseInsensitive = process.platform !== "linux";
    expect(rel(await globMatches(path.join(root, "*.xlsx")))).toEqual([
      ...(caseInsensitive ? ["B.XLSX"] : []),
      "a.xlsx",
      "~$a.xlsx",
    ]);
    expect(rel(await globMatches(path.join(root, "2024/*.xlsx")))).toEqual([
      "2024/x.xlsx",
      "2024/y.xlsx",
    ]);
    expect(rel(await globMatches(path.join(root, "*/*.xlsx")))).toEqual([
      "2024/x.xlsx",
      "2024/y.xlsx",
      "2025/z.xlsx",
    ]);
    expect(rel(await globMatches(path.join(root, "**/*.xlsx")))).toEqual([
      ...(caseInsensitive ? ["B.XLSX"] : []),
      "a.xlsx",
      "~$a.xlsx",
      "2024/x.xlsx",
      "2024/y.xlsx",
      "2024/sub/deep.xlsx",
      "2025/z.xlsx",
    ]);
    expect(rel(await globMatches(path.join(root, "**/deep.xlsx")))).toEqual(["2024/sub/deep.xlsx"]);
    expect(rel(await globMatches(path.join(root, "202?")))).toEqual(["2024", "2025"]);
  });

  test("a relative glob stays relative", async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await globMatches("2024/*.xlsx")).toEqual([
        path.join("2024", "x.xlsx"),
        path.join("2024", "y.xlsx"),
      ]);
      expect((await expandInputs(["2025"])).files).toEqual([path.join("2025", "z.xlsx")]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("expandInputs", () => {
  test("files as given (any extension), directories and globs, in input order, without duplicates", async () => {
    const { files, problems } = await expandInputs([
      path.join(root, "notes.txt"),
      path.join(root, "2025"),
      path.join(root, "2024/*.xlsx"),
      path.join(root, "2024/x.xlsx"),
      path.join(root, "2025/z.xlsx"),
    ]);
    expect(problems).toEqual([]);
    expect(rel(files)).toEqual(["notes.txt", "2025/z.xlsx", "2024/x.xlsx", "2024/y.xlsx"]);
  });

  test("a glob that matches directories takes the workbooks under them", async () => {
    const { files } = await expandInputs([path.join(root, "202*")]);
    expect(rel(files)).toEqual(["2024/sub/deep.xlsx", "2024/x.xlsx", "2024/y.xlsx", "2025/z.xlsx"]);
  });

  test("a glob collects workbooks only, never lock files", async () => {
    const { files } = await expandInputs([path.join(root, "*")]);
    expect(rel(files)).not.toContain("~$a.xlsx");
    expect(rel(files)).not.toContain("notes.txt");
    expect(rel(files)).toContain("a.xlsx");
  });

  test("inputs that name nothing are problems, with a reason in Chinese and English", async () => {
    const { files, problems } = await expandInputs([
      path.join(root, "missing.xlsx"),
      path.join(root, "empty"),
      path.join(root, "nothing/*.xlsx"),
      path.join(root, "a.xlsx"),
    ]);
    expect(rel(files)).toEqual(["a.xlsx"]);
    expect(problems).toEqual([
      {
        input: path.join(root, "missing.xlsx"),
        message: "找不到文件或目录（no such file or folder）",
      },
      {
        input: path.join(root, "empty"),
        message: "目录中没有 .xlsx 工作簿（no .xlsx workbook in this folder）",
      },
      {
        input: path.join(root, "nothing/*.xlsx"),
        message: "没有匹配的 .xlsx 工作簿（no .xlsx workbook matches）",
      },
    ]);
  });
});
