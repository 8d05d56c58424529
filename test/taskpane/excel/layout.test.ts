import { readFileSync } from "fs";
import path from "path";
import { buildSheets } from "../../../src/core/format/buildSheets";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { readLedger } from "../../../src/core/ledger";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { safeSheetNames } from "../../../src/render/xlsx";
import {
  SheetLayout,
  characterWidthToPoints,
  chartLayout,
  groupRects,
  layoutSheets,
  needsTextFormat,
  rectAddress,
} from "../../../src/taskpane/excel/layout";
import { smallSpec } from "../../render/fixtureSpecs";

const EXAMPLE_LEDGER = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

let hebei: SheetSpec[];

beforeAll(async () => {
  const { ledger } = readLedger(await gridsFromXlsx(new Uint8Array(readFileSync(EXAMPLE_LEDGER))));
  hebei = buildSheets(ledgerFigures(ledger!), ledger!.department, "hebei");
});

/** The look key of every cell, from the layout's areas; throws where two areas overlap. */
function coverage(layout: SheetLayout): (number | undefined)[][] {
  const seen: (number | undefined)[][] = Array.from({ length: layout.rowCount }, () =>
    Array<number | undefined>(layout.columnCount).fill(undefined)
  );
  layout.areas.forEach((area, i) =>
    area.rects.forEach((rect) => {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          if (seen[r][c] !== undefined) throw new Error(`cell ${r},${c} is in two areas`);
          seen[r][c] = i;
        }
    })
  );
  return seen;
}

describe("layoutSheets", () => {
  test("gives the whole table as one value matrix and one number-format matrix", () => {
    const [layout] = layoutSheets([smallSpec()]);
    expect(layout.values).toHaveLength(9);
    layout.values.forEach((row) => expect(row).toHaveLength(5));
    expect(layout.values[5]).toEqual(["201", "一般公共服务支出", 100.25, 100.25, ""]);
    expect(layout.numberFormats[5]).toEqual(["@", "General", "0.00", "0.00", "0.00"]);
    // Zero shows blank (zeroAs "blank") but keeps the amount format; an empty amount cell too.
    expect(layout.values[7][3]).toBe("");
    expect(layout.numberFormats[7][3]).toBe("0.00");
  });

  test("marks formula-like text as Text, so Excel keeps it as typed", () => {
    const [layout] = layoutSheets([smallSpec()]);
    expect(layout.values[7][1]).toBe("=SUM(A1)");
    expect(layout.numberFormats[7][1]).toBe("@");
    expect(layout.numberFormats[6][1]).toBe("@");
    // The note is merged across the row: every cell of it carries the master's format.
    expect(layout.numberFormats[8]).toEqual(["@", "@", "@", "@", "@"]);
  });

  test("groups cell looks into few disjoint rectangles covering the styled cells", () => {
    for (const layout of layoutSheets(hebei)) {
      const seen = coverage(layout);
      const rects = layout.areas.reduce((n, area) => n + area.rects.length, 0);
      expect(rects).toBeLessThan((layout.rowCount * layout.columnCount) / 2);
      // Every cell of a bordered row is styled, so a ruled table has no gaps.
      seen.forEach((row) => {
        if (row.some((i) => i !== undefined && layout.areas[i].look.bordered))
          expect(row.every((i) => i !== undefined)).toBe(true);
      });
    }
  });

  test("takes the xlsx look: bold 16 pt title, grey bordered headers, bold right-aligned totals", () => {
    const [layout] = layoutSheets([smallSpec()]);
    const seen = coverage(layout);
    const lookAt = (r: number, c: number) => layout.areas[seen[r][c]!].look;
    expect(lookAt(0, 0)).toMatchObject({
      bold: true,
      size: 16,
      horizontal: "Center",
      bordered: false,
    });
    expect(lookAt(0, 4)).toEqual(lookAt(0, 0));
    expect(lookAt(2, 0)).toMatchObject({
      bold: true,
      fill: "#D9D9D9",
      bordered: true,
      wrapText: true,
    });
    // 科目编码 is merged over two header rows: the lower cell has the header look too.
    expect(lookAt(3, 0)).toEqual(lookAt(2, 0));
    expect(lookAt(4, 2)).toMatchObject({ bold: true, horizontal: "Right", bordered: true });
    expect(lookAt(5, 2)).toMatchObject({ bold: false, horizontal: "Right", bordered: true });
    expect(layout.fontName).toBe("宋体");
  });

  test("keeps merges of more than one cell, and the page setup of the spec", () => {
    const [layout] = layoutSheets([smallSpec()]);
    expect(layout.merges).toEqual(smallSpec().merges);
    expect(layout.freezeRows).toBe(4);
    expect(layout.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: "$3:$4",
      printArea: "A1:E9",
      margins: { left: 28.8, top: 43.2, footer: 21.6 },
    });
    expect(
      layoutSheets([smallSpec({ printTitleRows: { from: 1, to: 0 } })])[0].page.printTitleRows
    ).toBeUndefined();
  });

  test("converts widths from Excel character units to points, and sets the title row's height", () => {
    const [layout] = layoutSheets([smallSpec()]);
    expect(layout.columnWidths).toEqual([11, 30, 12, 12, 12].map(characterWidthToPoints));
    expect(layout.rowHeights[0]).toEqual({ row: 0, height: 30 });
  });

  test("names the sheets as the exported xlsx does", () => {
    const specs = [smallSpec({ sheetName: "a/b" }), smallSpec({ sheetName: "A/B" })];
    expect(layoutSheets(specs).map((l) => l.name)).toEqual(safeSheetNames(["a/b", "A/B"]));
  });
});

