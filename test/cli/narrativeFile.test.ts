import { writeFileSync } from "fs";
import path from "path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { readNarrativeFile } from "../../src/cli/narrativeFile";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/main";
import { TUNLIU, makeTempDir, removeDir } from "./helpers";

const TUNLIU_NARRATIVE = path.join(__dirname, "../fixtures/narratives/tunliu-2024.txt");

function fakeIO() {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

describe("check --narrative", () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir();
    const lines = ["（一）收入预算", "收入总计4,707.09万元。"];
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })
    );
    writeFileSync(path.join(dir, "说明.docx"), docx);
    const hidden = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph("（一）收入预算"),
              new Paragraph({
                children: [
                  new TextRun("收入总计4,707.09万元"),
                  new TextRun({ text: "（原稿4,800.00万元）", vanish: true }),
                  new TextRun("。"),
                ],
              }),
            ],
          },
        ],
      })
    );
    writeFileSync(path.join(dir, "隐藏.docx"), hidden);
    writeFileSync(path.join(dir, "说明.doc"), "not a docx");
    writeFileSync(path.join(dir, "坏.docx"), "not a zip");
  });
  afterAll(() => removeDir(dir));

  it("reads a .txt one paragraph per line and a .docx one paragraph per paragraph", async () => {
    const txt = await readNarrativeFile(TUNLIU_NARRATIVE);
    expect("paragraphs" in txt && txt.paragraphs.length).toBeGreaterThan(50);
    const docx = await readNarrativeFile(path.join(dir, "说明.docx"));
    expect(docx).toEqual({
      paragraphs: [
        { text: "（一）收入预算", location: "说明.docx 第1段" },
        { text: "收入总计4,707.09万元。", location: "说明.docx 第2段" },
      ],
    });
  });

  it("explains files it cannot read", async () => {
    expect(await readNarrativeFile(path.join(dir, "说明.doc"))).toEqual({
      error: expect.stringContaining(".txt 或 .docx"),
    });
    expect(await readNarrativeFile(path.join(dir, "坏.docx"))).toEqual({
      error: expect.stringContaining("不是有效的 .docx"),
    });
    expect(await readNarrativeFile(path.join(dir, "没有.txt"))).toEqual({
      error: expect.stringContaining("找不到"),
    });
  });

  it("checks tunliu's published 情况说明 with its workbook: the 19-vs-20 projects error, exit 1", async () => {
    const { io, out } = fakeIO();
    const code = await main(
      ["check", TUNLIU, "--narrative", TUNLIU_NARRATIVE, "--format", "json", "--jobs", "1"],
      io
    );
    expect(code).toBe(1);
    const findings = JSON.parse(out()).files[0].findings as {
      rule: string;
      severity: string;
      message: string;
    }[];
    const narrative = findings.filter((f) => f.rule.startsWith("narrative."));
    expect(narrative.map((f) => `${f.rule} ${f.severity}`).sort()).toEqual([
      "narrative.count error",
      "narrative.sum info",
      "narrative.sum info",
      "narrative.sum info",
      "narrative.sum info",
    ]);
    expect(narrative.find((f) => f.severity === "error")!.message).toContain("19");
  });

  it("accepts a consistent .docx: exit 0", async () => {
    const { io } = fakeIO();
    expect(
      await main(["check", TUNLIU, "-n", path.join(dir, "说明.docx"), "--jobs", "1"], io)
    ).toBe(0);
  });

  it("reports what the .docx reader could not read: a hidden figure is a docx.unread warning at its paragraph", async () => {
    const read = await readNarrativeFile(path.join(dir, "隐藏.docx"));
    expect("paragraphs" in read && read.paragraphs.map((p) => p.text)).toEqual([
      "（一）收入预算",
      "收入总计4,707.09万元。",
    ]);
    const { io, out } = fakeIO();
    expect(
      await main(
        ["check", TUNLIU, "-n", path.join(dir, "隐藏.docx"), "--format", "json", "--jobs", "1"],
        io
      )
    ).toBe(0);
    const findings = JSON.parse(out()).files[0].findings as {
      rule: string;
      severity: string;
      message: string;
    }[];
    const unread = findings.filter((f) => f.rule === "docx.unread");
    expect(unread.map((f) => f.severity)).toEqual(["warning"]);
    expect(unread[0].message).toContain("隐藏.docx 第2段：");
    expect(unread[0].message).toContain("4,800.00");
    const text = fakeIO();
    await main(["check", TUNLIU, "-n", path.join(dir, "隐藏.docx"), "--jobs", "1"], text.io);
    expect(text.out()).toContain("4,800.00");
  });

  it("refuses --narrative with several workbooks, and exits 2 when the file cannot be read", async () => {
    const several = fakeIO();
    expect(await main(["check", TUNLIU, TUNLIU, "--narrative", TUNLIU_NARRATIVE], several.io)).toBe(
      2
    );
    expect(several.err()).toContain("只能对应一个工作簿");
    const missing = fakeIO();
    expect(
      await main(["check", TUNLIU, "--narrative", path.join(dir, "没有.txt")], missing.io)
    ).toBe(2);
    expect(missing.err()).toContain("找不到情况说明文件");
  });
});
