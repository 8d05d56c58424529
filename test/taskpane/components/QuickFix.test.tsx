/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import "../../setup/jsdom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { plantCells } from "../../helpers/fixtures";
import { renderPane } from "./renderPane";

const fixButton = (address: string) => screen.queryByRole("button", { name: `修正 ${address}` });
const dialog = () => screen.findByRole("dialog");

describe("修正 and 撤销 in the pane", () => {
  test("shows the cell, its value and the new value, writes only after 确认修正, and 撤销 puts it back", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!D7": [719.94, 717.94] });
    const { host } = await renderPane(grids);

    // 取消 writes nothing.
    fireEvent.click(fixButton("支出总表!D7")!);
    let shown = within(await dialog());
    await shown.findByRole("button", { name: "确认修正" });
    expect(shown.getByRole("heading", { name: "修正 支出总表!D7" })).toBeTruthy();
    const row = shown.getByRole("row", { name: /支出总表!D7/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["719.94", "717.94"]);
    fireEvent.click(shown.getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.writeCells).not.toHaveBeenCalled();

    // 确认修正 writes that one cell, and the check that follows no longer finds the mistake.
    fireEvent.click(await screen.findByRole("button", { name: "修正 支出总表!D7" }));
    shown = within(await dialog());
    fireEvent.click(await shown.findByRole("button", { name: "确认修正" }));
    await screen.findByText("已修正 1 个单元格，并已重新检查。");
    expect(host.writeCells).toHaveBeenCalledTimes(1);
    expect(host.writeCells).toHaveBeenCalledWith([
      { sheet: "支出总表", cell: "D7", from: 719.94, to: 717.94 },
    ]);
    await waitFor(() => expect(fixButton("支出总表!D7")).toBeNull());
    expect(host.readWorkbook).toHaveBeenCalledTimes(2);

    // The dialog has closed (until then Fluent hides the rest of the pane from the accessibility tree).
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // 撤销 restores what the host reported the cell held, and the finding is back.
    const undoList = within(await screen.findByRole("region", { name: "本次修正（1）" }));
    expect(undoList.getByText("支出总表!D7：719.94 → 717.94")).toBeTruthy();
    fireEvent.click(undoList.getByRole("button", { name: "撤销：支出总表!D7：719.94 → 717.94" }));
    await screen.findByText(/^已撤销：/);
    expect(host.restoreCells).toHaveBeenCalledWith([
      { sheet: "支出总表", cell: "D7", value: 719.94, numberFormat: "General" },
    ]);
    await waitFor(() => expect(fixButton("支出总表!D7")).not.toBeNull());
    expect(screen.queryByRole("region", { name: /本次修正/ })).toBeNull();
  });

  test("does not offer a fix that would bring a new error, and writes nothing", async () => {
    const grids = await plantCells("quyang-2024", {
      "支出总表!D8": [719.94, 717.94],
      "支出总表!D7": [719.94, 717.94],
    });
    const { host } = await renderPane(grids);
    fireEvent.click(fixButton("支出总表!D8")!);
    const shown = within(await dialog());
    await shown.findByText(/不能自动修正：写入后会产生新的错误/);
    expect(shown.queryByRole("button", { name: "确认修正" })).toBeNull();
    fireEvent.click(shown.getByRole("button", { name: "关闭" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.writeCells).not.toHaveBeenCalled();
  });

  test("全部修正 lists every cell of one rule first, then writes them in one request", async () => {
    const { host } = await renderPane("tunliu-2024");
    const fixAll = screen.getByRole("button", { name: /^全部修正：上级科目等于下级科目之和/ });
    fireEvent.click(fixAll);
    const shown = within(await dialog());
    await shown.findByRole("button", { name: "确认修正" });
    const rows = shown.getAllByRole("row").slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(host.writeCells).not.toHaveBeenCalled();
    fireEvent.click(shown.getByRole("button", { name: "确认修正" }));
    await screen.findByText(`已修正 ${rows.length} 个单元格，并已重新检查。`);
    expect(host.writeCells).toHaveBeenCalledTimes(1);
    expect(host.writeCells.mock.calls[0][0]).toHaveLength(rows.length);
  });

  test("offers no 修正 when the page is only a preview outside Excel", async () => {
    const grids = await plantCells("quyang-2024", { "支出总表!D7": [719.94, 717.94] });
    await renderPane(grids, { inExcel: false });
    expect(fixButton("支出总表!D7")).toBeNull();
    expect(screen.queryByRole("button", { name: /^全部修正/ })).toBeNull();
  });
});
