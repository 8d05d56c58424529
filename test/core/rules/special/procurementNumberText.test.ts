import { SPECIAL_TABLE_RULES } from "../../../../src/core/rules/special";
import { procurementNumberAsText } from "../../../../src/core/rules/special/procurementNumberText";
import { brief, contextOf, expectWellFormed, quyang, setCell } from "../goals/context";

describe("procurement.number-as-text", () => {
  it("has nothing to say about quyang's numeric cells", async () => {
    expect(procurementNumberAsText.run(contextOf(await quyang()))).toEqual([]);
  });

  it("warns about 107．57 stored as text and still reads it, so the totals agree", async () => {
    const grids = await quyang({
      政府采购: (g) => {
        setCell(g, "G10", 107.57);
        setCell(g, "H10", "107．57");
        setCell(g, "I10", 107.57);
        setCell(g, "O10", 107.57);
        for (const cell of ["H5", "I5", "O5", "H6", "I6", "O6"]) setCell(g, cell, 135.27);
      },
    });
    const context = contextOf(grids);
    const findings = procurementNumberAsText.run(context);
    expectWellFormed(procurementNumberAsText, findings);
    expect(findings.map(brief)).toEqual(["procurement.number-as-text 政府采购!H10 warning"]);
    expect(findings[0]).toMatchObject({ actual: "107．57", expected: "107.57" });
    expect(findings[0].message).toContain("“107．57”");
    const others = SPECIAL_TABLE_RULES.filter((r) => r !== procurementNumberAsText).flatMap((r) =>
      r.run(context)
    );
    expect(others).toEqual([]);
  });

  it("warns about text that is no number at all", async () => {
    const findings = procurementNumberAsText.run(
      contextOf(await quyang({ 政府采购: (g) => setCell(g, "F11", "若干") }))
    );
    expect(findings.map(brief)).toEqual(["procurement.number-as-text 政府采购!F11 warning"]);
    expect(findings[0].message).toContain("不是数字");
  });
});
