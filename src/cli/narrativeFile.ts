/*
 * A 情况说明 given as a file beside the workbook (check --narrative): plain text, one paragraph per
 * line, or a Word document. Each paragraph is named by its position (“情况说明第3段”) in findings.
 */
import { readFile } from "fs/promises";
import path from "path";
import type { Finding } from "../core/finding";
import { paragraphsFromText } from "../core/narrative/check";
import type { NarrativeInput } from "../core/narrative/types";
import { docxText } from "../io/readDocx";
import { noteFinding } from "./docxInput";
import { decodeText } from "./textFile";
import { CLI_MESSAGES, detailOf } from "./messages";

/**
 * The paragraphs, and for a .docx what its reader could not read (hidden figures, an embedded
 * object …) as docx.unread findings for the report — present only when there are some.
 */
export type NarrativeFileResult =
  { paragraphs: NarrativeInput[]; findings?: Finding[] } | { error: string };

export async function readNarrativeFile(file: string): Promise<NarrativeFileResult> {
  const extension = path.extname(file).toLowerCase();
  const location = `${path.basename(file)} `;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === "ENOENT"
          ? CLI_MESSAGES.narrativeNotFound(file)
          : CLI_MESSAGES.narrativeUnreadable(file, detailOf(error)),
    };
  }
  if (extension === ".txt" || extension === ".text") {
    return {
      paragraphs: paragraphsFromText(decodeText(bytes), location),
    };
  }
  if (extension === ".docx") {
    try {
      const { paragraphs, notes } = await docxText(bytes);
      const findings = notes.map((note) => noteFinding(note, (n) => `${location}第${n}段`));
      return {
        paragraphs: paragraphsFromText(paragraphs.join("\n"), location),
        ...(findings.length > 0 ? { findings } : {}),
      };
    } catch {
      return { error: CLI_MESSAGES.narrativeNotDocx(file) };
    }
  }
  return { error: CLI_MESSAGES.narrativeWrongType(extension || file) };
}
