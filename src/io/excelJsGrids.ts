/**
 * The full exceljs read: turns an .xlsx workbook into Grids the way Office.js would present it
 * (merged areas hold their value in the top-left cell only), with merges and number formats
 * attached. Usable in Node and in the browser. It holds the whole workbook as exceljs objects
 * (about 1 KB a cell); the CLI reads through the streaming reader (xlsxStream.ts, readXlsx.ts),
 * which gives the same Grids and falls back to this one for what it does not reproduce.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellNote, CellRange, CellValue, Grid } from "../core/grid";
import { NotAWorkbookError, formulaResult, parseRange, plainValue } from "./cellValues";
import { readXml } from "./saxXml";
import type { XmlHandler } from "./saxXml";

export { NotAWorkbookError, parseRange, plainValue };

/**
 * One Grid per worksheet, covering A1 to the last used cell, with what the values alone do not
 * show: hidden rows, columns and sheets, formulas saved without a result, dates.
 */
export function gridsFromWorkbook(
  workbook: ExcelJS.Workbook,
  recalculateOnLoad = false,
  emptyText: ReadonlyMap<string, ReadonlySet<string>> = new Map()
): Grid[] {
  return workbook.worksheets.map((sheet) => {
    const emptyInSheet = emptyText.get(sheet.name);
    const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
    const colCount = sheet.actualColumnCount === 0 ? 0 : sheet.columnCount;
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const cellNotes: CellNote[] = [];
    const hiddenRows: number[] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.hidden) hiddenRows.push(r);
      const rowValues: CellValue[] = [];
      const rowFormats: string[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = row.getCell(c);
        const isSlave = cell.isMerged && cell.master !== cell;
        const value =
          cell.type === ExcelJS.ValueType.Formula
            ? formulaResult(cell, recalculateOnLoad, emptyInSheet?.has(cell.address) === true)
            : cell.value;
        const read = isSlave ? { value: "" } : plainValue(value, cell.numFmt);
        rowValues.push(read.value);
        if ("note" in read && read.note) cellNotes.push({ row: r, col: c, ...read.note });
        rowFormats.push(cell.numFmt || "General");
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= colCount; c++) if (sheet.getColumn(c).hidden) hiddenColumns.push(c);
    const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
      .map(parseRange)
      .filter((m): m is CellRange => m !== undefined);
    return {
      sheet: sheet.name,
      origin: { row: 1, col: 1 },
      values,
      numberFormats,
      merges,
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
      ...(sheet.state && sheet.state !== "visible" ? { sheetHidden: true } : {}),
      ...(cellNotes.length > 0 ? { cellNotes } : {}),
    };
  });
}

/**
 * Reads an .xlsx file's bytes into Grids with exceljs. Throws on bytes that are not an xlsx (callers
 * report it), and a NotAWorkbookError on a zip that is not a workbook or a workbook with no
 * worksheet: exceljs reads both as an empty workbook, which would pass any check without one being
 * made.
 */
export async function gridsFromXlsxFull(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const zip = await JSZip.loadAsync(data);
  const workbookPart = zip.file("xl/workbook.xml");
  if (workbook.worksheets.length === 0)
    throw new NotAWorkbookError(workbookPart ? "noSheets" : "notWorkbook");
  // exceljs reads calcPr but keeps none of its attributes.
  const workbookXml = workbookPart ? await workbookPart.async("uint8array") : new Uint8Array();
  const recalculate = recalculatesOnLoad(workbookXml);
  return gridsFromWorkbook(
    workbook,
    recalculate,
    recalculate ? new Map() : await emptyTextResultsBySheet(zip, workbookXml)
  );
}

/** An element's name without its namespace prefix (x:c → c). */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** A handler that listens to opening tags only. */
function onOpen(open: XmlHandler["open"]): XmlHandler {
  return { open, close() {}, text() {}, wantsText: () => false };
}

/** The workbook part's calcPr asks for a full recalculation on opening (fullCalcOnLoad). */
function recalculatesOnLoad(workbookXml: Uint8Array): boolean {
  let recalculate = false;
  if (workbookXml.length > 0)
    readXml(
      workbookXml,
      onOpen((name, attributes) => {
        if (localName(name) === "calcPr")
          recalculate = attributes.fullCalcOnLoad === "1" || attributes.fullCalcOnLoad === "true";
      })
    );
  return recalculate;
}

/**
 * By sheet name, the cells whose formula's saved result is empty text (t="str" with an empty or no
 * <v>), which exceljs cannot tell from formulas saved without a result: it keeps no cell's t.
 * Sheets are found as the streaming reader finds them: the workbook part names each one, its
 * relationships give the part.
 */
async function emptyTextResultsBySheet(
  zip: JSZip,
  workbookXml: Uint8Array
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("uint8array");
  if (!rels || workbookXml.length === 0) return out;
  const targets = new Map<string, string>();
  readXml(
    rels,
    onOpen((name, attributes) => {
      if (localName(name) === "Relationship" && attributes.Id && attributes.Target)
        targets.set(attributes.Id, `xl/${attributes.Target.replace(/^(\s|\/xl\/)+/, "")}`);
    })
  );
  const sheets: { name: string; path: string }[] = [];
  readXml(
    workbookXml,
    onOpen((name, attributes) => {
      const path = targets.get(attributes["r:id"] ?? "");
      if (localName(name) === "sheet" && attributes.name !== undefined && path !== undefined)
        sheets.push({ name: attributes.name, path });
    })
  );
  for (const sheet of sheets) {
    const part = await zip.file(sheet.path)?.async("uint8array");
    const refs = part ? emptyTextResults(part) : undefined;
    if (refs && refs.size > 0) out.set(sheet.name, refs);
  }
  return out;
}

/** The cells of a worksheet part whose formula's saved result is empty text. */
function emptyTextResults(sheetXml: Uint8Array): Set<string> {
  const refs = new Set<string>();
  let cell: { ref?: string; text: boolean; formula: boolean; value: boolean } | undefined;
  let inValue = false;
  readXml(sheetXml, {
    open(name, attributes) {
      const local = localName(name);
      if (local === "c")
        cell = { ref: attributes.r, text: attributes.t === "str", formula: false, value: false };
      else if (cell && local === "f") cell.formula = true;
      else if (cell && local === "v") inValue = true;
    },
    close(name) {
      const local = localName(name);
      if (local === "v") inValue = false;
      if (local !== "c" || !cell) return;
      if (cell.text && cell.formula && !cell.value && cell.ref) refs.add(cell.ref.toUpperCase());
      cell = undefined;
    },
    text(text) {
      if (cell && text !== "") cell.value = true;
    },
    wantsText: () => inValue,
  });
  return refs;
}
