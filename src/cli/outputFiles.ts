/*
 * Writing the export's files so that a clerk never loses one: the files are written under
 * temporary names in the output folder and renamed into place together at the end. Whatever fails
 * — a full disk, a folder that refuses writing, a file that appeared meanwhile — the temporaries
 * are removed and files that were there before are back as they were: never a lone .xlsx without
 * its .docx, never a half-written file under the final name.
 */
import { randomBytes } from "crypto";
import { promises as fsPromises } from "fs";
import path from "path";

/** The file operations used, so that a test can make one of them fail. */
export interface OutputFs {
  writeFile(file: string, data: Uint8Array, options: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  unlink(file: string): Promise<void>;
  lstat(file: string): Promise<{ isDirectory(): boolean }>;
}

export const NODE_FS: OutputFs = {
  writeFile: (file, data, options) => fsPromises.writeFile(file, data, options),
  rename: (from, to) => fsPromises.rename(from, to),
  link: (existing, created) => fsPromises.link(existing, created),
  unlink: (file) => fsPromises.unlink(file),
  lstat: (file) => fsPromises.lstat(file),
};

export interface OutputFile {
  /** The final path. */
  target: string;
  bytes: Uint8Array;
}

/** Why writing failed, with the path the problem is at (a folder or a file of the output). */
export class OutputWriteError extends Error {
  constructor(
    readonly at: string,
    readonly cause: unknown,
    /** A target that exists and may not be replaced (no --force). */
    readonly exists = false
  ) {
    super(`${at}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "OutputWriteError";
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** `.<name>.<random>.tmp` beside `target`: hidden, and never the name of a file of ours. */
function temporaryName(target: string, role: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${role}-${suffix}.tmp`);
}

/** Removes files, ignoring those that are gone: clean-up must not hide the first error. */
async function removeQuietly(fs: OutputFs, files: readonly string[]): Promise<void> {
  for (const file of files) await fs.unlink(file).catch(() => undefined);
}

/** File systems without hard links (FAT, some network shares) refuse link() with one of these. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"]);

/**
 * Puts `temporary` in place as `target` without replacing a file that exists: link() fails if the
 * target appeared meanwhile. Where links are not supported, the target is checked, then renamed over.
 */
async function placeNew(fs: OutputFs, temporary: string, target: string): Promise<void> {
  try {
    await fs.link(temporary, target);
  } catch (error) {
    if (codeOf(error) === "EEXIST") throw new OutputWriteError(target, error, true);
    if (!NO_HARD_LINKS.has(codeOf(error) ?? "")) throw new OutputWriteError(target, error);
    const present = await fs.lstat(target).then(
      () => true,
      () => false
    );
    if (present)
      throw new OutputWriteError(
        target,
        Object.assign(new Error("exists"), { code: "EEXIST" }),
        true
      );
    await fs.rename(temporary, target).catch((renameError: unknown) => {
      throw new OutputWriteError(target, renameError);
    });
    return;
  }
  await fs.unlink(temporary).catch(() => undefined);
}

/**
 * Writes every file or none. With `overwrite`, files that exist are replaced — kept under a
 * temporary name until all the new ones are in place, and put back if anything fails; without it,
 * a file that exists stops the whole write (OutputWriteError with `exists`).
 */
export async function writeAllOrNothing(
  files: readonly OutputFile[],
  { overwrite, fs = NODE_FS }: { overwrite: boolean; fs?: OutputFs }
): Promise<void> {
  const temporaries: string[] = [];
  try {
    for (const file of files) {
      const temporary = temporaryName(file.target, "new");
      try {
        await fs.writeFile(temporary, file.bytes, { flag: "wx" });
      } catch (error) {
        // Nothing of this name was created; the problem is the folder's (or the disk's).
        throw new OutputWriteError(path.dirname(file.target), error);
      }
      temporaries.push(temporary);
    }
  } catch (error) {
    await removeQuietly(fs, temporaries);
    throw error;
  }

  const placed: string[] = [];
  const kept: { target: string; backup: string }[] = [];
  try {
    for (const [i, file] of files.entries()) {
      if (!overwrite) {
        await placeNew(fs, temporaries[i], file.target);
        placed.push(file.target);
        continue;
      }
      const backup = temporaryName(file.target, "old");
      // A folder of that name is never moved aside (and then lost with the backups).
      const folder = await fs.lstat(file.target).then(
        (stat) => stat.isDirectory(),
        () => false
      );
      if (folder)
        throw new OutputWriteError(
          file.target,
          Object.assign(new Error("is a directory"), { code: "EISDIR" })
        );
      try {
        await fs.rename(file.target, backup);
        kept.push({ target: file.target, backup });
      } catch (error) {
        if (codeOf(error) !== "ENOENT") throw new OutputWriteError(file.target, error);
      }
      try {
        await fs.rename(temporaries[i], file.target);
      } catch (error) {
        throw new OutputWriteError(file.target, error);
      }
      placed.push(file.target);
    }
  } catch (error) {
    await removeQuietly(fs, placed);
    for (const { target, backup } of kept) await fs.rename(backup, target).catch(() => undefined);
    await removeQuietly(fs, temporaries);
    throw error;
  }
  await removeQuietly(
    fs,
    kept.map((k) => k.backup)
  );
}
