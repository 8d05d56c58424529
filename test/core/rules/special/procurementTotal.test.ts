import { procurementTotal } from "../../../../src/core/rules/special/procurementTotal";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("procurement.total", () => {
  it("finds quyang's 合计 = 小计 = Σ rows in every amount column", async () => {
    expect(procurementTotal.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a 合计 that is not the sum of the 小计 rows", async () => {
    const findings = procurementTotal.run(
      contextOf(await quyang({ 政府采购: (g) => setCell(g, "H5", 35) }))
    );
    expectWellFormed(procurementTotal, findings);
    expect(findings.map(brief)).toEqual(["procurement.total 政府采购!H5 error"]);
  });

  it("reports a 小计 that is not the sum of its rows, in a source column too", async () => {
    const findings = procurementTotal.run(
      contextOf(await quyang({ 政府采购: (g) => setCell(g, "I13", 3) }))
    );
    expect(findings.map(brief)).toEqual(["procurement.total 政府采购!I6 error"]);
    expect(findings[0].message).toContain("一般公共预算拨款");
  });
});
