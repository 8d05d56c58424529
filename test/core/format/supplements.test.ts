import {
  assetFigures,
  procurementClass,
  procurementFigures,
  readSupplements,
} from "../../../src/core/format/supplements";
import { Money } from "../../../src/core/money";
import { readWorkbook } from "../../../src/core/read/workbook";
import { quyang, setCell, tunliuWithGoals } from "../rules/goals/context";

const str = (m: Money | undefined) => m?.toFixed(2);

describe("readSupplements", () => {
  it("takes quyang's seven purchases with their project, catalogue code and sources", async () => {
    const { procurement } = readSupplements(readWorkbook(await quyang()));
    expect(procurement?.sheet).toBe("政府采购");
    expect(procurement?.items).toHaveLength(7);
    expect(procurement?.items[0]).toMatchObject({
      project: "公用项目",
      item: "车辆加油、添加燃料服务",
      catalogCode: "C23120302",
      unit: "元",
      at: { sheet: "政府采购", cell: "A7" },
    });
    const first = procurement!.items[0];
    expect(
      [first.projectBudget, first.quantity, first.price, first.amount, first.reserve].map(str)
    ).toEqual(["11.32", "1.00", "1.20", "1.20", "1.20"]);
    expect(Object.keys(first.bySource)).toEqual(["一般公共预算"]);
    // The items add up to the 合计 quyang prints in H5.
    expect(str(procurementFigures(procurement!).total)).toBe("34.70");
  });

  it("splits quyang's purchases into 货物 (A…), 工程 (B…) and 服务 (C…)", async () => {
    const figures = procurementFigures(readSupplements(readWorkbook(await quyang())).procurement!);
    // A05040101 7 + A05040101 2.5 + A07100300 6; C… 1.2 + 7 + 9 + 2.
    expect([figures.total, figures.goods, figures.works, figures.services].map(str)).toEqual([
      "34.70",
      "15.50",
      "0.00",
      "19.20",
    ]);
    expect([procurementClass("a0504"), procurementClass("B01"), procurementClass("")]).toEqual([
      "goods",
      "works",
      undefined,
    ]);
  });

  it("gives no 货物/工程/服务 split when an item's catalogue code is unknown", async () => {
    const grids = await quyang({ 政府采购: (g) => setCell(g, "D8", "见附件") });
    const figures = procurementFigures(readSupplements(readWorkbook(grids)).procurement!);
    expect(str(figures.total)).toBe("34.70");
    expect(figures.goods).toBeUndefined();
  });

  it("rounds each purchase once and splits its sources to add up to it", async () => {
    const grids = await quyang({
      政府采购: (g) => {
        setCell(g, "H8", 7.005);
        setCell(g, "I8", 3.0025);
        setCell(g, "M8", 4.0025);
      },
    });
    const item = readSupplements(readWorkbook(grids)).procurement!.items[1];
    expect(str(item.amount)).toBe("7.01");
    expect(item.bySource.一般公共预算!.plus(item.bySource.单位资金!).toFixed(2)).toBe("7.01");
  });

  it("reads a 单价 given in 元 as 万元", async () => {
    const grids = await quyang({
      政府采购: (g) => {
        setCell(g, "G3", "单价（元）");
        setCell(g, "G4", "单价（元）");
        setCell(g, "G7", 12000);
      },
    });
    const item = readSupplements(readWorkbook(grids)).procurement!.items[0];
    expect(item.price?.toString()).toBe("1.2");
  });

  it("takes quyang's 固定资产 with its date, and every class by name", async () => {
    const { assets } = readSupplements(readWorkbook(await quyang()));
    expect(assets?.asOf).toBe("2023-12-31");
    expect([assets?.total.quantity?.toString(), str(assets?.total.value)]).toEqual([
      "557",
      "60.96",
    ]);
    expect(assets?.lines.map((l) => l.name)).toEqual([
      "房屋",
      "办公用房",
      "车辆",
      "单价在20万元以上的设备",
      "其他固定资产",
    ]);
    expect(str(assets?.lines[2].value)).toBe("11.98");
    expect(assets?.lines[0].value).toBeUndefined();
    expect(assetFigures(assets!)).toEqual({ total: new Money("60.96"), asOf: "2023-12-31" });
  });

  it("takes the 项目绩效目标表 of either province, and nothing that is not there", async () => {
    expect(readSupplements(readWorkbook(await quyang())).goals).toHaveLength(18);
    const tunliu = readSupplements(readWorkbook(await tunliuWithGoals()));
    expect(tunliu.goals.length).toBeGreaterThan(0);
    expect(tunliu.goals.every((form) => form.layout === "fundingPeriods")).toBe(true);
    expect(tunliu.procurement).toBeUndefined();
    expect(tunliu.assets).toBeUndefined();
  });
});
