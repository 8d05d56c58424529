import JSZip from "jszip";
import { entryBytes, entryBytesUpTo, zipEntries } from "../../src/io/zipEntries";

const TEXT = "<sheetData>" + "<row><c><v>12345.67</v></c></row>".repeat(2_000) + "</sheetData>";

async function zipOf(method: "DEFLATE" | "STORE"): Promise<Uint8Array> {
  const zip = new JSZip();
  // No folder entries: the worksheet is the first (and only) entry of the central directory.
  zip.file("xl/worksheets/sheet1.xml", TEXT, { compression: method, createFolders: false });
  return zip.generateAsync({ type: "uint8array" });
}

/** The same archive with the central directory stating `size` as the entry's uncompressed size. */
function understated(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = copy.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      const central = view.getUint32(i + 16, true);
      view.setUint32(central + 24, size, true);
      return copy;
    }
  throw new Error("no end of central directory");
}

describe("entryBytesUpTo: a worksheet inflated whole only when it is small", () => {
  it.each(["DEFLATE", "STORE"] as const)("gives a %s entry within the bound whole", async (m) => {
    const bytes = await zipOf(m);
    const entry = zipEntries(bytes).get("xl/worksheets/sheet1.xml")!;
    const whole = entryBytesUpTo(bytes, entry, TEXT.length);
    expect(whole && new TextDecoder().decode(whole)).toBe(TEXT);
  });

  it.each(["DEFLATE", "STORE"] as const)("declines a %s entry larger than the bound", async (m) => {
    const bytes = await zipOf(m);
    const entry = zipEntries(bytes).get("xl/worksheets/sheet1.xml")!;
    expect(entryBytesUpTo(bytes, entry, TEXT.length - 1)).toBeUndefined();
  });

  it("declines an entry whose directory understates its size, once inflating passes the bound", async () => {
    const bytes = understated(await zipOf("DEFLATE"), 100);
    const entry = zipEntries(bytes).get("xl/worksheets/sheet1.xml")!;
    expect(entry.uncompressedSize).toBe(100);
    expect(entryBytesUpTo(bytes, entry, 1_000)).toBeUndefined();
    // Nothing else is wrong with it: read without the bound, it is all there.
    expect(new TextDecoder().decode(entryBytes(bytes, entry))).toBe(TEXT);
  });
});
