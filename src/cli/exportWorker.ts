/*
 * A worker thread of the batch export (batchExport.ts): exports the files it is sent, one at a
 * time, and posts each outcome back. Like checkWorker.ts, it is loaded once per thread.
 */
import { parentPort } from "worker_threads";
import { exportOne } from "./batchExport";
import type { BatchResult, ExportTask } from "./batchExport";
import type { WorkerMessage } from "./workerPool";

const port = parentPort;
if (!port) throw new Error("exportWorker.ts runs only as a worker thread (see batchExport.ts)");

port.on("message", (task: ExportTask) => {
  void exportOne(task.file, task.options).then((result) => {
    const message: WorkerMessage<BatchResult> = { type: "result", id: task.id, result };
    port.postMessage(message);
  });
});
const ready: WorkerMessage<BatchResult> = { type: "ready" };
port.postMessage(ready);
