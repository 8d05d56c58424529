import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLocale } from "./messages";

/* global document, Office */

function render(displayLanguage: string | undefined, inExcel: boolean) {
  const locale = pickLocale(displayLanguage);
  document.documentElement.lang = locale;
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <StrictMode>
      <App locale={locale} inExcel={inExcel} />
    </StrictMode>
  );
}

// office.js is missing when the page is opened in a plain browser without the network; render
// anyway so the UI can be previewed there.
if (typeof Office === "undefined") {
  render(undefined, false);
} else {
  Office.onReady((info) => {
    // Outside an Office host office.js still resolves onReady, with no host and no context.
    const inExcel = info.host === Office.HostType.Excel;
    render(inExcel ? Office.context.displayLanguage : undefined, inExcel);
  });
}
