/*
 * Why a workbook file could not be read, in Chinese a clerk understands (shared by check, export and
 * the reading of last year's file).
 */
import { NotAWorkbookError } from "../io/readXlsx";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Chinese first, with the technical reason after it for whoever has to dig further. */
export function describeReadError(error: unknown, bytes?: Uint8Array): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "找不到文件";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限";
  if (code === "EISDIR") return "这是一个目录，不是文件";
  if (error instanceof NotAWorkbookError)
    return error.reason === "notWorkbook"
      ? "这是一个 zip 压缩文件，但不是 Excel 工作簿，其中没有 xl/workbook.xml（a zip archive, not an Excel workbook）"
      : "工作簿中没有任何工作表，未检查（the workbook has no worksheet: nothing was checked）";
  if (bytes) {
    if (bytes.length === 0) return "文件是空的（0 字节），不是有效的 .xlsx 工作簿";
    if (startsWith(bytes, OLE2_MAGIC)) {
      return "这是旧版 .xls 或加密的工作簿，无法读取；请在 Excel 中取消密码并另存为 .xlsx";
    }
    if (!startsWith(bytes, ZIP_MAGIC))
      return "不是有效的 .xlsx 工作簿（文件内容不是 xlsx 格式，可能已损坏或扩展名不对）";
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `工作簿已损坏或不完整（${detail}）`;
}
