import { createProgress, progressLine } from "../../src/cli/progress";

describe("progress", () => {
  test("the bar, the count and the file", () => {
    expect(progressLine(3, 12, "data/曲阳.xlsx")).toBe(
      "检查中 [######------------------] 3/12 data/曲阳.xlsx"
    );
    expect(progressLine(12, 12, "x.xlsx")).toContain("[########################] 12/12");
  });

  test("a long path keeps its end and fits the terminal", () => {
    const line = progressLine(1, 2, "/very/long/path/".repeat(10) + "最后的文件.xlsx", 60);
    expect(line.endsWith("最后的文件.xlsx")).toBe(true);
    expect(line).toContain("…");
    const width = [...line].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(width).toBeLessThan(60);
  });

  test("redraws in place, throttled, always drawing the last tick, and erases itself", () => {
    const written: string[] = [];
    const progress = createProgress(3, { write: (t: string) => written.push(t) }, 60_000);
    progress.tick("a.xlsx");
    progress.tick("b.xlsx"); // within the interval: skipped
    progress.tick("c.xlsx"); // the last one: drawn
    progress.done();
    expect(written).toEqual([
      "\r\x1b[2K" + progressLine(1, 3, "a.xlsx"),
      "\r\x1b[2K" + progressLine(3, 3, "c.xlsx"),
      "\r\x1b[2K",
    ]);
  });

  test("nothing to erase when nothing was drawn", () => {
    const written: string[] = [];
    createProgress(3, { write: (t: string) => written.push(t) }).done();
    expect(written).toEqual([]);
  });
});
