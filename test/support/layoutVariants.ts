/**
 * A metamorphic layout corpus: the same disclosure laid out the many ways real workbooks are laid
 * out — tables stacked on one sheet, starting in another column, sheets named Sheet1 or 表一 and in
 * any order, amounts in 元, captions reworded, spaced, broken over lines or in full-width brackets,
 * no 栏次 row, the 三公 table in its comparison form. Each transform works on Grids (what every host
 * gives the engine) and says where every cell of the original went, so a test can assert that a
 * check finds the same things at the mapped cells.
 *
 * The transforms know a table only as a careful reader of a printed page would: a title, lines
 * above a header, a header, data rows. They do not use the engine's reader, so they cannot share
 * its blind spots.
 */
import Decimal from "decimal.js";
import type { CellRange, CellValue, Grid } from "../../src/core/grid";

/** A cell of a workbook: 1-based sheet row and column. */
export interface Place {
  sheet: string;
  row: number;
  col: number;
}

/** A sheet that is not a published table (the ledger's 部门信息, 预算明细): moved, never reshaped. */
export interface SampleGrid extends Grid {
  keep?: boolean;
}

export interface Layout {
  grids: SampleGrid[];
  /** Where a cell of the input went; undefined when the transform dropped it. */
  map(place: Place): Place | undefined;
  /**
   * Cells of the output, besides where the input cell went, whose value the transform computed from
   * it (a 三公 增减 from its 本年): a defect there legitimately shows at these cells too.
   */
  echoes(place: Place): Place[];
  /** What money was multiplied by (10 000 where tables were restated in 元). */
  amountScale?: number;
}

export interface Transform {
  name: string;
  apply(grids: readonly SampleGrid[]): Layout;
}

// ---------------------------------------------------------------------------------------------
// Cells and sheets

const isBlank = (v: CellValue) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v));
const compact = (v: CellValue) => text(v).replace(/[\s\u00a0\u3000]/g, "");

/** A copy of a grid re-based at A1 (rows and columns before its origin filled with blanks). */
export function atA1(grid: SampleGrid): SampleGrid {
  const dr = grid.origin.row - 1;
  const dc = grid.origin.col - 1;
  const width = Math.max(0, ...grid.values.map((r) => (r ?? []).length)) + dc;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < dr; r++) {
    values.push(Array(width).fill(""));
    formats.push(Array(width).fill("General"));
  }
  grid.values.forEach((row, r) => {
    values.push([...Array(dc).fill(""), ...(row ?? [])]);
    formats.push([...Array(dc).fill("General"), ...(grid.numberFormats?.[r] ?? [])]);
  });
  return {
    ...grid,
    origin: { row: 1, col: 1 },
    values,
    numberFormats: formats,
    merges: (grid.merges ?? []).map((m) => ({ ...m })),
  };
}

function width(grid: Grid): number {
  return Math.max(0, ...grid.values.map((r) => (r ?? []).length));
}

function blankGrid(sheet: string, rows: number, cols: number): SampleGrid {
  return {
    sheet,
    origin: { row: 1, col: 1 },
    values: Array.from({ length: rows }, () => Array(cols).fill("")),
    numberFormats: Array.from({ length: rows }, () => Array(cols).fill("General")),
    merges: [],
  };
}

/** Copies `source` (at A1) into `target` (at A1) with its top-left cell at (row, col), 1-based. */
function paste(target: SampleGrid, source: SampleGrid, row: number, col: number): void {
  source.values.forEach((values, r) => {
    const at = row - 1 + r;
    while (target.values.length <= at) {
      target.values.push([]);
      target.numberFormats!.push([]);
    }
    (values ?? []).forEach((v, c) => {
      const to = col - 1 + c;
      const line = target.values[at];
      while (line.length < to) line.push("");
      line[to] = v;
      const formats = target.numberFormats![at];
      while (formats.length < to) formats.push("General");
      formats[to] = source.numberFormats?.[r]?.[c] ?? "General";
    });
  });
  for (const m of source.merges ?? [])
    target.merges!.push({
      top: m.top + row - 1,
      bottom: m.bottom + row - 1,
      left: m.left + col - 1,
      right: m.right + col - 1,
    });
}

/** Pads every row to the same width, as a host's used range is rectangular. */
function rectangular(grid: SampleGrid): SampleGrid {
  const w = width(grid);
  grid.values = grid.values.map((row) => [
    ...(row ?? []),
    ...Array(w - (row ?? []).length).fill(""),
  ]);
  grid.numberFormats = (grid.numberFormats ?? []).map((row) => [
    ...(row ?? []),
    ...Array(w - (row ?? []).length).fill("General"),
  ]);
  while (grid.numberFormats.length < grid.values.length)
    grid.numberFormats.push(Array(w).fill("General"));
  return grid;
}

function copy(grid: SampleGrid): SampleGrid {
  return atA1(grid);
}

const identity: Pick<Layout, "map" | "echoes"> = { map: (p) => p, echoes: () => [] };

// ---------------------------------------------------------------------------------------------
// Reading a table the way a person does: title, lines above the header, header, data

/** Sheets that hold goal forms (项目绩效目标表): stacked forms, not a list table. */
export function isFormSheet(grid: Grid): boolean {
  return grid.values
    .slice(0, 6)
    .some((row) => (row ?? []).some((v) => /绩效目标/.test(compact(v))));
}

const CAPTION_WORD =
  /^(序号|项目|收入|支出|科目|科目编码|科目名称|功能分类科目|单位名称|项目名称|合计|金额|预算数|类|款|项)$|编码$|名称$|项目来源$/;

/** 0-based index of the first header row: the first row with a caption word. */
export function headerStart(grid: Grid): number {
  return grid.values.findIndex((row) => (row ?? []).some((v) => CAPTION_WORD.test(compact(v))));
}

function isColumnNumberRow(row: readonly CellValue[]): boolean {
  const texts = row.map(compact).filter((t) => t !== "");
  if (texts[0] === "栏次") return true;
  return (
    texts.length >= 3 &&
    texts.every((t, i) => t === String(i + 1)) &&
    row.every((v) => typeof v !== "number")
  );
}

/** 0-based index of the first data row: a number outside the 序号 column, 合计, a code, an ordinal item or a note. */
export function dataStart(grid: Grid): number {
  const start = headerStart(grid);
  if (start < 0) return -1;
  const serial = new Set<number>();
  let lastLabelColumn = 0;
  for (let r = start; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const isLabelCaption = (t: string) =>
      /^(项目|科目|单位名称|项目名称)$|编码$|名称$|科目$/.test(t);
    if (r > start && !isColumnNumberRow(row)) {
      const filled = row
        .map((v, c) => ({ v, c }))
        .filter(({ v, c }) => !isBlank(v) && !serial.has(c));
      if (filled.length > 0) {
        const first = compact(filled[0].v);
        // 合计 over an amount column is a caption; in the label column it is the total row. A row
        // with text in the label columns only is an item of an empty table.
        const inLabels = filled.every(({ c }) => c <= lastLabelColumn);
        const hasCaption = filled.some(
          ({ v }) => CAPTION_WORD.test(compact(v)) && !/^合计$/.test(compact(v))
        );
        if (
          filled.some(({ v }) => typeof v === "number") ||
          /^注/.test(first) ||
          /^\d{3,7}$/.test(first) ||
          (inLabels && !hasCaption)
        )
          return r;
      }
    }
    row.forEach((v, c) => {
      const t = compact(v);
      if (t === "序号") serial.add(c);
      if (isLabelCaption(t)) lastLabelColumn = Math.max(lastLabelColumn, c);
    });
  }
  return grid.values.length;
}

