/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { Caption1 } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { WholeLabel } from "../../../src/taskpane/components/WholeLabel";

test("the whole name is its text and its tooltip, marked for the 320 px measurement", () => {
  const { container } = render(<WholeLabel text="2024年部门预算公开表（曲阳县）.xlsx" />);
  const label = container.firstElementChild as HTMLElement;
  expect(label.tagName).toBe("SPAN");
  expect(label.textContent).toBe("2024年部门预算公开表（曲阳县）.xlsx");
  expect(label.title).toBe("2024年部门预算公开表（曲阳县）.xlsx");
  expect(label.getAttribute("data-label")).toBe("true");
});

test("it is the element or component asked for, its own class kept beside the shared one", () => {
  const dd = render(<WholeLabel as="dd" className="own" text="部门" />).container
    .firstElementChild as HTMLElement;
  expect(dd.tagName).toBe("DD");
  expect(dd.classList.contains("own")).toBe(true);
  expect(dd.classList.length).toBeGreaterThan(1);

  const caption = render(<WholeLabel as={Caption1} text="文件" />).container
    .firstElementChild as HTMLElement;
  expect(caption.classList.contains("fui-Caption1")).toBe(true);
  expect(caption.title).toBe("文件");
});
