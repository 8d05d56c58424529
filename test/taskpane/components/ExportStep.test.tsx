/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { ExportedFile } from "../../../src/taskpane/actions";
import { renderPane } from "./renderPane";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const TUNLIU = "中共长治市屯留区委组织部-2024-部门预算公开";

async function openExportStep(...args: Parameters<typeof renderPane>) {
  const rendered = await renderPane(...args);
  fireEvent.click(screen.getByRole("tab", { name: "导出" }));
  await screen.findByRole("heading", { name: "导出公开文件" });
  return rendered;
}

const button = (name: string) => screen.getByRole("button", { name });
const isDisabled = (element: HTMLElement) => element.getAttribute("aria-disabled") === "true";

describe("导出", () => {
  test("downloads the xlsx through the injected download function", async () => {
    const { download } = await openExportStep("tunliu-2024");
    fireEvent.click(button("下载 xlsx"));
    // tunliu's tables are rebuilt from its most detailed figures: the status says how many
    // figures are printed differently, and the list under it names each with old and new value.
    const status = await screen.findByText(/^已下载 .*\.xlsx。/);
    expect(status.textContent).toMatch(
      new RegExp(`^已下载 ${TUNLIU}\\.xlsx。有 (\\d+) 个数字与原表不同，见下方列表。$`)
    );
    const count = Number(/有 (\d+) 个数字/.exec(status.textContent!)![1]);
    const list = screen.getByRole("region", { name: `与原表不同的数字（${count} 处）` });
    expect(list.querySelectorAll("li")).toHaveLength(count);
    expect(list.textContent).toContain(
      "【支出总表】C7 “201 一般公共服务支出”的“合计”：1,813.51 → 1,813.52（+0.01）"
    );
    expect(download).toHaveBeenCalledTimes(1);
    const file: ExportedFile = download.mock.calls[0][0];
    expect(file.fileName).toBe(`${TUNLIU}.xlsx`);
    expect(file.mimeType).toMatch(/spreadsheetml/);
    expect([...file.bytes.slice(0, 4)]).toEqual(ZIP);
  });

  test("downloads the docx", async () => {
    const { download } = await openExportStep("tunliu-2024");
    fireEvent.click(button("下载 docx"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const file: ExportedFile = download.mock.calls[0][0];
    expect(file.fileName).toBe(`${TUNLIU}.docx`);
    expect([...file.bytes.slice(0, 4)]).toEqual(ZIP);
  });

  test("opens the xlsx as a new workbook", async () => {
    const { host, download } = await openExportStep("tunliu-2024");
    fireEvent.click(button("以新工作簿打开 xlsx"));
    await waitFor(() => expect(host.createWorkbookFromXlsx).toHaveBeenCalledTimes(1));
    expect(host.createWorkbookFromXlsx.mock.calls[0][0]).toMatch(/^UEsDB/);
    expect(download).not.toHaveBeenCalled();
    const status = await screen.findByText(/^已在新工作簿中打开 /);
    expect(status.textContent).toMatch(
      new RegExp(`^已在新工作簿中打开 ${TUNLIU}\\.xlsx。有 \\d+ 个数字与原表不同`)
    );
  });

  test("names the files the export writes", async () => {
    await openExportStep("tunliu-2024");
    expect(screen.getByText(`${TUNLIU}.xlsx`)).toBeTruthy();
    expect(screen.getByText(`${TUNLIU}.docx`)).toBeTruthy();
  });

  test("is disabled with the reason while the workbook has errors, until overridden", async () => {
    const { download } = await openExportStep("quyang-2024");
    const reason = screen.getByText(/^工作簿有 2 个错误，暂不能导出/);
    for (const name of ["以新工作簿打开 xlsx", "下载 xlsx", "下载 docx"]) {
      expect(isDisabled(button(name))).toBe(true);
      expect(button(name).getAttribute("aria-describedby")).toBe(reason.id);
    }
    fireEvent.click(button("下载 docx"));
    expect(download).not.toHaveBeenCalled();

    fireEvent.click(screen.getByLabelText("仍要导出（我已核对这些错误）"));
    expect(isDisabled(button("下载 docx"))).toBe(false);
    expect(screen.getByText("注意：工作簿有 2 个错误，请核对后再公开。")).toBeTruthy();
    fireEvent.click(button("下载 docx"));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0][0].fileName).toBe(
      "中国共产党曲阳县委员会组织部-2024-部门预算公开.docx"
    );
  });

  test("says why an export failed", async () => {
    const { host } = await openExportStep("tunliu-2024");
    host.createWorkbookFromXlsx.mockRejectedValueOnce(new Error("此版本的 Excel 不支持"));
    fireEvent.click(button("以新工作簿打开 xlsx"));
    expect(await screen.findByText("导出失败：此版本的 Excel 不支持")).toBeTruthy();
  });
});
