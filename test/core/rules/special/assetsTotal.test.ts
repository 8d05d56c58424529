import { refs } from "../../../helpers/fixtures";
import { assetsTotal } from "../../../../src/core/rules/special/assetsTotal";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("assets.total", () => {
  it("finds quyang's 资产总额 价值 equal to the four classes (60.96 = 11.98 + 48.98)", async () => {
    expect(assetsTotal.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a 资产总额 价值 that misses, at its cell, without adding the 其中 row", async () => {
    const grids = await quyang({
      固定资产: (g) => {
        setCell(g, "C4", 61.96);
        setCell(g, "C6", 1); // 其中：办公用房 is never added
      },
    });
    const findings = assetsTotal.run(contextOf(grids));
    expectWellFormed(assetsTotal, findings);
    expect(findings.map(brief)).toEqual(["assets.total 固定资产!C4 error"]);
    expect(findings[0]).toMatchObject({
      expected: "60.96",
      actual: "61.96",
      related: refs("固定资产", "C5", "C7", "C8", "C9"),
    });
  });

  it("does not add 数量, whose units differ between classes", async () => {
    const grids = await quyang({ 固定资产: (g) => setCell(g, "B4", 600) });
    expect(assetsTotal.run(contextOf(grids))).toEqual([]);
  });
});
