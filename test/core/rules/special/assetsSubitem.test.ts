import { assetsSubitem } from "../../../../src/core/rules/special/assetsSubitem";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("assets.subitem", () => {
  it("has nothing to say about quyang", async () => {
    expect(assetsSubitem.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a 其中 row larger than its class, in 数量 and in 价值", async () => {
    const grids = await quyang({
      固定资产: (g) => {
        setCell(g, "B5", 300);
        setCell(g, "C5", 20);
        setCell(g, "B6", 350);
        setCell(g, "C6", 25);
      },
    });
    const findings = assetsSubitem.run(contextOf(grids));
    expectWellFormed(assetsSubitem, findings);
    expect(findings.map(brief)).toEqual([
      "assets.subitem 固定资产!B6 error",
      "assets.subitem 固定资产!C6 error",
    ]);
    expect(findings[1].message).toContain("办公用房");
  });
});
