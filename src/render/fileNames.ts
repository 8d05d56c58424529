/** The names exported files get, the same from the CLI and from the task pane. */

/** Characters no file system takes in a name, and control characters. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
      .replace(/^[\s.]+|[\s.]+$/g, "")
      .slice(0, 120) || "部门"
  );
}

/** `<部门>-<年度>-部门预算公开`, to which .xlsx and .docx are added. */
export function exportBaseName(department: string, year: number): string {
  return `${safeFileName(department)}-${year}-部门预算公开`;
}
