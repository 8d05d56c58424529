/*
 * Turns the command line's inputs into a list of workbook files: a file is taken as given, a
 * directory is searched recursively for *.xlsx, and a glob (data/*.xlsx, **\/*.xlsx, 2024/{a,b}*.xlsx)
 * is matched here, so quoting a pattern works the same in every shell, cmd.exe included. Node 20
 * has no glob of its own; the small matcher below covers *, ?, [...], {a,b} and ** segments.
 */
import { Dirent } from "fs";
import { readdir, realpath, stat } from "fs/promises";
import path from "path";
import { CLI_MESSAGES } from "./messages";

export interface InputProblem {
  input: string;
  message: string;
}

export interface ExpandedInputs {
  /** Workbook paths in input order (each directory or glob sorted), without duplicates. */
  files: string[];
  /** Inputs that named nothing: they make the run exit with status 2. */
  problems: InputProblem[];
}

/** Excel's owner file beside an open workbook (~$预算.xlsx): not a workbook, always skipped. */
export function isExcelLockFile(name: string): boolean {
  return path.basename(name).startsWith("~$");
}

/** What directories and globs collect. Files named explicitly are taken whatever their extension. */
export function isWorkbookName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !isExcelLockFile(name);
}

export function hasGlobMagic(text: string): boolean {
  return /[*?[{]/.test(text);
}

/** One path segment of a glob as a regular expression. `*` never crosses a `/`. */
export function segmentToRegExp(segment: string): RegExp {
  let source = "";
  let inBraces = false;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else if (ch === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        let body = segment.slice(i + 1, end);
        const negated = body.startsWith("!") || body.startsWith("^");
        if (negated) body = body.slice(1);
        source += `[${negated ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
        i = end;
      }
    } else if (ch === "{" && !inBraces && segment.indexOf("}", i) > 0) {
      inBraces = true;
      source += "(?:";
    } else if (ch === "}" && inBraces) {
      inBraces = false;
      source += ")";
    } else if (ch === "," && inBraces) source += "|";
    else source += ch.replace(/[.+^$()|\\]/g, "\\$&");
  }
  // Like a shell, a wildcard does not match a hidden name unless the pattern starts with a dot.
  const hidden = segment.startsWith(".") ? "" : "(?!\\.)";
  return new RegExp(
    `^${hidden}${source}$`,
    process.platform === "win32" || process.platform === "darwin" ? "i" : ""
  );
}

/** Splits a glob into the directory to start from (no wildcards) and the pattern below it. */
export function splitGlob(pattern: string): { base: string; rest: string[] } {
  const normalized = process.platform === "win32" ? pattern.replace(/\\/g, "/") : pattern;
  const segments = normalized.split("/");
  const firstMagic = segments.findIndex(hasGlobMagic);
  const baseSegments = segments.slice(0, firstMagic);
  let base = baseSegments.join("/");
  if (base === "" && normalized.startsWith("/")) base = "/";
  return {
    base: base === "" ? "." : base,
    rest: segments.slice(firstMagic).filter((s) => s !== "" && s !== "."),
  };
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Resolves symlinks to their kind; anything unreadable counts as neither. */
async function kindOf(entryPath: string, entry: Dirent): Promise<"file" | "dir" | undefined> {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "dir";
  if (entry.isSymbolicLink()) {
    try {
      const s = await stat(entryPath);
      return s.isFile() ? "file" : s.isDirectory() ? "dir" : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Every *.xlsx below a directory, depth first in name order, skipping hidden directories and lock files. */
export async function workbooksUnder(
  dir: string,
  visited: Set<string> = new Set()
): Promise<string[]> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return [];
  }
  if (visited.has(real)) return [];
  visited.add(real);
  const found: string[] = [];
  for (const entry of await entriesOf(dir)) {
    const entryPath = path.join(dir, entry.name);
    const kind = await kindOf(entryPath, entry);
    if (kind === "dir" && !entry.name.startsWith("."))
      found.push(...(await workbooksUnder(entryPath, visited)));
    else if (kind === "file" && isWorkbookName(entry.name)) found.push(entryPath);
  }
  return found;
}

/** The files and directories a glob matches, walking only as deep as the pattern needs. */
export async function globMatches(pattern: string): Promise<string[]> {
  const { base, rest } = splitGlob(pattern);
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      found.push(p);
    }
  };
  const join = (dir: string, name: string) => (dir === "." ? name : path.join(dir, name));

  const walk = async (dir: string, si: number): Promise<void> => {
    if (si === rest.length) return;
    const segment = rest[si];
    const last = si === rest.length - 1;
    if (segment === "**") {
      if (last) {
        for (const file of await workbooksUnder(dir)) add(file);
        return;
      }
      await walk(dir, si + 1);
      for (const entry of await entriesOf(dir)) {
        const entryPath = join(dir, entry.name);
        if (!entry.name.startsWith(".") && (await kindOf(entryPath, entry)) === "dir")
          await walk(entryPath, si);
      }
      return;
    }
    const regexp = segmentToRegExp(segment);
    for (const entry of await entriesOf(dir)) {
      if (!regexp.test(entry.name)) continue;
      const entryPath = join(dir, entry.name);
      const kind = await kindOf(entryPath, entry);
      if (last) {
        if (kind === "file" || kind === "dir") add(entryPath);
      } else if (kind === "dir") await walk(entryPath, si + 1);
    }
  };
  await walk(base, 0);
  return found;
}

async function kindOfPath(p: string): Promise<"file" | "dir" | "other" | undefined> {
  try {
    const s = await stat(p);
    return s.isFile() ? "file" : s.isDirectory() ? "dir" : "other";
  } catch {
    return undefined;
  }
}

/**
 * Expands the inputs. Paths stay as the user wrote them (relative stays relative), so reports show
 * the names the user knows. A glob that matches a directory takes the workbooks under it, as the
 * shell's own expansion followed by a directory input would.
 */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };

  for (const input of inputs) {
    const kind = await kindOfPath(input);
    if (kind === "file") add(input);
    else if (kind === "dir") {
      const found = await workbooksUnder(input);
      if (found.length === 0)
        problems.push({ input, message: CLI_MESSAGES.folderWithoutWorkbooks() });
      found.forEach(add);
    } else if (kind === "other") problems.push({ input, message: CLI_MESSAGES.notFileOrFolder() });
    else if (hasGlobMagic(input)) {
      const workbooks: string[] = [];
      for (const match of await globMatches(input)) {
        if ((await kindOfPath(match)) === "dir") workbooks.push(...(await workbooksUnder(match)));
        else if (isWorkbookName(match)) workbooks.push(match);
      }
      if (workbooks.length === 0)
        problems.push({ input, message: CLI_MESSAGES.globWithoutWorkbooks() });
      workbooks.forEach(add);
    } else problems.push({ input, message: CLI_MESSAGES.noSuchInput() });
  }
  return { files, problems };
}
