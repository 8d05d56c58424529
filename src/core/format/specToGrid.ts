/**
 * A SheetSpec as the Grid a host would hand back after drawing it: amounts as numbers (zeros blank
 * when the spec says so), texts as strings, merged areas holding their value in the top-left cell
 * only, number formats as the renderers set them. Tests re-read generated tables through the same
 * reader as published ones, without writing a file.
 */
import type { CellValue, Grid } from "../grid";
import { moneyToNumber } from "../money";
import type { SheetSpec, SpecCell } from "./sheetSpec";

const AMOUNT_FORMAT = "0.00";
/** Codes are text: written with the text format so Excel keeps 2013201 as typed. */
const TEXT_FORMAT = "@";

function valueOf(cell: SpecCell, zeroAs: SheetSpec["zeroAs"]): CellValue {
  const value = cell.value;
  switch (value.kind) {
    case "text":
      return value.text;
    case "integer":
      return value.value;
    case "amount":
      return value.value.isZero() && zeroAs === "blank" ? "" : moneyToNumber(value.value);
    case "empty":
      return "";
  }
}

function formatOf(cell: SpecCell): string {
  // An amount shows its own decimals (a 数量 none, a 单价 up to four); an empty amount cell 0.00.
  if (cell.value.kind === "amount")
    return cell.value.decimals > 0 ? `0.${"0".repeat(cell.value.decimals)}` : "0";
  if (cell.style === "amount" || cell.style === "totalAmount") return AMOUNT_FORMAT;
  if (cell.style === "code") return TEXT_FORMAT;
  return "General";
}

export function specToGrid(spec: SheetSpec): Grid {
  const values: CellValue[][] = Array.from({ length: spec.rowCount }, () =>
    Array.from({ length: spec.columnCount }, () => "")
  );
  const numberFormats: string[][] = Array.from({ length: spec.rowCount }, () =>
    Array.from({ length: spec.columnCount }, () => "General")
  );
  for (const cell of spec.cells) {
    values[cell.row][cell.col] = valueOf(cell, spec.zeroAs);
    numberFormats[cell.row][cell.col] = formatOf(cell);
  }
  return {
    sheet: spec.sheetName,
    origin: { row: 1, col: 1 },
    values,
    numberFormats,
    merges: spec.merges.map((m) => ({
      top: m.top + 1,
      left: m.left + 1,
      bottom: m.bottom + 1,
      right: m.right + 1,
    })),
  };
}