/** For each column, the header captions above the data joined (merged group captions counted in). */
export function columnCaptions(grid: Grid): string[] {
  const from = headerStart(grid);
  const to = dataStart(grid);
  const w = width(grid);
  const captions = Array.from({ length: w }, () => "");
  for (let r = Math.max(from, 0); r < to; r++) {
    const row = grid.values[r] ?? [];
    if (isColumnNumberRow(row)) continue;
    for (let c = 0; c < w; c++) {
      let v = compact(row[c]);
      if (v === "") {
        const merge = (grid.merges ?? []).find(
          (m) =>
            m.top <= r + grid.origin.row &&
            m.bottom >= r + grid.origin.row &&
            m.left <= c + grid.origin.col &&
            m.right >= c + grid.origin.col
        );
        if (merge)
          v = compact(grid.values[merge.top - grid.origin.row]?.[merge.left - grid.origin.col]);
      }
      if (v !== "" && !captions[c].endsWith(v)) captions[c] += (captions[c] ? "|" : "") + v;
    }
  }
  return captions;
}

// ---------------------------------------------------------------------------------------------
// Composition

export function compose(name: string, ...transforms: Transform[]): Transform {
  return {
    name,
    apply(grids) {
      let current: Layout = { grids: grids.map(copy), ...identity };
      for (const t of transforms) {
        const before = current;
        const next = t.apply(before.grids);
        current = {
          grids: next.grids,
          amountScale: Math.max(before.amountScale ?? 1, next.amountScale ?? 1),
          map: (p) => {
            const mid = before.map(p);
            return mid && next.map(mid);
          },
          echoes: (p) => {
            const mid = before.map(p);
            return [
              ...(mid ? next.echoes(mid) : []),
              ...before.echoes(p).flatMap((e) => next.map(e) ?? []),
            ];
          },
        };
      }
      return current;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The transforms

/** Sheets renamed Sheet1, Sheet2 … or 表一, 表二 …: the names say nothing. */
export function genericSheetNames(style: "Sheet" | "表"): Transform {
  const DIGITS = "一二三四五六七八九";
  const chinese = (n: number) =>
    n <= 9 ? DIGITS[n - 1] : n < 20 ? `十${n % 10 ? DIGITS[(n % 10) - 1] : ""}` : String(n);
  return {
    name: `sheets named ${style === "Sheet" ? "Sheet1…" : "表一…"}`,
    apply(grids) {
      const names = new Map(
        grids.map((g, i) => [g.sheet, style === "Sheet" ? `Sheet${i + 1}` : `表${chinese(i + 1)}`])
      );
      return {
        grids: grids.map((g) => ({ ...copy(g), sheet: names.get(g.sheet)! })),
        map: (p) => ({ ...p, sheet: names.get(p.sheet) ?? p.sheet }),
        echoes: () => [],
      };
    },
  };
}

/** The sheets in another order (a fixed permutation: every k-th sheet, wrapping). */
export function shuffledSheets(step = 5): Transform {
  return {
    name: "sheets shuffled",
    apply(grids) {
      const n = grids.length;
      const order: number[] = [];
      const k = [step, 3, 2, 1].find((s) => gcd(s, n) === 1) ?? 1;
      for (let i = 0; i < n; i++) order.push((i * k + n - 1) % n);
      return { grids: order.map((i) => copy(grids[i])), ...identity };
    },
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Each table moved right by some columns and down by some rows (a table starting in C4, say).
 * With `usedRange`, the grid then starts at the table's first cell, as Office.js gives a used range.
 */
export function shiftedTables(
  cols: readonly number[],
  rows: readonly number[],
  usedRange = false
): Transform {
  return {
    name: usedRange ? "tables shifted, grids as used ranges" : "tables shifted right and down",
    apply(grids) {
      const shift = new Map<string, { dr: number; dc: number }>();
      const out = grids.map((g, i) => {
        if (g.keep) return copy(g);
        const dr = rows[i % rows.length];
        const dc = cols[i % cols.length];
        shift.set(g.sheet, { dr, dc });
        const target = blankGrid(g.sheet, 0, 0);
        target.keep = g.keep;
        paste(target, copy(g), dr + 1, dc + 1);
        rectangular(target);
        if (!usedRange) return target;
        return {
          ...target,
          origin: { row: dr + 1, col: dc + 1 },
          values: target.values.slice(dr).map((row) => row.slice(dc)),
          numberFormats: target.numberFormats!.slice(dr).map((row) => row.slice(dc)),
        };
      });
      return {
        grids: out,
        map: (p) => {
          const s = shift.get(p.sheet);
          return s ? { ...p, row: p.row + s.dr, col: p.col + s.dc } : p;
        },
        echoes: () => [],
      };
    },
  };
}

/**
 * Several tables on one sheet, one under the other with blank rows between: `perSheet` tables a
 * sheet (Infinity: all on one), named after the first table they hold.
 */
export function stackedTables(perSheet: number, gap = 2): Transform {
  return {
    name:
      perSheet === Infinity
        ? "all tables stacked on one sheet"
        : `tables stacked ${perSheet} to a sheet`,
    apply(grids) {
      const where = new Map<string, { sheet: string; dr: number }>();
      const out: SampleGrid[] = [];
      let current: SampleGrid | undefined;
      let count = 0;
      for (const g of grids) {
        if (g.keep) {
          out.push(copy(g));
          continue;
        }
        if (!current || count >= perSheet) {
          current = blankGrid(perSheet === Infinity ? "公开表" : `${g.sheet}等`, 0, 0);
          out.push(current);
          count = 0;
        }
        const top = current.values.length === 0 ? 1 : current.values.length + gap + 1;
        paste(current, copy(g), top, 1);
        where.set(g.sheet, { sheet: current.sheet, dr: top - 1 });
        count++;
      }
      for (const g of out) if (!g.keep) rectangular(g);
      return {
        grids: out,
        map: (p) => {
          const w = where.get(p.sheet);
          return w ? { sheet: w.sheet, row: p.row + w.dr, col: p.col } : p;
        },
        echoes: () => [],
      };
    },
  };
}

/** Rows removed from a grid (0-based), merges shrunk; returns the old → new row map (1-based). */
function removeRows(
  grid: SampleGrid,
  remove: ReadonlySet<number>
): (row: number) => number | undefined {
  const newIndex: (number | undefined)[] = [];
  let n = 0;
  grid.values.forEach((_, r) => {
    newIndex[r] = remove.has(r) ? undefined : n++;
  });
  grid.values = grid.values.filter((_, r) => !remove.has(r));
  grid.numberFormats = grid.numberFormats?.filter((_, r) => !remove.has(r));
  const to = (row: number) => {
    const r = newIndex[row - grid.origin.row];
    return r === undefined ? undefined : r + grid.origin.row;
  };
  const merges: CellRange[] = [];
  for (const m of grid.merges ?? []) {
    const rows: number[] = [];
    for (let r = m.top; r <= m.bottom; r++) {
      const t = to(r);
      if (t !== undefined) rows.push(t);
    }
    if (rows.length === 0) continue;
    const merge = { ...m, top: rows[0], bottom: rows[rows.length - 1] };
    if (merge.top !== merge.bottom || merge.left !== merge.right) merges.push(merge);
  }
  grid.merges = merges;
  return (row) =>
    row - grid.origin.row < newIndex.length
      ? to(row)
      : row - (grid.values.length - newIndex.length);
}

/** The 栏次 row under the header (`栏次 | 1 | 2 …` or a bare `1 … n`) removed. */
export function withoutColumnNumberRows(): Transform {
  return {
    name: "栏次 rows removed",
    apply(grids) {
      const maps = new Map<string, (row: number) => number | undefined>();
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g)) return grid;
        const remove = new Set<number>();
        grid.values.forEach((row, r) => isColumnNumberRow(row ?? []) && remove.add(r));
        if (remove.size > 0) maps.set(g.sheet, removeRows(grid, remove));
        return grid;
      });
      return {
        grids: out,
        map: (p) => {
          const m = maps.get(p.sheet);
          if (!m) return p;
          const row = m(p.row);
          return row === undefined ? undefined : { ...p, row };
        },
        echoes: () => [],
      };
    },
  };
}

/** Columns whose numbers are not money: 序号, counts, rates, areas. */
const NOT_MONEY = /序号|栏次|数量|率|%|％|面积|人数|编码|代码/;

/**
 * Amounts in 元 instead of 万元: the unit line (or a caption's 金额单位) says 元 and every money cell
 * is multiplied by 10 000, exactly. `which` picks the tables: all, or every other one (元 tables next
 * to 万元 tables).
 */
export function amountsInYuan(which: "all" | "alternate"): Transform {
  return {
    name: which === "all" ? "amounts in 元" : "every other table in 元",
    apply(grids) {
      let index = 0;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(g) < 0) return grid;
        if (which === "alternate" && index++ % 2 === 1) return grid;
        const captions = columnCaptions(grid);
        const first = dataStart(grid);
        grid.values = grid.values.map((row, r) =>
          row.map((v, c) => {
            if (
              typeof v === "string" &&
              /万元/.test(v) &&
              (r < first || /单位/.test(v)) &&
              !/^\s*注/.test(v)
            )
              return v.replace(/万元/g, "元");
            if (r < first || typeof v !== "number" || NOT_MONEY.test(captions[c] ?? "")) return v;
            return new Decimal(v).times(10000).toNumber();
          })
        );
        return grid;
      });
      return { grids: out, ...identity, amountScale: 10000 };
    },
  };
}

