import { checkWorkbook } from "../../../src/core/check/workbook";
import type { Finding } from "../../../src/core/finding";
import type { CellNote, Grid } from "../../../src/core/grid";
import { loadFixture, plantCells } from "../../helpers/fixtures";

const where = (f: Finding) => `${f.severity} ${f.ruleId}@${f.sheet}!${f.cell}`;
const onSheet = (findings: Finding[], sheet: string) =>
  findings.filter((f) => f.sheet === sheet && f.severity !== "info");

/** The fixture with what a host reports beyond the values, on one sheet. */
function withFacts(grids: Grid[], sheet: string, facts: Partial<Grid>): Grid[] {
  return grids.map((g) => (g.sheet === sheet ? { ...g, ...facts } : g));
}

describe("cells whose value cannot be trusted (issue 11 §7)", () => {
  it("reports a formula saved without its result at its cell, and no sum that needs it", async () => {
    // 支出总表!D9 (行政运行's 合计, 198.87) as a program writes it: a formula and no value.
    const grids = withFacts(
      await plantCells("quyang-2024", { "支出总表!D9": ["", 198.87] }),
      "支出总表",
      { cellNotes: [{ row: 9, col: 4, kind: "formulaWithoutValue", text: "=E9+F9" }] }
    );
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.map(where)).toEqual(["error cell.formula-without-value@支出总表!D9"]);
    expect(found[0].message).toContain("=E9+F9");
    expect(found[0].message).toContain("重新计算后保存");
    expect(found[0].actual).toBe("=E9+F9");
  });

  it("without the note the same blank is a sum error: the note is what tells them apart", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!D9": ["", 198.87] });
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.some((f) => f.severity === "error")).toBe(true);
    expect(found.map((f) => f.ruleId)).not.toContain("cell.formula-without-value");
  });

  it("reports a date in an amount cell as a date, not as a number typed wrong", async () => {
    const grids = withFacts(
      await plantCells("quyang-2024", { "支出总表!E11": ["2024-01-05", 37.47] }),
      "支出总表",
      { cellNotes: [{ row: 11, col: 5, kind: "date", text: "2024-01-05" }] }
    );
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.map(where)).toEqual(["error amount.date@支出总表!E11"]);
    expect(found[0].message).toContain("日期（2024-01-05）");
  });

  it("never takes a date's serial number for an amount", async () => {
    // Excel's 45296 is 2024-01-05; as an amount it would break every sum above E11.
    const grids = withFacts(
      await plantCells("quyang-2024", { "支出总表!E11": [45296, 37.47] }),
      "支出总表",
      { cellNotes: [{ row: 11, col: 5, kind: "date", text: "2024-01-05" }] }
    );
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.map(where)).toEqual(["error amount.date@支出总表!E11"]);
  });

  it("warns of amounts in a hidden row at the row's first amount, naming the others", async () => {
    const grids = withFacts(await loadFixture("quyang-2024"), "支出总表", { hiddenRows: [12] });
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.map(where)).toEqual(["warning cell.hidden@支出总表!D12"]);
    expect(found[0].message).toContain("第 12 行被隐藏，其中有 2 个金额");
    expect(found[0].related).toEqual([{ sheet: "支出总表", cell: "F12" }]);
  });

  it("says nothing of a hidden row without amounts (a 栏次 row, a blank row)", async () => {
    const grids = withFacts(await loadFixture("quyang-2024"), "支出总表", { hiddenRows: [4, 5] });
    expect(onSheet(checkWorkbook(grids).findings, "支出总表")).toEqual([]);
  });

  it("warns of amounts in a hidden column", async () => {
    const grids = withFacts(await loadFixture("quyang-2024"), "支出总表", { hiddenColumns: [5] });
    const found = onSheet(checkWorkbook(grids).findings, "支出总表");
    expect(found.map(where)).toEqual(["warning cell.hidden@支出总表!E6"]);
    expect(found[0].message).toMatch(/^E 列被隐藏/);
  });

  it("warns once for a hidden sheet, at its table's first amount", async () => {
    const grids = withFacts(await loadFixture("quyang-2024"), "三公经费", { sheetHidden: true });
    const found = onSheet(checkWorkbook(grids).findings, "三公经费");
    expect(found.map(where)).toEqual(["warning cell.hidden@三公经费!C6"]);
    expect(found[0].message).toContain("工作表“三公经费”被隐藏");
  });

  it("finds a planted error beside an untrusted cell all the same", async () => {
    // 一般行政管理事务's 合计 (D10) off by 1 while 事业运行's 基本支出 (E11) is a date.
    const grids = withFacts(
      await plantCells("quyang-2024", {
        "支出总表!E11": ["2024-01-05", 37.47],
        "支出总表!D10": [429.6, 428.6],
      }),
      "支出总表",
      { cellNotes: [{ row: 11, col: 5, kind: "date", text: "2024-01-05" }] }
    );
    const errors = onSheet(checkWorkbook(grids).findings, "支出总表").filter(
      (f) => f.severity === "error"
    );
    expect(errors.map((f) => f.cell)).toEqual(expect.arrayContaining(["D10", "E11"]));
  });

  it("says nothing where the host reports nothing beyond the values", async () => {
    for (const name of ["quyang-2024", "tunliu-2024"]) {
      const findings = checkWorkbook(await loadFixture(name)).findings;
      expect(findings.filter((f) => /^cell\.|^amount\.date$/.test(f.ruleId))).toEqual([]);
    }
  });

  it("keeps a note to the table whose rows hold it", async () => {
    const note: CellNote = { row: 200, col: 4, kind: "formulaWithoutValue", text: "=1" };
    const grids = withFacts(await loadFixture("quyang-2024"), "支出总表", { cellNotes: [note] });
    expect(
      checkWorkbook(grids).findings.filter((f) => f.ruleId === "cell.formula-without-value")
    ).toEqual([]);
  });
});
