import { defaultThreads, parseJobs } from "../../src/cli/jobs";
import { parseCliArgs } from "../../src/cli/main";

describe("parseJobs", () => {
  test("takes the default when not given, and a positive whole number as written", () => {
    expect(parseJobs(undefined, 4)).toEqual({ jobs: 4 });
    expect(parseJobs("1", 4)).toEqual({ jobs: 1 });
    expect(parseJobs("12", 2)).toEqual({ jobs: 12 });
  });

  test.each(["0", "-2", "1.5", "two", ""])("refuses %j with the value in the message", (value) => {
    const parsed = parseJobs(value, 2);
    expect(parsed).toEqual({ error: expect.stringContaining(`“${value}”`) });
    expect("error" in parsed && parsed.error).toMatch(/--jobs 需要一个正整数/);
  });

  test("check and export refuse the same bad value the same way", () => {
    for (const argv of [
      ["check", "a.xlsx", "--jobs", "0"],
      ["export", "收到", "--out", "公开", "--jobs", "0"],
    ]) {
      expect(parseCliArgs(argv, 2)).toEqual({
        command: "usage-error",
        message: (parseJobs("0", 2) as { error: string }).error,
      });
    }
  });
});

describe("defaultThreads: how many threads check a batch without --jobs", () => {
  /** A batch of `files` workbooks the size of the examples (35 KB each). */
  const batch = (cores: number, files: number) => ({ cores, files, bytes: files * 35_000 });

  test("one file, or one core: this thread alone", () => {
    expect(defaultThreads(batch(8, 1))).toBe(1);
    expect(defaultThreads(batch(1, 5000))).toBe(1);
  });

  test("on 2 cores a few hundred workbooks stay in one thread; thousands are worth a second", () => {
    expect(defaultThreads(batch(2, 10))).toBe(1);
    expect(defaultThreads(batch(2, 300))).toBe(1);
    expect(defaultThreads(batch(2, 3000))).toBe(2);
  });

  test("more cores take more threads for the same batch, never more than cores or files", () => {
    const counts = [2, 4, 8, 16].map((cores) => defaultThreads(batch(cores, 300)));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[3]).toBeGreaterThan(counts[0]);
    expect(defaultThreads(batch(4, 300))).toBeGreaterThan(1);
    expect(defaultThreads(batch(64, 100_000))).toBeLessThanOrEqual(64);
    expect(defaultThreads({ cores: 16, files: 3, bytes: 3 * 100_000_000 })).toBeLessThanOrEqual(3);
  });

  test("the size counts, not the number of files: a few large ledgers are worth threads", () => {
    expect(defaultThreads({ cores: 4, files: 20, bytes: 20 * 35_000 })).toBe(1);
    expect(defaultThreads({ cores: 4, files: 20, bytes: 20 * 20_000_000 })).toBe(4);
  });
});
