import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createDefaultHost, createPreviewHost } from "./excel/defaultHost";
import type { WorkbookHost } from "./excel/host";
import { pickLocale } from "./messages";
import type { DocumentSettings } from "./previousYear";

/* global document, Office */

function mount(host: WorkbookHost, inExcel: boolean, settings?: DocumentSettings) {
  document.documentElement.lang = pickLocale(host.displayLanguage());
  // The page's own margin. Set through the DOM, which taskpane.html's policy allows (no inline
  // <style>), not with Griffel's makeStaticStyles: the build compiles the pane's styles ahead of
  // time (webpack.config.js), and this Griffel runtime has no ahead-of-time form of static styles.
  document.body.style.margin = "0";
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <StrictMode>
      <App host={host} inExcel={inExcel} settings={settings} />
    </StrictMode>
  );
}

/** Office's settings as previousYear.ts uses them (its saveAsync has an options overload first). */
function documentSettings(settings: Office.Settings): DocumentSettings {
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    remove: (name) => settings.remove(name),
    saveAsync: (callback) =>
      settings.saveAsync((result) =>
        callback?.({
          status: result.status === Office.AsyncResultStatus.Succeeded ? "succeeded" : "failed",
          error: result.error,
        })
      ),
  };
}

// office.js is missing when the page is opened in a plain browser without the network; render
// anyway, over an empty workbook, so the UI can be previewed there.
if (typeof Office === "undefined") {
  mount(createPreviewHost(), false);
} else {
  Office.onReady(async (info) => {
    // Outside an Office host office.js still resolves onReady, with no host and no context.
    // Last year's file is remembered in the workbook's own settings (saved with it). A host
    // without them (an old or embedded Excel) still gets the pane; the picker then lasts a session.
    if (info.host === Office.HostType.Excel) {
      const settings = Office.context.document?.settings;
      mount(await createDefaultHost(), true, settings ? documentSettings(settings) : undefined);
    } else mount(createPreviewHost(), false);
  });
}
