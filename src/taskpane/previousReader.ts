/**
 * Last year's published disclosure from a file the clerk picked in the pane (上年公开文件): read
 * here, in the pane, from the file's bytes — nothing is uploaded — as a workbook in any layout the
 * tool reads (exceljs) or a published .docx (its Word tables as grids), then extracted by the same
 * core reader as `--previous` on the command line. Loaded on first use as its own chunk (see
 * actions.ts): the pane's first check does not wait for exceljs.
 */
import type { UnitNature } from "../core/model";
import type { Grid } from "../core/grid";
import { readPreviousDisclosure } from "../core/previous/read";
import type { PreviousDisclosure } from "../core/previous/types";
import { readDocx } from "../io/docxTables";
import { gridsFromXlsxFull } from "../io/excelJsGrids";

/** Why a file gave no disclosure: a reason code (the pane words it) or the reader's own finding. */
export type PreviousReadFailure =
  | { reason: "empty" | "oldFormat" | "notZip" | "damaged" }
  | { reason: "noBudget" | "message"; message: string };

export type PreviousReadResult =
  { ok: true; previous: PreviousDisclosure } | ({ ok: false } & PreviousReadFailure);

export function isDocxName(name: string): boolean {
  return /\.docx$/i.test(name);
}

/** What is wrong with bytes that would not open, told from their first bytes. */
function unreadable(bytes: Uint8Array): PreviousReadFailure {
  if (bytes.length === 0) return { reason: "empty" };
  // The OLE header of .xls / .doc, and of password-protected Office files.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { reason: "oldFormat" };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { reason: "notZip" };
  return { reason: "damaged" };
}

/**
 * Reads last year's disclosure from a file's name and bytes. Never throws on bad input: a file
 * that does not open, or holds no budget, is a failure with its reason.
 */
export async function readPreviousBytes(
  name: string,
  data: ArrayBuffer,
  unitNature?: UnitNature
): Promise<PreviousReadResult> {
  const bytes = new Uint8Array(data);
  let grids: Grid[];
  try {
    grids = isDocxName(name) ? (await readDocx(bytes)).grids : await gridsFromXlsxFull(bytes);
  } catch {
    return { ok: false, ...unreadable(bytes) };
  }
  const read = readPreviousDisclosure(grids, {
    source: name,
    ...(unitNature ? { unitNature } : {}),
  });
  if (!read.previous)
    return {
      ok: false,
      reason: "noBudget",
      message: read.findings.map((f) => f.message).join("；"),
    };
  return { ok: true, previous: read.previous };
}