// Caption rewordings seen in published tables of other provinces (Beijing's 总体情况表, MOF's
// 一般公共预算“三公”经费支出表 …); each keeps the table's meaning.
const TITLE_REWORDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/财政拨款收支总表/, "财政拨款收支总体情况表"],
  [/部门预算收支总表|预算收支总表/, "部门收支预算总表"],
  [/收入总表/, "收入总体情况表"],
  [/支出总表/, "支出总体情况表"],
  [/财政拨款支出表$/, "财政拨款支出情况表"],
  [/政府采购预算$/, "政府采购预算表"],
];

const CAPTION_REWORDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^采购物品名称$/, "采购品目"],
  [/^计量单位$/, "单位"],
  [/^政府采购目录序号$/, "采购目录"],
  [/^公用经费$/, "日常公用经费"],
  [/^功能分类科目$/, "支出功能分类科目"],
  [/^科目编码$/, "科目\n编码"],
  [/^科目名称$/, "科 目 名 称"],
  [/^合计$/, "合  计"],
  [/^项目$/, "项    目"],
  [/^基本支出$/, "基本\n支出"],
  [/^项目支出$/, "项目\n支出"],
];

function swapBrackets(s: string, toFull: boolean): string {
  return toFull
    ? s.replace(/\(/g, "（").replace(/\)/g, "）")
    : s.replace(/（/g, "(").replace(/）/g, ")");
}

/** A longer caption broken over two lines, as a wrapped Word cell pastes into Excel. */
function breakLine(s: string): string {
  const t = s.replace(/\s+/g, "");
  if (t.length < 5 || /^\d/.test(t)) return s;
  const mid = Math.ceil(t.length / 2);
  return `${t.slice(0, mid)}\n${t.slice(mid)}`;
}

// 三公 items as other templates name them (（一）… 费用, 公务用车费, (1)公务用车购置 …).
const SANGONG_LABEL_REWORDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\s*一、因公出国（境）费\s*$/, "（一）因公出国（境）费用"],
  [/^\s*二、公务用车购置及运维费\s*$/, "（二）公务用车费"],
  [/^\s*其中：公务用车购置费\s*$/, "其中：(1)公务用车购置"],
  [/^\s*公务用车运行维护费\s*$/, "(2)公务用车运行费"],
  [/^\s*三、公务接待费\s*$/, "（三）公务接待费"],
  [/^公务用车购置及运行费$/, "公务用车费"],
  [/^①公务用车购置费$/, "其中：1.公务用车购置费"],
  [/^②公务用车运行维护费$/, "2.公务用车运行费"],
];

/**
 * Titles and captions as other templates word them: titles reworded (收支总体情况表) or broken over
 * two lines, header captions spaced out or wrapped, brackets full-width where they were half-width
 * and back, the colon of 单位：万元 half-width with a space, the lines above the header run into one
 * cell (部门 … 单位：万元), 三公 items named as elsewhere.
 */
