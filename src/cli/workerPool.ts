/*
 * Checks (or exports) many files on worker threads: reading an xlsx and checking it is CPU work, one
 * thread per core. One file, or --jobs 1, runs in this thread: starting a worker costs more than it
 * saves. Results come back in input order whatever order the workers finish in. `runPool` is the
 * pool itself, for any work whose tasks and results are plain data; `checkFiles` is `check`'s use.
 */
import { existsSync } from "fs";
import path from "path";
import { Worker } from "worker_threads";
import type { CheckOptions, FileResult } from "./checkFile";
import { CLI_MESSAGES } from "./messages";

/** Main thread → worker, for `check`. */
export interface WorkerTask {
  id: number;
  file: string;
  options: CheckOptions;
}

/** Worker → main thread: `ready` once its modules are loaded, then one `result` per task. */
export type WorkerMessage<Result = FileResult> =
  { type: "ready" } | { type: "result"; id: number; result: Result };

/** How to start a worker: a compiled script, or (under jest / ts-node) code that loads the TypeScript. */
export interface WorkerSpec {
  filename: string;
  eval?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The worker script `name` beside this module: dist-cli/cli/<name>.js when running the built CLI;
 * when this module is itself TypeScript run through ts-node or ts-jest, the worker loads <name>.ts
 * the same way.
 */
export function defaultWorkerSpec(name = "checkWorker"): WorkerSpec {
  const compiled = path.join(__dirname, `${name}.js`);
  if (existsSync(compiled)) return { filename: compiled };
  const source = path.join(__dirname, `${name}.ts`);
  const register = require.resolve("ts-node/register/transpile-only");
  return {
    eval: true,
    filename: `require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`,
    env: {
      ...process.env,
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node" }),
    },
  };
}

export interface PoolOptions {
  /** Worker threads to use at most; 1 checks in this thread. */
  jobs: number;
  check?: CheckOptions;
  /** Called as each file finishes (in completion order), e.g. for the progress bar. */
  onResult?: (result: FileResult, index: number) => void;
  worker?: WorkerSpec;
}

export async function checkFiles(
  files: readonly string[],
  options: PoolOptions
): Promise<FileResult[]> {
  const check = options.check ?? {};
  return runPool<FileResult>({
    count: files.length,
    jobs: options.jobs,
    worker: options.worker ?? defaultWorkerSpec("checkWorker"),
    task: (id): WorkerTask => ({ id, file: files[id], options: check }),
    // The engine is loaded here only when files are checked in this thread: with worker threads,
    // only they load it.
    inProcess: async (i) => (await import("./checkFile")).checkFile(files[i], check),
    crashed: (i, reason) => ({
      file: files[i],
      sheets: [],
      findings: [],
      error: CLI_MESSAGES.engineFailed(reason),
      ms: 0,
    }),
    onResult: options.onResult,
  });
}

/** Work on `count` items, each done by a worker thread (or in this thread) into one result. */
export interface PoolJob<Result> {
  count: number;
  /** Worker threads at most; 1, or a single item, works in this thread. */
  jobs: number;
  worker: WorkerSpec;
  /** The message the worker gets for item `id`; it answers `{ type: "result", id, result }`. */
  task(id: number): { id: number };
  /** Item `index` in this thread: with one job, or when threads cannot start. */
  inProcess(index: number): Promise<Result>;
  /** The result of an item whose worker died on it (out of memory, a crash in a library). */
  crashed(index: number, reason: string): Result;
  /** Called as each item finishes (in completion order). */
  onResult?: (result: Result, index: number) => void;
}

/** Runs `job` and resolves to its results in item order, whatever order they finish in. */
export async function runPool<Result>(job: PoolJob<Result>): Promise<Result[]> {
  if (job.jobs <= 1 || job.count <= 1) {
    const indexes = Array.from({ length: job.count }, (_, i) => i);
    return inProcess(job, indexes);
  }
  return new WorkerPool(job).run();
}

async function inProcess<Result>(
  job: PoolJob<Result>,
  indexes: readonly number[],
  into: Result[] = []
): Promise<Result[]> {
  for (const i of indexes) {
    into[i] = await job.inProcess(i);
    job.onResult?.(into[i], i);
  }
  return into;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: number;
}

/** Gives up on threads after this many workers died before loading: the script itself is broken. */
const MAX_START_FAILURES = 2;

class WorkerPool<Result> {
  private readonly results: Result[] = [];
  private readonly done = new Set<number>();
  private readonly queue: number[];
  private readonly slots = new Set<Slot>();
  private startFailures = 0;
  private anyReady = false;
  private closing = false;
  private finish!: () => void;

  constructor(private readonly job: PoolJob<Result>) {
    this.queue = Array.from({ length: job.count }, (_, i) => i);
  }

  async run(): Promise<Result[]> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const count = Math.min(this.job.jobs, this.job.count);
    for (let i = 0; i < count; i++) this.spawn();
    await done;
    this.closing = true;
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    return this.results;
  }

  private spawn(): void {
    const spec = this.job.worker;
    const worker = new Worker(spec.filename, {
      eval: spec.eval ?? false,
      env: spec.env,
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on("message", (message: WorkerMessage<Result>) => {
      if (message.type === "ready") {
        slot.ready = true;
        this.anyReady = true;
        this.next(slot);
      } else if (message.type === "result" && slot.task === message.id) {
        slot.task = undefined;
        this.complete(message.id, message.result);
        this.next(slot);
      }
    });
    let failed = false;
    const fail = (reason: string) => {
      if (failed || this.closing) return;
      failed = true;
      this.slots.delete(slot);
      void worker.terminate();
      this.workerDied(slot, reason);
    };
    worker.on("error", (error) => fail(error instanceof Error ? error.message : String(error)));
    worker.on("exit", (code) => fail(`工作线程意外退出（代码 ${code}）`));
  }

  private next(slot: Slot): void {
    const index = this.queue.shift();
    if (index === undefined) {
      this.maybeFinish();
      return;
    }
    slot.task = index;
    slot.worker.postMessage(this.job.task(index));
  }

  private complete(index: number, result: Result): void {
    this.results[index] = result;
    this.done.add(index);
    this.job.onResult?.(result, index);
  }

  private workerDied(slot: Slot, reason: string): void {
    if (!slot.ready) {
      // It died loading its modules, not on an item: put the item back.
      if (slot.task !== undefined) this.queue.unshift(slot.task);
      this.startFailures++;
    } else if (slot.task !== undefined) {
      // The item it was on took the thread down.
      this.complete(slot.task, this.job.crashed(slot.task, reason));
    }
    if (this.startFailures >= MAX_START_FAILURES && !this.anyReady) {
      // Threads cannot start here at all: do what is left in this thread instead.
      const rest = this.queue.splice(0);
      void inProcess(this.job, rest, this.results).then(() => {
        for (const i of rest) this.done.add(i);
        this.maybeFinish();
      });
      return;
    }
    if (this.queue.length > 0) this.spawn();
    else this.maybeFinish();
  }

  private maybeFinish(): void {
    const busy = [...this.slots].some((slot) => slot.task !== undefined);
    if (!busy && this.queue.length === 0 && this.done.size === this.job.count) this.finish();
  }
}
