/**
 * Reads a 固定资产占用情况表: the 资产总额 row, the numbered asset classes (1、房屋（平方米）…
 * 4、其他固定资产) and their 其中 rows, with the 数量 and 价值 columns found by caption.
 */
import type { AmountCell, ParsedTable, TableRow } from "./table";
import { hasChineseOrdinal } from "./text";
import type { WorkbookModel } from "./workbook";

export interface AssetLine {
  label: string;
  /** The class name without its number and unit: “房屋”. */
  name: string;
  row: TableRow;
}

export interface AssetColumn {
  index: number;
  caption: string;
  kind: "value" | "quantity";
}

export interface AssetsView {
  table: ParsedTable;
  columns: AssetColumn[];
  total?: AssetLine;
  items: (AssetLine & { children: AssetLine[] })[];
}

const TOTAL = /^(资产总额|资产总计|合计|总计)/;
const NUMBERED = /^(\d+|[(（]\d+[)）])[、.．]/;

function nameOf(label: string): string {
  return label
    .replace(/^(\d+|[(（]\d+[)）]|[一二三四五六七八九十]+)[、.．]?/, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[(（][^)）]*[)）]$/, "");
}

export function readAssets(table: ParsedTable): AssetsView | undefined {
  for (const side of table.sides) {
    const columns = side.captions.flatMap((caption, index): AssetColumn[] =>
      /价值|金额|原值|账面/.test(caption)
        ? [{ index, caption, kind: "value" }]
        : /数量|面积/.test(caption)
          ? [{ index, caption, kind: "quantity" }]
          : []
    );
    if (!columns.some((c) => c.kind === "value")) continue;
    const view: AssetsView = { table, columns, items: [] };
    for (const row of side.rows) {
      const line = { label: row.label, name: nameOf(row.label), row };
      if (!view.total && TOTAL.test(row.label)) view.total = line;
      else if (/^其中/.test(row.label) && view.items.length > 0)
        view.items[view.items.length - 1].children.push(line);
      else if (NUMBERED.test(row.label) || hasChineseOrdinal(row.label))
        view.items.push({ ...line, children: [] });
    }
    return view;
  }
  return undefined;
}

export function assetsViews(model: WorkbookModel): AssetsView[] {
  return model.tables
    .filter((t) => t.kind === "固定资产表")
    .flatMap((t) => readAssets(t.table) ?? []);
}

export function cellOf(line: AssetLine, column: AssetColumn): AmountCell | undefined {
  return line.row.cells[column.index];
}
