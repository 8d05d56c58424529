import { readFileSync } from "fs";
import { gridsFromXlsxFull } from "../src/io/excelJsGrids";
import { gridsFromXlsxStreaming } from "../src/io/xlsxStream";
import { isDeepStrictEqual } from "util";
(async () => {
  for (const file of process.argv.slice(2)) {
    const bytes = new Uint8Array(readFileSync(file));
    let t = performance.now();
    const full = await gridsFromXlsxFull(bytes);
    const tf = performance.now() - t;
    t = performance.now();
    let stream;
    try { stream = await gridsFromXlsxStreaming(bytes, { maxCells: 1e8 }); } catch (e) { console.log(file, "STREAM ERROR", e); continue; }
    const ts = performance.now() - t;
    const same = isDeepStrictEqual(JSON.parse(JSON.stringify(full)), JSON.parse(JSON.stringify(stream)));
    console.log(same ? "same" : "DIFF", file, tf.toFixed(0), ts.toFixed(0));
    if (!same) {
      for (let i = 0; i < Math.max(full.length, stream.length); i++) {
        const a = JSON.stringify(full[i]); const b = JSON.stringify(stream[i]);
        if (a !== b) { for (let k = 0; k < a.length; k++) if (a[k] !== b?.[k]) { console.log(" sheet", i, "\n  full:", a.slice(Math.max(0,k-150), k+150), "\n  strm:", b?.slice(Math.max(0,k-150), k+150)); break; } }
      }
    }
  }
})();
