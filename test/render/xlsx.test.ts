import type { Config } from "@jest/types";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../src/core/check/workbook";
import { buildSheets } from "../../src/core/format/buildSheets";
import { specToGrid } from "../../src/core/format/specToGrid";
import { readLedger } from "../../src/core/ledger";
import { ledgerFigures } from "../../src/core/figures/aggregate";
import type { Finding } from "../../src/core/finding";
import { gridsFromXlsx } from "../../src/io/readXlsx";
import {
  XLSX_STYLES,
  amountFormat,
  safeSheetNames,
  textWidth,
  writeXlsx,
} from "../../src/render/xlsx";
import { fixturePath, smallSpec, specsFromWorkbook } from "./fixtureSpecs";

const CREATED = new Date("2024-05-13T00:00:00Z");

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("writeXlsx", () => {
  test("writes one worksheet per spec, named as the spec says", async () => {
    const bytes = await writeXlsx([smallSpec(), smallSpec({ sheetName: "表6 基本支出表" })]);
    const grids = await gridsFromXlsx(bytes);
    expect(grids.map((g) => g.sheet)).toEqual(["表5 一般公共预算支出表", "表6 基本支出表"]);
  });

  test("round-trips values, merges and number formats", async () => {
    const [grid] = await gridsFromXlsx(await writeXlsx([smallSpec()]));
    expect(grid.values[0][0]).toBe("2024年一般公共预算支出预算表");
    expect(grid.values[1]).toEqual(["部门名称：测试部门", "", "", "", "单位：万元"]);
    expect(grid.values[2]).toEqual(["科目编码", "科目名称", "2024年预算数", "", ""]);
    expect(grid.values[4]).toEqual(["合计", "", 130.5, 100.25, 30.25]);
    expect(grid.values[5]).toEqual(["201", "一般公共服务支出", 100.25, 100.25, ""]);
    expect(grid.numberFormats![5].slice(2)).toEqual(["0.00", "0.00", "0.00"]);
    expect(grid.numberFormats![5][0]).toBe("@"); // codes stay text when edited
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 5 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
        { top: 3, left: 3, bottom: 3, right: 5 },
        { top: 5, left: 1, bottom: 5, right: 2 },
      ])
    );
  });

  test("shows a zero amount as a blank cell by default, and as 0.00 when asked", async () => {
    const [blank] = await gridsFromXlsx(await writeXlsx([smallSpec()]));
    expect(blank.values[5][4]).toBe("");
    const [zero] = await gridsFromXlsx(await writeXlsx([smallSpec()], { zeroAs: "0.00" }));
    expect(zero.values[5][4]).toBe(0);
    expect(zero.numberFormats![5][4]).toBe("0.00");
    const [bySpec] = await gridsFromXlsx(await writeXlsx([smallSpec({ zeroAs: "0.00" })]));
    expect(bySpec.values[5][4]).toBe(0);
  });

  test("writes text that looks like a formula as text, never as a formula", async () => {
    const bytes = await writeXlsx([smallSpec()]);
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.worksheets[0];
    const formulaLike = ["B8", "B7", "A9"].map((a) => sheet.getCell(a));
    expect(formulaLike.map((c) => c.value)).toEqual(["=SUM(A1)", "  =SUM(A1)", "+86 -1 @home"]);
    for (const cell of formulaLike) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B8").numFmt).toBe("@");
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
      })
    );
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<f[ >]/);
  });

  test("sets up the page: frozen header, print titles, A4 landscape fitted to the width", async () => {
    const sheet = (await loadWorkbook(await writeXlsx([smallSpec()]))).worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4, topLeftCell: "A5" });
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:4",
    });
    const zip = await JSZip.loadAsync(await writeXlsx([smallSpec()]));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain("_xlnm.Print_Titles");
    expect(workbookXml).toContain("!$3:$4</definedName>");
    const portrait = (
      await loadWorkbook(
        await writeXlsx([
          smallSpec({ page: { orientation: "portrait", paper: "A4", fitToWidth: false } }),
        ])
      )
    ).worksheets[0];
    expect(portrait.pageSetup.orientation).toBe("portrait");
    expect(portrait.pageSetup.fitToPage).toBeFalsy();
  });

  test("draws the published look: 宋体, bold 16 pt title, grey bordered bold header, bold totals", async () => {
    const sheet = (await loadWorkbook(await writeXlsx([smallSpec()]))).worksheets[0];
    expect(sheet.getCell("A1").font).toMatchObject({ name: "宋体", size: 16, bold: true });
    expect(sheet.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    const header = sheet.getCell("C3");
    expect(header.font).toMatchObject({ name: "宋体", bold: true });
    expect(header.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFD9D9D9" },
    });
    expect(header.border.top).toMatchObject({ style: "thin" });
    // The covered cells of a merged header carry its borders, so the box is drawn whole.
    expect(sheet.getCell("E3").border.right).toMatchObject({ style: "thin" });
    expect(sheet.getCell("A4").border.bottom).toMatchObject({ style: "thin" });
    expect(sheet.getCell("C5").font.bold).toBe(true);
    expect(sheet.getCell("A5").font.bold).toBe(true);
    expect(sheet.getCell("C6").font.bold).toBeFalsy();
    expect(sheet.getCell("C6").alignment.horizontal).toBe("right");
    // An empty amount cell is still a ruled cell of the table.
    expect(sheet.getCell("D8").border.left).toMatchObject({ style: "thin" });
    expect(sheet.getCell("E1").font.name).toBe("宋体");
    expect(sheet.getColumn(2).width).toBe(30);
  });

  test("makes a row tall enough for long text merged across columns (a goal form's 资金用途)", async () => {
    const long =
      "预算数5万元，其中财政资金5万元，主要用于通过完善基础党建考核办法，加强干部考核的精准性。";
    const base = smallSpec();
    const spec = smallSpec({
      rowCount: base.rowCount + 2,
      cells: [
        ...base.cells,
        { row: base.rowCount, col: 0, value: { kind: "text", text: long }, style: "text" },
        { row: base.rowCount + 1, col: 0, value: { kind: "text", text: long }, style: "text" },
      ],
      merges: [
        ...base.merges,
        { top: base.rowCount, left: 0, bottom: base.rowCount, right: base.columnCount - 1 },
      ],
    });
    const sheet = (await loadWorkbook(await writeXlsx([spec]))).worksheets[0];
    // Merged over the whole width it needs two lines or more; unmerged, Excel fits it itself.
    expect(sheet.getRow(base.rowCount + 1).height).toBeGreaterThanOrEqual(2 * 13 + 5);
    expect(sheet.getRow(base.rowCount + 2).height).toBeUndefined();
  });

  test("has a style for every style name of a SheetSpec", () => {
    for (const entry of Object.values(XLSX_STYLES)) expect(entry.font.size).toBeGreaterThan(0);
    expect(amountFormat(2)).toBe("0.00");
    expect(amountFormat(0)).toBe("0");
    expect(textWidth("科目 code")).toBe(9);
  });

  test("makes sheet names Excel accepts", () => {
    expect(safeSheetNames(["表1 收支总表", "表1 收支总表", "a/b:c*?[x]", "x".repeat(40)])).toEqual([
      "表1 收支总表",
      "表1 收支总表 (2)",
      "a_b_c___x_",
      "x".repeat(31),
    ]);
  });
});

