/*
 * Text files a clerk writes (the --duties text, a 情况说明 as .txt): UTF-8 as the README asks, but
 * Notepad and WPS on a Chinese Windows often save GB18030 (GBK) instead. Read as UTF-8 such a file
 * turns into replacement characters that would be published as they are, so it is read as GB18030.
 */

/** The text of a file: UTF-8 (its BOM dropped) when it is valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}
