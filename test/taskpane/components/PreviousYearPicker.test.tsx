/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/*
 * The 上年公开文件 picker through the whole pane: last year's file is a real .xlsx built in the test
 * (a ledger with the 2023 figures quyang's own 情况说明 implies: 基本 313.54, 三公 1.20, 项目
 * 625.48), picked through the file input, read in the pane, paired with quyang 2024, remembered in
 * the document settings, and used by the check.
 */
import "../../setup/jsdom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { SheetSpec } from "../../../src/core/format/sheetSpec";
import type { Grid } from "../../../src/core/grid";
import { readPreviousDisclosure } from "../../../src/core/previous/read";
import { storePrevious } from "../../../src/core/previous/stored";
import { App } from "../../../src/taskpane/App";
import { PREVIOUS_SETTING } from "../../../src/taskpane/previousYear";
import type { DocumentSettings } from "../../../src/taskpane/previousYear";
import { loadFixture } from "../../helpers/fixtures";
import { quyangWithComparison } from "../../helpers/previousYear";
import { ledgerGrids, xlsxOf } from "../../helpers/previousYear";
import { fakeHost } from "../fakeHost";

const QUYANG = "中国共产党曲阳县委员会组织部";

/** quyang 2023 as its 2024 情况说明 tells it, as the .xlsx a clerk would pick. */
function quyang2023Grids(year = 2023): Grid[] {
  return ledgerGrids({ name: QUYANG, code: "203", year, unitNature: "行政" }, [
    { functionCode: "2013201", economicCode: "30101", kind: "人员经费", amount: 282.34 },
    { functionCode: "2013201", economicCode: "30201", kind: "公用经费", amount: 30 },
    { functionCode: "2013201", economicCode: "30231", kind: "公用经费", amount: 1.2 },
    {
      functionCode: "2013202",
      economicCode: "30299",
      kind: "项目支出",
      amount: 625.48,
      projectName: "人才发展专项公用项目经费",
    },
  ]);
}

async function quyang2023File(name = "曲阳2023.xlsx", year = 2023): Promise<File> {
  return new File([new Uint8Array(await xlsxOf(quyang2023Grids(year)))], name);
}

/** Office's settings as a workbook keeps them: what saveAsync wrote is what the next open reads. */
function fakeSettings(initial: Record<string, unknown> = {}) {
  const live: Record<string, unknown> = { ...initial };
  const saved: Record<string, unknown> = { ...initial };
  const settings: DocumentSettings = {
    get: (name) => live[name],
    set: (name, value) => void (live[name] = value),
    remove: (name) => void delete live[name],
    saveAsync: (callback) => {
      for (const key of Object.keys(saved)) delete saved[key];
      for (const [k, v] of Object.entries(live)) saved[k] = JSON.parse(JSON.stringify(v));
      callback?.({ status: "succeeded" });
    },
  };
  return { settings, saved };
}

async function renderWithSettings(grids: readonly Grid[], settings?: DocumentSettings) {
  const host = fakeHost(grids);
  const view = render(<App host={host} download={jest.fn()} settings={settings} />);
  await screen.findByRole("button", { name: "重新检查" });
  return { host, ...view };
}

function pickFile(file: File) {
  fireEvent.change(screen.getByLabelText("选择上年公开文件…"), { target: { files: [file] } });
}

const previousFacts = () => screen.getByLabelText("上年公开文件", { selector: "dl" });

const WRONG_B8 =
  /“三公”经费表“公务用车运行维护费”的“2023年预算数”为 1\.50，而上年公开文件“曲阳2023\.xlsx”公开的为 1\.20/;
const COMPARISON = "“三公”经费比上年增减";

