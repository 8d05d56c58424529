/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadFixture } from "../../helpers/fixtures";
import { deferred } from "../fakeHost";
import { renderPane } from "./renderPane";

describe("检查", () => {
  test("shows the detected department, year, template and tables", async () => {
    await renderPane("tunliu-2024");
    const facts = screen.getByRole("region", { name: "识别结果" });
    expect(within(facts).getByText("中共长治市屯留区委组织部")).toBeTruthy();
    expect(within(facts).getByText("2024")).toBeTruthy();
    expect(within(facts).getByText("山西（自动识别）")).toBeTruthy();
    expect(screen.getByText("必备公开表齐全（13 张）")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "已识别的表（13）" }));
    expect(screen.getByText("预算收支总表：工作表“收支总表”")).toBeTruthy();
  });

  test("counts the findings per severity", async () => {
    await renderPane("quyang-2024");
    const counts = screen.getByRole("list", { name: "检查结果数量" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(["错误 2", "警告 1", "提示 1"]);
    expect(screen.getByRole("button", { name: /错误（2）/ }).getAttribute("aria-expanded")).toBe(
      "true"
    );
  });

  test("shows a clear empty state when all is well, the rounding notes folded", async () => {
    await renderPane("tunliu-2024");
    expect(screen.getByText("未发现错误或警告")).toBeTruthy();
    expect(screen.getByText("另有 19 处舍入差异，已折叠在下方。")).toBeTruthy();
    const rounding = screen.getByRole("button", { name: /舍入差异（19）/ });
    expect(rounding.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText(/“20132 组织事务”的“基本支出”为 217.39/)).toBeNull();
    fireEvent.click(rounding);
    expect(rounding.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText(/“20132 组织事务”的“基本支出”为 217.39/)).toBeTruthy();
  });

  test("an extract is 部分检查, with what was not checked, never the all-clear", async () => {
    const grids = (await loadFixture("tunliu-2024")).filter((g) =>
      ["收支总表", "支出总表", "三公经费"].includes(g.sheet)
    );
    await renderPane(grids);
    expect(screen.queryByText("未发现错误或警告")).toBeNull();
    expect(screen.queryByText(/通过了全部/)).toBeNull();
    expect(screen.getByText("部分检查")).toBeTruthy();
    expect(screen.getByText("已检查的部分未发现错误或警告；未检查的部分不能算通过。")).toBeTruthy();
    expect(
      screen.getByText(/^摘录：只检查了 3 张表（收支总表、支出总表、三公经费表）；10 张/)
    ).toBeTruthy();
  });

  test("clicking a finding selects its cell in Excel", async () => {
    const { host } = await renderPane("quyang-2024");
    fireEvent.click(screen.getByRole("button", { name: /^B8 绩效目标表“考核专项公用项目经费”/ }));
    expect(host.selectCell).toHaveBeenCalledWith("绩效目标", "B8");
  });

  test("a finding between two tables links to both cells", async () => {
    const { host } = await renderPane("tunliu-2024");
    fireEvent.click(screen.getByRole("button", { name: /舍入差异（19）/ }));
    fireEvent.click(
      screen.getByRole("button", { name: /^C7 舍入差异：“201 一般公共服务支出”类支出/ })
    );
    expect(host.selectCell).toHaveBeenLastCalledWith("收入总表", "C7");
    fireEvent.click(screen.getAllByRole("button", { name: "在 Excel 中选中 支出总表!C7" })[0]);
    expect(host.selectCell).toHaveBeenLastCalledWith("支出总表", "C7");
  });

  test("says so when the cell cannot be selected", async () => {
    const { host } = await renderPane("quyang-2024");
    host.selectCell.mockRejectedValueOnce(new Error("找不到工作表"));
    fireEvent.click(screen.getByRole("button", { name: /^C232 / }));
    expect(await screen.findByText("无法选中 绩效目标!C232：找不到工作表")).toBeTruthy();
  });

  test("filters the findings by severity and by sheet", async () => {
    await renderPane("quyang-2024");
    expect(screen.getByRole("button", { name: /警告（1）/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("按级别筛选"), { target: { value: "error" } });
    expect(screen.queryByRole("button", { name: /警告（1）/ })).toBeNull();
    expect(screen.getByRole("button", { name: /错误（2）/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("按工作表筛选"), { target: { value: "绩效目标" } });
    expect(screen.getByRole("button", { name: /错误（2）/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("按级别筛选"), { target: { value: "all" } });
    expect(screen.getByRole("button", { name: /警告（1）/ })).toBeTruthy();
  });

  test("re-checks the workbook on request", async () => {
    const { host } = await renderPane("tunliu-2024");
    const reading = deferred<never>();
    host.readWorkbook.mockReturnValueOnce(reading.promise);
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    expect(host.readWorkbook).toHaveBeenCalledTimes(2);
    expect(await screen.findByText("正在读取并检查工作簿…")).toBeTruthy();
    reading.reject(new Error("连接已断开"));
    expect(await screen.findByText("无法读取工作簿：连接已断开")).toBeTruthy();
    // The earlier result stays on screen.
    expect(screen.getByText("中共长治市屯留区委组织部")).toBeTruthy();
  });

  test("folds a group on request", async () => {
    await renderPane("quyang-2024");
    const errors = screen.getByRole("button", { name: /错误（2）/ });
    fireEvent.click(errors);
    await waitFor(() => expect(errors.getAttribute("aria-expanded")).toBe("false"));
  });
});
