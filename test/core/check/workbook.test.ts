import { readFileSync } from "fs";
import path from "path";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { checkWorkbook } from "../../../src/core/check/workbook";
import { detectTemplate } from "../../../src/core/templates/detect";
import type { Grid } from "../../../src/core/grid";
import { parseA1 } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/read/workbook";
import { cloneGrid, loadFacts, loadFixture } from "../../helpers/fixtures";

const TABLE_ARITHMETIC = new Set([
  "parent_vs_children",
  "row_total_vs_parts",
  "column_total",
  "cross_table",
  "balance",
]);

/** A copy of a fixture workbook with some cells changed: { "收支总表!C39": 900 }. */
async function plant(name: string, changes: Record<string, string | number>): Promise<Grid[]> {
  const grids = (await loadFixture(name)).map(cloneGrid);
  for (const [where, value] of Object.entries(changes)) {
    const { sheet, row, col } = parseA1(where)!;
    const grid = grids.find((g) => g.sheet === sheet)!;
    grid.values[row - 1][col - 1] = value;
  }
  return grids;
}

/** The mistakes the published documents really contain (facts.json, severity exact), as "sheet!cell". */
const publishedMistakes = new Set(
  ["quyang-2024", "tunliu-2024"].flatMap((name) =>
    loadFacts(name)
      .source_defects.filter((d) => d.severity === "exact" && d.sheet && d.cell)
      .map((d) => `${d.sheet}!${d.cell}`)
  )
);

/** Errors, leaving out the published mistakes every copy of a fixture carries. */
const errorsOf = (grids: Grid[], options = {}) =>
  checkWorkbook(grids, options)
    .findings.filter(
      (f) => f.severity === "error" && !publishedMistakes.has(`${f.sheet}!${f.cell}`)
    )
    .map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`);

describe("checkWorkbook on the published fixtures", () => {
  it.each(["quyang-2024", "tunliu-2024"])(
    "finds no error in %s beyond its published mistakes",
    async (name) => {
      expect(errorsOf(await loadFixture(name))).toEqual([]);
    }
  );

  it("reports quyang's two exact 绩效目标 mistakes as its only errors", async () => {
    const errors = checkWorkbook(await loadFixture("quyang-2024")).findings.filter(
      (f) => f.severity === "error"
    );
    expect(errors.map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`)).toEqual([
      "goals.budget-text@绩效目标!B8",
      "goals.unit-cost@绩效目标!C232",
    ]);
  });

  it.each(["quyang-2024", "tunliu-2024"])(
    "reports every table-arithmetic defect of %s at its cell with the right severity",
    async (name) => {
      const { findings } = checkWorkbook(await loadFixture(name));
      const defects = loadFacts(name).source_defects.filter((d) => TABLE_ARITHMETIC.has(d.type));
      for (const defect of defects) {
        const severity = defect.severity === "rounding" ? "info" : "error";
        const match = findings.find(
          (f) => f.sheet === defect.sheet && f.cell === defect.cell && f.severity === severity
        );
        expect({ defect: defect.id, found: match !== undefined }).toEqual({
          defect: defect.id,
          found: true,
        });
        expect(match!.expected).toBe(defect.expected.toFixed(2));
        expect(match!.actual).toBe(defect.actual.toFixed(2));
      }
    }
  );

  it("detects the layout of each fixture", async () => {
    expect(detectTemplate(readWorkbook(await loadFixture("quyang-2024")))).toBe("hebei");
    expect(detectTemplate(readWorkbook(await loadFixture("tunliu-2024")))).toBe("shanxi");
  });

  it("reads department, year and unit", async () => {
    const model = readWorkbook(await loadFixture("tunliu-2024"));
    expect(model.department).toMatchObject({
      value: "中共长治市屯留区委组织部",
      sheet: "收支总表",
      cell: "A3",
    });
    expect(model.year?.value).toBe(2024);
    expect(model.unit?.value).toBe("万元");
    expect(model.tables).toHaveLength(13);
  });

  it("turns rounding differences into errors with strictRounding", async () => {
    const strict = errorsOf(await loadFixture("tunliu-2024"), { strictRounding: true });
    expect(strict).toContain("sum.children@支出总表!C8");
    expect(strict).toContain("cross.project-expenditure@收入总表!I6");
  });
});

