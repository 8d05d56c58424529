/*
 * Writing the export's two files all or nothing: through Node's file system, and with one step made
 * to fail, so that what a failure leaves behind is seen.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { NODE_FS, OutputWriteError, writeAllOrNothing } from "../../src/cli/outputFiles";
import type { OutputFs } from "../../src/cli/outputFiles";
import { makeTempDir, removeDir } from "./helpers";

const bytes = (text: string) => new TextEncoder().encode(text);

/** Node's file system, but the given step fails (with `code`) on the given call of it. */
function failing(step: keyof OutputFs, onCall: number, code = "EIO"): OutputFs {
  let calls = 0;
  const fs = { ...NODE_FS };
  const original = NODE_FS[step] as (...args: unknown[]) => Promise<unknown>;
  (fs as Record<string, unknown>)[step] = async (...args: unknown[]) => {
    calls++;
    if (calls === onCall) throw Object.assign(new Error(`simulated ${code} in ${step}`), { code });
    return original(...args);
  };
  return fs;
}

describe("writeAllOrNothing", () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir("budget-output-");
  });
  afterEach(() => removeDir(dir));

  const files = () => [
    { target: path.join(dir, "a.xlsx"), bytes: bytes("new xlsx") },
    { target: path.join(dir, "a.docx"), bytes: bytes("new docx") },
  ];

  test("writes both files and leaves nothing else in the folder", async () => {
    await writeAllOrNothing(files(), { overwrite: false });
    expect(readdirSync(dir).sort()).toEqual(["a.docx", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("new xlsx");
  });

  test("leaves no lone xlsx when the docx cannot be put in place", async () => {
    // The second link() is the docx's: the xlsx is in place already, and must go again.
    await expect(
      writeAllOrNothing(files(), { overwrite: false, fs: failing("link", 2) })
    ).rejects.toBeInstanceOf(OutputWriteError);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("leaves nothing when the disk fills while writing the second file", async () => {
    const error = await writeAllOrNothing(files(), {
      overwrite: false,
      fs: failing("writeFile", 2, "ENOSPC"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).at).toBe(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("with overwrite, puts the earlier files back when replacing fails half-way", async () => {
    writeFileSync(path.join(dir, "a.xlsx"), "old xlsx");
    writeFileSync(path.join(dir, "a.docx"), "old docx");
    // rename #1 moves the old xlsx aside, #2 puts the new one in, #3 moves the old docx aside,
    // #4 — putting the new docx in — fails.
    await expect(
      writeAllOrNothing(files(), { overwrite: true, fs: failing("rename", 4) })
    ).rejects.toBeInstanceOf(OutputWriteError);
    expect(readdirSync(dir).sort()).toEqual(["a.docx", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("old xlsx");
    expect(readFileSync(path.join(dir, "a.docx"), "utf8")).toBe("old docx");
  });

  test("with overwrite, replaces both and keeps no backup", async () => {
    writeFileSync(path.join(dir, "a.xlsx"), "old xlsx");
    await writeAllOrNothing(files(), { overwrite: true });
    expect(readdirSync(dir).sort()).toEqual(["a.docx", "a.xlsx"]);
    expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("new xlsx");
  });

  test("without overwrite, a file that appeared meanwhile stops the whole write", async () => {
    writeFileSync(path.join(dir, "a.docx"), "someone else's");
    const error = await writeAllOrNothing(files(), { overwrite: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exists: true, at: path.join(dir, "a.docx") });
    expect(readdirSync(dir)).toEqual(["a.docx"]);
    expect(readFileSync(path.join(dir, "a.docx"), "utf8")).toBe("someone else's");
  });

  test("never moves a folder that stands where a file goes", async () => {
    mkdirSync(path.join(dir, "a.docx"));
    writeFileSync(path.join(dir, "a.docx", "inside.txt"), "keep");
    const error = await writeAllOrNothing(files(), { overwrite: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ at: path.join(dir, "a.docx") });
    expect(readFileSync(path.join(dir, "a.docx", "inside.txt"), "utf8")).toBe("keep");
    expect(existsSync(path.join(dir, "a.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["a.docx"]);
  });
});
