/**
 * A SheetSpec is the declarative layout of one output table: what every host renders the same way
 * (Office.js worksheets, exceljs workbooks, docx tables). It holds values, not formulas: every
 * figure is final, rounded once by the engine.
 */
import type { Money } from "../money";

export type SpecCellValue =
  | { kind: "text"; text: string }
  /** An amount, exact, already rounded to `decimals` places. */
  | { kind: "amount"; value: Money; decimals: number }
  /** A plain integer such as a 序号 or a 栏次 number. */
  | { kind: "integer"; value: number }
  | { kind: "empty" };

export type CellStyleName =
  | "title"
  | "subtitle"
  | "meta"
  | "metaRight"
  | "header"
  | "columnNumber"
  | "code"
  | "text"
  | "textIndented"
  | "amount"
  | "total"
  | "totalAmount"
  | "note";

export interface SpecCell {
  /** 0-based within the spec. */
  row: number;
  col: number;
  value: SpecCellValue;
  style: CellStyleName;
}

export interface SpecMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSpec {
  /** Worksheet name, ≤ 31 characters, e.g. "表1 收支总表". */
  sheetName: string;
  /** The table's title as printed (row 0). */
  title: string;
  /** Which standard table this is (a TableKind), for the docx order and for re-reading. */
  kind: string;
  rowCount: number;
  columnCount: number;
  cells: SpecCell[];
  merges: SpecMerge[];
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Rows [0, headerRows) are title, meta and header: frozen, and repeated on every printed page. */
  headerRows: number;
  /** The rows that repeat on printed pages (the column header block), 0-based inclusive. */
  printTitleRows: { from: number; to: number };
  page: { orientation: "landscape" | "portrait"; paper: "A4"; fitToWidth: boolean };
  /** How zero amounts show: blank, as published, or 0.00. */
  zeroAs: "blank" | "0.00";
}
