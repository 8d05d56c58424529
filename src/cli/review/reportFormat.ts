/*
 * Which report a `--report` file name asks for, by its extension. Apart from writeReports.ts so
 * that parsing the command line does not load the report renderers (exceljs among them).
 */
import path from "path";

export type ReportFormat = "html" | "xlsx";

export function reportFormatOf(file: string): ReportFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".xlsx") return "xlsx";
  return undefined;
}
