import { makeGrid } from "../../src/core/grid";
import { createMemoryExcel, parseAddress } from "./memoryExcel";

function book() {
  return createMemoryExcel([
    {
      ...makeGrid("数据", [
        ["标题", "", ""],
        ["a", 1, 2.5],
      ]),
      numberFormats: [
        ["General", "General", "General"],
        ["General", "0", "0.00"],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    },
    makeGrid("Other", [["x"]]),
  ]);
}

describe("createMemoryExcel: proxy semantics", () => {
  test("a property read before the sync that loads it throws PropertyNotLoaded", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("数据").getRange("A2:C2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1, 2.5]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(memory.syncCount()).toBe(1);
  });

  test("changes wait for the sync, and Excel.run sends what is left queued", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("B1").values = [["y"]];
      expect(memory.sheet("Other")!.cells.B1).toBeUndefined();
      await context.sync();
      expect(memory.sheet("Other")!.cells.B1.value).toBe("y");
      context.workbook.worksheets.getItem("Other").getRange("C1").values = [["z"]];
    });
    expect(memory.sheet("Other")!.cells.C1.value).toBe("z");
    expect(memory.syncCount()).toBe(2);
  });

  test("a missing item fails the sync; an OrNullObject lookup reports isNullObject", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("无");
      const present = context.workbook.worksheets.getItemOrNullObject("数据");
      const empty = context.workbook.worksheets.add("空").getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(empty.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("无").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("a failing command keeps what ran before it, skips the rest and delivers no loads", async () => {
    const memory = book();
    memory.failOn("Range.merge");
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A2").values = [["before"]];
      const loaded = sheet.getRange("A1");
      loaded.load("values");
      sheet.getRange("A3:B3").merge();
      sheet.getRange("A4").values = [["after"]];
      await expect(context.sync()).rejects.toMatchObject({
        code: "GeneralException",
        debugInfo: { errorLocation: "Range.merge" },
      });
      expect(() => loaded.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    const cells = memory.sheet("Other")!.cells;
    expect(cells.A2.value).toBe("before");
    expect(cells.A4).toBeUndefined();
    expect(memory.sheet("Other")!.merges).toEqual([]);
  });

  test("failOn counts executions from the moment it is armed", async () => {
    const memory = book();
    memory.failOn("Worksheet.activate", 2);
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.activate();
      await context.sync();
      sheet.activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      sheet.activate();
      await context.sync();
    });
  });

  test("requests and responses over the payload limit are refused", async () => {
    const memory = createMemoryExcel([makeGrid("大", [["x".repeat(500)]])], {
      payloadLimitBytes: 300,
    });
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("大");
      const range = sheet.getRange("A1");
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
      sheet.getRange("B1").values = [["y".repeat(500)]];
      await expect(context.sync()).rejects.toMatchObject({
        code: "RequestPayloadSizeLimitExceeded",
      });
    });
    expect(memory.sheet("大")!.cells.B1).toBeUndefined();
    expect(memory.syncLog.map((s) => s.error)).toEqual([
      "ResponsePayloadSizeLimitExceeded",
      "RequestPayloadSizeLimitExceeded",
    ]);
  });

  test("records whether calculation was suspended for a sync", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
      await context.sync();
    });
    expect(memory.syncLog.map((s) => s.calculationSuspended)).toEqual([true, false]);
  });
});