describe("上年公开文件", () => {
  test("a picked file is read in the pane, paired with this workbook and remembered", async () => {
    const { settings, saved } = fakeSettings();
    const { host } = await renderWithSettings(await loadFixture("quyang-2024"), settings);
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
    pickFile(await quyang2023File());
    expect(await screen.findByText(/^已与本年工作簿配对/)).toBeTruthy();
    const facts = previousFacts();
    expect(within(facts).getByText("曲阳2023.xlsx")).toBeTruthy();
    expect(within(facts).getByText(QUYANG)).toBeTruthy();
    expect(within(facts).getByText("2023")).toBeTruthy();
    // Checked again, now with last year.
    expect(host.readWorkbook).toHaveBeenCalledTimes(2);
    // Kept with the workbook: the extraction, with the file's name.
    const stored = saved[PREVIOUS_SETTING] as {
      source: string;
      year: number;
      lastYear: Record<string, string>;
    };
    expect(stored).toMatchObject({ source: "曲阳2023.xlsx", year: 2023 });
    expect(stored.lastYear.expenditureTotal).toBe("939.02");
  });

  test("a file of the wrong year is shown with the check's finding", async () => {
    const { settings, saved } = fakeSettings();
    await renderWithSettings(await loadFixture("quyang-2024"), settings);
    pickFile(await quyang2023File("曲阳2022.xlsx", 2022));
    expect(await screen.findByText(/^上年公开文件与本年工作簿不匹配/)).toBeTruthy();
    expect(
      screen.getAllByText(
        "上年公开文件“曲阳2022.xlsx”是 2022 年的预算，而本年为 2024 年，上年文件应为 2023 年；未与之比较。"
      ).length
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/^已与本年工作簿配对/)).toBeNull();
    // (It is remembered all the same: the clerk sees the finding each time until it is replaced.)
    expect(saved[PREVIOUS_SETTING]).toMatchObject({ year: 2022 });
  });

  test("a file that is no workbook says why, in Chinese", async () => {
    await renderWithSettings(await loadFixture("quyang-2024"), fakeSettings().settings);
    pickFile(new File(["部门预算"], "说明.xlsx"));
    expect(
      await screen.findByText(
        "无法读取“说明.xlsx”：不是 .xlsx 工作簿或 .docx 文档（文件内容不是这两种格式）"
      )
    ).toBeTruthy();
  });

  test("the file remembered with the workbook is shown on opening and used by the first check", async () => {
    const previous = readPreviousDisclosure(quyang2023Grids(), {
      source: "曲阳2023.xlsx",
    }).previous!;
    const { settings } = fakeSettings({ [PREVIOUS_SETTING]: storePrevious(previous) });
    // A planted wrong 上年 figure (B8 1.50 where last year published 1.20) is found at once.
    const { host } = await renderWithSettings(
      await quyangWithComparison([1.2, 0, 1.2, 0, 1.5, 0]),
      settings
    );
    expect(within(previousFacts()).getByText("曲阳2023.xlsx")).toBeTruthy();
    expect(screen.getByText(/^已与本年工作簿配对/)).toBeTruthy();
    expect(screen.getByText(WRONG_B8)).toBeTruthy();
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
  });

  test("移除 forgets it, in the pane and in the workbook", async () => {
    const previous = readPreviousDisclosure(quyang2023Grids(), {
      source: "曲阳2023.xlsx",
    }).previous!;
    const { settings, saved } = fakeSettings({ [PREVIOUS_SETTING]: storePrevious(previous) });
    await renderWithSettings(await loadFixture("quyang-2024"), settings);
    fireEvent.click(screen.getByRole("button", { name: "移除" }));
    await waitFor(() => expect(screen.queryByText("曲阳2023.xlsx")).toBeNull());
    expect(saved[PREVIOUS_SETTING]).toBeUndefined();
    expect(screen.queryByRole("button", { name: "移除" })).toBeNull();
  });

  test("a planted wrong 上年 figure is an error of the check once last year's file is picked", async () => {
    // 公务用车运行维护费 上年 (B8) 1.50, where last year's file published 1.20.
    await renderWithSettings(await quyangWithComparison([1.2, 0, 1.2, 0, 1.5, 0]));
    expect(screen.queryByText(WRONG_B8)).toBeNull();
    pickFile(await quyang2023File());
    expect(await screen.findByText(WRONG_B8)).toBeTruthy();
  });

  test("生成公开表 with last year's file adds the 三公 comparison, filled from it", async () => {
    const { host } = await renderWithSettings(await loadFixture("quyang-2024"));
    pickFile(await quyang2023File());
    await screen.findByText(/^已与本年工作簿配对/);
    fireEvent.click(screen.getByRole("tab", { name: "生成公开表" }));
    fireEvent.click(await screen.findByRole("button", { name: "生成公开表" }));
    await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(1));
    const [specs] = host.writeSheets.mock.calls[0] as [SheetSpec[]];
    const comparison = specs.find((spec) => spec.sheetName === COMPARISON)!;
    expect(comparison).toBeDefined();
    // Its 合计 row: last year's file published 1.20, this year 1.20, so 增减 0 and 增减率 0.
    const totalRow = comparison.cells
      .filter((cell) => cell.row === 3)
      .map((cell) => (cell.value.kind === "amount" ? cell.value.value.toString() : cell.value));
    expect(totalRow).toEqual([{ kind: "text", text: "合计" }, "1.2", "1.2", "0", "0"]);
  });

  test("生成公开表 without last year's file has no comparison form", async () => {
    const { host } = await renderWithSettings(await loadFixture("quyang-2024"));
    fireEvent.click(screen.getByRole("tab", { name: "生成公开表" }));
    fireEvent.click(await screen.findByRole("button", { name: "生成公开表" }));
    await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(1));
    const [specs] = host.writeSheets.mock.calls[0] as [SheetSpec[]];
    expect(specs.map((spec) => spec.sheetName)).not.toContain(COMPARISON);
  });
});
