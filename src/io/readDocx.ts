/**
 * The paragraphs of a .docx, as plain text: enough to check a 情况说明 a clerk wrote in Word.
 * Usable in Node and in the browser.
 */
import JSZip from "jszip";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

/**
 * Paragraph texts of word/document.xml in document order (table cells included, one paragraph
 * each); tabs and line breaks inside a paragraph become spaces. Throws on bytes that are not a
 * .docx: callers turn that into a message.
 */
export async function docxParagraphs(data: ArrayBuffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const document = zip.file("word/document.xml");
  if (!document) throw new Error("word/document.xml not found");
  const xml = await document.async("string");
  const paragraphs: string[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const body = match[0];
    let text = "";
    for (const piece of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)\/?>/g)) {
      text += piece[1] !== undefined ? decodeXmlText(piece[1]) : " ";
    }
    if (text.trim() !== "") paragraphs.push(text.trim());
  }
  return paragraphs;
}
