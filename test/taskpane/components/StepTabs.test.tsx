/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { StepTabs, tabAfterKey } from "../../../src/taskpane/components/StepTabs";

const TABS = [
  { value: "check", label: "检查", id: "tab-check" },
  { value: "generate", label: "生成公开表", id: "tab-generate" },
  { value: "export", label: "导出", id: "tab-export" },
] as const;

function renderTabs(selected: (typeof TABS)[number]["value"] = "check") {
  const onSelect = jest.fn();
  render(<StepTabs tabs={TABS} selected={selected} label="步骤" onSelect={onSelect} />);
  const tabs = TABS.map((tab) => screen.getByRole("tab", { name: tab.label }));
  return { onSelect, tabs };
}

test("is a labelled tab list, the selected tab marked and the only tab stop", () => {
  const { tabs } = renderTabs("generate");
  const list = screen.getByRole("tablist", { name: "步骤" });
  expect(within(list).getAllByRole("tab")).toEqual(tabs);
  expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["false", "true", "false"]);
  expect(tabs.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
  expect(tabs.map((t) => t.id)).toEqual(["tab-check", "tab-generate", "tab-export"]);
});

test("arrow keys move the focus around the list without selecting; a click selects", () => {
  const { onSelect, tabs } = renderTabs("check");
  tabs[0].focus();
  fireEvent.keyDown(tabs[0], { key: "ArrowRight" });
  expect(document.activeElement).toBe(tabs[1]);
  fireEvent.keyDown(tabs[1], { key: "ArrowRight" });
  fireEvent.keyDown(tabs[2], { key: "ArrowRight" });
  expect(document.activeElement).toBe(tabs[0]);
  fireEvent.keyDown(tabs[0], { key: "ArrowLeft" });
  expect(document.activeElement).toBe(tabs[2]);
  expect(onSelect).not.toHaveBeenCalled();
  fireEvent.click(tabs[2]);
  expect(onSelect).toHaveBeenCalledWith("export");
});

test("Home and End go to the first and last tab; other keys are left alone", () => {
  expect(tabAfterKey("Home", 2, 3)).toBe(0);
  expect(tabAfterKey("End", 0, 3)).toBe(2);
  expect(tabAfterKey("ArrowLeft", 0, 3)).toBe(2);
  expect(tabAfterKey("ArrowRight", 2, 3)).toBe(0);
  expect(tabAfterKey("Enter", 1, 3)).toBeUndefined();
  expect(tabAfterKey("ArrowDown", 1, 3)).toBeUndefined();
});
