/**
 * The streaming .xlsx reader (Node): worksheets are inflated and scanned a few hundred KB at a
 * time and only values, number formats, merged areas and hidden rows, columns and sheets are kept,
 * so memory grows with the cells of the Grids and nothing else. A workbook larger than the limit
 * is refused before its worksheets are read (from the zip's central directory) or as soon as its
 * rows pass the limit, never by running out of memory.
 *
 * It yields exactly the Grids of the full exceljs read (gridsFromWorkbook), including exceljs'
 * quirks, so that every finding stays the same; test/io/xlsxStream.test.ts compares the two on every
 * workbook the tests hold. What it does not reproduce (external hyperlinks, ZIP64, encrypted or
 * oddly built parts) it declines with StreamingUnsupported, and the caller reads the file in full.
 */
import type ExcelJS from "exceljs";
import type { CellNote, CellRange, CellValue, Grid } from "../core/grid";
import { isDateFormat } from "../core/grid";
import { NotAWorkbookError, parseRange, plainValue } from "./cellValues";
import { readXml, XmlReader } from "./saxXml";
import type { XmlHandler } from "./saxXml";
import { entryBytes, entryBytesUpTo, entryChunks, zipEntries } from "./zipEntries";
import type { ZipEntry } from "./zipEntries";

/** A tag's attributes as saxes gives them: name → value, decoded. */
type Attributes = Record<string, string>;

// exceljs' own table of built-in number formats (id 14 → mm-dd-yy…), so both readers agree.
const BUILT_IN_FORMATS: Record<
  string,
  { f?: string }
> = require("exceljs/lib/xlsx/defaultnumformats");

/** Default limit on the cells of all worksheets (rows × columns read), overridable (--max-cells). */
export const DEFAULT_MAX_CELLS = 3_000_000;
/**
 * Worksheets of at most this much XML are inflated whole, larger ones chunk by chunk: a few MB
 * held for a moment is nothing beside the Grid the sheet becomes, and most sheets are far smaller.
 */
export const WHOLE_SHEET_BYTES = 4 << 20;
/** Uncompressed worksheet XML allowed per cell of the limit, checked before anything is read. */
export const XML_BYTES_PER_CELL = 128;

export interface ReadLimits {
  /** Most cells (rows × columns, summed over the worksheets) a workbook may have. */
  maxCells?: number;
  /** Worksheets of at most this much XML are inflated whole (WHOLE_SHEET_BYTES unless told). */
  wholeSheetBytes?: number;
}

/** The workbook is larger than the limit: refused before memory runs out. */
export class WorkbookTooLargeError extends Error {
  constructor(
    readonly limit: number,
    /** Cells counted so far (at least this many), or undefined when refused from the XML size. */
    readonly cells: number | undefined,
    /** Uncompressed worksheet XML, in bytes, as the zip's directory states it. */
    readonly xmlBytes: number
  ) {
    super(
      cells !== undefined
        ? `the workbook has at least ${cells} cells, more than the limit of ${limit}`
        : `the worksheets hold ${xmlBytes} bytes of XML, more than ${limit} cells could need`
    );
    this.name = "WorkbookTooLargeError";
  }
}

/** Something this reader does not reproduce exactly: read the file in full instead. */
export class StreamingUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "StreamingUnsupported";
  }
}

// ---------------------------------------------------------------------------------------------
// exceljs' rules, restated (lib/utils/utils.js), so that dates and decoded text come out the same.

function isExcelJsDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return bare.match(/[ymdhMsb]+/) !== null;
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const NAMED_ENTITY: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&apos;": "'",
  "&quot;": '"',
};

/** exceljs decodes the text of t="str" cells a second time. */
function xmlDecodeAgain(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => NAMED_ENTITY[c] ?? c);
}

function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

const datesShown = new Map<string, boolean>();

