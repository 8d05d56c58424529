/**
 * The paragraphs of a .docx, as plain text: enough to check a 情况说明 a clerk wrote in Word.
 * Usable in Node and in the browser. The XML is read as io/docxTables reads it (saxes, what Word
 * shows: no deleted or hidden text, content controls and text boxes included).
 */
import { documentText, mainDocumentParts } from "./docxTables";
import type { DocumentText } from "./docxTables";

/**
 * Paragraph texts of the main document in document order (table cells included, one paragraph
 * each); tabs and line breaks inside a paragraph become spaces. Throws on bytes that are not a
 * .docx: callers turn that into a message.
 */
export async function docxParagraphs(data: ArrayBuffer | Uint8Array): Promise<string[]> {
  return (await docxText(data)).paragraphs;
}

/** The paragraphs, and what in them the reader could not read (notes for findings). */
export async function docxText(data: ArrayBuffer | Uint8Array): Promise<DocumentText> {
  const { document, styles } = await mainDocumentParts(data);
  return documentText(document, styles);
}
