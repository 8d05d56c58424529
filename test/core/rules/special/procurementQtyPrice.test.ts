import { refs } from "../../../helpers/fixtures";
import { procurementQtyPrice } from "../../../../src/core/rules/special/procurementQtyPrice";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("procurement.qty-price", () => {
  it("finds 数量 × 单价 = 金额 on every quyang row", async () => {
    expect(procurementQtyPrice.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a row whose 金额 is not 数量 × 单价, at the 金额 cell", async () => {
    const findings = procurementQtyPrice.run(
      contextOf(await quyang({ 政府采购: (g) => setCell(g, "G8", 6) }))
    );
    expectWellFormed(procurementQtyPrice, findings);
    expect(findings.map(brief)).toEqual(["procurement.qty-price 政府采购!H8 error"]);
    expect(findings[0]).toMatchObject({
      expected: "6.00",
      actual: "7.00",
      related: refs("政府采购", "F8", "G8"),
    });
    expect(findings[0].message).toContain("考核专项公用项目经费／复印纸");
  });

  it("allows half a cent per unit for a rounded 单价", async () => {
    const grids = await quyang({
      政府采购: (g) => {
        setCell(g, "F10", 3);
        setCell(g, "G10", 2.33);
      },
    });
    expect(procurementQtyPrice.run(contextOf(grids)).map(brief)).toEqual([
      "procurement.qty-price 政府采购!H10 info rounding",
    ]);
  });
});