/** isDateFormat, remembered per format (a sheet has a handful of formats and many cells). */
function showsDate(format: string | undefined): boolean {
  if (format === undefined) return false;
  let shows = datesShown.get(format);
  if (shows === undefined) datesShown.set(format, (shows = isDateFormat(format)));
  return shows;
}

function parseBoolean(value: string | undefined): boolean {
  return value === "true" || value === "1";
}

// ---------------------------------------------------------------------------------------------
// Workbook parts

interface SheetPart {
  name: string;
  hidden: boolean;
  entry: ZipEntry;
}

/** exceljs reads worksheets only from parts with this name. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

function workbookSheets(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>
): {
  sheets: SheetPart[];
  date1904: boolean;
  recalculateOnLoad: boolean;
} {
  const workbook = entries.get("xl/workbook.xml");
  if (!workbook) throw new NotAWorkbookError("notWorkbook");
  const targets = new Map<string, string>();
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (rels)
    readXml(entryBytes(bytes, rels), {
      open(name, attributes) {
        if (name !== "Relationship") return;
        const id = attributes.Id;
        const target = attributes.Target;
        if (id !== undefined && target !== undefined) targets.set(id, target);
      },
      close() {},
      text() {},
      wantsText: () => false,
    });
  const sheets: SheetPart[] = [];
  const ids = new Set<number>();
  let date1904 = false;
  let recalculateOnLoad = false;
  readXml(entryBytes(bytes, workbook), {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = attributes.date1904 === "1";
      if (name === "calcPr") recalculateOnLoad = parseBoolean(attributes.fullCalcOnLoad);
      if (name !== "sheet") return;
      const target = targets.get(attributes["r:id"] ?? "");
      if (target === undefined) return;
      const path = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
      const entry = entries.get(path);
      // Chartsheets and parts exceljs does not read as worksheets are left out, as exceljs does.
      if (!entry || !WORKSHEET_PART.test(path)) return;
      const id = Number(attributes.sheetId);
      // exceljs keys worksheets by sheetId: a duplicate or odd id would lose or reorder one.
      if (!Number.isInteger(id) || id < 1 || ids.has(id))
        throw new StreamingUnsupported(`sheetId ${id}`);
      ids.add(id);
      const state = attributes.state;
      sheets.push({
        name: attributes.name ?? "",
        hidden: state !== undefined && state !== "visible",
        entry,
      });
    },
    close() {},
    text() {},
    wantsText: () => false,
  });
  return { sheets, date1904, recalculateOnLoad };
}

type SharedString = string | { richText: { text: string }[] } | Record<string, never>;

/** The shared strings as exceljs models them: text, rich text runs, or an empty object. */
function sharedStrings(bytes: Uint8Array, entry: ZipEntry): SharedString[] {
  const strings: SharedString[] = [];
  let item: SharedString | undefined;
  let runs: { text: string }[] | undefined;
  let run: { text: string } | undefined;
  let text: string[] | undefined;
  let skip = 0; // inside <rPh> (phonetic runs, not part of the text) or <rPr>
  readXml(entryBytes(bytes, entry), {
    open(name) {
      // Every tag opened here is closed (self-closing ones too), which brings skip back down.
      if (skip > 0) {
        skip++;
        return;
      }
      if (name === "si") {
        item = {};
        runs = undefined;
      } else if (name === "rPh" || name === "rPr") skip = 1;
      else if (name === "r") run = { text: "" };
      else if (name === "t") text = [];
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === "t" && text) {
        const value = decodeEscapes(text.join(""));
        text = undefined;
        if (run) run.text = value;
        else item = value;
      } else if (name === "r" && run) {
        if (!runs || typeof item !== "object" || !("richText" in item)) {
          runs = [];
          item = { richText: runs };
        }
        runs.push(run);
        run = undefined;
      } else if (name === "si") strings.push(item ?? {});
    },
    text(value) {
      text!.push(value);
    },
    wantsText: () => text !== undefined && skip === 0,
  });
  return strings;
}

