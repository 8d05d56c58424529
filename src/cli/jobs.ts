/**
 * `--jobs <N>`, shared by `check` and `export`: how many worker threads a batch uses. A positive
 * whole number; anything else is a usage error, never quietly one thread. Without it, export uses
 * one per core and check chooses from the batch (defaultThreads).
 */
import { CLI_MESSAGES } from "./messages";

export type JobsOption = { jobs: number } | { error: string };

export function parseJobs(value: string | undefined, defaultJobs: number): JobsOption {
  return value === undefined ? { jobs: defaultJobs } : parseGivenJobs(value);
}

/** The value of a --jobs given on the command line. */
export function parseGivenJobs(value: string): JobsOption {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) return { error: CLI_MESSAGES.badJobs(value) };
  return { jobs };
}

/**
 * What a batch is, for choosing how many threads check it: the cores there are, and the files and
 * their total size on disk (a workbook's checking time grows roughly with its compressed size).
 */
export interface Batch {
  cores: number;
  files: number;
  bytes: number;
}

// Costs measured on a 2-core machine with the example workbooks (`npm run bench -- check`). Only
// their ratios matter: a faster machine shrinks them all alike.
/**
 * CPU seconds a thread spends before it checks at full speed: loading the engine, and above all V8
 * optimising its code on background threads. Every thread pays it again: threads share no
 * compiled code.
 */
const WARM_UP_SECONDS = 3.5;
/** Of the warm-up, the part on the thread itself (the rest runs on V8's compiler threads). */
const WARM_UP_OWN_SECONDS = 0.5;
/** A thread's own time per MB of workbooks once warm. */
const SECONDS_PER_MB = 0.28;
/** V8's background time (garbage collection, more compiling) per MB, on other cores. */
const BACKGROUND_SECONDS_PER_MB = 0.04;

/**
 * How many threads check a batch when --jobs is not given (1: this thread, no workers): the count
 * with the least estimated time. The checking is shared among the threads, but all of their CPU —
 * each one's own warm-up, the checking, V8's work beside it — has to fit on the cores. A single
 * thread already keeps about one and a half cores busy while it warms up, so on 2 cores a second
 * thread pays off only for batches of several hundred workbooks; with more cores, sooner. Never
 * more threads than cores or files.
 */
export function defaultThreads(batch: Batch): number {
  const mb = batch.bytes / (1024 * 1024);
  const estimate = (threads: number) =>
    Math.max(
      WARM_UP_OWN_SECONDS + (mb * SECONDS_PER_MB) / threads,
      (threads * WARM_UP_SECONDS + mb * (SECONDS_PER_MB + BACKGROUND_SECONDS_PER_MB)) / batch.cores
    );
  let best = 1;
  const most = Math.max(1, Math.min(batch.cores, batch.files));
  for (let threads = 2; threads <= most; threads++)
    if (estimate(threads) < estimate(best)) best = threads;
  return best;
}
