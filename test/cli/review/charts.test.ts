import { barChart, donutChart, fitText, textWidthEm } from "../../../src/cli/review/charts";

describe("donutChart", () => {
  test("one slice per non-zero value, each with its share as a tooltip", () => {
    const svg = donutChart(
      [
        { label: "通过", value: 3, className: "fill-passed" },
        { label: "有错误", value: 1, className: "fill-errors" },
        { label: "无法读取", value: 0, className: "fill-unreadable" },
      ],
      { title: "状态分布", centerValue: "4", centerLabel: "个文件" }
    );
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain("<title>通过：3（75%）</title>");
    expect(svg).toContain("<title>有错误：1（25%）</title>");
    expect(svg).toContain('role="img" aria-label="状态分布"');
  });

  test("a single status fills the whole ring (an arc from a point to itself would draw nothing)", () => {
    const svg = donutChart([{ label: "通过", value: 5, className: "fill-passed" }], {
      title: "t",
      centerValue: "5",
      centerLabel: "个文件",
    });
    expect(svg).toContain('fill-rule="evenodd"');
    expect(svg).toContain("<title>通过：5（100%）</title>");
  });
});

describe("barChart", () => {
  test("the longest bar takes the room; a count of 1 still shows", () => {
    const svg = barChart(
      [
        { label: "甲", value: 300, valueText: "300", tip: "甲", className: "fill-error" },
        { label: "乙", value: 1, valueText: "1", tip: "乙", className: "fill-error" },
      ],
      { title: "各部门错误数", width: 640, labelWidth: 250 }
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(640 - 250 - 78 - 12);
    expect(widths[1]).toBeGreaterThanOrEqual(2);
  });

  test("labels are escaped and cut to fit, the full text kept in the tooltip", () => {
    const long = "<b>很长很长很长很长很长很长很长很长很长很长很长很长的部门名称</b>";
    const svg = barChart([{ label: long, value: 1, valueText: "1", tip: long, className: "x" }], {
      title: "t",
    });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain(`<title>&lt;b&gt;很长`);
    expect(svg).toMatch(/…<\/text>/);
  });
});

describe("fitText", () => {
  test("keeps text that fits, cuts text that does not and ends it with …", () => {
    expect(fitText("财政局", 3)).toBe("财政局");
    expect(fitText("财政局教育局", 4)).toBe("财政局…");
    expect(textWidthEm("ab")).toBeCloseTo(1.12);
  });
});
