/**
 * Byte-stable Office files: the same tables give the same .xlsx and .docx, byte for byte, so a
 * bureau can diff two exports and a test can compare files. exceljs and docx stamp the package with
 * the time of writing (docProps/core.xml and every zip entry) and docx names a chart's relationship
 * with a random id; this rewrites the package with one given date, stable relationship ids and the
 * entries in the order they were written (the writers' order is itself fixed). Usable in Node and
 * in the browser.
 */
import JSZip from "jszip";

/** The date of a package when nothing better is known: the first day of 2000, UTC. */
export const FIXED_PACKAGE_DATE = new Date(Date.UTC(2000, 0, 1));

/** A zip entry's date is stored in DOS form, which starts in 1980 and ends in 2107. */
const DOS_FIRST = Date.UTC(1980, 0, 1);
const DOS_LAST = Date.UTC(2107, 11, 31);

/** The date to the second, in the range a zip can store (JSZip stores UTC fields). */
function zipDate(date: Date): Date {
  const time = Number.isFinite(date.getTime()) ? date.getTime() : FIXED_PACKAGE_DATE.getTime();
  return new Date(Math.min(DOS_LAST, Math.max(DOS_FIRST, Math.floor(time / 1000) * 1000)));
}

/** `2024-03-01T08:00:00Z`: W3CDTF, as Office writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const CORE_DATE = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;
const RELATIONSHIP_ID = /\bId="([^"]+)"/g;
/** The ids writers number themselves; anything else (docx's nanoid for a chart) is renamed. */
const NUMBERED_ID = /^rId\d+$/;
const RELATIONSHIPS = /^(.*?)_rels\/([^/]+)\.rels$/;
const CORE_PROPERTIES = /(^|\/)core\.xml$/;
const EMBEDDED_PACKAGE = /\.(xlsx|docx)$/i;
/** The parts of a Word document that hold text, bookmarks and drawings. */
const WORD_STORY = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
/** Ids numbered per process: bookmarks (start and end share one) and drawings' docPr. */
const COUNTED_IDS = [
  /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
  /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g,
];

/**
 * Rewrites an Office package (a zip) so that it depends on its content only: the core properties'
 * created and modified dates and every entry's date are `date`, relationship ids that are not
 * numbered (`rId7`) are renamed `rIdStable1`, `rIdStable2` … in order of appearance (in the
 * relationships and in the part they belong to), and embedded packages (a chart's workbook) are
 * rewritten the same way. Entries that do not change keep their compressed bytes.
 */
export async function stablePackage(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const when = zipDate(date);
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files);
  const replace = (name: string, data: string | Uint8Array) =>
    zip.file(name, data, { date: when, createFolders: false, binary: typeof data !== "string" });

  let renamedCount = 0;
  for (const entry of entries) {
    const owner = RELATIONSHIPS.exec(entry.name);
    if (entry.dir || !owner) continue;
    const rels = await entry.async("string");
    const renamed = new Map<string, string>();
    for (const match of rels.matchAll(RELATIONSHIP_ID))
      if (!NUMBERED_ID.test(match[1]) && !renamed.has(match[1]))
        renamed.set(match[1], `rIdStable${++renamedCount}`);
    if (renamed.size === 0) continue;
    const rename = (text: string) => {
      for (const [id, stable] of renamed) text = text.split(`"${id}"`).join(`"${stable}"`);
      return text;
    };
    replace(entry.name, rename(rels));
    const part = zip.file(`${owner[1]}${owner[2]}`);
    if (part) replace(part.name, rename(await part.async("string")));
  }
  // docx numbers bookmarks and drawings from counters that live as long as the process: the
  // second document of a session would differ from the first. Number them again, in order.
  const counters = new Map<RegExp, Map<string, string>>(COUNTED_IDS.map((re) => [re, new Map()]));
  for (const name of Object.keys(zip.files).filter((n) => WORD_STORY.test(n))) {
    const original = await zip.file(name)!.async("string");
    let text = original;
    for (const [pattern, ids] of counters)
      text = text.replace(pattern, (_, open: string, id: string, close: string) => {
        const key = `${name}#${id}`;
        if (!ids.has(key)) ids.set(key, String(ids.size + 1));
        return `${open}${ids.get(key)}${close}`;
      });
    if (text !== original) replace(name, text);
  }
  for (const entry of entries) {
    if (entry.dir) continue;
    if (CORE_PROPERTIES.test(entry.name)) {
      const core = await entry.async("string");
      replace(
        entry.name,
        core.replace(CORE_DATE, (_, open: string, _kind: string, close: string) => {
          return `${open}${w3cdtf(when)}${close}`;
        })
      );
    } else if (EMBEDDED_PACKAGE.test(entry.name))
      replace(entry.name, await stablePackage(await entry.async("uint8array"), date));
  }
  // Whatever was replaced is a new entry in the same place; the rest only change their date.
  for (const entry of Object.values(zip.files)) entry.date = when;
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

/**
 * When a package was last saved, from its core properties (modified, else created): the date an
 * export of it carries, so the same workbook exports to the same bytes.
 */
export async function packageDate(bytes: Uint8Array): Promise<Date | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file("docProps/core.xml")?.async("string");
    if (!core) return undefined;
    for (const kind of ["modified", "created"]) {
      const match = new RegExp(`<dcterms:${kind}\\b[^>]*>([^<]+)</dcterms:${kind}>`).exec(core);
      const date = match ? new Date(match[1].trim()) : undefined;
      if (date && Number.isFinite(date.getTime())) return date;
    }
  } catch {
    // Not a zip: the caller has read it already and would have said so.
  }
  return undefined;
}