describe("rules between tables", () => {
  it("reports a wrong 收入总计 once, at its cell, naming the 支出总计 it no longer equals", async () => {
    const grids = await plant("quyang-2024", { "收支总表!C39": 880 });
    expect(errorsOf(grids)).toEqual(["balance.totals@收支总表!C39"]);
    // 收入总计 ≠ 本年收入合计 + 上年结转 and 收入总计 ≠ 支出总计: one wrong cell, one finding.
    const finding = checkWorkbook(grids).findings.find((f) => f.cell === "C39")!;
    expect(finding).toMatchObject({ expected: "872.24", actual: "880.00" });
    expect(finding.related).toContainEqual({ sheet: "收支总表", cell: "E39" });
    expect(finding.message).toContain("E39");
  });

  it("reports a 类 whose expenditure differs between 支出总表 and 收支总表", async () => {
    // 收支总表 一、一般公共服务支出 717.94 → 718.94 (and its 本年支出合计, so that table still adds up).
    const errors = errorsOf(
      await plant("quyang-2024", {
        "收支总表!E6": 718.94,
        "收支总表!E37": 873.24,
        "收支总表!E39": 873.24,
        "收支总表!C39": 873.24,
        "收支总表!C37": 856.89,
        "收支总表!C6": 856.89,
      })
    );
    // 收支总表 disagrees with both 支出总表 and 收入总表, which agree: the blame is on 收支总表.
    expect(errors).toContain("cross.class-expenditure@收支总表!E6");
    expect(errors).not.toContain("cross.class-expenditure@支出总表!D7");
    expect(errors).not.toContain("cross.class-expenditure@收入总表!D7");
    expect(errors).toContain("cross.income-sources@收支总表!C6");
  });

  it("reports 一般公共预算支出表 基本支出 ≠ 基本支出表 合计", async () => {
    // 基本支出表: 30101 基本工资 107.09 → 108.09 with its 类 and 合计 rows, so the table itself adds up.
    const errors = errorsOf(
      await plant("quyang-2024", {
        "基本支出表!D8": 108.09,
        "基本支出表!E8": 108.09,
        "基本支出表!D7": 272.99,
        "基本支出表!E7": 272.99,
        "基本支出表!D6": 317.46,
        "基本支出表!E6": 288.14,
      })
    );
    expect(errors).toEqual(["cross.basic-expenditure@基本支出表!D6"]);
  });

  it("reports 财政拨款收支总表 per 类 against 一般公共预算支出表", async () => {
    const errors = errorsOf(
      await plant("quyang-2024", { "财政拨款收支总表!F11": 41.62, "财政拨款收支总表!E11": 41.62 })
    );
    expect(errors).toContain("cross.fiscal-appropriation@一般公共预算支出表!D13");
  });

  it("reports 项目支出表 totals that do not add up to 支出总表 项目支出", async () => {
    const errors = errorsOf(
      await plant("tunliu-2024", {
        "项目支出(上年结转)!B7": 1043.88,
        "项目支出(上年结转)!C7": 1043.88,
      })
    );
    // The 上年结转 table's own 合计 no longer adds up: that is the wrong cell, and the comparison
    // with 支出总表 项目支出, broken by the same 1.00, is folded into it.
    expect(errors).toContain("sum.total-row@项目支出(上年结转)!B7");
    expect(errors).not.toContain("cross.project-expenditure@支出总表!E6");
    const finding = checkWorkbook(
      await plant("tunliu-2024", {
        "项目支出(上年结转)!B7": 1043.88,
        "项目支出(上年结转)!C7": 1043.88,
      })
    ).findings.find((f) => f.sheet === "项目支出(上年结转)" && f.cell === "B7")!;
    expect(finding.related).toContainEqual({ sheet: "支出总表", cell: "E6" });
  });

  it("reports 机关运行经费 ≠ 公用经费 as an error for an administrative unit, a warning when the nature is unknown", async () => {
    const grids = await plant("tunliu-2024", {
      "机关运行经费!B6": 11.8,
      "机关运行经费!C6": 11.8,
      "机关运行经费!B7": 11.8,
      "机关运行经费!C7": 11.8,
    });
    expect(errorsOf(grids, { unitNature: "行政" })).toEqual([
      "cross.operating-cost@机关运行经费!B6",
    ]);
    const unknown = checkWorkbook(grids).findings.filter(
      (f) => f.ruleId === "cross.operating-cost"
    );
    expect(unknown.map((f) => f.severity)).toEqual(["warning"]);
    expect(errorsOf(grids, { unitNature: "事业" })).toEqual([]);
  });

  it("warns when a 三公 item is smaller than its economic line", async () => {
    const grids = await plant("quyang-2024", {
      "三公经费!C12": 0.5,
      "三公经费!D12": 0.5,
      "三公经费!C10": 0.5,
      "三公经费!D10": 0.5,
      "三公经费!C7": 0.5,
      "三公经费!D7": 0.5,
      "三公经费!C6": 0.5,
      "三公经费!D6": 0.5,
    });
    const warnings = checkWorkbook(grids).findings.filter(
      (f) => f.ruleId === "cross.sangong-economic"
    );
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "三公经费",
        cell: "C12",
        expected: "1.20",
        actual: "0.50",
      }),
    ]);
  });

  it("warns when a table names another department or year", async () => {
    const grids = await plant("quyang-2024", {
      "支出总表!A2": "203中国共产党曲阳县委员会宣传部",
      "支出总表!E2": "预算年度：2023",
    });
    const warnings = checkWorkbook(grids).findings.filter((f) => f.ruleId === "meta.consistency");
    expect(warnings.map((f) => f.cell)).toEqual(["A2", "E2"]);
  });

  it("reports a missing mandatory table for the template", async () => {
    const grids = (await loadFixture("quyang-2024")).filter((g) => g.sheet !== "三公经费");
    const result = checkWorkbook(grids);
    expect(
      result.findings.filter((f) => f.ruleId === "completeness.tables").map((f) => f.message)
    ).toEqual([expect.stringContaining("部门预算财政拨款“三公”经费支出表")]);
  });

  it("asks for the note on an empty appropriation table", async () => {
    const grids = await plant("quyang-2024", { "政府性基金支出表!A6": "" });
    const warnings = checkWorkbook(grids).findings.filter(
      (f) => f.ruleId === "completeness.empty-note"
    );
    expect(warnings).toEqual([
      expect.objectContaining({ sheet: "政府性基金支出表", severity: "warning" }),
    ]);
  });

  it("warns when a 功能 table stops at 款", async () => {
    const grids = await plant("quyang-2024", { "支出总表!B15": "", "支出总表!C15": "" });
    const warnings = checkWorkbook(grids).findings.filter(
      (f) => f.ruleId === "completeness.code-depth"
    );
    expect(warnings.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["支出总表!B14"]);
  });

  it("uses the template it is given over the detected one", async () => {
    const result = checkWorkbook(await loadFixture("quyang-2024"), { template: "shanxi" });
    expect(result.templateSource).toBe("option");
    expect(
      result.findings.filter((f) => f.ruleId === "completeness.tables").length
    ).toBeGreaterThan(0);
  });
});

