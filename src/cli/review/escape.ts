/*
 * Text from the workbooks (department names, sheet names, messages quoting cells) goes into HTML.
 * Everything is escaped on the way in: a department called `<script>…` is shown, never run.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** For text content and for attribute values in double or single quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * JSON to embed in `<script type="application/json">`: `<` is written as \u003c so that no value
 * can close the element (`</script>`) or open a comment; `>` and `&` likewise, and the two line
 * separators that older engines treat as line ends. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
