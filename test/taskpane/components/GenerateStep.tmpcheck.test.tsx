/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SUPPLEMENT_TEMPLATES, TEMPLATES } from "../../../src/core/templates";
import type { WorkbookHost, WriteResult } from "../../../src/taskpane/excel/host";
import { deferred } from "../fakeHost";
import { renderPane } from "./renderPane";

const SHANXI = TEMPLATES.shanxi.map((t) => t.sheetName);

async function openGenerateStep(...args: Parameters<typeof renderPane>) {
  const rendered = await renderPane(...args);
  fireEvent.click(screen.getByRole("tab", { name: "生成公开表" }));
  await screen.findByRole("heading", { name: "将创建的工作表（13）" });
  return rendered;
}

const sheetList = () =>
  within(screen.getByRole("region", { name: /将创建的工作表/ })).getAllByRole("listitem");

describe("生成公开表", () => {
  test("pre-selects the detected template and lists the sheets it creates", async () => {
    await openGenerateStep("tunliu-2024");
    const select = screen.getByLabelText("公开表模板") as HTMLSelectElement;
    expect(select.value).toBe("shanxi");
    expect(select.selectedOptions[0].textContent).toBe("山西（检测到）");
    expect(sheetList().map((li) => li.textContent)).toEqual(SHANXI);
  });

  test("lists another template's sheets when one is chosen", async () => {
    await openGenerateStep("tunliu-2024");
    fireEvent.change(screen.getByLabelText("公开表模板"), { target: { value: "hebei" } });
    const supplements = SUPPLEMENT_TEMPLATES.hebei.map((t) => t.sheetName);
    const heading = `将创建的工作表（${TEMPLATES.hebei.length + supplements.length}）`;
    expect(await screen.findByRole("heading", { name: heading })).toBeTruthy();
    // The supplementary tables say that they come only from the workbook's own tables.
    expect(sheetList().map((li) => li.textContent)).toEqual([
      ...TEMPLATES.hebei.map((t) => t.sheetName),
      ...supplements.map((name) => `${name}工作簿有相应的表时创建`),
    ]);
  });

  test("writes the sheets at once when none exists, then sums up what was created", async () => {
    const { host } = await openGenerateStep("tunliu-2024");
    fireEvent.click(screen.getByRole("button", { name: "生成公开表" }));
    expect(await screen.findByText("已生成 13 张表。")).toBeTruthy();
    expect(host.writeSheets).toHaveBeenCalledTimes(1);
    const [specs, options] = host.writeSheets.mock.calls[0];
    expect(specs).toHaveLength(13);
    expect(options.replace).toBe(false);
    expect(options.chart?.sheet).toBe("表5 一般公共预算支出表");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("asks before replacing earlier output, and replaces only after confirming", async () => {
    const existing = [SHANXI[0], SHANXI[2]];
    const { host } = await openGenerateStep("tunliu-2024", { existing });
    await waitFor(() => expect(screen.getAllByText("已存在，将替换")).toHaveLength(2));
    fireEvent.click(screen.getByRole("button", { name: "生成公开表" }));
    const dialog = await screen.findByRole("dialog", { name: "替换已有的表？" });
    expect(
      within(dialog)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual(existing);
    expect(host.writeSheets).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "替换" }));
    await waitFor(() => expect(host.writeSheets).toHaveBeenCalledTimes(1));
    expect(host.writeSheets.mock.calls[0][1].replace).toBe(true);
    expect(await screen.findByText("已生成 13 张表。")).toBeTruthy();
  });

  test("writes nothing when the replacement is cancelled", async () => {
    const { host } = await openGenerateStep("tunliu-2024", { existing: [SHANXI[0]] });
    fireEvent.click(screen.getByRole("button", { name: "生成公开表" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.writeSheets).not.toHaveBeenCalled();
  });

  test("shows progress while the sheets are written", async () => {
    const finished = deferred<WriteResult>();
    const write: WorkbookHost["writeSheets"] = (specs, options) => {
      options.onProgress?.({ done: 3, total: specs.length });
      return finished.promise;
    };
    await openGenerateStep("tunliu-2024", { write });
    fireEvent.click(screen.getByRole("button", { name: "生成公开表" }));
    expect(await screen.findByText("正在写入第 3/13 张表…")).toBeTruthy();
    const bar = screen.getByRole("progressbar", { name: "生成进度" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(3 / 13);
    expect(screen.getByRole("button", { name: "生成公开表" }).getAttribute("aria-disabled")).toBe(
      "true"
    );
    finished.resolve({ ok: true, created: SHANXI });
    expect(await screen.findByText("已生成 13 张表。")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  test("reports a failed write", async () => {
    const write: WorkbookHost["writeSheets"] = async () => ({ ok: false, message: "工作簿受保护" });
    await openGenerateStep("tunliu-2024", { write });
    fireEvent.click(screen.getByRole("button", { name: "生成公开表" }));
    expect(await screen.findByText("生成失败，已撤销新增的表：工作簿受保护")).toBeTruthy();
  });

  test("warns about the workbook's errors", async () => {
    await renderPane("quyang-2024");
    fireEvent.click(screen.getByRole("tab", { name: "生成公开表" }));
    expect(
      await screen.findByText("工作簿有 2 个错误，生成的表可能不准确，请先核对。")
    ).toBeTruthy();
  });
});
