import { sangongVehicle } from "../../../../src/core/rules/special/sangongVehicle";
import { cloneGrid } from "../../../helpers/fixtures";
import {
  brief,
  contextOf,
  expectWellFormed,
  quyang,
  setCell,
  tunliuWithGoals,
} from "../goals/context";
import { COLUMNS_FORM, COMPARISON_FORM, OLDER_FORM } from "./sangongGrids";

describe("sangong.vehicle", () => {
  it("finds 公务用车购置及运维费 = 购置费 + 运行维护费 in the fixtures and the synthetic forms", async () => {
    expect(sangongVehicle.run(contextOf(await quyang()))).toEqual([]);
    expect(sangongVehicle.run(contextOf(await tunliuWithGoals()))).toEqual([]);
    expect(sangongVehicle.run(contextOf([COMPARISON_FORM, COLUMNS_FORM]))).toEqual([]);
  });

  it("reports the vehicle line when its parts do not add up, in every column that misses", async () => {
    const findings = sangongVehicle.run(
      contextOf(await quyang({ 三公经费: (g) => setCell(g, "C12", 1) }))
    );
    expectWellFormed(sangongVehicle, findings);
    expect(findings.map(brief)).toEqual(["sangong.vehicle 三公经费!C10 error"]);
    expect(findings[0].message).toContain("“二、公务用车购置及运维费”行的“合计”为 1.20");
  });

  it("reads the Shanxi ①② sub-items", async () => {
    const grids = await tunliuWithGoals({ 三公经费: (g) => setCell(g, "B9", 3) });
    expect(sangongVehicle.run(contextOf(grids)).map(brief)).toEqual([
      "sangong.vehicle 三公经费!B8 error",
    ]);
  });

  it("reads the 小计 under the vehicle group of a table turned round", () => {
    const grid = cloneGrid(COLUMNS_FORM);
    setCell(grid, "D5", 7);
    expect(sangongVehicle.run(contextOf([grid])).map(brief)).toEqual([
      "sangong.vehicle 三公转置!D5 error",
    ]);
  });

  it("says the 合计 is right when only the vehicle subtotal is wrong", () => {
    const grid = cloneGrid(OLDER_FORM);
    setCell(grid, "B7", 0);
    const findings = sangongVehicle.run(contextOf([grid]));
    expect(findings.map(brief)).toEqual(["sangong.vehicle 三公旧式!B7 error"]);
    expect(findings[0].message).toContain("合计与购置费、运行维护费等明细相符");
    setCell(grid, "B4", 12);
    expect(sangongVehicle.run(contextOf([grid]))[0].message).not.toContain("明细相符");
  });
});
