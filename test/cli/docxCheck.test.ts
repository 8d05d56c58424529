/*
 * `check <file.docx>`: the round trip. Every example and fixture is exported with the project's own
 * exporter; the .docx it writes must check as the .xlsx beside it does (same tables, same figures,
 * same findings on the tables), and one number changed inside the .docx must be found at its cell.
 */
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { checkFile } from "../../src/cli/checkFile";
import type { FileResult } from "../../src/cli/checkFile";
import { readNarrativeFile } from "../../src/cli/narrativeFile";
import { docxPlace } from "../../src/cli/docxInput";
import { renderText } from "../../src/cli/report";
import { CliIO, main } from "../../src/cli/main";
import { checkWorkbook } from "../../src/core/check/workbook";
import type { Finding } from "../../src/core/finding";
import type { Grid } from "../../src/core/grid";
import { gridAddress } from "../../src/core/grid";
import { factsFromModel } from "../../src/core/narrative/check";
import { readDocx } from "../../src/io/docxTables";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import { SHARED_DIR } from "../helpers/fixtures";
import { QUYANG, ROOT, TUNLIU, makeTempDir, removeDir } from "./helpers";

const SOURCES: [string, string][] = [
  ["example quyang-2024-ledger", path.join(ROOT, "examples", "quyang-2024-ledger.xlsx")],
  ["example quyang-2024", QUYANG],
  ["example tunliu-2024", TUNLIU],
  ["fixture quyang-2024", path.join(SHARED_DIR, "fixtures", "quyang-2024.xlsx")],
  ["fixture tunliu-2024", path.join(SHARED_DIR, "fixtures", "tunliu-2024.xlsx")],
];

function quietIO(): CliIO & { out: () => string } {
  let out = "";
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    env: {},
    out: () => out,
  };
}

