/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, render, screen } from "@testing-library/react";
import { Disclosure } from "../../../src/taskpane/components/Disclosure";

test("its heading holds a button that opens and closes the panel, closed by default", () => {
  render(
    <Disclosure heading="已识别的表（2）">
      <p>收支总表</p>
    </Disclosure>
  );
  const button = screen.getByRole("button", { name: "已识别的表（2）" });
  expect(screen.getByRole("heading", { level: 3, name: "已识别的表（2）" })).toBeTruthy();
  expect(button.getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryByText("收支总表")).toBeNull();
  fireEvent.click(button);
  expect(button.getAttribute("aria-expanded")).toBe("true");
  expect(screen.getByText("收支总表")).toBeTruthy();
  fireEvent.click(button);
  expect(screen.queryByText("收支总表")).toBeNull();
});

test("held by its caller: shows what it is told and asks to change", () => {
  const onOpenChange = jest.fn();
  const { rerender } = render(
    <Disclosure heading="错误（2）" as="h4" open onOpenChange={onOpenChange}>
      <p>差额</p>
    </Disclosure>
  );
  const button = screen.getByRole("button", { name: "错误（2）" });
  expect(screen.getByRole("heading", { level: 4 })).toBeTruthy();
  expect(screen.getByText("差额")).toBeTruthy();
  fireEvent.click(button);
  expect(onOpenChange).toHaveBeenCalledWith(false);
  // Still open until the caller says otherwise.
  expect(button.getAttribute("aria-expanded")).toBe("true");
  rerender(
    <Disclosure heading="错误（2）" as="h4" open={false} onOpenChange={onOpenChange}>
      <p>差额</p>
    </Disclosure>
  );
  expect(screen.queryByText("差额")).toBeNull();
  fireEvent.click(button);
  expect(onOpenChange).toHaveBeenLastCalledWith(true);
});
