/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { render, screen, within } from "@testing-library/react";
import { HeadedList } from "../../../src/taskpane/components/HeadedList";

test("a section named by its heading, one item each", () => {
  render(<HeadedList id="notes-heading" heading="说明" items={["甲", "乙"]} />);
  const section = screen.getByRole("region", { name: "说明" });
  expect(within(section).getByRole("heading", { level: 3 }).id).toBe("notes-heading");
  expect(section.querySelector("ul")).not.toBeNull();
  const items = within(section).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual(["甲", "乙"]);
  expect(items.some((li) => li.hasAttribute("data-label"))).toBe(false);
});

test("numbered when ordered; items that name things are marked for the 320 px measurement", () => {
  const { container } = render(
    <HeadedList id="changes-heading" heading="修改" items={["收入总表!C6"]} ordered names />
  );
  expect(container.querySelector("ul")).toBeNull();
  expect(container.querySelector("ol li")!.getAttribute("data-label")).toBe("true");
});