/** Exports `source` into `dir` (errors allowed: the fixtures have planted ones); the two files. */
async function exportBoth(source: string, dir: string): Promise<{ xlsx: string; docx: string }> {
  const code = await main(["export", source, "--out", dir, "--allow-errors"], quietIO());
  expect(code).toBe(0);
  const files = readdirSync(dir);
  const find = (ext: string) =>
    path.join(
      dir,
      files.find((f) => f.endsWith(ext))!
    );
  return { xlsx: find(".xlsx"), docx: find(".docx") };
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 表12 or 表十二 → 12: the sheet (表12 项目支出(本年)) and the title (表十二 2024年…) agree on it. */
function tableNumber(sheet: string | undefined): string {
  const m = /^表\s*([一二三四五六七八九十\d]+)/.exec(sheet ?? "");
  if (!m) return sheet ?? "";
  if (/^\d+$/.test(m[1])) return m[1];
  const [tens, ones] = m[1].includes("十") ? m[1].split("十") : ["", m[1]];
  return String(
    (m[1].includes("十") ? (CHINESE_DIGITS[tens] ?? 1) * 10 : 0) + (CHINESE_DIGITS[ones] ?? 0)
  );
}

const isNarrative = (f: Finding) => f.ruleId.startsWith("narrative.");

/** A finding on the tables, without its cell: rows of a form may sit one apart in the two files. */
const tableKey = (f: Finding) =>
  [f.severity, f.ruleId, tableNumber(f.sheet), f.expected ?? "", f.actual ?? ""].join(" | ");
const narrativeKey = (f: Finding) =>
  [f.severity, f.ruleId, f.expected ?? "", f.actual ?? ""].join(" | ");

/** Every figure the tables give for a term (收入总计, 基本支出, 三公 …), as the narrative check reads them. */
function figures(grids: Grid[]): Record<string, string[]> {
  const facts = factsFromModel(checkWorkbook(grids).model);
  return Object.fromEntries(
    [...facts.figures].map(([subject, list]) => [
      subject,
      list.map((f) => f.value.toFixed(2)).sort(),
    ])
  );
}

test("docxPlace: 第N行 第M列 of the Word table, its title and caption lines apart", () => {
  expect(docxPlace("D12", 3)).toBe("第9行 第4列");
  expect(docxPlace("A2", 3)).toBe("表上方第2行");
  expect(docxPlace("AA4", 3)).toBe("第1行 第27列");
});

describe("check <file.docx>: the round trip", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-docx-");
  });
  afterAll(() => removeDir(dir));

  describe.each(SOURCES)("%s exported, then checked", (label, source) => {
    let files: { xlsx: string; docx: string };
    let xlsx: FileResult;
    let docx: FileResult;
    beforeAll(async () => {
      files = await exportBoth(source, path.join(dir, label.replace(/\s/g, "-")));
      [xlsx, docx] = await Promise.all([checkFile(files.xlsx), checkFile(files.docx)]);
    });

    test("the document is read: department, year, template and the same tables", () => {
      expect(docx.error).toBeUndefined();
      expect(docx.unchecked).toBeUndefined();
      expect(docx.department).toBe(xlsx.department);
      expect(docx.year).toBe(xlsx.year);
      expect(docx.template).toBe(xlsx.template);
      const kinds = (r: FileResult) => (r.tables ?? []).map((t) => t.kind).sort();
      expect(kinds(docx).length).toBeGreaterThanOrEqual(10);
      expect(kinds(docx)).toEqual(kinds(xlsx));
      expect(docx.missing).toEqual(xlsx.missing);
    });

    test("the same figures", async () => {
      const [fromXlsx, fromDocx] = await Promise.all([
        gridsFromXlsx(readFileSync(files.xlsx)),
        readDocx(readFileSync(files.docx)).then((c) => c.grids),
      ]);
      const expected = figures(fromXlsx);
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(figures(fromDocx)).toEqual(expected);
    });

    test("the same findings on the tables, as many errors as the workbook", () => {
      const onTables = (r: FileResult) => r.findings.filter((f) => !isNarrative(f)).map(tableKey);
      expect(onTables(docx).sort()).toEqual(onTables(xlsx).sort());
      const errors = (r: FileResult) =>
        r.findings.filter((f) => !isNarrative(f) && f.severity === "error").length;
      expect(errors(docx)).toBe(errors(xlsx));
    });

    test("its own 情况说明 checked as --narrative checks it against the workbook", async () => {
      const read = await readNarrativeFile(files.docx);
      if ("error" in read) throw new Error(read.error);
      const withText = await checkFile(files.xlsx, { narrative: read.paragraphs });
      const narrative = (r: FileResult) => r.findings.filter(isNarrative);
      // Found in the text (【请填写】 left in), and placed at the document's paragraphs.
      expect(narrative(docx).length).toBeGreaterThan(0);
      for (const f of narrative(docx)) expect(f.message).toMatch(/^正文第\d+段：/);
      expect(narrative(docx).map(narrativeKey).sort()).toEqual(
        narrative(withText).map(narrativeKey).sort()
      );
    });
  });

  test("a number changed inside the .docx: an error at that table's cell", async () => {
    const { docx } = await exportBoth(QUYANG, path.join(dir, "planted"));
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const grid = (await readDocx(readFileSync(docx))).grids.find((g) => /支出总表/.test(g.sheet))!;
    // The 基本支出 of the first 项 row (7-digit code) that has one, changed in that row's XML only.
    const header = grid.values.findIndex((row) => row.includes("基本支出"));
    expect(header).toBeGreaterThan(0);
    const column = grid.values[header].indexOf("基本支出");
    const r = grid.values.findIndex(
      (row) => row.some((v) => /^\d{7}$/.test(String(v))) && Number(row[column]) > 0
    );
    expect(r).toBeGreaterThan(header);
    const row = grid.values[r];
    const code = String(row.find((v) => /^\d{7}$/.test(String(v))));
    const before = String(row[column]);
    const after = (Number(before) + 100).toFixed(2);
    const cell = gridAddress(grid, r, column);
    // Cells to its left with the same text (合计 = 基本支出 on a row without 项目支出) come first.
    const occurrence = row.slice(0, column).filter((v) => v === before).length;
    // The table under its title (the last mention of the title: the 目录 lists it first).
    const from = xml.lastIndexOf(grid.sheet);
    expect(from).toBeGreaterThan(0);
    const rows = xml.slice(from).split("</w:tr>");
    const at = rows.findIndex((tr) => tr.includes(`>${code}</w:t>`));
    expect(at).toBeGreaterThanOrEqual(0);
    const pieces = rows[at].split(`>${before}</w:t>`);
    expect(pieces.length).toBeGreaterThan(occurrence + 1);
    rows[at] =
      pieces.slice(0, occurrence + 1).join(`>${before}</w:t>`) +
      `>${after}</w:t>` +
      pieces.slice(occurrence + 1).join(`>${before}</w:t>`);
    zip.file("word/document.xml", xml.slice(0, from) + rows.join("</w:tr>"));
    const planted = path.join(dir, "planted", "planted.docx");
    writeFileSync(planted, await zip.generateAsync({ type: "uint8array" }));

    const clean = await checkFile(docx);
    const result = await checkFile(planted);
    const errorsAt = (r: FileResult) =>
      r.findings.filter(
        (f) =>
          f.severity === "error" &&
          f.sheet === grid.sheet &&
          (f.cell === cell ||
            (f.related ?? []).some((x) => x.sheet === grid.sheet && x.cell === cell))
      );
    expect(errorsAt(clean)).toEqual([]);
    const found = errorsAt(result);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.cell === cell)).toBe(true);
    // The text report names the table, and the row and column as counted in the Word table.
    const place = docxPlace(cell, result.captionRows![grid.sheet]);
    expect(place).toMatch(/^第\d+行 第\d+列$/);
    const text = renderText([result]);
    expect(text).toContain(`【${grid.sheet}】`);
    expect(text).toContain(`${place}（${cell}）`);
  });
});