interface Styles {
  /** Number format of each cellXfs entry (undefined: General); null for an id with no entry. */
  numberFormat(styleId: number): string | undefined | null;
}

function readStyles(bytes: Uint8Array, entry: ZipEntry | undefined): Styles {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  if (entry) {
    let inCellXfs = false;
    readXml(entryBytes(bytes, entry), {
      open(name, attributes, selfClosing) {
        if (name === "numFmt") {
          const code = attributes.formatCode;
          if (code !== undefined)
            custom.set(parseInt(attributes.numFmtId ?? "", 10), code.replace(/[\\](.)/g, "$1"));
        } else if (name === "cellXfs") inCellXfs = !selfClosing;
        else if (name === "xf" && inCellXfs) xfs.push(parseInt(attributes.numFmtId ?? "", 10));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
      text() {},
      wantsText: () => false,
    });
  }
  return {
    numberFormat(styleId) {
      if (styleId >= xfs.length || styleId < 0) return null;
      const id = xfs[styleId];
      if (!id) return undefined;
      return custom.get(id) || BUILT_IN_FORMATS[id]?.f || undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface RowRecord {
  values: CellValue[];
  /** The number format of each cell the sheet holds; undefined where there is no cell. */
  formats: (string | undefined)[];
  /** exceljs' cellCount: the last column with a cell. */
  cellCount: number;
  /** A cell with a value, a formula, or inside a merged area (exceljs' hasValues). */
  hasValues: boolean;
  hidden: boolean;
  /** The row's own number format, which cells the sheet does not hold take on. */
  format?: string;
}

interface ColumnRecord {
  format?: string;
  hidden: boolean;
}

interface WorkbookContext {
  strings: SharedString[] | undefined;
  styles: Styles;
  date1904: boolean;
  /** The workbook asks to be recalculated on opening: its saved formula results are no results. */
  recalculateOnLoad: boolean;
  /** Cells left to the workbook under the limit. */
  budget: number;
  limit: number;
  xmlBytes: number;
}

interface CellState {
  ref: string | undefined;
  col: number;
  styleId: number | undefined;
  type: string | undefined;
  formula?: string;
  shareType?: string;
  sharedIndex?: string;
  sharedRef?: string;
  value?: string | { richText: { text: string }[] };
  /** Which text is being read: the formula, the value, or a rich text run. */
  reading?: "f" | "v" | "run";
  run?: { text: string; parts?: string[] };
  inRun: boolean;
}

class SheetReader implements XmlHandler {
  readonly rows: (RowRecord | undefined)[] = [];
  readonly notes: CellNote[] = [];
  readonly merges: CellRange[] = [];
  readonly columns: ColumnRecord[] = [];
  private readonly columnDefs: { min: number; max: number; record: ColumnRecord }[] = [];
  private readonly sharedFormulas = new Map<string | undefined, string | undefined>();
  private inSheetData = false;
  private inCols = false;
  private rowNumber = 0;
  private row: RowRecord | undefined;
  private previousCol = 0;
  private cell: CellState | undefined;
  /**
   * Formula cells read with their saved result, kept until the sheet's end: its sheetCalcPr,
   * which comes after sheetData, may say those results are not to be trusted.
   */
  private readonly savedResults: {
    row: RowRecord;
    rowNumber: number;
    col: number;
    formula?: string;
  }[] = [];
  /** The sheet's own sheetCalcPr asks for a full recalculation on opening. */
  private recalculateOnLoad = false;
  lastRow = 0;
  widestRow = 0;

  constructor(
    private readonly sheet: string,
    private readonly context: WorkbookContext
  ) {}

  wantsText(): boolean {
    const cell = this.cell;
    return cell !== undefined && cell.reading !== undefined;
  }

  text(text: string): void {
    const cell = this.cell!;
    if (cell.reading === "f") cell.formula = cell.formula ? cell.formula + text : text;
    else if (cell.reading === "run") (cell.run!.parts ??= []).push(text);
    else if (typeof cell.value === "object") throw new StreamingUnsupported("text after runs");
    else cell.value = cell.value ? cell.value + text : text;
  }

  open(name: string, attributes: Attributes, selfClosing: boolean): void {
    const cell = this.cell;
    if (cell) {
      if (cell.inRun) {
        if (name === "t") cell.reading = "run";
        return;
      }
      switch (name) {
        case "f":
          cell.reading = "f";
          cell.sharedIndex = attributes.si;
          cell.shareType = attributes.t;
          cell.sharedRef = attributes.ref;
          return;
        case "v":
        case "t":
          cell.reading = "v";
          return;
        case "r":
          cell.inRun = true;
          cell.run = { text: "" };
          return;
      }
      return;
    }
    switch (name) {
      case "sheetData":
        this.inSheetData = !selfClosing;
        return;
      case "row":
        if (this.inSheetData) this.openRow(attributes);
        return;
      case "c":
        if (this.row) this.openCell(attributes);
        return;
      case "cols":
        this.inCols = !selfClosing;
        return;
      case "sheetCalcPr":
        this.recalculateOnLoad = parseBoolean(attributes.fullCalcOnLoad);
        return;
      case "col":
        if (this.inCols) this.addColumn(attributes);
        return;
      case "mergeCell": {
        const range = parseRange(attributes.ref ?? "");
        if (!range) throw new StreamingUnsupported("merge reference");
        this.merges.push(range);
        return;
      }
      case "hyperlink":
        // exceljs turns a cell with an external link into its text; not reproduced here.
        if (attributes["r:id"] !== undefined) throw new StreamingUnsupported("external hyperlink");
        return;
    }
  }

  close(name: string): void {
    const cell = this.cell;
    if (cell) {
      if (cell.inRun) {
        if (name === "t") {
          cell.run!.text = decodeEscapes((cell.run!.parts ?? []).join(""));
          cell.reading = undefined;
        } else if (name === "r") {
          if (cell.value !== undefined && typeof cell.value !== "object")
            throw new StreamingUnsupported("runs after text");
          cell.value ??= { richText: [] };
          cell.value.richText.push({ text: cell.run!.text });
          cell.run = undefined;
          cell.inRun = false;
        }
        return;
      }
      if (name === "f" || name === "v" || name === "t" || name === "is") cell.reading = undefined;
      else if (name === "c") this.closeCell(cell);
      return;
    }
    if (name === "row") this.closeRow();
    else if (name === "sheetData") this.inSheetData = false;
    else if (name === "cols") this.closeColumns();
  }

  private openRow(attributes: Attributes): void {
    const number = parseInt(attributes.r ?? "", 10);
    if (!(number >= 1)) throw new StreamingUnsupported("row without a number");
    const styleId = attributeInt(attributes, "s");
    const style = styleId ? this.context.styles.numberFormat(styleId) : undefined;
    this.rowNumber = number;
    this.previousCol = 0;
    this.row = {
      values: [],
      formats: [],
      cellCount: 0,
      hasValues: false,
      hidden: parseBoolean(attributes.hidden),
      ...(style ? { format: style } : {}),
    };
  }

  private closeRow(): void {
    const row = this.row;
    if (!row) return;
    // A row element read again replaces the first, as in exceljs.
    this.rows[this.rowNumber] = row;
    if (this.rowNumber > this.lastRow) this.lastRow = this.rowNumber;
    if (row.hasValues && row.cellCount > this.widestRow) this.widestRow = row.cellCount;
    this.row = undefined;
    const cells = this.lastRow * this.widestRow;
    if (cells > this.context.budget)
      throw new WorkbookTooLargeError(
        this.context.limit,
        this.context.limit - this.context.budget + cells,
        this.context.xmlBytes
      );
  }

  private openCell(attributes: Attributes): void {
    const ref = attributes.r;
    let col: number;
    if (ref !== undefined) {
      col = columnOf(ref);
      if (col === 0) throw new StreamingUnsupported(`cell reference ${ref}`);
    } else if (this.previousCol > 0) col = this.previousCol + 1;
    else throw new StreamingUnsupported("cell without a reference");
    this.previousCol = col;
    const s = attributes.s;
    this.cell = {
      ref,
      col,
      styleId: s ? parseInt(s, 10) : undefined,
      type: attributes.t,
      inRun: false,
    };
  }

  /** The cell's value as exceljs' cell xform, reconcile and Cell.value would give it. */
  private closeCell(cell: CellState): void {
    this.cell = undefined;
    const row = this.row!;
    const { styles, date1904, strings } = this.context;
    const style = cell.styleId ? styles.numberFormat(cell.styleId) : null;
    const numFmt = style ?? undefined;
    const isDate = style !== null && isExcelJsDateFormat(numFmt);
    const raw = cell.value;
    let value: ExcelJS.CellValue;
    if (cell.formula || cell.shareType) {
      let result: unknown;
      // A formula whose result is empty text (=IF(C5=0,"",C5)): Excel saves t="str" and an empty
      // <v/>; the result is known, and it is "".
      if (!raw && cell.type === "str") result = "";
      else if (raw) {
        if (typeof raw === "object") throw new StreamingUnsupported("rich formula result");
        if (cell.type === "str") result = xmlDecodeAgain(raw);
        else if (cell.type === "b") result = parseInt(raw, 10) !== 0;
        else if (cell.type === "e") result = { error: raw };
        else result = parseFloat(raw);
      }
      if (result !== undefined && isDate) result = excelToDate(result as number, date1904);
      let sharedFormula: string | undefined;
      if (cell.shareType === "shared") {
        if (cell.sharedRef) this.sharedFormulas.set(cell.sharedIndex, cell.ref);
        else sharedFormula = this.sharedFormulas.get(cell.sharedIndex);
      }
      // Cell.value copies only the truthy parts of the model (exceljs' _copyModel), except the
      // result: a saved 0, FALSE or empty text is the formula's value (see formulaResult).
      const copy: Record<string, unknown> = {};
      if (cell.formula) copy.formula = cell.formula;
      if (result !== undefined && !this.context.recalculateOnLoad) {
        copy.result = result;
        this.savedResults.push({
          row,
          rowNumber: this.rowNumber,
          col: cell.col,
          ...(cell.formula ? { formula: cell.formula } : {}),
        });
      }
      if (cell.sharedRef && cell.shareType === "shared") copy.ref = cell.sharedRef;
      if (cell.shareType && !(cell.shareType === "shared" && !cell.sharedRef))
        copy.shareType = cell.shareType;
      if (sharedFormula) copy.sharedFormula = sharedFormula;
      value = copy as unknown as ExcelJS.CellValue;
    } else if (raw !== undefined) {
      if (typeof raw === "object") {
        if (cell.type !== "inlineStr") throw new StreamingUnsupported("runs in a value");
        value = raw;
      } else
        switch (cell.type) {
          case "s": {
            const index = parseInt(raw, 10);
            if (!strings) value = index;
            else {
              const shared = strings[index];
              if (shared === undefined) throw new StreamingUnsupported("shared string index");
              value = shared as ExcelJS.CellValue;
            }
            break;
          }
          case "str":
            value = xmlDecodeAgain(raw);
            break;
          case "inlineStr":
            value = raw;
            break;
          case "b":
            value = parseInt(raw, 10) !== 0;
            break;
          case "e":
            value = { error: raw } as ExcelJS.CellErrorValue;
            break;
          default: {
            const number = parseFloat(raw);
            value = isDate ? excelToDate(number, date1904) : number;
          }
        }
    } else if (cell.styleId) value = null;
    else return; // exceljs keeps no cell without a value, a formula or a style
    const c = cell.col - 1;
    // Text, and numbers not shown as dates, are their own value: no need to ask plainValue.
    if (typeof value === "string" || (typeof value === "number" && !showsDate(numFmt)))
      row.values[c] = value;
    else {
      const read = plainValue(value, numFmt);
      row.values[c] = read.value;
      if (read.note) this.notes.push({ row: this.rowNumber, col: cell.col, ...read.note });
    }
    row.formats[c] = numFmt || "General";
    if (cell.col > row.cellCount) row.cellCount = cell.col;
    if (value !== null) row.hasValues = true;
  }

  private addColumn(attributes: Attributes): void {
    const styleId = attributeInt(attributes, "style");
    const format = styleId ? this.context.styles.numberFormat(styleId) : undefined;
    this.columnDefs.push({
      min: attributeInt(attributes, "min") ?? 0,
      max: attributeInt(attributes, "max") ?? 0,
      record: {
        hidden: parseBoolean(attributes.hidden),
        ...(format ? { format } : {}),
      },
    });
  }

  /** exceljs' Column.fromModel: sorted by min; where ranges overlap, the first one wins. */
  private closeColumns(): void {
    this.inCols = false;
    const defs = this.columnDefs.slice().sort((a, b) => a.min - b.min);
    let count = 1;
    for (const def of defs) {
      while (count < def.min) this.columns[count++] = { hidden: false };
      while (count <= def.max) this.columns[count++] = def.record;
    }
  }

  /**
   * A sheet marked to be recalculated on opening: its formulas' saved results are placeholders, so
   * each formula cell reads as plainValue reads a formula without a result.
   */
  private dropSavedResults(): void {
    const dropped = new Set<string>();
    for (const saved of this.savedResults) {
      // A row element read again replaced the one this cell was in.
      if (this.rows[saved.rowNumber] !== saved.row) continue;
      saved.row.values[saved.col - 1] = "";
      dropped.add(`${saved.rowNumber},${saved.col}`);
    }
    // A result shown as a date had a note of its own.
    const kept = this.notes.filter((n) => !dropped.has(`${n.row},${n.col}`));
    this.notes.length = 0;
    this.notes.push(...kept);
    for (const saved of this.savedResults)
      if (this.rows[saved.rowNumber] === saved.row)
        this.notes.push({
          row: saved.rowNumber,
          col: saved.col,
          kind: "formulaWithoutValue",
          ...(saved.formula ? { text: `=${saved.formula}` } : {}),
        });
  }

  /** The Grid, after the merged areas are applied as exceljs applies them. */
  grid(hidden: boolean): Grid {
    if (this.recalculateOnLoad && this.savedResults.length > 0) this.dropSavedResults();
    const { rows, merges } = this;
    for (let i = 0; i < merges.length; i++)
      for (let j = 0; j < i; j++)
        if (intersects(merges[i], merges[j]))
          throw new StreamingUnsupported("overlapping merged areas"); // exceljs refuses the file
    for (const m of merges) {
      if (m.bottom * Math.max(m.right, this.widestRow) > this.context.budget)
        throw new WorkbookTooLargeError(
          this.context.limit,
          this.context.limit - this.context.budget + m.bottom * m.right,
          this.context.xmlBytes
        );
      for (let r = m.top; r <= m.bottom; r++) {
        let row = rows[r];
        if (!row)
          row = rows[r] = {
            values: [],
            formats: [],
            cellCount: 0,
            hasValues: false,
            hidden: false,
          };
        if (m.right > row.cellCount) row.cellCount = m.right;
        if (r > m.top || m.right > m.left) row.hasValues = true;
        const last = Math.min(m.right, row.formats.length);
        for (let c = m.left; c <= last; c++) {
          if (r === m.top && c === m.left) continue;
          if (row.formats[c - 1] !== undefined) row.values[c - 1] = "";
        }
      }
    }
    let rowCount = 0;
    let colCount = 0;
    let anyValues = false;
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      rowCount = r;
      if (row.hasValues) {
        anyValues = true;
        if (row.cellCount > colCount) colCount = row.cellCount;
      }
    }
    if (!anyValues) rowCount = colCount = 0;
    if (rowCount * colCount > this.context.budget)
      throw new WorkbookTooLargeError(
        this.context.limit,
        this.context.limit - this.context.budget + rowCount * colCount,
        this.context.xmlBytes
      );
    this.context.budget -= rowCount * colCount;

    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const hiddenRows: number[] = [];
    const columnFormats: (string | undefined)[] = [];
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= colCount; c++) {
      const column = this.columns[c];
      columnFormats.push(column?.format);
      if (column?.hidden) hiddenColumns.push(c);
    }
    for (let r = 1; r <= rowCount; r++) {
      const row = rows[r];
      const rowValues = row ? row.values : [];
      const formats = row ? row.formats : [];
      if (row?.hidden) hiddenRows.push(r);
      for (let c = 0; c < colCount; c++)
        if (formats[c] === undefined) {
          rowValues[c] = "";
          formats[c] = row?.format || columnFormats[c] || "General";
        }
      rowValues.length = colCount;
      formats.length = colCount;
      values.push(rowValues);
      numberFormats.push(formats as string[]);
      rows[r] = undefined;
    }
    const cellNotes = this.notes
      .filter(
        (n) =>
          !merges.some((m) => inside(m, n.row, n.col) && !(n.row === m.top && n.col === m.left))
      )
      .sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      sheet: this.sheet,
      origin: { row: 1, col: 1 },
      values,
      numberFormats,
      merges,
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
      ...(hidden ? { sheetHidden: true } : {}),
      ...(cellNotes.length > 0 ? { cellNotes } : {}),
    };
  }
}

/** The column of an A1 reference ("AB12" → 28); 0 when it starts with no letter. */
function columnOf(ref: string): number {
  let col = 0;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  for (let n = 0; n < 3; n++, i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  return col;
}

function attributeInt(attributes: Attributes, name: string): number | undefined {
  const text = attributes[name];
  return text ? parseInt(text, 10) : undefined;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function inside(m: CellRange, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
}

/**
 * Reads an .xlsx into Grids without holding its worksheets' XML, under a cell limit. Throws
 * WorkbookTooLargeError past the limit, NotAWorkbookError for a zip without xl/workbook.xml, and
 * StreamingUnsupported (or a parse error) for what only the full read reproduces.
 */
export async function gridsFromXlsxStreaming(
  bytes: Uint8Array,
  limits: ReadLimits = {}
): Promise<Grid[]> {
  const limit = limits.maxCells ?? DEFAULT_MAX_CELLS;
  const entries = zipEntries(bytes);
  let xmlBytes = 0;
  for (const entry of entries.values())
    if (WORKSHEET_PART.test(entry.name) || entry.name === "xl/sharedStrings.xml")
      xmlBytes += entry.uncompressedSize;
  if (xmlBytes > limit * XML_BYTES_PER_CELL)
    throw new WorkbookTooLargeError(limit, undefined, xmlBytes);
  const { sheets, date1904, recalculateOnLoad } = workbookSheets(bytes, entries);
  const stringsEntry = entries.get("xl/sharedStrings.xml");
  const context: WorkbookContext = {
    strings: stringsEntry ? sharedStrings(bytes, stringsEntry) : undefined,
    styles: readStyles(bytes, entries.get("xl/styles.xml")),
    date1904,
    recalculateOnLoad,
    budget: limit,
    limit,
    xmlBytes,
  };
  const grids: Grid[] = [];
  for (const sheet of sheets) {
    const reader = new SheetReader(sheet.name, context);
    const whole = entryBytesUpTo(bytes, sheet.entry, limits.wholeSheetBytes ?? WHOLE_SHEET_BYTES);
    if (whole) readXml(whole, reader);
    else {
      const xml = new XmlReader(reader);
      for await (const chunk of entryChunks(bytes, sheet.entry)) xml.write(chunk);
      xml.end();
    }
    grids.push(reader.grid(sheet.hidden));
  }
  return grids;
}
