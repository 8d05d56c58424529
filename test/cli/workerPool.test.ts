/*
 * The pool on real worker threads. Under jest the workers load checkWorker.ts through ts-node
 * (defaultWorkerSpec), so each one takes a few seconds to start (longer on a loaded machine: the suite's limits in
 * test/helpers/limits.js allow for it).
 */
import path from "path";
import type { FileResult } from "../../src/cli/checkFile";
import { checkFiles } from "../../src/cli/workerPool";
import {
  QUYANG,
  TUNLIU,
  copyTo,
  makeTempDir,
  removeDir,
  writeCorrupt,
  writePlantedError,
} from "./helpers";

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = makeTempDir("budget-pool-");
  files = [];
  for (let i = 0; i < 4; i++) {
    files.push(copyTo(QUYANG, path.join(dir, `quyang-${i}.xlsx`)));
    files.push(copyTo(TUNLIU, path.join(dir, `tunliu-${i}.xlsx`)));
  }
  files.push(await writePlantedError(path.join(dir, "planted.xlsx")));
  files.push(writeCorrupt(path.join(dir, "bad.xlsx")));
});
afterAll(() => removeDir(dir));

/** Everything but the timing. */
const comparable = (results: FileResult[]) => results.map((r) => ({ ...r, ms: 0 }));

test("10 files on 2 worker threads give the same results, in input order, as one by one in this thread", async () => {
  const sequential = await checkFiles(files, { jobs: 1 });
  const finished: number[] = [];
  const parallel = await checkFiles(files, { jobs: 2, onResult: (_r, i) => finished.push(i) });
  expect(parallel.map((r) => r.file)).toEqual(files);
  expect(comparable(parallel)).toEqual(comparable(sequential));
  expect([...finished].sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
  expect(parallel[8].findings.some((f) => f.severity === "error")).toBe(true);
  expect(parallel[9].error).toMatch(/不是有效的 \.xlsx 工作簿/);
});

test("options reach the workers", async () => {
  const [strict] = await checkFiles([TUNLIU, QUYANG], {
    jobs: 2,
    check: { strictRounding: true, template: "mof" },
  });
  expect(strict.template).toBe("mof");
  expect(strict.findings.some((f) => f.severity === "error")).toBe(true);
});

test("a worker script that cannot start: the files are checked in this thread instead", async () => {
  const results = await checkFiles(files.slice(0, 3), {
    jobs: 2,
    worker: { eval: true, filename: "throw new Error('broken worker script')" },
  });
  expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
  expect(results[1].department).toBe("中共长治市屯留区委组织部");
});

test("a worker that dies on a file: that file is an error, the rest are checked", async () => {
  // Ready, then exits on the second task it is given.
  const crashing = `
    const { parentPort } = require("worker_threads");
    let n = 0;
    parentPort.on("message", (task) => {
      if (++n === 2) process.exit(7);
      parentPort.postMessage({ type: "result", id: task.id, result: { file: task.file, sheets: [], findings: [], ms: 0 } });
    });
    parentPort.postMessage({ type: "ready" });
  `;
  const results = await checkFiles(["a", "b", "c", "d", "e"], {
    jobs: 1 + 1,
    worker: { eval: true, filename: crashing },
  });
  expect(results.map((r) => r.file)).toEqual(["a", "b", "c", "d", "e"]);
  const failed = results.filter((r) => r.error !== undefined);
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0].error).toMatch(/检查时程序出错.*代码 7/);
});
