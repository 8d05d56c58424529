import { checkTable } from "../../../src/core/check/table";
import { CellValue, parseA1 } from "../../../src/core/grid";
import { ZERO, parseAmount } from "../../../src/core/money";
import type { AmountCell } from "../../../src/core/read/table";
import { equalityFinding, figure } from "../../../src/core/rules/workbook/access";
import { cloneGrid, loadFixtureSheet } from "../../helpers/fixtures";

/** Sets a cell of a cloned grid by its A1 address, checking the value that was there. */
function plant(
  grid: ReturnType<typeof cloneGrid>,
  address: string,
  was: CellValue,
  value: CellValue
) {
  const { row, col } = parseA1(address)!;
  expect(grid.values[row - 1][col - 1]).toBe(was);
  grid.values[row - 1][col - 1] = value;
}

describe("the rounding tolerance counts only the addends that hold a number", () => {
  it("reports a 0.10 gap in the 31-row 收支总表 as an error, not as 舍入差异", async () => {
    // quyang 收支总表: 31 expenditure 类 rows, 6 of them with a figure. Counting the 25 blanks
    // gave a tolerance of 0.16, and 0.10 passed as rounding.
    const grid = cloneGrid(await loadFixtureSheet("quyang-2024", "收支总表"));
    plant(grid, "E37", 872.24, 872.34);
    const finding = checkTable(grid).findings.find(
      (f) => f.ruleId === "sum.total-row" && f.cell === "E37"
    );
    expect(finding).toMatchObject({
      severity: "error",
      expected: "872.24",
      actual: "872.34",
    });
    expect(finding!.rounding).toBeUndefined();
  });

  it("still calls a gap within 0.005 × (numbers + 1) a rounding difference", async () => {
    const grid = cloneGrid(await loadFixtureSheet("quyang-2024", "收支总表"));
    plant(grid, "E37", 872.24, 872.27); // 6 figures: tolerance 0.035
    const finding = checkTable(grid).findings.find(
      (f) => f.ruleId === "sum.total-row" && f.cell === "E37"
    );
    expect(finding).toMatchObject({ severity: "info", rounding: true });
  });

  it("sizes a comparison between tables by the cells that hold a number", () => {
    // 10.03 against one figure 10.00 added up with five blank cells: one rounded number on each
    // side, tolerance 0.01. Counting the blanks made it 0.035 and let 0.03 pass.
    const cell = (address: string, raw: CellValue): AmountCell => {
      const parsed = parseAmount(raw);
      return { address, raw, parsed, value: parsed.kind === "amount" ? parsed.value : ZERO };
    };
    const here = figure("表一", [cell("C7", 10.03)]);
    const there = figure("表二", [
      cell("D7", 10),
      ...["D8", "D9", "D10", "D11", "D12"].map((a) => cell(a, "")),
    ]);
    const finding = equalityFinding("test", here, there, (a, b) => `${a} ≠ ${b}`);
    expect(finding).toMatchObject({ severity: "error", expected: "10.00", actual: "10.03" });
  });
});
