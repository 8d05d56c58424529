/**
 * Writes test/fixtures/real/<name>.xlsx from each transcription in test/fixtures/real (published
 * disclosures of other provinces, see test/fixtures/real/types.ts). Nothing is computed: every
 * cell is the published figure or text, numbers as numbers (two-decimal prints get the format
 * 0.00 so they display as published), blanks blank, merges and the header look as published.
 *
 * Run from the repository root after changing a transcription:
 *   npx ts-node -T -O '{"module":"commonjs","moduleResolution":"node"}' scripts/make-real-fixtures.ts
 * test/core/check/workbook.realFixtures.test.ts fails when an xlsx no longer matches its transcription.
 */
import path from "path";
import { writeFileSync } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { REAL_TRANSCRIPTIONS } from "../test/fixtures/real";
import {
  RealTranscription,
  SheetTranscription,
  SourceCell,
  isPrintedNumber,
} from "../test/fixtures/real/types";

const OUT_DIR = path.resolve(__dirname, "../test/fixtures/real");
const FONT = "宋体";
const HEADER_FILL = "FFD9D9D9";
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 0.00 for a figure printed with two decimals, General otherwise: the cell shows what was printed. */
export function numberFormatOf(printed: string): string {
  return /\.\d\d$/.test(printed) ? "0.00" : "General";
}

function cellValue(cell: SourceCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isPrintedNumber(cell)) return Number(cell.n);
  return cell;
}

function writeSheet(workbook: ExcelJS.Workbook, spec: SheetTranscription): void {
  const sheet = workbook.addWorksheet(spec.name);
  const width = Math.max(...spec.rows.map((row) => row.length));
  spec.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  spec.rows.forEach((row, r) => {
    const rowNumber = r + 1;
    const inTable = rowNumber > Math.max(spec.titleRow, ...spec.metaRows);
    for (let c = 0; c < width; c++) {
      const source = row[c] ?? null;
      const cell = sheet.getCell(rowNumber, c + 1);
      cell.value = cellValue(source);
      cell.font = { name: FONT, size: rowNumber === spec.titleRow ? 16 : 10, bold: false };
      if (isPrintedNumber(source)) cell.numFmt = numberFormatOf(source.n);
      if (rowNumber === spec.titleRow) {
        cell.font = { name: FONT, size: 16, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      } else if (spec.metaRows.includes(rowNumber)) {
        cell.alignment = { horizontal: c === width - 1 ? "right" : "left", vertical: "middle" };
      } else if (inTable) {
        cell.border = BORDER;
        const header = spec.headerRows.includes(rowNumber);
        cell.font = { name: FONT, size: 10, bold: header || spec.boldRows.includes(rowNumber) };
        if (header) {
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
          cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        } else if (isPrintedNumber(source)) {
          cell.alignment = { horizontal: "right", vertical: "middle" };
        } else {
          cell.alignment = { horizontal: "left", vertical: "middle" };
        }
      }
    }
  });
  for (const range of spec.merges) sheet.mergeCells(range);
  sheet.getRow(spec.titleRow).height = 30;
  const lastHeader = Math.max(...spec.headerRows);
  sheet.views = [{ state: "frozen", ySplit: lastHeader }];
}

export async function writeRealFixture(transcription: RealTranscription): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates (the workbook's and every zip entry's) keep the file the same from run to run.
  const fixed = new Date("2024-01-01T00:00:00Z");
  workbook.created = fixed;
  workbook.modified = fixed;
  for (const sheet of transcription.sheets) writeSheet(workbook, sheet);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  zip.forEach((_, entry) => (entry.date = fixed));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const file = path.join(OUT_DIR, `${transcription.name}.xlsx`);
  writeFileSync(file, bytes);
  return file;
}

if (require.main === module) {
  (async () => {
    for (const transcription of REAL_TRANSCRIPTIONS) {
      console.log(await writeRealFixture(transcription));
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
