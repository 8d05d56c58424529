/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import { App } from "../../../src/taskpane/App";
import { outputSheetNames } from "../../../src/taskpane/disclosure";
import { createOfficeHost } from "../../../src/taskpane/excel/officeHost";
import { loadFixture } from "../../helpers/fixtures";
import { createMemoryExcel } from "../../support/memoryExcel";
import { renderPane } from "./renderPane";

/** Every control that takes input has a name a screen reader can announce. */
function unlabelledControls(root: HTMLElement): string[] {
  const named = (element: Element) => {
    const labelledBy = element.getAttribute("aria-labelledby");
    const byReference = labelledBy
      ?.split(/\s+/)
      .map((id) => root.ownerDocument.getElementById(id)?.textContent?.trim())
      .some(Boolean);
    const labels = (element as HTMLInputElement).labels;
    return Boolean(
      element.getAttribute("aria-label")?.trim() ||
      byReference ||
      (labels && [...labels].some((l) => l.textContent?.trim())) ||
      (element.tagName === "BUTTON" && element.textContent?.trim())
    );
  };
  return [...root.querySelectorAll("button, select, input, textarea, [role=tab]")]
    .filter((element) => !named(element))
    .map((element) => element.outerHTML.slice(0, 120));
}

describe("the pane", () => {
  test("speaks Chinese by default and offers the three steps", async () => {
    await renderPane("tunliu-2024");
    const tablist = within(screen.getByRole("tablist", { name: "步骤" }));
    const tabs = ["检查", "生成公开表", "导出"].map((name) => tablist.getByRole("tab", { name }));
    expect(tablist.getAllByRole("tab")).toEqual(tabs);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false"]);
    expect(screen.getByRole("tabpanel", { name: "检查" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "部门预算公开助手" })).toBeTruthy();
  });

  test("speaks English when Office's display language is English", async () => {
    const { host } = await renderPane("tunliu-2024", { language: "en-US" });
    expect(host.displayLanguage).toHaveBeenCalled();
    const tablist = within(screen.getByRole("tablist", { name: "Steps" }));
    const tabs = ["Check", "Build tables", "Export"].map((name) =>
      tablist.getByRole("tab", { name })
    );
    expect(tablist.getAllByRole("tab")).toEqual(tabs);
    expect(screen.getByText("Department")).toBeTruthy();
    expect(screen.getByText("Shanxi (detected)")).toBeTruthy();
    expect(screen.getByText("No errors or warnings")).toBeTruthy();
    fireEvent.click(tabs[1]);
    expect(await screen.findByLabelText("Table template")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build tables" })).toBeTruthy();
    fireEvent.click(tabs[2]);
    expect(screen.getByRole("button", { name: "Download docx" })).toBeTruthy();
  });

  test("labels every control on every step", async () => {
    const { container } = await renderPane("quyang-2024");
    for (const step of ["检查", "生成公开表", "导出"]) {
      fireEvent.click(screen.getByRole("tab", { name: step }));
      expect([step, unlabelledControls(container)]).toEqual([step, []]);
    }
  });

  test("has no accessibility violations axe can find without layout", async () => {
    const { container } = await renderPane("quyang-2024");
    for (const step of ["检查", "生成公开表", "导出"]) {
      fireEvent.click(screen.getByRole("tab", { name: step }));
      // Colour contrast needs real rendering; the e2e test checks it in Chromium.
      const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`);
      expect([step, violations]).toEqual([step, []]);
    }
  });

  test("checks the workbook as soon as it opens", async () => {
    const { host } = await renderPane("quyang-2024");
    expect(host.readWorkbook).toHaveBeenCalledTimes(1);
  });

  test("says when it is previewed outside Excel", async () => {
    await renderPane([], { inExcel: false });
    expect(screen.getByText("当前在浏览器中预览，未连接 Excel。")).toBeTruthy();
    expect(screen.getByText("未识别模板，无法判断缺少哪些公开表。")).toBeTruthy();
  });

  test("checks in 2 round trips to Excel, and knows the earlier output without a third", async () => {
    const grids = await loadFixture("tunliu-2024");
    const earlier = outputSheetNames("shanxi")[0];
    const memory = createMemoryExcel([
      ...grids,
      { sheet: earlier, origin: { row: 1, col: 1 }, values: [["表1"]], numberFormats: [] },
    ]);
    const host = createOfficeHost({ excel: memory.Excel, office: memory.Office });
    render(<App host={host} download={jest.fn()} />);
    await screen.findByRole("button", { name: "重新检查" });
    fireEvent.click(screen.getByRole("tab", { name: "生成公开表" }));
    expect(await screen.findByText("已存在，将替换")).toBeTruthy();
    // The sheet list and every sheet's contents: nothing more, however many sheets there are.
    expect(memory.syncCount()).toBe(2);
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    await waitFor(() => expect(memory.syncCount()).toBe(4));
    await screen.findByRole("button", { name: "重新检查" });
    expect(memory.syncCount()).toBe(4);
  });
});
