/*
 * Why a workbook file could not be read, in Chinese a clerk understands and in English (shared by
 * check, export and the reading of last year's file).
 */
import { NotAWorkbookError, WorkbookTooLargeError } from "../io/readXlsx";
import { CLI_MESSAGES, detailOf } from "./messages";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Why a file could not be read, Chinese first and English after it; the reader's own words, when
 * they are all there is, are quoted in a sentence of ours. `bytes` are what was read, if anything.
 */
export function describeReadError(error: unknown, bytes?: Uint8Array): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return CLI_MESSAGES.fileNotFound();
  if (code === "EACCES" || code === "EPERM") return CLI_MESSAGES.noReadPermission();
  if (code === "EISDIR") return CLI_MESSAGES.isFolder();
  if (error instanceof WorkbookTooLargeError)
    return CLI_MESSAGES.tooLarge(error.limit, error.cells, Math.ceil(error.xmlBytes / 2 ** 20));
  if (error instanceof NotAWorkbookError)
    return error.reason === "notWorkbook"
      ? CLI_MESSAGES.zipNotWorkbook()
      : CLI_MESSAGES.noWorksheet();
  if (!bytes) return CLI_MESSAGES.cannotRead(detailOf(error));
  if (bytes.length === 0) return CLI_MESSAGES.emptyFile();
  if (startsWith(bytes, OLE2_MAGIC)) return CLI_MESSAGES.oldOrEncrypted();
  if (!startsWith(bytes, ZIP_MAGIC)) return CLI_MESSAGES.notXlsx();
  return CLI_MESSAGES.damaged(detailOf(error));
}
