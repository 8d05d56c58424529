/*
 * A 情况说明 given as a file beside the workbook (check --narrative): plain text, one paragraph per
 * line, or a Word document. Each paragraph is named by its position (“情况说明第3段”) in findings.
 */
import { readFile } from "fs/promises";
import path from "path";
import { paragraphsFromText } from "../core/narrative/check";
import type { NarrativeInput } from "../core/narrative/types";
import { docxParagraphs } from "../io/readDocx";
import { decodeText } from "./textFile";
import { CLI_MESSAGES, detailOf } from "./messages";

export type NarrativeFileResult = { paragraphs: NarrativeInput[] } | { error: string };

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
      const paragraphs = await docxParagraphs(bytes);
      return { paragraphs: paragraphsFromText(paragraphs.join("\n"), location) };
    } catch {
      return { error: CLI_MESSAGES.narrativeNotDocx(file) };
    }
  }
  return { error: CLI_MESSAGES.narrativeWrongType(extension || file) };
}
