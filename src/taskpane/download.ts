/**
 * Saving a file from the task pane: a Blob behind a temporary `<a download>`. The pane receives this
 * as a prop, so tests pass a stand-in and no component touches the DOM for it.
 */
import type { ExportedFile } from "./actions";

/* global document, URL, Blob, setTimeout */

export type DownloadFile = (file: ExportedFile) => void;

export const downloadInBrowser: DownloadFile = (file) => {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
