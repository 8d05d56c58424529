import { refs } from "../../../helpers/fixtures";
import { procurementSources } from "../../../../src/core/rules/special/procurementSources";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("procurement.sources", () => {
  it("finds every quyang row's 合计 equal to its sources", async () => {
    expect(procurementSources.run(contextOf(await quyang()))).toEqual([]);
  });

  it("reports a row whose sources do not add up to its 合计, at the 合计 cell", async () => {
    const findings = procurementSources.run(
      contextOf(await quyang({ 政府采购: (g) => setCell(g, "M9", 1) }))
    );
    expectWellFormed(procurementSources, findings);
    expect(findings.map(brief)).toEqual(["procurement.sources 政府采购!H9 error"]);
    expect(findings[0].related).toEqual(refs("政府采购", "I9", "J9", "K9", "L9", "M9", "N9"));
  });
});