describe("recognizing tables without titles", () => {
  it.each([
    ["quyang-2024", "收支总表", "收支总表"],
    ["quyang-2024", "财政拨款收支总表", "财政拨款收支总表"],
    ["quyang-2024", "基本支出表", "基本支出表"],
    ["quyang-2024", "支出总表", "支出总表"],
    ["quyang-2024", "收入总表", "收入总表"],
    ["quyang-2024", "三公经费", "三公经费表"],
    ["tunliu-2024", "基本支出表", "基本支出表"],
    ["tunliu-2024", "收入总表", "收入总表"],
  ])(
    "recognizes %s's %s by its captions when the title row is gone and the sheet is called Sheet1",
    async (name, sheet, kind) => {
      const source = (await loadFixture(name)).find((g) => g.sheet === sheet)!;
      const bare = { ...cloneGrid(source), sheet: "Sheet1", merges: undefined };
      bare.values[0] = bare.values[0].map(() => "");
      const model = readWorkbook([bare]);
      expect(model.tables.map((t) => t.kind)).toEqual([kind]);
    }
  );

  it("asks for a title when the columns alone do not tell 支出总表 from 一般公共预算支出表", async () => {
    const source = (await loadFixture("tunliu-2024")).find(
      (g) => g.sheet === "一般公共预算支出表"
    )!;
    const bare = { ...cloneGrid(source), sheet: "Sheet1" };
    bare.values[0] = bare.values[0].map(() => "");
    const model = readWorkbook([bare]);
    expect(model.tables).toEqual([]);
    expect(model.findings).toEqual([
      expect.objectContaining({
        ruleId: "table.unrecognized",
        severity: "warning",
        sheet: "Sheet1",
      }),
    ]);
  });
});

