import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createDefaultHost, createPreviewHost } from "./excel/defaultHost";
import type { WorkbookHost } from "./excel/host";
import { pickLocale } from "./messages";

/* global document, Office */

function mount(host: WorkbookHost, inExcel: boolean) {
  document.documentElement.lang = pickLocale(host.displayLanguage());
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <StrictMode>
      <App host={host} inExcel={inExcel} />
    </StrictMode>
  );
}

// office.js is missing when the page is opened in a plain browser without the network; render
// anyway, over an empty workbook, so the UI can be previewed there.
if (typeof Office === "undefined") {
  mount(createPreviewHost(), false);
} else {
  Office.onReady(async (info) => {
    // Outside an Office host office.js still resolves onReady, with no host and no context.
    if (info.host === Office.HostType.Excel) mount(await createDefaultHost(), true);
    else mount(createPreviewHost(), false);
  });
}