describe("createMemoryExcel: the workbook model", () => {
  test("holds the grids it was made from, and gives them back", () => {
    const memory = book();
    const [data] = memory.toGrids();
    expect(data.values).toEqual([
      ["标题", "", ""],
      ["a", 1, 2.5],
    ]);
    expect(data.numberFormats![1]).toEqual(["General", "0", "0.00"]);
    expect(data.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  test("converts typed text as Excel does, except in Text-formatted cells", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      const text = sheet.getRange("A2:F2");
      text.numberFormat = [["@", "@", "@", "@", "@", "@"]];
      text.values = [["=SUM(A1)", "2013201", "50%", "TRUE", "+86", "2024-01-02"]];
      sheet.getRange("A3:F3").values = [
        ["=SUM(A1)", "2013201", "50%", "TRUE", "+86", "2024-01-02"],
      ];
      await context.sync();
    });
    const cells = memory.sheet("Other")!.cells;
    expect(
      [cells.A2, cells.B2, cells.C2, cells.D2, cells.E2, cells.F2].map((c) => c.value)
    ).toEqual(["=SUM(A1)", "2013201", "50%", "TRUE", "+86", "2024-01-02"]);
    expect(cells.A3.formula).toBe("=SUM(A1)");
    expect(cells.B3.value).toBe(2013201);
    expect(cells.C3).toMatchObject({ value: 0.5, numberFormat: "0%" });
    expect(cells.D3.value).toBe(true);
    expect(cells.E3.value).toBe(86);
    expect(cells.F3).toMatchObject({ value: 45293, numberFormat: "yyyy/m/d" });
  });

  test("a merge keeps the upper-left value; an overlapping merge is refused", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("A2:B2").merge();
      await context.sync();
      sheet.getRange("B2:C2").merge();
      await expect(context.sync()).rejects.toMatchObject({ code: "MergedRangeConflict" });
    });
    const sheet = memory.sheet("数据")!;
    expect(sheet.cells.A2.value).toBe("a");
    expect(sheet.cells.B2.value).toBe("");
    expect(sheet.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: 2 });
  });

  test("values must have the range's shape", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1:B2").values = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("borders draw the outer edges and the inside lines of a range", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const borders = context.workbook.worksheets.getItem("Other").getRange("B2:C3").format.borders;
      for (const edge of [
        "EdgeTop",
        "EdgeBottom",
        "EdgeLeft",
        "EdgeRight",
        "InsideHorizontal",
      ] as const)
        borders.getItem(edge).style = "Continuous";
      await context.sync();
    });
    const cells = memory.sheet("Other")!.cells;
    expect(Object.keys(cells.B2.format!.borders!).sort()).toEqual(["bottom", "left", "top"]);
    expect(Object.keys(cells.C3.format!.borders!).sort()).toEqual(["bottom", "right", "top"]);
  });

  test("sheet names follow Excel's rules: unique ignoring case, at most 31 characters, no []:*?/\\", async () => {
    const memory = book();
    for (const name of ["other", "a".repeat(32), "a/b", "'x"]) {
      await memory.Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await expect(context.sync()).rejects.toBeDefined();
      });
    }
    expect(memory.workbook.sheets).toHaveLength(2);
  });

  test("the last sheet cannot be deleted", async () => {
    const memory = createMemoryExcel([makeGrid("唯一", [["x"]])]);
    await memory.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("唯一").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  test("a renamed sheet keeps its proxies, its id and its active state", async () => {
    const memory = book();
    await memory.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("临时");
      sheet.activate();
      sheet.name = "正式";
      sheet.getRange("A1").values = [["ok"]];
      await context.sync();
    });
    const renamed = memory.sheet("正式")!;
    expect(renamed.cells.A1.value).toBe("ok");
    expect(memory.workbook.activeSheetId).toBe(renamed.id);
  });

  test("Office reports the requirement sets up to its ExcelApi version", () => {
    const memory = createMemoryExcel([], { apiVersion: "1.12" });
    const requirements = memory.Office.context.requirements;
    expect(requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });

  test.each([
    ["B7", { top: 7, left: 2, bottom: 7, right: 2 }],
    ["$A$1:$C$4", { top: 1, left: 1, bottom: 4, right: 3 }],
    ["'表 1'!B2:C3", { top: 2, left: 2, bottom: 3, right: 3 }],
    ["$3:$4", { top: 3, left: 1, bottom: 4, right: 16384 }],
    ["B:C", { top: 1, left: 2, bottom: 1048576, right: 3 }],
  ])("parses the address %s", (address, rect) => {
    expect(parseAddress(address)).toEqual(rect);
  });
});
