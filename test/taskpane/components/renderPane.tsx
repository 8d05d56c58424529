import { act, render, screen } from "@testing-library/react";
import type { Grid } from "../../../src/core/grid";
import { App, loadLaterSteps } from "../../../src/taskpane/App";
import { loadFixture } from "../../helpers/fixtures";
import { fakeHost } from "../fakeHost";
import type { FakeHostOptions } from "../fakeHost";

/** Renders the pane over a fixture (or grids) and waits for the first check to finish. */
export async function renderPane(
  workbook: string | readonly Grid[],
  options: FakeHostOptions & { inExcel?: boolean } = {}
) {
  const grids = typeof workbook === "string" ? await loadFixture(workbook) : workbook;
  const host = fakeHost(grids, options);
  const download = jest.fn();
  const view = render(<App host={host} download={download} inExcel={options.inExcel} />);
  const rerun = options.language?.startsWith("en") ? "Check again" : "重新检查";
  await screen.findByRole("button", { name: rerun });
  // The 生成/导出 steps and the 修正 dialog load after the first findings (App.tsx); the pane is
  // complete once they are there, as it is for the clerk a moment after the findings.
  await act(() => loadLaterSteps());
  return { host, download, ...view };
}
