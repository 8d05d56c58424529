import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { buildSheets } from "../../../src/core/format/buildSheets";
import { buildDisclosure } from "../../../src/core/format/disclosure";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { CellValue, Grid } from "../../../src/core/grid";
import { makeGrid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import { expenditureByClass, generalBudgetExpenditureSpec } from "../../../src/render/chart";
import { moneyToNumber } from "../../../src/core/money";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import type { ChartData } from "../../../src/taskpane/excel/host";
import { MemoryExcelOptions, MemorySheet, createMemoryExcel } from "../../support/memoryExcel";
import {
  GENERATED_MARK,
  OfficeHostOptions,
  WRITE_REQUEST_LIMIT,
  createOfficeHost,
} from "../../../src/taskpane/excel/officeHost";
import { loadFixture } from "../../helpers/fixtures";
import { smallSpec } from "../../render/fixtureSpecs";

const EXAMPLE_LEDGER = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");
const CHINESE = /[\u4e00-\u9fff]/;

function setup(
  grids: readonly Grid[],
  memoryOptions: MemoryExcelOptions = {},
  hostOptions: OfficeHostOptions = {}
) {
  const memory = createMemoryExcel(grids, memoryOptions);
  const host = createOfficeHost({ excel: memory.Excel, office: memory.Office, ...hostOptions });
  return { memory, host };
}

function isEmpty(value: CellValue): boolean {
  return value === "" || value === null || value === undefined;
}

/** A grid cut to the rectangle of its non-empty values, as Excel's used range (values only) is. */
function usedPart(grid: Grid): Grid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isEmpty(value)) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    })
  );
  if (bottom < 0)
    return {
      sheet: grid.sheet,
      origin: { row: 1, col: 1 },
      values: [],
      numberFormats: [],
      merges: grid.merges ?? [],
    };
  const cut = <T>(rows: T[][]) =>
    rows.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  return {
    sheet: grid.sheet,
    origin: { row: grid.origin.row + top, col: grid.origin.col + left },
    values: cut(grid.values),
    numberFormats: cut(grid.numberFormats ?? []),
    merges: grid.merges ?? [],
  };
}

/** `count` sheets cycled from both fixtures, renamed so that names stay unique. */
async function manySheets(count: number): Promise<Grid[]> {
  const pool = [...(await loadFixture("quyang-2024")), ...(await loadFixture("tunliu-2024"))];
  return Array.from({ length: count }, (_, i) => {
    const grid = pool[i % pool.length];
    return { ...grid, sheet: `${grid.sheet}-${Math.floor(i / pool.length) + 1}` };
  });
}

function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The values (or number formats) of a sheet's rows × columns from A1, "" / "General" where unset. */
function sheetMatrix(
  sheet: MemorySheet,
  rows: number,
  cols: number,
  what: "value" | "numberFormat"
) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const cell = sheet.cells[`${String.fromCharCode(65 + c)}${r + 1}`];
      return what === "value" ? (cell?.value ?? "") : (cell?.numberFormat ?? "General");
    })
  );
}

// The three layouts this file looks at, not every province the registry holds.
let ledgerSpecs: Record<"hebei" | "shanxi" | "mof", SheetSpec[]>;
/** quyang's published workbook in the Hebei layout, with its 18 goal forms (some 360 merged areas). */
let withSupplements: SheetSpec[];
let sourceGrids: Grid[];

beforeAll(async () => {
  const { ledger } = readLedger(await gridsFromXlsx(new Uint8Array(readFileSync(EXAMPLE_LEDGER))));
  const figures = ledgerFigures(ledger!);
  ledgerSpecs = {
    hebei: buildSheets(figures, ledger!.department, "hebei"),
    shanxi: buildSheets(figures, ledger!.department, "shanxi"),
    mof: buildSheets(figures, ledger!.department, "mof"),
  };
  sourceGrids = await loadFixture("quyang-2024");
  withSupplements = buildDisclosure(checkWorkbook(sourceGrids), {
    department: "中国共产党曲阳县委员会组织部",
    departmentCode: "203",
    year: 2024,
    template: "hebei",
  }).content!.specs;
});

