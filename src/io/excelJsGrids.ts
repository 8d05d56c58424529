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
  emptyText: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  recalculatedSheets: ReadonlySet<string> = new Set()
): Grid[] {
  return workbook.worksheets.map((sheet) => {
    const emptyInSheet = emptyText.get(sheet.name);
    // A sheet can ask on its own to be recalculated on opening (sheetCalcPr): its saved results
    // are as little to be trusted as those of a workbook that asks it.
    const recalculate = recalculateOnLoad || recalculatedSheets.has(sheet.name);
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
            ? formulaResult(cell, recalculate, emptyInSheet?.has(cell.address) === true)
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
  const parts = recalculate
    ? { emptyText: new Map(), recalculated: new Set<string>() }
    : await sheetPartFacts(zip, workbookXml);
  return gridsFromWorkbook(workbook, recalculate, parts.emptyText, parts.recalculated);
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
 * What exceljs does not keep of the worksheet parts: by sheet name, the cells whose formula's saved
 * result is empty text (t="str" with an empty or no <v>), which exceljs cannot tell from formulas
 * saved without a result (it keeps no cell's t); and the sheets whose sheetCalcPr asks for a full
 * recalculation on opening (exceljs drops sheetCalcPr). Sheets are found as the streaming reader
 * finds them: the workbook part names each one, its relationships give the part.
 */
async function sheetPartFacts(
  zip: JSZip,
  workbookXml: Uint8Array
): Promise<{ emptyText: Map<string, Set<string>>; recalculated: Set<string> }> {
  const out = new Map<string, Set<string>>();
  const recalculated = new Set<string>();
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("uint8array");
  if (!rels || workbookXml.length === 0) return { emptyText: out, recalculated };
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
    if (!part) continue;
    const facts = worksheetPartFacts(part);
    if (facts.recalculate) recalculated.add(sheet.name);
    else if (facts.emptyText.size > 0) out.set(sheet.name, facts.emptyText);
  }
  return { emptyText: out, recalculated };
}

/**
 * The cells of a worksheet part whose formula's saved result is empty text, and whether the part's
 * sheetCalcPr asks for a full recalculation on opening.
 */
function worksheetPartFacts(sheetXml: Uint8Array): {
  emptyText: Set<string>;
  recalculate: boolean;
} {
  const refs = new Set<string>();
  let recalculate = false;
  let cell: { ref?: string; text: boolean; formula: boolean; value: boolean } | undefined;
  let inValue = false;
  readXml(sheetXml, {
    open(name, attributes) {
      const local = localName(name);
      if (local === "sheetCalcPr")
        recalculate = attributes.fullCalcOnLoad === "1" || attributes.fullCalcOnLoad === "true";
      else if (local === "c")
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
  return { emptyText: refs, recalculate };
}
