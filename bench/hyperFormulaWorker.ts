/*
 * Runs one HyperFormula build in a worker thread, so that a run that takes too long (or too much
 * memory) can be stopped: HyperFormula computes synchronously and cannot be interrupted otherwise.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import type { HyperFormulaSheets } from "./rollupBaselines";

export type WorkerOutcome =
  | { kind: "done"; ms: number; values: number[][] }
  | { kind: "timedOut"; afterMs: number }
  | { kind: "failed"; message: string };

// Plain JavaScript run by the worker: it registers ts-node itself (workers start with an empty
// module cache) and times the same runHyperFormula the main thread uses.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
require(workerData.register);
const { runHyperFormula } = require(workerData.module);
parentPort.postMessage({ started: true });
const start = process.hrtime.bigint();
const values = runHyperFormula(workerData.sheets);
parentPort.postMessage({ ms: Number(process.hrtime.bigint() - start) / 1e6, values });
`;

export function runHyperFormulaInWorker(
  sheets: HyperFormulaSheets,
  timeoutMs: number,
  maxHeapMb = 6144
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: {
        register: path.join(__dirname, "register.cjs"),
        module: path.join(__dirname, "rollupBaselines"),
        sheets,
      },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    let started = Date.now();
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    // The budget counts from the start of the build, not from the worker's start-up and data copy.
    let timer: ReturnType<typeof setTimeout> | undefined;
    worker.on("message", (message: { started: true } | { ms: number; values: number[][] }) => {
      if ("started" in message) {
        started = Date.now();
        timer = setTimeout(
          () => settle({ kind: "timedOut", afterMs: Date.now() - started }),
          timeoutMs
        );
      } else settle({ kind: "done", ...message });
    });
    worker.on("error", (error) => settle({ kind: "failed", message: error.message }));
    worker.on("exit", (code) =>
      settle({ kind: "failed", message: `worker exited with code ${code}` })
    );
  });
}