/** What a finding says, without the message wording. */
const key = (f: Finding) => `${f.severity} ${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""}`;

describe.each(["quyang-2024", "tunliu-2024"])("the %s fixture, rendered and read back", (name) => {
  test("gives the same grids and the same findings as the published workbook", async () => {
    const original = await gridsFromXlsx(
      new Uint8Array(require("fs").readFileSync(fixturePath(name)) as Buffer)
    );
    const specs = (await specsFromWorkbook(fixturePath(name), { forms: true })).map((spec) => ({
      ...spec,
      sheetName: spec.sheetName.replace(/^表\d+ /, ""),
    }));
    const reread = await gridsFromXlsx(await writeXlsx(specs, { created: CREATED }));
    expect(reread.map((g) => g.sheet)).toEqual(original.map((g) => g.sheet));
    reread.forEach((grid, i) => {
      const source = original[i];
      const rows = Math.max(grid.values.length, source.values.length);
      for (let r = 0; r < rows; r++) {
        const got = grid.values[r] ?? [];
        const want = source.values[r] ?? [];
        for (let c = 0; c < Math.max(got.length, want.length); c++) {
          const g = got[c] ?? "";
          const w = want[c] ?? "";
          if (g !== w)
            throw new Error(`${grid.sheet} r${r + 1} c${c + 1}: ${String(g)} ≠ ${String(w)}`);
          if (typeof w === "number")
            expect(grid.numberFormats![r][c]).toBe(source.numberFormats![r][c]);
        }
      }
    });
    const before = checkWorkbook(original).findings.map(key).sort();
    const after = checkWorkbook(reread).findings.map(key).sort();
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});

describe.each(["hebei", "shanxi", "mof"] as const)(
  "the example ledger's %s tables, rendered and read back",
  (template) => {
    test("read back as the specs say, and check without errors", async () => {
      const grids = await gridsFromXlsx(
        new Uint8Array(
          readFileSync(path.resolve(__dirname, "../../examples/quyang-2024-ledger.xlsx"))
        )
      );
      const { ledger } = readLedger(grids);
      const specs = buildSheets(ledgerFigures(ledger!), ledger!.department, template);
      const reread = await gridsFromXlsx(await writeXlsx(specs, { created: CREATED }));
      expect(reread.map((g) => g.sheet)).toEqual(specs.map((s) => s.sheetName));
      reread.forEach((grid, i) => {
        const expected = specToGrid(specs[i]);
        expect(grid.values).toEqual(expected.values);
        expect(grid.merges).toEqual(expect.arrayContaining(expected.merges!));
        expected.values.forEach((row, r) =>
          row.forEach((value, c) => {
            if (typeof value === "number")
              expect(grid.numberFormats![r][c]).toBe(expected.numberFormats![r][c]);
          })
        );
      });
      const errors = checkWorkbook(reread, { template }).findings.filter(
        (f) => f.severity === "error"
      );
      expect(errors).toEqual([]);
    });
  }
);

describe("writeXlsx gives the same bytes for the same specs", () => {
  /** Only the clock is faked: exceljs's promises and timers run as they do. */
  const onlyTheClock: Config.FakeTimersConfig = {
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  };
  const specs = () => [smallSpec(), smallSpec({ sheetName: "表6 基本支出表" })];

  async function writtenAt(now: string): Promise<Buffer> {
    jest.useFakeTimers({ ...onlyTheClock, now: new Date(now) });
    try {
      return Buffer.from(await writeXlsx(specs()));
    } finally {
      jest.useRealTimers();
    }
  }

  test("whatever the time of writing", async () => {
    const first = await writtenAt("2024-03-01T08:00:00Z");
    const second = await writtenAt("2025-11-30T23:59:59Z");
    expect(second.equals(first)).toBe(true);
  });

  test("dated by the date given: its core properties and every zip entry", async () => {
    const created = new Date(Date.UTC(2024, 1, 29, 10, 30, 0));
    const zip = await JSZip.loadAsync(await writeXlsx(specs(), { created }));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(">2024-02-29T10:30:00Z</dcterms:created>");
    expect(core).toContain(">2024-02-29T10:30:00Z</dcterms:modified>");
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(["2024-02-29T10:30:00.000Z"]);
  });
});