export function rewordedCaptions(): Transform {
  return {
    name: "captions reworded, spaced, wrapped, brackets swapped",
    apply(grids) {
      const out = grids.map((g, i) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g)) return grid;
        const start = headerStart(grid);
        if (start < 0) return grid;
        const first = dataStart(grid);
        const toFull = i % 2 === 0;
        const titleRow = grid.values.findIndex((line) => (line ?? []).some((x) => !isBlank(x)));
        const isSangong = grid.values
          .slice(0, 3)
          .some((row) => row.some((v) => /三公/.test(compact(v))));
        grid.values = grid.values.map((row, r) => {
          if (r > titleRow && r < start && i % 2 === 1) {
            // The lines above the header run into the first cell of their row.
            const texts = row.filter((v) => !isBlank(v)).map((v) => text(v).trim());
            if (texts.length > 1) return [texts.join("    "), ...row.slice(1).map(() => "")];
          }
          return row.map((v) => {
            if (typeof v !== "string" || v.trim() === "") return v;
            if (r < start) {
              let s = v;
              if (/^\s*(金额)?单位[:：]/.test(s)) return s.replace(/[:：]\s*/, ": ");
              if (/^\s*预算年度[:：]/.test(s)) return s.replace(/[:：]\s*/, ": ");
              if (/^\s*部门名称[:：]/.test(s)) return s.replace(/[:：]\s*/, ": ");
              if (r === titleRow) {
                for (const [pattern, replacement] of TITLE_REWORDINGS)
                  if (pattern.test(s)) {
                    s = s.replace(pattern, replacement);
                    break;
                  }
                s = swapBrackets(s, toFull);
                return i % 3 === 1 ? breakLine(s) : s;
              }
              return s;
            }
            if (r < first) {
              const c = compact(v);
              for (const [pattern, replacement] of CAPTION_REWORDINGS)
                if (pattern.test(c)) return replacement;
              return swapBrackets(i % 2 === 0 ? breakLine(c) : c, toFull);
            }
            if (isSangong)
              for (const [pattern, replacement] of SANGONG_LABEL_REWORDINGS)
                if (pattern.test(v)) return replacement;
            return swapBrackets(v, toFull);
          });
        });
        // A merge over a line that was run into one cell would hide the joined text's neighbours: drop it.
        if (i % 2 === 1)
          grid.merges = (grid.merges ?? []).filter(
            (m) => m.top - 1 <= titleRow || m.top - 1 >= start
          );
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

/**
 * The 政府采购 table with 数量 and 计量单位 in one column, “数量（单位）”: 10台 (a unit that is no
 * word, such as a stray 1, is left out). The 计量单位 column goes; the columns right of it move left.
 */
export function procurementQuantityWithUnit(): Transform {
  return {
    name: "政府采购 数量 and 单位 in one column",
    apply(grids) {
      let mapping: { sheet: string; unit: number } | undefined;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (
          g.keep ||
          !grid.values.slice(0, 3).some((row) => row.some((v) => /政府采购/.test(compact(v))))
        )
          return grid;
        const captions = columnCaptions(grid);
        const unit = captions.findIndex((c) => /(^|\|)(计量)?单位$/.test(c));
        const quantity = captions.findIndex((c) => /(^|\|)数量$/.test(c));
        if (unit < 0 || quantity < 0) return grid;
        const first = dataStart(grid);
        grid.values = grid.values.map((row, r) => {
          const line = row.slice();
          if (r < first && r >= headerStart(grid) && compact(line[quantity]) === "数量")
            line[quantity] = "数量（单位）";
          if (r >= first && typeof line[quantity] === "number") {
            const word = text(line[unit]).trim();
            if (/^[^\d\s]{1,4}$/.test(word)) line[quantity] = `${line[quantity]}${word}`;
          }
          line.splice(unit, 1);
          return line;
        });
        grid.numberFormats = grid.numberFormats?.map((row) => row.filter((_, c) => c !== unit));
        const u = unit + 1;
        grid.merges = (grid.merges ?? []).flatMap((m) => {
          if (m.left === u && m.right === u) return [];
          return [
            {
              ...m,
              left: m.left > u ? m.left - 1 : m.left,
              right: m.right >= u ? m.right - 1 : m.right,
            },
          ];
        });
        mapping = { sheet: grid.sheet, unit: u };
        return grid;
      });
      return {
        grids: out,
        map: (p) => {
          if (!mapping || p.sheet !== mapping.sheet) return p;
          if (p.col === mapping.unit) return undefined;
          return p.col > mapping.unit ? { ...p, col: p.col - 1 } : p;
        },
        echoes: () => [],
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The 三公 table in its comparison form

type ComparisonColumn = "prior" | "current" | "change" | "rate" | "reason";

type SangongRow =
  "total" | "abroad" | "abroadOther" | "vehicle" | "purchase" | "operation" | "reception" | "other";

function sangongRowOf(label: string): SangongRow {
  const l = label.replace(/[\s“”"]/g, "");
  if (/合计|小计|^三公经费$/.test(l)) return "total";
  if (/其他因公出国/.test(l)) return "abroadOther";
  if (/因公出国/.test(l)) return "abroad";
  if (/购置及运|购置和运|公务用车费$/.test(l)) return "vehicle";
  if (/购置/.test(l)) return "purchase";
  if (/运行|运维/.test(l)) return "operation";
  if (/接待/.test(l)) return "reception";
  return "other";
}

/**
 * The 三公 table redrawn as 上年 / 本年 / 增减 / 增减率 / 变化原因 columns in the given order, the
 * captions as published elsewhere (“2023年度预算” or “上年预算数” …). 本年 is the table's 合计
 * column; 上年 is made up, consistent item by item, so every 增减 and 增减率 is right.
 */
export function sangongComparison(
  order: readonly ComparisonColumn[] = ["prior", "current", "change", "rate", "reason"],
  style: "years" | "words" = "years"
): Transform {
  return {
    name: `三公 in comparison form (${order.join(", ")})`,
    apply(grids) {
      let mapping:
        | { sheet: string; map: (p: Place) => Place | undefined; echo: (p: Place) => Place[] }
        | undefined;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (
          g.keep ||
          !grid.values.slice(0, 4).some((row) => row.some((v) => /三公/.test(compact(v))))
        )
          return grid;
        const start = headerStart(grid);
        const first = dataStart(grid);
        if (start < 0) return grid;
        const captions = columnCaptions(grid);
        const labelCol = captions.findIndex((c) => /项目/.test(c));
        const serialCol = captions.findIndex((c) => /序号/.test(c));
        const currentCol = captions.findIndex((c, i) => i > labelCol && /合计|预算数/.test(c));
        if (labelCol < 0 || currentCol < 0) return grid;
        const year = Number(/(20\d\d)/.exec(grid.values.flat().map(text).join(" "))?.[1] ?? 2024);
        const caption: Record<ComparisonColumn, string> =
          style === "years"
            ? {
                prior: `${year - 1}年度预算`,
                current: `${year}年度预算`,
                change: "增减金额",
                rate: "增减率（%）",
                reason: "变化原因",
              }
            : {
                prior: "上年预算数",
                current: "本年预算数",
                change: "增减额",
                rate: "增减率",
                reason: "增减变化原因",
              };
        const keepCols = [serialCol, labelCol].filter((c) => c >= 0);
        const newCol = (k: ComparisonColumn) => keepCols.length + order.indexOf(k);
        // Rows: lines above the header as they were, one header row, the data rows, the notes.
        const rows: CellValue[][] = [];
        const rowMap = new Map<number, number>();
        const w = keepCols.length + order.length;
        const pad = (cells: CellValue[]) => [
          ...cells,
          ...Array(Math.max(0, w - cells.length)).fill(""),
        ];
        for (let r = 0; r < start; r++) {
          const line = grid.values[r];
          // Keep the title and meta texts, pulled into the new width.
          const texts = line.filter((v) => !isBlank(v));
          const row = Array(w).fill("");
          texts.forEach(
            (t, i) => (row[i === 0 ? 0 : Math.min(w - 1, Math.max(1, w - texts.length + i))] = t)
          );
          rowMap.set(r, rows.length);
          rows.push(row);
        }
        const header = Array(w).fill("");
        if (serialCol >= 0) header[keepCols.indexOf(serialCol)] = "序号";
        header[keepCols.indexOf(labelCol)] = "项目";
        for (const k of order) header[newCol(k)] = caption[k];
        rows.push(header);
        // 上年 by item, made up from 本年 so that each total adds up.
        const data = grid.values.slice(first).map((line, i) => ({ r: first + i, line }));
        const money = (v: CellValue) => (typeof v === "number" ? new Decimal(v) : new Decimal(0));
        const byKind = new Map<SangongRow, Decimal>();
        const leafPrior = (kind: SangongRow, current: Decimal): Decimal => {
          switch (kind) {
            case "abroad":
            case "abroadOther":
              return new Decimal("0.5");
            case "purchase":
              return current.plus(2);
            case "operation":
              return current.times("0.8").toDecimalPlaces(2);
            case "reception":
              return current.times("1.25").toDecimalPlaces(2).plus("0.4");
            default:
              return current;
          }
        };
        for (const { line } of data) {
          const kind = sangongRowOf(text(line[labelCol]));
          if (["abroad", "purchase", "operation", "reception"].includes(kind) && !byKind.has(kind))
            byKind.set(kind, leafPrior(kind, money(line[currentCol])));
        }
        const get = (k: SangongRow) => byKind.get(k) ?? new Decimal(0);
        byKind.set("abroadOther", get("abroad"));
        byKind.set("vehicle", get("purchase").plus(get("operation")));
        byKind.set("total", get("abroad").plus(get("vehicle")).plus(get("reception")));
        const notes: CellValue[][] = [];
        for (const { r, line } of data) {
          const label = text(line[labelCol]);
          if (/^\s*注/.test(text(line.find((v) => !isBlank(v)) ?? ""))) {
            notes.push(pad([line.find((v) => !isBlank(v))]));
            rowMap.set(r, rows.length + notes.length - 1); // fixed below
            continue;
          }
          if (line.every(isBlank)) continue;
          const kind = sangongRowOf(label);
          const currentRaw = line[currentCol];
          const current = money(currentRaw);
          const prior = kind === "other" ? current : get(kind);
          const change = current.minus(prior);
          const row = Array(w).fill("");
          if (serialCol >= 0) row[keepCols.indexOf(serialCol)] = line[serialCol];
          row[keepCols.indexOf(labelCol)] = line[labelCol];
          row[newCol("current")] = currentRaw;
          row[newCol("prior")] = prior.isZero() && isBlank(currentRaw) ? "" : prior.toNumber();
          row[newCol("change")] = prior.isZero() && isBlank(currentRaw) ? "" : change.toNumber();
          row[newCol("rate")] = prior.isZero()
            ? "—"
            : change.dividedBy(prior).times(100).toDecimalPlaces(2).toNumber();
          row[newCol("reason")] = change.isZero()
            ? "无变化"
            : change.isNegative()
              ? "厉行节约，压减支出"
              : "工作需要，增加安排";
          rowMap.set(r, rows.length);
          rows.push(row);
        }
        const noteStart = rows.length;
        let noteIndex = 0;
        for (const { r, line } of data)
          if (/^\s*注/.test(text(line.find((v) => !isBlank(v)) ?? "")))
            rowMap.set(r, noteStart + noteIndex++);
        rows.push(...notes);
        const sheet = grid.sheet;
        const colMap = new Map<number, number>([
          ...keepCols.map((c, i) => [c, i] as [number, number]),
          [currentCol, newCol("current")],
        ]);
        mapping = {
          sheet,
          map: (p) => {
            const r = rowMap.get(p.row - 1);
            const c = colMap.get(p.col - 1);
            if (r === undefined || c === undefined) return undefined;
            if (p.row - 1 >= start && p.row - 1 < first) return undefined;
            return { sheet, row: r + 1, col: c + 1 };
          },
          echo: (p) => {
            const to = p.col - 1 === currentCol ? rowMap.get(p.row - 1) : undefined;
            return to === undefined ? [] : [{ sheet, row: to + 1, col: newCol("change") + 1 }];
          },
        };
        return {
          ...grid,
          values: rows,
          numberFormats: rows.map((row) => row.map(() => "General")),
          merges: [],
        } as SampleGrid;
      });
      return {
        grids: out,
        map: (p) => (mapping && p.sheet === mapping.sheet ? mapping.map(p) : p),
        echoes: (p) => (mapping && p.sheet === mapping.sheet ? mapping.echo(p) : []),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The 三公 table in the 财政部 template: items as columns over one unlabelled row of figures

export interface SangongTemplateStyle {
  /** The 单位：万元 line above the header (else none: the reader takes 万元). */
  unitLine?: boolean;
  /** Figures in 元 (×10 000) under a 单位：元 line. */
  yuan?: boolean;
  /** 因公出国（境）费用 … instead of …费. */
  feeWording?: "费" | "费用";
  /** 公务用车运行维护费 instead of 公务用车运行费. */
  operationWording?: "运行费" | "运行维护费";
  /** A 序号 column (its cell 1 in the figure row), or a blank column, before the items. */
  firstColumn?: "none" | "serial" | "blank";
  /**
   * A row of last year's figures above this year's: `labelled` puts a 项目 column naming both rows
   * (上年预算数 / 本年预算数); `unlabelled` leaves both rows unnamed.
   */
  priorRow?: "none" | "labelled" | "unlabelled";
}

/**
 * The 三公 table redrawn as the 财政部 template prints it: a two-row header (“三公”经费合计 |
 * 因公出国（境）费 | 公务用车购置及运行费 › 小计 | 购置费 | 运行费 | 公务接待费) over one row of
 * figures, the table's 合计 column, with no label column. Cells of the old table map nowhere.
 */
export function sangongTemplate(style: SangongTemplateStyle = {}): Transform {
  const fee = style.feeWording ?? "费";
  const operation = style.operationWording ?? "运行费";
  const first = style.firstColumn ?? "none";
  const prior = style.priorRow ?? "none";
  return {
    name: `三公 in the 财政部 template (${JSON.stringify(style)})`,
    apply(grids) {
      let sheet: string | undefined;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (
          g.keep ||
          !grid.values.slice(0, 4).some((row) => row.some((v) => /三公/.test(compact(v))))
        )
          return grid;
        const start = headerStart(grid);
        const firstData = dataStart(grid);
        const captions = columnCaptions(grid);
        const labelCol = captions.findIndex((c) => /项目/.test(c));
        const currentCol = captions.findIndex((c, i) => i > labelCol && /合计|预算数/.test(c));
        if (start < 0 || labelCol < 0 || currentCol < 0) return grid;
        sheet = grid.sheet;
        const scale = style.yuan ? 10000 : 1;
        const figure = (kind: SangongRow): CellValue => {
          const line = grid.values
            .slice(firstData)
            .find((row) => sangongRowOf(text(row[labelCol])) === kind);
          const v = line?.[currentCol];
          return typeof v === "number" ? new Decimal(v).times(scale).toNumber() : "";
        };
        const title = grid.values
          .slice(0, start)
          .flat()
          .map(text)
          .find((t) => /三公/.test(t))!;
        const lead: CellValue[] =
          prior === "labelled"
            ? ["项目"]
            : first === "serial"
              ? ["序号"]
              : first === "blank"
                ? [""]
                : [];
        const top: CellValue[] = [
          ...lead,
          "“三公”经费合计",
          `因公出国（境）${fee}`,
          `公务用车购置及${operation.replace(/费$/, "")}${fee}`,
          "",
          "",
          `公务接待${fee}`,
        ];
        const second: CellValue[] = [
          ...lead.map(() => ""),
          "",
          "",
          "小计",
          `公务用车购置${fee}`,
          `公务用车${operation.replace(/费$/, "")}${fee}`,
          "",
        ];
        const w = top.length;
        const figures = (label: CellValue, shift: (v: CellValue) => CellValue): CellValue[] => [
          ...(lead.length > 0 ? [label] : []),
          ...(["total", "abroad", "vehicle", "purchase", "operation", "reception"] as const).map(
            (kind) => shift(figure(kind))
          ),
        ];
        const same = (v: CellValue) => v;
        // Last year: each leaf item 1 more (in 万元), the 小计 2 and the 合计 4, so both still add up.
        const more = (count: number) => (v: CellValue) =>
          new Decimal(typeof v === "number" ? v : 0).plus(count * scale).toNumber();
        const priorFigures = [4, 1, 2, 1, 1, 1].map(more);
        const priorLine = (label: CellValue): CellValue[] => {
          const line = figures(label, same);
          const offset = lead.length;
          return line.map((v, i) => (i < offset ? v : priorFigures[i - offset]!(v)));
        };
        const serial = first === "serial" && prior !== "labelled" ? 1 : "";
        const rows: CellValue[][] = [
          [title, ...Array(w - 1).fill("")],
          ...(style.unitLine || style.yuan
            ? [[...Array(w - 1).fill(""), style.yuan ? "单位：元" : "单位：万元"]]
            : []),
          top,
          second,
          ...(prior === "labelled"
            ? [priorLine("上年预算数"), figures("本年预算数", same)]
            : prior === "unlabelled"
              ? [priorLine(""), figures("", same)]
              : [figures(serial, same)]),
        ];
        const headerRow = style.unitLine || style.yuan ? 3 : 2;
        const c0 = lead.length + 1;
        const merges: CellRange[] = [
          { top: 1, bottom: 1, left: 1, right: w },
          ...lead.map((_, i) => ({
            top: headerRow,
            bottom: headerRow + 1,
            left: i + 1,
            right: i + 1,
          })),
          { top: headerRow, bottom: headerRow + 1, left: c0, right: c0 },
          { top: headerRow, bottom: headerRow + 1, left: c0 + 1, right: c0 + 1 },
          { top: headerRow, bottom: headerRow, left: c0 + 2, right: c0 + 4 },
          { top: headerRow, bottom: headerRow + 1, left: c0 + 5, right: c0 + 5 },
        ];
        return { sheet: grid.sheet, origin: { row: 1, col: 1 }, values: rows, merges };
      });
      return {
        grids: out,
        map: (p) => (p.sheet === sheet ? undefined : p),
        echoes: () => [],
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Classification codes split over 类 | 款 | 项 columns

/** A classification code as printed in a code column: 201, 20132, 2013201 (text or number). */
const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/**
 * The code column (科目编码) split into 类 | 款 | 项 columns under the merged caption, as many provinces
 * print it: a header row 类 款 项 is added under the caption, and each code is written in its parts
 * — `full`: 201 | 32 | 01 (a 款 row 201 | 32 | blank); `own`: each row its own part only, the parts
 * above left to the rows above (201 | | , | 32 | , | | 01); `numbers`: the parts typed as numbers
 * (款 01 shows as 1). 经济分类 codes (3 or 5 digits) get 类 | 款 only. A code cell maps to the part
 * that holds the row's own level, so a finding about the code lands on the part a clerk would fix.
 */
export function splitCodeColumns(style: "full" | "own" | "numbers" = "full"): Transform {
  return {
    name: `科目编码 split into 类 | 款 | 项 (${style})`,
    apply(grids) {
      const maps = new Map<string, { map: (p: Place) => Place | undefined }>();
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g)) return grid;
        const start = headerStart(grid);
        if (start < 0) return grid;
        const first = dataStart(grid);
        const captions = columnCaptions(grid);
        const codeCols = captions
          .map((caption, c) => ({ caption, c }))
          .filter(
            ({ caption, c }) =>
              /(^|\|)[^|]*(科目)?编码$/.test(caption) &&
              !/项目编码|目录|品目/.test(caption) &&
              grid.values.slice(first).some((row) => CODE.test(compact(row[c])))
          )
          .map(({ c }) => c);
        if (codeCols.length === 0) return grid;
        // The lowest header row holding a code column's caption: 类 款 项 go under it.
        const captionRow = Math.max(
          ...codeCols.map((c) => {
            for (let r = first - 1; r >= start; r--)
              if (!isBlank(grid.values[r][c]) && !isColumnNumberRow(grid.values[r])) return r;
            return start;
          })
        );
        const partsOf = (c: number) =>
          grid.values.slice(first).some((row) => compact(row[c]).length === 7) ||
          grid.values.slice(first).some((row) => /^2/.test(compact(row[c])))
            ? 3
            : 2;
        const counts = new Map(codeCols.map((c) => [c, partsOf(c)]));
        /** Grid column (0-based) → new column of its first cell. */
        const newCol: number[] = [];
        let shift = 0;
        for (let c = 0; c < width(grid); c++) {
          newCol[c] = c + shift;
          shift += (counts.get(c) ?? 1) - 1;
        }
        const rowAt = (r: number) => (r > captionRow ? r + 1 : r);
        const split = (v: CellValue, parts: number): CellValue[] => {
          const t = compact(v);
          if (!CODE.test(t)) return [v, ...Array(parts - 1).fill("")];
          const cut = [t.slice(0, 3), t.slice(3, 5), t.slice(5, 7)].slice(0, parts);
          const own = cut.filter((x) => x !== "").length - 1;
          return cut.map((x, i) => {
            if (x === "" || (style === "own" && i !== own)) return "";
            return style === "numbers" ? Number(x) : x;
          });
        };
        const values: CellValue[][] = [];
        const formats: string[][] = [];
        grid.values.forEach((row, r) => {
          const line: CellValue[] = [];
          const lineFormats: string[] = [];
          row.forEach((v, c) => {
            const parts = counts.get(c) ?? 1;
            const format = grid.numberFormats?.[r]?.[c] ?? "General";
            if (parts === 1) line.push(v);
            else if (r >= first) line.push(...split(v, parts));
            else line.push(v, ...Array(parts - 1).fill(""));
            lineFormats.push(...Array(parts).fill(format));
          });
          values.push(line);
          formats.push(lineFormats);
          if (r === captionRow) {
            const partRow: CellValue[] = [];
            row.forEach((_, c) => {
              const parts = counts.get(c);
              if (parts === undefined) partRow.push("");
              else partRow.push(...["类", "款", "项"].slice(0, parts));
            });
            values.push(partRow);
            formats.push(partRow.map(() => "General"));
          }
        });
        const merges: CellRange[] = [];
        const o = grid.origin;
        const toCol = (col: number) => newCol[col - o.col] + o.col;
        const lastCol = (col: number) => toCol(col) + (counts.get(col - o.col) ?? 1) - 1;
        for (const m of grid.merges ?? []) {
          const top = rowAt(m.top - o.row) + o.row;
          let bottom = rowAt(m.bottom - o.row) + o.row;
          const left = toCol(m.left);
          const right = lastCol(m.right);
          // A caption merged down to the caption row reaches over the new 类 款 项 row too.
          const spansCodes = codeCols.some((c) => c + o.col >= m.left && c + o.col <= m.right);
          if (m.bottom - o.row === captionRow && !spansCodes) bottom++;
          merges.push({ top, bottom, left, right });
        }
        // Each code caption spans its parts (unless a merge already does).
        for (const c of codeCols) {
          const col = toCol(c + o.col);
          const row = captionRow + o.row;
          if (
            !merges.some((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col)
          )
            merges.push({ top: row, bottom: row, left: col, right: col + counts.get(c)! - 1 });
        }
        const sheet = grid.sheet;
        maps.set(sheet, {
          map: (p) => {
            const r = p.row - o.row;
            const c = p.col - o.col;
            const parts = counts.get(c);
            let col = newCol[c] === undefined ? p.col : newCol[c] + o.col;
            if (parts !== undefined && r >= first) {
              const t = compact(grid.values[r]?.[c]);
              if (CODE.test(t)) col += (t.length - 3) / 2;
            }
            return { sheet, row: rowAt(r) + o.row, col };
          },
        });
        return { ...grid, values, numberFormats: formats, merges } as SampleGrid;
      });
      return {
        grids: out,
        map: (p) => maps.get(p.sheet)?.map(p) ?? p,
        echoes: () => [],
      };
    },
  };
}

/**
 * Every code of a code column typed another way: as a number (20132), with Excel's leading
 * apostrophe ('20132), or with its 类, 款 and 项 set apart by spaces or dots (201 32 01, 201.32.01)
 * all through the column, a notation and not a slip.
 */
export function codesRetyped(style: "numbers" | "apostrophe" | "spaces" | "dots"): Transform {
  return {
    name: `codes typed ${style === "numbers" ? "as numbers" : style === "apostrophe" ? "with an apostrophe" : `with ${style} between 类, 款 and 项`}`,
    apply(grids) {
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        const first = dataStart(grid);
        const captions = columnCaptions(grid);
        captions.forEach((caption, c) => {
          if (!/编码$/.test(caption) || /项目编码|目录|品目/.test(caption)) return;
          for (let r = first; r < grid.values.length; r++) {
            const t = compact(grid.values[r][c]);
            if (!CODE.test(t)) continue;
            const parts = [t.slice(0, 3), t.slice(3, 5), t.slice(5, 7)].filter((x) => x !== "");
            grid.values[r][c] =
              style === "numbers"
                ? Number(t)
                : style === "apostrophe"
                  ? `'${t}`
                  : parts.join(style === "spaces" ? " " : ".");
          }
        });
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

/**
 * A coded list printed without its codes: the code cells left blank and each name indented with
 * full-width spaces by its level (款 one, 项 two), the level the code gave.
 */
export function codesAsIndentedNames(): Transform {
  return {
    name: "codes left out, names indented with full-width spaces",
    apply(grids) {
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        const first = dataStart(grid);
        const captions = columnCaptions(grid);
        captions.forEach((caption, c) => {
          if (!/编码$/.test(caption) || /项目编码|目录|品目/.test(caption)) return;
          const nameCol = captions.findIndex((x, i) => i > c && /名称$/.test(x));
          if (nameCol < 0) return;
          for (let r = first; r < grid.values.length; r++) {
            const t = compact(grid.values[r][c]);
            if (!CODE.test(t)) continue;
            grid.values[r][c] = "";
            const name = text(grid.values[r][nameCol]).trim();
            grid.values[r][nameCol] = "\u3000".repeat((t.length - 3) / 2) + name;
          }
        });
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

/** The code columns of a table (科目编码, 功能分类科目编码), each with the name column after it. */
function codeNameColumns(grid: Grid): { code: number; name: number }[] {
  const captions = columnCaptions(grid);
  const pairs: { code: number; name: number }[] = [];
  captions.forEach((caption, c) => {
    if (!/编码$/.test(caption) || /项目编码|目录|品目/.test(caption)) return;
    const name = captions.findIndex((x, i) => i > c && /名称$/.test(x));
    if (name >= 0) pairs.push({ code: c, name });
  });
  return pairs;
}

/**
 * Each code written in front of its name in the name column (201 一般公共服务支出, 2013201行政运行,
 * by turns with and without a space) and the code cell left blank, as tables print a single
 * 科目名称 column. A finding about a code lands on the name cell that now holds it.
 */
export function codesJoinedWithNames(): Transform {
  return {
    name: "codes written in the name cell (201 一般公共服务支出)",
    apply(grids) {
      const moved = new Map<string, Map<string, number>>();
      let k = 0;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        const first = dataStart(grid);
        const where = new Map<string, number>();
        for (const { code, name } of codeNameColumns(grid))
          for (let r = first; r < grid.values.length; r++) {
            const t = compact(grid.values[r][code]);
            if (!CODE.test(t)) continue;
            grid.values[r][code] = "";
            grid.values[r][name] = `${t}${k++ % 2 ? " " : ""}${text(grid.values[r][name]).trim()}`;
            where.set(`${r},${code}`, name);
          }
        moved.set(g.sheet, where);
        return grid;
      });
      return {
        grids: out,
        map: (p) => {
          const g = grids.find((x) => x.sheet === p.sheet);
          const to =
            g && moved.get(p.sheet)?.get(`${p.row - g.origin.row},${p.col - g.origin.col}`);
          return to === undefined || !g ? p : { ...p, col: to + g.origin.col };
        },
        echoes: () => [],
      };
    },
  };
}

/** The 合计 row's label typed as a heading: 合计：, 合\u3000计, 合计: by turns. */
export function totalLabelsRetyped(): Transform {
  const FORMS = ["合计：", "合\u3000计", "合计:"];
  return {
    name: "合计 written 合计： or 合　计",
    apply(grids) {
      let k = 0;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        for (const r of bodyRows(grid)) {
          const row = grid.values[r];
          if (!row.some((v) => typeof v === "number")) continue;
          const c = row.findIndex((v) => compact(v) === "合计");
          if (c >= 0) row[c] = FORMS[k++ % FORMS.length];
        }
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

/**
 * A coded table (one with a 科目编码 column) continued on the same sheet: after the middle of its
 * body, a 续表 line and its header again (with the 栏次 row), as a table printed over two pages and
 * pasted into one sheet has them. Rows below move down.
 */
export function continuedTables(): Transform {
  return {
    name: "coded tables continued under 续表 and a repeated header",
    apply(grids) {
      const shifts = new Map<string, { at: number; by: number }>();
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        if (codeNameColumns(grid).length === 0) return grid;
        const rows = bodyRows(grid);
        if (rows.length < 6) return grid;
        const from = headerStart(grid);
        const to = dataStart(grid);
        const at = rows[Math.floor(rows.length / 2)];
        const w = width(grid);
        const inserted = [
          ["续表", ...Array(w - 1).fill("")],
          ...grid.values.slice(from, to).map((row) => [...row]),
        ];
        const by = inserted.length;
        const formats = grid.numberFormats ?? [];
        grid.values = [...grid.values.slice(0, at), ...inserted, ...grid.values.slice(at)];
        grid.numberFormats = [
          ...formats.slice(0, at),
          ...inserted.map(() => Array(w).fill("General")),
          ...formats.slice(at),
        ];
        const merges = grid.merges ?? [];
        const header = merges.filter(
          (m) => m.top - grid.origin.row >= from && m.bottom - grid.origin.row < to
        );
        grid.merges = [
          ...merges.map((m) =>
            m.top - grid.origin.row >= at ? { ...m, top: m.top + by, bottom: m.bottom + by } : m
          ),
          ...header.map((m) => ({
            ...m,
            top: m.top - from + at + 1,
            bottom: m.bottom - from + at + 1,
          })),
        ];
        shifts.set(g.sheet, { at, by });
        return grid;
      });
      return {
        grids: out,
        map: (p) => {
          const s = shifts.get(p.sheet);
          const g = grids.find((x) => x.sheet === p.sheet);
          if (!s || !g) return p;
          return p.row - g.origin.row >= s.at ? { ...p, row: p.row + s.by } : p;
        },
        echoes: () => [],
      };
    },
  };
}

/**
 * The unit written into each amount caption of a coded table in 万元 (合计（万元）, 基本支出（万元）),
 * the caption cell the lowest over the column's figures; the unit line above stays.
 */
export function captionsWithUnit(): Transform {
  return {
    name: "amount captions with （万元）",
    apply(grids) {
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        if (codeNameColumns(grid).length === 0) return grid;
        const from = headerStart(grid);
        const to = dataStart(grid);
        const above = grid.values.slice(0, from).flat().map(compact).join("");
        if (!/万元/.test(above)) return grid;
        const captions = columnCaptions(grid);
        const rows = bodyRows(grid);
        for (let c = 0; c < width(grid); c++) {
          if (NOT_MONEY.test(captions[c] ?? "")) continue;
          if (!rows.some((r) => typeof grid.values[r][c] === "number")) continue;
          for (let r = to - 1; r >= from; r--) {
            const v = grid.values[r][c];
            if (isBlank(v) || isColumnNumberRow(grid.values[r])) continue;
            const sheetRow = r + grid.origin.row;
            const sheetCol = c + grid.origin.col;
            const wide = (grid.merges ?? []).some(
              (m) => m.top === sheetRow && m.left === sheetCol && m.right > m.left
            );
            if (!wide && !/元/.test(compact(v))) grid.values[r][c] = `${text(v).trim()}（万元）`;
            break;
          }
        }
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rows and cells of a table body

/** 0-based data rows of a table: from its first data row to its last row with a number or a label. */
function bodyRows(grid: Grid): number[] {
  const first = dataStart(grid);
  const rows: number[] = [];
  for (let r = first; r >= 0 && r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (row.every(isBlank) || /^注|^说明/.test(compact(row.find((v) => !isBlank(v))))) continue;
    rows.push(r);
  }
  return rows;
}

/**
 * Zero written as a dash, as many tables print it: every blank amount cell of a row that holds
 * a figure becomes -, —, – or －, in turn (a blank, a dash and 0.00 all mean nothing budgeted).
 */
export function zeroAsDash(): Transform {
  const DASHES = ["-", "—", "–", "－", "——"];
  return {
    name: "zero printed as a dash (-, —, –, －)",
    apply(grids) {
      let k = 0;
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        const rows = bodyRows(grid);
        const captions = columnCaptions(grid);
        const money = new Set<number>();
        for (const r of rows)
          grid.values[r].forEach((v, c) => {
            if (typeof v === "number" && !NOT_MONEY.test(captions[c] ?? "")) money.add(c);
          });
        for (const r of rows) {
          const row = grid.values[r];
          if (!row.some((v) => typeof v === "number")) continue;
          for (const c of money) if (isBlank(row[c])) row[c] = DASHES[k++ % DASHES.length];
        }
        return grid;
      });
      return { grids: out, ...identity };
    },
  };
}

/**
 * The 合计 row of a coded list moved from the top of the body to its bottom (or back), and blank
 * rows let into the body every few rows, as tables pasted from Word or typed by hand have them.
 */
export function totalRowMoved(blankEvery = 0): Transform {
  return {
    name: blankEvery > 0 ? "合计 row moved to the other end, blank rows inside" : "合计 row moved",
    apply(grids) {
      const maps = new Map<string, Map<number, number>>();
      const out = grids.map((g) => {
        const grid = copy(g);
        if (g.keep || isFormSheet(g) || headerStart(grid) < 0) return grid;
        const rows = bodyRows(grid);
        if (rows.length < 3) return grid;
        const isTotal = (r: number) =>
          grid.values[r].some((v) => /^(合计|总计)$/.test(compact(v))) &&
          grid.values[r].some((v) => typeof v === "number");
        const last = rows[rows.length - 1];
        // Only a list with one 合计 row at one end (a summary table's 本年合计 stays in its place).
        const totals = rows.filter(isTotal);
        if (
          totals.length !== 1 ||
          grid.values.some((row) => row.some((v) => /本年/.test(compact(v))))
        )
          return grid;
        const total = totals[0];
        if (total !== rows[0] && total !== last) return grid;
        const order = rows.filter((r) => r !== total);
        if (total === rows[0]) order.push(total);
        else order.unshift(total);
        const body: number[] = [];
        order.forEach((r, i) => {
          body.push(r);
          if (blankEvery > 0 && i % blankEvery === blankEvery - 1 && i < order.length - 1)
            body.push(-1);
        });
        const from = rows[0];
        const to = last;
        const w = width(grid);
        const values = [
          ...grid.values.slice(0, from),
          ...body.map((r) => (r < 0 ? Array(w).fill("") : grid.values[r])),
          ...grid.values.slice(to + 1),
        ];
        const formats = grid.numberFormats ?? [];
        const newFormats = [
          ...formats.slice(0, from),
          ...body.map((r) => (r < 0 ? Array(w).fill("General") : (formats[r] ?? []))),
          ...formats.slice(to + 1),
        ];
        const rowMap = new Map<number, number>();
        body.forEach((r, i) => r >= 0 && rowMap.set(r, from + i));
        const added = body.length - (to - from + 1);
        for (let r = to + 1; r < grid.values.length; r++) rowMap.set(r, r + added);
        // Merges inside the body (a note merged across) go with their row; a body merge is rare.
        grid.merges = (grid.merges ?? []).flatMap((m) => {
          const top = m.top - grid.origin.row;
          if (top < from) return [m];
          const moved = rowMap.get(top);
          if (moved === undefined) return [];
          const d = moved - top;
          return [{ ...m, top: m.top + d, bottom: m.bottom + d }];
        });
        grid.values = values;
        grid.numberFormats = newFormats;
        maps.set(grid.sheet, rowMap);
        return grid;
      });
      return {
        grids: out,
        map: (p) => {
          const m = maps.get(p.sheet);
          if (!m) return p;
          const g = grids.find((x) => x.sheet === p.sheet)!;
          const r = m.get(p.row - g.origin.row);
          return r === undefined ? p : { ...p, row: r + g.origin.row };
        },
        echoes: () => [],
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** The variants every fixture is checked in (at least eight, the last several at once). */
export const LAYOUT_VARIANTS: readonly Transform[] = [
  stackedTables(Infinity),
  shiftedTables([2, 1, 3], [0, 2, 1]),
  shiftedTables([1, 4], [3, 0], true),
  genericSheetNames("Sheet"),
  compose("表一… names, shuffled", genericSheetNames("表"), shuffledSheets()),
  amountsInYuan("all"),
  compose(
    "every other table in 元, two tables a sheet",
    amountsInYuan("alternate"),
    stackedTables(2, 3)
  ),
  compose("captions reworded, on sheets 表一…", rewordedCaptions(), genericSheetNames("表")),
  withoutColumnNumberRows(),
  splitCodeColumns("full"),
  compose(
    "类 | 款 | 项 own part only, no 栏次, 合计 moved, blank rows inside",
    splitCodeColumns("own"),
    withoutColumnNumberRows(),
    totalRowMoved(3)
  ),
  compose(
    "类 | 款 | 项 as numbers, zero as a dash, two tables a sheet",
    splitCodeColumns("numbers"),
    zeroAsDash(),
    stackedTables(2, 2)
  ),
  compose("codes 201.32.01, 合计 moved", codesRetyped("dots"), totalRowMoved()),
  compose("codes 201 32 01, zero as a dash", codesRetyped("spaces"), zeroAsDash()),
  codesRetyped("numbers"),
  compose(
    "codes left out, names indented, every other table in 元",
    codesAsIndentedNames(),
    amountsInYuan("alternate")
  ),
  compose(
    "政府采购 with 采购品目, 采购目录, 数量（单位）",
    rewordedCaptions(),
    procurementQuantityWithUnit()
  ),
  compose(
    "codes written in the name cell, 合计 written 合计：",
    codesJoinedWithNames(),
    totalLabelsRetyped()
  ),
  compose(
    "captions with （万元）, coded tables continued under 续表",
    captionsWithUnit(),
    continuedTables()
  ),
  sangongComparison(["prior", "current", "change", "rate", "reason"], "years"),
  sangongComparison(["current", "prior", "reason", "change", "rate"], "words"),
  compose(
    "all at once",
    codesRetyped("apostrophe"),
    rewordedCaptions(),
    withoutColumnNumberRows(),
    sangongComparison(["current", "change", "prior", "rate", "reason"], "years"),
    amountsInYuan("alternate"),
    shiftedTables([0, 2], [1, 0]),
    stackedTables(3, 1),
    genericSheetNames("Sheet"),
    shuffledSheets()
  ),
];

// ---------------------------------------------------------------------------------------------
// Places and addresses

export function placeOf(sheet: string, address: string): Place | undefined {
  const bang = address.lastIndexOf("!");
  const s = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1") : sheet;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.slice(bang + 1));
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: s, row: Number(m[2]), col };
}

export function addressOf(p: Place): string {
  let letters = "";
  for (let n = p.col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${p.row}`;
}
