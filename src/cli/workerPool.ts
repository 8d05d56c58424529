/*
 * Checks many files on worker threads (reading an xlsx and checking it is CPU work: one thread
 * per core). One file, or --jobs 1, runs in this thread: starting a worker costs more than it saves.
 * Results come back in input order whatever order the workers finish in.
 */
import { existsSync } from "fs";
import path from "path";
import { Worker } from "worker_threads";
import { CheckOptions, FileResult, checkFile } from "./checkFile";
import { CLI_MESSAGES } from "./messages";

/** Main thread → worker. */
export interface WorkerTask {
  id: number;
  file: string;
  options: CheckOptions;
}

/** Worker → main thread: `ready` once its modules are loaded, then one `result` per task. */
export type WorkerMessage = { type: "ready" } | { type: "result"; id: number; result: FileResult };

/** How to start a worker: a compiled script, or (under jest / ts-node) code that loads the TypeScript. */
export interface WorkerSpec {
  filename: string;
  eval?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The worker beside this module: dist-cli/cli/checkWorker.js when running the built CLI; when this
 * module is itself TypeScript run through ts-node or ts-jest, the worker loads checkWorker.ts the same way.
 */
export function defaultWorkerSpec(): WorkerSpec {
  const compiled = path.join(__dirname, "checkWorker.js");
  if (existsSync(compiled)) return { filename: compiled };
  const source = path.join(__dirname, "checkWorker.ts");
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
  if (options.jobs <= 1 || files.length <= 1)
    return checkInProcess(
      files,
      files.map((_, i) => i),
      check,
      options.onResult
    );
  return new WorkerPool(files, options).run();
}

async function checkInProcess(
  files: readonly string[],
  indexes: readonly number[],
  check: CheckOptions,
  onResult?: (result: FileResult, index: number) => void,
  into: FileResult[] = []
): Promise<FileResult[]> {
  for (const i of indexes) {
    into[i] = await checkFile(files[i], check);
    onResult?.(into[i], i);
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

class WorkerPool {
  private readonly results: FileResult[] = [];
  private readonly queue: number[];
  private readonly slots = new Set<Slot>();
  private startFailures = 0;
  private anyReady = false;
  private closing = false;
  private finish!: () => void;

  constructor(
    private readonly files: readonly string[],
    private readonly options: PoolOptions
  ) {
    this.queue = files.map((_, i) => i);
  }

  async run(): Promise<FileResult[]> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const count = Math.min(this.options.jobs, this.files.length);
    for (let i = 0; i < count; i++) this.spawn();
    await done;
    this.closing = true;
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    return this.results;
  }

  private spawn(): void {
    const spec = this.options.worker ?? defaultWorkerSpec();
    const worker = new Worker(spec.filename, {
      eval: spec.eval ?? false,
      env: spec.env,
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on("message", (message: WorkerMessage) => {
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
    const task: WorkerTask = {
      id: index,
      file: this.files[index],
      options: this.options.check ?? {},
    };
    slot.worker.postMessage(task);
  }

  private complete(index: number, result: FileResult): void {
    this.results[index] = result;
    this.options.onResult?.(result, index);
  }

  private workerDied(slot: Slot, reason: string): void {
    if (!slot.ready) {
      // It died loading its modules, not on a file: put the file back.
      if (slot.task !== undefined) this.queue.unshift(slot.task);
      this.startFailures++;
    } else if (slot.task !== undefined) {
      // The file it was on took the thread down (out of memory, a crash in a library).
      this.complete(slot.task, {
        file: this.files[slot.task],
        sheets: [],
        findings: [],
        error: CLI_MESSAGES.engineFailed(reason),
        ms: 0,
      });
    }
    if (this.startFailures >= MAX_START_FAILURES && !this.anyReady) {
      // Threads cannot start here at all: check what is left in this thread instead.
      const rest = this.queue.splice(0);
      void checkInProcess(
        this.files,
        rest,
        this.options.check ?? {},
        this.options.onResult,
        this.results
      ).then(() => this.maybeFinish());
      return;
    }
    if (this.queue.length > 0) this.spawn();
    else this.maybeFinish();
  }

  private maybeFinish(): void {
    const busy = [...this.slots].some((slot) => slot.task !== undefined);
    if (
      !busy &&
      this.queue.length === 0 &&
      this.results.filter(Boolean).length === this.files.length
    )
      this.finish();
  }
}
