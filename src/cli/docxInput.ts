/*
 * A published .docx as input to `check`: its tables as Grids (io/docxTables) and its own text as
 * the 情况说明, each paragraph named by its place in the document (“正文第45段”) so a reader can
 * find it.
 */
import path from "path";
import type { Finding } from "../core/finding";
import type { Grid } from "../core/grid";
import type { NarrativeInput } from "../core/narrative/types";
import type { DocxNote } from "../io/docxTables";
import { describeReadError } from "./readError";

export function isDocxFile(file: string): boolean {
  return path.extname(file).toLowerCase() === ".docx";
}

/** Said instead of 通过 when a document has no table the checker recognises. */
export const DOCX_UNCHECKED =
  "文档中没有找到可识别的公开表（表格可能是图片，或未随文发布），只核对了情况说明文字本身的计算，未核对任何表格（no disclosure table found in the document: only the text's own arithmetic was checked）";

export interface DocxInput {
  grids: Grid[];
  /** Per table: the rows above the Word table (title, captions), for 第N行 as a reader counts. */
  captionRows: Record<string, number>;
  /** The document's text outside its tables; undefined when it has none. */
  narrative?: NarrativeInput[];
  /** What the reader could not read (an embedded file, a table inside a cell …), as findings. */
  findings: Finding[];
}

/** Content of the document the reader could not read. */
export const DOCX_UNREAD_RULE = "docx.unread";

/**
 * A note of the reader as a docx.unread finding; `paragraphPlace` names the paragraph it is at or
 * follows (by default “正文第N段之后”).
 */
export function noteFinding(
  note: DocxNote,
  paragraphPlace: (paragraph: number) => string = (n) => `正文第${n}段之后`
): Finding {
  const place = note.paragraph !== undefined ? `${paragraphPlace(note.paragraph)}：` : "";
  return {
    ruleId: DOCX_UNREAD_RULE,
    severity: note.severity,
    message: `${place}${note.message}。`,
    ...(note.sheet !== undefined ? { sheet: note.sheet } : {}),
    ...(note.cell !== undefined ? { cell: note.cell } : {}),
  };
}

/** Reads a .docx's bytes. Throws on bytes that are not a .docx (the caller describes it). */
export async function docxInput(bytes: Uint8Array): Promise<DocxInput> {
  // Loaded with the first .docx: a batch of workbooks need not load the Word reader (and jszip).
  const { readDocx } = await import("../io/docxTables");
  const { grids, paragraphs, captionRows, notes } = await readDocx(bytes);
  const narrative = paragraphs.map((p) => ({
    text: p.text.replace(/\t+/g, " ").trim(),
    location: `正文第${p.index}段`,
  }));
  return {
    grids,
    captionRows,
    ...(narrative.length > 0 ? { narrative } : {}),
    findings: notes.map((note) => noteFinding(note)),
  };
}

/** Why a .docx could not be read, in the words of readError for files in general. */
export function describeDocxReadError(error: unknown, bytes?: Uint8Array): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return describeReadError(error, bytes);
  if (bytes && bytes.length === 0) return "文件是空的（0 字节），不是有效的 .docx 文档";
  if (bytes && bytes[0] === 0xd0 && bytes[1] === 0xcf)
    return "这是旧版 .doc 或加密的 Word 文档，无法读取；请在 Word 中取消密码并另存为 .docx";
  if (bytes && !(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return "不是有效的 .docx 文档（文件内容不是 docx 格式，可能已损坏或扩展名不对）";
  const detail = error instanceof Error ? error.message : String(error);
  return `Word 文档已损坏或不完整，其中没有可读的正文（${detail}）`;
}

/**
 * Rules about spreadsheets only: in a Word table every figure is text, and no SUM can skip it.
 */
export const SPREADSHEET_ONLY_RULES: ReadonlySet<string> = new Set([
  "amount.as-text",
  "procurement.number-as-text",
]);

/**
 * Where a cell of a Word table is, as a reader counts: “第12行 第4列” of the table itself (its
 * title and caption lines above it not counted), or “表上方第2行” for those lines.
 */
export function docxPlace(cell: string, captionRows: number): string | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return row <= captionRows ? `表上方第${row}行` : `第${row - captionRows}行 第${col}列`;
}