describe("readWorkbook", () => {
  test.each(["quyang-2024", "tunliu-2024"])(
    "returns every sheet of %s as it is: values, number formats, merges, in 2 syncs",
    async (fixture) => {
      const grids = await loadFixture(fixture);
      const { memory, host } = setup(grids);
      const read = await host.readWorkbook();
      expect(read.map((g) => g.sheet)).toEqual(grids.map((g) => g.sheet));
      read.forEach((grid, i) => expect(grid).toEqual(usedPart(grids[i])));
      expect(memory.syncCount()).toBe(2);
    }
  );

  test.each([1, 13, 60])("needs 2 syncs for %i sheets", async (count) => {
    const grids = await manySheets(count);
    const { memory, host } = setup(grids);
    const read = await host.readWorkbook();
    expect(read).toHaveLength(count);
    expect(read[count - 1]).toEqual(usedPart(grids[count - 1]));
    expect(memory.syncCount()).toBeLessThanOrEqual(2);
  });

  test("reads a used range that does not start at A1, and an empty sheet", async () => {
    const offset = makeGrid(
      "偏移",
      [
        ["a", 1],
        ["", 2.5],
      ],
      { row: 3, col: 2 }
    );
    const { memory, host } = setup([offset, makeGrid("空表", [])]);
    const [grid, empty] = await host.readWorkbook();
    expect(grid.origin).toEqual({ row: 3, col: 2 });
    expect(grid.values).toEqual([
      ["a", 1],
      ["", 2.5],
    ]);
    expect(empty).toEqual({
      sheet: "空表",
      origin: { row: 1, col: 1 },
      values: [],
      numberFormats: [],
      merges: [],
    });
    expect(memory.syncCount()).toBe(2);
  });

  test("leaves merges out where ExcelApi 1.13 is missing", async () => {
    const { host } = setup(sourceGrids.slice(0, 1), { apiVersion: "1.12" });
    const [grid] = await host.readWorkbook();
    expect(grid.merges).toEqual([]);
    expect(grid.values).toEqual(usedPart(sourceGrids[0]).values);
  });

  test("reads a workbook over the payload limit in chunks below it, reassembled equal", async () => {
    const grids = await manySheets(13);
    const expected = await setup(grids).host.readWorkbook();
    const limit = 60_000;
    const { memory, host } = setup(grids, { payloadLimitBytes: limit }, { readChunkCells: 400 });
    const read = await host.readWorkbook();
    expect(read).toEqual(expected);
    const log = memory.syncLog;
    // The sheet list, the refused whole read, the sizes, then the bands.
    expect(log[1].error).toBe("ResponsePayloadSizeLimitExceeded");
    const bands = log.slice(3);
    expect(bands.length).toBeGreaterThan(1);
    bands.forEach((sync) => {
      expect(sync.error).toBeUndefined();
      expect(sync.responseBytes).toBeLessThanOrEqual(limit);
    });
    // Syncs grow with the size of the workbook, not its sheet count: fewer band requests than sheets.
    const cells = grids.reduce((sum, g) => sum + g.values.length * (g.values[0]?.length ?? 0), 0);
    expect(bands.length).toBeLessThanOrEqual(Math.ceil(cells / 400) + grids.length);
  });

  test("halves the band size when a band request is still too large", async () => {
    const grids = [await manySheets(25)].flat();
    const expected = await setup(grids).host.readWorkbook();
    const { memory, host } = setup(
      grids,
      { payloadLimitBytes: 40_000 },
      { readChunkCells: 20_000 }
    );
    expect(await host.readWorkbook()).toEqual(expected);
    const refused = memory.syncLog.filter(
      (sync) => sync.error === "ResponsePayloadSizeLimitExceeded"
    );
    expect(refused.length).toBeGreaterThan(1);
    expect(memory.syncLog[memory.syncLog.length - 1].error).toBeUndefined();
  });
});