describe("ledger workbooks", () => {
  const example = () =>
    gridsFromXlsx(readFileSync(path.join(__dirname, "../../../examples/quyang-2024-ledger.xlsx")));

  it("checks the example ledger through the tables derived from it and the tables it carries", async () => {
    const result = checkWorkbook(await example());
    expect(result.ledger?.lines).toHaveLength(39);
    expect(result.template).toBe("hebei");
    expect(result.templateSource).toBe("ledger");
    expect(result.model.tables.map((t) => t.kind)).toEqual([
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
      "基本支出表",
      "政府性基金支出表",
      "国有资本经营支出表",
      "三公经费表",
      // quyang's published 政府采购 and 固定资产, copied beside the ledger lines.
      "政府采购表",
      "固定资产表",
    ]);
    expect(result.findings).toEqual([]);
  });

  it("reports a bad ledger cell at its place in the ledger sheet", async () => {
    const grids = (await example()).map(cloneGrid);
    const ledgerGrid = grids.find((g) =>
      g.values.some((row) => row.some((cell) => String(cell).includes("功能分类科目编码")))
    )!;
    const headerRow = ledgerGrid.values.findIndex((row) =>
      row.some((cell) => String(cell).includes("功能分类科目编码"))
    );
    const codeColumn = ledgerGrid.values[headerRow].findIndex((cell) =>
      String(cell).includes("功能分类科目编码")
    );
    ledgerGrid.values[headerRow + 1][codeColumn] = "20A3201";
    const errors = checkWorkbook(grids).findings.filter(
      (f) => f.severity === "error" && f.sheet === ledgerGrid.sheet
    );
    expect(errors.map((f) => f.cell)).toContain(
      `${String.fromCharCode(65 + codeColumn)}${headerRow + 2}`
    );
  });
});

describe("a 情况说明 sheet", () => {
  const withNarrative = async (name: string) => {
    const grids = (await loadFixture(name)).map(cloneGrid);
    const text = readFileSync(
      path.join(__dirname, `../../fixtures/narratives/${name}.txt`),
      "utf8"
    );
    const paragraphs = text.split("\n").filter((line) => line.trim() !== "");
    grids.push({
      sheet: "情况说明",
      origin: { row: 1, col: 1 },
      values: paragraphs.map((p) => [p]),
    });
    return checkWorkbook(grids);
  };

  it("is checked against the tables, not read as a table", async () => {
    const result = await withNarrative("tunliu-2024");
    expect(result.findings.filter((f) => f.ruleId === "table.unrecognized")).toEqual([]);
    const narrative = result.findings.filter((f) => f.sheet === "情况说明");
    expect(narrative.map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual([
      "narrative.count error",
      "narrative.sum info",
      "narrative.sum info",
      "narrative.sum info",
      "narrative.sum info",
    ]);
  });

  it("reports quyang's 以上合计 that misses its parts by 0.01 as a rounding note (QY-01)", async () => {
    const result = await withNarrative("quyang-2024");
    const narrative = result.findings.filter((f) => f.sheet === "情况说明");
    expect(narrative).toEqual([
      expect.objectContaining({
        ruleId: "narrative.change",
        severity: "info",
        expected: "-69.69",
        actual: "-69.70",
      }),
    ]);
  });
});

describe("several tables on one sheet", () => {
  it("reads each table of a sheet that stacks them, with addresses on that sheet", async () => {
    const sources = (await loadFixture("quyang-2024")).filter((g) =>
      ["支出总表", "一般公共预算支出表", "基本支出表"].includes(g.sheet)
    );
    // One sheet called 公开表: the three tables one below the other, two blank rows apart.
    const values = sources.flatMap((g) => [...g.values.map((row) => row.slice()), [], []]);
    values[sources[0].values.length + 2 + 7][4] = 237.34; // 20132 基本支出 (E8 on its own sheet)
    const result = checkWorkbook([{ sheet: "公开表", origin: { row: 1, col: 1 }, values }]);
    expect(result.model.tables.map((t) => t.kind)).toEqual([
      "支出总表",
      "一般公共预算支出表",
      "基本支出表",
    ]);
    const offset = sources[0].values.length + 2;
    const errors = result.findings.filter((f) => f.severity === "error");
    // The 款 no longer equals its 项, its 类 no longer equals it, its row no longer adds up: one
    // wrong cell, reported there.
    expect(errors.map((f) => `${f.ruleId}@${f.cell}`)).toContain(`sum.root-cause@E${offset + 8}`);
    expect(errors.every((f) => f.sheet === "公开表")).toBe(true);
  });
});

describe("the order of findings", () => {
  it("lists errors first, then sheet by sheet in the workbook's order, then by cell", async () => {
    const { findings } = checkWorkbook(await loadFixture("tunliu-2024"));
    const sheets = (await loadFixture("tunliu-2024")).map((g) => g.sheet);
    const positions = findings.map((f) => sheets.indexOf(f.sheet!));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(findings[0].sheet).toBe("收支总表");
  });
});