describe("check <file.docx>: content the reader cannot read", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-docx-unread-");
  });
  afterAll(() => removeDir(dir));

  test("an embedded file (altChunk) is an error in the report, so the document is never 通过 on what was read", async () => {
    const { docx } = await exportBoth(QUYANG, path.join(dir, "export"));
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const at = xml.lastIndexOf("<w:sectPr");
    expect(at).toBeGreaterThan(0);
    zip.file(
      "word/document.xml",
      `${xml.slice(0, at)}<w:altChunk r:id="rIdChunk"/>${xml.slice(at)}`
    );
    const chunked = path.join(dir, "chunked.docx");
    writeFileSync(chunked, await zip.generateAsync({ type: "uint8array" }));

    const clean = await checkFile(docx);
    const result = await checkFile(chunked);
    expect(clean.findings.filter((f) => f.ruleId === "docx.unread")).toEqual([]);
    const unread = result.findings.filter((f) => f.ruleId === "docx.unread");
    expect(unread).toHaveLength(1);
    expect(unread[0].severity).toBe("error");
    expect(unread[0].message).toMatch(/altChunk/);
    // Everything else is read and checked as before.
    expect(result.findings.length).toBe(clean.findings.length + 1);
    const text = renderText([result]);
    expect(text).toContain("altChunk");
    expect(text).toMatch(/小结：未通过/);
  });
});

describe("check <file.docx>: documents without tables, unreadable documents, folders of both", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("budget-docx-text-");
  });
  afterAll(() => removeDir(dir));

  async function writeDocx(file: string, paragraphs: string[]): Promise<string> {
    const document = new Document({
      sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
    });
    writeFileSync(file, await Packer.toBuffer(document));
    return file;
  }

  test("a document with no table: its text is checked, and it is never 通过", async () => {
    // 316.46 ≠ 287.14 + 30.32 (= 317.46): the text contradicts itself.
    const file = await writeDocx(path.join(dir, "text-only.docx"), [
      "某某局2024年部门预算情况说明",
      "2024年支出预算872.24万元，其中：基本支出316.46万元，包括人员经费287.14万元和公用经费30.32万元；项目支出555.78万元。",
    ]);
    const result = await checkFile(file);
    expect(result.error).toBeUndefined();
    expect(result.unchecked).toMatch(/没有找到可识别的公开表/);
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).toMatch(/^正文第2段：/);

    const io = quietIO();
    expect(await main(["check", file], io)).toBe(2);
    expect(io.out()).toMatch(/未检查/);
    expect(io.out()).not.toMatch(/小结：通过/);
  });

  test("an unreadable .docx is said to be one, not a workbook", async () => {
    const file = path.join(dir, "broken.docx");
    writeFileSync(file, "not a document");
    expect((await checkFile(file)).error).toMatch(/不是有效的 \.docx 文档/);
    const old = path.join(dir, "old.docx");
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await checkFile(old)).error).toMatch(/旧版 \.doc/);
  });

  test("a folder of workbooks and documents: both are checked", async () => {
    const folder = path.join(dir, "mixed");
    mkdirSync(folder);
    copyFileSync(TUNLIU, path.join(folder, "a.xlsx"));
    await writeDocx(path.join(folder, "b.docx"), ["2024年收入预算100.00万元。"]);
    writeFileSync(path.join(folder, "~$b.docx"), "lock");
    const io = quietIO();
    await main(["check", folder, "--format", "json", "--jobs", "1"], io);
    const report = JSON.parse(io.out()) as { files: { file: string }[] };
    expect(report.files.map((f) => path.basename(f.file))).toEqual(["a.xlsx", "b.docx"]);
  });
});