describe("readWorkbook: what the values alone do not show (issue 11 §7)", () => {
  /** 支出总表 with row 12 and column H hidden and a date at E11; 三公经费 hidden. */
  async function withFacts(): Promise<Grid[]> {
    return (await loadFixture("quyang-2024")).map((grid) => {
      if (grid.sheet === "三公经费") return { ...grid, sheetHidden: true };
      if (grid.sheet !== "支出总表") return grid;
      const values = grid.values.map((row) => [...row]);
      values[10][4] = "2024-01-05";
      return {
        ...grid,
        values,
        hiddenRows: [12],
        hiddenColumns: [8],
        cellNotes: [{ row: 11, col: 5, kind: "date" as const, text: "2024-01-05" }],
      };
    });
  }

  test("reads hidden rows, columns and sheets and dates, in 1 more sync for the rows", async () => {
    const { memory, host } = setup(await withFacts());
    const read = await host.readWorkbook();
    const expenditure = read.find((g) => g.sheet === "支出总表")!;
    expect(expenditure).toMatchObject({
      hiddenRows: [12],
      hiddenColumns: [8],
      cellNotes: [{ row: 11, col: 5, kind: "date", text: "2024-01-05" }],
    });
    expect(expenditure.values[10][4]).toBe("2024-01-05");
    expect(read.find((g) => g.sheet === "三公经费")!.sheetHidden).toBe(true);
    expect(read.filter((g) => g.sheetHidden).map((g) => g.sheet)).toEqual(["三公经费"]);
    expect(memory.syncCount()).toBe(3);
    // And the check reports them, as it does for a file.
    const findings = checkWorkbook(read).findings.filter((f) =>
      ["amount.date", "cell.hidden"].includes(f.ruleId)
    );
    expect(findings.map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`)).toEqual([
      "amount.date@支出总表!E11",
      "cell.hidden@支出总表!D12",
      "cell.hidden@三公经费!C6",
    ]);
  });

  test("keeps them when the workbook is read in chunks", async () => {
    const grids = await withFacts();
    const expected = await setup(grids).host.readWorkbook();
    const { memory, host } = setup(grids, { payloadLimitBytes: 20_000 }, { readChunkCells: 300 });
    expect(await host.readWorkbook()).toEqual(expected);
    expect(memory.syncLog[1].error).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("existingSheets", () => {
  test("names the sheets that exist, ignoring case, in 1 sync", async () => {
    const { memory, host } = setup([
      makeGrid("Sheet1", [["x"]]),
      makeGrid("表1 收支总表", [["y"]]),
    ]);
    expect(await host.existingSheets(["表1 收支总表", "SHEET1", "表2 收入总表"])).toEqual([
      "表1 收支总表",
      "SHEET1",
    ]);
    expect(memory.syncCount()).toBe(1);
  });
});

describe("writeSheets", () => {
  test.each([
    ["mof", 9],
    ["hebei", 10],
    ["shanxi", 13],
    ["hebei-supplements", 13],
  ] as const)(
    "draws the %s tables (%i sheets) as their specs say, in bounded requests with calculation suspended",
    async (template, count) => {
      const specs = template === "hebei-supplements" ? withSupplements : ledgerSpecs[template];
      expect(specs).toHaveLength(count);
      const { memory, host } = setup(sourceGrids);
      const result = await host.writeSheets(specs, { replace: false });
      expect(result).toEqual({ ok: true, created: specs.map((s) => s.sheetName) });
      const writes = memory.syncLog.slice(1);
      for (const request of writes) {
        expect(request.calculationSuspended).toBe(true);
        expect(request.commands).toBeLessThanOrEqual(WRITE_REQUEST_LIMIT.commands);
        expect(request.requestBytes).toBeLessThanOrEqual(WRITE_REQUEST_LIMIT.bytes);
      }
      // The ledger's tables fit one request; 18 goal forms (some 10 000 commands) take a few more,
      // in steps of the limit, never one per sheet or row.
      const commands = writes.reduce((sum, request) => sum + request.commands, 0);
      if (template !== "hebei-supplements") expect(writes).toHaveLength(1);
      else {
        expect(commands).toBeGreaterThan(WRITE_REQUEST_LIMIT.commands);
        expect(writes.length).toBeLessThanOrEqual(
          Math.ceil(commands / (WRITE_REQUEST_LIMIT.commands / 2))
        );
        expect(writes.length).toBeLessThan(specs.length);
      }

      expect(memory.workbook.sheets.map((s) => s.name)).toEqual([
        ...sourceGrids.map((g) => g.sheet),
        ...specs.map((s) => s.sheetName),
      ]);
      for (const spec of specs) {
        const sheet = memory.sheet(spec.sheetName)!;
        const expected = specToGrid(spec);
        expect(sheetMatrix(sheet, spec.rowCount, spec.columnCount, "value")).toEqual(
          expected.values
        );
        const formats = sheetMatrix(sheet, spec.rowCount, spec.columnCount, "numberFormat");
        expected.values.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === "number")
              expect(formats[r][c]).toBe(expected.numberFormats![r][c]);
            if (expected.numberFormats![r][c] === "@") expect(formats[r][c]).toBe("@");
          })
        );
        expect(sheet.merges).toEqual(expect.arrayContaining(expected.merges!));
        expect(sheet.merges).toHaveLength(expected.merges!.length);
        expect(sheet.frozenRows).toBe(spec.headerRows);
        expect(sheet.showGridlines).toBe(false);
        expect(sheet.pageLayout).toMatchObject({
          orientation: spec.page.orientation === "landscape" ? "Landscape" : "Portrait",
          paperSize: "A4",
          printTitleRows: `$${spec.printTitleRows.from + 1}:$${spec.printTitleRows.to + 1}`,
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        });
        expect(Object.keys(sheet.columnWidths)).toHaveLength(spec.columnCount);
        expect(sheet.customProperties[GENERATED_MARK]).toBe("1");
        expect(sheet.cells.A1.format).toMatchObject({
          font: { name: "宋体", bold: true, size: 16 },
        });
      }
      expect(memory.workbook.activeSheetId).toBe(memory.sheet(specs[0].sheetName)!.id);
    }
  );

  test("a tighter request limit gives the same sheets in more, smaller requests", async () => {
    const whole = setup(sourceGrids);
    await whole.host.writeSheets(withSupplements, { replace: false });
    const limit = { commands: 400, bytes: 60_000 };
    const { memory, host } = setup(sourceGrids, {}, { writeRequestLimit: limit });
    const progress: number[] = [];
    const result = await host.writeSheets(withSupplements, {
      replace: false,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(result.ok).toBe(true);
    expect(snapshot(memory.workbook.sheets)).toEqual(snapshot(whole.memory.workbook.sheets));
    const writes = memory.syncLog.slice(1);
    expect(writes.length).toBeGreaterThan(whole.memory.syncLog.length);
    for (const request of writes) {
      expect(request.commands).toBeLessThanOrEqual(limit.commands);
      expect(request.requestBytes).toBeLessThanOrEqual(limit.bytes);
    }
    // The bar moves as sheets are finished, never backwards, and ends at every sheet.
    expect(progress[0]).toBe(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1]).toBe(withSupplements.length);
  });

  test("a failure in a later request removes every sheet the earlier ones drew", async () => {
    const { memory, host } = setup(
      sourceGrids,
      {},
      { writeRequestLimit: { commands: 400, bytes: 60_000 } }
    );
    const before = snapshot(memory.workbook);
    // The renames come in the last request: by then every earlier one has drawn its part.
    memory.failOn("Worksheet.name", 3);
    const result = await host.writeSheets(withSupplements, { replace: false });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toContain("工作簿保持原样");
    expect(memory.syncLog.filter((request) => request.error === undefined).length).toBeGreaterThan(
      2
    );
    expect(memory.workbook).toEqual(before);
  });

  test("leaves the source sheets exactly as they were", async () => {
    const { memory, host } = setup(sourceGrids);
    const before = snapshot(memory.workbook.sheets);
    await host.writeSheets(ledgerSpecs.hebei, { replace: false });
    expect(memory.workbook.sheets.slice(0, sourceGrids.length)).toEqual(before);
  });

  test("writes formula-like and number-like text as text", async () => {
    const { memory, host } = setup(sourceGrids);
    const spec = smallSpec();
    expect((await host.writeSheets([spec], { replace: false })).ok).toBe(true);
    const sheet = memory.sheet(spec.sheetName)!;
    expect(sheet.cells.B8).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(sheet.cells.B8.formula).toBeUndefined();
    expect(sheet.cells.B7).toMatchObject({ value: "  =SUM(A1)", numberFormat: "@" });
    expect(sheet.cells.A9).toMatchObject({ value: "+86 -1 @home", numberFormat: "@" });
    expect(sheet.cells.A6).toMatchObject({ value: "201", numberFormat: "@" });
    expect(Object.values(sheet.cells).some((cell) => cell.formula !== undefined)).toBe(false);
  });

  test.each([
    ["Range.merge", 5],
    ["RangeBorder.style", 40],
    ["WorksheetCollection.add", 3],
    ["PageLayout.setPrintTitleRows", 7],
    ["Worksheet.name", 2],
  ])(
    "a failure of %s #%i removes the added sheets and leaves the workbook as it was",
    async (command, occurrence) => {
      const { memory, host } = setup(sourceGrids);
      const before = snapshot(memory.workbook);
      memory.failOn(command, occurrence);
      const result = await host.writeSheets(ledgerSpecs.hebei, { replace: false });
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.message).toMatch(CHINESE);
      expect(result.ok === false && result.message).toContain("工作簿保持原样");
      expect(memory.workbook).toEqual(before);
      expect(memory.syncCount()).toBeLessThanOrEqual(4);
    }
  );

  test("asks before replacing earlier output: refuses unless replace is set", async () => {
    const { memory, host } = setup(sourceGrids);
    const specs = ledgerSpecs.mof;
    await host.writeSheets(specs, { replace: false });
    const after = snapshot(memory.workbook);
    const syncs = memory.syncCount();

    const refused = await host.writeSheets(specs, { replace: false });
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.message).toContain(specs[0].sheetName);
    expect(memory.workbook).toEqual(after);
    expect(memory.syncCount() - syncs).toBe(1);
  });

  test("replaces earlier output when asked, in 3 syncs", async () => {
    const { memory, host } = setup(sourceGrids);
    const specs = ledgerSpecs.mof;
    await host.writeSheets(specs, { replace: false });
    const oldIds = specs.map((s) => memory.sheet(s.sheetName)!.id);
    const syncs = memory.syncCount();

    const result = await host.writeSheets(specs, { replace: true });
    expect(result).toEqual({ ok: true, created: specs.map((s) => s.sheetName) });
    expect(memory.syncCount() - syncs).toBe(3);
    expect(memory.workbook.sheets).toHaveLength(sourceGrids.length + specs.length);
    for (const spec of specs) {
      const sheet = memory.sheet(spec.sheetName)!;
      expect(oldIds).not.toContain(sheet.id);
      expect(sheetMatrix(sheet, spec.rowCount, spec.columnCount, "value")).toEqual(
        specToGrid(spec).values
      );
    }
  });

  test("a failure while replacing keeps the earlier output", async () => {
    const { memory, host } = setup(sourceGrids);
    await host.writeSheets(ledgerSpecs.mof, { replace: false });
    const after = snapshot(memory.workbook);
    memory.failOn("Range.merge", 12);
    const result = await host.writeSheets(ledgerSpecs.mof, { replace: true });
    expect(result.ok).toBe(false);
    expect(memory.workbook).toEqual(after);
  });

  test("a failure deleting earlier output leaves no temporary or half-made sheet behind", async () => {
    const { memory, host } = setup(sourceGrids);
    const specs = ledgerSpecs.mof;
    await host.writeSheets(specs, { replace: false });
    const earlier = snapshot(memory.workbook.sheets);
    memory.failOn("Worksheet.delete", 3);
    const result = await host.writeSheets(specs, { replace: true });
    expect(result.ok).toBe(false);
    // The documented limit: the two earlier outputs deleted before the failure stay deleted.
    expect(memory.workbook.sheets).toEqual([
      ...earlier.slice(0, sourceGrids.length),
      ...earlier.slice(sourceGrids.length + 2),
    ]);
  });

  test("never replaces a sheet it did not create, even when asked", async () => {
    const spec = smallSpec();
    const mine = makeGrid(spec.sheetName, [["我自己的表"]]);
    const { memory, host } = setup([...sourceGrids, mine]);
    const before = snapshot(memory.workbook);
    const result = await host.writeSheets([spec], { replace: true });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toContain("不是本助手生成的");
    expect(memory.workbook).toEqual(before);
  });

  test("draws the chart of expenditure by 类 as a native column chart beside its table", async () => {
    const specs = ledgerSpecs.hebei;
    const spec = generalBudgetExpenditureSpec(specs)!;
    const bars = expenditureByClass(spec);
    const chart: ChartData = {
      sheet: spec.sheetName,
      title: "一般公共预算支出结构",
      categories: bars.map((b) => b.name),
      values: bars.map((b) => moneyToNumber(b.value)),
    };
    const { memory, host } = setup(sourceGrids);
    expect((await host.writeSheets(specs, { replace: false, chart })).ok).toBe(true);
    expect(memory.syncCount()).toBe(2);
    const sheet = memory.sheet(spec.sheetName)!;
    expect(sheet.charts).toHaveLength(1);
    const [drawn] = sheet.charts;
    expect(drawn).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
      title: chart.title,
      legendVisible: false,
    });
    // The chart's data sits right of the table (one blank column between) and is not printed.
    const first = String.fromCharCode(65 + spec.columnCount + 1);
    const second = String.fromCharCode(65 + spec.columnCount + 2);
    expect(drawn.sourceSheetId).toBe(sheet.id);
    expect(drawn.source).toBe(`${first}1:${second}${chart.categories.length + 1}`);
    expect(sheet.cells[`${first}2`].value).toBe(chart.categories[0]);
    expect(sheet.pageLayout.printArea).toMatch(/^A1:/);
    expect(memory.sheet(specs[0].sheetName)!.charts).toHaveLength(0);
  });

  test("refuses a chart for a sheet it does not generate, without touching the workbook", async () => {
    const { memory, host } = setup(sourceGrids);
    const chart: ChartData = { sheet: "没有这张表", title: "t", categories: ["a"], values: [1] };
    const result = await host.writeSheets(ledgerSpecs.mof, { replace: false, chart });
    expect(result.ok).toBe(false);
    expect(memory.syncCount()).toBe(0);
  });

  test("reports progress before and after the write", async () => {
    const { host } = setup(sourceGrids);
    const progress: Array<{ done: number; total: number }> = [];
    await host.writeSheets(ledgerSpecs.mof, {
      replace: false,
      onProgress: (p) => progress.push(p),
    });
    expect(progress).toEqual([
      { done: 0, total: 9 },
      { done: 9, total: 9 },
    ]);
  });

  test("says so, in Chinese and without a sync, where ExcelApi 1.9 is missing", async () => {
    const { memory, host } = setup(sourceGrids, { apiVersion: "1.8" });
    const result = await host.writeSheets(ledgerSpecs.mof, { replace: false });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(CHINESE);
    expect(memory.syncCount()).toBe(0);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell, in 1 sync", async () => {
    const { memory, host } = setup(sourceGrids);
    const target = memory.workbook.sheets[3];
    await host.selectCell(target.name, "C7");
    expect(memory.workbook.activeSheetId).toBe(target.id);
    expect(memory.workbook.selection).toEqual({ sheetId: target.id, address: "C7" });
    expect(memory.syncCount()).toBe(1);
  });

  test("takes an address with its sheet name", async () => {
    const { memory, host } = setup(sourceGrids);
    const target = memory.workbook.sheets[1];
    await host.selectCell(target.name, `'${target.name}'!B3:C4`);
    expect(memory.workbook.selection).toEqual({ sheetId: target.id, address: "B3:C4" });
  });

  test("rejects for a sheet that does not exist", async () => {
    const { host } = setup(sourceGrids);
    await expect(host.selectCell("没有这张表", "A1")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });
});

describe("createWorkbookFromXlsx and displayLanguage", () => {
  test("opens the file as a new workbook through Excel.createWorkbook", async () => {
    const { memory, host } = setup(sourceGrids);
    await host.createWorkbookFromXlsx("UEsDBA==");
    expect(memory.workbook.createdWorkbooks).toEqual(["UEsDBA=="]);
    expect(memory.syncCount()).toBe(0);
  });

  test("rejects in Chinese where Excel cannot open a workbook (ExcelApi 1.8)", async () => {
    const { host } = setup(sourceGrids, { apiVersion: "1.7" });
    await expect(host.createWorkbookFromXlsx("UEsDBA==")).rejects.toThrow(CHINESE);
  });

  test("reports Office's display language", () => {
    expect(setup([], { displayLanguage: "en-US" }).host.displayLanguage()).toBe("en-US");
  });
});

describe("writeCells and restoreCells: quick fixes and their undo (issue 16 §2)", () => {
  const grid = (): Grid => ({
    ...makeGrid("支出总表", [
      ["科目编码", "科目名称", "合计"],
      ["201", "一般公共服务支出", 100],
      ["20101", "人大事务", "60.00"],
      ["20102", "政协事务", 30],
      ["", "合计", 90],
    ]),
    numberFormats: [
      ["General", "General", "General"],
      ["General", "General", "#,##0.00"],
      ["General", "General", "@"],
      ["General", "General", "#,##0.00"],
      ["General", "General", "#,##0.00"],
    ],
  });

  test("writes only the listed cells, in 2 syncs, and undo restores value, text and number format exactly", async () => {
    const { memory, host } = setup([grid()]);
    const sheet = memory.sheet("支出总表")!;
    sheet.cells.C5 = { value: 90, formula: "=SUM(C3:C4)", numberFormat: "#,##0.00" };
    const before = JSON.parse(JSON.stringify(sheet.cells));
    const syncs = memory.syncCount();
    const result = await host.writeCells([
      { sheet: "支出总表", cell: "C2", from: 100, to: 90 },
      { sheet: "支出总表", cell: "C3", from: "60.00", to: 60, numberFormat: "#,##0.00" },
      { sheet: "支出总表", cell: "C5", from: 90, to: 90 },
    ]);
    expect(memory.syncCount() - syncs).toBe(2);
    expect(result).toEqual({
      ok: true,
      previous: [
        { sheet: "支出总表", cell: "C2", value: 100, numberFormat: "#,##0.00" },
        { sheet: "支出总表", cell: "C3", value: "60.00", numberFormat: "@" },
        {
          sheet: "支出总表",
          cell: "C5",
          value: 90,
          formula: "=SUM(C3:C4)",
          numberFormat: "#,##0.00",
        },
      ],
    });
    expect(sheet.cells.C2).toEqual({ value: 90, numberFormat: "#,##0.00" });
    expect(sheet.cells.C3).toEqual({ value: 60, numberFormat: "#,##0.00" });
    expect(sheet.cells.C5).toEqual({ value: 90, numberFormat: "#,##0.00" });
    // Nothing else changed.
    const others = (cells: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(cells).filter(([a]) => !["C2", "C3", "C5"].includes(a)));
    expect(others(sheet.cells)).toEqual(others(before));

    if (!result.ok) throw new Error("not written");
    const beforeUndo = memory.syncCount();
    await host.restoreCells(result.previous);
    expect(memory.syncCount() - beforeUndo).toBe(1);
    // The formula comes back as a formula (this in-memory Excel does not compute its result).
    expect({ ...sheet.cells, C5: { ...sheet.cells.C5, value: 90 } }).toEqual(before);
  });

  test("text that looks like a number comes back as text even where the format is General", async () => {
    const { memory, host } = setup([makeGrid("表", [["金额"], ["1813.51"]])]);
    const result = await host.writeCells([
      { sheet: "表", cell: "A2", from: "1813.51", to: 1813.51 },
    ]);
    expect(memory.sheet("表")!.cells.A2.value).toBe(1813.51);
    if (!result.ok) throw new Error("not written");
    await host.restoreCells(result.previous);
    expect(memory.sheet("表")!.cells.A2).toEqual({ value: "1813.51", numberFormat: "General" });
  });

  test("writes nothing when a cell no longer holds what the check read", async () => {
    const { memory, host } = setup([grid()]);
    const before = JSON.parse(JSON.stringify(memory.sheet("支出总表")!.cells));
    const result = await host.writeCells([
      { sheet: "支出总表", cell: "C2", from: 100, to: 90 },
      { sheet: "支出总表", cell: "C4", from: 31, to: 30 },
    ]);
    expect(result).toEqual({ ok: false, changed: [{ sheet: "支出总表", cell: "C4" }] });
    expect(memory.sheet("支出总表")!.cells).toEqual(before);
  });

  test("a batch of many cells on several sheets still takes 2 syncs", async () => {
    const values = Array.from({ length: 40 }, (_, i) => [i]);
    const { memory, host } = setup([makeGrid("甲", values), makeGrid("乙", values)]);
    const edits = ["甲", "乙"].flatMap((sheet) =>
      values.map((_, i) => ({ sheet, cell: `A${i + 1}`, from: i, to: i + 0.01 }))
    );
    const syncs = memory.syncCount();
    const result = await host.writeCells(edits);
    expect(result.ok).toBe(true);
    expect(memory.syncCount() - syncs).toBe(2);
    expect(memory.sheet("乙")!.cells.A40.value).toBe(39.01);
  });
});
