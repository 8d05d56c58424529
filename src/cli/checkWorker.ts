/*
 * A worker thread of the pool (workerPool.ts): checks the files it is sent, one at a time, and
 * posts each result back. Loading this module (exceljs, the engine) is the slow part of starting.
 */
import { parentPort } from "worker_threads";
import { checkFile } from "./checkFile";
import type { WorkerMessage, WorkerTask } from "./workerPool";

const port = parentPort;
if (!port) throw new Error("checkWorker.ts runs only as a worker thread (see workerPool.ts)");

port.on("message", (task: WorkerTask) => {
  void checkFile(task.file, task.options).then((result) => {
    const message: WorkerMessage = { type: "result", id: task.id, result };
    port.postMessage(message);
  });
});
const ready: WorkerMessage = { type: "ready" };
port.postMessage(ready);
