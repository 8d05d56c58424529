import { exportBaseName } from "../../src/cli/exportCommand";
import { SUPPLEMENT_TEMPLATES, TEMPLATES } from "../../src/core/templates";
import type { TemplateId } from "../../src/core/model";
import { runCheck, sourceSheets } from "../../src/taskpane/actions";
import {
  disclosureAbout,
  exportFileName,
  hasBudgetData,
  optionalOutputSheetNames,
  outputSheetNames,
  possibleOutputSheetNames,
  unnumberedSheetName,
} from "../../src/taskpane/disclosure";
import { loadFixture } from "../helpers/fixtures";
import { fakeHost } from "./fakeHost";

describe("disclosure facts", () => {
  test("names every template's sheets as the template registry does", () => {
    for (const id of Object.keys(TEMPLATES) as TemplateId[]) {
      const supplements = SUPPLEMENT_TEMPLATES[id].map((t) => t.sheetName);
      expect([id, outputSheetNames(id)]).toEqual([
        id,
        [...TEMPLATES[id].map((t) => t.sheetName), ...supplements],
      ]);
      expect([id, optionalOutputSheetNames(id)]).toEqual([id, supplements]);
    }
    expect(optionalOutputSheetNames("hebei")).toHaveLength(3);
  });

  test("names the files as the CLI does", () => {
    for (const name of ["中共长治市屯留区委组织部", "a/b:c", " .x. ", "", "x".repeat(200)]) {
      expect(exportFileName(name, 2024, "xlsx")).toBe(`${exportBaseName(name, 2024)}.xlsx`);
      expect(exportFileName(name, 2024, "docx")).toBe(`${exportBaseName(name, 2024)}.docx`);
    }
  });

  test("takes department, code and year from the tables, and the template from the user first", async () => {
    const { check } = await runCheck(fakeHost(await loadFixture("quyang-2024")));
    expect(disclosureAbout(check, undefined)).toEqual({
      department: "中国共产党曲阳县委员会组织部",
      departmentCode: "203",
      year: 2024,
      template: "hebei",
    });
    expect(disclosureAbout(check, "mof").template).toBe("mof");
    expect(hasBudgetData(check)).toBe(true);
  });

  test("has no budget data in an empty workbook", async () => {
    const { check } = await runCheck(fakeHost([]));
    expect(hasBudgetData(check)).toBe(false);
    expect(disclosureAbout(check, undefined)).toEqual({
      department: undefined,
      departmentCode: undefined,
      year: undefined,
      template: undefined,
    });
  });
});

describe("the names generated sheets can have", () => {
  test("include each supplementary table under every number it can take, and no other", () => {
    const names = possibleOutputSheetNames("hebei");
    expect(names.slice(0, 10)).toEqual(TEMPLATES.hebei.map((t) => t.sheetName));
    expect(names.slice(10)).toEqual([
      "表11 项目绩效目标",
      "表11 政府采购预算",
      "表12 政府采购预算",
      "表11 固定资产",
      "表12 固定资产",
      "表13 固定资产",
    ]);
    expect(possibleOutputSheetNames("shanxi")).toEqual(outputSheetNames("shanxi"));
    expect(unnumberedSheetName("表12 政府采购预算")).toBe("政府采购预算");
  });

  test("a table numbered on from an earlier run is not read again as the clerk's own", () => {
    const grids = [
      { sheet: "政府采购" },
      { sheet: "表11 政府采购预算" },
      { sheet: "表12 固定资产" },
    ];
    expect(sourceSheets(grids)).toEqual([{ sheet: "政府采购" }]);
  });
});
