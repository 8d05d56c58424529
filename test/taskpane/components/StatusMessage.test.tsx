/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { StatusMessage } from "../../../src/taskpane/components/StatusMessage";

function renderIn(node: React.ReactNode) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

test("a title, the text and one bullet per detail, in that order", () => {
  const { container } = renderIn(
    <StatusMessage intent="error" title="无法读取" lines={["第一行", "第二行"]}>
      文件已损坏。
    </StatusMessage>
  );
  const body = container.querySelector(".fui-MessageBarBody")!;
  expect(body.textContent).toBe("无法读取文件已损坏。第一行第二行");
  expect(
    within(body as HTMLElement)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["第一行", "第二行"]);
  expect(container.querySelector("[data-label]")).toBeNull();
});

test("no list without details; names wrap at separators, on the lines or on the body", () => {
  const plain = renderIn(
    <StatusMessage intent="warning" lines={[]}>
      只有正文
    </StatusMessage>
  );
  expect(plain.container.querySelector("ul")).toBeNull();
  plain.unmount();

  const lines = renderIn(<StatusMessage intent="warning" lines={["收入总表"]} names />);
  expect(screen.getByRole("listitem").getAttribute("data-label")).toBe("true");
  expect(lines.container.querySelector(".fui-MessageBarBody")!.hasAttribute("data-label")).toBe(
    false
  );
  lines.unmount();

  const body = renderIn(
    <StatusMessage intent="success" names>
      已导出 部门.xlsx
    </StatusMessage>
  );
  expect(body.container.querySelector(".fui-MessageBarBody")!.getAttribute("data-label")).toBe(
    "true"
  );
});
