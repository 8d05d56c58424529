/**
 * `--jobs <N>`, shared by `check` and `export`: how many worker threads a batch uses. A positive
 * whole number; anything else is a usage error, never quietly one thread.
 */
import { CLI_MESSAGES } from "./messages";

export type JobsOption = { jobs: number } | { error: string };

export function parseJobs(value: string | undefined, defaultJobs: number): JobsOption {
  if (value === undefined) return { jobs: defaultJobs };
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) return { error: CLI_MESSAGES.badJobs(value) };
  return { jobs };
}
