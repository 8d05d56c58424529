import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { Money } from "../../src/core/money";
import {
  ChartBar,
  barChartRun,
  chartDescription,
  chartHeight,
  expenditureByClass,
  generalBudgetExpenditureSpec,
} from "../../src/render/chart";
import { fixturePath, smallSpec, specsFromWorkbook } from "./fixtureSpecs";

const BARS: ChartBar[] = [
  { code: "201", name: "一般公共服务支出", value: new Money("1098.11") },
  { code: "208", name: "社会保障和就业支出", value: new Money("31.82") },
  { code: "210", name: "卫生健康支出", value: new Money("12.63") },
  { code: "213", name: "农林水支出", value: new Money("2497.00") },
  { code: "221", name: "住房保障支出", value: new Money("22.12") },
];

/** The chart part of a document holding just the chart, and the package's file names. */
async function chartXml(bars: readonly ChartBar[]): Promise<{ xml: string; files: string[] }> {
  const document = new Document({
    sections: [{ children: [new Paragraph({ children: [barChartRun(bars)] })] }],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  return {
    xml: await zip.file("word/charts/chart1.xml")!.async("string"),
    files: Object.keys(zip.files),
  };
}

const points = (xml: string) =>
  [...xml.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]);

describe("barChartRun", () => {
  test("is a native bar chart whose category axis carries the 类 names, in table order", async () => {
    const { xml, files } = await chartXml(BARS);
    expect(xml).toContain('<c:barDir val="bar"/>');
    const categories = /<c:cat>[\s\S]*?<\/c:cat>/.exec(xml)![0];
    expect(points(categories)).toEqual(BARS.map((b) => b.name));
    const values = /<c:val>[\s\S]*?<\/c:val>/.exec(xml)![0];
    expect(points(values).map(Number)).toEqual([1098.11, 31.82, 12.63, 2497, 22.12]);
    // The first 类 on top: the category axis runs from the top, the value axis stays at the bottom.
    expect(/<c:catAx>[\s\S]*?<c:orientation val="maxMin"\/>/.test(xml)).toBe(true);
    // The figures as the table prints them, on the bars; no legend for a single series.
    expect(xml).toContain('formatCode="#,##0.00"');
    expect(xml).toContain('<c:showVal val="1"/>');
    expect(xml).not.toContain("<c:legend>");
    // Text in 宋体, drawn by the reader's application; Word's 编辑数据 has the figures.
    expect(xml).toContain('typeface="宋体"');
    expect(files.some((f) => f.startsWith("word/embeddings/") && f.endsWith(".xlsx"))).toBe(true);
  });

  test("gives every bar a line of its own, and describes the chart for screen readers", () => {
    expect(chartHeight(10)).toBeGreaterThan(chartHeight(5));
    expect(chartHeight(0)).toBe(chartHeight(1));
    expect(chartDescription(BARS.slice(0, 2))).toBe(
      "201 一般公共服务支出 1098.11万元；208 社会保障和就业支出 31.82万元"
    );
  });
});

describe("expenditureByClass", () => {
  test("reads the 类 rows of the 一般公共预算支出表, leaving out zero rows", () => {
    const bars = expenditureByClass(smallSpec());
    expect(bars.map((b) => [b.code, b.name, b.value.toFixed(2)])).toEqual([
      ["201", "一般公共服务支出", "100.25"],
      ["221", "=SUM(A1)", "30.25"],
    ]);
  });

  test.each([
    ["tunliu-2024", ["201", "208", "210", "213", "221"], "2497.00"],
    ["quyang-2024", ["201", "206", "208", "210", "213", "221"], "33.56"],
  ])("finds the 类 of the published %s table", async (name, codes, agriculture) => {
    const spec = generalBudgetExpenditureSpec(await specsFromWorkbook(fixturePath(name)))!;
    const bars = expenditureByClass(spec);
    expect(bars.map((b) => b.code)).toEqual(codes);
    expect(bars.find((b) => b.code === "213")!.value.toFixed(2)).toBe(agriculture);
  });
});