describe("characterWidthToPoints", () => {
  test.each([
    [10, 52.5],
    [8.43, 44.25],
    [0, 0],
  ])("%f characters are %f points", (width, points) => {
    expect(characterWidthToPoints(width)).toBe(points);
  });
});

describe("needsTextFormat", () => {
  test.each(["=SUM(A1)", "+86", "-1", "@home", "2013201", "2024年", "1/2", "50%", "TRUE", " 12 "])(
    "%s would not stay as typed",
    (text) => expect(needsTextFormat(text)).toBe(true)
  );
  test.each(["合计", "一般公共服务支出", "（一）", "部门名称：测试", "单位：万元"])(
    "%s stays as typed",
    (text) => expect(needsTextFormat(text)).toBe(false)
  );
});

describe("groupRects", () => {
  test("stacks equal runs of consecutive rows into one rectangle", () => {
    const groups = groupRects([
      ["a", "a", "b"],
      ["a", "a", "b"],
      ["a", undefined, "b"],
    ]);
    expect(groups.get("a")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 2, right: 0 },
    ]);
    expect(groups.get("b")).toEqual([{ top: 0, left: 2, bottom: 2, right: 2 }]);
  });
});

describe("rectAddress", () => {
  test("writes one cell without a colon", () => {
    expect(rectAddress({ top: 6, left: 1, bottom: 6, right: 1 })).toBe("B7");
    expect(rectAddress({ top: 0, left: 0, bottom: 38, right: 26 })).toBe("A1:AA39");
  });
});

describe("chartLayout", () => {
  test("puts the data right of the table after one blank column, and the chart beside it", () => {
    const specs = [smallSpec()];
    const layouts = layoutSheets(specs);
    const chart = chartLayout(specs, layouts, {
      sheet: specs[0].sheetName,
      title: "支出结构",
      categories: ["一般公共服务支出", "社会保障和就业支出"],
      values: [100.25, 30.25],
    })!;
    expect(chart.sheetIndex).toBe(0);
    expect(rectAddress(chart.dataRect)).toBe("G1:H3");
    expect(chart.values).toEqual([
      ["类", "金额（万元）"],
      ["一般公共服务支出", 100.25],
      ["社会保障和就业支出", 30.25],
    ]);
    // One blank column (I) between the data and the chart.
    expect(chart.from).toBe("J2");
  });

  test("is undefined for a sheet that is not generated, or without bars", () => {
    const specs = [smallSpec()];
    const layouts = layoutSheets(specs);
    const base = { title: "t", categories: ["a"], values: [1] };
    expect(chartLayout(specs, layouts, { ...base, sheet: "别的表" })).toBeUndefined();
    expect(
      chartLayout(specs, layouts, { ...base, sheet: specs[0].sheetName, categories: [] })
    ).toBeUndefined();
  });
});
