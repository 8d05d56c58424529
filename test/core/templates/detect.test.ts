/*
 * Telling the central departments' set (中央部门) from the Ministry's (mof): the central set is the
 * Ministry's tables unchanged (central.ts), so the tables alone cannot tell them apart; what the
 * workbook says about its department can.
 */
import { readFileSync } from "fs";
import path from "path";
import { ledgerFigures } from "../../../src/core/figures/aggregate";
import { buildSheets } from "../../../src/core/format/buildSheets";
import { specToGrid } from "../../../src/core/format/specToGrid";
import type { Grid } from "../../../src/core/grid";
import { readLedger } from "../../../src/core/ledger";
import type { Ledger } from "../../../src/core/ledger";
import { readWorkbook } from "../../../src/core/read/workbook";
import { detectTemplate, isCentralDepartment } from "../../../src/core/templates/detect";
import { gridsFromXlsx } from "../../../src/io/readXlsx";
import { loadFixture } from "../../helpers/fixtures";

const EXAMPLE = path.resolve(__dirname, "../../../examples/quyang-2024-ledger.xlsx");

let ledger: Ledger;
beforeAll(async () => {
  ledger = readLedger(await gridsFromXlsx(readFileSync(EXAMPLE))).ledger!;
});

/** The Ministry's nine tables drawn for a department of this name. */
function drawnFor(name: string): Grid[] {
  const department = { ...ledger.department, name };
  return buildSheets(ledgerFigures({ ...ledger, department }), department, "mof").map(specToGrid);
}

describe("isCentralDepartment", () => {
  it.each([
    "教育部",
    "住房和城乡建设部",
    "审计署",
    "海关总署",
    "国家林业和草原局",
    "国家市场监督管理总局",
    "国家税务总局北京市税务局",
    "中国气象局",
    "中国科学院",
    "中华全国总工会",
    "中共中央组织部",
    "最高人民法院",
    "中国人民政治协商会议全国委员会",
  ])("%s is central", (name) => {
    expect(isCentralDepartment(name)).toBe(true);
  });

  it.each([
    "中国共产党曲阳县委员会组织部",
    "中共长治市屯留区委组织部",
    "中国人民政治协商会议曲阳县委员会",
    "北京市教育委员会",
    "河北省财政厅",
    "曲阳县民政局",
    "组织部",
    "人民武装部",
    "某某乡人民政府",
  ])("%s is not", (name) => {
    expect(isCentralDepartment(name)).toBe(false);
  });
});

describe("detectTemplate on the Ministry's tables", () => {
  it("is zhongyang when the department line names a central department", () => {
    expect(detectTemplate(readWorkbook(drawnFor("教育部")))).toBe("zhongyang");
    expect(detectTemplate(readWorkbook(drawnFor("国家林业和草原局")))).toBe("zhongyang");
  });

  it("is mof for the same tables of a local department", () => {
    expect(detectTemplate(readWorkbook(drawnFor("中国共产党曲阳县委员会组织部")))).toBe("mof");
  });

  it("is zhongyang when a title says 中央本级", () => {
    const grids = drawnFor("某某单位");
    expect(detectTemplate(readWorkbook(grids))).toBe("mof");
    const titled = grids.map((g, i) =>
      i === 0
        ? {
            ...g,
            values: g.values.map((row) =>
              row.map((v) => (typeof v === "string" && /收支总表$/.test(v) ? `中央本级${v}` : v))
            ),
          }
        : g
    );
    expect(detectTemplate(readWorkbook(titled))).toBe("zhongyang");
  });

  it("is unchanged for Hebei's and Shanxi's tables, whose departments are local", async () => {
    expect(detectTemplate(readWorkbook(await loadFixture("quyang-2024")))).toBe("hebei");
    expect(detectTemplate(readWorkbook(await loadFixture("tunliu-2024")))).toBe("shanxi");
  });
});
